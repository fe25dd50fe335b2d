/**
 * The candidate query behind the intake check, the save-time linkage and the bulk job
 * (`findCandidates`, issue #12): which records it finds and in what order, the bound on a key
 * shared by very many records, and the plan guard that keeps it one index lookup per key on a
 * database without statistics.
 */
import { randomUUID } from 'node:crypto';
import { eq, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rowsOf } from '../src/db/client.ts';
import { persons } from '../src/db/schema.ts';
import { CANDIDATES_PER_KEY, findCandidates } from '../src/modules/linkage/linkage.repository.ts';
import { createTestApp, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

describeEachDb('linkage candidates', (kind) => {
  let t: TestApp;
  let createdBy: string;
  let ownerAgencyId: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    ownerAgencyId = await t.createAgency({ regionCode: 'KZ-75' });
    createdBy = (await t.createUser({ role: 'identification_officer', agencyId: ownerAgencyId })).id;
  }, 60_000);
  afterAll(() => t.close());

  // Keys are opaque strings to the query (the app stores keyed hashes); a run-unique prefix
  // keeps each test's records apart.
  const row = (linkageKeys: string[], extra: { identityNumberIndex?: string; regionCode?: string } = {}) => {
    const id = randomUUID();
    return {
      id,
      clientId: randomUUID(),
      pseudonym: `P-${id}`,
      firstNameEnc: 'x',
      secondNameEnc: 'x',
      nameIndex: [],
      nameScript: 'latin',
      gender: 'female',
      citizenship: 'KZ',
      regionCode: extra.regionCode ?? 'KZ-75',
      createdBy,
      ownerAgencyId,
      linkageKeys,
      identityNumberIndex: extra.identityNumberIndex ?? null,
    };
  };
  const insert = async (rows: ReturnType<typeof row>[]) => {
    for (let i = 0; i < rows.length; i += 500) await t.deps.db.insert(persons).values(rows.slice(i, i + 500));
  };

  it('finds every record sharing a key or the identity number, most keys shared first, and nothing else', async () => {
    const k = (n: number) => `a${n}-${randomUUID()}`;
    const keys = [k(1), k(2), k(3), k(4)];
    const doc = `doc-${randomUUID()}`;
    const three = row([keys[0], keys[1], keys[2], k(9)] as string[]);
    const two = row([k(8), keys[3], keys[1]] as string[]);
    const one = row([keys[2]] as string[]);
    const docOnly = row([k(7)], { identityNumberIndex: doc });
    const none = row([k(5), k(6)]);
    await insert([none, one, docOnly, two, three]);
    const found = await findCandidates(t.deps.db, { keys, identityNumberIndex: doc }, { limit: 100 });
    expect(found.map((r) => r.id)).toEqual([three.id, two.id, one.id, docOnly.id]);
    // The rows come back whole (the matcher decrypts and scores them).
    expect(found[0]).toMatchObject({ id: three.id, pseudonym: three.pseudonym, linkageKeys: three.linkageKeys });
    // The caller's condition (the reader's scope, the record itself) and limit apply.
    expect((await findCandidates(t.deps.db, { keys, identityNumberIndex: doc }, { where: ne(persons.id, three.id), limit: 2 })).map((r) => r.id)).toEqual([
      two.id,
      one.id,
    ]);
    expect(await findCandidates(t.deps.db, { keys: [], identityNumberIndex: null }, { limit: 10 })).toEqual([]);
    expect((await findCandidates(t.deps.db, { keys: [], identityNumberIndex: doc }, { limit: 10 })).map((r) => r.id)).toEqual([docOnly.id]);
  });

  it('reads a very common key only up to its bound, and a rare key is not pushed out by it', async () => {
    const common = `common-${randomUUID()}`;
    const rare = `rare-${randomUUID()}`;
    const crowd = Array.from({ length: CANDIDATES_PER_KEY + 50 }, () => row([common]));
    const target = row([rare]);
    // The target is written last, so it is not among the first rows of any scan order.
    await insert([...crowd, target]);
    const found = await findCandidates(t.deps.db, { keys: [common, rare], identityNumberIndex: null }, { limit: 5000 });
    expect(found.length).toBe(CANDIDATES_PER_KEY + 1);
    // Both share one key; the one found through the rare key comes first.
    expect(found[0]?.id).toBe(target.id);
    expect((await findCandidates(t.deps.db, { keys: [common, rare], identityNumberIndex: null }, { limit: 10 }))[0]?.id).toBe(target.id);
    // In another region only: the bound is on the key's records, the scope still applies after it.
    const elsewhere = row([rare], { regionCode: 'KZ-71' });
    await insert([elsewhere]);
    const inRegion = await findCandidates(
      t.deps.db,
      { keys: [common, rare], identityNumberIndex: null },
      { where: eq(persons.regionCode, 'KZ-71'), limit: 10 },
    );
    expect(inRegion.map((r) => r.id)).toEqual([elsewhere.id]);
  });

  it('looks keys up with sequential scans off for its own statement only, and keeps the GIN pending list short', async () => {
    // Without statistics (a fresh bulk load) the planner priced a many-key probe at a tenth of
    // the table and read all of it; the function's SET clause rules that plan out whatever the
    // estimates, and is undone on return. (Which plan a 1,000,000-row table gets is measured by
    // bench/intake-match.ts, docs/benchmarks.md §5: a test table is small enough for any plan.)
    const [fn] = rowsOf<{ config: string[] | null }>(
      await t.deps.db.execute(sql`SELECT proconfig AS config FROM pg_proc WHERE proname = 'person_linkage_hits'`),
    );
    expect(fn?.config).toEqual(expect.arrayContaining(['enable_seqscan=off', 'jit=off']));
    const [index] = rowsOf<{ options: string[] | null }>(
      await t.deps.db.execute(sql`SELECT reloptions AS options FROM pg_class WHERE relname = 'persons_linkage_keys_idx'`),
    );
    expect(index?.options).toEqual(['gin_pending_list_limit=128']);
    // Inside the caller's transaction (the save-time linkage), the setting does not leak.
    const setting = await t.deps.db.transaction(async (tx) => {
      await findCandidates(tx, { keys: ['k'], identityNumberIndex: null }, { limit: 10 });
      return rowsOf<{ v: string }>(await tx.execute(sql`SELECT current_setting('enable_seqscan') AS v`))[0]?.v;
    });
    expect(setting).toBe('on');
  });
});
