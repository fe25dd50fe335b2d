import type { FieldIssue } from '../../errors.ts';
import { KAZAKHSTAN_UTC_OFFSET_MS } from '../calendar/kazakhstan-time.ts';
import { CONSENT_SHARES, type ConsentShare } from './provider-values.ts';

/**
 * Consent (DOMAIN.md §2.3): recorded before personal data is shared, for one provider, for what
 * it names, until a day. A withdrawal stops sharing from that moment; a lapsed consent shares
 * nothing either. A referral without a valid consent is refused unless the actor's role holds
 * `referral.override_consent` and she writes why (audited).
 */
export const CONSENT_GIVERS = ['person', 'guardian'] as const;
export type ConsentGiver = (typeof CONSENT_GIVERS)[number];
export const CONSENT_STATES = ['valid', 'withdrawn', 'lapsed'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

export interface ConsentFacts {
  providerId: string;
  shares: readonly string[];
  /** Last day it holds (YYYY-MM-DD, Kazakhstan). */
  validUntil: string;
  withdrawnAt: Date | null;
}

/** The consent's state at `now`: withdrawn wins over lapsed (it is the person's own act). */
export function consentState(c: ConsentFacts, now: Date): ConsentState {
  if (c.withdrawnAt !== null && c.withdrawnAt.getTime() <= now.getTime()) return 'withdrawn';
  return now.getTime() >= consentAccessUntil(c.validUntil).getTime() ? 'lapsed' : 'valid';
}

/** The first instant after the consent's last day, in Kazakhstan time: access ends there. */
export function consentAccessUntil(validUntil: string): Date {
  return new Date(Date.parse(`${validUntil}T00:00:00Z`) + 86_400_000 - KAZAKHSTAN_UTC_OFFSET_MS);
}

/** What an access grant shares: the consent's shares, or everything for an override (recorded, with reasons). */
export function sharesOf(consent: Pick<ConsentFacts, 'shares'> | null): ConsentShare[] {
  if (!consent) return [...CONSENT_SHARES];
  return CONSENT_SHARES.filter((s) => consent.shares.includes(s));
}

/** A child's consent is her guardian's (a person under the adult age cannot consent alone). */
export function consentGiverIssues(isChild: boolean, givenBy: ConsentGiver): FieldIssue[] {
  return isChild && givenBy !== 'guardian' ? [{ path: 'givenBy', code: 'consent_guardian_required' }] : [];
}

/**
 * Why a referral's consent basis is refused (empty: acceptable). `consent` null: none given.
 * An override needs the permission AND a reason; with a consent, it must be this person's, for
 * this provider, and valid now.
 */
export function referralConsentIssues(input: {
  consent: (ConsentFacts & { personId: string }) | null;
  personId: string;
  providerId: string;
  now: Date;
  mayOverride: boolean;
  overrideReason: string | undefined;
}): FieldIssue[] {
  const { consent } = input;
  if (!consent) {
    if (!input.mayOverride) return [{ path: 'consentId', code: 'consent_required' }];
    return input.overrideReason?.trim() ? [] : [{ path: 'overrideReason', code: 'override_reason_required' }];
  }
  if (consent.personId !== input.personId || consent.providerId !== input.providerId) return [{ path: 'consentId', code: 'consent_other_provider' }];
  const state = consentState(consent, input.now);
  if (state === 'withdrawn') return [{ path: 'consentId', code: 'consent_withdrawn' }];
  if (state === 'lapsed') return [{ path: 'consentId', code: 'consent_lapsed' }];
  return [];
}
