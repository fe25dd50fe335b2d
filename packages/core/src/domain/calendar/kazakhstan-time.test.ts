import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kazakhstanDate, kazakhstanWallClock, kazakhstanYear } from './kazakhstan-time.ts';

describe("Kazakhstan's day (UTC+5)", () => {
  it('turns the day and the year at 19:00 UTC', () => {
    expect(kazakhstanDate(new Date('2026-12-31T18:59:59Z'))).toBe('2026-12-31');
    expect(kazakhstanDate(new Date('2026-12-31T19:00:00Z'))).toBe('2027-01-01');
    expect(kazakhstanYear(new Date('2026-12-31T19:00:00Z'))).toBe(2027);
    expect(kazakhstanWallClock(Date.parse('2026-06-01T09:30:00Z')).getUTCHours()).toBe(14);
  });

  it('is always five hours ahead of UTC, whatever the instant', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2024-03-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }), (d) => {
        expect(Date.parse(`${kazakhstanDate(d)}T00:00:00+05:00`)).toBeLessThanOrEqual(d.getTime());
        expect(Date.parse(`${kazakhstanDate(d)}T00:00:00+05:00`) + 86_400_000).toBeGreaterThan(d.getTime());
      }),
    );
  });
});
