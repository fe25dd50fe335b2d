import { DomainError } from '../../errors.ts';

/**
 * A case is an append-only log of actions; its status is derived from the log (never
 * stored as the truth) by the transition table below. HTCDS `vic_TraffickingStatus`
 * is a second derived value: possible until identification decides it.
 */
export const CASE_STATUSES = ['open', 'identified', 'not_identified', 'referred', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const TRAFFICKING_STATUSES = [
  'PossibleVictimOfTrafficking',
  'ActualVictimOfTrafficking',
  'NotAVictimOfTrafficking',
] as const;
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
  | { type: 'reopened' };
export type CaseActionType = CaseAction['type'];
export const CASE_ACTION_TYPES = ['opened', 'note_added', 'identification_decided', 'referred', 'handed_over', 'closed', 'reopened'] as const satisfies readonly CaseActionType[];

/** Which action may follow in which status; `opened` only starts a log. */
export const ALLOWED_ACTIONS = {
  open: ['note_added', 'identification_decided', 'referred', 'handed_over', 'closed'],
  identified: ['note_added', 'referred', 'closed'],
  not_identified: ['note_added', 'identification_decided', 'closed'],
  referred: ['note_added', 'closed'],
  closed: ['note_added', 'reopened'],
} as const satisfies Record<CaseStatus, readonly CaseActionType[]>;

export interface CaseState {
  status: CaseStatus;
  traffickingStatus: TraffickingStatus;
  /** The status before the case was closed, restored on reopening. */
  beforeClosed: CaseStatus | null;
}

export const INITIAL_CASE_STATE: CaseState = {
  status: 'open',
  traffickingStatus: 'PossibleVictimOfTrafficking',
  beforeClosed: null,
};

export function canApply(status: CaseStatus, type: CaseActionType): boolean {
  return (ALLOWED_ACTIONS[status] as readonly CaseActionType[]).includes(type);
}

/** Applies one action, or throws `invalid_transition` when the table forbids it. */
export function applyAction(state: CaseState, action: CaseAction): CaseState {
  if (action.type === 'opened') {
    return INITIAL_CASE_STATE;
  }
  if (!canApply(state.status, action.type)) throw new DomainError('invalid_transition');
  switch (action.type) {
    case 'note_added':
    case 'handed_over':
      return state;
    case 'identification_decided': {
      const actual = action.outcome === 'ActualVictimOfTrafficking';
      return { ...state, status: actual ? 'identified' : 'not_identified', traffickingStatus: action.outcome };
    }
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
