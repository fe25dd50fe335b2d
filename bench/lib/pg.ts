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
  try {
    const [row] = await query<{ v: string }>(url, `SELECT split_part(version(), ' on ', 1) AS v`);
    return row?.v ?? 'unknown';
  } catch (e) {
    throw new Error(`cannot reach PostgreSQL at ${redact(url)} (set BENCH_DATABASE_URL): ${(e as Error).message}`);
  }
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

/**
 * Samples pg_stat_activity of database `db` every 250 ms: the average number of its backends
 * per state/wait event (e.g. "active", "Lock:transactionid", "idle in transaction:ClientRead":
 * a transaction waiting for its client's next statement).
 */
export async function activitySampler(url: string, db: string): Promise<() => Promise<Record<string, number>>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const counts = new Map<string, number>();
  let samples = 0;
  let busy: Promise<void> | null = null;
  const sample = async () => {
    const { rows } = await c.query<{ k: string; n: string }>(
      `SELECT state || coalesce(':' || wait_event_type || ':' || wait_event, '') AS k, count(*) AS n
         FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND backend_type = 'client backend' GROUP BY 1`,
      [db],
    );
    samples++;
    for (const r of rows) counts.set(r.k, (counts.get(r.k) ?? 0) + Number(r.n));
  };
  const timer = setInterval(() => {
    if (!busy)
      busy = sample()
        .catch(() => undefined)
        .finally(() => (busy = null));
  }, 250);
  return async () => {
    clearInterval(timer);
    await busy;
    await c.end();
    const out: Record<string, number> = {};
    for (const [k, n] of [...counts].sort((a, b) => b[1] - a[1])) out[k] = Number((n / Math.max(1, samples)).toFixed(1));
    return out;
  };
}

export const fmtActivity = (a: Record<string, number>) =>
  Object.entries(a)
    .filter(([, n]) => n >= 0.1)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ') || 'none';
