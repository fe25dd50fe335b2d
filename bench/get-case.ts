/**
 * GET /api/v1/cases/:id on a PostgreSQL server, against pgbench running the equivalent SQL.
 *
 * A temporary database (qorgau_bench_<random>) is seeded with organisations and
 * BENCH_CASE_PERSONS (100,000) persons with cases by the CLI, then: pgbench (before) → the
 * server per pool size (BENCH_POOL_SIZES, "20,50") under autocannon (BENCH_CONNECTIONS 50,
 * BENCH_DURATION 20 s, random ids from a sample of 1,000) → pgbench (after) → round trips per
 * request (through a counting proxy) → EXPLAIN ANALYZE of the reads. The database is dropped.
 * After each app run: how long entries written under load took from their insert (autocommit,
 * so ≈ commit) to being linked into the keyed audit chain by the background chainer (ADR 0007).
 * Targets (issue #8): pgbench app-sql ≥ 80% of minimal; the app ≥ 35% of minimal; p99 ≤ 50 ms
 * at 50 connections; server RSS ≤ 300 MB (issue #1); the chaining delay reported.
 *
 *   npx tsx bench/get-case.ts            (BENCH_DATABASE_URL overrides the admin URL)
 */
import { join } from 'node:path';
import pg from 'pg';
import { signIn, demoAccount, type SignedIn } from './lib/auth.ts';
import { countingProxy, cpuSampler, fmtCpu, loadCases, type CpuUse, type LoadResult } from './lib/load.ts';
import { activitySampler, adminUrl, createBenchDatabase, fmtActivity, query, redact, serverVersion } from './lib/pg.ts';
import { PGBENCH_RUNS, preparePgbench, runPgbench, type PgbenchResult } from './lib/pgbench.ts';
import { runMain, tempDir } from './lib/process.ts';
import { waitForQuiet } from './lib/procfs.ts';
import { envInt, fmtInt, machine, printMachine, round, verdict, writeResult } from './lib/report.ts';
import { printSeedRun, runSeed } from './lib/seed-run.ts';
import { startQorgau } from './lib/server.ts';

