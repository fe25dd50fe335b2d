import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import rulesJson from '../../../../../reference/indicators/rules.v2.json' with { type: 'json' };
import { DomainError } from '../../errors.ts';
import { parseIndicatorList, parseRuleConfig, type IndicatorList, type RuleConfig, type Verification } from './indicator-list.ts';
import { consentIssue, evaluateScreening, levelRank, presumedChild, type ScreeningResult } from './screening.ts';

// Tests run against the shipped rules (DOMAIN.md §3) on synthetic, fully graded lists.
function ok<T>(r: { ok: true; value: T } | { ok: false; issues: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}
const shipped = ok(parseRuleConfig(rulesJson));
const rules: RuleConfig = { ...shipped, verification: 'verified' };
const reading = (id: string): RuleConfig => ({ ...rules, adult: { ...rules.adult, active: id } });
const [D1, D2, D3, D4, D5, D6] = rules.dimensions.map((d) => d.id) as [string, string, string, string, string, string];
const DIMS = [D1, D2, D3, D4, D5, D6];

const label = { kk: 'белгі', ru: 'признак', en: 'sign' };
const GRADES = [
  ['s', 2, 'strong'],
  ['m', 3, 'medium'],
  ['w', 2, 'weak'],
] as const;
function gradedList(id: string, verification: Verification): IndicatorList {
  const indicators = DIMS.flatMap((dimension) =>
    GRADES.flatMap(([p, n, strength]) =>
      Array.from({ length: n }, (_, k) => ({ id: `${id}.${dimension}.${p}${k + 1}`, labels: label, control: false, dimension, strength })),
    ),
  );
  return ok(
    parseIndicatorList({
      id,
      version: '1',
      verification,
      title: label,
      source: [{ id: 'T', citation: 'test' }],
      appliesTo: { exploitation: 'all', population: 'all' },
      indicators,
    }),
  );
}
const V = gradedList('v', 'verified');
const P = gradedList('p', 'provisional');
const SF = ok(
  parseIndicatorList({
    id: 'sf',
    version: '1',
    verification: 'verified',
    title: label,
    source: [{ id: 'T', citation: 'test' }],
    appliesTo: { exploitation: 'all', population: 'all' },
    indicators: [
      { id: 'sf.documents_withheld', labels: label, control: true, dimension: D5 },
      { id: 'sf.excessive_overtime', labels: label, control: false, dimension: D4 },
    ],
  }),
);
const LISTS = [SF, V, P];
const ALL_IDS = LISTS.flatMap((l) => l.indicators.map((i) => i.id));

/** `pick('v', D1, 's1m2')` → one strong and two medium indicators of D1 in list v. */
function pick(list: string, dim: string, spec: string): string[] {
  return [...spec.matchAll(/([smw])(\d)/g)].flatMap(([, g, n]) => Array.from({ length: Number(n) }, (_, k) => `${list}.${dim}.${g}${k + 1}`));
}
const positive = (dim: string): string[] => pick('v', dim, 's2');
const screen = (observed: string[], ageYears: number | null = 30, r: RuleConfig = rules, lists = LISTS): ScreeningResult =>
  evaluateScreening({ observed, ageYears, lists, rules: r });
const dimPositive = (observed: string[], dim: string): boolean => screen(observed).dimensions.find((d) => d.dimension === dim)!.positive;

describe('dimension rule (DOMAIN.md §3)', () => {
  it.each([
    ['s1', false, '1 strong alone is not positive'],
    ['s2', true, '2 strong'],
    ['s1m1', true, '1 strong + 1 medium'],
    ['s1w1', true, '1 strong + 1 weak'],
    ['m2', false, '2 medium alone'],
    ['m3', true, '3 medium'],
    ['m2w1', true, '2 medium + 1 weak'],
    ['m1w2', false, '1 medium + any number of weak'],
    ['w2', false, 'weak only'],
  ])('%s → %s (%s)', (spec, expected) => {
    expect(dimPositive(pick('v', D4, spec), D4)).toBe(expected);
  });

  it('matches the source expression for every count combination', () => {
    for (let s = 0; s <= 2; s++)
      for (let m = 0; m <= 3; m++)
        for (let w = 0; w <= 2; w++) {
          const expected = s >= 2 || (s >= 1 && m + w >= 1) || m >= 3 || (m >= 2 && w >= 1);
          expect(dimPositive(pick('v', D2, `s${s}m${m}w${w}`), D2), `S${s} M${m} W${w}`).toBe(expected);
        }
  });

  it('ungraded indicators (the short form) never count towards a dimension', () => {
    expect(dimPositive(['sf.documents_withheld', ...pick('v', D5, 's1')], D5)).toBe(false);
  });
});

describe('adult and child rules', () => {
  const viaVulnerability = [...positive(D3), ...positive(D4), ...positive(D6)];
  const viaCoercion = [...positive(D1), ...positive(D4), ...positive(D5)];

  it('reading (a), the default: any recruitment dimension AND exploitation AND (coercion OR abuse of vulnerability)', () => {
    expect(screen(viaVulnerability)).toMatchObject({ level: 'meets_rule', ruleApplied: 'adult', rule: { reading: 'a' } });
    expect(screen(viaCoercion).level).toBe('meets_rule');
    expect(screen([...positive(D1), ...positive(D4)]).level).toBe('refer'); // no means at destination
    expect(screen([...positive(D1), ...positive(D5), ...positive(D6)]).level).toBe('refer'); // no exploitation
  });

  it('reading (b): (deceptive OR coercive recruitment) AND exploitation AND coercion at destination', () => {
    expect(screen(viaVulnerability, 30, reading('b')).level).toBe('refer');
    expect(screen(viaCoercion, 30, reading('b'))).toMatchObject({ level: 'meets_rule', rule: { reading: 'b' } });
    expect(screen([...positive(D2), ...positive(D4), ...positive(D6)], 30, reading('b')).level).toBe('refer');
  });

  it('children need no means: recruitment act AND exploitation, under 18 only', () => {
    const actAndExploitation = [...positive(D2), ...positive(D4)];
    expect(screen(actAndExploitation, 17.9)).toMatchObject({ level: 'meets_rule', ruleApplied: 'child', rule: { reading: null } });
    expect(screen(actAndExploitation, 18)).toMatchObject({ level: 'refer', ruleApplied: 'adult' });
    expect(screen(positive(D4), 12).level).toBe('refer'); // exploitation without a recruitment act
  });

  it('an unknown age is presumed a child: the child rule applies (no means needed)', () => {
    const actAndExploitation = [...positive(D2), ...positive(D4)];
    expect(screen(actAndExploitation, null)).toMatchObject({ level: 'meets_rule', ruleApplied: 'child', rule: { reading: null } });
    expect(screen(actAndExploitation, 30)).toMatchObject({ level: 'refer', ruleApplied: 'adult' });
    // A rules file cannot switch the presumption off.
    expect(parseRuleConfig({ ...rulesJson, ageUnknown: 'adult' }).ok).toBe(false);
    expect(parseRuleConfig({ ...rulesJson, ageUnknown: null }).ok).toBe(false);
  });

  it('the child age comes from the rules file', () => {
    const actAndExploitation = [...positive(D2), ...positive(D4)];
    const sixteen: RuleConfig = { ...rules, childAgeYears: 16 };
    expect(screen(actAndExploitation, 17, sixteen)).toMatchObject({ ruleApplied: 'adult' });
    expect(screen(actAndExploitation, 15, sixteen)).toMatchObject({ ruleApplied: 'child' });
    expect(consentIssue('declined', 17, sixteen)).toBeNull();
    expect(consentIssue('declined', 15, sixteen)).toEqual({ path: 'consent', code: 'child_requires_referral', params: { childAge: 16 } });
  });

  it('declining is refused for a child and for a person whose age is unknown; an adult may decline', () => {
    expect(consentIssue('declined', null, rules)).toEqual({ path: 'consent', code: 'age_unknown_requires_referral', params: { childAge: 18 } });
    expect(consentIssue('declined', 17, rules)).toMatchObject({ code: 'child_requires_referral' });
    expect(consentIssue('declined', 18, rules)).toBeNull();
    expect(consentIssue('identified', null, rules)).toBeNull();
  });

  it("property: declining is allowed exactly for a known age at or over the rules file's child age", () => {
    fc.assert(
      fc.property(fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }), fc.integer({ min: 1, max: 30 }), (age, childAgeYears) => {
        const issue = consentIssue('declined', age, { childAgeYears });
        expect(issue === null).toBe(age !== null && age >= childAgeYears);
        expect(presumedChild(age, { childAgeYears })).toBe(issue !== null);
      }),
    );
  });
});

