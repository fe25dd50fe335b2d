import { and, eq, inArray, sql } from 'drizzle-orm';
import { insertMany } from '../../db/bulk-insert.ts';
import { type DbOrTx, rowsOf } from '../../db/client.ts';
import { agencies, caseActions, cases, htcdsImportedRows, htcdsImports, persons } from '../../db/schema.ts';

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
  await insertMany(tx, persons, rows, { refreshStatistics: true });
}

/** The cases, their actions and the row keys, in that order (the keys name both). */
export async function insertImportedRecords(tx: DbOrTx, records: ImportedRecords): Promise<void> {
  await insertMany(tx, cases, records.cases, { refreshStatistics: true });
  await insertMany(tx, caseActions, records.actions, { refreshStatistics: true });
  await insertMany(tx, htcdsImportedRows, records.rows);
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
  const rows = rowsOf<{ n: string | number }>(
    await tx.execute(sql`
      WITH mine AS MATERIALIZED (SELECT unnest(${sql.param(personIds as string[])}::uuid[]) AS id),
      touched AS (SELECT DISTINCT pc.cluster_id FROM person_clusters pc JOIN mine ON mine.id = pc.person_id),
      mixed AS (
        SELECT DISTINCT t.cluster_id FROM touched t
        JOIN person_clusters other ON other.cluster_id = t.cluster_id
        LEFT JOIN mine m ON m.id = other.person_id
        WHERE m.id IS NULL)
      SELECT count(*) AS n FROM person_clusters pc JOIN mine ON mine.id = pc.person_id JOIN mixed ON mixed.cluster_id = pc.cluster_id`),
  );
  return Number(rows[0]?.n ?? 0);
}
