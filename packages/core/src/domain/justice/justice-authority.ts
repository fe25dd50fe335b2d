import type { Actor } from '../../access/policy.ts';
import type { Role } from '../../access/roles.ts';
import { CLOSED_STAGES, CRIMINAL_STAGES, type CriminalStage } from './criminal-stage.ts';

/**
 * Authority per action on a criminal case and on a victim's redress (ARCHITECTURE.md "Authority
 * is per action"; issue #11): "may open the case" never means "may decide anything on it". Each
 * action names the roles that own it and the stages in which it applies; the server checks the
 * table after finding the record in the actor's `criminal_case.act` (or `redress.act`) scope,
 * the view lists `allowedActions` from it, the web offers only those, and the access matrix
 * asserts the exact status for every role.
 */
export const CRIMINAL_CASE_ACTIONS = [
  'change_stage',
  'assign',
  'extend_deadline',
  'add_defendant',
  'update_defendant',
  'charge',
  'record_outcome',
  'link_victim',
  'update_victim',
  'record_interview',
  'request_measure',
  'decide_measure',
] as const;
export type CriminalCaseAction = (typeof CRIMINAL_CASE_ACTIONS)[number];

export interface CriminalCaseActionRule {
  roles: readonly Role[];
  stages: readonly CriminalStage[];
}

const PRETRIAL: readonly Role[] = ['investigator', 'prosecutor'];
const OPEN: readonly CriminalStage[] = CRIMINAL_STAGES.filter((s) => !CLOSED_STAGES.includes(s));
const BEFORE_COURT: readonly CriminalStage[] = ['registered', 'investigation', 'suspended'];

export const CRIMINAL_CASE_ACTION_RULES = {
  // Which stage a role may enter is the stage table's (criminal-stage.ts STAGE_RULES).
  change_stage: { roles: [...PRETRIAL, 'court_clerk'], stages: OPEN },
  // The supervising prosecutor assigns the investigator and the prosecutor of the case.
  assign: { roles: ['prosecutor'], stages: OPEN },
  // Extending the pre-trial term is the prosecutor's decision.
  extend_deadline: { roles: ['prosecutor'], stages: BEFORE_COURT },
  add_defendant: { roles: PRETRIAL, stages: BEFORE_COURT },
  // Details and the complicity flag can be corrected until the case ends.
  update_defendant: { roles: PRETRIAL, stages: OPEN },
  // Charges are set and reclassified pre-trial; the court may reclassify at trial.
  charge: { roles: [...PRETRIAL, 'court_clerk'], stages: OPEN },
  // What the court decided for each defendant, entered by the judge's clerk.
  record_outcome: { roles: ['court_clerk'], stages: ['first_instance_verdict', 'appeal', 'final'] },
  link_victim: { roles: PRETRIAL, stages: OPEN },
  update_victim: { roles: PRETRIAL, stages: OPEN },
  record_interview: { roles: PRETRIAL, stages: OPEN },
  request_measure: { roles: PRETRIAL, stages: OPEN },
  // A measure granted during the proceedings may end after them (protection outlives the verdict).
  decide_measure: { roles: PRETRIAL, stages: CRIMINAL_STAGES },
} as const satisfies Record<CriminalCaseAction, CriminalCaseActionRule>;

export function roleMayTakeCriminalCaseAction(role: Role, action: CriminalCaseAction): boolean {
  return (CRIMINAL_CASE_ACTION_RULES[action].roles as readonly Role[]).includes(role);
}

/**
 * Why an action is refused, in the order the server answers (the case is already found in the
 * actor's read scope; `mayAct`: it is also in her `criminal_case.act` scope). `forbidden` when
 * the role does not own the action or the case is outside her act scope; `invalid_transition`
 * when the stage does not allow it now. `null`: allowed.
 */
export function criminalCaseRefusal(
  actor: Pick<Actor, 'role'>,
  action: CriminalCaseAction,
  facts: { stage: CriminalStage; mayAct: boolean },
): 'forbidden' | 'invalid_transition' | null {
  if (!facts.mayAct || !roleMayTakeCriminalCaseAction(actor.role, action)) return 'forbidden';
  if (!(CRIMINAL_CASE_ACTION_RULES[action].stages as readonly CriminalStage[]).includes(facts.stage)) return 'invalid_transition';
  return null;
}

/** What THIS actor may do on this case now: the view's `allowedActions`. */
export function allowedCriminalCaseActions(actor: Pick<Actor, 'role'>, facts: { stage: CriminalStage; mayAct: boolean }): CriminalCaseAction[] {
  return CRIMINAL_CASE_ACTIONS.filter((a) => criminalCaseRefusal(actor, a, facts) === null);
}

/**
 * Redress and legal aid, per person (DOMAIN.md §2.6). The person is found in the actor's
 * `redress.read` scope and `mayAct` says she is in her `redress.act` scope; a lawyer's scope is
 * her clients (her open legal-aid assignments), and she records services only on her own
 * assignment (`ownAssignment`).
 */
export const REDRESS_ACTIONS = [
  'record_informed',
  'file_claim',
  'record_award',
  'record_payment',
  'assign_lawyer',
  'end_assignment',
  'record_legal_service',
] as const;
export type RedressAction = (typeof REDRESS_ACTIONS)[number];

export const REDRESS_ACTION_RULES = {
  // Whoever explains the right to compensation records it: the case worker is reminded until then.
  record_informed: { roles: ['case_worker', 'lawyer', 'investigator', 'prosecutor', 'identification_officer'] },
  // A claim is filed by the victim's lawyer, or by the prosecutor in the victim's interest.
  file_claim: { roles: ['lawyer', 'prosecutor'] },
  // What the court awarded is the court's record.
  record_award: { roles: ['court_clerk'] },
  record_payment: { roles: ['lawyer', 'prosecutor', 'case_worker'] },
  // State legal aid is arranged by the body conducting the proceedings; pro bono by the NGO.
  assign_lawyer: { roles: ['case_worker', 'investigator', 'prosecutor'] },
  end_assignment: { roles: ['case_worker', 'investigator', 'prosecutor', 'lawyer'] },
  record_legal_service: { roles: ['lawyer'] },
} as const satisfies Record<RedressAction, { roles: readonly Role[] }>;

export function roleMayTakeRedressAction(role: Role, action: RedressAction): boolean {
  return (REDRESS_ACTION_RULES[action].roles as readonly Role[]).includes(role);
}

/** `forbidden` or null: the role owns the action and the person is in her act scope. */
export function redressRefusal(actor: Pick<Actor, 'role'>, action: RedressAction, facts: { mayAct: boolean }): 'forbidden' | null {
  return facts.mayAct && roleMayTakeRedressAction(actor.role, action) ? null : 'forbidden';
}

export function allowedRedressActions(actor: Pick<Actor, 'role'>, facts: { mayAct: boolean }): RedressAction[] {
  return REDRESS_ACTIONS.filter((a) => redressRefusal(actor, a, facts) === null);
}
