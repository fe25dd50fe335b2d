import { DomainError } from '../../errors.ts';

/**
 * A referral is a record of its own (issue #10), an append-only log of actions like a case;
 * its status is derived from the log by the transition table below, checked by the compiler.
 * The escalation (no answer by the deadline) and a withdrawn consent are flags, not statuses:
 * the provider may still answer an escalated referral.
 */
export const REFERRAL_STATUSES = ['sent', 'accepted', 'declined', 'completed', 'withdrawn', 'transferred'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** The statuses nothing follows: the referral has ended and the access it opened is closed. */
export const TERMINAL_REFERRAL_STATUSES = ['declined', 'completed', 'withdrawn', 'transferred'] as const satisfies readonly ReferralStatus[];

export const REFERRAL_ACTION_TYPES = ['sent', 'accepted', 'declined', 'completed', 'withdrawn', 'transferred', 'escalated', 'consent_withdrawn'] as const;
export type ReferralActionType = (typeof REFERRAL_ACTION_TYPES)[number];

/** Which action may follow in which status; `sent` only starts a log (referral creation). */
export const REFERRAL_TRANSITIONS = {
  sent: ['accepted', 'declined', 'withdrawn', 'transferred', 'escalated', 'consent_withdrawn'],
  accepted: ['completed', 'withdrawn', 'transferred', 'consent_withdrawn'],
  declined: [],
  completed: [],
  withdrawn: [],
  transferred: [],
} as const satisfies Record<ReferralStatus, readonly ReferralActionType[]>;

/** The status each action leads to; flags keep the status. */
const NEXT_STATUS = {
  accepted: 'accepted',
  declined: 'declined',
  completed: 'completed',
  withdrawn: 'withdrawn',
  transferred: 'transferred',
} as const satisfies Partial<Record<ReferralActionType, ReferralStatus>>;

export interface ReferralState {
  status: ReferralStatus;
  /** Not answered by its deadline: escalated to the provider's manager and the referring user. */
  escalated: boolean;
  /** The consent it relied on was withdrawn: the access it opened is revoked. */
  consentWithdrawn: boolean;
}

export const INITIAL_REFERRAL_STATE: ReferralState = { status: 'sent', escalated: false, consentWithdrawn: false };

export const isTerminalReferralStatus = (s: ReferralStatus): boolean => (TERMINAL_REFERRAL_STATUSES as readonly ReferralStatus[]).includes(s);

/** Whether `type` may follow now: the table, plus the flags (escalated once, consent withdrawn once). */
export function canApplyReferral(state: ReferralState, type: ReferralActionType): boolean {
  if (!(REFERRAL_TRANSITIONS[state.status] as readonly ReferralActionType[]).includes(type)) return false;
  if (type === 'escalated') return !state.escalated;
  if (type === 'consent_withdrawn') return !state.consentWithdrawn;
  return true;
}

/** The actions the status allows now, whoever asks (who may: referral-authority.ts). */
export function referralActionsInState(state: ReferralState): ReferralActionType[] {
  return REFERRAL_ACTION_TYPES.filter((t) => canApplyReferral(state, t));
}

/** Applies one action, or throws `invalid_transition` when the table forbids it. */
export function applyReferralAction(state: ReferralState, type: ReferralActionType): ReferralState {
  if (type === 'sent') return INITIAL_REFERRAL_STATE;
  if (!canApplyReferral(state, type)) throw new DomainError('invalid_transition');
  switch (type) {
    case 'escalated':
      return { ...state, escalated: true };
    case 'consent_withdrawn':
      return { ...state, consentWithdrawn: true };
    default:
      return { ...state, status: NEXT_STATUS[type] };
  }
}

/** status = reduce(actions); the first action of every log is `sent`. */
export function deriveReferralState(types: readonly ReferralActionType[]): ReferralState {
  return types.reduce(applyReferralAction, INITIAL_REFERRAL_STATE);
}
