import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '../calendar/civil-date.ts';
import {
  addMonths,
  admissionIssue,
  bedDays,
  costIssues,
  dateIssue,
  followUpsAfterClosure,
  followUpUrgency,
  freeAlternatives,
  MAX_ALTERNATIVES,
  MAX_SERVICE_COST_TENGE,
  overlapIssue,
  staysOverlap,
  type ShelterFacts,
  type StaySpan,
} from './protection-rules.ts';
import { CLOSURE_REASONS } from './protection-values.ts';

const BASE = toDayNumber('2026-01-01');
const day = fc.integer({ min: 0, max: 800 }).map((n) => fromDayNumber(BASE + n));
const stay: fc.Arbitrary<StaySpan> = fc
  .tuple(fc.integer({ min: 0, max: 400 }), fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }))
  .map(([a, len]) => ({ admittedOn: fromDayNumber(BASE + a), dischargedOn: len === null ? null : fromDayNumber(BASE + a + len) }));

describe('bed-days', () => {
  it('counts the admission day and not the discharge day', () => {
    expect(bedDays({ admittedOn: '2026-03-01', dischargedOn: '2026-03-04' }, '2026-05-01')).toBe(3);
    expect(bedDays({ admittedOn: '2026-03-01', dischargedOn: '2026-03-01' }, '2026-05-01')).toBe(0);
  });
  it('an open stay counts to today inclusive', () => {
    expect(bedDays({ admittedOn: '2026-03-01', dischargedOn: null }, '2026-03-01')).toBe(1);
    expect(bedDays({ admittedOn: '2026-02-27', dischargedOn: null }, '2026-03-02')).toBe(4);
  });
  it('property: a stay discharged today has one night fewer than the same stay still open', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), (a, len) => {
        const admittedOn = fromDayNumber(BASE + a);
        const today = fromDayNumber(BASE + a + len);
        expect(bedDays({ admittedOn, dischargedOn: null }, today)).toBe(bedDays({ admittedOn, dischargedOn: today }, today) + 1);
        expect(bedDays({ admittedOn, dischargedOn: today }, today)).toBe(len);
      }),
    );
  });
});

describe('overlapping stays', () => {
  it('a discharge on the day of the next admission is no overlap', () => {
    expect(staysOverlap({ admittedOn: '2026-03-01', dischargedOn: '2026-03-05' }, { admittedOn: '2026-03-05', dischargedOn: null })).toBe(false);
    expect(staysOverlap({ admittedOn: '2026-03-01', dischargedOn: '2026-03-06' }, { admittedOn: '2026-03-05', dischargedOn: null })).toBe(true);
  });
  it('two open stays always overlap', () => {
    expect(overlapIssue({ admittedOn: '2026-04-01', dischargedOn: null }, [{ admittedOn: '2026-03-01', dischargedOn: null }])).toMatchObject({
      code: 'stay_overlaps',
    });
  });
  it('property: overlap is symmetric and agrees with sharing a night', () => {
    fc.assert(
      fc.property(stay, stay, (a, b) => {
        expect(staysOverlap(a, b)).toBe(staysOverlap(b, a));
        const nights = (s: StaySpan) => {
          const from = toDayNumber(s.admittedOn);
          const to = s.dischargedOn === null ? BASE + 2000 : toDayNumber(s.dischargedOn);
          return new Set(Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i));
        };
        const na = nights(a);
        const shared = [...nights(b)].some((n) => na.has(n));
        expect(staysOverlap(a, b)).toBe(shared);
      }),
    );
  });
});

const shelter = (
  id: string,
  regionCode: string,
  capacity: number,
  occupancy: number,
  eligibility: ShelterFacts['eligibility'] = ['adults', 'women'],
): ShelterFacts => ({
  id,
  regionCode,
  capacity,
  occupancy,
  eligibility,
  active: true,
});
const woman = { age: 'adult', sex: 'female', foreign: false } as const;

describe('admission to a full shelter', () => {
  it('is refused when occupancy reaches capacity', () => {
    expect(admissionIssue({ capacity: 10, occupancy: 10 })).toMatchObject({ path: 'providerId', code: 'shelter_full' });
    expect(admissionIssue({ capacity: 10, occupancy: 9 })).toBeNull();
    expect(admissionIssue({ capacity: 0, occupancy: 0 })).not.toBeNull();
  });
  it('offers free, eligible shelters: the same region first', () => {
    const list = [
      shelter('full', 'KZ-75', 10, 10),
      shelter('far', 'KZ-71', 10, 2),
      shelter('near', 'KZ-75', 5, 4),
      shelter('children', 'KZ-75', 10, 0, ['children']),
      shelter('men', 'KZ-75', 10, 0, ['adults', 'men']),
      { ...shelter('closed', 'KZ-75', 10, 0), active: false },
      shelter('self', 'KZ-75', 10, 0),
    ];
    expect(freeAlternatives(list, woman, 'KZ-75', 'self').map((s) => s.id)).toEqual(['near', 'far']);
  });
  it('property: every alternative has a free place, takes the person, and same-region ones come first', () => {
    const arb = fc.array(
      fc.record({
        id: fc.uuid(),
        regionCode: fc.constantFrom('KZ-75', 'KZ-71', 'KZ-61'),
        capacity: fc.integer({ min: 0, max: 20 }),
        occupancy: fc.integer({ min: 0, max: 25 }),
        eligibility: fc.subarray(['adults', 'children', 'men', 'women', 'foreign_nationals'] as const),
        active: fc.boolean(),
      }),
      { maxLength: 15 },
    );
    fc.assert(
      fc.property(arb, (list) => {
        const out = freeAlternatives(list, woman, 'KZ-75', 'none');
        expect(out.length).toBeLessThanOrEqual(MAX_ALTERNATIVES);
        for (const s of out) {
          expect(s.capacity - s.occupancy).toBeGreaterThan(0);
          expect(s.eligibility.includes('adults') && s.active).toBe(true);
        }
        const firstOther = out.findIndex((s) => s.regionCode !== 'KZ-75');
        if (firstOther >= 0) expect(out.slice(firstOther).every((s) => s.regionCode !== 'KZ-75')).toBe(true);
      }),
    );
  });
});

