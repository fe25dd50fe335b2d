import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consentAccessUntil, consentGiverIssues, consentState, referralConsentIssues, sharesOf } from './consent.ts';
import { CONSENT_SHARES } from './provider-values.ts';

const consent = { personId: 'p', providerId: 'v', shares: ['identity'], validUntil: '2026-12-31', withdrawnAt: null };
const at = (iso: string) => new Date(iso);

describe('consent', () => {
  it('holds until the end of its last day in Kazakhstan (UTC+5)', () => {
    expect(consentAccessUntil('2026-12-31').toISOString()).toBe('2026-12-31T19:00:00.000Z');
    expect(consentState(consent, at('2026-12-31T18:59:59Z'))).toBe('valid');
    expect(consentState(consent, at('2026-12-31T19:00:00Z'))).toBe('lapsed');
    expect(consentState({ ...consent, withdrawnAt: at('2026-06-01T00:00:00Z') }, at('2026-06-02T00:00:00Z'))).toBe('withdrawn');
  });

  it('refuses a referral without consent unless permitted AND a reason is given', () => {
    const base = { consent: null, personId: 'p', providerId: 'v', now: at('2026-06-01T00:00:00Z') };
    expect(referralConsentIssues({ ...base, mayOverride: false, overrideReason: 'urgent' })).toEqual([{ path: 'consentId', code: 'consent_required' }]);
    expect(referralConsentIssues({ ...base, mayOverride: true, overrideReason: '  ' })).toEqual([{ path: 'overrideReason', code: 'override_reason_required' }]);
    expect(referralConsentIssues({ ...base, mayOverride: true, overrideReason: 'danger to life' })).toEqual([]);
  });

  it('refuses a consent for another provider, withdrawn or lapsed', () => {
    const base = { personId: 'p', providerId: 'v', now: at('2026-06-01T00:00:00Z'), mayOverride: true, overrideReason: undefined };
    expect(referralConsentIssues({ ...base, consent: { ...consent, providerId: 'w' } })[0]?.code).toBe('consent_other_provider');
    expect(referralConsentIssues({ ...base, consent: { ...consent, withdrawnAt: at('2026-05-01T00:00:00Z') } })[0]?.code).toBe('consent_withdrawn');
    expect(referralConsentIssues({ ...base, consent: { ...consent, validUntil: '2026-05-31' } })[0]?.code).toBe('consent_lapsed');
    expect(referralConsentIssues({ ...base, consent })).toEqual([]);
  });

  it("requires a guardian for a child's consent", () => {
    expect(consentGiverIssues(true, 'person')).toEqual([{ path: 'givenBy', code: 'consent_guardian_required' }]);
    expect(consentGiverIssues(true, 'guardian')).toEqual([]);
    expect(consentGiverIssues(false, 'person')).toEqual([]);
  });

  it('property: an access grant shares only what the consent names; an override shares everything', () => {
    fc.assert(
      fc.property(fc.subarray([...CONSENT_SHARES]), (shares) => {
        expect(new Set(sharesOf({ shares }))).toEqual(new Set(shares));
      }),
    );
    expect(sharesOf(null)).toEqual([...CONSENT_SHARES]);
  });

  it('property: a withdrawn consent is never valid afterwards, whatever its last day', () => {
    fc.assert(
      fc.property(fc.date({ min: at('2020-01-01'), max: at('2030-01-01'), noInvalidDate: true }), fc.integer({ min: 0, max: 1e10 }), (w, later) => {
        expect(consentState({ ...consent, validUntil: '2099-12-31', withdrawnAt: w }, new Date(w.getTime() + later))).toBe('withdrawn');
      }),
    );
  });
});
