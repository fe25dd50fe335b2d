import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import { deadlineStatus, kazakhstanDate, WORK_COUNT_CAP, type WorkingCalendar } from '@qorgau/core';
import { caseScope } from '../../../auth/scope-filter.ts';
import { caseActions, cases, persons } from '../../../db/schema.ts';
import { DUE_SOON_DAYS } from '../../cases/cases.view.ts';
import { nonPunishmentFlagOpen } from '../../cases/cases.repository.ts';
import { linkedErdrSql } from '../../justice/justice.queues.ts';
import type { WorkQueueDef } from '../work-queues.ts';
import { boundedCounts, urgencySql, waitingSql } from './queue-sql.ts';

const DAY_MS = 86_400_000;
const nextDay = (date: string, n = 1) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/**
 * The last due date still "due soon" today: the same rule as the case page's deadline badge
 * (core `deadlineStatus`, working days), turned into one bound the query can compare with.
 */
export function dueSoonUpTo(today: string, cal: WorkingCalendar): string {
  let last = today;
  for (let d = today, i = 0; i < 31; i++, d = nextDay(d)) {
    try {
      if (deadlineStatus(d, today, DUE_SOON_DAYS, cal) !== 'due_soon') break;
    } catch {
      break; // a date the calendar does not cover: the days before it are the bound
    }
    last = d;
  }
  return last;
}

/**
 * Cases awaiting formal identification in the officer's act scope (issue #3's deadline, in
 * working days): overdue, due soon, or within their time (`waiting`), soonest first.
 */
export const identificationDeadlinesQueue: WorkQueueDef = {
  id: 'identification_deadlines',
  roles: ['identification_officer'],
  listHref: '/cases?status=open',
  async load(deps, auth, limit) {
    const today = kazakhstanDate(deps.now());
    const bounds = { overdueBelow: today, soonUpTo: dueSoonUpTo(today, await deps.reference.calendar()) };
    const where = and(eq(cases.status, 'open'), isNotNull(cases.identificationDue), caseScope(auth.actor, 'case.act'));
    const urgency = urgencySql(cases.identificationDue, bounds);
    const [rows, counted] = await Promise.all([
      deps.db
        .select({ id: cases.id, reference: cases.reference, due: cases.identificationDue, pseudonym: persons.pseudonym, urgency })
        .from(cases)
        .innerJoin(persons, eq(persons.id, cases.personId))
        .where(where)
        .orderBy(asc(cases.identificationDue), asc(cases.id))
        .limit(limit),
      boundedCounts(
        deps.db,
        deps.db
          .select({ u: urgency.as('u') })
          .from(cases)
          .where(where)
          .orderBy(asc(cases.identificationDue))
          .limit(WORK_COUNT_CAP),
      ),
    ]);
    return {
      ...counted,
      items: rows.map((r) => ({ href: `/cases/${r.id}`, label: r.reference, dueAt: r.due, urgency: r.urgency, facts: { pseudonym: r.pseudonym } })),
    };
  },
};

/** A non-punishment flag not yet reviewed (DOMAIN.md §2 step 7): the prosecutor's queue, oldest flag first. */
const flaggedAt = sql<string>`(SELECT to_char(max(f.at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') FROM ${caseActions} f WHERE f.case_id = ${cases.id} AND f.type = 'non_punishment_flagged')`;

export const nonPunishmentFlagsQueue: WorkQueueDef = {
  id: 'non_punishment_flags',
  roles: ['prosecutor'],
  listHref: '/cases',
  async load(deps, auth, limit) {
    const where = and(caseScope(auth.actor, 'case.read'), nonPunishmentFlagOpen);
    const [rows, counted] = await Promise.all([
      deps.db
        // The criminal case she is a victim in, if the prosecutor may read it (issue #11 item 4).
        .select({ id: cases.id, reference: cases.reference, pseudonym: persons.pseudonym, flaggedAt, erdr: linkedErdrSql(auth.actor, cases.personId) })
        .from(cases)
        .innerJoin(persons, eq(persons.id, cases.personId))
        .where(where)
        .orderBy(asc(cases.updatedAt), asc(cases.id))
        .limit(limit),
      boundedCounts(
        deps.db,
        deps.db
          .select({ u: waitingSql.as('u') })
          .from(cases)
          .where(where)
          .limit(WORK_COUNT_CAP),
      ),
    ]);
    return {
      ...counted,
      items: rows.map((r) => ({
        href: `/cases/${r.id}`,
        label: r.reference,
        dueAt: null,
        urgency: 'waiting' as const,
        facts: { pseudonym: r.pseudonym, since: r.flaggedAt ?? '', ...(r.erdr ? { criminalCase: r.erdr } : {}) },
      })),
    };
  },
};
