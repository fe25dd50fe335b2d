import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../errors.ts';
import {
  ALLOWED_ACTIONS,
  actionsAllowedInState,
  applyAction,
  CASE_STATUSES,
  canApply,
  deriveCaseState,
  INITIAL_CASE_STATE,
  type CaseAction,
} from './case-status.ts';

const action = fc.oneof(
  fc.constant<CaseAction>({ type: 'note_added' }),
  fc.constant<CaseAction>({ type: 'referred' }),
  fc.constant<CaseAction>({ type: 'closed' }),
  fc.constant<CaseAction>({ type: 'reopened' }),
  fc.constantFrom<CaseAction>(
    { type: 'identification_decided', outcome: 'ActualVictimOfTrafficking', decidedBy: 'Police' },
    { type: 'identification_decided', outcome: 'NotAVictimOfTrafficking', decidedBy: 'NGO' },
    { type: 'identification_reviewed', outcome: 'ActualVictimOfTrafficking', decidedBy: 'CourtOrProsecution', kind: 'appeal' },
    { type: 'non_punishment_flagged' },
    { type: 'non_punishment_reviewed', decision: 'penalties_waived' },
    { type: 'deportation_hold' },
    { type: 'deportation_hold_lifted' },
  ),
);

/** Keeps only the actions the table allows, as the service does before appending. */
function legalPrefix(actions: CaseAction[]): CaseAction[] {
  const kept: CaseAction[] = [{ type: 'opened' }];
  let state = INITIAL_CASE_STATE;
  for (const a of actions) {
    if (canApply(state.status, a.type, state)) {
      state = applyAction(state, a);
      kept.push(a);
    }
  }
  return kept;
}

describe('case status', () => {
  it('starts open and possible', () => {
    expect(deriveCaseState([{ type: 'opened' }])).toEqual(INITIAL_CASE_STATE);
  });

  it('identification decides the trafficking status', () => {
    const s = deriveCaseState([
      { type: 'opened' },
      { type: 'identification_decided', outcome: 'ActualVictimOfTrafficking', decidedBy: 'Police' },
      { type: 'referred' },
    ]);
    expect(s.status).toBe('referred');
    expect(s.traffickingStatus).toBe('ActualVictimOfTrafficking');
  });

  it('refuses a transition the table does not allow', () => {
    expect(() => deriveCaseState([{ type: 'opened' }, { type: 'reopened' }])).toThrow(DomainError);
  });

  it('reopening restores the status held before closing', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 30 }), (actions) => {
        const log = legalPrefix(actions);
        const before = deriveCaseState(log);
        if (before.status === 'closed') return;
        const after = deriveCaseState([...log, { type: 'closed' }, { type: 'reopened' }]);
        expect(after.status).toBe(before.status);
        expect(after.traffickingStatus).toBe(before.traffickingStatus);
      }),
    );
  });

  it('every derived status is reachable and only table-allowed actions change it', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 30 }), (actions) => {
        const log = legalPrefix(actions);
        const s = deriveCaseState(log);
        expect(CASE_STATUSES).toContain(s.status);
        // Notes never change the state (a closed case takes none: it is reopened first).
        if (s.status !== 'closed') expect(deriveCaseState([...log, { type: 'note_added' }])).toEqual(s);
      }),
    );
  });

  it('the history of every open status can be annotated; a closed case only reopens', () => {
    for (const status of CASE_STATUSES.filter((st) => st !== 'closed')) expect(ALLOWED_ACTIONS[status]).toContain('note_added');
    expect(ALLOWED_ACTIONS.closed).toEqual(['reopened']);
  });

  it('an appeal can overturn a negative decision; a review needs a decision first', () => {
    const appealed = deriveCaseState([
      { type: 'opened' },
      { type: 'identification_decided', outcome: 'NotAVictimOfTrafficking', decidedBy: 'Police' },
      { type: 'identification_reviewed', outcome: 'ActualVictimOfTrafficking', decidedBy: 'CourtOrProsecution', kind: 'appeal' },
    ]);
    expect(appealed).toMatchObject({ status: 'identified', traffickingStatus: 'ActualVictimOfTrafficking' });
    expect(() =>
      deriveCaseState([{ type: 'opened' }, { type: 'identification_reviewed', outcome: 'ActualVictimOfTrafficking', decidedBy: 'Police', kind: 'review' }]),
    ).toThrow(DomainError);
  });

  it('non-punishment: flagged once, reviewed only when flagged; a deportation hold is lifted only when held', () => {
    const flagged = deriveCaseState([{ type: 'opened' }, { type: 'non_punishment_flagged' }]);
    expect(flagged.nonPunishment).toBe('flagged');
    expect(actionsAllowedInState(flagged)).toContain('non_punishment_reviewed');
    expect(actionsAllowedInState(flagged)).not.toContain('non_punishment_flagged');
    expect(() => deriveCaseState([{ type: 'opened' }, { type: 'non_punishment_reviewed', decision: 'not_applicable' }])).toThrow(DomainError);
    expect(actionsAllowedInState(INITIAL_CASE_STATE)).not.toContain('deportation_hold_lifted');
    const held = deriveCaseState([{ type: 'opened' }, { type: 'deportation_hold' }]);
    expect(held.deportationHold).toBe(true);
    expect(deriveCaseState([{ type: 'opened' }, { type: 'deportation_hold' }, { type: 'deportation_hold_lifted' }]).deportationHold).toBe(false);
  });

  it('actionsAllowedInState never offers an action that applyAction would refuse', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 30 }), (actions) => {
        const state = deriveCaseState(legalPrefix(actions));
        for (const type of actionsAllowedInState(state)) {
          const sample: CaseAction =
            type === 'identification_decided' || type === 'identification_reviewed'
              ? ({ type, outcome: 'ActualVictimOfTrafficking', decidedBy: 'Police', kind: 'review' } as CaseAction)
              : type === 'non_punishment_reviewed'
                ? { type, decision: 'penalties_waived' }
                : ({ type } as CaseAction);
          expect(() => applyAction(state, sample)).not.toThrow();
        }
      }),
    );
  });

  it('a referral is not a dead end: identification can still be decided, then reviewed, and a hold lifted, the referral staying in force', () => {
    const referred = deriveCaseState([{ type: 'opened' }, { type: 'deportation_hold' }, { type: 'referred' }]);
    expect(actionsAllowedInState(referred)).toEqual(expect.arrayContaining(['identification_decided', 'deportation_hold_lifted']));
    expect(actionsAllowedInState(referred)).not.toContain('identification_reviewed');
    const decided = applyAction(referred, { type: 'identification_decided', outcome: 'ActualVictimOfTrafficking', decidedBy: 'Police' });
    expect(decided).toMatchObject({ status: 'referred', traffickingStatus: 'ActualVictimOfTrafficking' });
    expect(actionsAllowedInState(decided)).toContain('identification_reviewed');
    expect(actionsAllowedInState(decided)).not.toContain('identification_decided');
    expect(applyAction(decided, { type: 'deportation_hold_lifted' }).deportationHold).toBe(false);
  });
});
