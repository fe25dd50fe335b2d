/**
 * Justice at national scale (issue #11), the part of bench/national-scale.ts that measures it:
 * adds the justice data to the national database when it has none (bench/lib/justice-data.ts),
 * encrypts the defendants' names and the case summaries with the database's key (the case page
 * decrypts them), then times the requests through the app (`app.inject`, a session row per
 * account, every hook and serializer of a real request): the prosecutor's home and list and a
 * criminal case page (the case, its defendants, its victims) for the prosecutor of the largest
 * region and the national coordinator, and an investigator's home. Target: p95 ≤ 100 ms each.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { buildApp } from '../../apps/server/src/app.ts';
import type { AuthContext } from '../../apps/server/src/auth/auth.plugin.ts';
import type { Db } from '../../apps/server/src/db/client.ts';
import { queuesOf } from '../../apps/server/src/modules/work/work.service.ts';
import { tokenHashOf } from '../../apps/server/src/auth/session.repository.ts';
import { fieldContext } from '../../apps/server/src/crypto/field-cipher.ts';
import { summaryContext } from '../../apps/server/src/modules/justice/criminal-cases.view.ts';
import { defendantNameContext } from '../../apps/server/src/modules/justice/defendants.service.ts';
import { buildJusticeData, justiceCounts } from './justice-data.ts';
import type { NationalDb } from './national-db.ts';
import { waitForQuiet } from './procfs.ts';
import { round, verdict } from './report.ts';

export const CRIMINAL_CASES = Number(process.env.BENCH_SCALE_CRIMINAL_CASES ?? 50_000);
const ITER = Number(process.env.BENCH_SCALE_JUSTICE_ITER ?? 200);
/** Cases the case page rotates over (a prosecutor opens many cases, not one). */
const SAMPLE_CASES = 40;
const API = '/api/v1';

interface Stat {
  p50: number;
  p95: number;
  max: number;
  n: number;
}

type Measure = (fn: () => Promise<unknown>, iterations: number, opts: { warmUp: boolean; min: number }) => Promise<Stat>;
type ExplainOf = (pool: pg.Pool, label: string, after: () => Promise<unknown>) => Promise<string[]>;
type AuthOf = (db: Db, userId: string) => Promise<AuthContext>;
/** Calls per home-page queue, timed apart to say which queue a slow home page waits for. */
const QUEUE_ITER = Number(process.env.BENCH_SCALE_QUEUE_ITER ?? 30);

export interface JusticeResult {
  built: Record<string, number> | null;
  counts: Record<string, number>;
  region: string;
  actors: Record<string, { userId: string; role: string }>;
  /** Cores busy with other work just before the timing (waitForQuiet's last reading). */
  busyBefore: number;
  pages: Record<string, Record<string, Stat & { status: number; target: string }>>;
}

const kazakhstanToday = (now: Date) => new Date(now.getTime() + 5 * 3600_000).toISOString().slice(0, 10);