const PERSONS = envInt('BENCH_CASE_PERSONS', 100_000);
const CONNECTIONS = envInt('BENCH_CONNECTIONS', 50);
const SECONDS = envInt('BENCH_DURATION', 20);
const WARMUP = envInt('BENCH_WARMUP', 5);
const POOLS = (process.env.BENCH_POOL_SIZES ?? '20,50').split(',').map(Number);
const SAMPLE = 1_000;
const TARGET = { ratio: 0.35, appSqlRatio: 0.8, p99Ms: 50, rssMb: 300 };
/** Milliseconds of CPU per request from cores busy and requests per second. */
const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(1)}%`;
const perReq = (cores: number, perSecond: number) => ((cores / perSecond) * 1000).toFixed(2);

interface AppRun {
  pool: number;
  load: LoadResult;
  serial: LoadResult;
  cpu: CpuUse;
  /** Average backends of the bench database per state/wait event during the load. */
  activity: Record<string, number>;
  rssMb: number | null;
  hwmMb: number | null;
  chaining: ChainDelay;
}

interface ChainDelay {
  entries: number;
  linked: number;
  p50Ms: number | null;
  p95Ms: number | null;
  maxMs: number | null;
}

/** Insert → linked (audit_chain.chained_at, the chainer's transaction start) for entries written in [from, to). */
async function chainDelay(dbUrl: string, from: Date, to: Date): Promise<ChainDelay> {
  const [r] = await query<{ entries: number; linked: number; p50: number | null; p95: number | null; max: number | null }>(
    dbUrl,
    `SELECT count(*)::int AS entries, count(ch.seq)::int AS linked,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ch.chained_at - l.at)) * 1000 AS p50,
            percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM ch.chained_at - l.at)) * 1000 AS p95,
            max(extract(epoch FROM ch.chained_at - l.at)) * 1000 AS max
       FROM audit_log l LEFT JOIN audit_chain ch ON ch.entry_id = l.id
      WHERE l.at >= $1 AND l.at < $2`,
    [from, to],
  );
  const ms = (x: number | null | undefined) => (x == null ? null : round(Number(x), 1));
  return { entries: r?.entries ?? 0, linked: r?.linked ?? 0, p50Ms: ms(r?.p50), p95Ms: ms(r?.p95), maxMs: ms(r?.max) };
}

async function appRun(env: Record<string, string>, dbName: string, pool: number, session: SignedIn, ids: string[]): Promise<AppRun> {
  await waitForQuiet(`app pool ${pool}`);
  const server = await startQorgau({ ...env, QORGAU_SEED: 'none', DATABASE_POOL_SIZE: String(pool) });
  const base = { baseUrl: server.baseUrl, cookie: session.cookie, ids };
  await loadCases({ ...base, connections: CONNECTIONS, seconds: WARMUP });
  const serial = await loadCases({ ...base, connections: 1, seconds: 5 });
  const sample = cpuSampler(server.proc.pid);
  const waits = await activitySampler(adminUrl(), dbName);
  const loadFrom = new Date();
  const load = await loadCases({ ...base, connections: CONNECTIONS, seconds: SECONDS });
  const loadTo = new Date();
  const cpu = sample();
  const activity = await waits();
  // Give the chainer (every 200 ms) a moment to link the last requests before stopping the server.
  await new Promise((r) => setTimeout(r, 1_000));
  const { mem } = await server.stop();
  const chaining = await chainDelay(env.DATABASE_URL as string, loadFrom, loadTo);
  const run = { pool, load, serial, cpu, activity, rssMb: mem ? round(mem.rssMb) : null, hwmMb: mem ? round(mem.hwmMb) : null, chaining };
  console.log(
    `  app, pool ${String(pool).padStart(2)}: ${fmtInt(load.reqPerSec)} req/s, p50 ${load.p50Ms} ms, p99 ${load.p99Ms} ms, max ${load.maxMs} ms, ` +
      `non-2xx ${load.non2xx}, errors ${load.errors + load.timeouts}; RSS ${run.rssMb} MB (peak ${run.hwmMb} MB)`,
  );
  console.log(`              1 connection: ${fmtInt(serial.reqPerSec)} req/s, p50 ${serial.p50Ms} ms, avg ${serial.avgMs} ms`);
  console.log(`              ${fmtCpu(cpu)}`);
  console.log(`              CPU per request: server ${perReq(cpu.server, load.reqPerSec)} ms, postgres ${perReq(cpu.postgres, load.reqPerSec)} ms`);
  console.log(`              backends: ${fmtActivity(activity)}`);
  console.log(
    `              audit chaining: ${fmtInt(chaining.linked)} of ${fmtInt(chaining.entries)} entries linked; insert → linked p50 ${chaining.p50Ms} ms, p95 ${chaining.p95Ms} ms, max ${chaining.maxMs} ms`,
  );
  if (load.non2xx || load.errors || load.timeouts) console.log(`              status codes: ${JSON.stringify(load.statusCodes)}`);
  return run;
}

type PgbenchRun = PgbenchResult & { cpu: CpuUse; activity: Record<string, number> };

async function pgbenchRound(label: string, dbUrl: string, dbName: string, dir: string, vars: Record<string, string>): Promise<PgbenchRun[]> {
  const out = [];
  for (const { script, mode } of PGBENCH_RUNS) {
    await waitForQuiet(`pgbench ${script} ${mode}`);
    const sample = cpuSampler();
    const waits = await activitySampler(adminUrl(), dbName);
    const r = await runPgbench({ dbUrl, script, mode, dir, clients: CONNECTIONS, threads: 2, seconds: SECONDS, vars });
    const cpu = sample();
    const activity = await waits();
    console.log(
      `  pgbench ${label.padEnd(6)} ${`${script}/${mode}`.padEnd(16)} ${fmtInt(r.tps)} tps, latency avg ${r.latencyAvgMs} ms, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, failed ${r.failed}`,
    );
    console.log(`                         postgres CPU per transaction: ${perReq(cpu.postgres, r.tps)} ms`);
    console.log(`                         ${fmtCpu(cpu)}`);
    console.log(`                         backends: ${fmtActivity(activity)}`);
    out.push({ ...r, cpu, activity });
  }
  return out;
}

/** Postgres round trips per request, counted by a proxy between a 1-connection server and PostgreSQL. */
async function roundTrips(env: Record<string, string>, dbUrl: string, session: SignedIn, ids: string[]): Promise<number> {
  const u = new URL(dbUrl);
  const proxy = await countingProxy({ host: u.hostname, port: Number(u.port || 5432) });
  try {
    u.host = `127.0.0.1:${proxy.port}`;
    const server = await startQorgau({ ...env, DATABASE_URL: u.toString(), QORGAU_SEED: 'none', DATABASE_POOL_SIZE: '1' });
    const get = async (id: string) => {
      const res = await fetch(`${server.baseUrl}/api/v1/cases/${id}`, { headers: { cookie: session.cookie } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`GET case answered ${res.status}`);
    };
    for (const id of ids.slice(0, 20)) await get(id);
    const before = proxy.roundTrips();
    const n = 200;
    for (let i = 0; i < n; i++) await get(ids[i % ids.length] as string);
    const perRequest = (proxy.roundTrips() - before) / n;
    await server.stop();
    return perRequest;
  } finally {
    await proxy.close();
  }
}

/** EXPLAIN ANALYZE on one connection, 3 times each: the last shows warm (cached catalog) planning. */
async function explain(dbUrl: string, caseId: string): Promise<Record<string, string>> {
  const plans: Record<string, string> = {
    case: `SELECT c.*, p.*, a.name FROM cases c JOIN persons p ON p.id = c.person_id JOIN agencies a ON a.id = c.owner_agency_id WHERE c.id = $1`,
    actions: `SELECT ca.*, u.display_name, ag.name FROM case_actions ca JOIN users u ON u.id = ca.actor_id JOIN agencies ag ON ag.id = ca.agency_id WHERE ca.case_id = $1 ORDER BY ca.seq`,
  };
  const out: Record<string, string> = {};
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  try {
    for (const [k, sql] of Object.entries(plans)) {
      const times: string[] = [];
      for (let i = 0; i < 3; i++) {
        const rows = (await c.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql.replace('$1', `'${caseId}'`)}`)).rows;
        out[k] = rows.map((r) => r['QUERY PLAN']).join('\n');
        times.push(
          out[k]
            .split('\n')
            .filter((l) => /Planning Time|Execution Time/.test(l))
            .map((l) => l.trim())
            .join(', '),
        );
      }
      console.log(`  ${k.padEnd(8)} cold: ${times[0]}; warm: ${times[2]}`);
    }
  } finally {
    await c.end();
  }
  return out;
}

