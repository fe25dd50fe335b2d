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
import { coherentClusters } from '../src/modules/linkage/linkage.service.ts';
import { startingModel } from '../src/modules/linkage/linkage-model.ts';
import { createTestApp, personBody, type Session, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

describeEachDb('coherent linkage', (kind) => {
  let t: TestApp;
  let officer: Session;
  let coordinator: Session;
  let chain = { x: '', y: '', z: '' };
  /** The chain's three records as the linkage engine normalises them. */
  const chainRecords = ({ x, y, z }: typeof chain) => {
    const as = (id: string, r: Omit<LinkageRecord, 'id'>) =>
      normaliseRecord({ id, sex: 'F', citizenship: 'KZ', givenName: 'Dina', familyName: 'Omarova', ...r });
    return {
      nx: as(x, { birthDate: '1996-02-11', contact: '+77015550101' }),
      ny: as(y, { contact: '87015550101', documentNumber: 'N0447123' }),
      nz: as(z, { birthDate: '1979-09-30', documentNumber: 'N0447123' }),
    };
  };
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
    // Whether the score itself says 'review' or a rule caps it there, it is never 'same'.
    expect(await proposalOf(a, b)).toBe('review');
    expect([null, 'evidence']).toContain(await reasonOf(a, b));
    expect(await clusterOf(a)).not.toBe(await clusterOf(b));
    const after = (await coordinator.inject({ method: 'GET', url: '/api/v1/persons/overview' })).json() as { persons: number };
    expect(after.persons - before.persons).toBe(2);
  });

  it('a chain through weak links does not join records that contradict each other: the refused pair goes to review', async () => {
    // x and y share a name and a telephone; y and z a name and a passport number; x and z
    // contradict each other (another birth date, nothing else to outweigh it): a chain, not one person.
    const x = await create({ firstName: 'Дина', secondName: 'Омарова', birthdate: '1996-02-11', mobilePhone: '+77015550101' });
    const y = await create({ firstName: 'Dina', secondName: 'Omarova', birthdate: undefined, mobilePhone: '87015550101', identityNumber: 'N0447123' });
    expect(await proposalOf(x, y)).toBe('same');
    expect(await clusterOf(x)).toBe(await clusterOf(y));
    const z = await create({ firstName: 'Dina', secondName: 'Omarova', birthdate: '1979-09-30', identityDocumentType: 'passport', identityNumber: 'N0447123' });
    chain = { x, y, z };
    // The model alone (the starting model: no run yet) calls x–y and y–z the same person, x–z not.
    const model = startingModel();
    const { nx, ny, nz } = chainRecords({ x, y, z });
    expect([scoreWithModel(nx, ny, model).decision, scoreWithModel(ny, nz, model).decision, scoreWithModel(nx, nz, model).decision]).toEqual([
      'same',
      'same',
      'different',
    ]);
    // Clustering kept the stronger link and refused the other: x and z never share a cluster, and
    // the refused pair is now a person's to decide.
    expect(await clusterOf(x)).not.toBe(await clusterOf(z));
    const links = [
      { pair: [x, y] as const, decision: await proposalOf(x, y), reason: await reasonOf(x, y) },
      { pair: [y, z] as const, decision: await proposalOf(y, z), reason: await reasonOf(y, z) },
    ];
    const kept = links.filter((l) => l.decision === 'same');
    const refused = links.filter((l) => l.decision === 'review');
    expect([kept.length, refused.length]).toEqual([1, 1]);
    expect(refused[0]?.reason).toBe('cluster');
    expect(await clusterOf(kept[0]?.pair[0] ?? '')).toBe(await clusterOf(kept[0]?.pair[1] ?? ''));
  });

  it('clusters from records already in memory (the file of an import) as from the same records read back', async () => {
    const { x, y, z } = chain;
    const model = startingModel();
    const { nx, ny, nz } = chainRecords({ x, y, z });
    const same = (a: typeof nx, b: typeof nx) => ({
      ids: [a.id, b.id] as const,
      decision: 'same' as const,
      source: 'model' as const,
      score: scoreWithModel(a, b, model).score,
    });
    const decisions = [same(nx, ny), same(ny, nz)];
    const check = { cipher: t.deps.cipher, model };
    const partition = (r: { clusters: string[][]; refused: unknown[] }) => ({
      clusters: r.clusters.map((c) => [...c].sort()).sort(),
      refused: r.refused.length,
    });
    const readBack = partition(await coherentClusters(t.deps.db, [x, y, z], decisions, check));
    const inMemory = partition(await coherentClusters(t.deps.db, [x, y, z], decisions, { ...check, written: new Map([nx, ny, nz].map((r) => [r.id, r])) }));
    expect(readBack.refused).toBe(1);
    expect(inMemory).toEqual(readBack);
    // The records in memory are the ones compared: a z that no longer contradicts x joins both.
    const agreeing = new Map([nx, ny, { ...nx, id: z }].map((r) => [r.id, r]));
    expect(partition(await coherentClusters(t.deps.db, [x, y, z], decisions, { ...check, written: agreeing }))).toEqual({
      clusters: [[x, y, z].sort()],
      refused: 0,
    });
  });

  it('the bulk run keeps the same coherent clusters, reports their sizes and keeps name frequencies only as keyed hashes', async () => {
    const job = linkageJobFor(t.deps);
    await job.start({ actor: null, ip: null });
    await job.idle();
    const [run] = await t.deps.db.select().from(linkageRuns).orderBy(desc(linkageRuns.startedAt)).limit(1);
    expect(run).toMatchObject({ status: 'done' });
    // The reported sizes are those of the clusters the run wrote.
    const rows = await t.deps.db.select({ c: personClusters.clusterId }).from(personClusters);
    const sizes = new Map<string, number>();
    for (const r of rows) sizes.set(r.c, (sizes.get(r.c) ?? 0) + 1);
    expect(run?.clusterSizes?.largest).toBe(Math.max(0, ...sizes.values()));
    expect(run?.clusterSizes?.counts['2']).toBe([...sizes.values()].filter((n) => n === 2).length);
    expect(run?.clusterSizes?.counts['3']).toBe([...sizes.values()].filter((n) => n === 3).length);
    const stored = JSON.stringify(run?.model?.nameFrequencies).toLowerCase();
    expect(Object.keys(run?.model?.nameFrequencies?.shares ?? {}).length).toBeGreaterThan(0);
    for (const fragment of ['dina', 'дина', 'omarov', 'омаров', 'gulnar', 'гүлнар']) expect(stored).not.toContain(fragment);
    const res = await coordinator.inject({ method: 'GET', url: '/api/v1/linkage/runs/current' });
    expect(res.json().run).toMatchObject({ status: 'done', clusterSizes: run?.clusterSizes });
    expect(res.json().run.refusedMerges).toBe(run?.refusedMerges);
    // Scored afresh, with this register's name frequencies (here every name is common): still apart.
    expect(await clusterOf(chain.x)).not.toBe(await clusterOf(chain.z));
  });
});
