import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import shipped from '../../../../../reference/care/referral-rules.json';
import { PROVIDER_ELIGIBILITY, PROVIDER_FUNDING, PROVIDER_KINDS } from './provider-values.ts';
import { providerTakes } from './provider-rules.ts';
import { ageOn, parseReferralRules, referralEligibility, type EligibilityPerson, type ReferralRulesDocument } from './referral-eligibility.ts';

const parsed = parseReferralRules(shipped);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
const rules = parsed.value;
const today = '2026-12-06';

const person = fc.record({
  age: fc.option(fc.integer({ min: 0, max: 90 }), { nil: null }),
  sex: fc.constantFrom('female', 'male', 'unknown') as fc.Arbitrary<EligibilityPerson['sex']>,
  foreign: fc.boolean(),
});
const provider = fc.record({
  kind: fc.constantFrom(...PROVIDER_KINDS),
  eligibility: fc.subarray([...PROVIDER_ELIGIBILITY]),
  funding: fc.constantFrom(...PROVIDER_FUNDING),
});
const codes = (...a: Parameters<typeof referralEligibility>) => referralEligibility(...a).map((i) => i.code);

describe('referral eligibility (rules as data)', () => {
  it('the shipped rules parse; a broken document does not', () => {
    expect(rules.versions.length).toBeGreaterThan(0);
    expect(parseReferralRules({ ...shipped, adultAge: 'x' }).ok).toBe(false);
  });

  const childShelter = { kind: 'shelter', eligibility: ['children', 'women', 'men', 'foreign_nationals'], funding: 'government' } as const;
  const adultWomen = { kind: 'shelter', eligibility: ['adults', 'women'], funding: 'private' } as const;

  it('refuses a child to an adult shelter and an adult to a child shelter, on the provider field', () => {
    expect(referralEligibility(rules, today, { age: 15, sex: 'female', foreign: true }, adultWomen, { identified: true }, false)).toEqual([
      { path: 'providerId', code: 'provider_not_for_children' },
      { path: 'providerId', code: 'provider_not_for_foreign_nationals' },
    ]);
    expect(codes(rules, today, { age: 30, sex: 'female', foreign: false }, childShelter, { identified: true }, false)).toEqual(['provider_not_for_adults']);
  });

  it('a government shelter takes a person after identification, or in an emergency pending it', () => {
    const child = { age: 15, sex: 'female', foreign: true } as const;
    expect(codes(rules, today, child, childShelter, { identified: false }, false)).toEqual(['identification_required']);
    expect(codes(rules, today, child, childShelter, { identified: false }, true)).toEqual([]);
    expect(codes(rules, today, child, childShelter, { identified: true }, false)).toEqual([]);
  });

  it('applies the version in force on the day', () => {
    const doc: ReferralRulesDocument = { ...rules, versions: [...rules.versions, { effectiveFrom: '2027-01-01', rules: [] }] };
    const man = { age: 40, sex: 'male', foreign: false } as const;
    expect(codes(doc, '2026-12-31', man, adultWomen, { identified: true }, false)).toEqual(['provider_not_for_men']);
    expect(codes(doc, '2027-01-01', man, adultWomen, { identified: true }, false)).toEqual([]);
  });

  it('property: a child is never eligible for a provider without "children"', () => {
    fc.assert(
      fc.property(person, provider, fc.boolean(), fc.boolean(), (p, pr, identified, emergency) => {
        fc.pre(p.age !== null && p.age < 18 && !pr.eligibility.includes('children'));
        expect(codes(rules, today, p, pr, { identified }, emergency)).toContain('provider_not_for_children');
      }),
    );
  });

  it('property: an adult is never eligible for a provider with "children" and without "adults"', () => {
    fc.assert(
      fc.property(person, provider, fc.boolean(), fc.boolean(), (p, pr, identified, emergency) => {
        fc.pre((p.age === null || p.age >= 18) && pr.eligibility.includes('children') && !pr.eligibility.includes('adults'));
        expect(codes(rules, today, p, pr, { identified }, emergency)).not.toEqual([]);
      }),
    );
  });

  it("property: the shipped rules agree with the directory's providerTakes (identification aside)", () => {
    fc.assert(
      fc.property(person, provider, (p, pr) => {
        const need = { age: p.age !== null && p.age < 18 ? 'child' : 'adult', sex: p.sex, foreign: p.foreign } as const;
        expect(referralEligibility(rules, today, p, pr, { identified: true }, false).length === 0).toBe(providerTakes(pr, need));
      }),
    );
  });

  it('counts age in whole years on the day', () => {
    expect(ageOn({ date: '2009-12-07', year: 2009 }, '2026-12-06')).toBe(16);
    expect(ageOn({ date: '2009-12-06', year: 2009 }, '2026-12-06')).toBe(17);
    expect(ageOn({ date: null, year: 2009 }, '2026-12-06')).toBe(17);
    expect(ageOn({ date: null, year: null }, '2026-12-06')).toBeNull();
  });
});