runMain('get-case', async () => {
  const m = machine();
  m.postgres = await serverVersion();
  printMachine(m);
  const db = await createBenchDatabase();
  const dir = tempDir('get-case');
  const env = { DATABASE_URL: db.url, QORGAU_DATA_DIR: dir, QORGAU_KEY_FILE: join(dir, 'keyring.json') };
  console.log(`\ndatabase ${db.name} on ${redact(db.url)}; seeding ${fmtInt(PERSONS)} persons with cases…`);
  await waitForQuiet('seed');
  const seed = await runSeed('postgres', PERSONS, env, 60 * 60_000);
  printSeedRun(seed);
  await query(db.url, 'VACUUM (ANALYZE)');
  await query(db.url, 'CHECKPOINT').catch(() => console.log('  (CHECKPOINT not permitted; continuing)'));

  const ids = (await query<{ id: string }>(db.url, `SELECT id FROM cases ORDER BY random() LIMIT ${SAMPLE}`)).map((r) => r.id);
  const [coordinator] = await query<{ id: string; agency_id: string }>(db.url, `SELECT id, agency_id FROM users WHERE username = 'coordinator'`);
  if (!coordinator || ids.length === 0) throw new Error('seeded database has no coordinator or no cases');
  await preparePgbench(db.url, ids);

  // One sign-in (a TOTP code is accepted once); the session row lives in the database.
  const { password, account } = demoAccount(dir, 'coordinator');
  const signer = await startQorgau({ ...env, QORGAU_SEED: 'none' });
  const session = await signIn(signer.baseUrl, account.username, password, account.totpSecret);
  await signer.stop();
  // Shaped like the old lane chain's hashed payload, for the app-sql-lanes script.
  const payload = JSON.stringify({
    actorId: coordinator.id,
    actorRole: 'national_coordinator',
    actorUsername: 'coordinator',
    agencyId: coordinator.agency_id,
    at: new Date().toISOString(),
    details: { identity: true },
    ip: '127.0.0.1',
    lane: 0,
    operation: 'case.read',
    outcome: 'success',
    recordId: ids[0],
    recordType: 'case',
  });
  const vars = { ncases: String(ids.length), actor: coordinator.id, agency: coordinator.agency_id, token: session.tokenHash, payload };

  console.log(`\nload: ${CONNECTIONS} connections, ${SECONDS} s each (app: after ${WARMUP} s warm-up and a 5 s 1-connection run)`);
  const before = await pgbenchRound('before', db.url, db.name, dir, vars);
  const apps: AppRun[] = [];
  for (const pool of POOLS) apps.push(await appRun(env, db.name, pool, session, ids));
  const after = await pgbenchRound('after', db.url, db.name, dir, vars);

  console.log('\ndiagnosis');
  const trips = await roundTrips(env, db.url, session, ids);
  console.log(`  PostgreSQL round trips per GET /cases/:id: ${trips.toFixed(2)}`);
  const plans = await explain(db.url, ids[0] as string);

  const baseline = (script: string, mode: string) => {
    const xs = [...before, ...after].filter((r) => r.script === script && r.mode === mode).map((r) => r.tps);
    return xs.reduce((a, b) => a + b, 0) / xs.length;
  };
  const minimalTps = baseline('minimal', 'prepared');
  const appSqlTps = baseline('app-sql', 'prepared');
  const appSqlExtTps = baseline('app-sql', 'extended');
  const lanesTps = baseline('app-sql-lanes', 'prepared');
  const best = apps.reduce((a, b) => (b.load.reqPerSec > a.load.reqPerSec ? b : a));
  const ratio = best.load.reqPerSec / minimalTps;
  const clean = apps.every((a) => a.load.non2xx === 0 && a.load.errors === 0 && a.load.timeouts === 0);
  console.log('\nsummary');
  console.log(`  pgbench (mean of before/after): minimal ${fmtInt(minimalTps)} tps; app-sql prepared ${fmtInt(appSqlTps)}, extended ${fmtInt(appSqlExtTps)}`);
  console.log(`  best app run: pool ${best.pool}, ${fmtInt(best.load.reqPerSec)} req/s`);
  const appSqlRatio = appSqlTps / minimalTps;
  console.log(`  before issue #8 (lane heads on the request path, pgbench app-sql-lanes): ${fmtInt(lanesTps)} tps = ${pct(lanesTps, minimalTps)} of minimal`);
  console.log(
    `  app's SQL (pgbench app-sql prepared) = ${(appSqlRatio * 100).toFixed(1)}% of minimal (target ≥ 80%: ${verdict(appSqlRatio >= TARGET.appSqlRatio)})`,
  );
  console.log(`  HTTP throughput = ${(ratio * 100).toFixed(1)}% of pgbench minimal (target ≥ 35%: ${verdict(ratio >= TARGET.ratio)})`);
  console.log(`    for comparison: ${pct(best.load.reqPerSec, appSqlTps)} of app-sql prepared, ${pct(best.load.reqPerSec, appSqlExtTps)} of app-sql extended`);
  for (const a of apps) {
    console.log(
      `  pool ${a.pool}: p99 ${a.load.p99Ms} ms (target ≤ ${TARGET.p99Ms}: ${verdict(a.load.p99Ms <= TARGET.p99Ms)}), ` +
        `RSS ${a.rssMb} MB, peak ${a.hwmMb} MB (target ≤ ${TARGET.rssMb}: ${verdict((a.hwmMb ?? Infinity) <= TARGET.rssMb)})`,
    );
  }
  console.log(`  non-2xx / errors: ${clean ? 'none' : 'SOME (see above)'}`);

  writeResult('get-case', {
    machine: m,
    persons: PERSONS,
    connections: CONNECTIONS,
    seconds: SECONDS,
    seed,
    pgbench: {
      before,
      after,
      minimalTps: round(minimalTps, 1),
      appSqlTps: round(appSqlTps, 1),
      appSqlExtendedTps: round(appSqlExtTps, 1),
      appSqlLanesTps: round(lanesTps, 1),
    },
    apps,
    roundTripsPerRequest: trips,
    plans,
    targets: {
      ...TARGET,
      ratio: round(ratio, 3),
      ratioMet: ratio >= TARGET.ratio,
      appSqlRatio: round(appSqlRatio, 3),
      appSqlRatioMet: appSqlRatio >= TARGET.appSqlRatio,
      clean,
    },
  });
  await db.drop();
});
