import { randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINKAGE_KEYS_VERSION } from '@qorgau/core';
import { auditLog, linkageRuns, personLinkDecisions, personLinkProposals, persons } from '../src/db/schema.ts';
import { linkageJobFor } from '../src/modules/linkage/linkage-job.ts';
import { createTestApp, personBody, type Session, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

/** The same woman as police write her (Russian Cyrillic) and as an NGO writes her (Kazakh Latin, 2021). */
const POLICE_RU = { firstName: 'Айгерим', secondName: 'Сарсенова', middleName: 'Нурлановна', birthdate: '1998-03-14' };
const NGO_KK_LATN = { firstName: 'Aıgerım', secondName: 'Sarsenova', middleName: 'Nurlanqyzy', birthdate: '1998-03-14' };

describeEachDb('record linkage in the database', (kind) => {
  let t: TestApp;
  let officer: Session;
  let ngo: Session;
  let coordinator: Session;
  let policeRecord: { id: string };
  let ngoRecord: { id: string };
  const create = async (s: Session, body: Record<string, unknown>) => {
    const res = await s.inject({ method: 'POST', url: '/api/v1/persons', payload: personBody(body) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { id: string };
  };
  const overview = async () => (await coordinator.inject({ method: 'GET', url: '/api/v1/persons/overview' })).json() as { records: number; persons: number };
  const proposals = async (s: Session = officer) => (await s.inject({ method: 'GET', url: '/api/v1/linkage/proposals' })).json();
  const decide = (s: Session, personA: string, personB: string, decision: 'same' | 'different', clientId = randomUUID()) =>
    s.inject({ method: 'POST', url: '/api/v1/linkage/decisions', payload: { clientId, personA, personB, decision } });

  beforeAll(async () => {
    t = await createTestApp(kind);
    officer = await t.as('identification_officer', { agencyId: await t.createAgency({ type: 'police' }) });
    ngo = await t.as('case_worker', { agencyId: await t.createAgency({ type: 'ngo' }) });
    coordinator = await t.as('national_coordinator', { regions: 'national' });
    policeRecord = await create(officer, POLICE_RU);
  });
  afterAll(() => t.close());

  it('the NGO is not shown the police record at intake (minimal disclosure), yet the pair is proposed to the region’s reviewers', async () => {
    const probe = await ngo.inject({ method: 'POST', url: '/api/v1/persons/matches', payload: NGO_KK_LATN });
    expect(probe.json().candidates).toEqual([]);
    ngoRecord = await create(ngo, NGO_KK_LATN);
    const page = await proposals();
    const item = page.items.find(
      (p: { a: { id: string }; b: { id: string } }) => [p.a.id, p.b.id].sort().join() === [policeRecord.id, ngoRecord.id].sort().join(),
    );
    expect(item).toBeDefined();
    expect(item.probability).toBeGreaterThan(0.5);
    expect([item.a.displayName, item.b.displayName]).toEqual(expect.arrayContaining(['Сарсенова Айгерим Нурлановна', 'Sarsenova Aıgerım Nurlanqyzy']));
    expect((await ngo.inject({ method: 'GET', url: '/api/v1/linkage/proposals' })).statusCode).toBe(403);
  });

  it('stores only keyed hashes of the names: no linkage key or name index contains a name in any script', async () => {
    const [row] = await t.deps.db.select().from(persons).where(eq(persons.id, ngoRecord.id));
    expect(row?.linkageKeys.length).toBeGreaterThan(5);
    const stored = JSON.stringify([row?.linkageKeys, row?.nameIndex]).toLowerCase();
    for (const fragment of ['aigerim', 'aıgerım', 'sarsen', 'nurlan', 'айгерим']) expect(stored).not.toContain(fragment);
  });

  it('an officer whose region holds the police record sees it proposed at intake, scored with reasons', async () => {
    const res = await officer.inject({
      method: 'POST',
      url: '/api/v1/persons/matches',
      payload: { firstName: 'AIGERIM', secondName: 'SARSENOVA', birthdate: '1998-03-14' },
    });
    const candidates = res.json().candidates;
    // Both sightings are in this officer's region; they agree equally with the probe.
    expect(candidates.map((c: { person: { id: string } }) => c.person.id).sort()).toEqual([policeRecord.id, ngoRecord.id].sort());
    const top = candidates.find((c: { person: { id: string } }) => c.person.id === policeRecord.id);
    expect(top.decision).toBe('same');
    expect(top.reasons).toEqual(expect.arrayContaining(['all_name_parts', 'birthdate']));
    expect(top.explanation.find((e: { field: string }) => e.field === 'birthDate')).toMatchObject({ level: 'exact' });
    expect(top.explanation.find((e: { field: string }) => e.field === 'birthDate').weight).toBeGreaterThan(0);
  });

  it('the review screen shows both records side by side with the reasons for the score, and the read is audited', async () => {
    const id = (await proposals()).items[0].id as string;
    const res = await officer.inject({ method: 'GET', url: `/api/v1/linkage/proposals/${id}` });
    expect(res.statusCode).toBe(200);
    const detail = res.json();
    expect([detail.a.identity.firstName, detail.b.identity.firstName].sort()).toEqual(['Aıgerım', 'Айгерим'].sort());
    expect(detail.explanation.map((e: { field: string }) => e.field)).toEqual([
      'given',
      'family',
      'patronymic',
      'birthDate',
      'document',
      'sex',
      'citizenship',
      'contact',
      'place',
    ]);
    const [entry] = await t.deps.db.select().from(auditLog).where(eq(auditLog.operation, 'person.link_proposals_read')).orderBy(desc(auditLog.id)).limit(1);
    expect(entry?.details).toMatchObject({ proposal: id });
    expect(JSON.stringify(entry?.details)).not.toMatch(/Айгерим|Aıgerım|Sarsenova/);
  });

  it('confirmed, the woman is counted once; unmerged, twice; both records and every decision are kept', async () => {
    const before = await overview();
    expect(before.records).toBe(2);
    expect((await decide(officer, ngoRecord.id, policeRecord.id, 'same')).statusCode).toBe(200);
    expect(await overview()).toEqual({ records: 2, persons: 1 });
    expect((await proposals()).total).toBe(0);
    const links = (await officer.inject({ method: 'GET', url: `/api/v1/persons/${policeRecord.id}/links` })).json();
    expect(links.linked.map((p: { id: string }) => p.id)).toEqual([ngoRecord.id]);

    expect((await decide(officer, policeRecord.id, ngoRecord.id, 'different')).statusCode).toBe(200);
    expect(await overview()).toEqual({ records: 2, persons: 2 });
    for (const id of [policeRecord.id, ngoRecord.id]) expect((await officer.inject({ method: 'GET', url: `/api/v1/persons/${id}` })).statusCode).toBe(200);
    const history = await t.deps.db.select().from(personLinkDecisions).orderBy(personLinkDecisions.at);
    expect(history.map((d) => d.decision)).toEqual(['same', 'different']);
    const [audit] = await t.deps.db.select().from(auditLog).where(eq(auditLog.operation, 'person.link_decided')).orderBy(desc(auditLog.id)).limit(1);
    expect(audit).toMatchObject({ actorId: officer.user.id, details: { decision: 'different' } });
  });

  it('a decision is idempotent on its client id, refused for a record out of scope, and checked field by field', async () => {
    const clientId = randomUUID();
    await decide(officer, policeRecord.id, ngoRecord.id, 'same', clientId);
    await decide(officer, policeRecord.id, ngoRecord.id, 'same', clientId);
    expect((await t.deps.db.select().from(personLinkDecisions)).length).toBe(3);
    expect((await decide(officer, policeRecord.id, ngoRecord.id, 'different', clientId)).statusCode).toBe(409);
    expect((await t.deps.db.select().from(personLinkDecisions)).length).toBe(3);
    const elsewhere = await t.as('identification_officer', { regions: ['KZ-71'] });
    expect((await decide(elsewhere, policeRecord.id, ngoRecord.id, 'different')).statusCode).toBe(404);
    const self = await decide(officer, policeRecord.id, policeRecord.id, 'same');
    expect(self.statusCode).toBe(400);
    expect(self.json().error.fields).toEqual([expect.objectContaining({ path: 'personB', code: 'link_same_record' })]);
    expect(await overview()).toEqual({ records: 2, persons: 1 });
  });

  it('the application can add decisions but never change or remove one', async () => {
    await expect(t.deps.db.delete(personLinkDecisions)).rejects.toMatchObject({ cause: { code: '42501' } });
  });

  describe('the bulk job', () => {
    it('links every record, keeps human decisions over the model, and resumes a run its process abandoned', async () => {
      // Repeat sightings the intake step never saw: clear their proposals as if they predated linkage.
      const twinA = await create(ngo, { firstName: 'Гүлнар', secondName: 'Серікбаева', birthdate: '1990-07-01', identityNumber: '900701400123' });
      const twinB = await create(ngo, { firstName: 'GULNAR', secondName: 'SERIKBAEVA', birthdate: '1990-07-01', identityNumber: '900701400123' });
      const namesake = await create(ngo, { firstName: 'Гүлнар', secondName: 'Ахметова', birthdate: '1990-01-15' });
      await t.deps.db.delete(personLinkProposals).where(eq(personLinkProposals.status, 'open'));
      // A stale proposal the model no longer supports (same given name and year, nothing else) is dropped;
      // a decided one would stay.
      const [sa, sb] = [twinA.id, namesake.id].sort() as [string, string];
      await t.deps.db.insert(personLinkProposals).values({ personA: sa, personB: sb, modelDecision: 'review', score: 0, probability: 0.5, explanation: [] });
      await t.deps.db.execute(sql`DELETE FROM person_clusters`);
      // Keys made by an older key version (or lost) are recomputed, the name index with them.
      const [fresh] = await t.deps.db.select().from(persons).where(eq(persons.id, twinB.id));
      await t.deps.db.update(persons).set({ linkageKeys: [], nameIndex: [], linkageKeysVersion: 0 }).where(eq(persons.id, twinB.id));
      // Clusters are derived data: with them gone every record counts, until the job rebuilds them.
      expect((await overview()).persons).toBe(5);

      const job = linkageJobFor(t.deps);
      const started = await coordinator.inject({ method: 'POST', url: '/api/v1/linkage/runs' });
      expect(started.json().run).toMatchObject({ status: 'running' });
      await job.idle();
      const done = (await coordinator.inject({ method: 'GET', url: '/api/v1/linkage/runs/current' })).json().run;
      expect(done).toMatchObject({ status: 'done', phase: 'done' });
      expect(done.pairsScored).toBeGreaterThan(0);
      expect(await overview()).toEqual({ records: 5, persons: 3 });
      expect(
        await t.deps.db
          .select()
          .from(personLinkProposals)
          .where(and(eq(personLinkProposals.personA, sa), eq(personLinkProposals.personB, sb))),
      ).toEqual([]);
      const [rebuilt] = await t.deps.db.select().from(persons).where(eq(persons.id, twinB.id));
      expect([rebuilt?.linkageKeys.sort(), rebuilt?.nameIndex.sort(), rebuilt?.linkageKeysVersion]).toEqual([
        fresh?.linkageKeys.sort(),
        fresh?.nameIndex.sort(),
        LINKAGE_KEYS_VERSION,
      ]);
      const [pair] = await t.deps.db
        .select()
        .from(personLinkProposals)
        .where(and(eq(personLinkProposals.personA, [twinA.id, twinB.id].sort()[0]!), eq(personLinkProposals.personB, [twinA.id, twinB.id].sort()[1]!)));
      expect(pair?.modelDecision).toBe('same');

      // A run stopped half-way (its process died): it is taken over and finished.
      await t.deps.db.insert(linkageRuns).values({
        status: 'running',
        phase: 'pairs',
        total: 5,
        processed: 2,
        model: (await t.deps.db.select().from(linkageRuns))[0]?.model ?? null,
        heartbeatAt: new Date(Date.now() - 10 * 60_000),
      });
      await t.deps.db.execute(sql`DELETE FROM person_clusters`);
      const resumed = (await coordinator.inject({ method: 'GET', url: '/api/v1/linkage/runs/current' })).json().run;
      expect(resumed).toMatchObject({ status: 'running', phase: 'pairs', processed: 2 });
      await job.idle();
      expect((await coordinator.inject({ method: 'GET', url: '/api/v1/linkage/runs/current' })).json().run).toMatchObject({ status: 'done' });
      expect(await overview()).toEqual({ records: 5, persons: 3 });
    });

    it('is for the national coordinator: a reviewer cannot start it', async () => {
      expect((await officer.inject({ method: 'POST', url: '/api/v1/linkage/runs' })).statusCode).toBe(403);
    });
  });

  it("an officer's own 'different' at the duplicate check is kept as a decision and overrides the model", async () => {
    const before = await overview();
    const stranger = await t.as('case_worker', { regions: ['KZ-71'] });
    const hidden = await create(stranger, { regionCode: 'KZ-71', firstName: 'Zarina', secondName: 'Oralova' });
    const refused = await officer.inject({ method: 'POST', url: '/api/v1/persons', payload: personBody({ ...POLICE_RU, notSameAs: [hidden.id] }) });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([expect.objectContaining({ path: 'notSameAs' })]);
    expect((await overview()).records).toBe(before.records + 1); // only the stranger's record

    const namesake = await create(officer, { ...POLICE_RU, notSameAs: [policeRecord.id] });
    const [a, b] = [namesake.id, policeRecord.id].sort();
    const [decision] = await t.deps.db
      .select()
      .from(personLinkDecisions)
      .where(and(eq(personLinkDecisions.personA, a!), eq(personLinkDecisions.personB, b!)));
    expect(decision?.decision).toBe('different');
    // The model would join her to the NGO record, which a person tied to the police record: the cannot-link wins.
    expect(await overview()).toEqual({ records: before.records + 2, persons: before.persons + 2 });
  });

  it('two decisions on one cluster made at the same moment both count (clusters are rebuilt one at a time)', async () => {
    const sighting = (secondName: string) => create(officer, { firstName: 'Мадина', secondName, birthdate: '1987-09-21', middleName: 'Ержановна' });
    const [a, b, c] = [await sighting('Ержанова'), await sighting('Erzhanova'), await sighting('Yerzhanova')];
    const [r1, r2] = await Promise.all([decide(officer, a.id, b.id, 'same'), decide(officer, b.id, c.id, 'same')]);
    expect([r1.statusCode, r2.statusCode]).toEqual([200, 200]);
    const links = (await officer.inject({ method: 'GET', url: `/api/v1/persons/${a.id}/links` })).json();
    expect(links.linked.map((p: { id: string }) => p.id).sort()).toEqual([b.id, c.id].sort());
  });
});
