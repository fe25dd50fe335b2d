import { createHash } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { Db } from './client.ts';

export const dialect = new PgDialect();
const names = new Map<string, string>();
const MAX_NAMED = 500;

/**
 * Runs one statement on its own (autocommit) as a named prepared statement on a PostgreSQL
 * server, so the hot paths (session lookup, audited case read) are parsed and planned once
 * per connection instead of on every request. The name is derived from the SQL text, which is
 * fixed per query shape (scopes are parameters: auth/scope-filter.ts). PGlite runs it plainly.
 */
export async function queryPrepared<T>(db: Db, query: SQL): Promise<T[]> {
  const { sql: text, params } = dialect.sqlToQuery(query);
  return queryCompiled<T>(db, text, params);
}

/** The same, for a statement whose text was compiled once (its values bound per call). */
export async function queryCompiled<T>(db: Db, text: string, params: unknown[]): Promise<T[]> {
  const client = (db as unknown as { $client: pg.Pool | { query(t: string, p: unknown[]): Promise<{ rows: T[] }> } }).$client;
  if (client instanceof pg.Pool) {
    let name = names.get(text);
    if (!name && names.size < MAX_NAMED) {
      name = `q_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
      names.set(text, name);
    }
    const result = await client.query<T & pg.QueryResultRow>(name ? { name, text, values: params } : { text, values: params });
    return result.rows;
  }
  return (await client.query(text, params)).rows;
}
