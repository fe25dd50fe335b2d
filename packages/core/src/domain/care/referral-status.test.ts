import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyReferralAction,
  canApplyReferral,
  deriveReferralState,
  INITIAL_REFERRAL_STATE,
  isTerminalReferralStatus,
  REFERRAL_ACTION_TYPES,
  type ReferralState,
} from './referral-status.ts';

const anyAction = fc.constantFrom(...REFERRAL_ACTION_TYPES.filter((t) => t !== 'sent'));

/** Applies what the table allows, skipping the rest (a sequence of attempts). */
const run = (types: readonly (typeof REFERRAL_ACTION_TYPES)[number][]) => {
  const states: ReferralState[] = [INITIAL_REFERRAL_STATE];
  for (const t of types) {
    const s = states.at(-1) as ReferralState;
    if (canApplyReferral(s, t)) states.push(applyReferralAction(s, t));
  }
  return states;
};

describe('referral status', () => {
  it('is derived from the log: sent, accepted, completed', () => {
    expect(deriveReferralState(['sent', 'accepted', 'completed']).status).toBe('completed');
    expect(deriveReferralState(['sent', 'escalated', 'declined'])).toEqual({ status: 'declined', escalated: true, consentWithdrawn: false });
  });

  it('keeps escalation and consent withdrawal as flags, each once', () => {
    const s = deriveReferralState(['sent', 'escalated', 'consent_withdrawn']);
    expect(s.status).toBe('sent');
    expect(() => applyReferralAction(s, 'escalated')).toThrow('invalid_transition');
    expect(() => applyReferralAction(s, 'consent_withdrawn')).toThrow('invalid_transition');
  });

  it('refuses an answer after the referral ended, and escalation after an answer', () => {
    expect(() => deriveReferralState(['sent', 'declined', 'accepted'])).toThrow('invalid_transition');
    expect(() => deriveReferralState(['sent', 'accepted', 'escalated'])).toThrow('invalid_transition');
    expect(() => deriveReferralState(['sent', 'completed'])).toThrow('invalid_transition');
  });

  it('property: no sequence of actions leads out of a terminal status', () => {
    fc.assert(
      fc.property(fc.array(anyAction, { maxLength: 30 }), (types) => {
        const states = run(types);
        const firstEnd = states.findIndex((s) => isTerminalReferralStatus(s.status));
        if (firstEnd >= 0) for (const s of states.slice(firstEnd)) expect(s.status).toBe(states[firstEnd]?.status);
      }),
    );
  });

  it('property: a terminal status allows no action at all', () => {
    fc.assert(
      fc.property(fc.array(anyAction, { maxLength: 30 }), (types) => {
        const last = run(types).at(-1) as ReferralState;
        if (isTerminalReferralStatus(last.status)) for (const t of REFERRAL_ACTION_TYPES) expect(canApplyReferral(last, t)).toBe(false);
      }),
    );
  });
});
