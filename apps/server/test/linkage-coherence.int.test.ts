/**
 * Issue #12 in the database: a name alone never links, clusters stay coherent (a chain through
 * weak links does not join records that contradict each other), refused pairs go to review, and
 * the bulk run keeps the register's name frequencies as keyed hashes and reports cluster sizes.
 */
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { linkageRuns, personClusters, personLinkProposals } from '../src/db/schema.ts';
import { normaliseRecord, scoreWithModel, type LinkageRecord } from '@qorgau/core';
import { linkageJobFor } from '../src/modules/linkage/linkage-job.ts';
import { startingModel } from '../src/modules/linkage/linkage-model.ts';
import { createTestApp, personBody, type Session, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

describeEachDb('coherent linkage', (kind) => {
  let t: TestApp;
  let officer: Session;
  let coordinator: Session;
  let chain = { x: '', z: '' };
  const create = async (body: Record<string, unknown>) => {
    const res = await officer.inject({ method: 'POST', url: '/api/v1/persons', payload: personBody(body) });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { id: string }).id;
  };
  /** The model's proposal on a pair (its decision and why it waits for a person), or nulls when it proposed nothing. */
  const proposal = async (a: string, b: string) => {
    const [personA = '', personB = ''] = [a, b].sort();
    const p = personLinkProposals;
    const [row] = await t.deps.db
      .select({ decision: p.modelDecision, reason: p.reviewReason })
      .from(p)
      .where(and(eq(p.personA, personA), eq(p.personB, personB)));
    return row ?? { decision: null, reason: null };
  };
  const proposalOf = async (a: string, b: string) => (await proposal(a, b)).decision;
  const reasonOf = async (a: string, b: string) => (await proposal(a, b)).reason;
  const clusterOf = async (id: string) =>
    (await t.deps.db.select({ c: personClusters.clusterId }).from(personClusters).where(eq(personClusters.personId, id)))[0]?.c ?? id;

  beforeAll(async () => {
    t = await createTestApp(kind);
    officer = await t.as('identification_officer', { agencyId: await t.createAgency({ type: 'police' }) });
    coordinator = await t.as('national_coordinator', { regions: 'national' });
  });
  afterAll(() => t.close());

  it('two records sharing only a name (no birth date, no document) are proposed for review, never counted as one person', async () => {
    const before = (await coordinator.inject({ method: 'GET', url: '/api/v1/persons/overview' })).json() as { persons: number };
    const a = await create({ firstName: 'Гүлнар', secondName: 'Ахметова', birthdate: undefined });
    const b = await create({ firstName: 'GULNAR', secondName: 'AKHMETOVA', birthdate: undefined });
    expect(await proposalOf(a, b)).toBe('review');
    expect(await reasonOf(a, b)).toBe('evidence');
    expect(await clusterOf(a)).not.toBe(await clusterOf(b));
    const after = (await coordinator.inject({ method: 'GET', url: '/api/v1/persons/overview' })).json() as { persons: number };
    expect(after.persons - before.persons).toBe(2);
  });

  it('a chain through weak links does not join records that contradict each other: the refused pair goes to review', async () => {
    // x and y share a name and a telephone; y and z a name and a passport number; x and z
    // contradict each other (birth date and sex): a chain, but not one person.
    const x = await create({ firstName: 'Дина', secondName: 'Омарова', birthdate: '1996-02-11', mobilePhone: '+77015550101' });
    const y = await create({ firstName: 'Dina', secondName: 'Omarova', birthdate: undefined, mobilePhone: '87015550101', identityNumber: 'N0447123' });
    expect(await proposalOf(x, y)).toBe('same');
    expect(await clusterOf(x)).toBe(await clusterOf(y));
    const z = await create({
      firstName: 'Dina',
      secondName: 'Omarova',
      birthdate: '1979-09-30',
      gender: 'Masculine',
      identityDocumentType: 'passport',
      identityNumber: 'N0447123',
    });
    chain = { x, z };
    // The model alone (the starting model: no run yet) calls y and z the same person; x and z contradict each other.
    const model = startingModel();
    const as = (id: string, r: Omit<LinkageRecord, 'id'>) => normaliseRecord({ id, sex: 'F', citizenship: 'KZ', ...r });
    const [ny, nz] = [
      as(y, { givenName: 'Dina', familyName: 'Omarova', contact: '87015550101', documentNumber: 'N0447123' }),
      as(z, { givenName: 'Dina', familyName: 'Omarova', birthDate: '1979-09-30', documentNumber: 'N0447123', sex: 'M' }),
    ];
    expect(scoreWithModel(ny, nz, model).decision).toBe('same');
    // Clustering kept x with y (the stronger link) and refused z: the refused pair is now a person's to decide.
    expect(await clusterOf(x)).toBe(await clusterOf(y));
    expect(await clusterOf(z)).not.toBe(await clusterOf(y));
    expect(await proposalOf(y, z)).toBe('review');
    expect(await reasonOf(y, z)).toBe('cluster');
  });

  it('the bulk run keeps the same coherent clusters, reports their sizes and keeps name frequencies only as keyed hashes', async () => {
    const job = linkageJobFor(t.deps);
    await job.start({ actor: null, ip: null });
    await job.idle();
    const [run] = await t.deps.db.select().from(linkageRuns).orderBy(desc(linkageRuns.startedAt)).limit(1);
    expect(run).toMatchObject({ status: 'done' });
    expect(run?.clusterSizes?.largest).toBe(2);
    expect(run?.clusterSizes?.counts['2']).toBeGreaterThanOrEqual(1);
    expect(run?.clusterSizes?.counts['3']).toBe(0);
    const stored = JSON.stringify(run?.model?.nameFrequencies).toLowerCase();
    expect(Object.keys(run?.model?.nameFrequencies?.shares ?? {}).length).toBeGreaterThan(0);
    for (const fragment of ['dina', 'дина', 'omarov', 'омаров', 'gulnar', 'гүлнар']) expect(stored).not.toContain(fragment);
    const res = await coordinator.inject({ method: 'GET', url: '/api/v1/linkage/runs/current' });
    expect(res.json().run).toMatchObject({ status: 'done', clusterSizes: { largest: 2 } });
    expect(res.json().run.refusedMerges).toBe(run?.refusedMerges);
    // Scored afresh, with this register's name frequencies (here every name is common): still apart.
    expect(await clusterOf(chain.x)).not.toBe(await clusterOf(chain.z));
  });
});