describe('levels, floors and provisional lists', () => {
  it('no indicators observed → none', () => {
    expect(screen([])).toMatchObject({ level: 'none', fired: [], reasons: [], provisional: false });
  });

  it('any short-form indicator of control, or any strong indicator, alone → refer', () => {
    expect(screen(['sf.documents_withheld'])).toMatchObject({ level: 'refer', reasons: ['control_indicator', 'indicators_present'] });
    expect(screen(pick('v', D6, 's1'))).toMatchObject({ level: 'refer', reasons: ['strong_indicator', 'indicators_present'] });
  });

  it('explains itself: what fired, from which list, with grade and dimension', () => {
    const r = screen(['v.coercion_at_destination.s1', 'sf.documents_withheld', 'v.coercion_at_destination.s1']);
    expect(r.fired).toEqual([
      { listId: 'sf', listVersion: '1', indicatorId: 'sf.documents_withheld', verification: 'verified', control: true, dimension: D5 },
      {
        listId: 'v',
        listVersion: '1',
        indicatorId: 'v.coercion_at_destination.s1',
        verification: 'verified',
        control: false,
        strength: 'strong',
        dimension: D5,
      },
    ]);
  });

  it('an unverified list is labelled as such and cannot reach meets_rule on its own', () => {
    const onlyProvisional = [D1, D4, D5].flatMap((d) => pick('p', d, 's2'));
    expect(screen(onlyProvisional)).toMatchObject({
      level: 'refer',
      provisional: true,
      provisionalRuleMet: true,
      reasons: ['provisional_rule_met', 'strong_indicator', 'indicators_present'],
    });
    expect(screen(onlyProvisional).fired.every((f) => f.verification === 'provisional')).toBe(true);
    expect(screen(pick('p', D3, 'w1'))).toMatchObject({ level: 'refer', provisional: true, provisionalRuleMet: false });
  });

  it('provisional grades that complete a verified picture still do not make meets_rule', () => {
    const r = screen([...positive(D1), ...positive(D4), ...pick('p', D5, 's2')]);
    expect(r).toMatchObject({ level: 'refer', provisional: false, provisionalRuleMet: true });
    expect(r.positiveDimensions).toEqual([D1, D4, D5]);
    expect(r.verifiedPositiveDimensions).toEqual([D1, D4]);
  });

  it('meets_rule under a provisional rules file is labelled provisional', () => {
    const r = evaluateScreening({ observed: [...positive(D1), ...positive(D4), ...positive(D5)], ageYears: 40, lists: LISTS, rules: shipped });
    expect(r).toMatchObject({ level: 'meets_rule', provisional: true, rule: { verification: 'provisional' } });
  });
});

