import { DomainError } from '../../errors.ts';

/**
 * A case is an append-only log of actions; its status is derived from the log (never
 * stored as the truth) by the transition table below. HTCDS `vic_TraffickingStatus`
 * is a second derived value: possible until identification decides it.
 */
export const CASE_STATUSES = ['open', 'identified', 'not_identified', 'referred', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const TRAFFICKING_STATUSES = ['PossibleVictimOfTrafficking', 'ActualVictimOfTrafficking', 'NotAVictimOfTrafficking'] as const;
export type TraffickingStatus = (typeof TRAFFICKING_STATUSES)[number];

/** HTCDS `vic_TraffickingStatusDecisionMakingOrg`. */
export const DECISION_ORGS = ['Police', 'NGO', 'CourtOrProsecution', 'NonPoliceGovernmentalOrganization', 'Other'] as const;
export type DecisionOrg = (typeof DECISION_ORGS)[number];

export type CaseAction =
  | { type: 'opened' }
  | { type: 'note_added' }
  | { type: 'identification_decided'; outcome: 'ActualVictimOfTrafficking' | 'NotAVictimOfTrafficking'; decidedBy: DecisionOrg }
  | { type: 'referred' }
  /** Handed over by the screener to an identification unit: ownership moves, status does not. */
  | { type: 'handed_over' }
  | { type: 'closed' }
  | { type: 'reopened' }
  /** A decision looked at again: an internal review, or an appeal by the person (issue #3). */
  | { type: 'identification_reviewed'; outcome: 'ActualVictimOfTrafficking' | 'NotAVictimOfTrafficking'; decidedBy: DecisionOrg; kind: 'review' | 'appeal' }
  /** The person faces penalties for acts committed as a direct result of being trafficked. */
  | { type: 'non_punishment_flagged' }
  | { type: 'non_punishment_reviewed'; decision: NonPunishmentDecision }
  /** A positive pre-deportation screening stops removal until identification decides. */
  | { type: 'deportation_hold' }
  | { type: 'deportation_hold_lifted' };
export type CaseActionType = CaseAction['type'];
export const CASE_ACTION_TYPES = [
  'opened',
  'note_added',
  'identification_decided',
  'identification_reviewed',
  'referred',
  'handed_over',
  'non_punishment_flagged',
  'non_punishment_reviewed',
  'deportation_hold',
  'deportation_hold_lifted',
  'closed',
  'reopened',
] as const satisfies readonly CaseActionType[];

/**
 * Which action may follow in which status; `opened` only starts a log. Who may take each one is
 * a second table, CASE_ACTION_RULES (case-authority.ts). A referral is not a dead end (issue
 * #8): after `referred`, identification can still be decided (or a decision reviewed) and a
 * deportation hold lifted; the flags below say which of the two applies.
 */
export const ALLOWED_ACTIONS = {
  open: [
    'note_added',
    'identification_decided',
    'referred',
    'handed_over',
    'non_punishment_flagged',
    'non_punishment_reviewed',
    'deportation_hold',
    'deportation_hold_lifted',
    'closed',
  ],
  identified: ['note_added', 'identification_reviewed', 'referred', 'non_punishment_flagged', 'non_punishment_reviewed', 'deportation_hold_lifted', 'closed'],
  not_identified: [
    'note_added',
    'identification_decided',
    'identification_reviewed',
    'non_punishment_flagged',
    'non_punishment_reviewed',
    'deportation_hold_lifted',
    'closed',
  ],
  // A person may have several referrals at once (issue #10): a further referral is recorded too.
  referred: [
    'note_added',
    'referred',
    'identification_decided',
    'identification_reviewed',
    'non_punishment_flagged',
    'non_punishment_reviewed',
    'deportation_hold_lifted',
    'closed',
  ],
  // A closed case is finished work (issue #9): nothing is added to it, not even a note, until
  // its holding unit reopens it; the reopening's reasons are the place to say why.
  closed: ['reopened'],
} as const satisfies Record<CaseStatus, readonly CaseActionType[]>;

export const NON_PUNISHMENT_DECISIONS = ['penalties_waived', 'not_applicable'] as const;
export type NonPunishmentDecision = (typeof NON_PUNISHMENT_DECISIONS)[number];

export interface CaseState {
  status: CaseStatus;
  traffickingStatus: TraffickingStatus;
  /** Non-punishment (DOMAIN.md §2.7): flagged for the prosecutor, until reviewed. */
  nonPunishment: 'none' | 'flagged' | 'reviewed';
  deportationHold: boolean;
  /** The status before the case was closed, restored on reopening. */
  beforeClosed: CaseStatus | null;
}

export const INITIAL_CASE_STATE: CaseState = {
  status: 'open',
  traffickingStatus: 'PossibleVictimOfTrafficking',
  nonPunishment: 'none',
  deportationHold: false,
  beforeClosed: null,
};

/** Whether an action may follow now: the status table, plus the flags some actions need. */
export function canApply(
  status: CaseStatus,
  type: CaseActionType,
  state?: Pick<CaseState, 'nonPunishment' | 'deportationHold' | 'traffickingStatus'>,
): boolean {
  if (!(ALLOWED_ACTIONS[status] as readonly CaseActionType[]).includes(type)) return false;
  if (!state) return true;
  // In a referred case: a first decision while still possible, a review once decided.
  const decided = state.traffickingStatus !== 'PossibleVictimOfTrafficking';
  if (status === 'referred' && type === 'identification_decided') return !decided;
  if (status === 'referred' && type === 'identification_reviewed') return decided;
  if (type === 'non_punishment_flagged') return state.nonPunishment !== 'flagged';
  if (type === 'non_punishment_reviewed') return state.nonPunishment === 'flagged';
  if (type === 'deportation_hold') return !state.deportationHold;
  if (type === 'deportation_hold_lifted') return state.deportationHold;
  return true;
}

/**
 * The actions the status allows now, whoever asks. What a given user may do is
 * `allowedActionsFor(actor, facts, state)` in case-authority.ts.
 */
export function actionsAllowedInState(state: CaseState): CaseActionType[] {
  return ALLOWED_ACTIONS[state.status].filter((t) => canApply(state.status, t, state));
}

/** A decision in a referred case keeps the referral in force; elsewhere it sets the status. */
function statusAfterDecision(state: CaseState, outcome: TraffickingStatus): CaseStatus {
  if (state.status === 'referred') return 'referred';
  return outcome === 'ActualVictimOfTrafficking' ? 'identified' : 'not_identified';
}

/** Applies one action, or throws `invalid_transition` when the table forbids it. */
export function applyAction(state: CaseState, action: CaseAction): CaseState {
  if (action.type === 'opened') {
    return INITIAL_CASE_STATE;
  }
  if (!canApply(state.status, action.type, state)) throw new DomainError('invalid_transition');
  switch (action.type) {
    case 'note_added':
    case 'handed_over':
      return state;
    case 'identification_reviewed':
    case 'identification_decided':
      return { ...state, status: statusAfterDecision(state, action.outcome), traffickingStatus: action.outcome };
    case 'non_punishment_flagged':
      return { ...state, nonPunishment: 'flagged' };
    case 'non_punishment_reviewed':
      return { ...state, nonPunishment: 'reviewed' };
    case 'deportation_hold':
      return { ...state, deportationHold: true };
    case 'deportation_hold_lifted':
      return { ...state, deportationHold: false };
    case 'referred':
      return { ...state, status: 'referred' };
    case 'closed':
      return { ...state, status: 'closed', beforeClosed: state.status };
    case 'reopened':
      return { ...state, status: state.beforeClosed ?? 'open', beforeClosed: null };
  }
}

/** status = reduce(actions). The first action of every log is `opened`. */
export function deriveCaseState(actions: readonly CaseAction[]): CaseState {
  return actions.reduce(applyAction, INITIAL_CASE_STATE);
}
