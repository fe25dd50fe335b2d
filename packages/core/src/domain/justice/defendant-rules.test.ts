import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../access/roles.ts';
import { fromDayNumber, toDayNumber } from '../calendar/civil-date.ts';
import {
  articleIssues,
  chargeIssues,
  complicityIssues,
  MAX_SENTENCE_MONTHS,
  outcomeIssues,
  procedureDateIssues,
  sameArticles,
  sentenceOf,
  TERM_SENTENCES,
} from './defendant-rules.ts';
import { DEFENDANT_KINDS, MAX_AMOUNT_TENGE, OFFICIAL_AGENCY_TYPES, OUTCOMES, SENTENCE_KINDS } from './justice-values.ts';

const KNOWN = ['128', '135', '125', '126', '134', '308'];
const facts = { registeredOn: '2026-03-01', today: '2026-11-20' };
const paths = (issues: { path: string }[]) => issues.map((i) => i.path);
const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

describe('complicity of officials', () => {
  it('an official names her agency type, and only an official has one', () => {
    expect(complicityIssues({ kind: 'individual', official: true, officialAgencyType: 'police' })).toEqual([]);
    expect(complicityIssues({ kind: 'individual', official: false, officialAgencyType: null })).toEqual([]);
    expect(complicityIssues({ kind: 'individual', official: true, officialAgencyType: null })).toEqual([
      { path: 'officialAgencyType', code: 'official_agency_required' },
    ]);
    expect(complicityIssues({ kind: 'individual', official: false, officialAgencyType: 'customs' })).toEqual([
      { path: 'officialAgencyType', code: 'agency_without_official' },
    ]);
  });
  it('a business is never an official', () => {
    expect(complicityIssues({ kind: 'business', official: true, officialAgencyType: 'police' })).toEqual([{ path: 'official', code: 'business_not_official' }]);
  });
  it('property: accepted exactly when (official iff agency type) and not (business and official)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DEFENDANT_KINDS),
        fc.boolean(),
        fc.option(fc.constantFrom(...OFFICIAL_AGENCY_TYPES), { nil: null }),
        (kind, official, officialAgencyType) => {
          const ok = complicityIssues({ kind, official, officialAgencyType }).length === 0;
          expect(ok).toBe(official === (officialAgencyType !== null) && !(kind === 'business' && official));
        },
      ),
    );
  });
});

describe('articles and reclassification', () => {
  it('names the unknown and the repeated article by its position', () => {
    expect(articleIssues(['128', '999', '128'], KNOWN)).toEqual([
      { path: 'articles.1', code: 'unknown_article', params: { code: '999' } },
      { path: 'articles.2', code: 'duplicate_value' },
    ]);
    expect(codes(articleIssues([], KNOWN))).toEqual(['too_small']);
    expect(articleIssues(['128', '135'], new Set(KNOWN))).toEqual([]);
  });
  it('a reclassification must change the article set; order alone is no change', () => {
    const base = { current: ['128'], known: KNOWN, ...facts };
    expect(chargeIssues('investigator', { articles: ['128', '125'], reason: 'reclassified_by_investigator', on: '2026-05-01' }, base)).toEqual([]);
    expect(chargeIssues('investigator', { articles: ['128'], reason: 'reclassified_by_investigator', on: '2026-05-01' }, base)).toEqual([
      { path: 'articles', code: 'articles_unchanged' },
    ]);
    const two = { ...base, current: ['125', '128'] };
    expect(codes(chargeIssues('prosecutor', { articles: ['128', '125'], reason: 'reclassified_by_prosecutor', on: '2026-05-01' }, two))).toEqual([
      'articles_unchanged',
    ]);
  });
  it("the court's reason is the clerk's alone, the pre-trial reasons the investigator's and the prosecutor's", () => {
    const base = { current: ['128'], known: KNOWN, ...facts };
    const charge = (role: Role, reason: 'reclassified_by_court' | 'reclassified_by_prosecutor' | 'initial') =>
      codes(chargeIssues(role, { articles: ['135'], reason, on: '2026-05-01' }, base));
    expect(charge('court_clerk', 'reclassified_by_court')).toEqual([]);
    expect(charge('prosecutor', 'reclassified_by_court')).toEqual(['reason_not_for_role']);
    expect(charge('court_clerk', 'reclassified_by_prosecutor')).toEqual(['reason_not_for_role']);
    expect(charge('prosecutor', 'initial')).toEqual(['invalid_value']);
  });
  it('property: sameArticles ignores order and repetition and is symmetric', () => {
    const list = fc.array(fc.constantFrom(...KNOWN), { maxLength: 6 });
    fc.assert(
      fc.property(list, list, (a, b) => {
        expect(sameArticles(a, b)).toBe(sameArticles(b, a));
        expect(sameArticles(a, [...a].reverse())).toBe(true);
        expect(sameArticles(a, b)).toBe(new Set(a).size === new Set(b).size && a.every((c) => b.includes(c)));
      }),
    );
  });
});

