/**
 * Visibility at national scale (issue #10): on PostgreSQL with 1,000,000 persons (one case each),
 * 300,000 referrals and 2,000 providers, the p50/p95 of the scoped lists, counts and home-page
 * queues for a regional case worker, a regional identification officer and the national
 * coordinator; target: every home-page queue and the capacity board p95 ≤ 100 ms.
 *
 * "after": the repositories' own functions (scope-filter.ts as it is), every queue registered in
 * modules/work/work-queues.ts at run time for each actor's role (and the whole home page,
 * `workOf`), the capacity board. "before": the same lists and counts on the predicate as it was
 * (bench/lib/legacy-scope.ts), same process, same database.
 *
 * The database (bench/lib/national-data.ts, generated in SQL in ~9 minutes on two vCPUs) is kept
 * as `qorgau_bench_scale` between runs when BENCH_SCALE_KEEP=1, else dropped at the end. Without
 * a PostgreSQL server the benchmark says so and exits 0.
 *
 * Justice (issue #11): 50,000 criminal cases with their defendants, victims, interviews,
 * protective measures and redress (bench/lib/justice-data.ts, about a minute) are added to the
 * database when it has none; then, through the app (`app.inject` with a session of the account),
 * ≥ 200 requests each: the prosecutor's home (GET /work with the justice queues), her list of
 * criminal cases and a criminal case page (the case, its defendants and its victims), for the
 * prosecutor of the largest region and the national coordinator, and an investigator's home;
 * target p95 ≤ 100 ms.
 *
 *   BENCH_SCALE_KEEP=1 npx tsx bench/national-scale.ts
 *   BENCH_SCALE_EXPLAIN=1 …   also writes EXPLAIN (ANALYZE, BUFFERS) of every statement to bench/results/national-scale-explain.txt
 *   BENCH_SCALE_PART=justice …   only the justice requests (BENCH_SCALE_PART=visibility: only issue #10's)
 *   BENCH_SCALE_JUSTICE_ITER=200   requests per measured page
 */
import { writeFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type pg from 'pg';
import { scopeOf, type Actor, type Permission, type RegionCode, type Role } from '@qorgau/core';
import type { AuthContext } from '../apps/server/src/auth/auth.plugin.ts';
import type { Db } from '../apps/server/src/db/client.ts';
import { agencies, users } from '../apps/server/src/db/schema.ts';
import { countCasesByStatus, listCases } from '../apps/server/src/modules/cases/cases.repository.ts';
import { countPersons, listOpenProposals } from '../apps/server/src/modules/linkage/linkage.repository.ts';
import { listPersons } from '../apps/server/src/modules/persons/persons.repository.ts';
import { capacityBoard } from '../apps/server/src/modules/providers/providers.repository.ts';
import { listOwnScreenings } from '../apps/server/src/modules/screenings/screenings.repository.ts';
import { workOf, queuesOf } from '../apps/server/src/modules/work/work.service.ts';
import {
  legacyCountCasesByStatus,
  legacyCountPersons,
  legacyListCases,
  legacyListOpenProposals,
  legacyListPersons,
  legacySearchPersons,
} from './lib/legacy-scope.ts';
import { openNationalDb } from './lib/national-db.ts';
import { AGENCIES_PER_REGION, USERS_PER_AGENCY } from './lib/national-data.ts';
import { serverVersion } from './lib/pg.ts';
import { runMain } from './lib/process.ts';
import { waitForQuiet } from './lib/procfs.ts';
import { measureJustice } from './lib/justice-bench.ts';
import { envInt, machine, percentileSorted, printMachine, RESULTS_DIR, round, verdict, writeResult } from './lib/report.ts';

const SIZES = {
  persons: envInt('BENCH_SCALE_PERSONS', 1_000_000),
  providers: envInt('BENCH_SCALE_PROVIDERS', 2_000),
  referrals: envInt('BENCH_SCALE_REFERRALS', 300_000),
  proposals: envInt('BENCH_SCALE_PROPOSALS', 50_000),
};
const ITER = envInt('BENCH_SCALE_ITER', 30);
const LEGACY_ITER = envInt('BENCH_SCALE_LEGACY_ITER', 5);
/** An operation stops sampling after this many seconds (the old predicate takes seconds a call). */
const BUDGET_S = envInt('BENCH_SCALE_BUDGET', 20);
const PAGE = 20;
const EXPLAIN = process.env.BENCH_SCALE_EXPLAIN === '1';

interface Stat {
  p50: number;
  p95: number;
  max: number;
  n: number;
}

/** `iterations` timed calls after one warm-up, fewer (at least `min`) once BENCH_SCALE_BUDGET seconds are spent. */
async function measure(fn: () => Promise<unknown>, iterations: number, opts: { warmUp: boolean; min: number }): Promise<Stat> {
  if (opts.warmUp) await fn(); // plans, buffers
  const ms: number[] = [];
  const start = performance.now();
  for (let i = 0; i < iterations && (ms.length < opts.min || performance.now() - start < BUDGET_S * 1000); i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  const s = Float64Array.from(ms).sort();
  return { p50: round(percentileSorted(s, 50), 1), p95: round(percentileSorted(s, 95), 1), max: round(s[s.length - 1] ?? NaN, 1), n: ms.length };
}

/** The session context a work queue reads, from the account's row (no session needed). */
async function authOf(db: Db, userId: string): Promise<AuthContext> {
  const [row] = await db.select({ u: users, a: agencies }).from(users).innerJoin(agencies, eq(agencies.id, users.agencyId)).where(eq(users.id, userId));
  if (!row) throw new Error(`no account ${userId}`);
  const { u, a } = row;
  const actor: Actor = {
    userId: u.id,
    role: u.role as Role,
    agencyId: u.agencyId,
    jurisdiction: u.national ? { national: true, regions: [] } : { national: false, regions: u.regions as RegionCode[] },
  };
  return {
    tokenHash: 'bench',
    csrfToken: 'bench',
    stage: 'active',
    actor,
    user: { ...u, displayName: u.displayName },
    agency: { id: a.id, name: { kk: a.nameKk, ru: a.nameRu, en: a.nameEn }, type: a.type },
    notice: null,
  } as unknown as AuthContext;
}

const userIdSql = (m: number) => `bench_uuid('u' || ${m})`;

runMain('national-scale', async () => {
  const m = machine();
  m.postgres = await serverVersion().catch(() => undefined);
  printMachine(m);
  const keep = process.env.BENCH_SCALE_KEEP === '1';
  const opened = await openNationalDb(process.env.BENCH_SCALE_DB ?? 'qorgau_bench_scale', SIZES, keep);
  if (!opened) return;
  const { runtime } = opened;
  const deps = runtime.deps;
  const db = deps.db;
  const pool = (db as unknown as { $client: pg.Pool }).$client;
  try {
    await pool.query('ANALYZE');
    const ids = await pool.query<{ worker: string; officer: string; coordinator: string }>(
      `SELECT ${userIdSql(4 * USERS_PER_AGENCY + 1)} AS worker, ${userIdSql(0)} AS officer, bench_uuid('u-coordinator') AS coordinator`,
    );
    const who = ids.rows[0] as { worker: string; officer: string; coordinator: string };
    const actors: [string, AuthContext][] = [
      ['regional case worker (NGO, largest region)', await authOf(db, who.worker)],
      ['regional identification officer (police, largest region)', await authOf(db, who.officer)],
      ['national coordinator', await authOf(db, who.coordinator)],
    ];
    const [[{ n: persons }]] = [(await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM persons')).rows] as [[{ n: number }]];
    console.log(`database: ${persons.toLocaleString('en-US')} persons, agencies per region ${AGENCIES_PER_REGION}`);

    const may = (a: Actor, p: Permission) => scopeOf(a.role, p) !== undefined;
    // The referral lists, when the referrals module is there (imported by a computed path: the bench typechecks without it).
    const referralsPath = '../apps/server/src/modules/referrals/referrals.repository.ts';
    const referralsRepo = (await import(referralsPath).catch(() => null)) as {
      listReferrals(db: Db, a: Actor, f: { box: 'all' | 'received' | 'sent' }, page: number, size: number): Promise<{ total: number }>;
    } | null;
    const explained: string[] = [];
    const results: Record<string, Record<string, { after?: Stat; before?: Stat; ratio?: number; rows?: number }>> = {};
    const part = process.env.BENCH_SCALE_PART ?? 'all';
    // The justice data first (built once, kept with the database), so the home pages below carry the justice queues too.
    const justice = part === 'visibility' ? null : await measureJustice(opened, { persons: SIZES.persons, explain: EXPLAIN, measure, explainOf, authOf });
    if (part !== 'justice') await waitForQuiet('national-scale');
    for (const [label, auth] of part === 'justice' ? [] : actors) {
      const a = auth.actor;
      const out: (typeof results)[string] = {};
      results[label] = out;
      console.log(`\n${label}: ${a.role}, ${a.jurisdiction.national ? 'national' : a.jurisdiction.regions.join(',')}`);
      const ops: { name: string; after: () => Promise<unknown>; before?: () => Promise<unknown>; rows?: (r: unknown) => number }[] = [];
      if (may(a, 'person.read')) {
        ops.push(
          {
            name: 'persons list p.1 + count',
            after: () => listPersons(db, a, {}, 1, PAGE),
            before: () => legacyListPersons(db, a, PAGE),
            rows: (r) => (r as { total: number }).total,
          },
          {
            name: 'persons count (home)',
            after: () => countPersons(db, a),
            before: () => legacyCountPersons(db, a),
            rows: (r) => (r as { records: number }).records,
          },
        );
      }
      if (may(a, 'person.read_identity') && may(a, 'person.read')) {
        ops.push({
          name: 'persons name search + count',
          after: () => listPersons(db, a, { nameIndex: ['n123'] }, 1, PAGE),
          before: () => legacySearchPersons(db, a, ['n123'], PAGE),
          rows: (r) => (r as { total: number }).total,
        });
      }
      if (may(a, 'case.read')) {
        ops.push(
          {
            name: 'cases list p.1 + count',
            after: () => listCases(db, a, {}, 1, PAGE),
            before: () => legacyListCases(db, a, null, PAGE),
            rows: (r) => (r as { total: number }).total,
          },
          { name: 'cases by status (home)', after: () => countCasesByStatus(db, a), before: () => legacyCountCasesByStatus(db, a) },
        );
      }
      if (may(a, 'case.act')) {
        ops.push({
          name: 'identification queue p.1 + count',
          after: () => listCases(db, a, { queue: 'identification' }, 1, PAGE),
          before: () => legacyListCases(db, a, 'identification', PAGE),
          rows: (r) => (r as { total: number }).total,
        });
      }
      if (may(a, 'linkage.review')) {
        ops.push({
          name: 'linkage review queue p.1 + count',
          after: () => listOpenProposals(db, a, 1, PAGE),
          before: () => legacyListOpenProposals(db, a, PAGE),
          rows: (r) => (r as { total: number }).total,
        });
      }
      if (may(a, 'referral.read') && referralsRepo) {
        for (const box of ['all', 'received', 'sent'] as const) {
          ops.push({
            name: `referrals list (${box}) p.1 + count`,
            after: () => referralsRepo.listReferrals(db, a, { box }, 1, PAGE),
            rows: (r) => (r as { total: number }).total,
          });
        }
      }
      ops.push({ name: 'own screenings list', after: () => listOwnScreenings(db, a.userId, 1, PAGE), rows: (r) => (r as { total: number }).total });
      for (const q of queuesOf(auth)) {
        ops.push({
          name: `queue ${q.id}`,
          after: () => q.load(deps, auth, 5),
          rows: (r) => Object.values((r as { counts: Record<string, number> }).counts).reduce((x, y) => x + y, 0),
        });
      }
      ops.push({ name: 'home page: every queue (GET /work)', after: () => workOf(deps, auth) });
      if (may(a, 'provider.read')) ops.push({ name: 'capacity board', after: () => capacityBoard(db) });

      for (const op of ops) {
        const r = await op.after();
        const after = await measure(op.after, ITER, { warmUp: false, min: 5 });
        // The old predicate takes seconds at this size: no warm-up call, two samples at least.
        const before = op.before && LEGACY_ITER > 0 ? await measure(op.before, LEGACY_ITER, { warmUp: false, min: 2 }) : undefined;
        const rows = op.rows?.(r);
        const ratio = before ? round(before.p50 / Math.max(after.p50, 0.01), 1) : undefined;
        out[op.name] = { after, ...(before ? { before, ratio } : {}), ...(rows !== undefined ? { rows } : {}) };
        console.log(
          `  ${op.name.padEnd(44)} after p50 ${String(after.p50).padStart(6)} ms, p95 ${String(after.p95).padStart(6)} ms` +
            (before ? ` | before p50 ${before.p50} ms, p95 ${before.p95} ms (n ${before.n}) → ${ratio}×` : '') +
            (rows !== undefined ? ` | ${rows.toLocaleString('en-US')} in scope` : ''),
        );
        if (EXPLAIN) explained.push(...(await explainOf(pool, `${label} / ${op.name}`, op.after, op.before)));
      }
    }
    const queueP95 = Object.entries(results).flatMap(([, o]) =>
      Object.entries(o)
        .filter(([k]) => k.startsWith('queue ') || k === 'capacity board' || k.startsWith('home page'))
        .map(([k, v]) => [k, v.after?.p95 ?? NaN] as const),
    );
    const worst = queueP95.reduce((w, x) => (x[1] > w[1] ? x : w), ['none', 0] as readonly [string, number]);
    if (queueP95.length)
      console.log(`\n  every home-page queue and the capacity board p95 ≤ 100 ms: worst ${worst[0]} ${worst[1]} ms → ${verdict(worst[1] <= 100)}`);
    if (EXPLAIN) {
      writeFileSync(`${RESULTS_DIR}national-scale-explain.txt`, explained.join('\n\n'));
      console.log(`EXPLAIN (ANALYZE, BUFFERS) written to ${RESULTS_DIR}national-scale-explain.txt`);
    }
    if (justice) explained.push(...justice.explained);
    writeResult('national-scale', { machine: m, sizes: SIZES, built: opened.built, results, ...(justice ? { justice: justice.result } : {}) });
  } finally {
    await runtime.close();
  }
});

/** Runs `after` (and `before`) once with the pool's queries captured, then EXPLAINs each statement. */
async function explainOf(pool: pg.Pool, label: string, after: () => Promise<unknown>, before?: () => Promise<unknown>): Promise<string[]> {
  const out: string[] = [];
  for (const [side, fn] of [
    ['after', after],
    ['before', before],
  ] as const) {
    if (!fn) continue;
    const captured: { text: string; values: unknown[] }[] = [];
    const original = pool.query.bind(pool);
    (pool as unknown as { query: unknown }).query = (q: unknown, v?: unknown) => {
      if (q && typeof q === 'object' && 'text' in q)
        captured.push({ text: (q as { text: string }).text, values: (q as { values?: unknown[] }).values ?? (v as unknown[]) ?? [] });
      else if (typeof q === 'string') captured.push({ text: q, values: (v as unknown[]) ?? [] });
      return (original as (q: unknown, v?: unknown) => unknown)(q, v);
    };
    try {
      await fn();
    } finally {
      (pool as unknown as { query: unknown }).query = original;
    }
    for (const c of captured) {
      if (!/^\s*(select|with)/i.test(c.text)) continue;
      const plan = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${c.text}`, c.values);
      out.push(`=== ${label} [${side}]\n${c.text}\n-- ${JSON.stringify(c.values)}\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`);
    }
  }
  return out;
}
