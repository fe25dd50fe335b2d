import type { Actor } from '../../access/policy.ts';
import type { Role } from '../../access/roles.ts';
import type { ProtectionStatus } from './protection-values.ts';

/**
 * Authority per action on a protection case (ARCHITECTURE.md "Authority is per action"; issue
 * #10 item 3): one table read by the server's check, by `allowedActions` in the case view, by
 * the web's buttons and by the access-matrix test.
 *
 * The case belongs to the provider's agency (its owner): its case workers and shelter managers
 * run it; everyone else who may read it (the referring unit in its region, the national
 * coordinator, pseudonymised) reads only. `statuses`: when the action applies.
 */
export const PROTECTION_ACTIONS = ['assess_needs', 'set_plan', 'record_service', 'admit', 'discharge', 'close', 'record_follow_up'] as const;
export type ProtectionAction = (typeof PROTECTION_ACTIONS)[number];

export interface ProtectionActionRule {
  roles: readonly Role[];
  statuses: readonly ProtectionStatus[];
}

/** The care side of the owning agency: whoever runs the person's protection day to day. */
const CARE: readonly Role[] = ['case_worker', 'shelter_manager'];

export const PROTECTION_ACTION_RULES = {
  assess_needs: { roles: CARE, statuses: ['open'] },
  set_plan: { roles: CARE, statuses: ['open'] },
  // A service delivered before closure may be entered after it (late paperwork); its date must
  // still fall inside the case (protection-rules.ts `dateIssue`), so nothing is dated after closure.
  record_service: { roles: CARE, statuses: ['open', 'closed'] },
  admit: { roles: CARE, statuses: ['open'] },
  discharge: { roles: CARE, statuses: ['open'] },
  close: { roles: CARE, statuses: ['open'] },
  // Follow-up exists only after closure (DOMAIN.md §2.8: post-closure follow-up against re-trafficking).
  record_follow_up: { roles: CARE, statuses: ['closed'] },
} as const satisfies Record<ProtectionAction, ProtectionActionRule>;

/** The facts of a protection case the rules need. */
export interface ProtectionFacts {
  /** The owner: the provider's agency. */
  agencyId: string;
  status: ProtectionStatus;
}

/** Whether the role ever takes this action (like a route's permission): checked before the lookup. */
export function roleMayTakeProtection(role: Role, action: ProtectionAction): boolean {
  return (PROTECTION_ACTION_RULES[action].roles as readonly Role[]).includes(role);
}

/** The rule without the status: the actor's role takes it and her agency owns the case. */
export function hasProtectionAuthority(actor: Pick<Actor, 'role' | 'agencyId'>, action: ProtectionAction, facts: ProtectionFacts): boolean {
  return roleMayTakeProtection(actor.role, action) && actor.agencyId === facts.agencyId;
}

/** What THIS actor may do on this case now: the view's `allowedActions`. */
export function allowedProtectionActions(actor: Pick<Actor, 'role' | 'agencyId'>, facts: ProtectionFacts): ProtectionAction[] {
  return PROTECTION_ACTIONS.filter(
    (a) => hasProtectionAuthority(actor, a, facts) && (PROTECTION_ACTION_RULES[a].statuses as readonly ProtectionStatus[]).includes(facts.status),
  );
}

/**
 * Why an action is refused, in the order the server answers (the case is already found in the
 * actor's read scope): `forbidden` when the actor has no authority on it (another agency owns
 * it), `invalid_transition` when the status does not allow it now. `null`: allowed.
 */
export function protectionRefusal(
  actor: Pick<Actor, 'role' | 'agencyId'>,
  action: ProtectionAction,
  facts: ProtectionFacts,
): 'forbidden' | 'invalid_transition' | null {
  if (!hasProtectionAuthority(actor, action, facts)) return 'forbidden';
  if (!(PROTECTION_ACTION_RULES[action].statuses as readonly ProtectionStatus[]).includes(facts.status)) return 'invalid_transition';
  return null;
}
