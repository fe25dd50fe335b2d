import { sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { DomainError, scopeOf, type Actor, type ConsentShare, type Permission, type Scope } from '@qorgau/core';
import { rowsOf, type DbOrTx } from '../db/client.ts';
import { caseAccess, caseAssignments, cases, legalAidAssignments, screenings } from '../db/schema.ts';

export interface ScopedColumns {
  createdBy: PgColumn;
  ownerAgencyId: PgColumn;
  regionCode: PgColumn;
  /** Set when the creator handed the record over (minimal disclosure). */
  creatorAccessEnded: PgColumn;
  /** The person the record is about (the person's own id for a person row). */
  personId: PgColumn;
  /** A condition true when the actor is assigned to the record. */
  assigned: SQL;
}

/**
 * Whether the user (`userId`: a value, a `sql.placeholder` or a column) handed this person over
 * after a screening. Why here and not only in the
 * row's `creator_access_ended` flag: minimal disclosure (DOMAIN.md §1, ADR 0004) ends the
 * screener's access to the PERSON, so it must also end her `own` access to every other record
 * of that person: a second case she opened before the handover, one opened by a second
 * screening, or one whose insert raced the handover. The screening receipt is the fact.
 */
export function handedOverBy(userId: unknown, personId: PgColumn): SQL {
  return sql`EXISTS (SELECT 1 FROM ${screenings} h WHERE h.person_id = ${personId} AND h.screener_id = ${userId}::uuid AND h.handed_over_at IS NOT NULL)`;
}

/** Scopes are cumulative: each includes every narrower one (core `canAccessRecord`). */
const RANK: Record<Scope, number> = { own: 0, assigned: 1, agency: 2, region: 3, national: 4 };

/**
 * The SQL twin of core `canAccessRecord`, applied in the query so a record outside the
 * actor's scope is never loaded (and "not found" = "no access"). `scope` null means the role
 * lacks the permission: the predicate is then false.
 *
 * Why one SQL shape for every actor and scope, with the scope as a parameter: the text of a
 * query is then the same for everybody, so PostgreSQL can keep it as one prepared statement;
 * with parameters bound (custom plans) the planner folds the constant tests away.
 */
export function scopePredicate(actor: Actor, scope: Scope | undefined, cols: ScopedColumns): SQL {
  return scopePredicateOf(scopeValues(actor, scope), cols);
}

/** The parameters of the scope predicate: the scope's rank (-1: no grant) and the actor's facts. */
export interface ScopeValues {
  rank: number;
  userId: string;
  agencyId: string;
  national: boolean;
  regions: string[];
}

export function scopeValues(actor: Actor, scope: Scope | undefined): ScopeValues {
  return { rank: scopeRank(scope), ...scopeFacts(actor) };
}

export const scopeRank = (scope: Scope | undefined): number => (scope === undefined ? -1 : RANK[scope]);

export const scopeFacts = (actor: Actor): Omit<ScopeValues, 'rank'> => ({
  userId: actor.userId,
  agencyId: actor.agencyId,
  national: actor.jurisdiction.national,
  regions: actor.jurisdiction.regions,
});

/**
 * The predicate from its parameters, each a value or a `sql.placeholder` (`Placeholders<ScopeValues>`):
 * the same SQL text either way, so a hot statement can be compiled once and bound per request.
 *
 * Why this shape (issue #10, national scale): every branch is a condition on the row's own
 * columns, or membership of the row's id in a small set computed ONCE per statement from the
 * actor's facts (`= ANY(ARRAY(SELECT …))`, an InitPlan: the persons she handed over, the cases
 * she or her agency is assigned to). No branch runs a subquery per row, so with the scope bound
 * PostgreSQL folds the rank tests away and answers the rest with index scans (a BitmapOr over
 * the region, agency and author indexes and the primary key), or walks a list's order index
 * with a cheap filter. The column branches come first: OR stops at the first true branch.
 */
export function scopePredicateOf(v: ScopeValues | Placeholders<ScopeValues>, cols: ScopedColumns): SQL {
  const regions = Array.isArray(v.regions) ? sql.param(v.regions) : v.regions;
  return sql`(${v.rank}::int >= 4
    OR (${v.rank}::int >= 3 AND (${v.national}::boolean OR ${cols.regionCode} = ANY(${regions}::text[])))
    OR (${v.rank}::int >= 2 AND ${cols.ownerAgencyId} = ${v.agencyId}::uuid)
    OR (${v.rank}::int >= 0 AND ${cols.createdBy} = ${v.userId}::uuid AND NOT ${cols.creatorAccessEnded} AND NOT ${cols.personId} = ANY(${handedOverSet(v.userId)}))
    OR (${v.rank}::int >= 1 AND ${cols.assigned}))`;
}

/**
 * The persons `userId` handed over (the set `handedOverBy` tests one person against), gathered
 * once per statement. Anonymous screenings have no person and are never handed over; the
 * filter on `person_id` still matters: a NULL in the array would make `NOT x = ANY` unknown.
 */
export function handedOverSet(userId: unknown): SQL {
  return sql`ARRAY(SELECT h.person_id FROM ${screenings} h WHERE h.screener_id = ${userId}::uuid AND h.handed_over_at IS NOT NULL AND h.person_id IS NOT NULL)`;
}

/** Every field a placeholder of the same name. */
export type Placeholders<T> = { [K in keyof T]: Placeholder };

/** The scope condition of a permission; throws `forbidden` when the role lacks it. */
export function scopeCondition(actor: Actor, permission: Permission, cols: ScopedColumns): SQL {
  const scope = scopeOf(actor.role, permission);
  if (!scope) throw new DomainError('forbidden');
  return scopePredicate(actor, scope, cols);
}

/** Like scopeCondition, but `false` (not an error) when the role lacks the permission. */
export function visibleIf(actor: Actor, permission: Permission, cols: ScopedColumns): SQL {
  return scopePredicate(actor, scopeOf(actor.role, permission), cols);
}

/**
 * Access a referral opened to the actor's agency (issue #10, `case_access`): only an OPEN grant
 * counts, so a referral that ended, a consent withdrawn or lapsed closes it for every read at
 * once. `caseId`/`personId`: the column to match (one of them). Lapse uses the database clock:
 * access is a present-tense fact, not a date of record.
 */
export function referralAccess(agencyId: unknown, match: { caseId: PgColumn } | { personId: PgColumn }, share?: ConsentShare): SQL {
  const on = 'caseId' in match ? sql`a.case_id = ${match.caseId}` : sql`a.person_id = ${match.personId}`;
  // Consent honoured by every read (issue #10): `share` narrows the grant to those sharing it.
  const shares = share ? sql` AND ${share} = ANY(a.shares)` : sql``;
  return sql`EXISTS (SELECT 1 FROM ${caseAccess} a WHERE ${on} AND a.agency_id = ${agencyId}::uuid AND ${OPEN_ACCESS}${shares})`;
}

/** An open grant of `case_access` (alias `a`): the partial indexes' condition, then the consent's lapse. */
const OPEN_ACCESS = sql`a.ends_at IS NULL AND a.revoked_at IS NULL AND (a.until IS NULL OR a.until > now())`;

/**
 * The actor is assigned to the case: by name (`case_assignments`) or through a referral to her
 * agency. `share`: through a referral only if its consent shares that (identity, case history).
 * The ids are gathered once per statement (`assignedCaseIds`), not looked up per row.
 */
export function caseAssigned(userId: unknown, agencyId: unknown, caseId: PgColumn, share?: ConsentShare): SQL {
  return sql`${caseId} = ANY(${assignedCaseIds(userId, agencyId, share)})`;
}

/** The cases the actor is assigned to, by name or through her agency's open referral access (`referralAccess`). */
export function assignedCaseIds(userId: unknown, agencyId: unknown, share?: ConsentShare): SQL {
  const shares = share ? sql` AND ${share} = ANY(a.shares)` : sql``;
  return sql`ARRAY(SELECT s.case_id FROM ${caseAssignments} s WHERE s.user_id = ${userId}::uuid
    UNION ALL SELECT a.case_id FROM ${caseAccess} a WHERE a.agency_id = ${agencyId}::uuid AND ${OPEN_ACCESS}${shares})`;
}

export interface PersonScopeColumns {
  id: PgColumn;
  createdBy: PgColumn;
  creatorAccessEnded: PgColumn;
  /** The person's own region and owner plus those of each of her cases (triggers, migration 0018). */
  scopeRegions: PgColumn;
  scopeAgencies: PgColumn;
}

/**
 * A person is in scope through her own columns (who recorded her, which agency owns her, her
 * region) or through any of her cases in scope (a shelter that received the case): the truth
 * table of `scopePredicateOf` over the person OR over each case. A case branch per row would
 * be a subquery per row; instead `scope_regions`/`scope_agencies` carry the cases' region and
 * owner onto the person (GIN-indexed), and the author and assignment branches are small sets
 * gathered once per statement. `share`: as in caseAssigned.
 */
export function personScopeOf(v: ScopeValues, p: PersonScopeColumns, share?: ConsentShare, sets: PersonScopeSets = personScopeSets(v, share)): SQL {
  return sql`(${v.rank}::int >= 4
    OR (${v.rank}::int >= 3 AND (${v.national}::boolean OR ${p.scopeRegions} && ${sql.param(v.regions)}::text[]))
    OR (${v.rank}::int >= 2 AND ${p.scopeAgencies} @> ARRAY[${v.agencyId}::uuid])
    OR (${v.rank}::int >= 0 AND ${p.createdBy} = ${v.userId}::uuid AND NOT ${p.creatorAccessEnded} AND NOT ${p.id} = ANY(${sets.handed}))
    OR (${v.rank}::int >= 0 AND NOT ${p.id} = ANY(${sets.handed}) AND ${p.id} = ANY(${sets.created}))
    OR (${v.rank}::int >= 1 AND ${p.id} = ANY(${sets.assigned})))`;
}

/**
 * The actor's own sets in a person's scope: the persons she handed over, those of the cases she
 * recorded (and still may open), and those she or her agency is assigned to. By default each is
 * an `ARRAY(SELECT …)` gathered once per statement (an InitPlan). A statement that tests many
 * rows against them (the records behind a national figure) may gather them first, as
 * `gatheredPersonScopeSets` does: bound as values, PostgreSQL hashes them instead of walking a
 * list per row.
 */
export interface PersonScopeSets {
  handed: SQL;
  created: SQL;
  assigned: SQL;
}

export const personScopeSets = (v: Pick<ScopeValues, 'userId' | 'agencyId'>, share?: ConsentShare): PersonScopeSets => ({
  handed: handedOverSet(v.userId),
  created: sql`ARRAY(SELECT c.person_id FROM ${cases} c WHERE c.created_by = ${v.userId}::uuid AND NOT c.creator_access_ended)`,
  assigned: assignedPersonIds(v.userId, v.agencyId, share),
});

/** The same sets, read once and bound as values (see PersonScopeSets). */
export async function gatheredPersonScopeSets(q: DbOrTx, v: Pick<ScopeValues, 'userId' | 'agencyId'>, share?: ConsentShare): Promise<PersonScopeSets> {
  const sets = personScopeSets(v, share);
  const [row] = rowsOf<{ handed: string[]; created: string[]; assigned: string[] }>(
    await q.execute(sql`SELECT to_json(${sets.handed}) AS handed, to_json(${sets.created}) AS created, to_json(${sets.assigned}) AS assigned`),
  );
  const bound = (ids: string[] | undefined) => sql`${sql.param(ids ?? [])}::uuid[]`;
  return { handed: bound(row?.handed), created: bound(row?.created), assigned: bound(row?.assigned) };
}

/**
 * The persons of the cases in `assignedCaseIds`: through a referral, the grant's own `person_id`
 * (written from the referred case's person; read from the index, no case row per grant). And a
 * lawyer's clients (issue #11): her OPEN legal-aid assignments; an ended one gives nothing. A
 * client shares her identity with her own lawyer, so no consent share narrows this branch.
 */
function assignedPersonIds(userId: unknown, agencyId: unknown, share?: ConsentShare): SQL {
  const shares = share ? sql` AND ${share} = ANY(a.shares)` : sql``;
  return sql`ARRAY(SELECT c.person_id FROM ${caseAssignments} s JOIN ${cases} c ON c.id = s.case_id WHERE s.user_id = ${userId}::uuid
    UNION ALL SELECT a.person_id FROM ${caseAccess} a WHERE a.agency_id = ${agencyId}::uuid AND ${OPEN_ACCESS}${shares}
    UNION ALL SELECT l.person_id FROM ${legalAidAssignments} l WHERE l.lawyer_id = ${userId}::uuid AND l.ended_on IS NULL)`;
}

/** A lawyer's clients: the persons of her open legal-aid assignments, gathered once per statement. */
export function clientPersonIds(userId: unknown): SQL {
  return sql`ARRAY(SELECT l.person_id FROM ${legalAidAssignments} l WHERE l.lawyer_id = ${userId}::uuid AND l.ended_on IS NULL)`;
}

export const caseColumns = (actor: Actor): ScopedColumns => caseColumnsFor(actor.userId, actor.agencyId);

/** `userId`, `agencyId`: values, or `sql.placeholder`s (see scopePredicateOf). `share`: see caseAssigned. */
export const caseColumnsFor = (userId: unknown, agencyId: unknown, share?: ConsentShare): ScopedColumns => ({
  createdBy: cases.createdBy,
  ownerAgencyId: cases.ownerAgencyId,
  regionCode: cases.regionCode,
  creatorAccessEnded: cases.creatorAccessEnded,
  personId: cases.personId,
  assigned: caseAssigned(userId, agencyId, cases.id, share),
});

export function caseScope(actor: Actor, permission: Permission): SQL {
  return scopeCondition(actor, permission, caseColumns(actor));
}
