import { sql } from 'drizzle-orm';
import { COMPENSATION_EXPLAIN_DAYS, fromDayNumber, kazakhstanDate, toDayNumber, WORK_COUNT_CAP, type Urgency } from '@qorgau/core';
import { rowsOf } from '../../db/client.ts';
import { cases, compensationNotices, persons, protectionCases } from '../../db/schema.ts';
import { boundedCounts } from '../work/queues/queue-sql.ts';
import type { WorkQueueDef } from '../work/work-queues.ts';
import { personScope } from '../persons/persons.repository.ts';

/**
 * The case worker is reminded until the right to compensation is recorded as explained (issue
 * #11 item 5; the seeds: victims "continued to be unaware of the right to seek compensation").
 * Persons in her `redress.act` scope whom her agency protects (an open protection case) or has
 * identified (an NRM case it owns, ActualVictimOfTrafficking), with no compensation notice.
 * `since`: the earliest such protection or identification (its reference is the row's label);
 * overdue 30 days after it.
 */
export const compensationUnexplainedQueue: WorkQueueDef = {
  id: 'compensation_unexplained',
  roles: ['case_worker'],
  async load(deps, auth, limit) {
    const today = kazakhstanDate(deps.now());
    const overdueBelow = fromDayNumber(toDayNumber(today) - COMPENSATION_EXPLAIN_DAYS);
    const agency = auth.actor.agencyId;
    // Kazakhstan's date of an identification (UTC+5): a stored instant, not the database's clock.
    const caseDay = sql`to_char(${cases.createdAt} AT TIME ZONE 'UTC' + interval '5 hours', 'YYYY-MM-DD')`;
    const due = sql`SELECT s.person_id, min(s.since) AS since, (array_agg(s.ref ORDER BY s.since, s.ref))[1] AS reference FROM (
        SELECT ${protectionCases.personId} AS person_id, ${protectionCases.openedOn} AS since, ${protectionCases.reference} AS ref FROM ${protectionCases}
          WHERE ${protectionCases.agencyId} = ${agency}::uuid AND ${protectionCases.status} = 'open'
        UNION ALL
        SELECT ${cases.personId} AS person_id, ${caseDay} AS since, ${cases.reference} AS ref FROM ${cases}
          WHERE ${cases.ownerAgencyId} = ${agency}::uuid AND ${cases.traffickingStatus} = 'ActualVictimOfTrafficking'
      ) s GROUP BY s.person_id`;
    const urgency = sql<Urgency>`CASE WHEN d.since < ${overdueBelow}::text THEN 'overdue' ELSE 'waiting' END`;
    const base = sql`FROM (${due}) d JOIN ${persons} ON ${persons.id} = d.person_id
      WHERE NOT EXISTS (SELECT 1 FROM ${compensationNotices} n WHERE n.person_id = d.person_id)
        AND ${personScope(auth.actor, 'redress.act')}`;
    const [rows, counted] = await Promise.all([
      deps.db.execute(sql`SELECT ${persons.id} AS id, ${persons.pseudonym} AS pseudonym, d.since AS since, d.reference AS reference, ${urgency} AS urgency ${base}
        ORDER BY d.since ASC, ${persons.id} ASC LIMIT ${limit}`),
      boundedCounts(deps.db, sql`SELECT ${urgency} AS u ${base} ORDER BY d.since ASC LIMIT ${WORK_COUNT_CAP}`),
    ]);
    return {
      ...counted,
      items: rowsOf<{ id: string; pseudonym: string; since: string; reference: string; urgency: Urgency }>(rows).map((r) => ({
        href: `/persons/${r.id}`,
        // The protection case's (or the NRM case's) reference; the pseudonym below it.
        label: r.reference,
        dueAt: fromDayNumber(toDayNumber(r.since) + COMPENSATION_EXPLAIN_DAYS),
        urgency: r.urgency,
        facts: { pseudonym: r.pseudonym, since: r.since },
      })),
    };
  },
};
