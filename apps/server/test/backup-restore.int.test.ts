import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { currentTotp } from '../src/auth/totp.ts';
import { loadConfig } from '../src/config.ts';
import { privilegeStatements } from '../src/db/app-privileges.ts';
import { MIGRATIONS_FOLDER, rowsOf } from '../src/db/client.ts';
import { persons } from '../src/db/schema.ts';
import { personIdentity } from '../src/modules/persons/persons.view.ts';
import { openRuntime } from '../src/runtime/runtime.ts';
import { seedOrganisations } from '../src/seed/seed-demo.ts';
import { seedPersons } from '../src/seed/seed-persons.ts';
import { dbKinds, postgresUrl } from './test-db.ts';

const bin = fileURLToPath(new URL('../bin/qorgau.mjs', import.meta.url));

describe('restoring privileges from the migrations', () => {
  it('replays every GRANT and REVOKE of every migration, in order, and the role creation', () => {
    const statements = privilegeStatements(MIGRATIONS_FOLDER);
    const inFiles = readdirSync(MIGRATIONS_FOLDER)
      .filter((f) => f.endsWith('.sql'))
      .sort()
      .flatMap((f) => readFileSync(join(MIGRATIONS_FOLDER, f), 'utf8').split('\n'))
      .filter((line) => /^\s*(GRANT|REVOKE|ALTER DEFAULT PRIVILEGES)\b/i.test(line));
    // A privilege statement hidden in the middle of a chunk would be missed after a restore.
    expect(statements.filter((s) => !s.startsWith('DO')).length).toBe(inFiles.length);
    expect(statements[0]).toMatch(/CREATE ROLE qorgau_app NOLOGIN/);
    expect(statements.findIndex((s) => /REVOKE UPDATE, DELETE, TRUNCATE ON audit_log/.test(s))).toBeGreaterThan(
      statements.findIndex((s) => /ON ALL TABLES/.test(s)),
    );
  });
});

/**
 * The backup and restore drill of docs/deploying.md §3, on the PostgreSQL server, with the
 * commands an operator types: pg_dump, a new database, pg_restore without owners and
 * privileges, `qorgau migrate`, start, decrypt with the key file kept apart, `audit verify`.
 */