/** Fills the justice tables once (kept with the database), and replaces placeholder names by real ciphertext. */
async function ensureJusticeData(opened: NationalDb, persons: number): Promise<Record<string, number> | null> {
  const client = new pg.Client({ connectionString: opened.url });
  await client.connect();
  try {
    let built: Record<string, number> | null = null;
    const [{ n }] = (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM criminal_cases')).rows as [{ n: number }];
    if (n === 0) {
      if (persons < 20 * CRIMINAL_CASES)
        throw new Error(`${CRIMINAL_CASES} criminal cases need ${20 * CRIMINAL_CASES} persons (victims are persons 20k, 20k + 10)`);
      console.log(`adding justice data: ${CRIMINAL_CASES.toLocaleString('en-US')} criminal cases …`);
      built = await buildJusticeData(client, { criminalCases: CRIMINAL_CASES }, kazakhstanToday(new Date()), (s) => console.log(s));
    }
    // The case page decrypts defendants' names and, for readers of identities, the victims' names
    // (placeholders would fail), and the summary.
    const cipher = opened.runtime.deps.cipher;
    const t0 = performance.now();
    let encrypted = 0;
    const sealed = (column: string) => `${column} LIKE 'v1.%.%.%.%'`;
    const jobs: { table: string; where: string; columns: [string, (id: string) => string, (id: string) => string][] }[] = [
      { table: 'defendants', where: `NOT ${sealed('name_enc')}`, columns: [['name_enc', defendantNameContext, (id) => `Bench Suspect ${id.slice(0, 6)}`]] },
      { table: 'criminal_cases', where: `NOT ${sealed('summary_enc')}`, columns: [['summary_enc', summaryContext, (id) => `Summary of ${id}`]] },
      {
        table: 'persons',
        where: `NOT ${sealed('first_name_enc')} AND id IN (SELECT person_id FROM proceeding_victims)`,
        columns: [
          ['first_name_enc', (id) => fieldContext('persons', 'first_name', id), (id) => `Aigerim ${id.slice(0, 4)}`],
          ['second_name_enc', (id) => fieldContext('persons', 'second_name', id), (id) => `Bench ${id.slice(4, 8)}`],
        ],
      },
    ];
    // Checking 1,000,000 persons for placeholders takes seconds: a comment marks the work done.
    const SEALED = 'qorgau-bench: names and summaries encrypted';
    const [mark] = (await client.query<{ d: string | null }>(`SELECT obj_description('criminal_cases'::regclass, 'pg_class') AS d`)).rows;
    for (const job of mark?.d === SEALED ? [] : jobs) {
      for (;;) {
        const ids = (await client.query<{ id: string }>(`SELECT id FROM ${job.table} WHERE ${job.where} ORDER BY id LIMIT 5000`)).rows.map((r) => r.id);
        if (!ids.length) break;
        const values = job.columns.map(([, context, text]) => ids.map((id) => cipher.encrypt(text(id), context(id))));
        const set = job.columns.map(([column], n) => `${column} = u.v${n}`).join(', ');
        const cols = job.columns.map((_, n) => `v${n}`).join(', ');
        const types = job.columns.map((_, n) => `$${n + 2}::text[]`).join(', ');
        await client.query(`UPDATE ${job.table} t SET ${set} FROM unnest($1::uuid[], ${types}) AS u(id, ${cols}) WHERE t.id = u.id`, [ids, ...values]);
        encrypted += ids.length * job.columns.length;
      }
    }
    if (mark?.d !== SEALED) await client.query(`COMMENT ON TABLE criminal_cases IS '${SEALED}'`);
    if (encrypted) {
      console.log(`  encrypted ${encrypted.toLocaleString('en-US')} names and summaries: ${round((performance.now() - t0) / 1000, 1)} s`);
      for (const job of jobs) await client.query(`VACUUM ANALYZE ${job.table}`);
      if (built) built['encrypt names and summaries'] = round((performance.now() - t0) / 1000, 1);
    }
    return built;
  } finally {
    await client.end();
  }
}

export async function measureJustice(
  opened: NationalDb,
  opts: { persons: number; explain: boolean; measure: Measure; explainOf: ExplainOf; authOf: AuthOf },
): Promise<{ result: JusticeResult; explained: string[] }> {
  const built = await ensureJusticeData(opened, opts.persons);
  const deps = opened.runtime.deps;
  const pool = (deps.db as unknown as { $client: pg.Pool }).$client;
  const counts = await justiceCounts(pool);
  console.log(`\njustice data: ${JSON.stringify(counts)}`);

  // The largest region's prosecutor with the most cases named to her, an investigator of that region likewise.
  const [{ region }] = (await pool.query<{ region: string }>('SELECT region_code AS region FROM criminal_cases GROUP BY 1 ORDER BY count(*) DESC LIMIT 1'))
    .rows as [{ region: string }];
  const top = async (column: string) =>
    (
      (
        await pool.query<{ id: string }>(
          `SELECT ${column} AS id FROM criminal_cases WHERE region_code = $1 AND ${column} IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
          [region],
        )
      ).rows[0] as { id: string }
    ).id;
  const accounts: [string, string][] = [
    [`prosecutor (${region}, the largest region)`, await top('prosecutor_id')],
    ['national coordinator', (await pool.query<{ id: string }>(`SELECT bench_uuid('u-coordinator') AS id`)).rows[0]?.id as string],
    [`investigator (${region})`, await top('investigator_id')],
  ];
  const cookies = new Map<string, string>();
  const actors: JusticeResult['actors'] = {};
  for (const [label, userId] of accounts) {
    const token = randomBytes(32).toString('base64url');
    await pool.query(`INSERT INTO sessions (token_hash, user_id, csrf_token, stage, expires_at) VALUES ($1, $2, 'bench', 'active', now() + interval '1 day')`, [
      tokenHashOf(token),
      userId,
    ]);
    cookies.set(label, `qorgau_session=${token}`);
    const [{ role }] = (await pool.query<{ role: string }>('SELECT role FROM users WHERE id = $1', [userId])).rows as [{ role: string }];
    actors[label] = { userId, role };
  }
  const sample = (
    await pool.query<{ id: string }>(`SELECT id FROM criminal_cases WHERE region_code = $1 ORDER BY md5(id::text) LIMIT ${SAMPLE_CASES}`, [region])
  ).rows.map((r) => r.id);

  const app = await buildApp(deps);
  await app.ready();
  const busyBefore = round(await waitForQuiet('national-scale justice'), 2);
  const explained: string[] = [];
  const pages: JusticeResult['pages'] = {};
  try {
    for (const [label] of accounts) {
      const cookie = cookies.get(label) as string;
      const role = actors[label]?.role;
      console.log(`\n${label}: ${role}`);
      const get = async (url: string): Promise<number> => (await app.inject({ method: 'GET', url, headers: { cookie } })).statusCode;
      let next = 0;
      const caseId = () => sample[next++ % sample.length] as string;
      const ops: { name: string; target: string; run: () => Promise<number> }[] = [
        { name: 'GET /work (home)', target: `${API}/work`, run: () => get(`${API}/work`) },
      ];
      if (role !== 'investigator') {
        ops.push(
          { name: 'GET /criminal-cases (p.1)', target: `${API}/criminal-cases`, run: () => get(`${API}/criminal-cases`) },
          { name: 'GET /criminal-cases/:id', target: `${API}/criminal-cases/:id`, run: () => get(`${API}/criminal-cases/${caseId()}`) },
          {
            name: 'GET /criminal-cases/:id/defendants',
            target: `${API}/criminal-cases/:id/defendants`,
            run: () => get(`${API}/criminal-cases/${caseId()}/defendants`),
          },
          { name: 'GET /criminal-cases/:id/victims', target: `${API}/criminal-cases/:id/victims`, run: () => get(`${API}/criminal-cases/${caseId()}/victims`) },
          {
            name: 'case page (the three in turn)',
            target: 'case + defendants + victims',
            run: async () => {
              const id = caseId();
              const s = [
                await get(`${API}/criminal-cases/${id}`),
                await get(`${API}/criminal-cases/${id}/defendants`),
                await get(`${API}/criminal-cases/${id}/victims`),
              ];
              return s.find((x) => x !== 200) ?? 200;
            },
          },
        );
      }
      const out: JusticeResult['pages'][string] = {};
      pages[label] = out;
      for (const op of ops) {
        const status = await op.run();
        if (status !== 200) {
          console.log(`  ${op.name.padEnd(40)} HTTP ${status}: not measured`);
          out[op.name] = { p50: NaN, p95: NaN, max: NaN, n: 0, status, target: op.target };
          continue;
        }
        const stat = await opts.measure(
          async () => {
            const s = await op.run();
            if (s !== 200) throw new Error(`${op.name}: HTTP ${s}`);
          },
          ITER,
          { warmUp: true, min: ITER },
        );
        out[op.name] = { ...stat, status, target: op.target };
        console.log(`  ${op.name.padEnd(40)} p50 ${String(stat.p50).padStart(6)} ms, p95 ${String(stat.p95).padStart(6)} ms, max ${stat.max} ms (n ${stat.n})`);
        if (opts.explain) explained.push(...(await opts.explainOf(pool, `justice: ${label} / ${op.name}`, op.run)));
      }
      // Each queue of her home page on its own (the repository call, no HTTP), to name a slow one.
      const auth = await opts.authOf(deps.db, actors[label]?.userId as string);
      for (const q of queuesOf(auth)) {
        const run = () => q.load(deps, auth, 5);
        const stat = await opts.measure(run, QUEUE_ITER, { warmUp: true, min: QUEUE_ITER });
        out[`queue ${q.id}`] = { ...stat, status: 200, target: `${q.id}.load` };
        console.log(`    queue ${q.id.padEnd(34)} p50 ${String(stat.p50).padStart(6)} ms, p95 ${String(stat.p95).padStart(6)} ms (n ${stat.n})`);
        if (opts.explain) explained.push(...(await opts.explainOf(pool, `justice: ${label} / queue ${q.id}`, run)));
      }
      const parts = ['GET /criminal-cases/:id', 'GET /criminal-cases/:id/defendants', 'GET /criminal-cases/:id/victims'].map((k) => out[k]?.p95 ?? NaN);
      if (role !== 'investigator')
        console.log(
          `  ${'sum of the three p95'.padEnd(40)} ${round(
            parts.reduce((a, b) => a + b, 0),
            1,
          )} ms`,
        );
    }
  } finally {
    await app.close();
    await pool.query(`DELETE FROM sessions WHERE csrf_token = 'bench' AND user_id = ANY($1::uuid[])`, [accounts.map((a) => a[1])]);
  }
  const worst = Object.entries(pages)
    .flatMap(([who, o]) =>
      Object.entries(o)
        .filter(([k]) => k.startsWith('GET '))
        .map(([k, v]) => [`${who} / ${k}`, v.p95] as const),
    )
    .reduce((w, x) => (!(x[1] <= w[1]) ? x : w), ['none', 0] as readonly [string, number]);
  console.log(`\n  justice: every request p95 ≤ 100 ms: worst ${worst[0]} ${worst[1]} ms → ${verdict(worst[1] <= 100)}`);
  return { result: { built, counts, region, actors, busyBefore, pages }, explained };
}
