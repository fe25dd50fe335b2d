import { eq, type SQL, sql } from 'drizzle-orm';
import { bulkInserts } from '../../db/bulk-insert.ts';
import { type DbOrTx, rowsOf } from '../../db/client.ts';
import { agencies, caseActions, cases, htcdsImports, persons } from '../../db/schema.ts';

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

/**
 * Which of these row keys were imported before (the keys travel as one array parameter). A key
 * hashes the importing agency with the row, so one agency's keys never meet another's.
 */
export async function importedRowKeys(tx: DbOrTx, keys: readonly string[]): Promise<Set<string>> {
  const rows = rowsOf<{ key: string }>(
    await tx.execute(sql`SELECT htcds_row_key AS key FROM cases WHERE htcds_row_key = ANY(${sql.param(keys as string[])}::text[])`),
  );
  return new Set(rows.map((r) => r.key));
}

/** Records an import makes, a slice of the file at a time. */
export interface ImportedSlice {
  persons: (typeof persons.$inferInsert)[];
  cases: (typeof cases.$inferInsert)[];
  actions: (typeof caseActions.$inferInsert)[];
}

/** Case references for `n` new cases of a year, from the one sequence every case uses. */
export async function nextCaseReferences(tx: DbOrTx, year: number, n: number): Promise<string[]> {
  if (n === 0) return [];
  const rows = rowsOf<{ n: string | number }>(await tx.execute(sql`SELECT nextval('case_reference_seq') AS n FROM generate_series(1, ${n})`));
  return rows.map((r) => `QRG-${year}-${String(r.n).padStart(6, '0')}`);
}

/**
 * A slice's statements, serialised now: its persons, their cases (with the row keys) and the
 * cases' actions, in that order (each names the one before).
 */
export const importedSliceInserts = (slice: ImportedSlice): SQL[] => [
  ...bulkInserts(persons, slice.persons),
  ...bulkInserts(cases, slice.cases),
  ...bulkInserts(caseActions, slice.actions),
];

export async function insertImport(tx: DbOrTx, row: typeof htcdsImports.$inferInsert): Promise<void> {
  await tx.insert(htcdsImports).values(row);
}

/** The import's count of records linked to earlier ones, known once they are all written. */
export async function setImportLinked(tx: DbOrTx, id: string, linked: number): Promise<void> {
  await tx.update(htcdsImports).set({ linked }).where(eq(htcdsImports.id, id));
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
