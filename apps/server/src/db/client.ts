import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import * as schema from './schema.ts';
import { ensureAppPrivileges } from './app-privileges.ts';
import { EMBEDDED_NOTICES, listenForCommits, registerCommitNotices } from './commit-notices.ts';

export type Schema = typeof schema;
/** One type for both drivers: services never know which PostgreSQL they talk to. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export type DbTarget = { kind: 'pglite'; dataDir: string | null; client?: PGlite } | { kind: 'postgres'; url: string; poolSize?: number };

export interface Database {
  db: Db;
  kind: DbTarget['kind'];
  migrate(): Promise<void>;
  /** Switch to the unprivileged application role (see migration 0001). */
  useAppRole(): Promise<void>;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));
export const APP_ROLE = 'qorgau_app';

export async function createDb(target: DbTarget): Promise<Database> {
  if (target.kind === 'pglite') {
    const client = target.client ?? (target.dataDir ? new PGlite(target.dataDir) : new PGlite());
    await client.waitReady;
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    registerCommitNotices(db, EMBEDDED_NOTICES);
    return {
      db,
      kind: 'pglite',
      migrate: () => migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER }),
      // PGlite has a single connection: one SET ROLE covers every later query.
      useAppRole: async () => {
        await client.exec(`SET ROLE ${APP_ROLE}`);
      },
      close: () => client.close(),
    };
  }
  // JIT off: every query here is short and indexed, but a candidate search with an uncertain
  // row estimate can cross the JIT cost threshold and spend 200+ ms compiling (seen at 1M persons).
  let appRole = false;
  const pool = new pg.Pool({
    connectionString: target.url,
    max: target.poolSize ?? 20,
    options: '-c jit=off',
    // Awaited before a new connection is handed out: its first statement already runs as the
    // app role. If the switch fails, the checkout fails and the connection is closed; nothing
    // runs as the login (owner) role by accident.
    onConnect: async (c) => {
      if (appRole) await c.query(`SET ROLE ${APP_ROLE}`);
    },
  });
  // An idle client dropped by the server (restart, failover) must not crash the process;
  // the pool replaces it on the next checkout.
  pool.on('error', () => undefined);
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  const notices = listenForCommits(target.url);
  registerCommitNotices(db, notices);
  return {
    db,
    kind: 'postgres',
    // Migrations run on their own connection, as the login (owner) role.
    migrate: async () => {
      const client = new pg.Client({ connectionString: target.url });
      await client.connect();
      try {
        await migratePg(drizzlePg(client) as never, { migrationsFolder: MIGRATIONS_FOLDER });
        // A database restored without privileges (docs/deploying.md §3) gets the app role's back.
        await ensureAppPrivileges(client, MIGRATIONS_FOLDER, APP_ROLE);
      } finally {
        await client.end();
      }
    },
    useAppRole: async () => {
      appRole = true;
      // The connections opened before (checking the key file) switch now: all of them are taken
      // at once, so each is a different one. At least one, so that a login user who may not act
      // as the app role fails here, clearly, rather than on a later request.
      const taken = await Promise.allSettled(Array.from({ length: Math.max(1, pool.totalCount) }, () => pool.connect()));
      const opened = taken.flatMap((t) => (t.status === 'fulfilled' ? [t.value] : []));
      try {
        for (const t of taken) if (t.status === 'rejected') throw t.reason;
        for (const c of opened) await c.query(`SET ROLE ${APP_ROLE}`);
      } finally {
        for (const c of opened) c.release();
      }
    },
    close: async () => {
      await notices.close();
      await pool.end();
    },
  };
}

/** Rows of a raw `db.execute` result; both drivers return `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
