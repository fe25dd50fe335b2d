import { and, asc, count, eq, gte, isNotNull, lte, sql } from 'drizzle-orm';
import { fromDayNumber, kazakhstanDate, LAPSED_SHOWN_DAYS, LAPSING_WITHIN_DAYS, toDayNumber } from '@qorgau/core';
import { entitlements, persons } from '../../db/schema.ts';
import { personScope } from '../persons/persons.repository.ts';
import type { Urgency, WorkQueueDef } from '../work/work-queues.ts';

/** Within this many days of its end an entitlement is `due_soon` (the 7-day reminder). */
const DUE_SOON_DAYS = 7;

/**
 * Entitlements about to lapse (within 30 days) or lapsed in the last 30 days, for the persons
 * in the user's entitlement scope: lapsed first (`overdue`), then by end date (issue #10 item 5:
 * "entitlements about to lapse"). Reads the `entitlements` rows (kept current by recompute and
 * the daily sweep) through the partial index on `ends_on`.
 */
export const entitlementsLapsingQueue: WorkQueueDef = {
  id: 'entitlements_lapsing',
  roles: ['identification_officer', 'case_worker'],
  async load(deps, auth, limit) {
    const today = kazakhstanDate(deps.now());
    const t = toDayNumber(today);
    const from = fromDayNumber(t - LAPSED_SHOWN_DAYS);
    const soon = fromDayNumber(t + DUE_SOON_DAYS);
    const until = fromDayNumber(t + LAPSING_WITHIN_DAYS);
    const urgency = sql<Urgency>`CASE WHEN ${entitlements.endsOn} < ${today} THEN 'overdue' WHEN ${entitlements.endsOn} <= ${soon} THEN 'due_soon' ELSE 'waiting' END`;
    const where = and(
      isNotNull(entitlements.endsOn),
      gte(entitlements.endsOn, from),
      lte(entitlements.endsOn, until),
      personScope(auth.actor, 'entitlement.read'),
    );
    // Grouped over a subquery: the CASE's bound parameters differ between SELECT and GROUP BY.
    const counted = deps.db
      .select({ u: urgency.as('u') })
      .from(entitlements)
      .innerJoin(persons, eq(persons.id, entitlements.personId))
      .where(where)
      .as('counted');
    const [rows, counts] = await Promise.all([
      deps.db
        .select({ personId: entitlements.personId, kind: entitlements.kind, endsOn: entitlements.endsOn, pseudonym: persons.pseudonym, urgency })
        .from(entitlements)
        .innerJoin(persons, eq(persons.id, entitlements.personId))
        .where(where)
        .orderBy(asc(entitlements.endsOn), asc(entitlements.personId), asc(entitlements.kind))
        .limit(limit),
      deps.db.select({ urgency: counted.u, n: count() }).from(counted).groupBy(counted.u),
    ]);
    const byUrgency: Record<Urgency, number> = { overdue: 0, due_soon: 0, waiting: 0 };
    for (const c of counts) byUrgency[c.urgency] = Number(c.n);
    return {
      counts: byUrgency,
      items: rows.map((r) => ({
        href: `/persons/${r.personId}`,
        label: r.pseudonym,
        dueAt: r.endsOn,
        urgency: r.urgency,
        facts: { entitlement: r.kind, endsOn: r.endsOn ?? '', daysLeft: toDayNumber(r.endsOn ?? today) - t },
      })),
    };
  },
};
