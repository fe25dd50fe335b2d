import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, rowsOf } from '../src/db/client.ts';
import { createTestDatabase, postgresUrl, type TestDatabase } from './test-db.ts';

/**
 * The server's pool of PostgreSQL connections runs every statement as the unprivileged app role
 * once `useAppRole` is called (migration 0001): the connections opened before it (the key
 * check's) as well as every later one, and a connection that cannot switch is refused rather
 * than left to run as the login (owner) role. PGlite has one connection, switched once.
 */
describe.skipIf(!postgresUrl)('the app role on a PostgreSQL server', () => {
  let migrated: TestDatabase;
  let url: string;
  const login = `qorgau_test_login_${randomBytes(4).toString('hex')}`;
  const admin = () => new pg.Client({ connectionString: postgresUrl });
  const asAdmin = async (text: string) => {
    const a = admin();
    await a.connect();
    try {
      await a.query(text);
    } finally {
      await a.end();
    }
  };

  beforeAll(async () => {
    migrated = await createTestDatabase('postgres');
    const [db] = rowsOf<{ name: string }>(await migrated.database.db.execute(sql`SELECT current_database() AS name`));
    // A login that may act as the app role and nothing more, as an operator sets one up.
    await asAdmin(`CREATE ROLE ${login} LOGIN; GRANT qorgau_app TO ${login}`);
    const u = new URL(postgresUrl as string);
    u.username = login;
    u.pathname = `/${db?.name}`;
    url = u.toString();
  });
  afterAll(async () => {
    await migrated.dispose();
    await asAdmin(`DROP ROLE IF EXISTS ${login}`);
  });

  const whoAmI = (database: Awaited<ReturnType<typeof createDb>>, n: number) =>
    Promise.all(
      Array.from({ length: n }, async () => rowsOf<{ who: string }>(await database.db.execute(sql`SELECT current_user AS who, pg_sleep(0.05)`))[0]?.who),
    );

  it('switches the connections opened before, and every later one', async () => {
    const database = await createDb({ kind: 'postgres', url, poolSize: 6 });
    try {
      // Three connections open as the login role, then idle in the pool.
      expect(new Set(await whoAmI(database, 3))).toEqual(new Set([login]));
      await database.useAppRole();
      // Six at once: the three from before and three new ones.
      expect(await whoAmI(database, 6)).toEqual(Array(6).fill('qorgau_app'));
    } finally {
      await database.close();
    }
  });

  it('refuses a new connection that cannot switch, instead of running it as the login role', async () => {
    const database = await createDb({ kind: 'postgres', url, poolSize: 4 });
    try {
      await database.useAppRole();
      await asAdmin(`REVOKE qorgau_app FROM ${login}`);
      // One idle connection switched already; the others must be new, and cannot switch.
      const results = await Promise.allSettled(
        Array.from({ length: 3 }, async () => rowsOf<{ who: string }>(await database.db.execute(sql`SELECT current_user AS who, pg_sleep(0.05)`))[0]?.who),
      );
      expect(results.filter((r) => r.status === 'fulfilled').map((r) => r.value)).toEqual(['qorgau_app']);
      for (const r of results.filter((r) => r.status === 'rejected'))
        expect(String(r.reason?.cause?.message ?? r.reason?.message)).toMatch(/permission denied to set role/);
      expect(results.filter((r) => r.status === 'rejected')).toHaveLength(2);
    } finally {
      await database.close();
      await asAdmin(`GRANT qorgau_app TO ${login}`);
    }
  });
});
