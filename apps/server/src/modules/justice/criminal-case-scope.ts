import { sql, type SQL } from 'drizzle-orm';
import { scopeOf, type Actor, type Permission } from '@qorgau/core';
import { clientPersonIds, scopeValues, type ScopeValues } from '../../auth/scope-filter.ts';
import { criminalCases, proceedingVictims } from '../../db/schema.ts';

/**
 * The scope predicate of a criminal case (the twin of `scopePredicateOf` for this table): the
 * region (investigators, prosecutors, court clerks of the region; "an investigator in one region
 * cannot see another region's criminal case"), the owning unit, the author, and `assigned`: the
 * investigator or prosecutor named on the case, and a lawyer's clients' cases (issue #11: the
 * lawyer sees her client through her assignment only). The sets are gathered once per statement.
 */
export function criminalCaseScopeOf(v: ScopeValues): SQL {
  const c = criminalCases;
  return sql`(${v.rank}::int >= 4
    OR (${v.rank}::int >= 3 AND (${v.national}::boolean OR ${c.regionCode} = ANY(${sql.param(v.regions)}::text[])))
    OR (${v.rank}::int >= 2 AND ${c.ownerAgencyId} = ${v.agencyId}::uuid)
    OR (${v.rank}::int >= 0 AND ${c.createdBy} = ${v.userId}::uuid)
    OR (${v.rank}::int >= 1 AND (${c.investigatorId} = ${v.userId}::uuid OR ${c.prosecutorId} = ${v.userId}::uuid
      OR ${c.id} = ANY(ARRAY(SELECT pv.criminal_case_id FROM ${proceedingVictims} pv WHERE pv.person_id = ANY(${clientPersonIds(v.userId)}))))))`;
}

/** The actor's scope for a permission on criminal cases; false when the role lacks it. */
export function criminalCaseScope(actor: Actor, permission: Permission): SQL {
  return criminalCaseScopeOf(scopeValues(actor, scopeOf(actor.role, permission)));
}
