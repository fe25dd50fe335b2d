import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { clientDueThresholds, kazakhstanDate, type Urgency } from '@qorgau/core';
import { rowsOf } from '../../db/client.ts';
import { legalAidAssignments, legalServices, persons } from '../../db/schema.ts';
import type { WorkQueueDef } from '../work/work-queues.ts';

/**
 * The lawyer's home page (issue #11 item 6): her open legal-aid assignments, `due_soon` when the
 * client has had no service for more than 30 days (or none at all more than 7 days after the
 * assignment: core clientUrgency, the same thresholds), else `waiting`. Most neglected first.
 * Her clients are few; one scan of her open assignments (`legal_aid_assignments_open_idx`).
 */
export const myClientsQueue: WorkQueueDef = {
  id: 'my_clients',
  roles: ['lawyer'],
  listHref: '/clients',
  async load(deps, auth, limit) {
    const t = clientDueThresholds(kazakhstanDate(deps.now()));
    const last = sql<string | null>`(SELECT max(s.delivered_on) FROM ${legalServices} s WHERE s.assignment_id = ${legalAidAssignments.id})`;
    const urgency = sql<Urgency>`CASE WHEN ${last} IS NULL THEN (CASE WHEN ${legalAidAssignments.assignedOn} < ${t.firstServiceBefore}::text THEN 'due_soon' ELSE 'waiting' END)
      WHEN ${last} < ${t.lastServiceBefore}::text THEN 'due_soon' ELSE 'waiting' END`;
    const where = and(eq(legalAidAssignments.lawyerId, auth.actor.userId), isNull(legalAidAssignments.endedOn));
    const [rows, counts] = await Promise.all([
      deps.db
        .select({ personId: persons.id, pseudonym: persons.pseudonym, assignedOn: legalAidAssignments.assignedOn, urgency })
        .from(legalAidAssignments)
        .innerJoin(persons, eq(persons.id, legalAidAssignments.personId))
        .where(where)
        // due_soon before waiting; the longest without a service first.
        .orderBy(sql`${urgency} = 'waiting'`, asc(sql`coalesce(${last}, ${legalAidAssignments.assignedOn})`), asc(legalAidAssignments.id))
        .limit(limit),
      deps.db.execute(
        sql`SELECT count(*) FILTER (WHERE u = 'due_soon')::int AS due_soon, count(*) FILTER (WHERE u = 'waiting')::int AS waiting
          FROM (SELECT ${urgency} AS u FROM ${legalAidAssignments} WHERE ${where}) q`,
      ),
    ]);
    const [c] = rowsOf<{ due_soon: number; waiting: number }>(counts);
    return {
      counts: { overdue: 0, due_soon: Number(c?.due_soon ?? 0), waiting: Number(c?.waiting ?? 0) },
      items: rows.map((r) => ({
        href: `/persons/${r.personId}`,
        label: r.pseudonym,
        dueAt: null,
        urgency: r.urgency,
        facts: { since: r.assignedOn },
      })),
    };
  },
};
