import { eq, exists, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { DomainError, scopeOf, type Actor, type Permission } from '@qorgau/core';
import { caseAssignments, cases } from '../db/schema.ts';

export interface ScopedColumns {
  createdBy: PgColumn;
  ownerAgencyId: PgColumn;
  regionCode: PgColumn;
  /** A condition true when the actor is assigned to the record. */
  assigned: SQL;
}

/**
 * The SQL twin of core `canAccessRecord`: the same cumulative scopes, applied in the query so
 * a record outside the actor's scope is never loaded (and so "not found" = "no access").
 * Returns `sql\`true\`` for national scope; throws `forbidden` when the role lacks the permission.
 */
export function scopeCondition(actor: Actor, permission: Permission, cols: ScopedColumns): SQL {
  const scope = scopeOf(actor.role, permission);
  if (!scope) throw new DomainError('forbidden');
  const own = eq(cols.createdBy, actor.userId);
  const agency = eq(cols.ownerAgencyId, actor.agencyId);
  const region = actor.jurisdiction.national
    ? sql`true`
    : actor.jurisdiction.regions.length
      ? inArray(cols.regionCode, actor.jurisdiction.regions)
      : sql`false`;
  switch (scope) {
    case 'own':
      return own;
    case 'assigned':
      return or(own, cols.assigned) as SQL;
    case 'agency':
      return or(own, cols.assigned, agency) as SQL;
    case 'region':
      return or(own, cols.assigned, agency, region) as SQL;
    case 'national':
      return sql`true`;
  }
}

export const caseColumns = (actor: Actor): ScopedColumns => ({
  createdBy: cases.createdBy,
  ownerAgencyId: cases.ownerAgencyId,
  regionCode: cases.regionCode,
  assigned: exists(
    sql`(SELECT 1 FROM ${caseAssignments} WHERE ${caseAssignments.caseId} = ${cases.id} AND ${caseAssignments.userId} = ${actor.userId})`,
  ),
});

export function caseScope(actor: Actor, permission: Permission): SQL {
  return scopeCondition(actor, permission, caseColumns(actor));
}

/** Like scopeCondition, but `false` (not an error) when the role lacks the permission. */
export function visibleIf(actor: Actor, permission: Permission, cols: ScopedColumns): SQL {
  return scopeOf(actor.role, permission) ? scopeCondition(actor, permission, cols) : sql`false`;
}
