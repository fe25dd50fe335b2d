import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { hashPassword } from '../src/auth/passwords.ts';
import { currentTotp, newTotpSecret } from '../src/auth/totp.ts';
import { loadConfig } from '../src/config.ts';
import { rowsOf } from '../src/db/client.ts';
import { agencies, users } from '../src/db/schema.ts';
import { openRuntime } from '../src/runtime/runtime.ts';
import { describeEachDb, postgresUrl } from './test-db.ts';
import { personBody, TEST_PASSWORD } from './test-app.ts';

const bin = fileURLToPath(new URL('../bin/qorgau.mjs', import.meta.url));
/** Acknowledged cases before the kill: enough writes in flight to catch a torn one, bounded for `npm test`. */
const ACKED_CASES_BEFORE_KILL = 30;
const WORKERS = 4;

/**
 * Crash safety: the server is killed with SIGKILL (no shutdown hook, no flush) while clients
 * write, then the database is reopened. Every write the server acknowledged must be there,
 * whole: the person with its audit entry, the case with its `opened` action and its audit
 * entry; and no write may be half there (a case without its first action, a record without its
 * audit entry). Each write is one transaction (ARCHITECTURE.md: audit in the same
 * transaction), and PostgreSQL and PGlite only answer after the commit is durable.
 */
