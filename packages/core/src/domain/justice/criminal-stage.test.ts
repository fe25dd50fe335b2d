import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../access/roles.ts';
import { fromDayNumber, toDayNumber } from '../calendar/civil-date.ts';
import {
  allowedStages,
  canMoveStage,
  CLOSED_STAGES,
  CRIMINAL_STAGES,
  type CriminalStage,
  isClosedStage,
  proceedingsFactsOf,
  reasonList,
  roleEntersStage,
  STAGE_RULES,
  stageMoveIssue,
  SUSPENSION_REASONS,
  TERMINATION_REASONS,
} from './criminal-stage.ts';

const stageArb = fc.constantFrom(...CRIMINAL_STAGES);
const dateArb = fc.integer({ min: toDayNumber('2015-01-01'), max: toDayNumber('2030-12-31') }).map(fromDayNumber);
const reasonFor = (to: CriminalStage) => reasonList(to)?.[0];

/** Every stage reachable from `registered` by any sequence of allowed moves (any role). */
function reachable(): Set<CriminalStage> {
  const seen = new Set<CriminalStage>(['registered']);
  const queue: CriminalStage[] = ['registered'];
  while (queue.length) {
    const from = queue.shift() as CriminalStage;
    for (const to of CRIMINAL_STAGES)
      if (canMoveStage(from, to) && !seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
  }
  return seen;
}

describe('STAGE_RULES', () => {
  it('registered is entered only by registration; every other stage is reachable from it', () => {
    expect(STAGE_RULES.registered.from).toEqual([]);
    expect([...reachable()].sort()).toEqual([...CRIMINAL_STAGES].sort());
  });

  it('closed stages have no exits', () => {
    for (const closed of CLOSED_STAGES) for (const to of CRIMINAL_STAGES) expect(canMoveStage(closed, to)).toBe(false);
    expect(isClosedStage('final')).toBe(true);
    expect(isClosedStage('suspended')).toBe(false);
  });

  it('the court stages are the clerk’s; sending to court is the prosecutor’s, never the investigator’s', () => {
    expect(roleEntersStage('court_clerk', 'first_instance_verdict')).toBe(true);
    expect(roleEntersStage('prosecutor', 'first_instance_verdict')).toBe(false);
    expect(roleEntersStage('investigator', 'sent_to_court')).toBe(false);
    expect(roleEntersStage('prosecutor', 'sent_to_court')).toBe(true);
    expect(allowedStages('investigator', 'registered')).toEqual(['investigation', 'suspended', 'terminated']);
    expect(allowedStages('court_clerk', 'registered')).toEqual(['terminated']);
    expect(allowedStages('court_clerk', 'first_instance_verdict')).toEqual(['appeal', 'final']);
    for (const role of ROLES) expect(allowedStages(role, 'final')).toEqual([]);
  });

  it('only suspension and termination take a reason, each from its own list', () => {
    expect(reasonList('suspended')).toEqual(SUSPENSION_REASONS);
    expect(reasonList('terminated')).toEqual(TERMINATION_REASONS);
    for (const s of CRIMINAL_STAGES.filter((s) => s !== 'suspended' && s !== 'terminated')) expect(reasonList(s)).toBeNull();
  });

  it('property: a random walk from registered reaches final only through sent_to_court and a verdict; nothing leaves a closed stage', () => {
    let finals = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.nat(), fc.constantFrom<Role>(...ROLES), stageArb), { maxLength: 60 }), (steps) => {
        let stage: CriminalStage = 'registered';
        const path: CriminalStage[] = [stage];
        for (const [legal, pick, anyRole, anyStage] of steps) {
          // Half the steps take a move some role may make now (so walks do reach the end), half anything at all.
          const all = ROLES.flatMap((r) => allowedStages(r, stage).map((to) => [r, to] as const));
          // Mostly forward (a termination or suspension at every step would end nearly every walk early).
          const forward = all.filter(([, to]) => to !== 'terminated' && to !== 'suspended');
          const moves = pick % 4 !== 0 && forward.length ? forward : all;
          const [role, to] = legal && moves.length ? (moves[pick % moves.length] as readonly [Role, CriminalStage]) : ([anyRole, anyStage] as const);
          const issue = stageMoveIssue(role, { stage, stageOn: '2020-01-01' }, { to, on: '2020-01-01', reason: reasonFor(to) }, '2020-01-01');
          if (isClosedStage(stage)) expect(issue).not.toBeNull();
          if (issue === null) {
            expect(canMoveStage(stage, to) && roleEntersStage(role, to)).toBe(true);
            stage = to;
            path.push(stage);
          }
        }
        if (stage === 'final') {
          finals++;
          expect(path).toContain('sent_to_court');
          expect(path).toContain('first_instance_verdict');
          expect(path.indexOf('sent_to_court')).toBeLessThan(path.lastIndexOf('first_instance_verdict'));
        }
        // Every stage after a closed one is that same closed stage (nothing moved on).
        const firstClosed = path.findIndex(isClosedStage);
        if (firstClosed >= 0) expect(path.slice(firstClosed + 1)).toEqual([]);
      }),
    );
    // The walks do reach the end, so the property about `final` was exercised.
    expect(finals).toBeGreaterThan(0);
  });
});

