import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGENCY_TYPES } from '../../../access/roles.ts';
import { FORM_CATEGORIES } from '../categories.ts';
import { RECOMMENDATION_STATUSES } from '../recommendations.ts';
import type { AnnualReportFacts, ReportCount } from '../report-facts.ts';
import { en } from './en.ts';
import { kk } from './kk.ts';
import { ru } from './ru.ts';
import { seedFacts } from './seed-facts.fixture.ts';
import { allSentences, protection } from './test-helpers.fixture.ts';
import { writeAnnualReport } from './write-annual-report.ts';

const LANGUAGES = { en, ru, kk };

describe('category labels', () => {
  for (const [lang, L] of Object.entries(LANGUAGES)) {
    it(`${lang}: every form of exploitation, agency type and recommendation status has its own label`, () => {
      for (const form of FORM_CATEGORIES) {
        expect(L.forms[form].one.trim(), form).not.toBe('');
        expect(L.forms[form].other.trim(), form).not.toBe('');
      }
      for (const type of AGENCY_TYPES) expect(L.agencies[type]?.trim(), type).toBeTruthy();
      for (const status of RECOMMENDATION_STATUSES) expect(L.statuses[status]?.trim(), status).toBeTruthy();
      expect(new Set(FORM_CATEGORIES.map((f) => L.forms[f].other)).size).toBe(FORM_CATEGORIES.length);
      expect(new Set(AGENCY_TYPES.map((t) => L.agencies[t])).size).toBe(AGENCY_TYPES.length);
      expect(new Set(RECOMMENDATION_STATUSES.map((s) => L.statuses[s])).size).toBe(RECOMMENDATION_STATUSES.length);
      if (lang !== 'en') {
        const all = [
          ...FORM_CATEGORIES.flatMap((f) => [L.forms[f].one, L.forms[f].other]),
          ...AGENCY_TYPES.map((t) => L.agencies[t]),
          ...RECOMMENDATION_STATUSES.map((s) => L.statuses[s]),
        ];
        expect(all.filter((label) => /[A-Za-z]/.test(label))).toEqual([]);
      }
    });

    it(`${lang}: each form's label is what the report writes for its victims`, () => {
      for (const form of FORM_CATEGORIES) {
        const f = seedFacts();
        const id = f.identification as NonNullable<AnnualReportFacts['identification']>;
        id.victims = 30;
        id.byForm = [
          { form, total: 12, citizen: 12, foreign: 0 },
          { form: form === 'Unknown' ? 'Other' : 'Unknown', total: 1, citizen: 1, foreign: 0 },
        ];
        const text = protection(f, lang as 'en').join(' ');
        expect(text).toContain(L.forms[form].other);
        expect(text).toContain(L.forms[form === 'Unknown' ? 'Other' : 'Unknown'].one);
      }
    });
  }
});

const count: fc.Arbitrary<ReportCount> = fc.oneof(fc.integer({ min: 0, max: 2_000_000 }), fc.constantFrom<ReportCount>(0, 1, 2, 5, 'lt11', 'hidden'));
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const tenge = fc.record({ tenge: fc.integer({ min: 0, max: 5_000_000_000 }), tengePerUsd: maybe(fc.double({ min: 100, max: 600, noNaN: true })) });

const factsArbitrary: fc.Arbitrary<AnnualReportFacts> = fc.record({
  year: fc.integer({ min: 2020, max: 2040 }),
  edition: fc.constantFrom<'official' | 'public'>('official', 'public'),
  identification: maybe(
    fc.record({
      victims: count,
      previous: maybe(
        fc.record({ year: fc.integer({ min: 2010, max: 2019 }), value: count, source: fc.constantFrom<'register' | 'official'>('register', 'official') }),
      ),
      byForm: fc.array(fc.record({ form: fc.constantFrom(...FORM_CATEGORIES, 'NotACategory'), total: count, citizen: count, foreign: count }), {
        maxLength: 4,
      }),
      children: maybe(count),
      female: maybe(count),
      male: maybe(count),
      byAgencyType: fc.array(fc.record({ agencyType: fc.constantFrom(...AGENCY_TYPES), n: count }), { maxLength: 4 }),
      anonymousNotifications: maybe(count),
      selfReports: maybe(count),
    }),
  ),
  care: maybe(
    fc.record({
      referred: maybe(count),
      byReferrerType: fc.array(fc.record({ agencyType: fc.constantFrom(...AGENCY_TYPES), n: count }), { maxLength: 3 }),
      personsSheltered: maybe(count),
      bedDays: maybe(fc.integer({ min: 0, max: 100_000 })),
    }),
  ),
  funding: maybe(
    fc.record({
      shelters: fc.record({
        tenge: fc.integer({ min: 0, max: 5_000_000_000 }),
        tengePerUsd: maybe(fc.double({ min: 100, max: 600, noNaN: true })),
        count: fc.integer({ min: 0, max: 40 }),
      }),
      previous: maybe(
        fc.record({
          tenge: fc.integer({ min: 0, max: 5_000_000_000 }),
          tengePerUsd: maybe(fc.double({ min: 100, max: 600, noNaN: true })),
          year: fc.integer({ min: 2010, max: 2019 }),
          count: fc.integer({ min: 0, max: 40 }),
          source: fc.constantFrom<'register' | 'official'>('register', 'official'),
        }),
      ),
    }),
  ),
  proceedings: maybe(
    fc.record({
      participated: maybe(count),
      victimWitness: maybe(
        fc.record({
          tenge: fc.integer({ min: 0, max: 9_000_000 }),
          tengePerUsd: maybe(fc.double({ min: 100, max: 600, noNaN: true })),
          citizens: count,
          foreign: count,
        }),
      ),
    }),
  ),
  prosecution: maybe(
    fc.record({
      investigations: count,
      prosecutions: count,
      convictions: count,
      previous: maybe(
        fc.record({
          year: fc.integer({ min: 2010, max: 2019 }),
          investigations: maybe(count),
          prosecutions: maybe(count),
          convictions: maybe(count),
          source: fc.constantFrom<'register' | 'official'>('register', 'official'),
        }),
      ),
      sentences: maybe(fc.record({ custodial: count, suspended: count, fine: count })),
      complicitOfficials: maybe(fc.record({ suspects: count, convicted: count })),
    }),
  ),
  redress: maybe(fc.record({ informed: maybe(count), claims: maybe(count), awarded: maybe(tenge), paid: maybe(tenge), legalAidPersons: maybe(count) })),
  prevention: maybe(
    fc.record({
      recommendations: fc.array(fc.record({ code: fc.string(), status: fc.constantFrom(...RECOMMENDATION_STATUSES, 'unknown') }), { maxLength: 6 }),
    }),
  ),
});

describe('any facts', () => {
  it('property: every sentence in every language is whole — a capital letter first, no placeholder, a full stop last', () => {
    fc.assert(
      fc.property(factsArbitrary, (facts) => {
        for (const lang of ['en', 'ru', 'kk'] as const) {
          const report = writeAnnualReport(facts, lang);
          expect(report.sections.map((s) => s.key)).toEqual(['prosecution', 'protection', 'prevention']);
          for (const s of allSentences(report)) {
            expect(s).toMatch(/^\p{Lu}/u);
            expect(s).toMatch(/\.$/);
            expect(s).not.toMatch(/undefined|null|NaN|Infinity|hidden|lt11| {2}/);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