describe.runIf(dbKinds().includes('postgres'))('backup and restore drill [postgres]', () => {
  const suffix = randomBytes(5).toString('hex');
  const source = `qorgau_drill_src_${suffix}`;
  const target = `qorgau_drill_dst_${suffix}`;
  // The new database belongs to its own login role (not a superuser), as in the docs.
  const owner = `qorgau_drill_owner_${suffix}`;
  const ownerPassword = randomBytes(12).toString('hex');
  /** The source as the test's superuser; the restored database as its owner. */
  const urlOf = (db: string) => {
    const u = new URL(postgresUrl as string);
    u.pathname = `/${db}`;
    if (db === target) {
      u.username = owner;
      u.password = ownerPassword;
    }
    return u.toString();
  };
  const superUrlOf = (db: string) => {
    const u = new URL(postgresUrl as string);
    u.pathname = `/${db}`;
    return u.toString();
  };
  const work = mkdtempSync(join(tmpdir(), 'qorgau-drill-'));
  mkdirSync(join(work, 'data'));
  mkdirSync(join(work, 'data-new'));
  // What the operator keeps off the machine: signed checkpoints and the public key.
  const kept = join(work, 'kept');
  mkdirSync(kept);
  // The key file lives apart from the database and from the dump, as the docs ask.
  const keyFile = join(work, 'offline-keys', 'keyring.json');
  const dumpFile = join(work, 'backups', 'qorgau.dump');
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: postgresUrl });
    await c.connect();
    try {
      return await c.query(q);
    } finally {
      await c.end();
    }
  };
  // The old server and the new one have their own data directories (checkpoints are written there).
  const dataDirOf = (db: string) => join(work, db === source ? 'data' : 'data-new');
  const cli = (db: string, ...args: string[]) =>
    spawnSync(process.execPath, [bin, ...args], {
      env: { ...process.env, DATABASE_URL: urlOf(db), QORGAU_KEY_FILE: keyFile, QORGAU_DATA_DIR: dataDirOf(db), QORGAU_SEED: 'none', LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 120_000,
    });
  const configFor = (db: string) =>
    loadConfig({ DATABASE_URL: urlOf(db), QORGAU_KEY_FILE: keyFile, QORGAU_DATA_DIR: dataDirOf(db), QORGAU_SEED: 'none', LOG_LEVEL: 'silent' });

  afterAll(async () => {
    await admin(`DROP DATABASE IF EXISTS ${source} WITH (FORCE)`);
    await admin(`DROP DATABASE IF EXISTS ${target} WITH (FORCE)`);
    await admin(`DROP ROLE IF EXISTS ${owner}`);
    rmSync(work, { recursive: true, force: true });
  });

  it('dumps, restores into a new database without Qorgau privileges, migrates, starts, decrypts and verifies the audit log', async () => {
    // pg_dump refuses a server newer than itself: the client must be the server's major or newer.
    const serverMajor = Number(((await admin('SHOW server_version_num')).rows[0] as { server_version_num: string }).server_version_num.slice(0, -4));
    const clientMajor = Number(/(\d+)\.\d+/.exec(execFileSync('pg_dump', ['--version'], { encoding: 'utf8' }))?.[1]);
    expect(clientMajor, 'pg_dump older than the server').toBeGreaterThanOrEqual(serverMajor);

    // A running deployment with data and an audit trail.
    await admin(`CREATE DATABASE ${source}`);
    const rt = await openRuntime(configFor(source), { allowCreateKey: true });
    const creds = await seedOrganisations(rt.deps);
    await seedPersons(rt.deps, { count: 12, seed: 11 });
    const [before] = await rt.deps.db.select().from(persons).limit(1);
    const identity = personIdentity(rt.deps.cipher, before as typeof persons.$inferSelect);
    await rt.close();

    // 0. A signed checkpoint of the audit chain's head, kept apart, with the public key.
    const checkpointFile = join(kept, 'before-dump.json');
    const checkpointed = cli(source, 'audit', 'checkpoint', '--output', checkpointFile);
    expect(checkpointed.status, checkpointed.stderr).toBe(0);
    const publicKey = cli(source, 'audit', 'public-key');
    expect(publicKey.status, publicKey.stderr).toBe(0);
    writeFileSync(join(kept, 'qorgau-audit-public.pem'), publicKey.stdout);

    // 1. Dump: custom format, everything in it; owners and privileges are dropped at restore.
    mkdirSync(join(work, 'backups'));
    execFileSync('pg_dump', ['-Fc', '-f', dumpFile, urlOf(source)]);

    // The naive restore names the roles of the old server: on a server without qorgau_app it
    // fails with `role "qorgau_app" does not exist`. The documented one names no role at all.
    const naiveSql = execFileSync('pg_restore', ['-f', '-', dumpFile], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    expect(naiveSql).toMatch(/TO qorgau_app;/);
    const documentedSql = execFileSync('pg_restore', ['--no-owner', '--no-privileges', '-f', '-', dumpFile], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    expect(documentedSql).not.toMatch(/qorgau_app|OWNER TO|GRANT |REVOKE /);

    // 2. A new, empty database owned by a login role; 3. restore as that role, without owners and privileges.
    await admin(`CREATE ROLE ${owner} LOGIN CREATEROLE PASSWORD '${ownerPassword}'`);
    await admin(`CREATE DATABASE ${target} OWNER ${owner}`);
    execFileSync('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '-d', urlOf(target), dumpFile]);

    // Restored like that, the application role may touch nothing: this is the state the
    // server and `audit verify` failed in after the naive restore.
    const denied = async () => {
      const c = new pg.Client({ connectionString: superUrlOf(target) });
      await c.connect();
      try {
        await c.query('SET ROLE qorgau_app');
        await c.query('SELECT count(*) FROM persons');
        return null;
      } catch (e) {
        return (e as { code?: string }).code;
      } finally {
        await c.end();
      }
    };
    expect(await denied()).toBe('42501');

    // 4. `qorgau migrate` gives the application role its privileges back (creating it if missing).
    const migrated = cli(target, 'migrate');
    expect(migrated.status, migrated.stderr).toBe(0);
    expect(await denied()).toBeNull();
    // The owner may act as the application role (docs: as a superuser, if migrate created it).
    await admin(`GRANT qorgau_app TO ${owner}`);

    // 5. Start against the restored database with the key file kept apart.
    const restored = await openRuntime(configFor(target), { allowCreateKey: false });
    try {
      const [after] = await restored.deps.db
        .select()
        .from(persons)
        .where(eq(persons.id, before?.id as string));
      expect(personIdentity(restored.deps.cipher, after as typeof persons.$inferSelect)).toEqual(identity);
      // The audit log is append-only again for the application role.
      await expect(restored.deps.db.execute(sql`UPDATE audit_log SET operation = operation WHERE false`)).rejects.toMatchObject({ cause: { code: '42501' } });
      const app = await buildApp(restored.deps);
      try {
        const account = creds.accounts[0] as (typeof creds.accounts)[number];
        const signIn = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/sign-in',
          payload: { username: account.username, password: creds.password, code: currentTotp(account.totpSecret, account.username) },
        });
        expect(signIn.statusCode, signIn.body).toBe(200);
      } finally {
        await app.close();
      }
      const [{ n }] = rowsOf<{ n: number }>(await restored.deps.db.execute(sql`SELECT count(*)::int AS n FROM persons`)) as [{ n: number }];
      expect(n).toBe(12);
    } finally {
      await restored.close();
    }

    // 6. The audit chain of the restored database verifies, and reaches the checkpoint taken before the dump.
    const verified = cli(target, 'audit', 'verify', '--checkpoint', checkpointFile, '--public-key', join(kept, 'qorgau-audit-public.pem'));
    expect(verified.status, verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(/covers entries/);
    expect(verified.stdout).toMatch(/signature valid/);
    expect(verified.stdout).toMatch(/intact/);
  }, 240_000);
});
