import { sql, type SQL } from 'drizzle-orm';
import { ageGroupOf, formCategoryOf, scopeOf, sexCategoryOf, type AgencyType, type Actor, type VictimCell } from '@qorgau/core';
import { scopeValues } from '../../auth/scope-filter.ts';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import { personScope } from '../persons/persons.repository.ts';

/**
 * The counting rules of identified victims (issue #13, DOMAIN.md §6; docs/statistics.md states
 * them for readers). In SQL so that a year over the whole register is one statement:
 *
 * - A victim is a PERSON: a coherent linkage cluster (person_clusters), or a record no cluster
 *   holds. Two agencies' records of one woman, in two scripts, count once.
 * - She belongs to the year of her FIRST positive identification decision (a decision or a
 *   review with outcome ActualVictimOfTrafficking), dated by the day it was taken
 *   (`details.occurredOn` when recorded late, else the Kazakhstan date it was recorded).
 * - Only identifications that stand count: a case whose decision was reversed on review no
 *   longer makes its person a victim (the year's figure is revised, as official statistics are).
 * - Her categories come from the record of that first decision (citizenship, sex, birth year,
 *   the case's region, the deciding agency's type); her form is the union of the forms of all
 *   her identified cases (one form, or `Multiple`).
 * - Referred to care: any of her records was referred to a provider; by the type of the agency
 *   that sent the first referral. Participated: any record took part in criminal proceedings.
 * - Scope: a regional or agency reader counts the victims whose first-decision record is in her
 *   `statistics.read` scope.
 */
export async function victimCells(q: DbOrTx, actor: Actor, year: number): Promise<VictimCell[]> {
  return (await victimCellsByYear(q, actor, year, year)).get(year) ?? [];
}

/**
 * Cubes counted, per database, by the reader's statistics scope and year, each with the data
 * version it was counted at (migration 0026: every write to a table the cube reads advances
 * `statistics_data_version`). A cube is served again only while that version is unchanged, so
 * a figure is never stale; the dashboard's and the report's repeated questions cost one cheap
 * read instead of a count over the year's victims.
 */
const CUBES = new WeakMap<object, Map<string, { version: string; cells: VictimCell[] }>>();
const MAX_CUBES = 500;

/** Readers whose scopes select the same victims share cubes (statistics.read is never narrower than an agency). */
function scopeKey(actor: Actor): string {
  const v = scopeValues(actor, scopeOf(actor.role, 'statistics.read'));
  if (v.rank >= 4 || (v.rank >= 3 && v.national)) return 'national';
  if (v.rank >= 3) return `regions:${[...v.regions].sort().join(',')}`;
  if (v.rank >= 2) return `agency:${v.agencyId}`;
  return `user:${v.userId}`;
}

async function dataVersion(q: DbOrTx): Promise<string> {
  const [row] = rowsOf<{ v: string }>(await q.execute(sql`SELECT last_value::text || ':' || is_called::text AS v FROM statistics_data_version`));
  return row?.v ?? '';
}

/** The cubes of several years (trends, a year and the one before), counting in one statement only the years not already known. */
export async function victimCellsByYear(q: DbOrTx, actor: Actor, fromYear: number, toYear: number): Promise<Map<number, VictimCell[]>> {
  const version = await dataVersion(q);
  let cubes = CUBES.get(q);
  if (!cubes) CUBES.set(q, (cubes = new Map()));
  const key = (year: number) => `${scopeKey(actor)}|${year}`;
  const result = new Map<number, VictimCell[]>();
  const missing: number[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    const known = cubes.get(key(year));
    if (known?.version === version) result.set(year, known.cells);
    else missing.push(year);
  }
  if (missing.length === 0) return result;
  const counted = await countCells(q, actor, Math.min(...missing), Math.max(...missing));
  for (const year of missing) {
    const cells = counted.get(year) ?? [];
    result.set(year, cells);
    if (cubes.size >= MAX_CUBES) cubes.delete(cubes.keys().next().value as string);
    cubes.set(key(year), { version, cells });
  }
  return result;
}

