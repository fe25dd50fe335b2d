import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '../calendar/civil-date.ts';
import { allowedRedressActions } from './justice-authority.ts';
import { MAX_AMOUNT_TENGE } from './justice-values.ts';
import {
  amountIssues,
  awardIssues,
  claimIssues,
  COMPENSATION_LANGUAGES,
  informedIssues,
  markOverAward,
  paymentIssues,
  redressTotals,
} from './redress-rules.ts';

const TODAY = '2026-12-06';
const BASE = toDayNumber('2026-01-01');
const day = fc.integer({ min: 0, max: 400 }).map((n) => fromDayNumber(BASE + n));
const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

describe('amounts', () => {
  it('are whole tenge in [0, MAX]; a payment is positive', () => {
    expect(amountIssues('x', -1)).toEqual([{ path: 'x', code: 'amount_negative' }]);
    expect(amountIssues('x', 1.5)).toEqual([{ path: 'x', code: 'amount_whole_tenge' }]);
    expect(amountIssues('x', Number.NaN)).toEqual([{ path: 'x', code: 'amount_whole_tenge' }]);
    expect(amountIssues('x', MAX_AMOUNT_TENGE + 1)).toEqual([{ path: 'x', code: 'amount_absurd' }]);
    expect(amountIssues('x', 0)).toEqual([]);
    expect(amountIssues('x', 0, { positive: true })).toEqual([{ path: 'x', code: 'amount_positive' }]);
    expect(amountIssues('x', MAX_AMOUNT_TENGE)).toEqual([]);
  });
  it('property: an integer is accepted exactly when it lies in [0, MAX]', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2 * MAX_AMOUNT_TENGE, max: 2 * MAX_AMOUNT_TENGE }), (n) => {
        expect(amountIssues('a', n).length === 0).toBe(n >= 0 && n <= MAX_AMOUNT_TENGE);
      }),
    );
  });
});

describe('the right explained and claims', () => {
  it('the right cannot be explained tomorrow', () => {
    expect(informedIssues({ informedOn: '2026-12-07' }, TODAY)).toEqual([{ path: 'informedOn', code: 'date_in_future' }]);
    expect(informedIssues({ informedOn: TODAY }, TODAY)).toEqual([]);
  });
  it('a claim with the criminal case names the case; a separate one need not', () => {
    const body = { filedOn: '2026-11-01', claimedTenge: 500_000 };
    expect(claimIssues({ ...body, mode: 'with_criminal_case' }, TODAY)).toEqual([{ path: 'criminalCaseId', code: 'claim_needs_criminal_case' }]);
    expect(claimIssues({ ...body, mode: 'with_criminal_case', criminalCaseId: 'c' }, TODAY)).toEqual([]);
    expect(claimIssues({ ...body, mode: 'separate_civil' }, TODAY)).toEqual([]);
    expect(claimIssues({ ...body, mode: 'separate_civil', criminalCaseId: 'c' }, TODAY)).toEqual([]);
    expect(codes(claimIssues({ mode: 'separate_civil', filedOn: '2027-01-01', claimedTenge: -5 }, TODAY))).toEqual(['date_in_future', 'amount_negative']);
  });
  it('an award is not dated before the claim was filed', () => {
    expect(awardIssues({ filedOn: '2026-11-01' }, { awardedTenge: 100, awardedOn: '2026-10-31' }, TODAY)).toEqual([
      { path: 'awardedOn', code: 'award_before_filing' },
    ]);
    expect(awardIssues({ filedOn: '2026-11-01' }, { awardedTenge: 100, awardedOn: '2026-11-01' }, TODAY)).toEqual([]);
  });
  it('property: an award is refused for its date exactly when it precedes filing or follows today', () => {
    fc.assert(
      fc.property(day, day, (filedOn, awardedOn) => {
        const bad = awardedOn < filedOn || awardedOn > TODAY;
        expect(awardIssues({ filedOn }, { awardedTenge: 1, awardedOn }, TODAY).length > 0).toBe(bad);
      }),
    );
  });
  it('offers ISO 639-1 codes, the victims’ languages among them, each once', () => {
    expect(COMPENSATION_LANGUAGES).toEqual(expect.arrayContaining(['kk', 'ru', 'en', 'uz', 'ky', 'tg', 'tk', 'zh']));
    expect(new Set(COMPENSATION_LANGUAGES).size).toBe(COMPENSATION_LANGUAGES.length);
    for (const l of COMPENSATION_LANGUAGES) expect(l).toMatch(/^[a-z]{2}$/);
  });
});

