import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import kzJson from '../../../../../reference/calendar/kz-holidays.json' with { type: 'json' };
import { DomainError } from '../../errors.ts';
import { parseWorkingCalendar, type WorkingCalendar } from './calendar-data.ts';
import { dayNumberOf, fromDayNumber, isIsoDate, isoWeekday, toDayNumber } from './civil-date.ts';
import { addWorkingDays, coversDate, daysOffInYear, deadlineStatus, describeDay, isWorkingDay, workingDaysBetween } from './working-calendar.ts';

const parsed = parseWorkingCalendar(kzJson);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
const kz: WorkingCalendar = parsed.value;

// Start dates whose deadlines (at most 60 working days on) stay inside the calendar's coverage.
const day = fc.integer({ min: dayNumberOf(2024, 1, 1), max: dayNumberOf(2027, 8, 31) }).map(fromDayNumber);

describe('civil dates', () => {
  it('round-trips day numbers and knows weekdays and leap years', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(isoWeekday(toDayNumber('2025-03-21'))).toBe(5); // a Friday
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-3-1')).toBe(false);
    fc.assert(
      fc.property(fc.integer({ min: dayNumberOf(0, 1, 1), max: dayNumberOf(9999, 12, 31) }), (n) => {
        expect(toDayNumber(fromDayNumber(n))).toBe(n);
      }),
    );
  });

  it('rejects invalid dates with a field issue', () => {
    expect(() => isWorkingDay('2025-13-01', kz)).toThrow(DomainError);
  });
});

describe('Kazakhstan working calendar (reference/calendar/kz-holidays.json)', () => {
  it.each([
    ['2025-01-01', 'holiday'],
    ['2025-01-07', 'holiday'],
    ['2025-03-24', 'carry_over'], // Nauryz 22-23 March 2025 fell on Sat-Sun
    ['2025-03-25', 'carry_over'],
    ['2024-03-25', 'carry_over'], // Nauryz 23 March 2024 was a Saturday
    ['2024-07-08', 'carry_over'], // Capital Day 6 July 2024 was a Saturday
    ['2025-09-01', 'carry_over'], // Constitution Day 30 August 2025 was a Saturday
    ['2025-10-27', 'carry_over'], // Republic Day 25 October 2025 was a Saturday
    ['2026-05-27', 'holiday'], // Kurban Ait [P]
    ['2025-06-07', 'weekend'],
  ])('%s is a day off (%s)', (date, reason) => {
    expect(describeDay(date, kz)).toMatchObject({ working: false, reason });
  });

  it('does not move religious days off that fall on a weekend', () => {
    expect(isWorkingDay('2024-01-08', kz)).toBe(true); // Christmas 7 January 2024 was a Sunday
    expect(isWorkingDay('2024-06-17', kz)).toBe(true); // Kurban Ait 16 June 2024 was a Sunday
    expect(isWorkingDay('2025-03-26', kz)).toBe(true);
  });

  it('stacks carried days after a holiday block', () => {
    // Nauryz 2026: Sat 21, Sun 22, Mon 23 March → Tue 24 and Wed 25 off.
    expect(['2026-03-23', '2026-03-24', '2026-03-25', '2026-03-26'].map((d) => isWorkingDay(d, kz))).toEqual([false, false, false, true]);
  });

  it('lists the days off of a year and says which years the data covers', () => {
    const off2025 = daysOffInYear(kz, 2025);
    // 8 March (Sat), Nauryz 22-23 (Sat-Sun), 6 July (Sun), 30 August (Sat), 25 October (Sat).
    expect(off2025.filter((d) => d.reason === 'carry_over').map((d) => d.date)).toEqual([
      '2025-03-10',
      '2025-03-24',
      '2025-03-25',
      '2025-07-07',
      '2025-09-01',
      '2025-10-27',
    ]);
    expect(coversDate(kz, '2027-12-31')).toBe(true);
    expect(coversDate(kz, '2028-01-01')).toBe(false);
  });

  it('applies government transfer decrees over everything else', () => {
    const decreed: WorkingCalendar = {
      ...kz,
      transfers: [
        { date: '2025-03-24', kind: 'working' },
        { date: '2025-05-02', kind: 'day_off' },
      ],
    };
    expect(describeDay('2025-03-24', decreed)).toEqual({ working: true, reason: 'transfer' });
    expect(describeDay('2025-05-02', decreed)).toEqual({ working: false, reason: 'transfer' });
  });
});