async function countCells(q: DbOrTx, actor: Actor, fromYear: number, toYear: number): Promise<Map<number, VictimCell[]>> {
  const grouped = sql`
    SELECT year, forms, citizenship, gender, birth_year, region, agency_type, referred_by, participated, count(*)::int AS n
    FROM (${victimRowsQuery(personScope(actor, 'statistics.read'), `${fromYear}-01-01`, `${toYear}-12-31`)}) v
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9`;
  const rows = rowsOf<RawVictim & { n: number }>(await q.execute(grouped));
  const byYear = new Map<number, (RawVictim & { n: number })[]>();
  for (const r of rows) byYear.set(Number(r.year), [...(byYear.get(Number(r.year)) ?? []), r]);
  return new Map([...byYear].map(([year, list]) => [year, mergeCells(list, year)]));
}

/**
 * Each victim of the year with her categories, for the records behind a figure: within the
 * reader's `statistics.records` scope AND her `person.read` scope (she lists only persons she
 * could open anyway). The same rows the cells are counted from, so a list matches its figure.
 */
export async function victimRecords(q: DbOrTx, actor: Actor, year: number): Promise<VictimRow[]> {
  const scope = sql`(${personScope(actor, 'statistics.records')} AND ${personScope(actor, 'person.read')})`;
  const rows = rowsOf<RawVictim & { person_id: string; case_id: string; on_day: string }>(
    await q.execute(victimRowsQuery(scope, `${year}-01-01`, `${year}-12-31`)),
  );
  return rows.map((r) => ({ personId: r.person_id, caseId: r.case_id, identifiedOn: r.on_day, cell: { ...cellOf(r, year), n: 1 } }));
}

export interface VictimRow {
  personId: string;
  caseId: string;
  identifiedOn: string;
  cell: VictimCell;
}

const POSITIVE = sql`a.type IN ('identification_decided', 'identification_reviewed') AND a.details->>'outcome' = 'ActualVictimOfTrafficking'`;

/**
 * The positive identifications that stand, taken between two days (inclusive), each with its
 * person (cluster) and the day it was taken (`occurred_on`, kept by migration 0024's trigger).
 */
export function positiveDecisionsBetween(from: string, to: string): SQL {
  return sql`
    SELECT coalesce(pc.cluster_id, c.person_id) AS v, c.person_id, c.id AS case_id, c.region_code, a.agency_id, a.seq, a.occurred_on AS on_day
    FROM case_actions a
    JOIN cases c ON c.id = a.case_id
    LEFT JOIN person_clusters pc ON pc.person_id = c.person_id
    WHERE ${POSITIVE} AND a.occurred_on BETWEEN ${from} AND ${to}
      AND c.trafficking_status = 'ActualVictimOfTrafficking'`;
}

/**
 * Each victim first identified between the two days (one row per person), within scope: her
 * first positive decision in the range, provided no record of hers had a standing positive
 * decision before it. A range scan of the days asked for plus a few index lookups per victim,
 * never a pass over the whole register.
 */
export function firstIdentifications(scope: SQL, from: string, to: string): SQL {
  return sql`
    SELECT f.* FROM (
      SELECT DISTINCT ON (d.v) d.* FROM (${positiveDecisionsBetween(from, to)}) d ORDER BY d.v, d.on_day, d.case_id, d.seq
    ) f
    JOIN persons ON persons.id = f.person_id
    WHERE ${scope}
      -- Two equality-correlated probes (her own record; her cluster's records), each answered
      -- by index lookups per victim. One probe with "person_id IN (cluster UNION ALL self)" was
      -- planned as a nested loop comparing every victim with every earlier decision.
      AND NOT EXISTS (
        SELECT 1 FROM cases c2 JOIN case_actions a ON a.case_id = c2.id
        WHERE c2.person_id = f.person_id AND c2.trafficking_status = 'ActualVictimOfTrafficking' AND ${POSITIVE} AND a.occurred_on < ${from}
      )
      AND NOT EXISTS (
        SELECT 1 FROM person_clusters m JOIN cases c2 ON c2.person_id = m.person_id JOIN case_actions a ON a.case_id = c2.id
        WHERE m.cluster_id = f.v AND c2.trafficking_status = 'ActualVictimOfTrafficking' AND ${POSITIVE} AND a.occurred_on < ${from}
      )`;
}

