import { sql, type SQL } from 'drizzle-orm';
import { ageGroupOf, formCategoryOf, sexCategoryOf, type AgencyType, type Actor, type FormCategory, type VictimCell, type VictimFilter } from '@qorgau/core';
import { gatheredPersonScopeSets } from '../../auth/scope-filter.ts';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import { personScope } from '../persons/persons.repository.ts';
import { keepValue, keptValue, readerKey, statisticsVersion } from './statistics-cache.ts';
import { ageGroupSql, citizenGroupSql, formCategorySql, sexCategorySql } from './categories.sql.ts';

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
 * The cubes of several years (trends, a year and the one before), counting in one statement
 * only the years not already kept (statistics-cache.ts: kept per reader scope and year while
 * nothing they are counted from has changed).
 */
export async function victimCellsByYear(q: DbOrTx, actor: Actor, fromYear: number, toYear: number): Promise<Map<number, VictimCell[]>> {
  const version = await statisticsVersion(q);
  const key = (year: number) => `victims|${readerKey(actor)}|${year}`;
  const result = new Map<number, VictimCell[]>();
  const missing: number[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    const kept = keptValue<VictimCell[]>(q, version, key(year));
    if (kept) result.set(year, kept);
    else missing.push(year);
  }
  if (missing.length === 0) return result;
  const counted = await countCells(q, actor, Math.min(...missing), Math.max(...missing));
  for (const year of missing) {
    const cells = counted.get(year) ?? [];
    result.set(year, cells);
    keepValue(q, version, key(year), cells);
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
  for (const r of rows) {
    const list = byYear.get(Number(r.year));
    if (list) list.push(r);
    else byYear.set(Number(r.year), [r]);
  }
  return new Map([...byYear].map(([year, list]) => [year, mergeCells(list, year)]));
}

export interface VictimRecordsPage {
  total: number;
  rows: { personId: string; caseId: string; identifiedOn: string; region: string; form: FormCategory }[];
}

/**
 * One page of the victims of the year behind a figure (newest first): within the reader's
 * `statistics.records` scope AND her `person.read` scope (she lists only persons she could open
 * anyway). Filtered and paged in SQL with core's categories (categories.sql.ts), over the same
 * first identifications the cells are counted from, so a list's total matches its figure.
 */
export async function victimRecords(
  q: DbOrTx,
  actor: Actor,
  year: number,
  filter: VictimFilter,
  page: { page: number; pageSize: number; knownTotal?: number },
): Promise<VictimRecordsPage> {
  // Every victim of the year is tested against the reader's own sets: gathered first, so they are hashed, not walked per row.
  const sets = await gatheredPersonScopeSets(q, actor);
  const scope = sql`(${personScope(actor, 'statistics.records', undefined, sets)} AND ${personScope(actor, 'person.read', undefined, sets)})`;
  const where: SQL[] = [];
  if (filter.region) where.push(sql`f.region_code = ${filter.region}`);
  if (filter.agencyType) where.push(sql`ag.type = ${filter.agencyType}`);
  if (filter.citizenGroup) where.push(sql`${citizenGroupSql(sql`f.citizenship`)} = ${filter.citizenGroup}`);
  if (filter.sex) where.push(sql`${sexCategorySql(sql`f.gender`)} = ${filter.sex}`);
  if (filter.ageGroup) where.push(sql`${ageGroupSql(sql`f.birth_year`, year)} = ${filter.ageGroup}`);
  if (filter.form) where.push(sql`${formCategorySql(victimFormsSql(sql`f.v`, sql`f.person_id`))} = ${filter.form}`);
  // Counting every victim in scope to page the first 25 is the cost of this list: spared when the caller knows the total.
  const total = page.knownTotal === undefined ? sql`count(*) OVER ()::int` : sql`${page.knownTotal}::int`;
  const rows = rowsOf<{ v: string; person_id: string; case_id: string; on_day: string; region_code: string; total: number; form: FormCategory }>(
    await q.execute(sql`
      SELECT pg.*, ${formCategorySql(victimFormsSql(sql`pg.v`, sql`pg.person_id`))} AS form FROM (
        SELECT f.v, f.person_id, f.case_id, f.on_day, f.region_code, ${total} AS total
        FROM (${firstIdentifications(scope, `${year}-01-01`, `${year}-12-31`)}) f
        JOIN agencies ag ON ag.id = f.agency_id
        ${where.length ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``}
        ORDER BY f.on_day DESC, f.person_id
        LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}
      ) pg ORDER BY pg.on_day DESC, pg.person_id`),
  );
  // A page past the end has no row to carry the total: counted on its own then.
  const counted = page.knownTotal ?? rows[0]?.total ?? (page.page > 1 ? (await victimRecords(q, actor, year, filter, { page: 1, pageSize: 1 })).total : 0);
  return {
    total: Number(counted),
    rows: rows.map((r) => ({ personId: r.person_id, caseId: r.case_id, identifiedOn: r.on_day, region: r.region_code, form: r.form })),
  };
}

/**
 * The forms of a victim (key `v`, first-decision record `person`): every form of every
 * identified case of her records, the cluster's and her own.
 */
function victimFormsSql(v: SQL, person: SQL): SQL {
  return sql`(SELECT array_agg(t) FROM cases c CROSS JOIN LATERAL unnest(c.exploitation_types) t
    WHERE c.trafficking_status = 'ActualVictimOfTrafficking'
      AND c.person_id IN (SELECT pc.person_id FROM person_clusters pc WHERE pc.cluster_id = ${v} UNION ALL SELECT ${person}))`;
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
 * Each victim first identified between the two days (one row per person), within scope: the
 * rows of `victim_first_identifications`, which triggers keep on every write to the decisions,
 * the cases' status and the clusters (migration 0027). A range scan of the days asked for.
 */
export function firstIdentifications(scope: SQL, from: string, to: string): SQL {
  return sql`
    SELECT f.victim_key AS v, f.person_id, f.case_id, f.region_code, f.agency_id, f.seq, f.on_day,
      persons.citizenship, persons.gender, persons.birth_year
    FROM victim_first_identifications f
    JOIN persons ON persons.id = f.person_id
    WHERE f.on_day BETWEEN ${from} AND ${to} AND ${scope}`;
}

function victimRowsQuery(scope: SQL, from: string, to: string): SQL {
  return sql`
    WITH fy AS (${firstIdentifications(scope, from, to)}),
    members AS (
      SELECT fy.v, coalesce(pc.person_id, fy.person_id) AS person_id
      FROM fy LEFT JOIN person_clusters pc ON pc.cluster_id = fy.v
    ),
    referred AS (
      SELECT DISTINCT ON (m.v) m.v, ag.type AS referred_by
      FROM members m JOIN referrals r ON r.person_id = m.person_id JOIN agencies ag ON ag.id = r.referring_agency_id
      ORDER BY m.v, r.referred_on, r.created_at
    ),
    participated AS (
      SELECT DISTINCT m.v FROM members m JOIN proceeding_victims pv ON pv.person_id = m.person_id WHERE pv.participated
    )
    SELECT substr(fy.on_day, 1, 4)::int AS year, fy.on_day, fy.person_id, fy.case_id, coalesce(${victimFormsSql(sql`fy.v`, sql`fy.person_id`)}, '{}') AS forms,
      fy.citizenship, fy.gender, fy.birth_year, fy.region_code AS region, ag.type AS agency_type, referred.referred_by,
      (participated.v IS NOT NULL) AS participated
    FROM fy
    JOIN agencies ag ON ag.id = fy.agency_id
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
