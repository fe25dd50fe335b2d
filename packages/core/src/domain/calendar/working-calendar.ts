import { DomainError } from '../../errors.ts';
import type { WorkingCalendar } from './calendar-data.ts';
import { dayNumberOf, daysInMonth, fromDayNumber, isoWeekday, toDayNumber } from './civil-date.ts';

/**
 * Working days for deadlines and entitlement clocks (DOMAIN.md §2.4: "an alert before it
 * lapses"). Pure: every function takes the calendar data and any "today" as arguments, never
 * `Date.now()`, so the server, the offline web app and the tests agree on every date.
 */

export type DayKind =
  | { working: true; reason: 'weekday' | 'transfer' }
  | { working: false; reason: 'weekend' | 'holiday' | 'carry_over' | 'transfer'; holidayId?: string };

interface YearDays {
  /** Day number → holiday id, for holidays and the days off carried over from them. */
  holidays: Map<number, string>;
  carried: Map<number, string>;
}

// Per-calendar, per-year memo. Calendars are immutable values: a new decree means a new object.
const cache = new WeakMap<WorkingCalendar, Map<number, YearDays>>();

function holidaysOf(cal: WorkingCalendar, year: number): { day: number; id: string; carryOver: boolean }[] {
  const out: { day: number; id: string; carryOver: boolean }[] = [];
  for (const h of cal.recurringHolidays) {
    for (const d of h.days) if (d <= daysInMonth(year, h.month)) out.push({ day: dayNumberOf(year, h.month, d), id: h.id, carryOver: h.carryOver });
  }
  for (const h of cal.datedHolidays) if (Number(h.date.slice(0, 4)) === year) out.push({ day: toDayNumber(h.date), id: h.id, carryOver: h.carryOver });
  return out.sort((a, b) => a.day - b.day);
}

/**
 * Law of the RK "On holidays", art. 5: when a holiday falls on a weekend day, the next working
 * day after the holiday is a day off. Religious days off (Labour Code art. 84(5): Orthodox
 * Christmas, first day of Kurban Ait) are not moved (`carryOver: false`). Carried days stack
 * (Nauryz on Sat-Sun-Mon gives Tue and Wed off). The previous year is included so a late-December
 * carry-over lands in January.
 */
function yearDays(cal: WorkingCalendar, year: number): YearDays {
  let perCal = cache.get(cal);
  if (!perCal) cache.set(cal, (perCal = new Map()));
  const hit = perCal.get(year);
  if (hit) return hit;
  const weekend = new Set(cal.weekend);
  const list = [...holidaysOf(cal, year - 1), ...holidaysOf(cal, year)];
  const holidays = new Map(list.map((h) => [h.day, h.id]));
  const carried = new Map<number, string>();
  for (const h of list) {
    if (!h.carryOver || !weekend.has(isoWeekday(h.day))) continue;
    let d = h.day + 1;
    while (weekend.has(isoWeekday(d)) || holidays.has(d) || carried.has(d)) d++;
    carried.set(d, h.id);
  }
  const inYear = (m: Map<number, string>): Map<number, string> => new Map([...m].filter(([d]) => fromDayNumber(d).startsWith(String(year).padStart(4, '0'))));
  const out = { holidays: inYear(holidays), carried: inYear(carried) };
  perCal.set(year, out);
  return out;
}

function kindOf(day: number, cal: WorkingCalendar): DayKind {
  const date = fromDayNumber(day);
  const transfer = cal.transfers.find((t) => t.date === date);
  if (transfer) return transfer.kind === 'working' ? { working: true, reason: 'transfer' } : { working: false, reason: 'transfer' };
  const y = yearDays(cal, Number(date.slice(0, 4)));
  const holiday = y.holidays.get(day);
  if (holiday) return { working: false, reason: 'holiday', holidayId: holiday };
  const carried = y.carried.get(day);
  if (carried) return { working: false, reason: 'carry_over', holidayId: carried };
  if (cal.weekend.includes(isoWeekday(day))) return { working: false, reason: 'weekend' };
  return { working: true, reason: 'weekday' };
}

/** Whether a date is a working day, and why not (holiday id for holidays and carried days). */
export function describeDay(date: string, cal: WorkingCalendar): DayKind {
  return kindOf(toDayNumber(date), cal);
}

/** True when `date` (`YYYY-MM-DD`) is a working day in the calendar. */
export function isWorkingDay(date: string, cal: WorkingCalendar): boolean {
  return kindOf(toDayNumber(date), cal).working;
}

