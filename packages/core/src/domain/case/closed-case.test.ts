import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actorArbitrary, recordArbitrary } from '../../access/arbitraries.ts';
import type { Actor } from '../../access/policy.ts';
import { allowedActionsFor, type CaseFacts } from './case-authority.ts';
import { CASE_ACTION_TYPES, deriveCaseState, type CaseState } from './case-status.ts';

/**
 * Issue #9: "a closed case offers no actions". The only action the rules allow on a closed case
 * is reopening it, by its holding unit; nothing is noted, decided, referred, flagged or held on
 * it. The web app offers exactly what the server allows.
 */
describe('a closed case', () => {
  const closed = (beforeClosed: CaseState['status']): CaseState => ({
    status: 'closed',
    traffickingStatus: 'ActualVictimOfTrafficking',
    nonPunishment: 'flagged',
    deportationHold: true,
    beforeClosed,
  });

  it('allows no action but reopening, to any user in any scope, whatever was pending when it closed', () => {
    fc.assert(
      fc.property(
        actorArbitrary(['KZ-75', 'KZ-71']),
        recordArbitrary(['KZ-75', 'KZ-71'], { handedOver: true }),
        fc.constantFrom('open', 'identified', 'not_identified', 'referred' as const),
        (actor: Actor, facts: CaseFacts, before) => {
          const allowed = allowedActionsFor(actor, facts, closed(before));
          for (const a of allowed) expect(a).toBe('reopened');
        },
      ),
    );
  });

  it('is reopened only by the holding unit (identification officer or case worker), never by a prosecutor', () => {
    const region = { national: false as const, regions: ['KZ-75'] };
    const facts: CaseFacts = { createdBy: 'u0', ownerAgencyId: 'unit', regionCode: 'KZ-75', assignedUserIds: [] };
    const state = deriveCaseState([{ type: 'opened' }, { type: 'closed' }]);
    expect(state.status).toBe('closed');
    const officer: Actor = { userId: 'u1', role: 'identification_officer', agencyId: 'unit', jurisdiction: region };
    expect(allowedActionsFor(officer, facts, state)).toEqual(['reopened']);
    const otherUnit: Actor = { ...officer, agencyId: 'other' };
    expect(allowedActionsFor(otherUnit, facts, state)).toEqual([]);
    const prosecutor: Actor = { userId: 'u2', role: 'prosecutor', agencyId: 'pros', jurisdiction: region };
    expect(allowedActionsFor(prosecutor, facts, state)).toEqual([]);
    expect(allowedActionsFor(prosecutor, facts, state)).not.toContain('non_punishment_reviewed');
    expect(CASE_ACTION_TYPES.filter((t) => t !== 'reopened').every((t) => !allowedActionsFor(officer, facts, state).includes(t))).toBe(true);
  });
});
