/**
 * The baseline of bench/national-scale.ts: the scope predicate as it was before issue #10's
 * performance work (commit f25556f, auth/scope-filter.ts and persons.repository.ts), with the
 * repositories' list and count queries rebuilt on it, so "before" and "after" run in the same
 * process against the same database. Per row it evaluates EXISTS subqueries (the handover
 * receipt, the named assignment, the referral's open access, and for a person each of its
 * cases), OR-ed with the column conditions, which keeps PostgreSQL from using the indexes.
 * Not used by the application.
 */
import { and, arrayContains, asc, count, desc, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import { scopeOf, type Actor, type Permission, type Scope } from '@qorgau/core';
import type { DbOrTx } from '../../apps/server/src/db/client.ts';
import { caseAccess, caseAssignments, cases, personClusters, personLinkProposals, persons, screenings } from '../../apps/server/src/db/schema.ts';

interface Cols {
  createdBy: PgColumn;
  ownerAgencyId: PgColumn;
  regionCode: PgColumn;
  creatorAccessEnded: PgColumn;
  personId: PgColumn;
  assigned: SQL;
}
const RANK: Record<Scope, number> = { own: 0, assigned: 1, agency: 2, region: 3, national: 4 };

const handedOverBy = (userId: unknown, personId: PgColumn) =>
  sql`EXISTS (SELECT 1 FROM ${screenings} h WHERE h.person_id = ${personId} AND h.screener_id = ${userId}::uuid AND h.handed_over_at IS NOT NULL)`;

function predicate(actor: Actor, permission: Permission, cols: Cols): SQL {
  const s = scopeOf(actor.role, permission);
  const rank = s === undefined ? -1 : RANK[s];
  const { userId, agencyId } = actor;
  return sql`(${rank}::int >= 4
    OR (${rank}::int >= 0 AND ${cols.createdBy} = ${userId}::uuid AND NOT ${cols.creatorAccessEnded} AND NOT ${handedOverBy(userId, cols.personId)})
    OR (${rank}::int >= 1 AND ${cols.assigned})
    OR (${rank}::int >= 2 AND ${cols.ownerAgencyId} = ${agencyId}::uuid)
    OR (${rank}::int >= 3 AND (${actor.jurisdiction.national}::boolean OR ${cols.regionCode} = ANY(${sql.param(actor.jurisdiction.regions)}::text[]))))`;
}

const caseAssigned = (userId: unknown, agencyId: unknown, caseId: PgColumn) =>
  sql`(EXISTS (SELECT 1 FROM ${caseAssignments} WHERE ${caseAssignments.caseId} = ${caseId} AND ${caseAssignments.userId} = ${userId}::uuid) OR EXISTS (SELECT 1 FROM ${caseAccess} a WHERE a.case_id = ${caseId} AND a.agency_id = ${agencyId}::uuid AND a.ends_at IS NULL AND a.revoked_at IS NULL AND (a.until IS NULL OR a.until > now())))`;

const caseCols = (actor: Actor): Cols => ({
  createdBy: cases.createdBy,
  ownerAgencyId: cases.ownerAgencyId,
  regionCode: cases.regionCode,
  creatorAccessEnded: cases.creatorAccessEnded,
  personId: cases.personId,
  assigned: caseAssigned(actor.userId, actor.agencyId, cases.id),
});

export const legacyCaseScope = (actor: Actor, permission: Permission) => predicate(actor, permission, caseCols(actor));

export function legacyPersonScope(actor: Actor, permission: Permission): SQL {
  const c = alias(cases, 'scope_case');
  const caseCond = predicate(actor, permission, {
    createdBy: c.createdBy,
    ownerAgencyId: c.ownerAgencyId,
    regionCode: c.regionCode,
    creatorAccessEnded: c.creatorAccessEnded,
    personId: c.personId,
    assigned: caseAssigned(actor.userId, actor.agencyId, c.id),
  });
  const own = predicate(actor, permission, {
    createdBy: persons.createdBy,
    ownerAgencyId: persons.ownerAgencyId,
    regionCode: persons.regionCode,
    creatorAccessEnded: persons.creatorAccessEnded,
    personId: persons.id,
    assigned: sql`false`,
  });
  return sql`(${own} OR EXISTS (SELECT 1 FROM ${cases} AS ${sql.identifier('scope_case')} WHERE ${c.personId} = ${persons.id} AND ${caseCond}))`;
}

const identityVisible = (actor: Actor, personId: PgColumn) =>
  sql`EXISTS (SELECT 1 FROM ${persons} WHERE ${persons.id} = ${personId} AND ${legacyPersonScope(actor, 'person.read_identity')})`;

/** persons.repository listPersons (page 1, no name filter): the page and its total. */
export async function legacyListPersons(db: DbOrTx, actor: Actor, pageSize: number) {
  const where = legacyPersonScope(actor, 'person.read');
  const [rows, [total]] = await Promise.all([
    db
      .select({ person: persons, identityVisible: sql<boolean>`${legacyPersonScope(actor, 'person.read_identity')}` })
      .from(persons)
      .where(where)
      .orderBy(desc(persons.createdAt), desc(persons.id))
      .limit(pageSize),
    db.select({ n: count() }).from(persons).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** linkage.repository countPersons: records and linked persons in scope (the home page's figure). */
export async function legacyCountPersons(db: DbOrTx, actor: Actor) {
  const [row] = await db
    .select({ records: count(), persons: sql<number>`count(DISTINCT coalesce(${personClusters.clusterId}, ${persons.id}))::int` })
    .from(persons)
    .leftJoin(personClusters, eq(personClusters.personId, persons.id))
    .where(legacyPersonScope(actor, 'person.read'));
  return row;
}

/** cases.repository listCases (page 1): unfiltered, or the identification queue. */
export async function legacyListCases(db: DbOrTx, actor: Actor, queue: 'identification' | null, pageSize: number) {
  const conds: SQL[] = [legacyCaseScope(actor, 'case.read')];
  if (queue === 'identification') conds.push(eq(cases.status, 'open'), isNotNull(cases.identificationDue), legacyCaseScope(actor, 'case.act'));
  const where = and(...conds);
  const c = caseCols(actor);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        case: cases,
        person: persons,
        identityVisible: sql<boolean>`${predicate(actor, 'person.read_identity', c)}`,
        canAct: sql<boolean>`${predicate(actor, 'case.act', c)}`,
        assigned: sql<boolean>`${c.assigned}`,
      })
      .from(cases)
      .innerJoin(persons, eq(persons.id, cases.personId))
      .where(where)
      .orderBy(...(queue ? [asc(cases.identificationDue), asc(cases.id)] : [desc(cases.updatedAt), desc(cases.id)]))
      .limit(pageSize),
    db.select({ n: count() }).from(cases).innerJoin(persons, eq(persons.id, cases.personId)).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** cases.repository countCasesByStatus (the home page's case figures). */
export async function legacyCountCasesByStatus(db: DbOrTx, actor: Actor) {
  return db.select({ status: cases.status, n: count() }).from(cases).where(legacyCaseScope(actor, 'case.read')).groupBy(cases.status);
}

/** linkage.repository listOpenProposals (page 1): the linkage review queue. */
export async function legacyListOpenProposals(db: DbOrTx, actor: Actor, pageSize: number) {
  const p = personLinkProposals;
  const where = and(eq(p.status, 'open'), identityVisible(actor, p.personA), identityVisible(actor, p.personB));
  const rows = await db.select().from(p).where(where).orderBy(sql`(${p.modelDecision} = 'review') DESC`, desc(p.probability), asc(p.id)).limit(pageSize);
  const [total] = await db.select({ n: count() }).from(p).where(where);
  return { rows, total: total?.n ?? 0 };
}

/** Name search inside the identity scope (persons list with a name filter). */
export async function legacySearchPersons(db: DbOrTx, actor: Actor, nameIndex: string[], pageSize: number) {
  const where = and(legacyPersonScope(actor, 'person.read'), arrayContains(persons.nameIndex, nameIndex), legacyPersonScope(actor, 'person.read_identity'));
  const [rows, [total]] = await Promise.all([
    db.select({ id: persons.id }).from(persons).where(where).orderBy(desc(persons.createdAt), desc(persons.id)).limit(pageSize),
    db.select({ n: count() }).from(persons).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
