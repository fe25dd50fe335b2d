import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '../src/db/client.ts';
import { type DbKind, describeEachDb, emptyPostgresDatabase } from './test-db.ts';

/**
 * Migrations that move data, checked on data written before them: a database is migrated up to
 * the migration before, rows are written as that schema held them, then the rest is applied as
 * `qorgau migrate` applies it on an operator's database.
 */

/** A copy of the migrations whose journal ends at `lastTag`: drizzle applies what its journal lists. */
function migrationsThrough(lastTag: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'qorgau-migrations-'));
  cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
  const journalFile = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((e) => e.tag === lastTag);
  if (last < 0) throw new Error(`no migration ${lastTag}`);
  journal.entries = journal.entries.slice(0, last + 1);
  writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

/** A database of its own, migrated by the folder given, that runs SQL and dies with the suite. */
interface RawDatabase {
  migrate(folder: string): Promise<void>;
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
  dispose(): Promise<void>;
}

async function rawDatabase(kind: DbKind): Promise<RawDatabase> {
  if (kind === 'pglite') {
    const client = new PGlite();
    const db = drizzlePglite(client);
    return {
      migrate: (folder) => migratePglite(db, { migrationsFolder: folder }),
      query: async <T>(text: string, params: unknown[] = []) => (await client.query<T>(text, params)).rows,
      dispose: () => client.close(),
    };
  }
  const empty = await emptyPostgresDatabase();
  const client = new pg.Client({ connectionString: empty.url });
  await client.connect();
  const db = drizzlePg(client);
  return {
    migrate: (folder) => migratePg(db, { migrationsFolder: folder }),
    query: async <T>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as T[],
    async dispose() {
      await client.end();
      await empty.drop();
    },
  };
}

describeEachDb('data migrations', (kind) => {
  let raw: RawDatabase;
  const folders: string[] = [];
  beforeAll(async () => {
    raw = await rawDatabase(kind);
  });
  afterAll(async () => {
    await raw.dispose();
    for (const f of folders) rmSync(f, { recursive: true, force: true });
  });

  it('0035 moves each imported row key onto the case it made, and only there', async () => {
    const before = migrationsThrough('0034_bulk-import-triggers');
    folders.push(before);
    await raw.migrate(before);
    const [agency] = await raw.query<{ id: string }>(`INSERT INTO agencies (type, name_kk, name_ru, name_en) VALUES ('ngo', 'a', 'a', 'a') RETURNING id`);
    const [user] = await raw.query<{ id: string }>(
      `INSERT INTO users (username, display_name, role, agency_id, password_hash) VALUES ('importer', 'I', 'ngo_caseworker', $1, 'x') RETURNING id`,
      [agency?.id],
    );
    const [imp] = await raw.query<{ id: string }>(
      `INSERT INTO htcds_imports (id, agency_id, user_id, sha256, format, dry_run, rows_read, created, already_imported, linked, rejected, at)
       VALUES (gen_random_uuid(), $1, $2, 'f', 'csv', false, 3, 2, 0, 0, 1, now()) RETURNING id`,
      [agency?.id, user?.id],
    );
    // Three cases: two imported (with their keys), one entered on screen.
    const caseIds: string[] = [];
    for (const n of [1, 2, 3]) {
      const [person] = await raw.query<{ id: string }>(
        `INSERT INTO persons (client_id, pseudonym, first_name_enc, second_name_enc, name_index, name_script, gender, citizenship, region_code, created_by, owner_agency_id)
         VALUES (gen_random_uuid(), $1, 'e', 'e', '{}', 'latin', 'Feminine', 'KZ', 'KZ-75', $2, $3) RETURNING id`,
        [`P-${n}`, user?.id, agency?.id],
      );
      const [c] = await raw.query<{ id: string }>(
        `INSERT INTO cases (client_id, reference, person_id, region_code, exploitation_types, status, trafficking_status, created_by, owner_agency_id)
         VALUES (gen_random_uuid(), $1, $2, 'KZ-75', '{}', 'open', 'PossibleVictimOfTrafficking', $3, $4) RETURNING id`,
        [`QRG-2026-00000${n}`, person?.id, user?.id, agency?.id],
      );
      caseIds.push(c?.id as string);
      if (n < 3)
        await raw.query('INSERT INTO htcds_imported_rows (agency_id, row_key, import_id, person_id, case_id) VALUES ($1, $2, $3, $4, $5)', [
          agency?.id,
          `key-${n}`,
          imp?.id,
          person?.id,
          c?.id,
        ]);
    }

    await raw.migrate(MIGRATIONS_FOLDER);

    const keys = await raw.query<{ id: string; htcds_row_key: string | null }>('SELECT id, htcds_row_key FROM cases');
    expect(Object.fromEntries(keys.map((k) => [k.id, k.htcds_row_key]))).toEqual({
      [caseIds[0] as string]: 'key-1',
      [caseIds[1] as string]: 'key-2',
      [caseIds[2] as string]: null,
    });
    const [table] = await raw.query<{ t: string | null }>(`SELECT to_regclass('htcds_imported_rows')::text AS t`);
    expect(table?.t).toBeNull();
    // The key stays unique after the move: a second case cannot take an imported row's key.
    await expect(raw.query(`UPDATE cases SET htcds_row_key = 'key-1' WHERE id = $1`, [caseIds[2]])).rejects.toThrow(/cases_htcds_row_key/);
  });
});
