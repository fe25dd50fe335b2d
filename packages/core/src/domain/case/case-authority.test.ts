import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scopeOf } from '../../access/role-grants.ts';
import { actorArbitrary, recordArbitrary } from '../../access/arbitraries.ts';
import type { Actor } from '../../access/policy.ts';
import { AGENCY_TYPES } from '../../access/roles.ts';
import { CaseActionInput } from '../../contracts/case.contract.ts';
import {
  actionRefusal,
  allowedActionsFor,
  CASE_ACTION_RULES,
  canTakeAction,
  decisionOrgOf,
  hasAuthorityFor,
  mayActOnCase,
  roleMayTake,
  type CaseFacts,
} from './case-authority.ts';
import {
  actionsAllowedInState,
  CASE_ACTION_TYPES,
  CASE_STATUSES,
  DECISION_ORGS,
  TRAFFICKING_STATUSES,
  type CaseActionType,
  type CaseState,
} from './case-status.ts';

const actor = actorArbitrary(['KZ-75', 'KZ-71']);
const facts: fc.Arbitrary<CaseFacts> = recordArbitrary(['KZ-75', 'KZ-71'], { handedOver: true });
const state = fc.record({
  status: fc.constantFrom(...CASE_STATUSES),
  traffickingStatus: fc.constantFrom(...TRAFFICKING_STATUSES),
  nonPunishment: fc.constantFrom('none', 'flagged', 'reviewed'),
  deportationHold: fc.boolean(),
  beforeClosed: fc.constant(null),
}) as fc.Arbitrary<CaseState>;
const actionType = fc.constantFrom(...CASE_ACTION_TYPES);

