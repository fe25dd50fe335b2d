import { type ClaimMode, MAX_AMOUNT_TENGE } from './justice-values.ts';

/**
 * Compensation per person (DOMAIN.md §2.6; issue #11 item 5): the right explained (when, in which
 * language, by whom), civil claims with the criminal case or separately, what the court awarded
 * and what was paid, by whom. Pure rules, shared by the server (field-level refusals) and the web.
 * Every issue is `{ path, code }`, `code` an i18n key under `validation.`.
 */

/**
 * Languages the right can be explained in (ISO 639-1): Kazakhstan's two, and those of the
 * victims the seeds name (Central Asian neighbours, China, South Asia) and other common ones.
 */
export const COMPENSATION_LANGUAGES = [
  'kk',
  'ru',
  'en',
  'uz',
  'ky',
  'tg',
  'tk',
  'zh',
  'uk',
  'az',
  'be',
  'hy',
  'ka',
  'mn',
  'tr',
  'fa',
  'ps',
  'ar',
  'ur',
  'hi',
  'bn',
  'ne',
  'vi',
  'th',
  'tl',
  'id',
  'ko',
  'de',
  'fr',
  'es',
] as const;
export type CompensationLanguage = (typeof COMPENSATION_LANGUAGES)[number];

/** Days after a protection case opened from which an unexplained right is overdue (the reminder's urgency). */
export const COMPENSATION_EXPLAIN_DAYS = 30;

export interface RedressIssue {
  path: string;
  code: string;
}

/** A whole amount of tenge in [0, MAX_AMOUNT_TENGE] (or (0, MAX] when `positive`). */
export function amountIssues(path: string, value: number, opts: { positive?: boolean } = {}): RedressIssue[] {
  if (!Number.isFinite(value) || !Number.isInteger(value)) return [{ path, code: 'amount_whole_tenge' }];
  if (value < 0) return [{ path, code: 'amount_negative' }];
  if (opts.positive && value === 0) return [{ path, code: 'amount_positive' }];
  if (value > MAX_AMOUNT_TENGE) return [{ path, code: 'amount_absurd' }];
  return [];
}

const future = (path: string, date: string | null | undefined, today: string): RedressIssue[] =>
  date && date > today ? [{ path, code: 'date_in_future' }] : [];

/** The right to compensation was explained on `informedOn`: not a day that has not come. */
export function informedIssues(body: { informedOn: string }, today: string): RedressIssue[] {
  return future('informedOn', body.informedOn, today);
}

/** A claim with the criminal case names the case; a separate civil claim may link one. */
export function claimIssues(body: { mode: ClaimMode; criminalCaseId?: string | null; filedOn: string; claimedTenge: number }, today: string): RedressIssue[] {
  return [
    ...(body.mode === 'with_criminal_case' && !body.criminalCaseId ? [{ path: 'criminalCaseId', code: 'claim_needs_criminal_case' }] : []),
    ...future('filedOn', body.filedOn, today),
    ...amountIssues('claimedTenge', body.claimedTenge),
  ];
}

/** The court's award: not before the claim was filed, not in the future. */
export function awardIssues(claim: { filedOn: string }, body: { awardedTenge: number; awardedOn: string }, today: string): RedressIssue[] {
  return [
    ...(body.awardedOn < claim.filedOn ? [{ path: 'awardedOn', code: 'award_before_filing' }] : []),
    ...future('awardedOn', body.awardedOn, today),
    ...amountIssues('awardedTenge', body.awardedTenge),
  ];
}

export interface ClaimPaymentFacts {
  awardedTenge: number | null;
  awardedOn: string | null;
  /** What was paid on the claim before this payment. */
  paidTenge: number;
}

/**
 * A payment: only on an award, not before it, not in the future, a positive whole amount; what
 * takes the total paid beyond the award needs a reason (issue #11 "Bad input").
 */
export function paymentIssues(
  claim: ClaimPaymentFacts,
  body: { paidOn: string; amountTenge: number; overAwardReason?: string | null },
  today: string,
): RedressIssue[] {
  if (claim.awardedTenge === null || claim.awardedOn === null) return [{ path: 'amountTenge', code: 'no_award' }];
  const amount = amountIssues('amountTenge', body.amountTenge, { positive: true });
  return [
    ...(body.paidOn < claim.awardedOn ? [{ path: 'paidOn', code: 'payment_before_award' }] : []),
    ...future('paidOn', body.paidOn, today),
    ...amount,
    ...(amount.length === 0 && beyondAward(claim, body.amountTenge) && !body.overAwardReason?.trim()
      ? [{ path: 'overAwardReason', code: 'payment_beyond_award_needs_reason' }]
      : []),
  ];
}

/** Whether this payment takes the total paid beyond the award. */
export function beyondAward(claim: Pick<ClaimPaymentFacts, 'awardedTenge' | 'paidTenge'>, amountTenge: number): boolean {
  return claim.awardedTenge !== null && claim.paidTenge + amountTenge > claim.awardedTenge;
}

/**
 * Marks the payments (in the order they were made) whose running total exceeds the award: the
 * view's `overAward`. With no award every payment is beyond it.
 */
export function markOverAward<P extends { amountTenge: number }>(awardedTenge: number | null, payments: readonly P[]): (P & { overAward: boolean })[] {
  let paid = 0;
  return payments.map((p) => {
    const over = awardedTenge === null || paid + p.amountTenge > awardedTenge;
    paid += p.amountTenge;
    return { ...p, overAward: over };
  });
}

/** The figures that fall out of the data: claimed, awarded and paid, in tenge. */
export function redressTotals(claims: readonly { claimedTenge: number; awardedTenge: number | null; paidTenge: number }[]): {
  claimed: number;
  awarded: number;
  paid: number;
} {
  return claims.reduce((t, c) => ({ claimed: t.claimed + c.claimedTenge, awarded: t.awarded + (c.awardedTenge ?? 0), paid: t.paid + c.paidTenge }), {
    claimed: 0,
    awarded: 0,
    paid: 0,
  });
}
