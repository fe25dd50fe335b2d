import { hasPermission } from './role-grants.ts';
import type { Jurisdiction, Role } from './roles.ts';

/**
 * Four-eyes grants (issue #8). Why: an administrator could otherwise create an account with
 * national identity access and use it herself. So an account that may see victims' personal
 * data, or a change that gives an account more of it, takes effect only when a SECOND person
 * approves it: another administrator or the national coordinator.
 *
 * Roles that manage accounts or approve grants are held to the same rule: otherwise one
 * administrator could create a second administrator account, sign in to it with the temporary
 * password she was shown, and approve her own requests from there.
 */
export function roleNeedsFourEyes(role: Role): boolean {
  return hasPermission(role, 'person.read') || hasPermission(role, 'user.manage') || hasPermission(role, 'grant.approve');
}

/**
 * Whether a password reset waits for a second person. A reset clears the second factor and the
 * administrator is shown the temporary password: alone, she could sign in as the account's
 * owner, enrol her own phone and read what the owner may read. So for every account that needs
 * four eyes to exist, the reset needs them too: the account cannot sign in until approved.
 */
export const resetNeedsApproval = (role: Role): boolean => roleNeedsFourEyes(role);

/** Whether `after` reaches a region `before` did not (a new region, or the whole country). */
export function widensJurisdiction(before: Jurisdiction, after: Jurisdiction): boolean {
  if (before.national) return false;
  if (after.national) return true;
  return after.regions.some((r) => !before.regions.includes(r));
}

export interface AccountAccess {
  role: Role;
  jurisdiction: Jurisdiction;
  /**
   * The account's agency. Moving an account to another agency hands it that agency's records
   * (agency scope) and its cases to decide (the holding unit's actions): a wider reach, like a
   * new region. Absent when only role and jurisdiction are asked about.
   */
  agencyId?: string;
}

/**
 * Whether a new account (`before` null) or a change of an existing one waits for approval: a
 * role that needs four eyes, given to a new account, changed to, moved to another agency, or
 * kept with a wider jurisdiction. Narrowing (a role without personal data, fewer regions)
 * takes effect at once.
 */
export function needsApproval(before: AccountAccess | null, after: AccountAccess): boolean {
  if (!roleNeedsFourEyes(after.role)) return false;
  if (before === null) return true;
  const movesAgency = after.agencyId !== undefined && before.agencyId !== undefined && after.agencyId !== before.agencyId;
  return after.role !== before.role || movesAgency || widensJurisdiction(before.jurisdiction, after.jurisdiction);
}

/**
 * Who may decide a pending grant: a holder of `grant.approve` who neither requested it nor is
 * the account it is about (nobody approves her own access, however it was asked for).
 */
export function mayDecideGrant(actor: { userId: string; role: Role }, grant: { requestedBy: string; userId: string }): boolean {
  return hasPermission(actor.role, 'grant.approve') && actor.userId !== grant.requestedBy && actor.userId !== grant.userId;
}