describe('dates inside the case', () => {
  const span = { openedOn: '2026-03-01', closedOn: '2026-06-30', today: '2026-08-01' };
  it('refuses before opening, after closure and in the future', () => {
    expect(dateIssue('2026-02-28', span, 'date')?.code).toBe('before_case_opened');
    expect(dateIssue('2026-07-01', span, 'date')?.code).toBe('after_case_closed');
    expect(dateIssue('2026-08-02', { ...span, closedOn: null }, 'date')?.code).toBe('future_date');
    expect(dateIssue('2026-06-30', span, 'date')).toBeNull();
    expect(dateIssue('2026-03-01', span, 'date')).toBeNull();
  });
  it('property: a date is accepted exactly when it lies between opening and min(closure, today)', () => {
    fc.assert(
      fc.property(day, day, day, day, (o, c, t, d) => {
        const accepted = dateIssue(d, { openedOn: o, closedOn: c, today: t }, 'date') === null;
        expect(accepted).toBe(d >= o && d <= c && d <= t);
      }),
    );
  });
});

describe('costs', () => {
  it('refuses negative, fractional and absurd costs, field by field', () => {
    expect(costIssues({ costTenge: -1, quantity: 1 })).toEqual([{ path: 'costTenge', code: 'cost_negative' }]);
    expect(costIssues({ costTenge: 1.5, quantity: 1 })[0]?.code).toBe('cost_whole_tenge');
    expect(costIssues({ costTenge: MAX_SERVICE_COST_TENGE + 1, quantity: 1 })[0]?.code).toBe('cost_absurd');
    expect(costIssues({ costTenge: 0, quantity: 0 })).toEqual([{ path: 'quantity', code: 'quantity_positive' }]);
    expect(costIssues({ costTenge: 0, quantity: 1 })).toEqual([]);
  });
  it('property: a whole cost in [0, max] with a sane quantity is accepted', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (c) => {
        expect(costIssues({ costTenge: c, quantity: 2 }).length === 0).toBe(c >= 0 && c <= MAX_SERVICE_COST_TENGE);
      }),
    );
  });
});

describe('follow-up after closure', () => {
  it('contacts at 1, 3, 6 and 12 months and a risk reassessment at 6', () => {
    expect(followUpsAfterClosure('2026-01-31', 'goals_achieved')).toEqual([
      { kind: 'contact', dueOn: '2026-02-28' },
      { kind: 'contact', dueOn: '2026-04-30' },
      { kind: 'contact', dueOn: '2026-07-31' },
      { kind: 'risk_reassessment', dueOn: '2026-07-31' },
      { kind: 'contact', dueOn: '2027-01-31' },
    ]);
    expect(followUpsAfterClosure('2026-01-31', 'transferred')).toEqual([]);
  });
  it('property: every follow-up falls after the closure, in date order', () => {
    fc.assert(
      fc.property(day, fc.constantFrom(...CLOSURE_REASONS), (closedOn, reason) => {
        const list = followUpsAfterClosure(closedOn, reason);
        for (const f of list) expect(f.dueOn > closedOn).toBe(true);
        expect([...list].sort((a, b) => a.dueOn.localeCompare(b.dueOn))).toEqual(list);
      }),
    );
  });
  it('property: adding months keeps the day or falls to the month end', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 24 }), (d, m) => {
        const out = addMonths(d, m);
        expect(toDayNumber(out)).toBeGreaterThanOrEqual(toDayNumber(d));
        expect(Number(out.slice(8, 10))).toBeLessThanOrEqual(Number(d.slice(8, 10)));
      }),
    );
  });
  it('is overdue before today and due soon within 7 days', () => {
    expect(followUpUrgency({ dueOn: '2026-03-01', doneAt: null }, '2026-03-02')).toBe('overdue');
    expect(followUpUrgency({ dueOn: '2026-03-09', doneAt: null }, '2026-03-02')).toBe('due_soon');
    expect(followUpUrgency({ dueOn: '2026-03-10', doneAt: null }, '2026-03-02')).toBeNull();
    expect(followUpUrgency({ dueOn: '2026-03-01', doneAt: new Date() }, '2026-03-02')).toBeNull();
  });
});
