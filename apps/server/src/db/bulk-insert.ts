import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './client.ts';

/** Rows per statement: each statement runs the table's statement triggers once, over its rows. */
const ROWS_PER_STATEMENT = 5_000;

/**
 * Many rows of one table written a few thousand a statement (an HTCDS import of 100,000 rows),
 * sent as one JSON parameter and expanded by PostgreSQL (`json_populate_recordset` over the
 * table's own row type). Drizzle's multi-row INSERT binds one parameter per value: building
 * and sending 2,000 persons took longer in Node than the insert took in PostgreSQL, and a
 * statement holds at most 65,535 parameters. Same constraints, defaults, triggers and indexes
 * as any insert: only the way the values travel differs.
 *
 * Every row must give the same columns (the first row's defined ones); a column none of them
 * gives takes its default.
 */
export async function insertMany<T extends PgTable>(tx: DbOrTx, table: T, rows: readonly T['$inferInsert'][]): Promise<void> {
  await runBulkInserts(tx, bulkInserts(table, rows));
}

/**
 * The statements of `insertMany`, each serialised when it is taken (`insertMany` holds one at a
 * time), run by `runBulkInserts`. A caller that queues writes takes them all at once and builds
 * the next ones while PostgreSQL runs the last, rather than PostgreSQL waiting while Node
 * serialises.
 */
export function* bulkInserts<T extends PgTable>(table: T, rows: readonly T['$inferInsert'][]): Generator<SQL> {
  if (rows.length === 0) return;
  const { name } = getTableConfig(table);
  const first = rows[0] as Record<string, unknown>;
  const all = Object.entries(getTableColumns(table));
  const columns = all.filter(([key]) => first[key] !== undefined);
  const left = all.filter(([key]) => first[key] === undefined).map(([key]) => key);
  const differ = (key: string) => new Error(`insertMany(${name}): rows give different columns (${key})`);
  const names = sql.join(
    columns.map(([, c]) => sql.identifier(c.name)),
    sql`, `,
  );
  const rowType = sql.identifier(name);
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const payload = rows.slice(i, i + ROWS_PER_STATEMENT).map((row) => {
      const out: Record<string, unknown> = {};
      // A value the first row does not give would be dropped silently: refused instead.
      for (const key of left) if ((row as Record<string, unknown>)[key] !== undefined) throw differ(key);
      for (const [key, column] of columns) {
        const value = (row as Record<string, unknown>)[key];
        if (value === undefined) throw differ(key);
        // JSON and arrays travel as JSON (PostgreSQL turns a JSON array into an array column);
        // the rest as the driver would send them (a Date as its ISO instant).
        out[column.name] = value === null || column.dataType === 'json' || column.dataType === 'array' ? value : column.mapToDriverValue(value);
      }
      return out;
    });
    yield sql`INSERT INTO ${rowType} (${names}) SELECT ${names} FROM json_populate_recordset(NULL::${rowType}, ${JSON.stringify(payload)}::json)`;
  }
}

/** Runs statements of `bulkInserts` in order. */
export async function runBulkInserts(tx: DbOrTx, statements: Iterable<SQL>): Promise<void> {
  for (const s of statements) await tx.execute(s);
}
