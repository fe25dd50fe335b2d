/**
 * National statistics at scale (issue #13): on PostgreSQL with ten years of data — 1,000,000
 * persons with a case each, 5,000,000 screenings (most without a person), the referrals, care
 * and criminal cases that go with them (bench/lib/national-data.ts, justice-data.ts,
 * statistics-data.ts, generated in SQL) — the median and p95 after warm-up of every statistics
 * view through the app (`app.inject` with a session row, every hook and serializer of a real
 * request): GET /statistics/year, /trend (ten years), /regions, /records (first page) and, when
 * the server has it, /statistics/report (JSON and PDF), for the national coordinator and for a
 * regional identification officer of the largest region. Target: each ≤ 1 s.
 * Then the same on the embedded database (PGlite) at a size it generates in minutes.
 *
 *   BENCH_STATS_KEEP=1 npx tsx bench/statistics.ts        keeps qorgau_bench_stats for the next run
 *   BENCH_STATS_PERSONS=1000000 BENCH_STATS_YEARS=10 BENCH_STATS_ITER=20
 *   BENCH_STATS_PGLITE_PERSONS=20000 (0 skips PGlite)  BENCH_STATS_PART=postgres|pglite
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pgClient from 'pg';
import type pg from 'pg';
import { buildApp } from '../apps/server/src/app.ts';
import { tokenHashOf } from '../apps/server/src/auth/session.repository.ts';
import { loadConfig } from '../apps/server/src/config.ts';
import { openRuntime } from '../apps/server/src/runtime/runtime.ts';
import { buildJusticeData } from './lib/justice-data.ts';
import { buildNationalData, type NationalSizes } from './lib/national-data.ts';
import { openNationalDb } from './lib/national-db.ts';
import { serverVersion } from './lib/pg.ts';
import { runMain } from './lib/process.ts';
import { waitForQuiet } from './lib/procfs.ts';
import { envInt, machine, percentileSorted, printMachine, round, verdict, writeResult } from './lib/report.ts';
import { screeningsWithoutPersonSql, statisticsSteps, type StatisticsSizes } from './lib/statistics-data.ts';

const YEARS = envInt('BENCH_STATS_YEARS', 10);
const ITER = envInt('BENCH_STATS_ITER', 20);
/** A view stops sampling after this many seconds (at least MIN samples). */
const BUDGET_S = envInt('BENCH_STATS_BUDGET', 60);
const MIN = 5;
const PART = process.env.BENCH_STATS_PART ?? 'all';
const API = '/api/v1';

/** Every size follows the persons (the issue's ratios: five screenings a person). */
function sizesFor(persons: number): { national: NationalSizes; statistics: StatisticsSizes; criminalCases: number; screeningsWithoutPerson: number } {
  return {
    national: {
      persons,
      providers: Math.max(200, Math.round(persons / 500 / 20) * 20),
      referrals: Math.round(persons * 0.3),
      proposals: Math.round(persons * 0.05),
    },
    statistics: { years: YEARS, earlierReferrals: Math.round(persons * 0.3), selfReports: Math.round(persons * 0.05) },
    // justice-data.ts takes its victims from persons 20k and 20k + 10
    criminalCases: Math.floor(persons / 20),
    // five screenings a person in all; the register has one for every fourth person
    screeningsWithoutPerson: envInt('BENCH_STATS_SCREENINGS', persons * 5 - Math.ceil(persons / 4)),
  };
}

interface Stat {
  median: number;
  p95: number;
  max: number;
  n: number;
  status: number;
}

const kazakhstanToday = () => new Date(Date.now() + 5 * 3600_000).toISOString().slice(0, 10);

/** Anything that runs a batch of statements: a pg.Client, or PGlite's exec. */
interface Exec {
  query(text: string): Promise<unknown>;
}

/** Adds the screenings without a person up to `target`, 250,000 a transaction, resuming where an earlier run stopped. */
async function addScreenings(client: { query(text: string): Promise<unknown> }, count: () => Promise<number>, target: number, today: string) {
  const CHUNK = 250_000;
  const t0 = performance.now();
  let done = await count();
  while (done < target) {
    const end = Math.min(target, done + CHUNK);
    await client.query(screeningsWithoutPersonSql(done, end, YEARS, today));
    done = end;
    console.log(`  screenings without a person: ${done.toLocaleString('en-US')} (${round((performance.now() - t0) / 1000)} s)`);
  }
  return round((performance.now() - t0) / 1000, 1);
}