describe('invalid input', () => {
  const issuesOf = (f: () => unknown): unknown => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      return (e as DomainError).fields;
    }
    throw new Error('expected a DomainError');
  };

  it('rejects unknown indicator ids, naming each', () => {
    expect(issuesOf(() => screen(['sf.documents_withheld', 'sf.nope']))).toEqual([
      { path: 'observed.1', code: 'unknown_indicator', params: { id: 'sf.nope' } },
    ]);
  });

  it('rejects a bad age, duplicate ids across lists, and two groups of one list', () => {
    expect(issuesOf(() => screen([], -1))).toEqual([{ path: 'ageYears', code: 'invalid_value' }]);
    expect(issuesOf(() => screen([], 30, rules, [V, V]))).toContainEqual(expect.objectContaining({ code: 'duplicate_id' }));
    const grouped = ok(
      parseIndicatorList({
        ...P,
        id: 'g',
        groups: [
          { id: 'adult', labels: label, appliesTo: P.appliesTo },
          { id: 'child', labels: label, appliesTo: P.appliesTo },
        ],
        indicators: [
          { ...P.indicators[0]!, id: 'g.a', group: 'adult' },
          { ...P.indicators[0]!, id: 'g.c', group: 'child' },
        ],
      }),
    );
    expect(issuesOf(() => screen(['g.a', 'g.c'], 30, rules, [grouped]))).toEqual([
      { path: 'observed', code: 'mixed_indicator_groups', params: { list: 'g', groups: 'adult, child' } },
    ]);
  });
});

describe('properties', () => {
  const observed = fc.subarray(ALL_IDS);
  const age = fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 90 }), fc.double({ min: 0, max: 90, noNaN: true }));
  const cfg = fc.constantFrom(rules, reading('b'), shipped);

  it('adding an observed indicator never lowers the level', () => {
    fc.assert(
      fc.property(observed, fc.subarray(ALL_IDS), age, cfg, (xs, more, a, r) => {
        expect(levelRank(screen([...xs, ...more], a, r).level)).toBeGreaterThanOrEqual(levelRank(screen(xs, a, r).level));
      }),
    );
  });

  it('any control or strong indicator ⇒ at least refer; nothing observed ⇒ none', () => {
    fc.assert(
      fc.property(observed, age, cfg, (xs, a, r) => {
        const res = screen(xs, a, r);
        if (res.fired.some((f) => f.control || f.strength === 'strong')) expect(levelRank(res.level)).toBeGreaterThanOrEqual(levelRank('refer'));
        expect(res.level === 'none').toBe(xs.length === 0);
      }),
    );
  });

  it('the child rule ignores the means (coercion and abuse of vulnerability at destination)', () => {
    const means = new Set(ALL_IDS.filter((id) => id.includes(D5) || id.includes(D6)));
    fc.assert(
      fc.property(observed, fc.integer({ min: 0, max: 17 }), (xs, a) => {
        const without = xs.filter((id) => !means.has(id));
        const met = (ids: string[]): boolean => screen(ids, a).level === 'meets_rule';
        expect(met(xs)).toBe(met(without));
      }),
    );
  });

  it('the result is deterministic and independent of order and repeats', () => {
    fc.assert(
      fc.property(observed, age, fc.infiniteStream(fc.nat()), (xs, a, seeds) => {
        const shuffled = [...xs, ...xs]
          .map((x) => [seeds.next().value as number, x] as const)
          .sort((p, q) => p[0] - q[0])
          .map(([, x]) => x);
        expect(screen(shuffled, a)).toEqual(screen(xs, a));
      }),
    );
  });
});