/** True when the calendar's data is complete for `date` (movable holidays and decrees known). */
export function coversDate(cal: WorkingCalendar, date: string): boolean {
  toDayNumber(date);
  return cal.coverage.from <= date && date <= cal.coverage.to;
}

// Why: a calendar whose data made every day a day off would loop forever; no real one has a
// year without a working day.
const MAX_GAP = 366;

function nextWorking(day: number, cal: WorkingCalendar): number {
  for (let d = day + 1, gap = 0; gap <= MAX_GAP; d++, gap++) if (kindOf(d, cal).working) return d;
  throw new DomainError('validation_failed', [{ path: 'calendar', code: 'no_working_days' }]);
}

/**
 * Refuses a deadline the calendar cannot vouch for. Outside `coverage` the movable holidays and
 * the government's transfer decrees are unknown, so a computed date could silently be a day
 * off (or miss one): better no date and a clear message that a calendar version for that year
 * must be uploaded than a wrong legal deadline.
 */
function assertCovered(cal: WorkingCalendar, date: string): void {
  if (date < cal.coverage.from || date > cal.coverage.to) {
    throw new DomainError('validation_failed', [
      { path: 'calendar', code: 'date_outside_calendar', params: { date, from: cal.coverage.from, to: cal.coverage.to } },
    ]);
  }
}

/**
 * The `n`-th working day after `start` (start itself not counted): "10 working days from the
 * referral". With `n = 0` the result is `start` if it is a working day, else the next one, so the
 * result is always a working day.
 *
 * @param n - a non-negative whole number of working days.
 * @throws DomainError `validation_failed` for an invalid date or `n`, and (`date_outside_calendar`)
 *   when the start or the result lies outside the calendar's coverage.
 */
export function addWorkingDays(start: string, n: number, cal: WorkingCalendar): string {
  let day = toDayNumber(start, 'start');
  if (!Number.isSafeInteger(n) || n < 0) throw new DomainError('validation_failed', [{ path: 'n', code: 'invalid_value' }]);
  assertCovered(cal, start);
  if (n === 0) day = kindOf(day, cal).working ? day : nextWorking(day, cal);
  for (let i = 0; i < n; i++) day = nextWorking(day, cal);
  const end = fromDayNumber(day);
  // The days walked lie between start and end, so both ends inside means every day was known.
  assertCovered(cal, end);
  return end;
}

/**
 * Working days in the half-open range (from, to]: 0 for the same day, negative when `to` is
 * before `from`. So `workingDaysBetween(s, addWorkingDays(s, n)) === n` for every n ≥ 1.
 */
export function workingDaysBetween(from: string, to: string, cal: WorkingCalendar): number {
  const a = toDayNumber(from, 'from');
  const b = toDayNumber(to, 'to');
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let count = 0;
  for (let d = lo + 1; d <= hi; d++) if (kindOf(d, cal).working) count++;
  return sign * count;
}

export type DeadlineStatus = 'ok' | 'due_soon' | 'overdue';

/**
 * Where a deadline stands on `today` (injected, never read from the clock): `overdue` after the
 * due date, `due_soon` from `warnDays` before it up to and including the due date, else `ok`.
 * With a calendar, `warnDays` counts working days; without, calendar days.
 *
 * @throws DomainError `validation_failed` for invalid dates or a negative `warnDays`.
 */
export function deadlineStatus(due: string, today: string, warnDays: number, cal?: WorkingCalendar): DeadlineStatus {
  const d = toDayNumber(due, 'due');
  const t = toDayNumber(today, 'today');
  if (!Number.isSafeInteger(warnDays) || warnDays < 0) throw new DomainError('validation_failed', [{ path: 'warnDays', code: 'invalid_value' }]);
  if (t > d) return 'overdue';
  const left = cal ? workingDaysBetween(today, due, cal) : d - t;
  return left <= warnDays ? 'due_soon' : 'ok';
}

/** Every day off other than weekends in a year, with its reason, in date order (for screens). */
export function daysOffInYear(cal: WorkingCalendar, year: number): { date: string; reason: 'holiday' | 'carry_over' | 'transfer'; holidayId?: string }[] {
  const first = dayNumberOf(year, 1, 1);
  const last = dayNumberOf(year, 12, 31);
  const out: { date: string; reason: 'holiday' | 'carry_over' | 'transfer'; holidayId?: string }[] = [];
  for (let d = first; d <= last; d++) {
    const k = kindOf(d, cal);
    if (!k.working && k.reason !== 'weekend') out.push({ date: fromDayNumber(d), reason: k.reason, ...(k.holidayId && { holidayId: k.holidayId }) });
  }
  return out;
}