describe('payments', () => {
  const awarded = { awardedTenge: 1000, awardedOn: '2026-11-10', paidTenge: 0 };
  it('need an award first', () => {
    expect(paymentIssues({ awardedTenge: null, awardedOn: null, paidTenge: 0 }, { paidOn: TODAY, amountTenge: 10 }, TODAY)).toEqual([
      { path: 'amountTenge', code: 'no_award' },
    ]);
  });
  it('are positive, not before the award, not in the future', () => {
    expect(codes(paymentIssues(awarded, { paidOn: '2026-11-09', amountTenge: 0 }, TODAY))).toEqual(['payment_before_award', 'amount_positive']);
    expect(codes(paymentIssues(awarded, { paidOn: '2026-12-07', amountTenge: 10 }, TODAY))).toEqual(['date_in_future']);
  });
  it('beyond the award only with a reason', () => {
    expect(paymentIssues({ ...awarded, paidTenge: 600 }, { paidOn: TODAY, amountTenge: 400 }, TODAY)).toEqual([]);
    expect(paymentIssues({ ...awarded, paidTenge: 600 }, { paidOn: TODAY, amountTenge: 401 }, TODAY)).toEqual([
      { path: 'overAwardReason', code: 'payment_beyond_award_needs_reason' },
    ]);
    expect(paymentIssues({ ...awarded, paidTenge: 600 }, { paidOn: TODAY, amountTenge: 401, overAwardReason: '  ' }, TODAY)).toHaveLength(1);
    expect(paymentIssues({ ...awarded, paidTenge: 600 }, { paidOn: TODAY, amountTenge: 401, overAwardReason: 'Interest by court order' }, TODAY)).toEqual([]);
  });
  it('property: without a reason a positive payment is refused exactly when the total paid would exceed the award', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 10_000 }), (award, paid, amount) => {
        const issues = paymentIssues({ awardedTenge: award, awardedOn: '2026-01-01', paidTenge: paid }, { paidOn: TODAY, amountTenge: amount }, TODAY);
        expect(issues.some((i) => i.code === 'payment_beyond_award_needs_reason')).toBe(paid + amount > award);
      }),
    );
  });
  it('marks the payments whose running total exceeds the award', () => {
    expect(markOverAward(1000, [{ amountTenge: 600 }, { amountTenge: 400 }, { amountTenge: 1 }]).map((p) => p.overAward)).toEqual([false, false, true]);
    expect(markOverAward(null, [{ amountTenge: 1 }])[0]?.overAward).toBe(true);
  });
});

describe('totals and authority', () => {
  it('property: totals are the sums of the claims', () => {
    const claim = fc.record({
      claimedTenge: fc.integer({ min: 0, max: 1e6 }),
      awardedTenge: fc.option(fc.integer({ min: 0, max: 1e6 }), { nil: null }),
      paidTenge: fc.integer({ min: 0, max: 1e6 }),
    });
    fc.assert(
      fc.property(fc.array(claim, { maxLength: 10 }), (claims) => {
        const t = redressTotals(claims);
        expect(t.claimed).toBe(claims.reduce((s, c) => s + c.claimedTenge, 0));
        expect(t.awarded).toBe(claims.reduce((s, c) => s + (c.awardedTenge ?? 0), 0));
        expect(t.paid).toBe(claims.reduce((s, c) => s + c.paidTenge, 0));
      }),
    );
  });
  it('who may take which compensation action', () => {
    expect(allowedRedressActions({ role: 'case_worker' }, { mayAct: true })).toEqual(expect.arrayContaining(['record_informed', 'record_payment']));
    expect(allowedRedressActions({ role: 'case_worker' }, { mayAct: true })).not.toContain('file_claim');
    expect(allowedRedressActions({ role: 'court_clerk' }, { mayAct: true })).toEqual(['record_award']);
    expect(allowedRedressActions({ role: 'prosecutor' }, { mayAct: false })).toEqual([]);
  });
});