async function fill(client: Exec, persons: number, log: (s: string) => void): Promise<Record<string, number>> {
  const sizes = sizesFor(persons);
  const today = kazakhstanToday();
  const seconds = await buildNationalData(client as pg.Client, sizes.national, log);
  Object.assign(seconds, await buildJusticeData(client as pg.Client, { criminalCases: sizes.criminalCases }, today, log));
  for (const [name, text] of statisticsSteps(sizes.statistics, sizes.national.providers, today)) {
    const t0 = performance.now();
    await client.query(text);
    seconds[name] = round((performance.now() - t0) / 1000, 1);
    log(`  ${name}: ${seconds[name]} s`);
  }
  seconds['screenings without a person'] = await addScreenings(client, async () => 0, sizes.screeningsWithoutPerson, today);
  const t0 = performance.now();
  await client.query('VACUUM ANALYZE');
  seconds['vacuum analyze (statistics)'] = round((performance.now() - t0) / 1000, 1);
  log(`  vacuum analyze: ${seconds['vacuum analyze (statistics)']} s`);
  return seconds;
}

async function counts(q: (text: string) => Promise<Record<string, number>[]>): Promise<Record<string, number>> {
  const tables = [
    'persons',
    'cases',
    'case_actions',
    'person_clusters',
    'screenings',
    'self_reports',
    'referrals',
    'protection_cases',
    'service_deliveries',
    'shelter_stays',
    'criminal_cases',
    'defendants',
    'proceeding_victims',
  ];
  const [row] = await q(`SELECT ${tables.map((t) => `(SELECT count(*)::int FROM ${t}) AS ${t}`).join(', ')},
    (SELECT count(*)::int FROM screenings WHERE person_id IS NULL) AS screenings_without_person,
    (SELECT count(*)::int FROM screenings WHERE anonymous) AS anonymous_screenings,
    (SELECT count(*)::int FROM cases WHERE trafficking_status = 'ActualVictimOfTrafficking') AS victim_cases`);
  return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, Number(v)]));
}

type Inject = (url: string, cookie: string) => Promise<number>;

/**
 * `afterWrite`: run before every request (a warm-up included), e.g. advancing the statistics
 * data version as any write does, so each request counts afresh: the first view after a write.
 */
async function timeViews(
  inject: Inject,
  actors: [string, string][],
  year: number,
  afterWrite?: () => Promise<unknown>,
): Promise<Record<string, Record<string, Stat>>> {
  const views: [string, string][] = [
    ['year', `${API}/statistics/year?year=${year}`],
    [`trend (${YEARS} years)`, `${API}/statistics/trend?from=${year - YEARS + 1}&to=${year}`],
    ['regions', `${API}/statistics/regions?year=${year}`],
    ['records p.1', `${API}/statistics/records?year=${year}&page=1&pageSize=25`],
    ['report json', `${API}/statistics/report?year=${year}&format=json`],
    ['report pdf', `${API}/statistics/report?year=${year}&format=pdf`],
  ];
  const out: Record<string, Record<string, Stat>> = {};
  for (const [label, cookie] of actors) {
    out[label] = {};
    console.log(`\n${label}`);
    for (const [name, url] of views) {
      await afterWrite?.();
      const status = await inject(url, cookie); // warm-up: plans, buffers
      if (status === 404) {
        console.log(`  ${name.padEnd(18)} not served (404): skipped`);
        continue;
      }
      await afterWrite?.();
      await inject(url, cookie);
      const ms: number[] = [];
      const start = performance.now();
      for (let i = 0; i < ITER && (ms.length < MIN || performance.now() - start < BUDGET_S * 1000); i++) {
        await afterWrite?.();
        const t0 = performance.now();
        await inject(url, cookie);
        ms.push(performance.now() - t0);
      }
      const s = Float64Array.from(ms).sort();
      const stat = {
        median: round(percentileSorted(s, 50), 1),
        p95: round(percentileSorted(s, 95), 1),
        max: round(s[s.length - 1] ?? NaN, 1),
        n: ms.length,
        status,
      };
      out[label][name] = stat;
      console.log(`  ${name.padEnd(18)} HTTP ${status}  median ${stat.median} ms  p95 ${stat.p95} ms  (n=${stat.n})  ≤ 1 s: ${verdict(stat.p95 <= 1000)}`);
    }
  }
  return out;
}

