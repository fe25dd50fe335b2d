import { and, eq, inArray, sql } from 'drizzle-orm';
import { type DbOrTx, rowsOf } from '../../db/client.ts';
import { agencies, caseActions, cases, htcdsImportedRows, htcdsImports, persons } from '../../db/schema.ts';

/** Rows per multi-row INSERT (each statement runs its tables' statement triggers once): under PostgreSQL's 65,535 parameters for the widest table. */
const CHUNK = 2_000;

async function insertChunked<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * The agency imported for, locked for the transaction: two imports for one agency run one
 * after the other, so the second sees the first's row keys (idempotency under concurrency).
 */
export async function lockImportingAgency(tx: DbOrTx, agencyId: string) {
  const [row] = await tx
    .select({ id: agencies.id, regionCode: agencies.regionCode, disabled: agencies.disabled, type: agencies.type })
    .from(agencies)
    .where(eq(agencies.id, agencyId))
    .for('update');
  return row ?? null;
}

/** Which of these row keys the agency has imported before. */
export async function importedRowKeys(tx: DbOrTx, agencyId: string, keys: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += 5_000) {
    const rows = await tx
      .select({ key: htcdsImportedRows.rowKey })
      .from(htcdsImportedRows)
      .where(and(eq(htcdsImportedRows.agencyId, agencyId), inArray(htcdsImportedRows.rowKey, keys.slice(i, i + 5_000))));
    for (const r of rows) found.add(r.key);
  }
  return found;
}

export interface ImportedRecords {
  cases: (typeof cases.$inferInsert)[];
  actions: (typeof caseActions.$inferInsert)[];
  rows: (typeof htcdsImportedRows.$inferInsert)[];
}

/** Case references for `n` new cases of a year, from the one sequence every case uses. */
export async function nextCaseReferences(tx: DbOrTx, year: number, n: number): Promise<string[]> {
  if (n === 0) return [];
  const rows = rowsOf<{ n: string | number }>(await tx.execute(sql`SELECT nextval('case_reference_seq') AS n FROM generate_series(1, ${n})`));
  return rows.map((r) => `QRG-${year}-${String(r.n).padStart(6, '0')}`);
}

export async function insertPersons(tx: DbOrTx, rows: (typeof persons.$inferInsert)[]): Promise<void> {
  await insertChunked(rows, (chunk) => tx.insert(persons).values(chunk));
}

/** The cases, their actions and the row keys, in that order (the keys name both). */
export async function insertImportedRecords(tx: DbOrTx, records: ImportedRecords): Promise<void> {
  await insertChunked(records.cases, (chunk) => tx.insert(cases).values(chunk));
  await insertChunked(records.actions, (chunk) => tx.insert(caseActions).values(chunk));
  await insertChunked(records.rows, (chunk) => tx.insert(htcdsImportedRows).values(chunk));
}

export async function insertImport(tx: DbOrTx, row: typeof htcdsImports.$inferInsert): Promise<void> {
  await tx.insert(htcdsImports).values(row);
}

export async function findImport(tx: DbOrTx, id: string) {
  const [row] = await tx.select().from(htcdsImports).where(eq(htcdsImports.id, id));
  return row ?? null;
}

/**
 * How many of these new records the linkage engine put in a cluster with a record that was
 * already in the register: the persons the register now counts once, not twice.
 */
export async function linkedToEarlier(tx: DbOrTx, personIds: readonly string[]): Promise<number> {
  if (personIds.length === 0) return 0;
  let linked = 0;
  for (let i = 0; i < personIds.length; i += 5_000) {
    const ids = personIds.slice(i, i + 5_000);
    const rows = rowsOf<{ n: string | number }>(
      await tx.execute(sql`
        SELECT count(*) AS n FROM person_clusters mine
        WHERE mine.person_id IN (SELECT unnest(${sql.param(ids)}::uuid[]))
          AND EXISTS (
            SELECT 1 FROM person_clusters other
            WHERE other.cluster_id = mine.cluster_id
              AND other.person_id NOT IN (SELECT unnest(${sql.param(personIds as string[])}::uuid[])))`),
    );
    linked += Number(rows[0]?.n ?? 0);
  }
  return linked;
}
