import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion, bedDaysInYear, compareFunding, type FundingUnit, roundTo10, tengeToUsd } from './funding.ts';

const unit = (key: string, allocationTenge: number, cases: number, victims: number, bedDays: number): FundingUnit => ({
  key,
  allocationTenge,
  cases,
  victims,
  bedDays,
});

const unitsArb = fc.array(
  fc.record({
    key: fc.string({ maxLength: 4 }),
    allocationTenge: fc.integer({ min: 0, max: 50_000_000 }),
    cases: fc.integer({ min: 0, max: 60 }),
    victims: fc.integer({ min: 0, max: 200 }),
    bedDays: fc.integer({ min: 0, max: 5_000 }),
  }),
  { minLength: 1, maxLength: 17 },
);

describe('dollars at the year rate', () => {
  it('gives the TIP 2022 figure: 101,000,000 tenge at 462.54 is $218,360 rounded to ten', () => {
    const usd = tengeToUsd(101_000_000, 462.54);
    expect(usd).toBeCloseTo(218_359.49, 2);
    expect(roundTo10(usd ?? 0)).toBe(218_360);
  });
  it('never guesses a dollar figure without a rate', () => {
    expect(tengeToUsd(1_000, null)).toBeNull();
    expect(tengeToUsd(1_000, 0)).toBeNull();
  });
});

describe('apportion', () => {
  it('shares a total in whole tenge that add up to it exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1_000 }), { minLength: 1, maxLength: 20 }),
        (total, weights) => {
          const parts = apportion(total, weights);
          if (weights.every((w) => w === 0)) {
            // Nothing to share by: no parts. (Returning the assertion's value made fast-check read it as a failed property.)
            expect(parts).toBeNull();
            return;
          }
          expect(parts?.reduce((s, p) => s + p, 0)).toBe(total);
          // Each part is its quota rounded down or up, and a zero weight gets nothing.
          const sum = weights.reduce((s, w) => s + w, 0);
          parts?.forEach((p, i) => {
            const q = (total * (weights[i] ?? 0)) / sum;
            expect(p).toBeGreaterThanOrEqual(Math.floor(q));
            expect(p).toBeLessThanOrEqual(Math.ceil(q));
          });
        },
      ),
    );
  });
});

describe('compareFunding', () => {
  it('each formula shares out the same total, to the tenge', () => {
    fc.assert(
      fc.property(unitsArb, (units) => {
        const c = compareFunding(units, { personsSheltered: 10 });
        for (const k of ['perCaseTenge', 'perVictimTenge', 'perBedDayTenge'] as const) {
          const parts = c.rows.map((r) => r[k]);
          if (parts.every((p) => p !== null)) expect(parts.reduce((s: number, p) => s + (p ?? 0), 0)).toBe(c.totalTenge);
        }
      }),
    );
  });

  it('a region with more victims per case than the country never gets less per victim than per case (beyond a tenge of rounding)', () => {
    fc.assert(
      fc.property(unitsArb, (units) => {
        const c = compareFunding(units, { personsSheltered: 1 });
        c.rows.forEach((r) => {
          if (r.perCaseTenge === null || r.perVictimTenge === null) return;
          if (r.victims * c.cases >= r.cases * c.victims) expect(r.perVictimTenge).toBeGreaterThanOrEqual(r.perCaseTenge - 1);
          if (r.victims * c.cases <= r.cases * c.victims) expect(r.perVictimTenge).toBeLessThanOrEqual(r.perCaseTenge + 1);
        });
      }),
    );
  });

  it('flags a victims shortfall exactly when the allocation pays for at least one victim fewer than identified', () => {
    fc.assert(
      fc.property(unitsArb, (units) => {
        const c = compareFunding(units, { personsSheltered: 5 });
        c.rows.forEach((r) => {
          const flagged = r.shortfalls.includes('victims_per_case');
          if (c.tengePerVictim === null) return expect(flagged).toBe(false);
          expect(flagged).toBe(r.victims - r.allocationTenge / c.tengePerVictim >= 1);
          // Funded at least at its per-victim share, a region is never flagged for victims.
          if (r.perVictimTenge !== null && r.allocationTenge >= r.perVictimTenge + 1) expect(flagged).toBe(false);
        });
      }),
    );
  });

  it('funding by cases: the region whose cases hold many victims is flagged, the other is not', () => {
    // Today's rule: 10 cases each, so equal money; but one region's cases hold 40 victims, the other's 10.
    const c = compareFunding([unit('KZ-61', 50_000_000, 10, 40, 1_200), unit('KZ-75', 50_000_000, 10, 10, 300)], { personsSheltered: 50 });
    const [rural, city] = c.rows;
    expect(rural?.perCaseTenge).toBe(50_000_000);
    expect(rural?.perVictimTenge).toBe(80_000_000);
    expect(city?.perVictimTenge).toBe(20_000_000);
    expect(rural?.victimsPerCase).toBe(4);
    expect(rural?.uncoveredVictims).toBeCloseTo(15, 6);
    expect(rural?.shortfalls).toEqual(['victims_per_case', 'bed_days']);
    expect(city?.shortfalls).toEqual([]);
    expect(c.tengePerVictim).toBe(2_000_000);
    expect(c.averageStayDays).toBe(30);
  });

  it('a region with victims and no allocation is short; with no money at all nothing is shared or flagged', () => {
    const c = compareFunding([unit('A', 10_000_000, 2, 2, 60), unit('B', 0, 1, 1, 0)], { personsSheltered: 2 });
    expect(c.rows[1]?.shortfalls).toEqual(['victims_per_case']);
    const none = compareFunding([unit('A', 0, 2, 2, 60)], { personsSheltered: 2 });
    expect(none.rows[0]?.perCaseTenge).toBeNull();
    expect(none.rows[0]?.shortfalls).toEqual([]);
  });

  it('a bed-day shortfall needs at least one average stay uncovered', () => {
    // National: 1,000 bed-days for 10 persons (average stay 100); 10,000,000 tenge: 10,000 a bed-day.
    const c = compareFunding([unit('A', 4_000_000, 1, 5, 499), unit('B', 6_000_000, 1, 5, 501)], { personsSheltered: 10 });
    expect(c.rows[0]?.uncoveredBedDays).toBeCloseTo(99, 6);
    expect(c.rows[0]?.shortfalls).not.toContain('bed_days');
    const d = compareFunding([unit('A', 4_000_000, 1, 5, 500), unit('B', 6_000_000, 1, 5, 500)], { personsSheltered: 10 });
    expect(d.rows[0]?.shortfalls).toContain('bed_days');
  });
});

describe('bedDaysInYear', () => {
  it('counts the nights within the year only', () => {
    expect(bedDaysInYear('2022-12-30', '2023-01-05', 2022, '2024-01-01')).toBe(2);
    expect(bedDaysInYear('2022-12-30', '2023-01-05', 2023, '2024-01-01')).toBe(4);
    expect(bedDaysInYear('2023-03-01', null, 2023, '2023-03-11')).toBe(10);
    expect(bedDaysInYear('2021-01-01', '2021-02-01', 2022, '2024-01-01')).toBe(0);
  });
  it('the years of a stay add up to its whole length', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: 0, max: 900 }), (start, len) => {
        const d = (n: number) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
        const total = [2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028].reduce((s, y) => s + bedDaysInYear(d(start), d(start + len), y, '2030-01-01'), 0);
        expect(total).toBe(len);
      }),
    );
  });
});
