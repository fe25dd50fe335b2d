import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
import { FOLLOW_UP_DUE_SOON_DAYS, fromDayNumber, kazakhstanDate, toDayNumber } from '@qorgau/core';
import { rowsOf } from '../../db/client.ts';
import { followUps, persons, protectionCases } from '../../db/schema.ts';
import type { Urgency, WorkQueueDef } from '../work/work-queues.ts';
import { protectionScope } from './protection.repository.ts';

/**
 * Follow-ups after closure that are overdue or due within 7 days (core followUpUrgency), for
 * the care staff of the owning agency, most overdue first (DOMAIN.md §2.8: follow-up against
 * re-trafficking). One indexed scan (`follow_ups_due_idx`) joined to the scoped case.
 */
export const followUpsDueQueue: WorkQueueDef = {
  id: 'follow_ups_due',
  roles: ['case_worker', 'shelter_manager'],
  listHref: '/protection?status=closed',
  async load(deps, auth, limit) {
    const today = kazakhstanDate(deps.now());
    const soonUpTo = fromDayNumber(toDayNumber(today) + FOLLOW_UP_DUE_SOON_DAYS);
    const where = and(isNull(followUps.doneAt), lte(followUps.dueOn, soonUpTo), protectionScope(auth.actor, 'protection.act'));
    const urgency = sql<Urgency>`CASE WHEN ${followUps.dueOn} < ${today}::text THEN 'overdue' ELSE 'due_soon' END`;
    const from = () =>
      deps.db
        .select({
          id: protectionCases.id,
          reference: protectionCases.reference,
          dueOn: followUps.dueOn,
          kind: followUps.kind,
          pseudonym: persons.pseudonym,
          urgency,
        })
        .from(followUps)
        .innerJoin(protectionCases, eq(protectionCases.id, followUps.protectionCaseId))
        .innerJoin(persons, eq(persons.id, protectionCases.personId))
        .where(where);
    const [rows, counts] = await Promise.all([
      from().orderBy(asc(followUps.dueOn), asc(followUps.id)).limit(limit),
      deps.db.execute(
        sql`SELECT count(*) FILTER (WHERE ${followUps.dueOn} < ${today}::text)::int AS overdue, count(*) FILTER (WHERE ${followUps.dueOn} >= ${today}::text)::int AS due_soon
          FROM ${followUps} JOIN ${protectionCases} ON ${protectionCases.id} = ${followUps.protectionCaseId} WHERE ${where}`,
      ),
    ]);
    const [c] = rowsOf<{ overdue: number; due_soon: number }>(counts);
    return {
      counts: { overdue: Number(c?.overdue ?? 0), due_soon: Number(c?.due_soon ?? 0), waiting: 0 },
      items: rows.map((r) => ({
        href: `/protection/${r.id}`,
        label: r.reference,
        dueAt: r.dueOn,
        urgency: r.urgency,
        facts: { pseudonym: r.pseudonym, followUp: r.kind },
      })),
    };
  },
};
