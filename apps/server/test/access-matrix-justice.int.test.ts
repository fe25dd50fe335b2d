import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  canAccessRecord,
  CRIMINAL_CASE_ACTION_RULES,
  CRIMINAL_CASE_ACTIONS,
  CRIMINAL_STAGES,
  criminalCaseRefusal,
  hasPermission,
  reasonList,
  roleMayTakeCriminalCaseAction,
  ROLES,
  STAGE_RULES,
  stageMoveIssue,
  type Actor,
  type CriminalCaseAction,
  type CriminalStage,
  REDRESS_ACTIONS,
  redressRefusal,
  roleMayTakeRedressAction,
  type RedressAction,
  type Role,
} from '@qorgau/core';
import { civilClaims, criminalCases, defendants, legalAidAssignments, persons, proceedingVictims, protectiveMeasures } from '../src/db/schema.ts';
import { defendantNameContext } from '../src/modules/justice/defendants.service.ts';
import { encryptPerson } from '../src/modules/persons/persons.service.ts';
import { createTestApp, type Session, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

const REGION = 'KZ-75';
const ELSEWHERE = 'KZ-71';
const TODAY = '2026-11-25';
const REGISTERED = '2026-01-10';
const STAGE_ON = '2026-06-01';

/** Where the acting user stands to the criminal case. */
type Position = 'owner' | 'region' | 'elsewhere';

const statusOf = (refusal: 'forbidden' | 'not_found' | 'invalid_transition' | null) =>
  refusal === 'forbidden' ? 403 : refusal === 'not_found' ? 404 : refusal === 'invalid_transition' ? 409 : 200;

/** The reason a reclassification names: the one the role's own step gives (core defendant rules). */
const chargeReason = (role: Role) =>
  role === 'court_clerk' ? 'reclassified_by_court' : role === 'investigator' ? 'reclassified_by_investigator' : 'reclassified_by_prosecutor';

/**
 * The generated action matrix of issue #11: every role, at the owning unit, elsewhere in the region
 * and in another region (and the national coordinator), takes every criminal-case action (and
 * enters every stage) on a case in a stage where the action applies and in one where it does not.
 * The expected status is what core decides (the route's permission, the role's rule in
 * CRIMINAL_CASE_ACTION_RULES, the read scope, the act scope, the stage, and for a stage move
 * STAGE_RULES via stageMoveIssue): the server must agree in every cell.
 */
describeEachDb('access matrix, justice: every criminal-case action as core decides', (kind) => {
  let t: TestApp;
  let unit: { id: string; agencyId: string };
  let far: { id: string; agencyId: string };
  let assignee: string;
  let victimPerson: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const clock = new Date(`${TODAY}T06:00:00Z`);
    t.deps.now = () => clock;
    unit = await t.createUser({ role: 'investigator', agencyId: await t.createAgency({ type: 'police', regionCode: REGION }), regions: [REGION] });
    far = await t.createUser({ role: 'investigator', agencyId: await t.createAgency({ type: 'police', regionCode: ELSEWHERE }), regions: [ELSEWHERE] });
    assignee = (await t.createUser({ role: 'investigator', agencyId: unit.agencyId, regions: [REGION] })).id;
    const row = encryptPerson(
      t.deps.cipher,
      { clientId: randomUUID(), firstName: 'Мадина', secondName: 'Әлиева', gender: 'Feminine', citizenship: 'KZ', regionCode: REGION },
      { createdBy: unit.id, ownerAgencyId: unit.agencyId },
    );
    await t.deps.db.insert(persons).values(row);
    victimPerson = row.id as string;
  });
  afterAll(() => t.close());

  /** A case owned by `owner` in `regionCode` at `stage`, with a defendant, a victim and a requested measure. */
  const caseAt = async (owner: { id: string; agencyId: string }, regionCode: string, stage: CriminalStage) => {
    const closed = stage === 'final' || stage === 'terminated';
    const [cc] = await t.deps.db
      .insert(criminalCases)
      .values({
        clientId: randomUUID(),
        erdrNumber: String(Math.floor(Math.random() * 1e15)).padStart(15, '0'),
        articles: ['128'],
        articlesVersion: '2014.1',
        regionCode,
        ownerAgencyId: owner.agencyId,
        createdBy: owner.id,
        stage,
        stageOn: STAGE_ON,
        stageReason: stage === 'suspended' ? 'suspect_absconded' : stage === 'terminated' ? 'insufficient_evidence' : null,
        registeredOn: REGISTERED,
        deadlineOn: '2026-12-01',
        endedOn: closed ? STAGE_ON : null,
      })
      .returning({ id: criminalCases.id });
    const id = cc!.id;
    const defendantId = randomUUID();
    await t.deps.db.insert(defendants).values({
      id: defendantId,
      clientId: randomUUID(),
      criminalCaseId: id,
      seq: 1,
      kind: 'individual',
      nameEnc: t.deps.cipher.encrypt('Серік Омаров', defendantNameContext(defendantId)),
      status: 'suspect',
      articles: ['128'],
      createdBy: owner.id,
    });
    const other = encryptPerson(
      t.deps.cipher,
      { clientId: randomUUID(), firstName: 'Гүлім', secondName: 'Сейітова', gender: 'Feminine', citizenship: 'KZ', regionCode: regionCode as 'KZ-75' },
      { createdBy: owner.id, ownerAgencyId: owner.agencyId },
    );
    await t.deps.db.insert(persons).values(other);
    const [v] = await t.deps.db
      .insert(proceedingVictims)
      .values({
        clientId: randomUUID(),
        criminalCaseId: id,
        personId: other.id as string,
        proceduralRole: 'victim',
        linkedOn: '2026-02-01',
        linkedBy: owner.id,
      })
      .returning({ id: proceedingVictims.id });
    const [m] = await t.deps.db
      .insert(protectiveMeasures)
      .values({
        clientId: randomUUID(),
        proceedingVictimId: v!.id,
        criminalCaseId: id,
        personId: other.id as string,
        measure: 'personal_security',
        status: 'requested',
        requestedOn: '2026-03-01',
        requestedBy: owner.id,
      })
      .returning({ id: protectiveMeasures.id });
    return { id, defendantId, victimId: v!.id, measureId: m!.id };
  };

  type Fixture = Awaited<ReturnType<typeof caseAt>>;
  /** The route and a valid body of each action (the stage move is tested per target stage below). */
  const ROUTE: Record<Exclude<CriminalCaseAction, 'change_stage'>, (f: Fixture, role: Role) => [string, object]> = {
    assign: () => ['assign', { investigatorId: assignee }],
    extend_deadline: () => ['deadline', { until: '2027-03-01', note: 'Two more witnesses abroad' }],
    add_defendant: () => ['defendants', { kind: 'individual', name: 'Ерлан Қасымов', articles: ['128'] }],
    update_defendant: (f) => [`defendants/${f.defendantId}/update`, { status: 'accused' }],
    charge: (f, role) => [`defendants/${f.defendantId}/charge`, { articles: ['128', '125'], reason: chargeReason(role), on: TODAY }],
    record_outcome: (f) => [`defendants/${f.defendantId}/outcome`, { outcome: 'acquitted', on: TODAY }],
    link_victim: () => ['victims', { personId: victimPerson, proceduralRole: 'victim', linkedOn: TODAY }],
    update_victim: (f) => [`victims/${f.victimId}/update`, { participated: true }],
    record_interview: (f) => [
      `victims/${f.victimId}/interviews`,
      { heldOn: TODAY, place: 'shelter', videoRecorded: true, socialWorkerPresent: true, interpreterPresent: false },
    ],
    request_measure: (f) => [`victims/${f.victimId}/measures`, { measure: 'ppcp_programme', requestedOn: TODAY }],
    decide_measure: (f) => [`victims/${f.victimId}/measures/${f.measureId}/decision`, { decision: 'refused', on: TODAY }],
  };

  it('every role x position x action, in a stage that allows it and in one that does not; every stage entered from where it may be', async () => {
    const actors: { session: Session; actor: Actor; positions: readonly Position[] }[] = [];
    for (const role of ROLES) {
      const s = await t.as(role, { agencyId: await t.createAgency({ type: 'police', regionCode: REGION }), regions: [REGION] });
      actors.push({
        session: s,
        actor: { userId: s.user.id, role, agencyId: s.user.agencyId, jurisdiction: { national: false, regions: [REGION] } },
        positions: ['owner', 'region', 'elsewhere'],
      });
    }
    const coordinator = await t.as('national_coordinator', { regions: 'national' });
    actors.push({
      session: coordinator,
      actor: { userId: coordinator.user.id, role: 'national_coordinator', agencyId: coordinator.user.agencyId, jurisdiction: { national: true, regions: [] } },
      positions: ['region', 'elsewhere'],
    });

    const failures: string[] = [];
    const tally = new Set<number>();
    const taken = new Set<string>();
    const check = async (
      s: Session,
      actor: Actor,
      position: Position,
      label: string,
      stage: CriminalStage,
      run: (f: Fixture) => [string, object],
      expectOf: (readable: boolean, mayAct: boolean) => number,
    ) => {
      const owner = position === 'owner' ? { id: s.user.id, agencyId: s.user.agencyId } : position === 'region' ? unit : far;
      const regionCode = position === 'elsewhere' ? ELSEWHERE : REGION;
      const f = await caseAt(owner, regionCode, stage);
      const [path, body] = run(f);
      const res = await s.inject({ method: 'POST', url: `/api/v1/criminal-cases/${f.id}/${path}`, payload: { clientId: randomUUID(), ...body } });
      const facts = { createdBy: owner.id, ownerAgencyId: owner.agencyId, regionCode, assignedUserIds: [], creatorAccessEnded: false };
      const expected = expectOf(canAccessRecord(actor, 'criminal_case.read', facts), canAccessRecord(actor, 'criminal_case.act', facts));
      tally.add(res.statusCode);
      if (res.statusCode === 200) taken.add(label);
      if (res.statusCode !== expected)
        failures.push(`${actor.role} ${position} ${label} at ${stage}: ${res.statusCode}, core says ${expected} ${res.body.slice(0, 200)}`);
    };

    for (const { session: s, actor, positions } of actors) {
      const mayRoute = hasPermission(actor.role, 'criminal_case.act');
      for (const position of positions) {
        for (const action of CRIMINAL_CASE_ACTIONS) {
          if (action === 'change_stage') continue;
          const allowed = CRIMINAL_CASE_ACTION_RULES[action].stages as readonly CriminalStage[];
          const first = allowed.includes('investigation') ? 'investigation' : (allowed[0] as CriminalStage);
          const stages =
            !mayRoute || !roleMayTakeCriminalCaseAction(actor.role, action) ? [first] : [first, ...(allowed.includes('final') ? [] : (['final'] as const))];
          for (const stage of stages)
            await check(
              s,
              actor,
              position,
              action,
              stage,
              (f) => ROUTE[action](f, actor.role),
              (readable, mayAct) =>
                !mayRoute || !roleMayTakeCriminalCaseAction(actor.role, action)
                  ? 403
                  : !readable
                    ? 404
                    : statusOf(criminalCaseRefusal(actor, action, { stage, mayAct })),
            );
        }
        // Every stage, entered from the first stage it may be entered from, and a move out of a closed case.
        const moves: [CriminalStage, CriminalStage][] = CRIMINAL_STAGES.filter((to) => to !== 'registered').map((to) => [
          STAGE_RULES[to].from[0] as CriminalStage,
          to,
        ]);
        moves.push(['final', 'investigation']);
        if (!mayRoute) moves.splice(1);
        for (const [from, to] of moves) {
          const reason = reasonList(to)?.[0];
          await check(
            s,
            actor,
            position,
            `stage:${to}`,
            from,
            () => ['stage', { to, on: TODAY, ...(reason ? { reason } : {}) }],
            (readable, mayAct) => {
              if (!mayRoute || !roleMayTakeCriminalCaseAction(actor.role, 'change_stage')) return 403;
              if (!readable) return 404;
              const refusal = criminalCaseRefusal(actor, 'change_stage', { stage: from, mayAct });
              if (refusal) return statusOf(refusal);
              const issue = stageMoveIssue(actor.role, { stage: from, stageOn: STAGE_ON }, { to, on: TODAY, ...(reason ? { reason } : {}) }, TODAY);
              return issue === null ? 200 : issue.code === 'forbidden' ? 403 : issue.code === 'invalid_transition' ? 409 : 400;
            },
          );
        }
      }
    }
    expect(failures).toEqual([]);
    // Not vacuous: actions were taken, refused for the role, out of scope and in the wrong stage.
    expect([...tally].sort()).toEqual([200, 403, 404, 409]);
    expect([...taken].sort()).toEqual(
      [...CRIMINAL_CASE_ACTIONS.filter((a) => a !== 'change_stage'), ...CRIMINAL_STAGES.filter((s) => s !== 'registered').map((s) => `stage:${s}`)].sort(),
    );
  }, 600_000);
  it('every role x position x person-level redress action (compensation, a lawyer assigned): role first, then the read scope, then the act scope', async () => {
    const lawyer = await t.createUser({ role: 'lawyer', agencyId: await t.createAgency({ type: 'legal_aid', regionCode: REGION }), regions: [REGION] });
    type PersonPosition = Position | 'client';
    /** A person owned by `owner` in `regionCode`, with a claim filed and one awarded; her lawyer `clientOf` if given. */
    const personAt = async (owner: { id: string; agencyId: string }, regionCode: string, clientOf?: { id: string; agencyId: string }) => {
      const row = encryptPerson(
        t.deps.cipher,
        { clientId: randomUUID(), firstName: 'Жанар', secondName: 'Бекова', gender: 'Feminine', citizenship: 'KZ', regionCode: regionCode as 'KZ-75' },
        { createdBy: owner.id, ownerAgencyId: owner.agencyId },
      );
      await t.deps.db.insert(persons).values(row);
      const personId = row.id as string;
      const claim = (awarded: boolean) =>
        t.deps.db
          .insert(civilClaims)
          .values({
            clientId: randomUUID(),
            personId,
            mode: 'separate_civil',
            filedOn: '2026-06-01',
            claimedTenge: 300_000,
            ...(awarded ? { awardedTenge: 200_000, awardedOn: '2026-07-01' } : {}),
            filedBy: owner.id,
          })
          .returning({ id: civilClaims.id });
      const [filed] = await claim(false);
      const [awarded] = await claim(true);
      if (clientOf)
        await t.deps.db.insert(legalAidAssignments).values({
          clientId: randomUUID(),
          personId,
          lawyerId: clientOf.id,
          lawyerAgencyId: clientOf.agencyId,
          funding: 'state_legal_aid',
          assignedOn: '2026-06-02',
          assignedBy: owner.id,
        });
      return { personId, filedClaim: filed!.id, awardedClaim: awarded!.id };
    };
    const ACTIONS = ['record_informed', 'file_claim', 'record_award', 'record_payment', 'assign_lawyer'] as const satisfies readonly RedressAction[];
    const REQUEST: Record<(typeof ACTIONS)[number], (p: Awaited<ReturnType<typeof personAt>>) => [string, object]> = {
      record_informed: (p) => [`persons/${p.personId}/redress/informed`, { informedOn: TODAY, language: 'uz' }],
      file_claim: (p) => [`persons/${p.personId}/redress/claims`, { mode: 'separate_civil', filedOn: TODAY, claimedTenge: 100_000 }],
      record_award: (p) => [`persons/${p.personId}/redress/claims/${p.filedClaim}/award`, { awardedTenge: 50_000, awardedOn: TODAY }],
      record_payment: (p) => [`persons/${p.personId}/redress/claims/${p.awardedClaim}/payments`, { paidOn: TODAY, amountTenge: 1000, source: 'state_fund' }],
      assign_lawyer: (p) => [`persons/${p.personId}/legal-aid`, { lawyerId: lawyer.id, funding: 'pro_bono', assignedOn: TODAY }],
    };
    // Every redress action is in this matrix or, being a lawyer's own assignment's, in legal-aid.int.test.ts.
    expect(REDRESS_ACTIONS.filter((a) => !(ACTIONS as readonly string[]).includes(a)).sort()).toEqual(['end_assignment', 'record_legal_service']);

    const failures: string[] = [];
    const tally = new Set<number>();
    const taken = new Set<string>();
    const sessions: { s: Session; actor: Actor; positions: PersonPosition[] }[] = [];
    for (const role of ROLES) {
      const s = await t.as(role, { agencyId: await t.createAgency({ type: 'ngo', regionCode: REGION }), regions: [REGION] });
      const actor: Actor = { userId: s.user.id, role, agencyId: s.user.agencyId, jurisdiction: { national: false, regions: [REGION] } };
      sessions.push({ s, actor, positions: ['owner', 'region', 'elsewhere', ...(role === 'lawyer' ? (['client'] as const) : [])] });
    }
    const coordinator = await t.as('national_coordinator', { regions: 'national' });
    sessions.push({
      s: coordinator,
      actor: { userId: coordinator.user.id, role: 'national_coordinator', agencyId: coordinator.user.agencyId, jurisdiction: { national: true, regions: [] } },
      positions: ['region', 'elsewhere'],
    });
    for (const { s, actor, positions } of sessions) {
      for (const position of positions) {
        for (const action of ACTIONS) {
          const owner = position === 'owner' ? { id: s.user.id, agencyId: s.user.agencyId } : position === 'region' ? unit : far;
          const regionCode = position === 'owner' || position === 'region' ? REGION : ELSEWHERE;
          const p = await personAt(owner, regionCode, position === 'client' ? { id: s.user.id, agencyId: s.user.agencyId } : undefined);
          const [path, body] = REQUEST[action](p);
          const res = await s.inject({ method: 'POST', url: `/api/v1/${path}`, payload: { clientId: randomUUID(), ...body } });
          const facts = {
            createdBy: owner.id,
            ownerAgencyId: owner.agencyId,
            regionCode,
            assignedUserIds: position === 'client' ? [s.user.id] : [],
            creatorAccessEnded: false,
          };
          const expected =
            !hasPermission(actor.role, 'redress.act') || !roleMayTakeRedressAction(actor.role, action)
              ? 403
              : !canAccessRecord(actor, 'redress.read', facts)
                ? 404
                : redressRefusal(actor, action, { mayAct: canAccessRecord(actor, 'redress.act', facts) })
                  ? 403
                  : 200;
          tally.add(res.statusCode);
          if (res.statusCode === 200) taken.add(action);
          if (res.statusCode !== expected)
            failures.push(`${actor.role} ${position} ${action}: ${res.statusCode}, core says ${expected} ${res.body.slice(0, 200)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect([...tally].sort()).toEqual([200, 403, 404]);
    expect([...taken].sort()).toEqual([...ACTIONS].sort());
  }, 600_000);
});