describe('stageMoveIssue', () => {
  const facts = { stage: 'investigation' as CriminalStage, stageOn: '2026-03-10' };
  const today = '2026-11-25';

  it('answers in order: forbidden, invalid_transition, reason, then dates', () => {
    expect(stageMoveIssue('court_clerk', facts, { to: 'investigation', on: '2026-04-01' }, today)).toEqual({ code: 'forbidden' });
    expect(stageMoveIssue('prosecutor', facts, { to: 'first_instance_verdict', on: '2026-04-01' }, today)).toEqual({ code: 'forbidden' });
    expect(stageMoveIssue('prosecutor', facts, { to: 'appeal', on: '2026-04-01' }, today)).toEqual({ code: 'forbidden' });
    expect(stageMoveIssue('court_clerk', facts, { to: 'first_instance_verdict', on: '2026-04-01' }, today)).toEqual({ code: 'invalid_transition' });
    expect(stageMoveIssue('prosecutor', facts, { to: 'suspended', on: '2026-04-01' }, today)).toEqual({ code: 'reason_required', field: 'reason' });
    expect(stageMoveIssue('prosecutor', facts, { to: 'suspended', on: '2026-04-01', reason: 'amnesty' }, today)).toEqual({
      code: 'invalid_reason',
      field: 'reason',
    });
    expect(stageMoveIssue('prosecutor', facts, { to: 'sent_to_court', on: '2026-04-01', reason: 'other' }, today)).toEqual({
      code: 'invalid_reason',
      field: 'reason',
    });
    expect(stageMoveIssue('prosecutor', facts, { to: 'sent_to_court', on: '2026-03-09' }, today)).toEqual({
      code: 'date_before_previous_stage',
      field: 'on',
      previousOn: '2026-03-10',
    });
    expect(stageMoveIssue('prosecutor', facts, { to: 'sent_to_court', on: '2026-11-26' }, today)).toEqual({ code: 'date_in_future', field: 'on' });
    expect(stageMoveIssue('prosecutor', facts, { to: 'sent_to_court', on: today }, today)).toBeNull();
  });

  it('property: refuses any date before the previous stage, accepts the same day and any day up to today', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 400 }), (stageOn, ahead, back) => {
        const base = toDayNumber(stageOn);
        const today = fromDayNumber(base + 400);
        const f = { stage: 'investigation' as CriminalStage, stageOn };
        const ok = stageMoveIssue('prosecutor', f, { to: 'sent_to_court', on: fromDayNumber(base + ahead) }, today);
        expect(ok).toBeNull();
        const early = stageMoveIssue('prosecutor', f, { to: 'sent_to_court', on: fromDayNumber(base - back) }, today);
        expect(early).toEqual({ code: 'date_before_previous_stage', field: 'on', previousOn: stageOn });
      }),
    );
  });
});

describe('proceedingsFactsOf', () => {
  it('is null without cases; open while any case is open (a suspended one too)', () => {
    expect(proceedingsFactsOf([])).toBeNull();
    expect(proceedingsFactsOf([{ stage: 'suspended', endedOn: null }])).toEqual({ open: true });
    expect(
      proceedingsFactsOf([
        { stage: 'final', endedOn: '2026-01-01' },
        { stage: 'appeal', endedOn: null },
      ]),
    ).toEqual({ open: true });
  });

  it('property: open iff any case is open; once all ended, final on the latest end', () => {
    const caseArb = fc.tuple(stageArb, dateArb).map(([stage, d]) => ({ stage, endedOn: isClosedStage(stage) ? d : null }));
    fc.assert(
      fc.property(fc.array(caseArb, { minLength: 1, maxLength: 8 }), (cases) => {
        const facts = proceedingsFactsOf(cases);
        const anyOpen = cases.some((c) => !isClosedStage(c.stage));
        expect(facts?.open).toBe(anyOpen);
        if (!anyOpen) {
          const latest = cases
            .map((c) => c.endedOn as string)
            .sort()
            .at(-1);
          expect(facts).toEqual({ open: false, finalOn: latest });
        }
      }),
    );
  });
});
