import { randomBytes } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { describe } from 'vitest';
import { createDb, type Database } from '../src/db/client.ts';

export type DbKind = 'pglite' | 'postgres';

const strict = process.env.QORGAU_TEST_STRICT === '1';
export const postgresUrl = process.env.TEST_DATABASE_URL;

/** The database kinds to run integration suites on. In strict mode (CI) a missing server fails. */
export function dbKinds(): DbKind[] {
  if (postgresUrl) return ['pglite', 'postgres'];
  if (strict) throw new Error('QORGAU_TEST_STRICT=1 but TEST_DATABASE_URL is not set');
  return ['pglite'];
}

/** Runs the suite once per database kind. */
export function describeEachDb(name: string, fn: (kind: DbKind) => void): void {
  for (const kind of dbKinds()) describe(`${name} [${kind}]`, () => fn(kind));
}

let template: Promise<PGlite> | null = null;

/** A migrated PGlite, cloned from a per-worker template (a fresh migration costs seconds). */
async function pgliteDatabase(): Promise<Database> {
  template ??= (async () => {
    const db = await createDb({ kind: 'pglite', dataDir: null });
    await db.migrate();
    return (db as unknown as { db: { $client: PGlite } }).db.$client;
  })();
  const client = await (await template).clone();
  return createDb({ kind: 'pglite', dataDir: null, client: client as PGlite });
}

/** A fresh database on the PostgreSQL server, dropped by `drop()`. */
async function postgresDatabase(): Promise<Database & { drop(): Promise<void> }> {
  const name = `qorgau_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(postgresUrl as string);
  url.pathname = `/${name}`;
  const database = await createDb({ kind: 'postgres', url: url.toString(), poolSize: 10 });
  await database.migrate();
  return {
    ...database,
    async drop() {
      const a = new pg.Client({ connectionString: postgresUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

export interface TestDatabase {
  database: Database;
  /** Closes and (on a server) drops the database. */
  dispose(): Promise<void>;
}

export async function createTestDatabase(kind: DbKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const database = await pgliteDatabase();
    return { database, dispose: () => database.close() };
  }
  const database = await postgresDatabase();
  return {
    database,
    async dispose() {
      await database.close();
      await database.drop();
    },
  };
}
