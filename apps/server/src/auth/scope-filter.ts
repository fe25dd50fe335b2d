import { sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { DomainError, scopeOf, type Actor, type ConsentShare, type Permission, type Scope } from '@qorgau/core';
import { caseAccess, caseAssignments, cases, screenings } from '../db/schema.ts';

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
 */
export function scopePredicateOf(v: ScopeValues | Placeholders<ScopeValues>, cols: ScopedColumns): SQL {
  const regions = Array.isArray(v.regions) ? sql.param(v.regions) : v.regions;
  return sql`(${v.rank}::int >= 4
    OR (${v.rank}::int >= 0 AND ${cols.createdBy} = ${v.userId}::uuid AND NOT ${cols.creatorAccessEnded} AND NOT ${handedOverBy(v.userId, cols.personId)})
    OR (${v.rank}::int >= 1 AND ${cols.assigned})
    OR (${v.rank}::int >= 2 AND ${cols.ownerAgencyId} = ${v.agencyId}::uuid)
    OR (${v.rank}::int >= 3 AND (${v.national}::boolean OR ${cols.regionCode} = ANY(${regions}::text[]))))`;
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
  return sql`EXISTS (SELECT 1 FROM ${caseAccess} a WHERE ${on} AND a.agency_id = ${agencyId}::uuid AND a.ends_at IS NULL AND a.revoked_at IS NULL AND (a.until IS NULL OR a.until > now())${shares})`;
}

/**
 * The actor is assigned to the case: by name (`case_assignments`) or through a referral to her
 * agency. `share`: through a referral only if its consent shares that (identity, case history).
 */
export function caseAssigned(userId: unknown, agencyId: unknown, caseId: PgColumn, share?: ConsentShare): SQL {
  return sql`(EXISTS (SELECT 1 FROM ${caseAssignments} WHERE ${caseAssignments.caseId} = ${caseId} AND ${caseAssignments.userId} = ${userId}::uuid) OR ${referralAccess(agencyId, { caseId }, share)})`;
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
