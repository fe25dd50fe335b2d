import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import rulesJson from '../../../../../reference/entitlements/entitlement-rules-2022.1.json' with { type: 'json' };
import { dayNumberOf, fromDayNumber, toDayNumber } from '../calendar/civil-date.ts';
import { ENTITLEMENT_KINDS, parseEntitlementRuleSet, type EntitlementKind, type EntitlementRuleSet } from './entitlement-rules.ts';
import { addCalendarMonths, deriveEntitlements, earliestIdentificationWithClockFrom, ruleSetInForce, type EntitlementFacts } from './entitlements.ts';

const parsed = parseEntitlementRuleSet(rulesJson);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
const kz2022: EntitlementRuleSet = parsed.value;

const facts = (over: Partial<EntitlementFacts> = {}): EntitlementFacts => ({
  citizenship: 'KZ',
  traffickingStatus: 'ActualVictimOfTrafficking',
  possibleVictimSince: '2025-12-20',
  identifiedOn: '2026-01-15',
  proceedings: { open: false },
  extensions: [],
  medicalPayer: null,
  ...over,
});
const of = (kind: EntitlementKind, f: EntitlementFacts, today: string, rules = [kz2022]) => {
  const e = deriveEntitlements(rules, f, today).items.find((i) => i.kind === kind);
  if (!e) throw new Error(kind);
  return e;
};
const day = fc.integer({ min: dayNumberOf(2022, 1, 1), max: dayNumberOf(2030, 12, 31) }).map(fromDayNumber);
const foreign = (over: Partial<EntitlementFacts> = {}) => facts({ citizenship: 'UZ', ...over });

describe('the shipped rules (reference/entitlements)', () => {
  it('validate, and give citizens the six free services, open-ended, from identification', () => {
    for (const kind of ['medical', 'educational', 'employment', 'financial', 'psychological', 'legal'] as const) {
      const e = of(kind, facts(), '2026-03-01');
      expect(e, kind).toMatchObject({ state: 'active', start: '2026-01-15', end: null, free: true, payerRequired: false });
      expect(e.basis?.version).toBe('2022.1');
    }
    expect(of('reflection_period', facts(), '2026-03-01').state).toBe('not_applicable');
    expect(of('temporary_residency', facts(), '2026-03-01').state).toBe('not_applicable');
  });

  it('give foreign victims the same benefits, residency with work, shelter, six months of reflection, and medical care that is not free', () => {
    const f = foreign({ medicalPayer: 'ngo' });
    for (const kind of ['educational', 'employment', 'financial', 'psychological', 'legal', 'shelter'] as const) {
      expect(of(kind, f, '2026-03-01'), kind).toMatchObject({ state: 'active', free: true, end: null });
    }
    expect(of('medical', f, '2026-03-01')).toMatchObject({ state: 'active', free: false, payerRequired: true, paidBy: 'ngo' });
    expect(of('medical', foreign(), '2026-03-01').paidBy).toBeNull();
    expect(of('temporary_residency', f, '2026-03-01')).toMatchObject({ end: '2026-07-15', workPermitted: true, extendable: true });
    expect(of('reflection_period', f, '2026-03-01')).toMatchObject({ state: 'active', start: '2026-01-15', end: '2026-07-15', daysLeft: 136 });
  });

  it('a possible victim is pending; a person found not to be a victim has none', () => {
    const possible = facts({ traffickingStatus: 'PossibleVictimOfTrafficking', identifiedOn: null });
    expect(
      deriveEntitlements([kz2022], possible, '2026-01-01')
        .items.filter((e) => e.kind !== 'reflection_period' && e.kind !== 'temporary_residency')
        .every((e) => e.state === 'pending'),
    ).toBe(true);
    const not = facts({ traffickingStatus: 'NotAVictimOfTrafficking' });
    expect(deriveEntitlements([kz2022], not, '2026-03-01').items.every((e) => e.state === 'not_applicable')).toBe(true);
    expect(
      deriveEntitlements([kz2022], facts({ possibleVictimSince: null, identifiedOn: null }), '2026-03-01').items.every((e) => e.state === 'not_applicable'),
    ).toBe(true);
  });
});

describe('the six months', () => {
  it('are calendar months, ending on the last day of a shorter month', () => {
    expect(addCalendarMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addCalendarMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addCalendarMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addCalendarMonths('2026-07-31', 6)).toBe('2027-01-31');
    expect(addCalendarMonths('2026-12-15', 6)).toBe('2027-06-15');
    expect(of('reflection_period', foreign({ identifiedOn: '2025-08-31' }), '2025-09-01').end).toBe('2026-02-28');
  });

  it('property: the end is 181-184 days on, in the sixth month after, never before the same day number unless clamped', () => {
    fc.assert(
      fc.property(day, (start) => {
        const end = addCalendarMonths(start, 6);
        const span = toDayNumber(end) - toDayNumber(start);
        expect(span).toBeGreaterThanOrEqual(178);
        expect(span).toBeLessThanOrEqual(184);
        const months = (Number(end.slice(0, 4)) - Number(start.slice(0, 4))) * 12 + Number(end.slice(5, 7)) - Number(start.slice(5, 7));
        expect(months).toBe(6);
        if (end.slice(8) !== start.slice(8)) expect(Number(end.slice(8))).toBeLessThan(Number(start.slice(8)));
      }),
    );
  });
});

