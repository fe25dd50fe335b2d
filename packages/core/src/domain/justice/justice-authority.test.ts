import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../access/roles.ts';
import { CRIMINAL_STAGES, type CriminalStage } from './criminal-stage.ts';
import {
  allowedCriminalCaseActions,
  allowedRedressActions,
  CRIMINAL_CASE_ACTION_RULES,
  CRIMINAL_CASE_ACTIONS,
  criminalCaseRefusal,
  REDRESS_ACTIONS,
  redressRefusal,
} from './justice-authority.ts';

const PRETRIAL_ONLY = ['add_defendant', 'extend_deadline'] as const;

describe('criminal case actions', () => {
  it('the court clerk never takes a pre-trial action; record_outcome only in court stages, only by the clerk', () => {
    for (const stage of CRIMINAL_STAGES) {
      const clerk = allowedCriminalCaseActions({ role: 'court_clerk' }, { stage, mayAct: true });
      for (const a of PRETRIAL_ONLY) expect(clerk).not.toContain(a);
      expect(clerk).not.toContain('link_victim');
      expect(clerk).not.toContain('assign');
      const outcomeOk = criminalCaseRefusal({ role: 'court_clerk' }, 'record_outcome', { stage, mayAct: true }) === null;
      expect(outcomeOk).toBe(['first_instance_verdict', 'appeal', 'final'].includes(stage));
      for (const role of ['investigator', 'prosecutor'] as Role[]) {
        expect(criminalCaseRefusal({ role }, 'record_outcome', { stage, mayAct: true })).toBe('forbidden');
      }
    }
  });

  it('only the prosecutor assigns and extends the deadline, and the deadline only before court', () => {
    expect(criminalCaseRefusal({ role: 'investigator' }, 'assign', { stage: 'investigation', mayAct: true })).toBe('forbidden');
    expect(criminalCaseRefusal({ role: 'prosecutor' }, 'assign', { stage: 'investigation', mayAct: true })).toBeNull();
    expect(criminalCaseRefusal({ role: 'prosecutor' }, 'extend_deadline', { stage: 'sent_to_court', mayAct: true })).toBe('invalid_transition');
    expect(criminalCaseRefusal({ role: 'prosecutor' }, 'extend_deadline', { stage: 'suspended', mayAct: true })).toBeNull();
  });

  it('a closed case takes no stage change; a measure may still be decided after the verdict', () => {
    for (const role of ROLES) {
      expect(allowedCriminalCaseActions({ role }, { stage: 'final', mayAct: true })).not.toContain('change_stage');
      expect(allowedCriminalCaseActions({ role }, { stage: 'terminated', mayAct: true })).not.toContain('link_victim');
    }
    expect(allowedCriminalCaseActions({ role: 'prosecutor' }, { stage: 'final', mayAct: true })).toEqual(['decide_measure']);
  });

  it('property: outside the act scope nothing is allowed; allowed actions are exactly the table’s', () => {
    fc.assert(
      fc.property(fc.constantFrom<Role>(...ROLES), fc.constantFrom<CriminalStage>(...CRIMINAL_STAGES), fc.boolean(), (role, stage, mayAct) => {
        const allowed = allowedCriminalCaseActions({ role }, { stage, mayAct });
        if (!mayAct) expect(allowed).toEqual([]);
        for (const a of CRIMINAL_CASE_ACTIONS) {
          const rule = CRIMINAL_CASE_ACTION_RULES[a];
          const expected = mayAct && (rule.roles as readonly Role[]).includes(role) && (rule.stages as readonly CriminalStage[]).includes(stage);
          expect(allowed.includes(a)).toBe(expected);
        }
      }),
    );
  });
});

describe('redress actions', () => {
  it('awards are the court’s record; legal services only the lawyer’s; nothing outside the act scope', () => {
    expect(redressRefusal({ role: 'court_clerk' }, 'record_award', { mayAct: true })).toBeNull();
    expect(redressRefusal({ role: 'prosecutor' }, 'record_award', { mayAct: true })).toBe('forbidden');
    expect(redressRefusal({ role: 'lawyer' }, 'record_legal_service', { mayAct: true })).toBeNull();
    expect(redressRefusal({ role: 'case_worker' }, 'record_legal_service', { mayAct: true })).toBe('forbidden');
    expect(allowedRedressActions({ role: 'court_clerk' }, { mayAct: true })).toEqual(['record_award']);
    for (const role of ROLES) expect(allowedRedressActions({ role }, { mayAct: false })).toEqual([]);
    expect(allowedRedressActions({ role: 'lawyer' }, { mayAct: true })).toEqual(
      REDRESS_ACTIONS.filter((a) => ['record_informed', 'file_claim', 'record_payment', 'end_assignment', 'record_legal_service'].includes(a)),
    );
  });
});
