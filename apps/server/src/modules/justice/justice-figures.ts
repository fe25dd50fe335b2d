import { sql, type SQL } from 'drizzle-orm';
import { hasPermission, type Actor, type JusticeFigures, type Permission } from '@qorgau/core';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import {
  civilClaims,
  compensationNotices,
  compensationPayments,
  criminalCaseEvents,
  criminalCases,
  defendants,
  legalAidAssignments,
  legalServices,
  persons,
  proceedingVictims,
  protectiveMeasures,
} from '../../db/schema.ts';
import { personScope } from '../persons/persons.repository.ts';
import { criminalCaseScope } from './criminal-case-scope.ts';

/** The trafficking articles counted as trafficking offences (DOMAIN.md §2.5 [V]: 128, 135). */
const TRAFFICKING_ARTICLES = sql`ARRAY['128', '135']::text[]`;

/** Which grants bound the figures: criminal cases, and persons (redress). */
export interface JusticeFigureScopes {
  cases: Permission;
  people: Permission;
}
/** The justice pages count what their reader may read (issue #11). */
const JUSTICE_READER: JusticeFigureScopes = { cases: 'criminal_case.read', people: 'redress.read' };
/** National statistics count within `statistics.read` (issue #13): an analyst reads no case but counts them all. */
export const STATISTICS_READER: JusticeFigureScopes = { cases: 'statistics.read', people: 'statistics.read' };

/**
 * The year's figures within the reader's scope (issue #11). Each figure is counted from the
 * facts with their own dates (a case by its registration, a prosecution by the day it was sent
 * to court, an outcome by its date, a payment by the day it was paid), so a year's figures do
 * not move when a case moves on later. Victims are counted as persons, not links.
 */
