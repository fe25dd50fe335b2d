/** Temporary benchmark databases on a PostgreSQL server (created and dropped by the bench). */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { onCleanup } from './process.ts';

/** Admin connection (may CREATE/DROP DATABASE). BENCH_DATABASE_URL overrides. */
export const adminUrl = (): string => process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

export async function query<T extends pg.QueryResultRow = Record<string, unknown>>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(text, values)).rows;
  } finally {
    await c.end();
  }
}

export async function serverVersion(url = adminUrl()): Promise<string> {
  const [row] = await query<{ v: string }>(url, `SELECT split_part(version(), ' on ', 1) AS v`);
  return row?.v ?? 'unknown';
}

export interface BenchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** CREATE DATABASE qorgau_bench_<random>; dropped by drop() or, failing that, on exit. */
export async function createBenchDatabase(prefix = 'qorgau_bench'): Promise<BenchDatabase> {
  const admin = adminUrl();
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  try {
    await query(admin, `CREATE DATABASE ${name}`);
  } catch (e) {
    throw new Error(`cannot create database ${name} via ${redact(admin)} (set BENCH_DATABASE_URL?): ${(e as Error).message}`);
  }
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    await query(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    console.log(`dropped database ${name}`);
  };
  onCleanup(drop);
  return { name, url: withDatabase(admin, name), drop };
}

export const redact = (url: string) => url.replace(/:\/\/([^:@/]+):[^@/]*@/, '://$1:***@');