function victimRowsQuery(scope: SQL, from: string, to: string): SQL {
  return sql`
    WITH fy AS (${firstIdentifications(scope, from, to)}),
    members AS (
      SELECT fy.v, coalesce(pc.person_id, fy.person_id) AS person_id
      FROM fy LEFT JOIN person_clusters pc ON pc.cluster_id = fy.v
    ),
    forms AS (
      SELECT m.v, array_agg(DISTINCT t ORDER BY t) AS forms
      FROM members m JOIN cases c ON c.person_id = m.person_id AND c.trafficking_status = 'ActualVictimOfTrafficking'
      CROSS JOIN LATERAL unnest(c.exploitation_types) t
      GROUP BY m.v
    ),
    referred AS (
      SELECT DISTINCT ON (m.v) m.v, ag.type AS referred_by
      FROM members m JOIN referrals r ON r.person_id = m.person_id JOIN agencies ag ON ag.id = r.referring_agency_id
      ORDER BY m.v, r.created_at
    ),
    participated AS (
      SELECT DISTINCT m.v FROM members m JOIN proceeding_victims pv ON pv.person_id = m.person_id WHERE pv.participated
    )
    SELECT substr(fy.on_day, 1, 4)::int AS year, fy.on_day, fy.person_id, fy.case_id, coalesce(forms.forms, '{}') AS forms,
      p.citizenship, p.gender, p.birth_year, fy.region_code AS region, ag.type AS agency_type, referred.referred_by,
      (participated.v IS NOT NULL) AS participated
    FROM fy
    JOIN persons p ON p.id = fy.person_id
    JOIN agencies ag ON ag.id = fy.agency_id
    LEFT JOIN forms ON forms.v = fy.v
    LEFT JOIN referred ON referred.v = fy.v
    LEFT JOIN participated ON participated.v = fy.v`;
}

interface RawVictim {
  year: number;
  forms: string[];
  citizenship: string | null;
  gender: string | null;
  birth_year: number | null;
  region: string;
  agency_type: string;
  referred_by: string | null;
  participated: boolean;
}

/** A victim's published categories (the same rules for a figure and for the records behind it). */
function cellOf(r: RawVictim, year: number): Omit<VictimCell, 'n'> {
  return {
    form: formCategoryOf(r.forms),
    citizenship: r.citizenship ?? 'XX',
    sex: sexCategoryOf(r.gender),
    ageGroup: ageGroupOf(r.birth_year, year),
    region: r.region,
    agencyType: r.agency_type as AgencyType,
    referredBy: (r.referred_by as AgencyType | null) ?? null,
    participated: r.participated,
  };
}

/** Raw groups to the published categories, merging groups that fall into the same cell. */
function mergeCells(rows: readonly (RawVictim & { n: number })[], year: number): VictimCell[] {
  const cells = new Map<string, VictimCell>();
  for (const r of rows) {
    const cell: VictimCell = { ...cellOf(r, year), n: Number(r.n) };
    const key = [cell.form, cell.citizenship, cell.sex, cell.ageGroup, cell.region, cell.agencyType, cell.referredBy, cell.participated].join('|');
    const seen = cells.get(key);
    if (seen) seen.n += cell.n;
    else cells.set(key, cell);
  }
  return [...cells.values()];
}