describe('extension until the proceedings are final', () => {
  it('open proceedings hold the period open; the final judgement ends it (never before the six months)', () => {
    const open = of('reflection_period', foreign({ proceedings: { open: true } }), '2026-09-01');
    expect(open).toMatchObject({ state: 'active', end: null, extended: true, reminderDue: null });
    const final = of('reflection_period', foreign({ proceedings: { open: false, finalOn: '2026-10-20' } }), '2026-10-01');
    expect(final).toMatchObject({ state: 'lapsing', end: '2026-10-20', extended: true, daysLeft: 19 });
    expect(of('reflection_period', foreign({ proceedings: { open: false, finalOn: '2026-03-01' } }), '2026-03-02').end).toBe('2026-07-15');
    expect(of('temporary_residency', foreign({ proceedings: { open: true } }), '2026-09-01').end).toBeNull();
  });

  it('a recorded extension: to a date, or until final; never for a kind with no extension', () => {
    const to = of('reflection_period', foreign({ extensions: [{ kind: 'reflection_period', until: '2026-12-31' }] }), '2026-08-01');
    expect(to).toMatchObject({ end: '2026-12-31', extended: true, state: 'active' });
    const untilFinal = foreign({ extensions: [{ kind: 'reflection_period', until: null }] });
    expect(of('reflection_period', untilFinal, '2026-08-01').end).toBeNull();
    expect(of('reflection_period', { ...untilFinal, proceedings: { open: false, finalOn: '2026-11-11' } }, '2026-08-01').end).toBe('2026-11-11');
    expect(of('legal', foreign({ extensions: [{ kind: 'legal', until: '2030-01-01' }] }), '2026-08-01').end).toBeNull();
  });

  it('property: an extension never shortens the period, and open proceedings never let it lapse', () => {
    fc.assert(
      fc.property(day, day, fc.option(day, { nil: undefined }), fc.boolean(), (identifiedOn, today, finalOn, open) => {
        const base = addCalendarMonths(identifiedOn, 6);
        const e = of('reflection_period', foreign({ identifiedOn, possibleVictimSince: identifiedOn, proceedings: { open, finalOn } }), today);
        if (today < identifiedOn) expect(e.state).toBe('pending');
        else if (open) expect(e.end).toBeNull();
        else {
          expect(e.end && e.end >= base).toBe(true);
          if (finalOn) expect(e.end).toBe(finalOn > base ? finalOn : base);
        }
      }),
    );
  });
});

describe('reminders at 30, 7 and 1 days before the end', () => {
  it('fall due exactly on those days and stop once lapsed', () => {
    const f = foreign({ identifiedOn: '2026-01-15' });
    const end = toDayNumber('2026-07-15');
    const at = (n: number) => of('reflection_period', f, fromDayNumber(end - n));
    expect(at(31)).toMatchObject({ state: 'active', reminderDue: null, daysLeft: 31 });
    expect(at(30)).toMatchObject({ state: 'lapsing', reminderDue: 30 });
    expect(at(8).reminderDue).toBe(30);
    expect(at(7).reminderDue).toBe(7);
    expect(at(2).reminderDue).toBe(7);
    expect(at(1).reminderDue).toBe(1);
    expect(at(0)).toMatchObject({ state: 'lapsing', reminderDue: 1, daysLeft: 0 });
    expect(at(-1)).toMatchObject({ state: 'lapsed', reminderDue: null, daysLeft: -1 });
    expect(at(100).reminders).toEqual([
      { daysBefore: 30, on: '2026-06-15' },
      { daysBefore: 7, on: '2026-07-08' },
      { daysBefore: 1, on: '2026-07-14' },
    ]);
  });

  it('property: the due reminder is the nearest of 30/7/1 not after today, and each fires on its exact day', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -5, max: 200 }), (identifiedOn, back) => {
        const e0 = of('reflection_period', foreign({ identifiedOn }), identifiedOn);
        const end = toDayNumber(e0.end as string);
        const e = of('reflection_period', foreign({ identifiedOn }), fromDayNumber(Math.max(end - back, toDayNumber(identifiedOn))));
        const left = e.daysLeft as number;
        const expected = left < 0 ? null : left <= 1 ? 1 : left <= 7 ? 7 : left <= 30 ? 30 : null;
        expect(e.reminderDue).toBe(expected);
        for (const r of e.reminders) expect(toDayNumber(e.end as string) - toDayNumber(r.on)).toBe(r.daysBefore);
      }),
    );
  });
});

