import { canAccessRecord, type Actor, type RecordAccessFacts } from '../../access/policy.ts';
import type { AgencyType, Role } from '../../access/roles.ts';
import { CASE_ACTION_TYPES, canApply, type CaseActionType, type CaseState, type DecisionOrg } from './case-status.ts';

/**
 * Authority per action (ARCHITECTURE.md "Authority is per action"; issue #8): being allowed to
 * open or act on a case never implies every action on it. Each action type of the case
 * workflow has its own rule here; the server's check, `allowedActions` in the case view, the
 * web app's buttons and the access-matrix test all read this one table.
 *
 * - `system`: written only by its own route (case creation, screening handover, the screening
 *   service's pre-deportation hold), never appended by a client.
 * - `roles`: who may take it.
 * - `scope`: `act` = any record the role may act on (`case.act` in its scope);
 *   `holder` = additionally, the actor's agency is the unit that holds the case (its owner).
 * - `reasons`: the action must carry a written reason (the input contract requires its text).
 */
export type CaseActionRule = { system: true } | { system?: false; roles: readonly Role[]; scope: 'act' | 'holder'; reasons: boolean };

/** Every role that holds `case.act` somewhere: the frontline, identification, care and prosecution. */
const ACTING: readonly Role[] = ['screener', 'identification_officer', 'case_worker', 'shelter_manager', 'prosecutor'];

export const CASE_ACTION_RULES = {
  // Written by case creation (POST /cases, a screening with consent), with the narrative.
  opened: { system: true },
  // Written by the screening handover, which also moves ownership and ends the screener's access.
  handed_over: { system: true },
  // The history can always be annotated by anyone who may act on the case.
  note_added: { roles: ACTING, scope: 'act', reasons: true },
  // Formal identification (DOMAIN.md §2.2) is an interview and assessment by the identification
  // unit that holds the case; not by the screener who met the person, not by the care side,
  // not by another unit of the region that merely sees the case.
  identification_decided: { roles: ['identification_officer'], scope: 'holder', reasons: true },
  // A review or appeal of that decision is recorded by the same holding unit (issue #3).
  identification_reviewed: { roles: ['identification_officer'], scope: 'holder', reasons: true },
  // Referral to care (§2.3) and closing/reopening are the holding unit's case management: its
  // identification officers or case workers. A screener hands over instead (handed_over); a
  // shelter receives referrals, it does not send them.
  referred: { roles: ['identification_officer', 'case_worker'], scope: 'holder', reasons: false },
  closed: { roles: ['identification_officer', 'case_worker'], scope: 'holder', reasons: true },
  reopened: { roles: ['identification_officer', 'case_worker'], scope: 'holder', reasons: true },
  // Non-punishment (§2.7): whoever meets the person facing penalties may raise the flag for the
  // prosecutor (frontline, identification, case worker, the prosecutor herself)...
  non_punishment_flagged: { roles: ['screener', 'identification_officer', 'case_worker', 'prosecutor'], scope: 'act', reasons: true },
  // ...and only a prosecutor decides it.
  non_punishment_reviewed: { roles: ['prosecutor'], scope: 'act', reasons: true },
  // The screening service sets the hold on a positive pre-deportation screening (as `system`
  // writing); by hand, only an identification officer who may act on the case sets it.
  deportation_hold: { roles: ['identification_officer'], scope: 'act', reasons: true },
  // Lifting it lets a removal go ahead: identification officers or prosecutors, never the
  // migration officer who screened, and always with reasons.
  deportation_hold_lifted: { roles: ['identification_officer', 'prosecutor'], scope: 'act', reasons: true },
} as const satisfies Record<CaseActionType, CaseActionRule>;

/** The facts of a case the rule needs: its record scope (owner agency = the holding unit). */
export type CaseFacts = RecordAccessFacts;

/** Whether the actor may act on this case at all (record scope of `case.act`). */
export function mayActOnCase(actor: Actor, facts: CaseFacts): boolean {
  return canAccessRecord(actor, 'case.act', facts);
}

/** Whether the role may take `type` on any case at all (like a route's permission). */
export function roleMayTake(role: Role, type: CaseActionType): boolean {
  const rule: CaseActionRule = CASE_ACTION_RULES[type];
  return !rule.system && rule.roles.includes(role);
}

/** The rule alone, without the status: may this actor ever take `type` on this case? */
export function hasAuthorityFor(actor: Actor, type: CaseActionType, facts: CaseFacts): boolean {
  const rule: CaseActionRule = CASE_ACTION_RULES[type];
  if (rule.system) return false;
  if (!rule.roles.includes(actor.role) || !mayActOnCase(actor, facts)) return false;
  return rule.scope === 'act' || facts.ownerAgencyId === actor.agencyId;
}

/** Whether this actor may take `type` on this case now: the authority rule and the status table. */
export function canTakeAction(actor: Actor, type: CaseActionType, facts: CaseFacts, state: CaseState): boolean {
  return hasAuthorityFor(actor, type, facts) && canApply(state.status, type, state);
}

/** What THIS actor may do on this case now (status x role x scope): the view's `allowedActions`. */
export function allowedActionsFor(actor: Actor, facts: CaseFacts, state: CaseState): CaseActionType[] {
  return CASE_ACTION_TYPES.filter((t) => canTakeAction(actor, t, facts, state));
}

/**
 * Why an append is refused, in the order the server answers: `forbidden` when the role never
 * takes this action (like a route the role lacks: answered before the case is looked up, so it
 * tells nothing about the case); `not_found` when the case is out of the actor's scope (the
 * same answer as a case that does not exist); `forbidden` when the actor may act on the case
 * but not take this action on it (another unit holds it); `invalid_transition` when the status
 * does not allow it now. `null`: allowed.
 */
export function actionRefusal(actor: Actor, type: CaseActionType, facts: CaseFacts, state: CaseState): 'not_found' | 'forbidden' | 'invalid_transition' | null {
  if (!roleMayTake(actor.role, type)) return 'forbidden';
  if (!mayActOnCase(actor, facts)) return 'not_found';
  if (!hasAuthorityFor(actor, type, facts)) return 'forbidden';
  if (!canApply(state.status, type, state)) return 'invalid_transition';
  return null;
}

/**
 * HTCDS `vic_TraffickingStatusDecisionMakingOrg`, derived from the deciding actor's agency type;
 * never taken from the client (issue #8: "decidedBy is whatever the client sends").
 */
const DECISION_ORG_OF = {
  police: 'Police',
  ngo: 'NGO',
  shelter: 'NGO',
  prosecutor: 'CourtOrProsecution',
  court: 'CourtOrProsecution',
  labour_inspectorate: 'NonPoliceGovernmentalOrganization',
  consulate: 'NonPoliceGovernmentalOrganization',
  health: 'NonPoliceGovernmentalOrganization',
  education: 'NonPoliceGovernmentalOrganization',
  migration_service: 'NonPoliceGovernmentalOrganization',
  national_coordination: 'NonPoliceGovernmentalOrganization',
  administration: 'NonPoliceGovernmentalOrganization',
  // A hotline or legal-aid provider may be public or private: HTCDS has no closer category.
  hotline: 'Other',
  legal_aid: 'Other',
} as const satisfies Record<AgencyType, DecisionOrg>;

export function decisionOrgOf(agencyType: string): DecisionOrg {
  return (DECISION_ORG_OF as Record<string, DecisionOrg>)[agencyType] ?? 'Other';
}