describe('authority per case action', () => {
  it('no role but the identification officers of the unit holding the case ever decides or reviews identification', () => {
    fc.assert(
      fc.property(actor, facts, state, (a, f, s) => {
        for (const type of ['identification_decided', 'identification_reviewed'] as const) {
          if (canTakeAction(a, type, f, s)) {
            expect(a.role).toBe('identification_officer');
            expect(f.ownerAgencyId).toBe(a.agencyId);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('only prosecutors review non-punishment; only identification officers or prosecutors lift a deportation hold, with reasons', () => {
    fc.assert(
      fc.property(actor, facts, state, (a, f, s) => {
        if (canTakeAction(a, 'non_punishment_reviewed', f, s)) expect(a.role).toBe('prosecutor');
        if (canTakeAction(a, 'deportation_hold_lifted', f, s)) expect(['identification_officer', 'prosecutor']).toContain(a.role);
      }),
      { numRuns: 500 },
    );
    expect(CASE_ACTION_RULES.deportation_hold_lifted.reasons).toBe(true);
  });

  it('the findings of issue #8 are refused: inspector, NGO case worker, shelter manager, migration screener', () => {
    const holder = (role: Actor['role'], agencyId = 'a1'): Actor => ({ userId: 'u1', role, agencyId, jurisdiction: { national: false, regions: ['KZ-75'] } });
    const own: CaseFacts = { createdBy: 'u1', ownerAgencyId: 'a1', regionCode: 'KZ-75', assignedUserIds: [], creatorAccessEnded: false };
    const open: CaseState = {
      status: 'open',
      traffickingStatus: 'PossibleVictimOfTrafficking',
      nonPunishment: 'flagged',
      deportationHold: true,
      beforeClosed: null,
    };
    const decided: CaseState = { ...open, status: 'identified', traffickingStatus: 'ActualVictimOfTrafficking' };
    expect(actionRefusal(holder('screener'), 'identification_decided', own, open)).toBe('forbidden');
    expect(actionRefusal(holder('case_worker'), 'identification_reviewed', own, decided)).toBe('forbidden');
    expect(actionRefusal(holder('case_worker'), 'non_punishment_reviewed', own, open)).toBe('forbidden');
    expect(actionRefusal(holder('shelter_manager'), 'identification_decided', own, open)).toBe('forbidden');
    expect(actionRefusal(holder('screener'), 'deportation_hold_lifted', own, open)).toBe('forbidden');
    // The same case: the holding unit's identification officer may decide, a prosecutor may review non-punishment.
    expect(actionRefusal(holder('identification_officer'), 'identification_decided', own, open)).toBeNull();
    expect(actionRefusal(holder('prosecutor', 'a2'), 'non_punishment_reviewed', own, open)).toBeNull();
    // Another unit of the region sees the case but does not decide it.
    expect(actionRefusal(holder('identification_officer', 'a2'), 'identification_decided', own, open)).toBe('forbidden');
    expect(actionRefusal(holder('identification_officer', 'a2'), 'deportation_hold_lifted', own, open)).toBeNull();
  });

  it('allowedActionsFor is a subset of what the status allows, empty without the right to act, and never a system action', () => {
    fc.assert(
      fc.property(actor, facts, state, (a, f, s) => {
        const allowed = allowedActionsFor(a, f, s);
        const byStatus = actionsAllowedInState(s);
        for (const t of allowed) {
          expect(byStatus).toContain(t);
          expect('system' in CASE_ACTION_RULES[t]).toBe(false);
        }
        if (!mayActOnCase(a, f)) expect(allowed).toEqual([]);
        if (!scopeOf(a.role, 'case.act')) expect(allowed).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('actionRefusal agrees with canTakeAction; a role that never takes the action is 403 whatever the case, out of scope otherwise 404', () => {
    fc.assert(
      fc.property(actor, actionType, facts, state, (a, t, f, s) => {
        const refusal = actionRefusal(a, t, f, s);
        expect(refusal === null).toBe(canTakeAction(a, t, f, s));
        if (!roleMayTake(a.role, t)) expect(refusal).toBe('forbidden');
        else expect(refusal === 'not_found').toBe(!mayActOnCase(a, f));
        if (refusal === 'forbidden') expect(hasAuthorityFor(a, t, f)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('every rule names only roles that may act on cases; `opened` and `handed_over` are never appended by a client', () => {
    for (const type of CASE_ACTION_TYPES) {
      const rule = CASE_ACTION_RULES[type as CaseActionType];
      if ('system' in rule) continue;
      for (const role of rule.roles) expect(scopeOf(role, 'case.act'), `${type} ${role}`).toBeDefined();
    }
    expect('system' in CASE_ACTION_RULES.opened && 'system' in CASE_ACTION_RULES.handed_over).toBe(true);
    for (const type of ['opened', 'handed_over']) expect(CaseActionInput.safeParse({ type, text: 'x' }).success).toBe(false);
  });

  it('an action whose rule requires reasons cannot be sent without them', () => {
    const samples: Record<string, object> = {
      identification_decided: { outcome: 'ActualVictimOfTrafficking' },
      identification_reviewed: { kind: 'review', outcome: 'ActualVictimOfTrafficking' },
      non_punishment_reviewed: { decision: 'penalties_waived' },
      referred: { toAgencyId: '00000000-0000-4000-8000-000000000000' },
    };
    for (const type of CASE_ACTION_TYPES) {
      const rule = CASE_ACTION_RULES[type as CaseActionType];
      if ('system' in rule) continue;
      const bare = { type, ...(samples[type] ?? {}) };
      expect(CaseActionInput.safeParse(bare).success, type).toBe(!rule.reasons);
      if (rule.reasons) expect(CaseActionInput.safeParse({ ...bare, text: '   ', reasons: '   ' }).success, `${type} blank`).toBe(false);
    }
  });

  it('the deciding organisation is derived for every agency type, and the client cannot set it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...AGENCY_TYPES), (type) => {
        expect(DECISION_ORGS).toContain(decisionOrgOf(type));
      }),
    );
    expect(decisionOrgOf('police')).toBe('Police');
    expect(decisionOrgOf('ngo')).toBe('NGO');
    expect(decisionOrgOf('shelter')).toBe('NGO');
    expect(decisionOrgOf('prosecutor')).toBe('CourtOrProsecution');
    expect(decisionOrgOf('court')).toBe('CourtOrProsecution');
    expect(decisionOrgOf('migration_service')).toBe('NonPoliceGovernmentalOrganization');
    expect(decisionOrgOf('no_such_type')).toBe('Other');
    const parsed = CaseActionInput.parse({
      type: 'identification_decided',
      outcome: 'ActualVictimOfTrafficking',
      reasons: 'r',
      decidedBy: 'CourtOrProsecution',
    });
    expect('decidedBy' in parsed).toBe(false);
  });
});