describeEachDb('crash safety under kill -9', (kind) => {
  const work = mkdtempSync(join(tmpdir(), 'qorgau-crash-'));
  const dbName = `qorgau_crash_${randomBytes(5).toString('hex')}`;
  const dbUrl = () => {
    const u = new URL(postgresUrl as string);
    u.pathname = `/${dbName}`;
    return u.toString();
  };
  const env = (): Record<string, string> => ({
    QORGAU_DATA_DIR: join(work, 'data'),
    QORGAU_KEY_FILE: join(work, 'keys', 'keyring.json'),
    QORGAU_SEED: 'none',
    QORGAU_SIGNIN_RATE_PER_MINUTE: '100000',
    LOG_LEVEL: 'silent',
    PORT: '0',
    HOST: '127.0.0.1',
    ...(kind === 'postgres' ? { DATABASE_URL: dbUrl() } : {}),
  });
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: postgresUrl });
    await c.connect();
    await c.query(q).finally(() => c.end());
  };
  let child: ChildProcess | null = null;

  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    if (kind === 'postgres') await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    rmSync(work, { recursive: true, force: true });
  });

  it('loses no acknowledged write and leaves nothing half-written', async () => {
    if (kind === 'postgres') await admin(`CREATE DATABASE ${dbName}`);
    // A case worker who may create persons and cases in her agency.
    const rt = await openRuntime(loadConfig(env()), { allowCreateKey: true });
    const agencyId = randomUUID();
    const userId = randomUUID();
    const totpSecret = newTotpSecret();
    const username = `crash-${userId.slice(0, 8)}`;
    await rt.deps.db
      .insert(agencies)
      .values({ id: agencyId, nameKk: 'Crash test NGO', nameRu: 'Crash test NGO', nameEn: 'Crash test NGO', type: 'ngo', regionCode: 'KZ-75' });
    await rt.deps.db.insert(users).values({
      id: userId,
      username,
      displayName: 'Crash tester',
      role: 'case_worker',
      agencyId,
      national: false,
      regions: ['KZ-75'],
      passwordHash: await hashPassword(TEST_PASSWORD),
      mustChangePassword: false,
      totpEnabled: true,
      totpSecretEnc: rt.deps.cipher.encrypt(totpSecret, `users.totp_secret:${userId}`),
    });
    await rt.close();

    // The real server process, as an operator starts it.
    child = spawn(process.execPath, [bin, 'start'], { env: { ...process.env, ...env() }, stdio: ['ignore', 'pipe', 'pipe'] });
    const base = await new Promise<string>((resolve, reject) => {
      let out = '';
      let errOut = '';
      child?.stdout?.on('data', (d) => {
        out += String(d);
        const m = /running at (http:\/\/\S+)/.exec(out);
        if (m) resolve((m[1] as string).replace('localhost', '127.0.0.1'));
      });
      child?.stderr?.on('data', (d) => (errOut += String(d)));
      child?.once('exit', (code) => reject(new Error(`server exited ${code}: ${errOut}`)));
    });

    const signIn = await fetch(`${base}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: TEST_PASSWORD, code: currentTotp(totpSecret, username) }),
    });
    expect(signIn.status).toBe(200);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const post = (path: string, body: unknown) =>
      fetch(`${base}/api/v1${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
        body: JSON.stringify(body),
      });

    const ackedPersons: string[] = [];
    const ackedCases: string[] = [];
    let killed = false;
    const worker = async () => {
      while (!killed) {
        try {
          const p = await post('/persons', personBody({ firstName: `Айгүл${ackedPersons.length}` }));
          if (p.status !== 201 && p.status !== 200) throw new Error(`person ${p.status}`);
          const personId = ((await p.json()) as { id: string }).id;
          ackedPersons.push(personId);
          const c = await post('/cases', { clientId: randomUUID(), personId, regionCode: 'KZ-75', narrative: 'Жұмыс беруші құжаттарды алып қойды' });
          if (c.status !== 201 && c.status !== 200) throw new Error(`case ${c.status}`);
          ackedCases.push(((await c.json()) as { id: string }).id);
          if (ackedCases.length >= ACKED_CASES_BEFORE_KILL && !killed) {
            // Killed while the other workers' requests are in flight.
            killed = true;
            child?.kill('SIGKILL');
          }
        } catch (e) {
          if (!killed) throw e;
        }
      }
    };
    const exited = new Promise((r) => child?.once('exit', r));
    await Promise.all(Array.from({ length: WORKERS }, worker));
    await exited;
    expect(child.signalCode).toBe('SIGKILL');
    expect(ackedCases.length).toBeGreaterThanOrEqual(ACKED_CASES_BEFORE_KILL);

    // Reopen after the crash (PGlite recovers its WAL; the dead server's lock is taken over).
    const after = await openRuntime(loadConfig(env()), { allowCreateKey: false });
    try {
      const q = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await after.deps.db.execute(query));
      const personIds = new Set((await q<{ id: string }>(sql`SELECT id FROM persons`)).map((r) => r.id));
      const auditedPersons = new Set((await q<{ id: string }>(sql`SELECT record_id AS id FROM audit_log WHERE operation = 'person.created'`)).map((r) => r.id));
      const openedCases = new Set(
        (await q<{ id: string }>(sql`SELECT c.id FROM cases c JOIN case_actions a ON a.case_id = c.id AND a.seq = 1 AND a.type = 'opened'`)).map((r) => r.id),
      );
      const auditedCases = new Set((await q<{ id: string }>(sql`SELECT record_id AS id FROM audit_log WHERE operation = 'case.created'`)).map((r) => r.id));
      // Nothing acknowledged was lost.
      expect(ackedPersons.filter((id) => !personIds.has(id) || !auditedPersons.has(id))).toEqual([]);
      expect(ackedCases.filter((id) => !openedCases.has(id) || !auditedCases.has(id))).toEqual([]);
      // Nothing half-written, acknowledged or not: every case has its opened action and its audit entry, every person its audit entry.
      const allCases = (await q<{ id: string }>(sql`SELECT id FROM cases`)).map((r) => r.id);
      expect(allCases.filter((id) => !openedCases.has(id) || !auditedCases.has(id))).toEqual([]);
      expect([...personIds].filter((id) => !auditedPersons.has(id))).toEqual([]);
    } finally {
      await after.close();
    }
    // And the audit trail is whole.
    const verify = spawnSync(process.execPath, [bin, 'audit', 'verify'], { env: { ...process.env, ...env() }, encoding: 'utf8', timeout: 120_000 });
    expect(verify.status, verify.stderr).toBe(0);
  }, 240_000);
});
