import type { CaseAction, CaseActionInput, DecisionOrg } from '@qorgau/core';

/** Non-identifying facts of a log entry: codes and ids only, never names or free text. */
export type ActionDetails = Record<string, string | string[]>;

export interface SplitAction {
  action: CaseAction;
  details: ActionDetails;
  /** Free text (reasons, notes): personal data, stored encrypted. */
  text: string | undefined;
}

const defined = (o: Record<string, string | string[] | undefined>): ActionDetails =>
  Object.fromEntries(Object.entries(o).filter((e): e is [string, string | string[]] => e[1] !== undefined));

/**
 * Splits what a client sent into the core action, its non-identifying details and its text.
 * `decidedBy` is the actor's organisation (decisionOrgOf its agency type), never the client's.
 */
export function splitAction(input: CaseActionInput, decidedBy: DecisionOrg): SplitAction {
  switch (input.type) {
    case 'identification_decided': {
      // `occurredOn` (a late entry's day) is among the details: the statistics read it there.
      const { type, outcome, reasons, ...findings } = input;
      return { action: { type, outcome, decidedBy }, details: defined({ outcome, ...findings, decidedBy }), text: reasons };
    }
    case 'identification_reviewed': {
      const { type, outcome, kind, reasons, occurredOn } = input;
      return { action: { type, outcome, decidedBy, kind }, details: defined({ outcome, decidedBy, kind, occurredOn }), text: reasons };
    }
    case 'non_punishment_reviewed':
      return { action: { type: input.type, decision: input.decision }, details: { decision: input.decision }, text: input.text };
    case 'referred':
      return { action: { type: 'referred' }, details: { toAgencyId: input.toAgencyId }, text: input.text };
    default:
      return { action: { type: input.type } as CaseAction, details: {}, text: input.text };
  }
}

/** The core action a stored log entry stands for (its details carry the action's fields). */
export const toCoreAction = (type: string, details: ActionDetails): CaseAction => ({ type, ...details }) as unknown as CaseAction;