describe('procedural dates', () => {
  const BASE = toDayNumber('2026-01-01');
  it('not before the registration, not after today', () => {
    expect(procedureDateIssues('2026-02-28', facts)).toEqual([{ path: 'on', code: 'before_case_registered', params: { registeredOn: '2026-03-01' } }]);
    expect(procedureDateIssues('2026-11-21', facts)).toEqual([{ path: 'on', code: 'date_in_future' }]);
    expect(procedureDateIssues('2026-03-01', facts)).toEqual([]);
    expect(procedureDateIssues('2026-11-20', facts)).toEqual([]);
  });
  it('property: accepted exactly within [registeredOn, today]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: -100, max: 600 }), (r, len, d) => {
        const f = { registeredOn: fromDayNumber(BASE + r), today: fromDayNumber(BASE + r + len) };
        const on = fromDayNumber(BASE + r + d);
        expect(procedureDateIssues(on, f).length === 0).toBe(d >= 0 && d <= len);
      }),
    );
  });
});

describe('outcomes and sentences', () => {
  const on = '2026-10-01';
  it('a conviction needs a sentence; a term needs months 1..600', () => {
    expect(outcomeIssues({ outcome: 'convicted', on }, facts)).toEqual([{ path: 'sentenceKind', code: 'sentence_required' }]);
    expect(outcomeIssues({ outcome: 'convicted', on, sentenceKind: 'custodial', sentenceMonths: 96 }, facts)).toEqual([]);
    expect(codes(outcomeIssues({ outcome: 'convicted', on, sentenceKind: 'custodial' }, facts))).toEqual(['sentence_months_required']);
    expect(codes(outcomeIssues({ outcome: 'convicted', on, sentenceKind: 'suspended', sentenceMonths: 0 }, facts))).toEqual(['sentence_months_range']);
    expect(codes(outcomeIssues({ outcome: 'convicted', on, sentenceKind: 'custodial', sentenceMonths: 601 }, facts))).toEqual(['sentence_months_range']);
    expect(codes(outcomeIssues({ outcome: 'convicted', on, sentenceKind: 'custodial', sentenceMonths: 12.5 }, facts))).toEqual(['sentence_months_range']);
  });
  it('a fine needs tenge 1..MAX and no months; a term may add a fine', () => {
    expect(outcomeIssues({ outcome: 'convicted', on, sentenceKind: 'fine', fineTenge: 500_000 }, facts)).toEqual([]);
    expect(paths(outcomeIssues({ outcome: 'convicted', on, sentenceKind: 'fine' }, facts))).toEqual(['fineTenge']);
    expect(outcomeIssues({ outcome: 'convicted', on, sentenceKind: 'fine', fineTenge: -5 }, facts)).toEqual([
      { path: 'fineTenge', code: 'fine_range', params: { min: 1, max: MAX_AMOUNT_TENGE } },
    ]);
    expect(codes(outcomeIssues({ outcome: 'convicted', on, sentenceKind: 'fine', fineTenge: MAX_AMOUNT_TENGE + 1 }, facts))).toEqual(['fine_range']);
    expect(codes(outcomeIssues({ outcome: 'convicted', on, sentenceKind: 'fine', fineTenge: 100, sentenceMonths: 3 }, facts))).toEqual(['not_with_sentence']);
    expect(outcomeIssues({ outcome: 'convicted', on, sentenceKind: 'custodial', sentenceMonths: 60, fineTenge: 1_000_000 }, facts)).toEqual([]);
  });
  it('an acquittal or dropped charges carry no sentence', () => {
    expect(outcomeIssues({ outcome: 'acquitted', on }, facts)).toEqual([]);
    expect(paths(outcomeIssues({ outcome: 'acquitted', on, sentenceMonths: 12 }, facts))).toEqual(['sentenceMonths']);
    expect(paths(outcomeIssues({ outcome: 'charges_dropped', on, sentenceKind: 'fine', fineTenge: 10 }, facts))).toEqual(['sentenceKind', 'fineTenge']);
    expect(sentenceOf({ outcome: 'acquitted', on })).toEqual({ sentenceKind: null, sentenceMonths: null, fineTenge: null });
  });
  it('the outcome is dated within the proceedings', () => {
    expect(codes(outcomeIssues({ outcome: 'acquitted', on: '2025-12-31' }, facts))).toEqual(['before_case_registered']);
    expect(codes(outcomeIssues({ outcome: 'acquitted', on: '2026-12-31' }, facts))).toEqual(['date_in_future']);
  });
  it('property: an accepted outcome stores a sentence exactly when convicted, with months for a term and tenge for a fine', () => {
    const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
    fc.assert(
      fc.property(
        fc.constantFrom(...OUTCOMES),
        maybe(fc.constantFrom(...SENTENCE_KINDS)),
        maybe(fc.integer({ min: -5, max: MAX_SENTENCE_MONTHS + 5 })),
        maybe(fc.integer({ min: -5, max: 2_000_000 })),
        (outcome, sentenceKind, sentenceMonths, fineTenge) => {
          const input = { outcome, on, sentenceKind, sentenceMonths, fineTenge };
          if (outcomeIssues(input, facts).length) return;
          const s = sentenceOf(input);
          if (outcome !== 'convicted') {
            expect(s).toEqual({ sentenceKind: null, sentenceMonths: null, fineTenge: null });
            return;
          }
          expect(s.sentenceKind).not.toBeNull();
          if (s.sentenceMonths !== null) expect(s.sentenceMonths).toBeGreaterThanOrEqual(1);
          if (s.fineTenge !== null) expect(s.fineTenge).toBeGreaterThanOrEqual(1);
          if (TERM_SENTENCES.includes(s.sentenceKind as 'custodial')) expect(s.sentenceMonths).not.toBeNull();
          if (s.sentenceKind === 'fine') expect([s.fineTenge !== null, s.sentenceMonths]).toEqual([true, null]);
        },
      ),
    );
  });
});
