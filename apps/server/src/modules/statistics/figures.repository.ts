import { sql, type SQL } from 'drizzle-orm';
import { kazakhstanDate, type Actor, type YearStatistics } from '@qorgau/core';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import { statisticsReach } from './statistics-reach.ts';
import { personScope } from '../persons/persons.repository.ts';

/**
 * The year's figures other than identified victims (issue #13): notifications and screenings,
 * referrals, services and shelter. Each counted by the date of its own fact (a screening by its
 * encounter, a service by the day it was given, a stay by the nights inside the year), so a
 * year's figures do not move when a case moves on later.
 */

/**
 * Rows that belong to no person (screenings, self-reports) are in scope by their region, or by
 * the agency that recorded them for an agency-scoped reader. Self-reports have no agency: only
 * regional and national readers count them.
 */
function regionalScope(actor: Actor, region: SQL, agency: SQL | null): SQL {
  const reach = statisticsReach(actor);
  if (reach.kind === 'national') return sql`true`;
  if (reach.kind === 'regions') return sql`${region} = ANY(${sql.param(reach.regions)}::text[])`;
  if (reach.kind === 'agency' && agency) return sql`${agency} = ${reach.agencyId}::uuid`;
  return sql`false`;
}

type OtherFigures = Pick<YearStatistics, 'notifications' | 'screenings' | 'care'>;

export async function otherFigures(q: DbOrTx, actor: Actor, year: number, now: Date): Promise<OtherFigures> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  // Bed-days of a stay still open end tonight, never in the future (the current year's figure grows daily).
  const tomorrow = kazakhstanDate(new Date(now.getTime() + 86_400_000));
  const next = tomorrow < `${year + 1}-01-01` ? tomorrow : `${year + 1}-01-01`;
  const people = personScope(actor, 'statistics.read');
  const screeningsIn = regionalScope(actor, sql`s.region_code`, sql`s.agency_id`);
  const selfReportsIn = regionalScope(actor, sql`r.region_code`, null);
  const [row] = rowsOf<Record<string, string | number | null>>(
    await q.execute(sql`
    WITH year_persons AS (
      SELECT person_id FROM referrals WHERE referred_on BETWEEN ${from} AND ${to}
      UNION SELECT person_id FROM service_deliveries WHERE date BETWEEN ${from} AND ${to}
      UNION SELECT person_id FROM shelter_stays WHERE admitted_on <= ${to} AND (discharged_on IS NULL OR discharged_on >= ${from})
    ),
    -- Only the persons the year's referrals, services and stays name, within scope (not the register).
    scoped AS (
      SELECT persons.id, coalesce(pc.cluster_id, persons.id) AS v
      FROM persons LEFT JOIN person_clusters pc ON pc.person_id = persons.id
      WHERE persons.id IN (SELECT person_id FROM year_persons) AND ${people}
    )
    , sc AS (
      SELECT count(*) FILTER (WHERE s.anonymous)::int AS anonymous, count(*)::int AS screenings, count(*) FILTER (WHERE s.level <> 'none')::int AS positive
      FROM screenings s WHERE s.encounter_date BETWEEN ${from} AND ${to} AND ${screeningsIn}
    )
    SELECT sc.anonymous, sc.screenings, sc.positive,
      (SELECT count(*) FROM self_reports r WHERE (r.created_at AT TIME ZONE 'Asia/Almaty')::date BETWEEN ${from}::date AND ${to}::date AND ${selfReportsIn})::int AS self_reports,
      (SELECT count(*) FROM referrals x JOIN scoped ON scoped.id = x.person_id WHERE x.referred_on BETWEEN ${from} AND ${to})::int AS referrals,
      (SELECT count(DISTINCT scoped.v) FROM referrals x JOIN scoped ON scoped.id = x.person_id WHERE x.referred_on BETWEEN ${from} AND ${to})::int AS persons_referred,
      (SELECT count(*) FROM service_deliveries d JOIN scoped ON scoped.id = d.person_id WHERE d.date BETWEEN ${from} AND ${to})::int AS services,
      (SELECT count(DISTINCT scoped.v) FROM service_deliveries d JOIN scoped ON scoped.id = d.person_id WHERE d.date BETWEEN ${from} AND ${to})::int AS persons_served,
      (SELECT coalesce(sum(d.cost_tenge), 0) FROM service_deliveries d JOIN scoped ON scoped.id = d.person_id WHERE d.date BETWEEN ${from} AND ${to})::bigint AS service_cost,
      (SELECT count(DISTINCT scoped.v) FROM shelter_stays st JOIN scoped ON scoped.id = st.person_id
        WHERE st.admitted_on <= ${to} AND (st.discharged_on IS NULL OR st.discharged_on >= ${from}))::int AS sheltered,
      (SELECT coalesce(sum(greatest(0, least(coalesce(st.discharged_on, ${next})::date, ${next}::date) - greatest(st.admitted_on::date, ${from}::date))), 0)
        FROM shelter_stays st JOIN scoped ON scoped.id = st.person_id
        WHERE st.admitted_on <= ${to} AND (st.discharged_on IS NULL OR st.discharged_on >= ${from}))::bigint AS bed_days
    FROM sc
  `),
  );
  const n = (k: string) => Number(row?.[k] ?? 0);
  return {
    notifications: { anonymousScreenings: n('anonymous'), selfReports: n('self_reports') },
    screenings: { total: n('screenings'), positive: n('positive') },
    care: {
      referrals: n('referrals'),
      personsReferred: n('persons_referred'),
      servicesDelivered: n('services'),
      personsServed: n('persons_served'),
      serviceCostTenge: n('service_cost'),
      personsSheltered: n('sheltered'),
      bedDays: n('bed_days'),
    },
  };
}