export async function justiceFigures(q: DbOrTx, actor: Actor, year: number, scopes: JusticeFigureScopes = JUSTICE_READER): Promise<JusticeFigures> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const inYear = (col: SQL | unknown) => sql`(${col} BETWEEN ${from} AND ${to})`;
  const cases = criminalCaseScope(actor, scopes.cases);
  const people: SQL = hasPermission(actor.role, scopes.people) ? personScope(actor, scopes.people) : sql`false`;

  const [row] = rowsOf<Record<string, string | number | null>>(
    await q.execute(sql`
    WITH cc AS (SELECT * FROM ${criminalCases} WHERE ${cases}),
    d AS (SELECT d.* FROM ${defendants} d JOIN cc ON cc.id = d.criminal_case_id),
    pv AS (SELECT pv.*, p.citizenship FROM ${proceedingVictims} pv JOIN cc ON cc.id = pv.criminal_case_id JOIN ${persons} p ON p.id = pv.person_id)
    SELECT
      (SELECT count(*) FROM cc WHERE ${inYear(sql`cc.registered_on`)})::int AS registered,
      (SELECT count(*) FROM cc WHERE ${inYear(sql`cc.registered_on`)} AND cc.articles && ${TRAFFICKING_ARTICLES})::int AS trafficking,
      (SELECT count(DISTINCT e.criminal_case_id) FROM ${criminalCaseEvents} e JOIN cc ON cc.id = e.criminal_case_id
        WHERE e.type = 'change_stage' AND e.details->>'to' = 'sent_to_court' AND ${inYear(sql`e.details->>'on'`)})::int AS prosecuted,
      (SELECT count(*) FROM d WHERE d.outcome = 'convicted' AND ${inYear(sql`d.outcome_on`)})::int AS convicted,
      (SELECT count(*) FROM d WHERE d.outcome = 'acquitted' AND ${inYear(sql`d.outcome_on`)})::int AS acquitted,
      (SELECT count(*) FROM d WHERE d.outcome = 'charges_dropped' AND ${inYear(sql`d.outcome_on`)})::int AS charges_dropped,
      (SELECT count(*) FROM d WHERE d.outcome = 'convicted' AND d.sentence_kind = 'custodial' AND ${inYear(sql`d.outcome_on`)})::int AS custodial,
      (SELECT count(*) FROM d WHERE d.outcome = 'convicted' AND d.sentence_kind = 'suspended' AND ${inYear(sql`d.outcome_on`)})::int AS suspended,
      (SELECT count(*) FROM d WHERE d.outcome = 'convicted' AND d.sentence_kind = 'fine' AND ${inYear(sql`d.outcome_on`)})::int AS fine,
      (SELECT count(*) FROM d JOIN cc ON cc.id = d.criminal_case_id WHERE d.official AND ${inYear(sql`cc.registered_on`)})::int AS officials,
      (SELECT count(*) FROM d WHERE d.official AND d.outcome = 'convicted' AND ${inYear(sql`d.outcome_on`)})::int AS officials_convicted,
      (SELECT count(DISTINCT pv.person_id) FROM pv WHERE ${inYear(sql`pv.linked_on`)})::int AS victims,
      (SELECT count(DISTINCT pv.person_id) FROM pv WHERE pv.participated AND ${inYear(sql`pv.linked_on`)})::int AS participated,
      (SELECT count(DISTINCT pv.person_id) FROM pv WHERE pv.citizenship IS DISTINCT FROM 'KZ' AND ${inYear(sql`pv.linked_on`)})::int AS victims_foreign,
      (SELECT count(DISTINCT m.person_id) FROM ${protectiveMeasures} m JOIN cc ON cc.id = m.criminal_case_id
        WHERE m.measure = 'ppcp_programme' AND m.status IN ('granted', 'ended') AND ${inYear(sql`m.decided_on`)})::int AS ppcp_persons,
      (SELECT count(DISTINCT m.person_id) FROM ${protectiveMeasures} m JOIN cc ON cc.id = m.criminal_case_id JOIN ${persons} p ON p.id = m.person_id
        WHERE m.measure = 'ppcp_programme' AND m.status IN ('granted', 'ended') AND p.citizenship = 'KZ' AND ${inYear(sql`m.decided_on`)})::int AS ppcp_citizens,
      (SELECT coalesce(sum(m.cost_tenge), 0) FROM ${protectiveMeasures} m JOIN cc ON cc.id = m.criminal_case_id
        WHERE m.measure = 'ppcp_programme' AND m.status IN ('granted', 'ended') AND ${inYear(sql`m.decided_on`)})::bigint AS ppcp_cost,
      (SELECT count(DISTINCT n.person_id) FROM ${compensationNotices} n JOIN ${persons} ON ${persons}.id = n.person_id AND ${people} WHERE ${inYear(sql`n.informed_on`)})::int AS informed,
      (SELECT count(*) FROM ${civilClaims} c JOIN ${persons} ON ${persons}.id = c.person_id AND ${people} WHERE ${inYear(sql`c.filed_on`)})::int AS claims,
      (SELECT coalesce(sum(c.claimed_tenge), 0) FROM ${civilClaims} c JOIN ${persons} ON ${persons}.id = c.person_id AND ${people} WHERE ${inYear(sql`c.filed_on`)})::bigint AS claimed,
      (SELECT coalesce(sum(c.awarded_tenge), 0) FROM ${civilClaims} c JOIN ${persons} ON ${persons}.id = c.person_id AND ${people} WHERE ${inYear(sql`c.awarded_on`)})::bigint AS awarded,
      (SELECT coalesce(sum(p.amount_tenge), 0) FROM ${compensationPayments} p JOIN ${persons} ON ${persons}.id = p.person_id AND ${people} WHERE ${inYear(sql`p.paid_on`)})::bigint AS paid,
      (SELECT coalesce(sum(p.amount_tenge), 0) FROM ${compensationPayments} p JOIN ${persons} ON ${persons}.id = p.person_id AND ${people} WHERE p.source = 'state_fund' AND ${inYear(sql`p.paid_on`)})::bigint AS paid_state,
      (SELECT coalesce(sum(p.amount_tenge), 0) FROM ${compensationPayments} p JOIN ${persons} ON ${persons}.id = p.person_id AND ${people} WHERE p.source = 'offender' AND ${inYear(sql`p.paid_on`)})::bigint AS paid_offender,
      (SELECT count(*) FROM ${legalAidAssignments} a JOIN ${persons} ON ${persons}.id = a.person_id AND ${people} WHERE ${inYear(sql`a.assigned_on`)})::int AS assignments,
      (SELECT count(*) FROM ${legalAidAssignments} a JOIN ${persons} ON ${persons}.id = a.person_id AND ${people} WHERE a.funding = 'state_legal_aid' AND ${inYear(sql`a.assigned_on`)})::int AS state_aid,
      (SELECT count(*) FROM ${legalAidAssignments} a JOIN ${persons} ON ${persons}.id = a.person_id AND ${people} WHERE a.funding = 'pro_bono' AND ${inYear(sql`a.assigned_on`)})::int AS pro_bono,
      (SELECT count(*) FROM ${legalAidAssignments} a JOIN ${persons} ON ${persons}.id = a.person_id AND ${people} WHERE a.funding = 'ngo_funded' AND ${inYear(sql`a.assigned_on`)})::int AS ngo_funded,
      (SELECT count(DISTINCT a.person_id) FROM ${legalAidAssignments} a JOIN ${persons} ON ${persons}.id = a.person_id AND ${people} WHERE ${inYear(sql`a.assigned_on`)})::int AS aided_persons,
      (SELECT count(*) FROM ${legalServices} l JOIN ${persons} ON ${persons}.id = l.person_id AND ${people} WHERE ${inYear(sql`l.delivered_on`)})::int AS services,
      (SELECT coalesce(sum(l.hours), 0) FROM ${legalServices} l JOIN ${persons} ON ${persons}.id = l.person_id AND ${people} WHERE ${inYear(sql`l.delivered_on`)})::float8 AS hours
  `),
  );
  const n = (k: string) => Number(row?.[k] ?? 0);
  const ppcpPersons = n('ppcp_persons');
  return {
    year,
    investigations: { registered: n('registered'), trafficking: n('trafficking') },
    prosecutions: { cases: n('prosecuted') },
    outcomes: {
      convicted: n('convicted'),
      acquitted: n('acquitted'),
      chargesDropped: n('charges_dropped'),
      custodial: n('custodial'),
      suspended: n('suspended'),
      fine: n('fine'),
    },
    complicitOfficials: { suspects: n('officials'), convicted: n('officials_convicted') },
    victims: { linked: n('victims'), participated: n('participated'), foreign: n('victims_foreign') },
    protectionProgramme: { persons: ppcpPersons, citizens: n('ppcp_citizens'), foreign: ppcpPersons - n('ppcp_citizens'), costTenge: n('ppcp_cost') },
    compensation: {
      informed: n('informed'),
      claims: n('claims'),
      claimedTenge: n('claimed'),
      awardedTenge: n('awarded'),
      paidTenge: n('paid'),
      paidByStateFundTenge: n('paid_state'),
      paidByOffenderTenge: n('paid_offender'),
    },
    legalAid: {
      assignments: n('assignments'),
      stateLegalAid: n('state_aid'),
      proBono: n('pro_bono'),
      ngoFunded: n('ngo_funded'),
      persons: n('aided_persons'),
      services: n('services'),
      hours: n('hours'),
    },
  };
}
