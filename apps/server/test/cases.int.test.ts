import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../src/db/schema.ts';
import { afterAll, beforeAll, expect, it } from 'vitest';
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
    (await t.deps.db.select().from(auditLog).where(and(eq(auditLog.recordId, id), eq(auditLog.operation, 'case.read')))).length;
  const act = (caseId: string, action: object, clientId = randomUUID()) =>
    officer.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/actions`, payload: { clientId, action } });

  it('opens a case whose status is derived from its history', async () => {
    const c = await openCase();
    expect(c.reference).toMatch(/^QRG-\d{4}-\d{6}$/);
    expect(c.status).toBe('open');
    expect(c.traffickingStatus).toBe('PossibleVictimOfTrafficking');
    expect(c.actions).toHaveLength(1);
    expect(c.actions[0]).toMatchObject({ type: 'opened', text: 'Met at a construction site' });
    const decided = await act(c.id, { type: 'identification_decided', outcome: 'ActualVictimOfTrafficking', decidedBy: 'Police', reasons: 'Documents withheld' });
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
    const res = await other.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/actions`, payload: { clientId: randomUUID(), action: { type: 'note_added', text: 'x' } } });
    expect(res.statusCode).toBe(404);
  });

  it('the overview counts cases by status within the viewer\'s scope', async () => {
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
      decidedBy: 'Police',
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
    expect(entry.details).toMatchObject({ outcome: 'NotAVictimOfTrafficking', methodsOfControl: ['RestrictsMovement'], forcedLabourIndustries: ['A'], perpetrators: ['business_employer', 'individual_recruiter'] });
    const appeal = await act(c.id, { type: 'identification_reviewed', kind: 'appeal', outcome: 'ActualVictimOfTrafficking', decidedBy: 'CourtOrProsecution', reasons: 'Court found coercion' });
    expect(appeal.json()).toMatchObject({ status: 'identified', traffickingStatus: 'ActualVictimOfTrafficking' });
    const missingReasons = await act(c.id, { type: 'identification_reviewed', kind: 'review', outcome: 'NotAVictimOfTrafficking', decidedBy: 'Police' });
    expect(missingReasons.statusCode).toBe(400);
    expect(missingReasons.json().error.fields.map((f: { path: string }) => f.path)).toContain('action.reasons');
  });

  it('a non-punishment flag lands in the prosecutors\' queue until a prosecutor reviews it', async () => {
    const c = await openCase();
    expect((await act(c.id, { type: 'non_punishment_flagged', text: 'Charged with illegal border crossing while under the traffickers\' control' })).statusCode).toBe(200);
    const prosecutor = await t.as('prosecutor', { regions: ['KZ-75'] });
    const queue = async () => (await prosecutor.inject({ method: 'GET', url: '/api/v1/cases?queue=non_punishment&pageSize=100' })).json().items.map((i: { id: string }) => i.id);
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
});
