import { inArray } from 'drizzle-orm';
import { kazakhstanDate } from '@qorgau/core';
import type { DbOrTx } from '../../db/client.ts';
import { screenings } from '../../db/schema.ts';

/** The log entries whose day bounds a late entry: the decisions and reviews (a review cannot predate what it reviews). */
const DATED_TYPES = new Set(['identification_decided', 'identification_reviewed']);

interface LogEntry {
  action: { type: string; at: Date; details: Record<string, string | string[]> };
}

/**
 * The days a late-entered decision of this case must not precede (core occurredOnIssues): each
 * earlier decision's or review's own day (`occurredOn`, else the Kazakhstan day it was recorded),
 * and the day of the encounter the case was opened from (a decision follows the screening).
 * The case's opening itself is not a bound: a case entered late is opened on the day of entry.
 * A referral (`decisions: false`) may precede the identification (an emergency placement): only the encounter bounds it.
 */
export async function earlierEventDays(q: DbOrTx, log: readonly LogEntry[], opts: { decisions: boolean } = { decisions: true }): Promise<string[]> {
  const days = log
    .filter((l) => opts.decisions && DATED_TYPES.has(l.action.type))
    .map((l) => (typeof l.action.details.occurredOn === 'string' ? l.action.details.occurredOn : kazakhstanDate(l.action.at)));
  const screeningIds = log.map((l) => l.action.details.screeningId).filter((id): id is string => typeof id === 'string');
  if (screeningIds.length) {
    const rows = await q.select({ day: screenings.encounterDate }).from(screenings).where(inArray(screenings.id, screeningIds));
    days.push(...rows.map((r) => r.day).filter((d): d is string => typeof d === 'string'));
  }
  return days;
}