describe('government transfer decrees 2024-2025 (reference data)', () => {
  it('2024: Saturday 4 May worked, Wednesday 8 May off', () => {
    expect(describeDay('2024-05-04', kz)).toEqual({ working: true, reason: 'transfer' });
    expect(describeDay('2024-05-08', kz)).toEqual({ working: false, reason: 'transfer' });
    // 7 May (Defender) and 9 May (Victory) stay holidays: 7-9 May 2024 were three days off in a row.
    expect(['2024-05-06', '2024-05-07', '2024-05-08', '2024-05-09', '2024-05-10'].map((d) => isWorkingDay(d, kz))).toEqual([true, false, false, false, true]);
    // A deadline counted across the exchange: from Friday 3 May, 1 working day is Saturday 4 May.
    expect(addWorkingDays('2024-05-03', 1, kz)).toBe('2024-05-04');
    expect(addWorkingDays('2024-05-06', 1, kz)).toBe('2024-05-10');
  });

  it('2025: Sunday 5 January worked in exchange for Friday 3 January', () => {
    expect(describeDay('2025-01-03', kz)).toEqual({ working: false, reason: 'transfer' });
    expect(describeDay('2025-01-05', kz)).toEqual({ working: true, reason: 'transfer' });
    expect(addWorkingDays('2024-12-31', 1, kz)).toBe('2025-01-05');
    expect(
      daysOffInYear(kz, 2025)
        .filter((d) => d.reason === 'transfer')
        .map((d) => d.date),
    ).toEqual(['2025-01-03']);
  });

  it('every recorded decree is an exchange: as many weekend days worked as weekdays off, per year', () => {
    const byYear = new Map<string, number>();
    for (const t of kz.transfers) {
      const weekday = isoWeekday(toDayNumber(t.date)) <= 5;
      expect(t.kind === 'working' ? !weekday : weekday).toBe(true);
      byYear.set(t.date.slice(0, 4), (byYear.get(t.date.slice(0, 4)) ?? 0) + (t.kind === 'working' ? 1 : -1));
    }
    expect([...byYear.values()].every((n) => n === 0)).toBe(true);
  });

  it('accepts a provisional transfer and refuses two entries for one date', () => {
    expect(parseWorkingCalendar({ ...kzJson, transfers: [{ date: '2026-05-08', kind: 'day_off', provisional: true }] }).ok).toBe(true);
    const twice = parseWorkingCalendar({
      ...kzJson,
      transfers: [
        { date: '2026-05-08', kind: 'day_off' },
        { date: '2026-05-08', kind: 'working' },
      ],
    });
    expect(twice.ok).toBe(false);
  });
});

describe('deadlines outside the calendar', () => {
  const issueOf = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return e instanceof DomainError ? { code: e.code, fields: e.fields } : e;
    }
    return null;
  };

  it("refuses a deadline past the calendar's last year, with the date and the coverage in the message", () => {
    expect(issueOf(() => addWorkingDays('2027-12-28', 5, kz))).toEqual({
      code: 'validation_failed',
      fields: [{ path: 'calendar', code: 'date_outside_calendar', params: { date: '2028-01-06', from: '2024-01-01', to: '2027-12-31' } }],
    });
    expect(issueOf(() => addWorkingDays('2023-12-29', 1, kz))).toMatchObject({ fields: [{ code: 'date_outside_calendar', params: { date: '2023-12-29' } }] });
    expect(addWorkingDays('2027-12-24', 3, kz)).toBe('2027-12-29');
  });

  it('property: a deadline is either inside the coverage or refused, never a silent date outside it', () => {
    const anyDay = fc.integer({ min: dayNumberOf(2023, 6, 1), max: dayNumberOf(2028, 6, 30) }).map(fromDayNumber);
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 0, max: 30 }), (start, n) => {
        let end: string | null = null;
        try {
          end = addWorkingDays(start, n, kz);
        } catch (e) {
          expect((e as DomainError).fields[0]?.code).toBe('date_outside_calendar');
          expect(coversDate(kz, start) && coversDate(kz, (e as DomainError).fields[0]?.params?.date as string)).toBe(false);
          return;
        }
        expect(coversDate(kz, start) && coversDate(kz, end)).toBe(true);
      }),
    );
  });
});

