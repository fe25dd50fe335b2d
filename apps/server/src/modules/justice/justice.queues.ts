import { and, asc, eq, inArray, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { fromDayNumber, kazakhstanDate, toDayNumber, WORK_COUNT_CAP, type CriminalStage } from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { criminalCases, persons, proceedingVictims, protectiveMeasures } from '../../db/schema.ts';
import { boundedCounts, urgencySql, waitingSql } from '../work/queues/queue-sql.ts';
import type { Urgency, WorkItem, WorkQueueDef } from '../work/work-queues.ts';
import { criminalCaseScope } from './criminal-case-scope.ts';

/**
 * The justice queues of the home page (issue #11 item 6): the prosecutor's cases by stage and
 * deadline and the victims awaiting protective measures, the investigator's own cases, the
 * court clerk's cases in court. Each is one scoped query for its items (LIMIT, on the indexes
 * of migration 0019: `criminal_cases_region_idx`, `criminal_cases_investigator_idx`,
 * `protective_measures_requested_idx`) and one bounded count (`boundedCounts`). Rows show the
 * ERDR number and a pseudonym only: never a name.
 */

/** The pre-trial stages, whose term (`deadline_on`) the prosecutor supervises. */
export const PRETRIAL_OPEN_STAGES = ['registered', 'investigation', 'suspended'] as const satisfies readonly CriminalStage[];
/** The stages in which the case is before a court. */
export const IN_COURT_STAGES = ['sent_to_court', 'first_instance_verdict', 'appeal'] as const satisfies readonly CriminalStage[];
/** A pre-trial term ending within this many days is `due_soon`. */
export const CRIMINAL_DEADLINE_SOON_DAYS = 14;
/**
 * A requested protective measure is overdue after this many days without a decision [P]: the
 * victim is at risk while she waits (threats before testimony are the common case), so the
 * decision is urgent from the first day (`due_soon`) and late after three.
 */
export const MEASURE_DECISION_DAYS = 3;

const plusDays = (date: string, n: number) => fromDayNumber(toDayNumber(date) + n);
const criminalCaseHref = (id: string) => `/criminal-cases/${id}`;

type Deps = Pick<AppDeps, 'db' | 'now'>;

/** Open cases (by stage) in a scope, by pre-trial deadline: overdue, due within 14 days, later. */
async function casesByDeadline(deps: Deps, where: SQL | undefined, limit: number) {
  const today = kazakhstanDate(deps.now());
  const urgency = urgencySql(criminalCases.deadlineOn, { overdueBelow: today, soonUpTo: plusDays(today, CRIMINAL_DEADLINE_SOON_DAYS) });
  const [rows, counted] = await Promise.all([
    deps.db
      .select({ id: criminalCases.id, erdr: criminalCases.erdrNumber, stage: criminalCases.stage, deadlineOn: criminalCases.deadlineOn, urgency })
      .from(criminalCases)
      .where(where)
      .orderBy(sql`${criminalCases.deadlineOn} ASC NULLS LAST`, asc(criminalCases.id))
      .limit(limit),
    boundedCounts(
      deps.db,
      deps.db
        .select({ u: urgency.as('u') })
        .from(criminalCases)
        .where(where)
        .orderBy(sql`${criminalCases.deadlineOn} ASC NULLS LAST`)
        .limit(WORK_COUNT_CAP),
    ),
  ]);
  return {
    ...counted,
    items: rows.map((r): WorkItem => ({ href: criminalCaseHref(r.id), label: r.erdr, dueAt: r.deadlineOn, urgency: r.urgency, facts: { stage: r.stage } })),
  };
}

/** The prosecutor's pre-trial cases of her region by deadline (issue #11 item 6: "cases by stage and deadline"). */
export const criminalCaseDeadlinesQueue: WorkQueueDef = {
  id: 'criminal_case_deadlines',
  roles: ['prosecutor'],
  listHref: '/criminal-cases',
  load: (deps, auth, limit) =>
    casesByDeadline(deps, and(inArray(criminalCases.stage, [...PRETRIAL_OPEN_STAGES]), criminalCaseScope(auth.actor, 'criminal_case.act')), limit),
};

/** The investigator's own open pre-trial cases (investigator_id = her), by deadline. */
export const myCriminalCasesQueue: WorkQueueDef = {
  id: 'my_criminal_cases',
  roles: ['investigator'],
  listHref: '/criminal-cases',
  load: (deps, auth, limit) =>
    casesByDeadline(
      deps,
      and(
        eq(criminalCases.investigatorId, auth.user.id),
        inArray(criminalCases.stage, [...PRETRIAL_OPEN_STAGES]),
        criminalCaseScope(auth.actor, 'criminal_case.read'),
      ),
      limit,
    ),
};

/** Cases before a court (sent, first-instance verdict, appeal), longest in their stage first. */
export const criminalCasesInCourtQueue: WorkQueueDef = {
  id: 'criminal_cases_in_court',
  roles: ['prosecutor', 'court_clerk'],
  listHref: '/criminal-cases',
  async load(deps, auth, limit) {
    const where = and(inArray(criminalCases.stage, [...IN_COURT_STAGES]), criminalCaseScope(auth.actor, 'criminal_case.act'));
    const [rows, counted] = await Promise.all([
      deps.db
        .select({ id: criminalCases.id, erdr: criminalCases.erdrNumber, stage: criminalCases.stage, stageOn: criminalCases.stageOn })
        .from(criminalCases)
        .where(where)
        .orderBy(asc(criminalCases.stageOn), asc(criminalCases.id))
        .limit(limit),
      boundedCounts(
        deps.db,
        deps.db
          .select({ u: waitingSql.as('u') })
          .from(criminalCases)
          .where(where)
          .limit(WORK_COUNT_CAP),
      ),
    ]);
    return {
      ...counted,
      items: rows.map(
        (r): WorkItem => ({
          href: criminalCaseHref(r.id),
          label: r.erdr,
          dueAt: null,
          urgency: 'waiting',
          facts: { stage: r.stage, since: r.stageOn },
        }),
      ),
    };
  },
};

/** Victims awaiting a decision on a protective measure in the cases of the user's act scope, oldest request first. */
export const measuresAwaitingQueue: WorkQueueDef = {
  id: 'measures_awaiting',
  roles: ['prosecutor', 'investigator'],
  async load(deps, auth, limit) {
    const today = kazakhstanDate(deps.now());
    const lateBelow = plusDays(today, -MEASURE_DECISION_DAYS);
    const urgency = sql<Urgency>`CASE WHEN ${protectiveMeasures.requestedOn} < ${lateBelow}::text THEN 'overdue' ELSE 'due_soon' END`;
    const where = and(eq(protectiveMeasures.status, 'requested'), criminalCaseScope(auth.actor, 'criminal_case.act'));
    const [rows, counted] = await Promise.all([
      deps.db
        .select({
          caseId: criminalCases.id,
          erdr: criminalCases.erdrNumber,
          measure: protectiveMeasures.measure,
          requestedOn: protectiveMeasures.requestedOn,
          pseudonym: persons.pseudonym,
          urgency,
        })
        .from(protectiveMeasures)
        .innerJoin(criminalCases, eq(criminalCases.id, protectiveMeasures.criminalCaseId))
        .innerJoin(persons, eq(persons.id, protectiveMeasures.personId))
        .where(where)
        .orderBy(asc(protectiveMeasures.requestedOn), asc(protectiveMeasures.id))
        .limit(limit),
      boundedCounts(
        deps.db,
        deps.db
          .select({ u: urgency.as('u') })
          .from(protectiveMeasures)
          .innerJoin(criminalCases, eq(criminalCases.id, protectiveMeasures.criminalCaseId))
          .where(where)
          .orderBy(asc(protectiveMeasures.requestedOn))
          .limit(WORK_COUNT_CAP),
      ),
    ]);
    return {
      ...counted,
      items: rows.map(
        (r): WorkItem => ({
          href: criminalCaseHref(r.caseId),
          label: r.erdr,
          dueAt: plusDays(r.requestedOn, MEASURE_DECISION_DAYS),
          urgency: r.urgency,
          facts: { pseudonym: r.pseudonym, measure: r.measure, since: r.requestedOn },
        }),
      ),
    };
  },
};

/**
 * The ERDR number of a criminal case the person (`personId`: a column or expression of the outer
 * row) is a victim in, among the cases in the actor's `criminal_case.read` scope (issue #11
 * item 4: a non-punishment flag arrives "with the linked criminal case, if any"); the most
 * recently registered one; null when there is none she may read. Through
 * `proceeding_victims_person_idx`.
 */
export function linkedErdrSql(actor: Parameters<typeof criminalCaseScope>[0], personId: SQLWrapper): SQL<string | null> {
  return sql<
    string | null
  >`(SELECT ${criminalCases.erdrNumber} FROM ${proceedingVictims} npv JOIN ${criminalCases} ON ${criminalCases.id} = npv.criminal_case_id
    WHERE npv.person_id = ${personId} AND ${criminalCaseScope(actor, 'criminal_case.read')}
    ORDER BY ${criminalCases.registeredOn} DESC, ${criminalCases.id} LIMIT 1)`;
}