describe('effective dates choose the version', () => {
  const later: EntitlementRuleSet = {
    ...kz2022,
    version: '2027.1',
    effectiveFrom: '2027-03-01',
    rules: kz2022.rules.map((r) => (r.kind === 'reflection_period' ? { ...r, duration: { type: 'months' as const, months: 12 } } : r)),
  };
  it('by the identification date, not today', () => {
    expect(ruleSetInForce([kz2022, later], '2027-02-28')?.version).toBe('2022.1');
    expect(ruleSetInForce([later, kz2022], '2027-03-01')?.version).toBe('2027.1');
    expect(ruleSetInForce([later], '2026-01-01')).toBeNull();
    expect(of('reflection_period', foreign({ identifiedOn: '2027-02-28' }), '2027-04-01', [kz2022, later]).end).toBe('2027-08-28');
    expect(of('reflection_period', foreign({ identifiedOn: '2027-03-01' }), '2027-04-01', [kz2022, later]).end).toBe('2028-03-01');
  });

  it('property: the version chosen is the latest in force on the relevant date', () => {
    fc.assert(
      fc.property(day, (identifiedOn) => {
        const r = deriveEntitlements([later, kz2022], foreign({ identifiedOn, possibleVictimSince: identifiedOn }), identifiedOn);
        expect(r.rulesVersion).toBe(identifiedOn >= '2027-03-01' ? '2027.1' : '2022.1');
      }),
    );
  });
});

describe('no rule ever conditions on cooperation', () => {
  const withRule = (patch: Record<string, unknown>) => ({ ...rulesJson, rules: [{ ...rulesJson.rules[0], ...patch }, ...rulesJson.rules.slice(1)] });
  it('a file that tries is refused with its own field-level message', () => {
    for (const patch of [
      { conditionalOnCooperation: true },
      { requires: 'cooperation_with_law_enforcement' },
      { conditions: ['testimony'] },
      { cooperation: 'required' },
    ]) {
      const r = parseEntitlementRuleSet(withRule(patch));
      expect(r.ok, JSON.stringify(patch)).toBe(false);
      if (!r.ok) expect(r.issues[0]).toMatchObject({ path: `rules.0.${Object.keys(patch)[0]}`, code: 'entitlement_cooperation_condition' });
    }
    expect(parseEntitlementRuleSet({ ...rulesJson, startsAt: 'law_enforcement_cooperation' }).ok).toBe(false);
  });

  it('property: any extra key on a rule is refused, and no kind or fact changes with anything but the rule facts', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !(k in (rulesJson.rules[0] as object))),
        fc.jsonValue(),
        (key, value) => {
          expect(parseEntitlementRuleSet(withRule({ [key]: value })).ok).toBe(false);
        },
      ),
    );
    // The facts carry no cooperation: a citizen's and a foreigner's entitlements do not depend
    // on whether proceedings exist at all, except the extendable clocks.
    fc.assert(
      fc.property(day, fc.boolean(), (today, open) => {
        for (const kind of ENTITLEMENT_KINDS.filter((k) => k !== 'reflection_period' && k !== 'temporary_residency')) {
          expect(of(kind, facts({ proceedings: { open } }), today)).toEqual(of(kind, facts(), today));
          expect(of(kind, foreign({ proceedings: { open } }), today)).toEqual(of(kind, foreign(), today));
        }
      }),
    );
  });
});

describe('the earliest identification that can still hold a clock (an import derives none older)', () => {
  it('no one identified before it has an end on or after the day, whatever her citizenship (property)', () => {
    fc.assert(
      // Identified up to 400 days before: around the bound, where a wrong month would show.
      fc.property(
        fc.integer({ min: dayNumberOf(2024, 1, 1), max: dayNumberOf(2030, 12, 31) }),
        fc.integer({ min: 0, max: 400 }),
        fc.constantFrom('KZ', 'UZ', 'KG', 'XX'),
        (n, back, citizenship) => {
          const from = fromDayNumber(n);
          const identifiedOn = fromDayNumber(n - back);
          const earliest = earliestIdentificationWithClockFrom([kz2022], from);
          expect(earliest).not.toBeNull();
          if (identifiedOn >= (earliest as string)) return;
          const items = deriveEntitlements([kz2022], foreign({ citizenship, identifiedOn, possibleVictimSince: identifiedOn }), from).items;
          expect(items.filter((e) => e.end !== null && e.end >= from)).toEqual([]);
        },
      ),
    );
  });

  it('bounds nothing when a rule starts its clock with the case', () => {
    const withCase = { ...kz2022, rules: kz2022.rules.map((r) => (r.kind === 'reflection_period' ? { ...r, startsAt: 'possible_victim' as const } : r)) };
    expect(earliestIdentificationWithClockFrom([withCase], '2026-12-08')).toBeNull();
    expect(earliestIdentificationWithClockFrom([kz2022], '2026-12-08')).toBe('2026-05-08');
  });
});
