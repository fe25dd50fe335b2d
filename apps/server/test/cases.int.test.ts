import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../src/db/schema.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, personBody, type Session, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

describeEachDb('cases', (kind) => {
  let t: TestApp;
  let officer: Session;
  let personId: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    officer = await t.as('identification_officer', { regions: ['KZ-75'] });
    personId = (await officer.inject({ method: 'POST', url: '/api/v1/persons', payload: personBody() })).json().id;
  });
  afterAll(() => t.close());

  const openCase = async () =>
    (
      await officer.inject({
        method: 'POST',
        url: '/api/v1/cases',
        payload: { clientId: randomUUID(), personId, regionCode: 'KZ-75', exploitationTypes: ['ForcedLabour'], narrative: 'Met at a construction site' },
      })
    ).json();
  const caseReads = async (id: string) =>
    (
      await t.deps.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.recordId, id), eq(auditLog.operation, 'case.read')))
    ).length;
  const act = (caseId: string, action: object, clientId = randomUUID()) =>
    officer.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/actions`, payload: { clientId, action } });

  it('opens a case whose status is derived from its history', async () => {
    const c = await openCase();
    expect(c.reference).toMatch(/^QRG-\d{4}-\d{6}$/);
    expect(c.status).toBe('open');
    expect(c.traffickingStatus).toBe('PossibleVictimOfTrafficking');
    expect(c.actions).toHaveLength(1);
    expect(c.actions[0]).toMatchObject({ type: 'opened', text: 'Met at a construction site' });
    const decided = await act(c.id, { type: 'identification_decided', outcome: 'ActualVictimOfTrafficking', reasons: 'Documents withheld' });
    expect(decided.statusCode).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'identified', traffickingStatus: 'ActualVictimOfTrafficking' });
    expect(decided.json().actions.map((a: { type: string }) => a.type)).toEqual(['opened', 'identification_decided']);
  });

  it('refuses an action the status does not allow, and changes nothing', async () => {
    const c = await openCase();
    const res = await act(c.id, { type: 'reopened', text: 'why' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('invalid_transition');
    const again = (await officer.inject({ method: 'GET', url: `/api/v1/cases/${c.id}` })).json();
    expect(again.actions).toHaveLength(1);
  });

  it('a replayed action is applied once', async () => {
    const c = await openCase();
    const clientId = randomUUID();
    await act(c.id, { type: 'note_added', text: 'first' }, clientId);
    const second = await act(c.id, { type: 'note_added', text: 'first' }, clientId);
    expect(second.json().actions).toHaveLength(2);
  });

  it('concurrent actions on one case are serialised, none lost', async () => {
    const c = await openCase();
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => act(c.id, { type: 'note_added', text: `note ${i}` })));
    expect(results.every((r) => r.statusCode === 200)).toBe(true);
    const final = (await officer.inject({ method: 'GET', url: `/api/v1/cases/${c.id}` })).json();
    expect(final.actions.map((a: { seq: number }) => a.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('lists and filters cases, and finds them by a person name in another script', async () => {
    const c = await openCase();
    const list = await officer.inject({ method: 'GET', url: '/api/v1/cases?status=open&q=Aigerim' });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { id: string }) => i.id)).toContain(c.id);
    expect(list.json().items.every((i: { status: string }) => i.status === 'open')).toBe(true);
  });

  it('an officer of another region cannot see or act on the case', async () => {
    const c = await openCase();
    const other = await t.as('identification_officer', { regions: ['KZ-71'] });
    const readsBefore = await caseReads(c.id);
    expect((await other.inject({ method: 'GET', url: `/api/v1/cases/${c.id}` })).statusCode).toBe(404);
    // A read that found nothing visible leaves no audit entry; a visible read leaves exactly one.
    expect(await caseReads(c.id)).toBe(readsBefore);
    await officer.inject({ method: 'GET', url: `/api/v1/cases/${c.id}` });
    expect(await caseReads(c.id)).toBe(readsBefore + 1);
    const res = await other.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/actions`,
      payload: { clientId: randomUUID(), action: { type: 'note_added', text: 'x' } },
    });
    expect(res.statusCode).toBe(404);
  });

  it("the overview counts cases by status within the viewer's scope", async () => {
    const c = await openCase();
    await act(c.id, { type: 'closed', text: 'done' });
    const overview = (await officer.inject({ method: 'GET', url: '/api/v1/cases/overview' })).json();
    const list = (status: string) => officer.inject({ method: 'GET', url: `/api/v1/cases?status=${status}&pageSize=1` }).then((r) => r.json().total);
    expect(overview.byStatus.closed).toBe(await list('closed'));
    expect(overview.byStatus.open).toBe(await list('open'));
    expect(overview.byStatus.closed).toBeGreaterThanOrEqual(1);
    const elsewhere = await t.as('identification_officer', { regions: ['KZ-71'] });
    expect((await elsewhere.inject({ method: 'GET', url: '/api/v1/cases/overview' })).json().total).toBe(0);
  });

  it('identification records what the assessment found, and an appeal can overturn the decision', async () => {
    const c = await openCase();
    const decided = await act(c.id, {
      type: 'identification_decided',
      outcome: 'NotAVictimOfTrafficking',
      reasons: 'No indicators confirmed at interview',
      exploitationTypes: ['ForcedLabour', 'ForcedCriminality'],
      methodsOfControl: ['RestrictsMovement'],
      forcedLabourIndustries: ['A'],
      countriesOfExploitation: ['KZ'],
      perpetrators: ['business_employer', 'individual_recruiter'],
    });
    expect(decided.statusCode).toBe(200);
    expect(decided.json().exploitationTypes).toEqual(['ForcedLabour', 'ForcedCriminality']);
    const entry = decided.json().actions.at(-1);
    expect(entry.details).toMatchObject({
      outcome: 'NotAVictimOfTrafficking',
      methodsOfControl: ['RestrictsMovement'],
      forcedLabourIndustries: ['A'],
      perpetrators: ['business_employer', 'individual_recruiter'],
    });
    const appeal = await act(c.id, { type: 'identification_reviewed', kind: 'appeal', outcome: 'ActualVictimOfTrafficking', reasons: 'Court found coercion' });
    expect(appeal.json()).toMatchObject({ status: 'identified', traffickingStatus: 'ActualVictimOfTrafficking' });
    const missingReasons = await act(c.id, { type: 'identification_reviewed', kind: 'review', outcome: 'NotAVictimOfTrafficking' });
    expect(missingReasons.statusCode).toBe(400);
    expect(missingReasons.json().error.fields.map((f: { path: string }) => f.path)).toContain('action.reasons');
  });

  it("a non-punishment flag lands in the prosecutors' queue until a prosecutor reviews it", async () => {
    const c = await openCase();
    expect(
      (await act(c.id, { type: 'non_punishment_flagged', text: "Charged with illegal border crossing while under the traffickers' control" })).statusCode,
    ).toBe(200);
    const prosecutor = await t.as('prosecutor', { regions: ['KZ-75'] });
    const queue = async () =>
      (await prosecutor.inject({ method: 'GET', url: '/api/v1/cases?queue=non_punishment&pageSize=100' })).json().items.map((i: { id: string }) => i.id);
    expect(await queue()).toContain(c.id);
    expect((await act(c.id, { type: 'non_punishment_flagged', text: 'again' })).statusCode).toBe(409);
    const reviewed = await prosecutor.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/actions`,
      payload: { clientId: randomUUID(), action: { type: 'non_punishment_reviewed', decision: 'penalties_waived', text: 'Art. 128 victim: no penalty' } },
    });
    expect(reviewed.statusCode).toBe(200);
    expect(await queue()).not.toContain(c.id);
  });

  describe('authority per action (issue #8)', () => {
    let unit: string;
    let unitOfficer: Session;
    beforeAll(async () => {
      unit = await t.createAgency({ type: 'police', regionCode: 'KZ-75', name: 'Anti-trafficking unit' });
      unitOfficer = await t.as('identification_officer', { agencyId: unit, regions: ['KZ-75'] });
    });
    const actAs = (s: Session, caseId: string, action: object) =>
      s.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/actions`, payload: { clientId: randomUUID(), action } });
    const decide = { type: 'identification_decided', outcome: 'ActualVictimOfTrafficking', reasons: 'Interview and assessment' };
    const screenAs = async (s: Session, setting = 'farm') =>
      (
        await s.inject({
          method: 'POST',
          url: '/api/v1/screenings',
          payload: {
            clientId: randomUUID(),
            encounterDate: '2026-11-20',
            regionCode: 'KZ-75',
            setting,
            language: 'kk',
            interpreterUsed: false,
            observed: ['short_form.documents_withheld', 'short_form.wages_withheld'],
            ageYears: 34,
            gender: 'Feminine',
            citizenship: 'UZ',
            exploitationTypes: ['ForcedLabour'],
            consent: 'identified',
            person: { firstName: 'Dilnoza', secondName: 'Gʻulomova', birthdate: '1992-05-01' },
          },
        })
      ).json();
    const caseOf = async (s: Session, id: string) => (await s.inject({ method: 'GET', url: `/api/v1/cases/${id}` })).json();
    const forbidden = (res: { statusCode: number; json(): { error: { code: string } } }) => {
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    };

    it('a labour inspector cannot decide identification on a case she screened (403), may annotate it, and is not offered a decision', async () => {
      const inspector = await t.as('screener', { agencyId: await t.createAgency({ type: 'labour_inspectorate' }), regions: ['KZ-75'] });
      const s = await screenAs(inspector);
      forbidden(await actAs(inspector, s.caseId, decide));
      expect((await caseOf(inspector, s.caseId)).actions.map((a: { type: string }) => a.type)).toEqual(['opened']);
      expect((await actAs(inspector, s.caseId, { type: 'note_added', text: 'Called back' })).statusCode).toBe(200);
      expect((await caseOf(inspector, s.caseId)).allowedActions).toEqual(['note_added', 'non_punishment_flagged']);
      // After the handover, the holding unit's officer decides; the organisation is the unit's.
      await inspector.inject({ method: 'POST', url: `/api/v1/screenings/${s.id}/handover`, payload: { toAgencyId: unit } });
      expect((await caseOf(unitOfficer, s.caseId)).allowedActions).toContain('identification_decided');
      const decided = await actAs(unitOfficer, s.caseId, decide);
      expect(decided.statusCode).toBe(200);
      expect(decided.json().actions.at(-1)).toMatchObject({ type: 'identification_decided', details: { decidedBy: 'Police' } });
    });

    it('an NGO case worker cannot record an identification decision, review or appeal, nor a non-punishment review', async () => {
      const ngo = await t.createAgency({ type: 'ngo' });
      const worker = await t.as('case_worker', { agencyId: ngo, regions: ['KZ-75'] });
      const pid = (await worker.inject({ method: 'POST', url: '/api/v1/persons', payload: personBody() })).json().id;
      const c = (
        await worker.inject({
          method: 'POST',
          url: '/api/v1/cases',
          payload: { clientId: randomUUID(), personId: pid, regionCode: 'KZ-75', exploitationTypes: [] },
        })
      ).json();
      forbidden(await actAs(worker, c.id, decide));
      forbidden(await actAs(worker, c.id, { type: 'identification_reviewed', kind: 'appeal', outcome: 'ActualVictimOfTrafficking', reasons: 'Appeal' }));
      expect((await actAs(worker, c.id, { type: 'non_punishment_flagged', text: 'Fined for begging' })).statusCode).toBe(200);
      forbidden(await actAs(worker, c.id, { type: 'non_punishment_reviewed', decision: 'penalties_waived', text: 'No penalty' }));
      const allowed = (await caseOf(worker, c.id)).allowedActions;
      expect(allowed).toEqual(expect.arrayContaining(['note_added', 'referred', 'closed']));
      for (const type of ['identification_decided', 'identification_reviewed', 'non_punishment_reviewed', 'deportation_hold_lifted'])
        expect(allowed).not.toContain(type);
      // The shelter manager of a shelter holding a case cannot decide it either.
      const shelter = await t.createAgency({ type: 'shelter' });
      const shelterWorker = await t.as('case_worker', { agencyId: shelter, regions: ['KZ-75'] });
      const spid = (await shelterWorker.inject({ method: 'POST', url: '/api/v1/persons', payload: personBody() })).json().id;
      const sc = (
        await shelterWorker.inject({
          method: 'POST',
          url: '/api/v1/cases',
          payload: { clientId: randomUUID(), personId: spid, regionCode: 'KZ-75', exploitationTypes: [] },
        })
      ).json();
      const manager = await t.as('shelter_manager', { agencyId: shelter, regions: ['KZ-75'] });
      forbidden(await actAs(manager, sc.id, decide));
      expect((await caseOf(manager, sc.id)).allowedActions).toEqual(['note_added']);
    });

    it('the migration officer who screened before deportation cannot lift the hold; an identification officer can, with reasons, even after a referral', async () => {
      const migration = await t.as('screener', { agencyId: await t.createAgency({ type: 'migration_service' }), regions: ['KZ-75'] });
      const s = await screenAs(migration, 'pre_deportation');
      expect((await caseOf(migration, s.caseId)).allowedActions).not.toContain('deportation_hold_lifted');
      forbidden(await actAs(migration, s.caseId, { type: 'deportation_hold_lifted', text: 'Removal can go ahead' }));
      await migration.inject({ method: 'POST', url: `/api/v1/screenings/${s.id}/handover`, payload: { toAgencyId: unit } });
      // A referral is not a dead end: the case is referred, then decided and the hold lifted.
      expect((await actAs(unitOfficer, s.caseId, { type: 'referred', toAgencyId: unit, text: 'Shelter place' })).statusCode).toBe(200);
      expect((await caseOf(unitOfficer, s.caseId)).allowedActions).toEqual(expect.arrayContaining(['identification_decided', 'deportation_hold_lifted']));
      const decided = await actAs(unitOfficer, s.caseId, decide);
      expect(decided.json()).toMatchObject({ status: 'referred', traffickingStatus: 'ActualVictimOfTrafficking' });
      const noReasons = await actAs(unitOfficer, s.caseId, { type: 'deportation_hold_lifted' });
      expect(noReasons.statusCode).toBe(400);
      expect(noReasons.json().error.fields.map((f: { path: string }) => f.path)).toContain('action.text');
      const lifted = await actAs(unitOfficer, s.caseId, { type: 'deportation_hold_lifted', text: 'Identified as a victim: removal stopped for good' });
      expect(lifted.statusCode).toBe(200);
      expect(lifted.json().actions.map((a: { type: string }) => a.type)).toEqual([
        'opened',
        'deportation_hold',
        'handed_over',
        'referred',
        'identification_decided',
        'deportation_hold_lifted',
      ]);
    });

    it("decidedBy is derived from the deciding officer's agency; a value the client sends is ignored", async () => {
      const c = await openCase();
      const res = await act(c.id, { ...decide, decidedBy: 'CourtOrProsecution' });
      expect(res.statusCode).toBe(200);
      // `officer` works for an accredited NGO (the test app's default agency type).
      expect(res.json().actions.at(-1).details.decidedBy).toBe('NGO');
      const [entry] = await t.deps.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.recordId, c.id), eq(auditLog.operation, 'case.action_appended')));
      expect(entry?.details).toMatchObject({ type: 'identification_decided', decidedBy: 'NGO' });
    });

    it('a prosecutor or an officer of another unit in the region may act on the case but not decide it (403); out of scope it is 404', async () => {
      const c = await openCase();
      const prosecutor = await t.as('prosecutor', { regions: ['KZ-75'] });
      forbidden(await actAs(prosecutor, c.id, decide));
      forbidden(await actAs(unitOfficer, c.id, decide));
      expect((await actAs(unitOfficer, c.id, { type: 'note_added', text: 'Seen' })).statusCode).toBe(200);
      const elsewhere = await t.as('identification_officer', { regions: ['KZ-71'] });
      const out = await actAs(elsewhere, c.id, decide);
      expect(out.statusCode).toBe(404);
      expect(out.json().error.code).toBe('not_found');
      // A role that never decides identification is refused before the case is looked up: the
      // same 403 for a case out of scope or one that does not exist, so it tells nothing.
      const farShelter = await t.as('shelter_manager', { regions: ['KZ-71'] });
      forbidden(await actAs(farShelter, c.id, decide));
      forbidden(await actAs(farShelter, randomUUID(), decide));
    });
  });
});
