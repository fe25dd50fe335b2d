import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { describe } from 'vitest';
import { createDb, type Database, MIGRATIONS_FOLDER } from '../src/db/client.ts';

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

const TEMPLATE_PREFIX = 'qorgau-pglite-template-';

/** The template's file, named by what makes it: the migrations and PGlite's version. */
function templateFile(): string {
  // The package's own manifest, beside its entry (its exports do not list package.json).
  const pgliteEntry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const hash = createHash('sha256').update(readFileSync(join(dirname(pgliteEntry), '..', 'package.json')));
  for (const name of readdirSync(MIGRATIONS_FOLDER, { recursive: true }).map(String).sort()) {
    if (name.endsWith('.sql') || name.endsWith('.json')) hash.update(name).update(readFileSync(join(MIGRATIONS_FOLDER, name)));
  }
  return join(tmpdir(), `${TEMPLATE_PREFIX}${hash.digest('hex').slice(0, 16)}.tar`);
}

/** The template another file left, if it is there (a run on other migrations may have removed it). */
function savedTemplate(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

/**
 * A migrated PGlite. Migrating one takes about 3 s, so the first test file migrates it and
 * leaves its data directory in the temp folder; every later file loads that (about 0.5 s).
 */
async function migratedPglite(): Promise<PGlite> {
  const file = templateFile();
  const saved = savedTemplate(file);
  if (saved) {
    const loaded = new PGlite({ loadDataDir: new Blob([new Uint8Array(saved)]) });
    await loaded.waitReady;
    return loaded;
  }
  const client = new PGlite();
  await (await createDb({ kind: 'pglite', dataDir: null, client })).migrate();
  const dump = Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer());
  // Written whole, then renamed: a file beside it never reads half a template.
  const partial = `${file}.${process.pid}`;
  writeFileSync(partial, dump);
  renameSync(partial, file);
  for (const name of readdirSync(tmpdir()))
    if (name.startsWith(TEMPLATE_PREFIX) && join(tmpdir(), name) !== file && name.endsWith('.tar')) rmSync(join(tmpdir(), name), { force: true });
  return client;
}

/** A migrated PGlite of its own, cloned from this worker's template. */
async function pgliteDatabase(): Promise<Database> {
  template ??= migratedPglite();
  const client = await (await template).clone();
  return createDb({ kind: 'pglite', dataDir: null, client: client as PGlite });
}

/** An empty database of its own on the PostgreSQL server (not migrated), dropped by `drop()`. */
export async function emptyPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `qorgau_test_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const a = new pg.Client({ connectionString: postgresUrl });
    await a.connect();
    try {
      await a.query(statement);
    } finally {
      await a.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(postgresUrl as string);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** A fresh migrated database on the PostgreSQL server, dropped by `drop()`. */
async function postgresDatabase(): Promise<Database & { drop(): Promise<void> }> {
  const empty = await emptyPostgresDatabase();
  const database = await createDb({ kind: 'postgres', url: empty.url, poolSize: 10 });
  await database.migrate();
  return { ...database, drop: empty.drop };
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
