/**
 * The national-scale benchmark database: built once (bench/lib/national-data.ts), kept between
 * runs under a fixed name with its key file in a fixed data directory, dropped at the end
 * unless BENCH_SCALE_KEEP=1 (generating 1,000,000 persons takes several minutes on two vCPUs).
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../apps/server/src/config.ts';
import { openRuntime, type Runtime } from '../../apps/server/src/runtime/runtime.ts';
import { buildNationalData, type NationalSizes } from './national-data.ts';
import { adminUrl, query, redact, withDatabase } from './pg.ts';
import { onCleanup } from './process.ts';

export interface NationalDb {
  url: string;
  runtime: Runtime;
  built: Record<string, number> | null;
}

const SIZE_MARK = 'qorgau-bench-scale';

/** Opens (and if needed creates and fills) the database; null when no PostgreSQL server answers. */
export async function openNationalDb(name: string, sizes: NationalSizes, keep: boolean): Promise<NationalDb | null> {
  const admin = adminUrl();
  try {
    await query(admin, 'SELECT 1');
  } catch (e) {
    console.log(`no PostgreSQL server at ${redact(admin)} (${(e as Error).message}): skipped. Set BENCH_DATABASE_URL to run it.`);
    return null;
  }
  const url = withDatabase(admin, name);
  const dataDir = join(tmpdir(), `${name}-data`);
  const mark = `${SIZE_MARK} ${JSON.stringify(sizes)}`;
  const exists = (await query(admin, 'SELECT 1 FROM pg_database WHERE datname = $1', [name])).length > 0;
  let reuse = false;
  if (exists && existsSync(dataDir)) {
    const [row] = await query<{ d: string | null }>(
      url,
      `SELECT shobj_description(oid, 'pg_database') AS d FROM pg_database WHERE datname = current_database()`,
    );
    reuse = row?.d === mark;
  }
  if (!reuse) {
    await query(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    rmSync(dataDir, { recursive: true, force: true });
    await query(admin, `CREATE DATABASE ${name}`);
  }
  if (!keep) {
    onCleanup(async () => {
      await query(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      rmSync(dataDir, { recursive: true, force: true });
      console.log(`dropped database ${name} (BENCH_SCALE_KEEP=1 keeps it for the next run)`);
    });
  }
  mkdirSync(dataDir, { recursive: true });
  const config = loadConfig({ DATABASE_URL: url, DATABASE_POOL_SIZE: '4', QORGAU_DATA_DIR: dataDir, LOG_LEVEL: 'warn', QORGAU_SEED: 'none' });
  const runtime = await openRuntime(config, { allowCreateKey: !reuse });
  let built: Record<string, number> | null = null;
  if (!reuse) {
    console.log(`building ${name}: ${JSON.stringify(sizes)} …`);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      built = await buildNationalData(client, sizes, (s) => console.log(s));
      await client.query(`COMMENT ON DATABASE ${name} IS '${mark}'`);
    } finally {
      await client.end();
    }
  } else {
    console.log(`reusing ${name} (${JSON.stringify(sizes)})`);
  }
  return { url, runtime, built };
}