describe('working-day arithmetic', () => {
  it('skips weekends and holidays', () => {
    expect(addWorkingDays('2025-03-20', 1, kz)).toBe('2025-03-26'); // Nauryz 21-25 March
    expect(addWorkingDays('2025-12-31', 1, kz)).toBe('2026-01-05');
    expect(addWorkingDays('2025-06-07', 0, kz)).toBe('2025-06-09');
    expect(workingDaysBetween('2025-03-20', '2025-03-31', kz)).toBe(4);
    expect(workingDaysBetween('2025-03-31', '2025-03-20', kz)).toBe(-4);
  });

  it('refuses a negative or fractional number of days', () => {
    expect(() => addWorkingDays('2025-01-10', -1, kz)).toThrow(DomainError);
    expect(() => addWorkingDays('2025-01-10', 1.5, kz)).toThrow(DomainError);
  });

  it('property: the result is a working day, after the start, and weekends and holidays are skipped', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 40 }), (start, n) => {
        const end = addWorkingDays(start, n, kz);
        expect(isWorkingDay(end, kz)).toBe(true);
        expect(end >= start).toBe(true);
        if (n > 0) expect(end > start).toBe(true);
        const k = describeDay(end, kz);
        // Only Mon-Fri work, except a weekend day a decree made a working day.
        expect(k.working && (isoWeekday(toDayNumber(end)) <= 5 || k.reason === 'transfer')).toBe(true);
      }),
    );
  });

  it('property: monotonic in n and in the start date', () => {
    fc.assert(
      fc.property(day, day, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), (a, b, n, m) => {
        const [s1, s2] = a <= b ? [a, b] : [b, a];
        const [n1, n2] = n <= m ? [n, m] : [m, n];
        expect(addWorkingDays(s1, n1, kz) <= addWorkingDays(s1, n2, kz)).toBe(true);
        expect(addWorkingDays(s1, n1, kz) <= addWorkingDays(s2, n1, kz)).toBe(true);
      }),
    );
  });

  it('property: round-trips with workingDaysBetween, and counts add up', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 60 }), day, (start, n, mid) => {
        expect(workingDaysBetween(start, addWorkingDays(start, n, kz), kz)).toBe(n);
        const end = addWorkingDays(start, n, kz);
        expect(workingDaysBetween(start, mid, kz) + workingDaysBetween(mid, end, kz)).toBe(n);
      }),
    );
  });
});

describe('deadline status (today injected)', () => {
  it.each([
    ['2025-06-10', '2025-06-11', 3, 'overdue'],
    ['2025-06-10', '2025-06-10', 0, 'due_soon'],
    ['2025-06-10', '2025-06-07', 3, 'due_soon'],
    ['2025-06-10', '2025-06-06', 3, 'ok'],
  ] as const)('due %s, today %s, warn %i calendar days → %s', (due, today, warn, expected) => {
    expect(deadlineStatus(due, today, warn)).toBe(expected);
  });

  it('counts working days when given a calendar', () => {
    // Fri 20 March 2025 → Wed 26 March is 1 working day away (Nauryz in between).
    expect(deadlineStatus('2025-03-26', '2025-03-20', 1, kz)).toBe('due_soon');
    expect(deadlineStatus('2025-03-26', '2025-03-20', 1)).toBe('ok');
  });

  it('property: overdue exactly after the due date; never ok within the warning window', () => {
    fc.assert(
      fc.property(day, day, fc.integer({ min: 0, max: 20 }), (due, today, warn) => {
        const s = deadlineStatus(due, today, warn, kz);
        expect(s === 'overdue').toBe(today > due);
        if (today <= due && workingDaysBetween(today, due, kz) <= warn) expect(s).toBe('due_soon');
      }),
    );
  });
});
