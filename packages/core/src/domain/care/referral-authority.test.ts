import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../access/policy.ts';
import { ROLES } from '../../access/roles.ts';
import { allowedReferralActions, REFERRAL_ACTION_RULES, referralActionRefusal, type ReferralFacts } from './referral-authority.ts';
import { deriveReferralState, INITIAL_REFERRAL_STATE, REFERRAL_ACTION_TYPES } from './referral-status.ts';

const facts: ReferralFacts = { referringAgencyId: 'police', caseOwnerAgencyId: 'police', providerAgencyId: 'shelter', regionCodes: ['KZ-75'] };
const actor = (role: Actor['role'], agencyId: string, regions: string[] = ['KZ-75']): Actor => ({
  userId: 'u',
  role,
  agencyId,
  jurisdiction: { national: false, regions },
});

describe('referral authority', () => {
  it('lets the provider answer and the sender withdraw or transfer', () => {
    expect(allowedReferralActions(actor('shelter_manager', 'shelter'), facts, INITIAL_REFERRAL_STATE)).toEqual(['accepted', 'declined']);
    expect(allowedReferralActions(actor('identification_officer', 'police'), facts, INITIAL_REFERRAL_STATE)).toEqual(['withdrawn', 'transferred']);
    const accepted = deriveReferralState(['sent', 'accepted']);
    expect(allowedReferralActions(actor('case_worker', 'shelter'), facts, accepted)).toEqual(['completed']);
  });

  it('answers forbidden, not_found and invalid_transition like the case table', () => {
    expect(referralActionRefusal(actor('prosecutor', 'police'), 'accepted', facts, INITIAL_REFERRAL_STATE)).toBe('forbidden');
    expect(referralActionRefusal(actor('shelter_manager', 'other'), 'accepted', facts, INITIAL_REFERRAL_STATE)).toBe('not_found');
    // A regional officer of another unit sees the referral but is not its sender.
    expect(referralActionRefusal(actor('identification_officer', 'other'), 'withdrawn', facts, INITIAL_REFERRAL_STATE)).toBe('forbidden');
    expect(referralActionRefusal(actor('case_worker', 'shelter'), 'completed', facts, INITIAL_REFERRAL_STATE)).toBe('invalid_transition');
    expect(referralActionRefusal(actor('case_worker', 'shelter'), 'accepted', facts, INITIAL_REFERRAL_STATE)).toBeNull();
  });

  it('property: system actions are never allowed to anyone; allowed implies no refusal', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ROLES),
        fc.constantFrom('police', 'shelter', 'other'),
        fc.subarray(['accepted', 'escalated', 'consent_withdrawn'] as const),
        (role, agency, flags) => {
          const a = actor(role, agency);
          const state = flags.includes('accepted') ? deriveReferralState(['sent', 'accepted']) : INITIAL_REFERRAL_STATE;
          const allowed = allowedReferralActions(a, facts, state);
          for (const t of allowed) {
            expect((REFERRAL_ACTION_RULES[t] as { system?: boolean }).system).not.toBe(true);
            expect(referralActionRefusal(a, t, facts, state)).toBeNull();
          }
          for (const t of REFERRAL_ACTION_TYPES.filter((x) => !allowed.includes(x))) expect(referralActionRefusal(a, t, facts, state)).not.toBeNull();
        },
      ),
    );
  });
});
