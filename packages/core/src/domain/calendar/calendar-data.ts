import { z } from 'zod';
import { safeParseWith, type Parsed } from '../identification/zod-issues.ts';
import { codeText, text, urlText } from '../../contracts/primitives.ts';
import { daysInMonth, isIsoDate } from './civil-date.ts';

/**
 * A national working calendar as reference data (`reference/calendar/kz-holidays.json`), loaded
 * by the server and replaceable by an administrator: holidays fixed by law, holidays whose date
 * moves each year, and the government's yearly transfer decrees, which cannot be known in
 * advance and are added as they are published.
 */

// Input primitives (contracts/primitives.ts): the calendar is uploaded by an administrator.
const Text = text({ min: 1, max: 2000, multiline: true });
const Names = z.strictObject({ kk: Text, ru: Text, en: Text });
const IsoDate = text({ max: 10 }).refine(isIsoDate, { params: { code: 'invalid_date' } });
const Key = codeText(/^[a-z][a-z0-9_]*$/, { max: 120 });

export const RecurringHoliday = z
  .strictObject({
    id: Key,
    month: z.int().min(1).max(12),
    days: z.array(z.int().min(1).max(31)).min(1),
    kind: z.enum(['national', 'state', 'religious']),
    /** Law: a holiday on a weekend moves the day off to the next working day (see the file). */
    carryOver: z.boolean(),
    names: Names,
  })
  // Leap-year days are refused: a holiday on 29 February would vanish three years in four.
  .refine((h) => h.days.every((d) => d <= daysInMonth(2023, h.month)), { params: { code: 'invalid_date' }, path: ['days'] });
export type RecurringHoliday = z.infer<typeof RecurringHoliday>;

export const DatedHoliday = z.strictObject({
  id: Key,
  date: IsoDate,
  kind: z.enum(['national', 'state', 'religious']),
  carryOver: z.boolean(),
  /** [P]: the date is an expectation (e.g. Kurban Ait follows the lunar calendar) to confirm. */
  provisional: z.boolean().optional(),
  names: Names,
  note: Text.optional(),
});
export type DatedHoliday = z.infer<typeof DatedHoliday>;

/**
 * A government decree: a weekend day made `working`, or a working day made a `day_off`. A decree
 * moves a day in pairs (the worked Saturday and the bridge day off), so each half is a row.
 */
export const Transfer = z.strictObject({
  date: IsoDate,
  kind: z.enum(['working', 'day_off']),
  /** [P]: recorded from memory or an announcement, to be checked against the published decree. */
  provisional: z.boolean().optional(),
  note: Text.optional(),
});
export type Transfer = z.infer<typeof Transfer>;

export const WorkingCalendar = z
  .strictObject({
    id: Key,
    version: Text,
    country: codeText(/^[A-Z]{2}$/, { max: 2 }),
    source: z.array(z.strictObject({ id: Text, citation: Text, url: urlText({ max: 2000 }).optional() })).min(1),
    notes: z.array(Text).optional(),
    /** ISO weekdays that are days off (6 = Saturday, 7 = Sunday); at least one working weekday. */
    weekend: z.array(z.int().min(1).max(7)).max(6),
    /** The dates for which the data is complete (movable holidays known). */
    coverage: z.strictObject({ from: IsoDate, to: IsoDate }),
    recurringHolidays: z.array(RecurringHoliday),
    datedHolidays: z.array(DatedHoliday),
    transfers: z.array(Transfer),
  })
  .superRefine((cal, ctx) => {
    const dupe = (path: PropertyKey[], id: string): void =>
      ctx.addIssue({ code: 'custom', path, message: 'duplicate_id', params: { code: 'duplicate_id', id } });
    const seen = new Set<string>();
    cal.transfers.forEach((t, i) => {
      if (seen.has(t.date)) dupe(['transfers', i, 'date'], t.date);
      seen.add(t.date);
    });
    if (new Set(cal.weekend).size !== cal.weekend.length) dupe(['weekend'], cal.weekend.join(','));
    if (cal.coverage.from > cal.coverage.to) {
      ctx.addIssue({ code: 'custom', path: ['coverage', 'to'], message: 'invalid_range', params: { code: 'invalid_range' } });
    }
  });
export type WorkingCalendar = z.infer<typeof WorkingCalendar>;

/**
 * Validates a working-calendar file (already JSON-parsed by the caller).
 *
 * @returns the typed calendar, or field issues for a `DomainError`.
 */
export function parseWorkingCalendar(json: unknown): Parsed<WorkingCalendar> {
  return safeParseWith(WorkingCalendar, json);
}
