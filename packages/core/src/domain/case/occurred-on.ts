import { fromDayNumber, toDayNumber } from '../calendar/civil-date.ts';

/**
 * Events entered late (issue #13 item 7): an identification decision, a review or a referral
 * recorded after the fact carries the day it happened (`occurredOn`, Kazakhstan date), and the
 * year rule of the statistics counts it in that day's year. The day the entry was made stays
 * on the record and in the audit (`at`), so both dates are always answerable.
 *
 * Why these bounds:
 * - not after today: a decision is recorded after it was taken, never before;
 * - at most LATE_ENTRY_WINDOW_DAYS back: late entry exists for decisions taken on paper or
 *   while offline, and for last year's decisions entered before the annual report (written in
 *   the first months of the next year). Further back, a back-dated entry would move a year's
 *   published figures: the register must not be used to rewrite history years later (an old
 *   year is corrected through its official figure, entered by the national coordinator);
 * - not before an earlier event of the same log (its own `occurredOn`, or the day it was
 *   recorded): a review cannot predate the decision it reviews, and the log stays in order.
 */
export const LATE_ENTRY_WINDOW_DAYS = 365;

export interface OccurredOnBounds {
  /** Kazakhstan's date today (the injected clock). */
  today: string;
  /** The effective dates of the earlier events that must not come after it. */
  earlier: readonly string[];
}

export const earliestOccurredOn = (today: string) => fromDayNumber(toDayNumber(today) - LATE_ENTRY_WINDOW_DAYS);

/** Field issues of a late-entry date at `path` (none when it is absent). */
export function occurredOnIssues(
  occurredOn: string | undefined,
  bounds: OccurredOnBounds,
  path = 'occurredOn',
): { path: string; code: string; params?: Record<string, string> }[] {
  if (occurredOn === undefined) return [];
  if (occurredOn > bounds.today) return [{ path, code: 'date_in_future' }];
  const earliest = earliestOccurredOn(bounds.today);
  if (occurredOn < earliest) return [{ path, code: 'occurred_too_early', params: { earliest } }];
  const latestEarlier = [...bounds.earlier].sort().at(-1);
  if (latestEarlier !== undefined && occurredOn < latestEarlier) return [{ path, code: 'occurred_before_earlier_event', params: { date: latestEarlier } }];
  return [];
}
