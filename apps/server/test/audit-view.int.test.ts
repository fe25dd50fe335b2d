import { randomUUID } from 'node:crypto';
import type { AuditEntry } from '@qorgau/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, personBody, type Session, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

type Page = { items: AuditEntry[]; total: number; page: number; pageSize: number };
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describeEachDb('the audit log as a reader sees it', (kind) => {
  let t: TestApp;
  let worker: Session;
  let coordinator: Session;
  let admin: Session;
  let caseId: string;
  let caseReference: string;
  let personId: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    worker = await t.as('case_worker');
    coordinator = await t.as('national_coordinator', { regions: 'national' });
    admin = await t.as('administrator', { regions: 'national' });
    personId = (await worker.inject({ method: 'POST', url: '/api/v1/persons', payload: personBody() })).json().id;
    const created = (
      await worker.inject({
        method: 'POST',
        url: '/api/v1/cases',
        payload: { clientId: randomUUID(), personId, regionCode: 'KZ-75', exploitationTypes: ['ForcedLabour'], narrative: 'Met at a construction site' },
      })
    ).json();
    caseId = created.id;
    caseReference = created.reference;
  });
  afterAll(() => t.close());

  const list = async (who: Session, query: string): Promise<Page> => {
    const res = await who.inject({ method: 'GET', url: `/api/v1/audit?${query}` });
    expect(res.statusCode).toBe(200);
    return res.json() as Page;
  };
  const displayNameOf = async (userId: string) =>
    (await t.deps.db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, userId), columns: { displayName: true } }))?.displayName;

  it('names the actor by display name and the case by its reference, linked for the coordinator who may open it', async () => {
    const page = await list(coordinator, `operation=case.created&actorId=${worker.user.id}`);
    const entry = page.items[0];
    expect(entry?.actorName).toBe(await displayNameOf(worker.user.id));
    expect(entry?.record).toEqual({ type: 'case', id: caseId, reference: caseReference, names: null, linkable: true });
    expect(caseReference).toMatch(/^QRG-\d{4}-\d{6}$/);
    // The person the case is for, resolved to her pseudonym (never her name), and linkable for the coordinator.
    const person = entry?.facts.find((f) => f.key === 'personId');
    expect(person).toMatchObject({ kind: 'record', record: { type: 'person', id: personId, linkable: true } });
    expect(person?.kind === 'record' && person.record.reference).toMatch(/\S/);
    expect(JSON.stringify(entry?.facts)).not.toContain(personBody().firstName);
  });

  it('the record filter takes the reference a reader sees, as well as the id', async () => {
    const byReference = await list(coordinator, `operation=case.created&recordId=${caseReference}`);
    expect(byReference.items.map((e) => e.recordId)).toEqual([caseId]);
    expect((await list(coordinator, `operation=case.created&recordId=QRG-1999-999999`)).items).toEqual([]);
  });

  it('the administrator reads the same entry with the reference but no link: she may not open cases or persons', async () => {
    const entry = (await list(admin, `operation=case.created&actorId=${worker.user.id}`)).items[0];
    expect(entry?.record).toMatchObject({ type: 'case', reference: caseReference, linkable: false });
    expect(entry?.facts.find((f) => f.key === 'personId')).toMatchObject({ record: { type: 'person', linkable: false } });
  });

  it('a case list is counted, not dumped; a change of account names the fields, translated by code', async () => {
    await coordinator.inject({ method: 'GET', url: '/api/v1/cases' });
    const listed = (await list(coordinator, `operation=case.list&actorId=${coordinator.user.id}`)).items[0];
    expect(listed?.facts.find((f) => f.key === 'shown')).toMatchObject({ kind: 'count' });
    expect(JSON.stringify(listed?.facts)).not.toMatch(UUID);

    const analyst = await t.createUser({ role: 'analyst' });
    expect((await admin.inject({ method: 'PATCH', url: `/api/v1/users/${analyst.id}`, payload: { displayName: 'Гүлнар Әбілова' } })).statusCode).toBe(200);
    const changed = (await list(admin, `operation=user.updated&actorId=${admin.user.id}`)).items[0];
    expect(changed?.record).toMatchObject({ type: 'user', id: analyst.id, reference: 'Гүлнар Әбілова', linkable: true });
    expect(changed?.facts).toContainEqual({ key: 'fields', kind: 'codes', group: 'auditLog.field', codes: ['displayName'] });
    // The coordinator does not manage users: the same record, not linked.
    const seenByCoordinator = (await list(coordinator, `operation=user.updated&actorId=${admin.user.id}`)).items[0];
    expect(seenByCoordinator?.record).toMatchObject({ reference: 'Гүлнар Әбілова', linkable: false });
  });

  it("reading the log records the reader's filter as facts, the filtered user resolved to a name", async () => {
    await list(coordinator, `operation=case.created&actorId=${worker.user.id}`);
    const read = (await list(coordinator, `operation=audit.read&actorId=${coordinator.user.id}`)).items.find((e) => e.facts.some((f) => f.key === 'actor'));
    expect(read?.facts).toContainEqual({ key: 'operation', kind: 'codes', group: 'audit.operation', codes: ['case.created'] });
    expect(read?.facts.find((f) => f.key === 'actor')).toMatchObject({
      kind: 'record',
      record: { type: 'user', reference: await displayNameOf(worker.user.id) },
    });
  });

  it('a refused attempt names the record probed by reference, and the denied summary names the user', async () => {
    const outsider = await t.as('case_worker');
    expect((await outsider.inject({ method: 'GET', url: `/api/v1/cases/${caseId}` })).statusCode).toBe(404);
    // The entry is written after the answer (so the answer's timing does not tell): wait for it.
    const deniedOf = async () => (await list(coordinator, `operation=access.denied&actorId=${outsider.user.id}`)).items;
    await expect.poll(async () => (await deniedOf()).length).toBe(1);
    const [denied] = await deniedOf();
    expect(denied?.record).toMatchObject({ type: 'case', reference: caseReference });
    expect(denied?.facts).toContainEqual({ key: 'request', kind: 'text', value: 'GET /api/v1/cases/:id' });
    const summary = (await coordinator.inject({ method: 'GET', url: '/api/v1/audit/denied?days=7' })).json() as {
      items: { actorId: string; actorName: string | null }[];
    };
    expect(summary.items.find((i) => i.actorId === outsider.user.id)?.actorName).toBe(await displayNameOf(outsider.user.id));
  });
});
