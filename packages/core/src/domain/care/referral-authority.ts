import type { Actor } from '../../access/policy.ts';
import { scopeOf } from '../../access/role-grants.ts';
import type { Role } from '../../access/roles.ts';
import { canApplyReferral, REFERRAL_ACTION_TYPES, type ReferralActionType, type ReferralState } from './referral-status.ts';

/**
 * Authority per action of the referral workflow (ARCHITECTURE.md "Authority is per action"):
 * one table, read by the server's check, by `allowedActions` in the referral view, by the web
 * app's buttons and by the access-matrix test.
 *
 * - `system`: written by the server only (`sent` by referral creation, `escalated` by the
 *   deadline sweep, `consent_withdrawn` by a consent withdrawal), never appended by a client.
 * - `side`: `sender` = the referring agency, or the unit that holds the case (its owner);
 *   `receiver` = the agency that runs the provider.
 * - `reasons`: the action must carry a written reason (the input contract requires it).
 */
export type ReferralSide = 'sender' | 'receiver';
export type ReferralActionRule = { system: true } | { system?: false; roles: readonly Role[]; side: ReferralSide; reasons: boolean };

/** The provider's staff who answer referrals (DOMAIN.md §1: shelter manager, case worker). */
const RECEIVING: readonly Role[] = ['shelter_manager', 'case_worker'];
/** Who refers (case-authority.ts `referred`: the holding unit's officers and case workers). */
const SENDING: readonly Role[] = ['identification_officer', 'case_worker'];

export const REFERRAL_ACTION_RULES = {
  sent: { system: true },
  // The provider answers: it takes the person, or says why not (capacity, eligibility, safety).
  accepted: { roles: RECEIVING, side: 'receiver', reasons: false },
  declined: { roles: RECEIVING, side: 'receiver', reasons: true },
  // The service was delivered (or the stay ended): the provider says so; the access closes.
  completed: { roles: RECEIVING, side: 'receiver', reasons: false },
  // The sender takes the referral back (the person left, changed her mind, another plan).
  withdrawn: { roles: SENDING, side: 'sender', reasons: true },
  // The sender moves the person to another provider: a new referral, the history on both.
  transferred: { roles: SENDING, side: 'sender', reasons: true },
  escalated: { system: true },
  consent_withdrawn: { system: true },
} as const satisfies Record<ReferralActionType, ReferralActionRule>;

/** What the rules need to know about a referral (the server fills it from the row). */
export interface ReferralFacts {
  referringAgencyId: string;
  /** The unit that holds the case (case owner): it may act as the sender too. */
  caseOwnerAgencyId: string;
  providerAgencyId: string;
  /** The provider's region and the case's region (a regional officer sees both). */
  regionCodes: readonly string[];
}

export function referralSidesOf(actor: Actor, f: ReferralFacts): ReferralSide[] {
  const sides: ReferralSide[] = [];
  if (actor.agencyId === f.referringAgencyId || actor.agencyId === f.caseOwnerAgencyId) sides.push('sender');
  if (actor.agencyId === f.providerAgencyId) sides.push('receiver');
  return sides;
}

/**
 * Record scope of a referral permission: the two sides (for `agency`, `assigned` and `own`
 * grants), the regions of either end (`region`), everything (`national`).
 */
export function mayOnReferral(actor: Actor, permission: 'referral.read' | 'referral.act', f: ReferralFacts): boolean {
  const scope = scopeOf(actor.role, permission);
  if (!scope) return false;
  if (scope === 'national') return true;
  if (referralSidesOf(actor, f).length > 0) return true;
  return scope === 'region' && (actor.jurisdiction.national || f.regionCodes.some((r) => (actor.jurisdiction.regions as readonly string[]).includes(r)));
}

export function roleMayTakeReferralAction(role: Role, type: ReferralActionType): boolean {
  const rule: ReferralActionRule = REFERRAL_ACTION_RULES[type];
  return !rule.system && rule.roles.includes(role);
}

/** The rule alone, without the status: may this actor ever take `type` on this referral? */
export function hasReferralAuthority(actor: Actor, type: ReferralActionType, f: ReferralFacts): boolean {
  const rule: ReferralActionRule = REFERRAL_ACTION_RULES[type];
  if (rule.system || !rule.roles.includes(actor.role) || !mayOnReferral(actor, 'referral.act', f)) return false;
  return referralSidesOf(actor, f).includes(rule.side);
}

/** What THIS actor may do on this referral now: the view's `allowedActions`. */
export function allowedReferralActions(actor: Actor, f: ReferralFacts, state: ReferralState): ReferralActionType[] {
  return REFERRAL_ACTION_TYPES.filter((t) => hasReferralAuthority(actor, t, f) && canApplyReferral(state, t));
}

/**
 * Why an action is refused, in the order the server answers (like case-authority.ts
 * `actionRefusal`): `forbidden` when the role never takes it (before any lookup); `not_found`
 * when the referral is out of the actor's scope; `forbidden` when she sees it but is not on
 * the action's side; `invalid_transition` when the status does not allow it now.
 */
export function referralActionRefusal(
  actor: Actor,
  type: ReferralActionType,
  f: ReferralFacts,
  state: ReferralState,
): 'forbidden' | 'not_found' | 'invalid_transition' | null {
  if (!roleMayTakeReferralAction(actor.role, type)) return 'forbidden';
  if (!mayOnReferral(actor, 'referral.act', f)) return 'not_found';
  if (!hasReferralAuthority(actor, type, f)) return 'forbidden';
  if (!canApplyReferral(state, type)) return 'invalid_transition';
  return null;
}
