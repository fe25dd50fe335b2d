import { count, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { linkageRuns, personClusters, personLinkProposals } from '../src/db/schema.ts';
import { linkageJobFor } from '../src/modules/linkage/linkage-job.ts';
import { modelStoreFor, startingModel } from '../src/modules/linkage/linkage-model.ts';
import { seedOrganisations } from '../src/seed/seed-demo.ts';
import { seedPersons } from '../src/seed/seed-persons.ts';
import { createTestApp, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

const PERSONS = 600;

describeEachDb('bulk linkage job on a synthetic register', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
    await seedOrganisations(t.deps);
    // The generator re-records ~5% of persons in another agency's script, with typos.
    await seedPersons(t.deps, { count: PERSONS, seed: 31 });
  }, 120_000);
  afterAll(() => t.close());

  it('estimates its own model and links the repeats without taking namesakes for one person', async () => {
    const job = linkageJobFor(t.deps);
    await job.start({ actor: null, ip: null });
    await job.idle();
    const [run] = await t.deps.db.select().from(linkageRuns).orderBy(desc(linkageRuns.startedAt)).limit(1);
    expect(run).toMatchObject({ status: 'done', phase: 'done' });
    // Estimated from this register by the batch engine, not the synthetic starting model, and
    // kept with its thresholds; intake uses it from now on.
    expect(run?.model?.parameters.iterations).toBeGreaterThan(0);
    expect(run?.model?.parameters.lambda).not.toBe(startingModel().parameters.lambda);
    expect(run?.model?.thresholds.same).toBeGreaterThan(run?.model?.thresholds.review ?? Infinity);
    expect(await modelStoreFor(t.deps.db).current(t.deps.db)).toEqual(run?.model);
    const [same] = await t.deps.db.select({ n: count() }).from(personLinkProposals).where(eq(personLinkProposals.modelDecision, 'same'));
    const [clustered] = await t.deps.db.select({ n: count() }).from(personClusters);
    // About 5% of records are repeats: some are found, and far fewer than a third of records are swallowed.
    expect(same?.n ?? 0).toBeGreaterThan(PERSONS * 0.01);
    expect(same?.n ?? 0).toBeLessThan(PERSONS * 0.12);
    expect(clustered?.n ?? 0).toBeGreaterThan(0);
  });
});
