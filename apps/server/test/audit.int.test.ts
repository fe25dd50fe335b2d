import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc, desc, eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { linkEntries, type ChainedEntry } from '../src/audit/audit-chain.ts';
import { chainHead, chainPending, entryColumns, startAuditChainer } from '../src/audit/audit-chainer.ts';
import { startAuditBackground } from '../src/audit/audit-background.ts';
import { latestCheckpointFile, openCheckpoint, readCheckpointFile, signCheckpoint } from '../src/audit/audit-checkpoint.ts';
import { auditKeysFrom, type AuditKeys } from '../src/audit/audit-keys.ts';
import { appendAudit } from '../src/audit/audit.repository.ts';
import { verifyAuditChain } from '../src/audit/audit-verify.ts';
import { readKeyringFile } from '../src/crypto/keyring.ts';
import { rowsOf } from '../src/db/client.ts';
import { pgErrorCode } from '../src/db/errors.ts';
import { auditChain, auditLog } from '../src/db/schema.ts';
import { createTestApp, personBody, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

describeEachDb('audit log', (kind) => {
  let t: TestApp;
  let keys: AuditKeys;
  beforeAll(async () => {
    t = await createTestApp(kind);
    keys = auditKeysFrom(readKeyringFile(t.config.keyFile));
  });
  afterAll(() => t.close());

  /** Acts as the database owner with triggers off for one transaction: what an attacker with DBA rights could do. */
  const asOwner = (...stmts: ReturnType<typeof sql>[]) =>
    t.deps.db.transaction(async (tx) => {
      await tx.execute(sql`RESET ROLE`);
      await tx.execute(sql`SET LOCAL session_replication_role = replica`);
      for (const s of stmts) await tx.execute(s);
      await tx.execute(sql`SET ROLE qorgau_app`);
    });
  const chain = () => chainPending(t.deps.db, keys.macKey);
  const verify = (cp?: Parameters<typeof verifyAuditChain>[2]) => verifyAuditChain(t.deps.db, keys.macKey, cp);
  const append = (details: Record<string, unknown>) =>
    t.deps.db.transaction((tx) => appendAudit(tx, { actor: null, ip: '127.0.0.1' }, { operation: 'audit.read', details }));

  it('entries written under the old unkeyed lane chain are linked by the first run, in id order', async () => {
    // As migration 0009 finds them: lane columns filled, no transaction id.
    await asOwner(
      sql`INSERT INTO audit_log (lane, lane_seq, at, operation, outcome, details, prev_hash, hash, txid)
          VALUES (3, 1, now(), 'system.seeded', 'success', '{"persons": 1}', repeat('0', 64), repeat('a', 64), NULL),
                 (5, 1, now(), 'audit.read', 'success', '{}', repeat('0', 64), repeat('b', 64), NULL)`,
    );
    expect((await verify()).pending).toBe(2);
    expect(await chain()).toBe(2);
    const links = await t.deps.db.select().from(auditChain).orderBy(asc(auditChain.seq));
    const ids = (await t.deps.db.select({ id: auditLog.id }).from(auditLog).orderBy(asc(auditLog.id))).map((r) => r.id);
    expect(links.map((l) => Number(l.entryId))).toEqual(ids);
    expect(await verify()).toMatchObject({ ok: true, chained: 2, pending: 0 });
  });

  it('a request appends one plain entry; it is pending (not tampering) until the chainer links it', async () => {
    const s = await t.as('case_worker');
    await s.inject({ method: 'POST', url: '/api/v1/persons', payload: personBody() });
    const before = await verify();
    expect(before.ok).toBe(true);
    expect(before.pending).toBeGreaterThan(0);
    const [row] = await t.deps.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(row).toMatchObject({ lane: null, laneSeq: null, hash: null });
    expect(await chain()).toBe(before.pending);
    expect(await verify()).toMatchObject({ ok: true, pending: 0, chained: before.chained + before.pending });
  });

  it('concurrent writers and concurrent chainers: every entry is linked exactly once, in one order verify accepts', async () => {
    const chainers = Array.from({ length: 3 }, () =>
      startAuditChainer(t.deps.db, keys.macKey, {
        intervalMs: 5,
        onError: (e) => {
          throw e;
        },
      }),
    );
    await Promise.all(Array.from({ length: 60 }, (_, i) => append({ i })));
    await Promise.all(chainers.map((c) => c.stop()));
    await chain();
    const [counts] = rowsOf<{ entries: number; links: number; distinct_entries: number }>(
      await t.deps.db.execute(
        sql`SELECT (SELECT count(*) FROM audit_log)::int AS entries, count(*)::int AS links, count(DISTINCT entry_id)::int AS distinct_entries FROM audit_chain`,
      ),
    );
    expect(counts?.links).toBe(counts?.entries);
    expect(counts?.distinct_entries).toBe(counts?.entries);
    expect(await verify()).toMatchObject({ ok: true, pending: 0, chained: counts?.entries });
  });

  it.runIf(kind === 'postgres')('an entry with a smaller id that commits after a larger one was linked is linked by a later run', async () => {
    const url = new URL(process.env.TEST_DATABASE_URL as string);
    const [{ current_database: name } = { current_database: '' }] = rowsOf<{ current_database: string }>(
      await t.deps.db.execute(sql`SELECT current_database()`),
    );
    url.pathname = `/${name}`;
    const slow = new pg.Client({ connectionString: url.toString() });
    await slow.connect();
    try {
      await slow.query('BEGIN');
      await slow.query(`INSERT INTO audit_log (at, operation, outcome, details) VALUES (now(), 'audit.read', 'success', '{"late": true}')`);
      await append({ early: true });
      await chain();
      expect((await verify()).pending).toBe(0); // the open transaction's entry is not visible yet
      await slow.query('COMMIT');
      expect((await verify()).pending).toBe(1);
      expect(await chain()).toBe(1);
      const links = await t.deps.db.select({ entryId: auditChain.entryId }).from(auditChain).orderBy(desc(auditChain.seq)).limit(2);
      expect(Number(links[0]?.entryId)).toBeLessThan(Number(links[1]?.entryId));
      expect(await verify()).toMatchObject({ ok: true, pending: 0 });
    } finally {
      await slow.end();
    }
  });

  it('the server background step links new entries and writes a signed checkpoint into the configured directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qorgau-cp-'));
    const logged: string[] = [];
    const log = { info: (_: object, msg: string) => logged.push(msg), error: (_: object, msg: string) => logged.push(msg) };
    try {
      await append({ background: true });
      const bg = startAuditBackground(t.deps.db, keys, { ...t.config, auditCheckpoint: { minutes: 60, dir } }, log);
      let path: string | null = null;
      for (let i = 0; i < 200 && !path; i++) {
        await new Promise((r) => setTimeout(r, 50));
        path = latestCheckpointFile(dir);
      }
      await bg.stop();
      expect(path).not.toBeNull();
      const cp = openCheckpoint(readCheckpointFile(path as string), keys.publicKey);
      const r = await verify(cp);
      expect(r).toMatchObject({ ok: true, checkpoint: { matches: true } });
      expect(cp.seq).toBe(r.head.seq); // the checkpoint came after linking everything pending
      expect(logged).toEqual(['audit checkpoint written']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('after a restore into a cluster whose transaction ids are lower, new entries are still linked', async () => {
    // The last link records a horizon from "another cluster", far beyond this one's transaction counter.
    await append({ restored: true });
    const head = await chainHead(t.deps.db);
    const [entry] = (await t.deps.db.select(entryColumns).from(auditLog).orderBy(desc(auditLog.id)).limit(1)) as ChainedEntry[];
    const [link] = linkEntries(keys.macKey, head, [entry as ChainedEntry]);
    await asOwner(
      sql`INSERT INTO audit_chain (seq, entry_id, prev_mac, mac, horizon) VALUES (${link?.seq}, ${link?.entryId}, ${link?.prevMac}, ${link?.mac}, '9000000000000'::xid8)`,
    );
    await append({ afterRestore: true });
    expect(await verify()).toMatchObject({ ok: true, pending: 1, stranded: 0 });
    expect(await chain()).toBe(1);
    expect(await verify()).toMatchObject({ ok: true, pending: 0 });
  });

  it('an entry rolled back with its transaction leaves no trace and no gap', async () => {
    await expect(
      t.deps.db.transaction(async (tx) => {
        await appendAudit(tx, { actor: null, ip: null }, { operation: 'audit.read', details: { doomed: true } });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    await chain();
    expect(await verify()).toMatchObject({ ok: true, pending: 0 });
  });

  it('the application role cannot change or delete audit entries or their links', async () => {
    await chain();
    await expect(t.deps.db.update(auditLog).set({ outcome: 'failed' })).rejects.toSatisfy((e) => pgErrorCode(e) === '42501');
    await expect(t.deps.db.delete(auditLog)).rejects.toSatisfy((e) => pgErrorCode(e) === '42501');
    await expect(t.deps.db.update(auditChain).set({ mac: 'x' })).rejects.toSatisfy((e) => pgErrorCode(e) === '42501');
    await expect(t.deps.db.delete(auditChain)).rejects.toSatisfy((e) => pgErrorCode(e) === '42501');
  });

  it('verification names an entry edited by a superuser with triggers off, a removed entry and a moved entry', async () => {
    for (let i = 0; i < 5; i++) await append({ n: i });
    await chain();
    expect((await verify()).ok).toBe(true);
    const [victim] = await t.deps.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1).offset(2);
    const id = victim?.id as number;
    await asOwner(sql`UPDATE audit_log SET actor_username = 'someone-else' WHERE id = ${id}`);
    expect(await verify()).toMatchObject({ ok: false, broken: { entryId: id, reason: 'entry or its link was changed' } });
    await asOwner(sql`UPDATE audit_log SET actor_username = ${victim?.actorUsername ?? null} WHERE id = ${id}`);
    expect((await verify()).ok).toBe(true);

    // Moved: two links swap their entries.
    const [a, b] = await t.deps.db.select().from(auditChain).orderBy(desc(auditChain.seq)).limit(2);
    await asOwner(
      sql`UPDATE audit_chain SET entry_id = -entry_id WHERE seq IN (${a?.seq}, ${b?.seq})`,
      sql`UPDATE audit_chain SET entry_id = CASE seq WHEN ${a?.seq} THEN ${b?.entryId}::bigint ELSE ${a?.entryId}::bigint END WHERE seq IN (${a?.seq}, ${b?.seq})`,
    );
    expect(await verify()).toMatchObject({ ok: false, broken: { seq: Number(b?.seq) } });
    await asOwner(
      sql`UPDATE audit_chain SET entry_id = -entry_id WHERE seq IN (${a?.seq}, ${b?.seq})`,
      sql`UPDATE audit_chain SET entry_id = CASE seq WHEN ${a?.seq} THEN ${a?.entryId}::bigint ELSE ${b?.entryId}::bigint END WHERE seq IN (${a?.seq}, ${b?.seq})`,
    );
    expect((await verify()).ok).toBe(true);

    // Removed: the entry goes, its link stays.
    await asOwner(sql`DELETE FROM audit_log WHERE id = ${id}`);
    expect(await verify()).toMatchObject({ ok: false, broken: { entryId: id, reason: 'entry was removed' } });
  });
});

/** A rewritten history on a database of its own (the suite above leaves a broken chain behind). */
describeEachDb('audit chain against an insider with the database alone', (kind) => {
  let t: TestApp;
  let keys: AuditKeys;
  beforeAll(async () => {
    t = await createTestApp(kind);
    keys = auditKeysFrom(readKeyringFile(t.config.keyFile));
    for (let i = 0; i < 8; i++) await t.deps.db.transaction((tx) => appendAudit(tx, { actor: null, ip: null }, { operation: 'audit.read', details: { i } }));
    await chainPending(t.deps.db, keys.macKey);
  });
  afterAll(() => t.close());

  const asOwner = (fn: (tx: Parameters<Parameters<TestApp['deps']['db']['transaction']>[0]>[0]) => Promise<void>) =>
    t.deps.db.transaction(async (tx) => {
      await tx.execute(sql`RESET ROLE`);
      await tx.execute(sql`SET LOCAL session_replication_role = replica`);
      await fn(tx);
      await tx.execute(sql`SET ROLE qorgau_app`);
    });

  it('a signed checkpoint is written and verified; it covers the chain up to its head', async () => {
    const head = await chainHead(t.deps.db);
    const cp = openCheckpoint(signCheckpoint(keys, head, new Date()), keys.publicKey);
    expect(cp.seq).toBe(8);
    expect(await verifyAuditChain(t.deps.db, keys.macKey, cp)).toMatchObject({ ok: true, checkpoint: { seq: 8, matches: true } });
  });

  it('an edited entry with every later link recomputed without the key fails verification', async () => {
    const rows = (await t.deps.db
      .select({ ...entryColumns, seq: auditChain.seq, prevMac: auditChain.prevMac })
      .from(auditChain)
      .innerJoin(auditLog, eq(auditLog.id, auditChain.entryId))
      .orderBy(asc(auditChain.seq))) as (ChainedEntry & { seq: number; prevMac: string })[];
    const from = 3; // rewrite position 4 onwards
    const edited = rows.map((r, i) => (i === from ? { ...r, details: { i: 99 } } : r));
    for (const attempt of [randomBytes(32), Buffer.alloc(0)]) {
      // What the database alone allows: a guessed key (or none) and every link after the edit recomputed.
      const forged = linkEntries(attempt, { seq: from, mac: (rows[from] as { prevMac: string }).prevMac }, edited.slice(from));
      await asOwner(async (tx) => {
        await tx.execute(sql`UPDATE audit_log SET details = '{"i": 99}'::jsonb WHERE id = ${(rows[from] as ChainedEntry).id}`);
        for (const l of forged) await tx.execute(sql`UPDATE audit_chain SET prev_mac = ${l.prevMac}, mac = ${l.mac} WHERE seq = ${l.seq}`);
      });
      expect(await verifyAuditChain(t.deps.db, keys.macKey)).toMatchObject({ ok: false, broken: { seq: from + 1, entryId: (rows[from] as ChainedEntry).id } });
    }
  });

  it('a removed tail is found from its stranded entries, or against a checkpoint once new entries refill it', async () => {
    const fresh = await createTestApp(kind);
    try {
      const k = auditKeysFrom(readKeyringFile(fresh.config.keyFile));
      const write = async (n: number) => {
        for (let i = 0; i < n; i++)
          await fresh.deps.db.transaction((tx) => appendAudit(tx, { actor: null, ip: null }, { operation: 'audit.read', details: { i } }));
        await chainPending(fresh.deps.db, k.macKey);
      };
      await write(6);
      const cp = openCheckpoint(signCheckpoint(k, await chainHead(fresh.deps.db), new Date()), k.publicKey);
      const owner = (stmt: ReturnType<typeof sql>) =>
        fresh.deps.db.transaction(async (tx) => {
          await tx.execute(sql`RESET ROLE`);
          await tx.execute(sql`SET LOCAL session_replication_role = replica`);
          await tx.execute(stmt);
          await tx.execute(sql`SET ROLE qorgau_app`);
        });
      // The last two links go, their entries stay: the chainer had already passed them.
      await owner(sql`DELETE FROM audit_chain WHERE seq > 4`);
      expect(await verifyAuditChain(fresh.deps.db, k.macKey)).toMatchObject({ ok: false, stranded: 2 });
      expect(await verifyAuditChain(fresh.deps.db, k.macKey, cp)).toMatchObject({
        ok: false,
        broken: { reason: expect.stringMatching(/chain ends at position 4, before the checkpoint's head 6/) },
      });
      // Entries and links go together, then ordinary work refills positions 5 and 6 with the key:
      // the database alone cannot tell, the checkpoint can.
      await owner(sql`DELETE FROM audit_log WHERE id NOT IN (SELECT entry_id FROM audit_chain)`);
      expect((await verifyAuditChain(fresh.deps.db, k.macKey)).ok).toBe(true);
      await write(2);
      expect(await verifyAuditChain(fresh.deps.db, k.macKey)).toMatchObject({ ok: true, chained: 6 });
      expect(await verifyAuditChain(fresh.deps.db, k.macKey, cp)).toMatchObject({
        ok: false,
        broken: { seq: 6, reason: 'chain differs from the signed checkpoint at its head' },
      });
    } finally {
      await fresh.close();
    }
  });
});