/** Sessions for the coordinator and the largest region's first identification officer (bench_uuid('u0')). */
async function sessions(q: (text: string, values?: unknown[]) => Promise<Record<string, string>[]>): Promise<[string, string][]> {
  const [ids] = await q(`SELECT bench_uuid('u-coordinator')::text AS coordinator, bench_uuid('u0')::text AS officer, u.regions[1] AS region, u.role
    FROM users u WHERE u.id = bench_uuid('u0')`);
  if (!ids) throw new Error('no bench accounts');
  const out: [string, string][] = [];
  for (const [label, id] of [
    ['national coordinator', ids.coordinator],
    [`regional ${ids.role} (${ids.region}, the largest region)`, ids.officer],
  ] as [string, string][]) {
    const token = randomBytes(32).toString('base64url');
    await q(`INSERT INTO sessions (token_hash, user_id, csrf_token, stage, expires_at) VALUES ($1, $2, 'bench', 'active', now() + interval '1 day')`, [
      tokenHashOf(token),
      id,
    ]);
    out.push([label, `qorgau_session=${token}`]);
  }
  return out;
}

async function onPostgres(year: number) {
  const persons = envInt('BENCH_STATS_PERSONS', 1_000_000);
  const sizes = sizesFor(persons);
  const keep = process.env.BENCH_STATS_KEEP === '1';
  // The national register is built by openNationalDb; the justice and statistics layers once, here.
  const opened = await openNationalDb(process.env.BENCH_STATS_DB ?? 'qorgau_bench_stats', { ...sizes.national, years: YEARS } as NationalSizes, keep);
  if (!opened) return null;
  const deps = opened.runtime.deps;
  const pool = (deps.db as unknown as { $client: pg.Pool }).$client;
  let built = opened.built;
  const [{ n }] = (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM exchange_rates')).rows as [{ n: number }];
  if (n === 0) {
    // As the database's owner (the runtime's pool may run as the application's role).
    const client = new pgClient.Client({ connectionString: opened.url });
    await client.connect();
    const t0 = performance.now();
    try {
      const today = kazakhstanToday();
      const [{ cc }] = (await client.query<{ cc: number }>('SELECT count(*)::int AS cc FROM criminal_cases')).rows as [{ cc: number }];
      const more = cc ? {} : await buildJusticeData(client, { criminalCases: sizes.criminalCases }, today, (s) => console.log(s));
      for (const [name, text] of statisticsSteps(sizes.statistics, sizes.national.providers, today)) {
        const t1 = performance.now();
        await client.query(text);
        more[name] = round((performance.now() - t1) / 1000, 1);
        console.log(`  ${name}: ${more[name]} s`);
      }
      const t2 = performance.now();
      await client.query('VACUUM ANALYZE');
      more['vacuum analyze (statistics)'] = round((performance.now() - t2) / 1000, 1);
      console.log(`  vacuum analyze: ${more['vacuum analyze (statistics)']} s`);
      built = { ...(built ?? {}), ...more, 'statistics layers total': round((performance.now() - t0) / 1000, 1) };
    } finally {
      await client.end();
    }
  }
  {
    const client = new pgClient.Client({ connectionString: opened.url });
    await client.connect();
    try {
      // Opening the runtime may have applied new migrations (new columns, indexes) to a kept database: fresh statistics for the planner.
      await client.query('ANALYZE');
      const count = async () =>
        Number((await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM screenings WHERE reference LIKE 'SCR-S-%'`)).rows[0]?.n ?? 0);
      if ((await count()) < sizes.screeningsWithoutPerson) {
        const secs = await addScreenings(client, count, sizes.screeningsWithoutPerson, kazakhstanToday());
        await client.query('VACUUM ANALYZE screenings');
        built = { ...(built ?? {}), 'screenings without a person': secs };
      }
    } finally {
      await client.end();
    }
  }
  const q = async (text: string, values: unknown[] = []) => (await pool.query(text, values)).rows as Record<string, string>[];
  const sizesNow = await counts(q as never);
  console.log(`database: ${JSON.stringify(sizesNow)}`);
  const [{ size }] = (await pool.query<{ size: string }>('SELECT pg_size_pretty(pg_database_size(current_database())) AS size')).rows as [{ size: string }];
  const actors = await sessions(q);
  const app = await buildApp(deps);
  await app.ready();
  try {
    await waitForQuiet('statistics');
    const inject: Inject = async (url, cookie) => (await app.inject({ method: 'GET', url, headers: { cookie } })).statusCode;
    const views = await timeViews(inject, actors, year);
    console.log('\nthe first view after a write (the statistics data version advanced before every request)');
    const afterWrite = await timeViews(inject, actors, year, () => pool.query(`SELECT nextval('statistics_data_version')`));
    return { persons, database: sizesNow, databaseSize: size, built, views, afterWrite };
  } finally {
    await app.close();
    await pool.query(`DELETE FROM sessions WHERE csrf_token = 'bench'`);
    await opened.runtime.close();
  }
}

async function onPglite(year: number) {
  const persons = envInt('BENCH_STATS_PGLITE_PERSONS', 20_000);
  if (persons === 0) return null;
  const dataDir = join(tmpdir(), `qorgau-bench-stats-pglite-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const config = loadConfig({ QORGAU_DATA_DIR: dataDir, LOG_LEVEL: 'warn', QORGAU_SEED: 'none' });
  const runtime = await openRuntime(config, { allowCreateKey: true });
  try {
    const pglite = (runtime.deps.db as unknown as { $client: PGlite }).$client;
    // As the owner (the runtime runs as the application's role: db/client.ts SET ROLE), back to it after.
    const appRole = (await pglite.query<{ r: string }>('SELECT current_user AS r')).rows[0]?.r as string;
    const exec: Exec = {
      query: async (text) => {
        await pglite.exec('RESET ROLE');
        try {
          return await pglite.exec(text); // VACUUM only outside a multi-statement batch
        } finally {
          await pglite.exec(`SET ROLE ${appRole}`);
        }
      },
    };
    console.log(`\nbuilding the embedded database (PGlite): ${persons.toLocaleString('en-US')} persons …`);
    const t0 = performance.now();
    const built = await fill(exec, persons, (s) => console.log(s));
    built.total = round((performance.now() - t0) / 1000, 1);
    const q = async (text: string, values: unknown[] = []) => (await pglite.query(text, values)).rows as Record<string, string>[];
    const sizesNow = await counts(q as never);
    console.log(`database: ${JSON.stringify(sizesNow)}`);
    const actors = await sessions(q);
    const app = await buildApp(runtime.deps);
    await app.ready();
    try {
      await waitForQuiet('statistics pglite');
      const inject: Inject = async (url, cookie) => (await app.inject({ method: 'GET', url, headers: { cookie } })).statusCode;
      const views = await timeViews(inject, actors, year);
      console.log('\nthe first view after a write (the statistics data version advanced before every request)');
      const afterWrite = await timeViews(inject, actors, year, () => pglite.query(`SELECT nextval('statistics_data_version')`));
      return { persons, database: sizesNow, built, views, afterWrite };
    } finally {
      await app.close();
    }
  } finally {
    await runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

runMain('statistics', async () => {
  const m = machine();
  m.postgres = await serverVersion().catch(() => undefined);
  printMachine(m);
  // The annual report's year: the last complete one.
  const year = Number(kazakhstanToday().slice(0, 4)) - 1;
  const postgres = PART === 'pglite' ? null : await onPostgres(year);
  const pglite = PART === 'postgres' ? null : await onPglite(year);
  writeResult('statistics', { machine: m, year, years: YEARS, iterations: ITER, postgres, pglite });
});
