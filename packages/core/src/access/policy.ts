import type { Permission } from './permissions.ts';
import { scopeOf } from './role-grants.ts';
import type { Jurisdiction, Role } from './roles.ts';

/** What the policy needs to know about the acting user. */
export interface Actor {
  userId: string;
  role: Role;
  agencyId: string;
  jurisdiction: Jurisdiction;
}

/** What the policy needs to know about a record; the server fills it from the row. */
export interface RecordAccessFacts {
  createdBy: string;
  ownerAgencyId: string;
  regionCode: string | null;
  assignedUserIds: readonly string[];
  /**
   * Agencies whose staff a referral gave access to this record (issue #10: "a referral opens
   * access", an assignment with an end): open while the referral is active and its consent
   * holds. The server fills it with the OPEN grants only (`case_access`), so an ended or
   * withdrawn one is simply absent. Counts as `assigned` for every member of the agency.
   */
  accessAgencyIds?: readonly string[];
  /**
   * Minimal disclosure (DOMAIN.md §1): once a frontline screener hands a record over, being its
   * creator no longer grants access; only the receipt remains. True also for every other record
   * of a person its creator handed over (a second case of hers): the server derives it from the
   * screening receipts (`handedOverBy` in the SQL twin, ADR 0004).
   */
  creatorAccessEnded?: boolean;
}

/**
 * Record-level decision, shared by the UI (to show buttons) and by tests that check the
 * SQL filter agrees with it. Scopes are cumulative: an agency grant includes own and assigned.
 */
export function canAccessRecord(actor: Actor, permission: Permission, record: RecordAccessFacts): boolean {
  const scope = scopeOf(actor.role, permission);
  if (!scope) return false;
  const own = record.createdBy === actor.userId && !record.creatorAccessEnded;
  const assigned = record.assignedUserIds.includes(actor.userId) || (record.accessAgencyIds ?? []).includes(actor.agencyId);
  const agency = record.ownerAgencyId === actor.agencyId;
  const inRegion = actor.jurisdiction.national || (record.regionCode !== null && actor.jurisdiction.regions.includes(record.regionCode));
  switch (scope) {
    case 'own':
      return own;
    case 'assigned':
      return own || assigned;
    case 'agency':
      return own || assigned || agency;
    case 'region':
      return own || assigned || agency || inRegion;
    case 'national':
      return true;
  }
}
