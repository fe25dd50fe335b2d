/**
 * Record linkage accuracy and speed: `linkRecords` from `@qorgau/core`, in-process, on
 *   - multi-script synthetic sets (`generatePersons`, duplicateRate 0.3) of BENCH_LINKAGE_SIZES
 *     records (default "20000,100000,1000000"), truth = equal `canonicalKey`;
 *   - FEBRL datasets 1–3 (../shared/reference/linkage/febrl beside the repo, or
 *     BENCH_FEBRL_DIR), truth = `dataset*_true_pairs.csv`; skipped with a note if missing.
 * Each set runs in its own child process so that its peak RSS (VmHWM) is its own.
 * Reports pairwise precision/recall/F1 of the 'same' decisions and of the clusters, recall at
 * precision ≥ 0.99 (best over score thresholds), per script pair for the synthetic sets,
 * candidate pairs/s, records/s, wall time and peak RSS. Linking keeps only the decisions that
 * are not 'different' (`decisions: 'linked'`); every candidate pair is tallied as it is
 * visited (`onCandidate`, inside the timed call). Generating the records is timed apart.
 *
 *   npx tsx bench/linkage.ts
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePersons, linkRecords, perturbedLinkageRecord, toLinkageRecord, type LinkageRecord, type LinkDecision } from '@qorgau/core';
import { REPO_ROOT, runMain } from './lib/process.ts';
import { memStatus, waitForQuiet } from './lib/procfs.ts';
import { fmtInt, machine, printMachine, round, writeResult } from './lib/report.ts';

const SEED = 2026;
const DUPLICATE_RATE = 0.3;
const PRECISION_FLOOR = 0.99;
/** BENCH_LINKAGE_PERTURB=1: synthetic records through `perturbedLinkageRecord` (swapped or partial dates, swapped or full names); sets are named "synthetic~". */
const PERTURB = process.env.BENCH_LINKAGE_PERTURB === '1';

type Job = { kind: 'synthetic'; size: number } | { kind: 'febrl'; dataset: 1 | 2 | 3; dir: string };

interface Prf {
  tp: number;
  fp: number;
  truePairs: number;
  precision: number;
  recall: number;
  f1: number;
}

interface GroupFigures {
  truePairs: number;
  /** True pairs that blocking proposed at all (the ceiling of any threshold's recall). */
  candidatesTrue: number;
  same: Prf;
  /** Best recall among score thresholds whose precision is ≥ 0.99 (null: none reaches it). */
  recallAtP99: number | null;
  thresholdAtP99: number | null;
}

export interface JobResult {
  name: string;
  records: number;
  entities: number;
  candidatePairs: number;
  /** Decisions the result lists ('same', 'review' and human ones: `decisions: 'linked'`). */
  decisionsKept: number;
  /** Seconds to generate (synthetic) or read (FEBRL) the records, before and apart from linking. */
  loadS: number;
  wallS: number;
  recordsPerS: number;
  pairsPerS: number;
  rssBeforeMb: number;
  peakRssMb: number;
  lambda: number;
  emIterations: number;
  thresholds: unknown;
  decisions: { same: number; review: number; different: number };
  overall: GroupFigures;
  clusters: Prf & { count: number; largest: number };
  /** Synthetic only: by pair of the records' scripts ("a~b", sorted), plus "cross-script" and "same-script". */
  byScriptPair?: Record<string, GroupFigures>;
}

const prf = (tp: number, fp: number, truePairs: number): Prf => {
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, truePairs);
  return { tp, fp, truePairs, precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
};

/** Best recall over thresholds "score ≥ t" (t among the scores; tied scores go together) with precision ≥ floor. */
function recallAtPrecision(
  byScore: ReadonlyMap<number, [number, number]>,
  truePairs: number,
  floor: number,
): { recall: number | null; threshold: number | null } {
  const scores = [...byScore.keys()].filter((x) => Number.isFinite(x)).sort((a, b) => b - a);
  let tp = 0;
  let fp = 0;
  let best: { recall: number | null; threshold: number | null } = { recall: null, threshold: null };
  for (const score of scores) {
    const [t, f] = byScore.get(score) ?? [0, 0];
    tp += t;
    fp += f;
    if (tp / Math.max(1, tp + fp) >= floor) {
      const recall = tp / Math.max(1, truePairs);
      if (best.recall === null || recall > best.recall) best = { recall, threshold: score };
    }
  }
  return best;
}

interface Dataset {
  name: string;
  records: LinkageRecord[];
  /** Record position → entity number (truth: same entity ⇔ same person). */
  entity: Int32Array;
  /** Record position → index into `scripts` (synthetic only). */
  script?: Uint8Array;
  scripts?: string[];
  /** Seconds spent generating or reading the records (not part of linking). */
  loadS: number;
}

/** Interns strings as small integers. */
function interner(): (s: string) => number {
  const ids = new Map<string, number>();
  return (s) => {
    let id = ids.get(s);
    if (id === undefined) ids.set(s, (id = ids.size));
    return id;
  };
}

function syntheticDataset(size: number): Dataset {
  const t0 = performance.now();
  const records: LinkageRecord[] = [];
  const entity = new Int32Array(size);
  const script = new Uint8Array(size);
  const scripts: string[] = [];
  const entityOf = interner();
  for (const p of generatePersons({ seed: SEED, count: size, duplicateRate: DUPLICATE_RATE })) {
    const k = records.length;
    records.push(PERTURB ? perturbedLinkageRecord(p) : toLinkageRecord(p));
    entity[k] = entityOf(p.canonicalKey);
    let s = scripts.indexOf(p.script);
    if (s < 0) s = scripts.push(p.script) - 1;
    script[k] = s;
  }
  return { name: `synthetic${PERTURB ? '~' : ''} ${fmtInt(size)}`, records, entity, script, scripts, loadS: (performance.now() - t0) / 1000 };
}

function csv(file: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const cols = (head ?? '').split(',').map((c) => c.trim());
  return lines.map((l) => {
    const v = l.split(',').map((c) => c.trim());
    return Object.fromEntries(cols.map((c, k) => [c, v[k] ?? '']));
  });
}

const FEBRL_DIR = process.env.BENCH_FEBRL_DIR ?? resolve(REPO_ROOT, '../shared/reference/linkage/febrl');

export function febrlDir(): string | null {
  return existsSync(join(FEBRL_DIR, 'dataset1.csv')) ? FEBRL_DIR : null;
}

function febrlDataset(dir: string, n: 1 | 2 | 3): Dataset {
  const t0 = performance.now();
  const entityById = new Map<string, string>();
  const rows = csv(join(dir, `dataset${n}.csv`));
  const entity = new Int32Array(rows.length);
  const entityOf = interner();
  const records = rows.map((r, k): LinkageRecord => {
    const id = r.rec_id ?? '';
    const m = /^rec-(\d+)-/.exec(id);
    if (!m) throw new Error(`FEBRL dataset${n}: unexpected rec_id ${JSON.stringify(id)}`);
    entityById.set(id, m[1] as string);
    entity[k] = entityOf(m[1] as string);
    const dob = r.date_of_birth ?? '';
    return {
      id,
      givenName: r.given_name || null,
      familyName: r.surname || null,
      birthDate: /^\d{8}$/.test(dob) ? `${dob.slice(0, 4)}-${dob.slice(4, 6)}-${dob.slice(6, 8)}` : dob || null,
      documentNumber: r.soc_sec_id || null,
    };
  });
  // The truth file must say the same as the rec-<n>- numbers (which the figures use).
  const filePairs = csv(join(dir, `dataset${n}_true_pairs.csv`));
  let derived = 0;
  const sizes = new Map<string, number>();
  for (const e of entityById.values()) sizes.set(e, (sizes.get(e) ?? 0) + 1);
  for (const c of sizes.values()) derived += (c * (c - 1)) / 2;
  const bad = filePairs.filter((p) => entityById.get(p.rec_id_1 ?? '') === undefined || entityById.get(p.rec_id_1 ?? '') !== entityById.get(p.rec_id_2 ?? ''));
  if (bad.length || derived !== filePairs.length)
    throw new Error(`FEBRL dataset${n}: true_pairs.csv (${filePairs.length} pairs, ${bad.length} inconsistent) ≠ rec-<n> groups (${derived} pairs)`);
  return { name: `FEBRL ${n}`, records, entity, loadS: (performance.now() - t0) / 1000 };
}

/** Tallies of the candidate pairs of one group (overall, a script pair, cross- or same-script). */
interface Acc {
  tp: number;
  fp: number;
  candidatesTrue: number;
  /** Score → [true pairs, false pairs] among the candidates with that score. */
  byScore: Map<number, [number, number]>;
}

const acc = (): Acc => ({ tp: 0, fp: 0, candidatesTrue: 0, byScore: new Map() });

function tally(t: Acc, truth: boolean, score: number, decision: LinkDecision): void {
  if (truth) t.candidatesTrue++;
  if (decision === 'same') {
    if (truth) t.tp++;
    else t.fp++;
  }
  let h = t.byScore.get(score);
  if (h === undefined) t.byScore.set(score, (h = [0, 0]));
  h[truth ? 0 : 1]++;
}

function runJob(job: Job): JobResult {
  const ds = job.kind === 'synthetic' ? syntheticDataset(job.size) : febrlDataset(job.dir, job.dataset);
  const rssBeforeMb = memStatus(process.pid)?.rssMb ?? NaN;
  const { entity, script, scripts } = ds;
  const s = scripts?.length ?? 0;
  const groupName = (x: number, y: number): string => [scripts?.[x] ?? '', scripts?.[y] ?? ''].sort().join('~');

  // Every candidate pair is tallied as linking visits it (nothing is kept per pair).
  const all = acc();
  const byPair: Acc[] = Array.from({ length: s * s }, acc);
  const cross = acc();
  const same = acc();
  const counts = { same: 0, review: 0, different: 0 };
  const onCandidate = (i: number, j: number, score: number, decision: LinkDecision): void => {
    const truth = entity[i] === entity[j];
    counts[decision]++;
    tally(all, truth, score, decision);
    if (script === undefined) return;
    const x = script[i] ?? 0;
    const y = script[j] ?? 0;
    tally(byPair[Math.min(x, y) * s + Math.max(x, y)] as Acc, truth, score, decision);
    tally(x === y ? same : cross, truth, score, decision);
  };

  const t0 = performance.now();
  const result = linkRecords(ds.records, { decisions: 'linked', onCandidate });
  const wallS = (performance.now() - t0) / 1000;
  const peakRssMb = memStatus(process.pid)?.hwmMb ?? NaN;

  // True pairs, overall and per script pair: records grouped by entity.
  const n = entity.length;
  const order = Array.from({ length: n }, (_, k) => k).sort((a, b) => (entity[a] ?? 0) - (entity[b] ?? 0) || a - b);
  let truePairs = 0;
  const trueByGroup = new Float64Array(Math.max(1, s * s));
  let entities = 0;
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && entity[order[end] ?? 0] === entity[order[start] ?? 0]) end++;
    entities++;
    const c = end - start;
    truePairs += (c * (c - 1)) / 2;
    if (script !== undefined) {
      for (let x = start; x < end; x++)
        for (let y = x + 1; y < end; y++) {
          const a = script[order[x] ?? 0] ?? 0;
          const b = script[order[y] ?? 0] ?? 0;
          const g = Math.min(a, b) * s + Math.max(a, b);
          trueByGroup[g] = (trueByGroup[g] ?? 0) + 1;
        }
    }
    start = end;
  }

  const figures = (t: Acc, total: number): GroupFigures => {
    const r = recallAtPrecision(t.byScore, total, PRECISION_FLOOR);
    return { truePairs: total, candidatesTrue: t.candidatesTrue, same: prf(t.tp, t.fp, total), recallAtP99: r.recall, thresholdAtP99: r.threshold };
  };

  let byScriptPair: Record<string, GroupFigures> | undefined;
  if (script !== undefined) {
    let crossTrue = 0;
    let sameTrue = 0;
    const entries: [string, GroupFigures][] = [];
    for (let x = 0; x < s; x++)
      for (let y = x; y < s; y++) {
        const g = x * s + y;
        const total = trueByGroup[g] ?? 0;
        if (x === y) sameTrue += total;
        else crossTrue += total;
        entries.push([groupName(x, y), figures(byPair[g] as Acc, total)]);
      }
    entries.push(['cross-script', figures(cross, crossTrue)], ['same-script', figures(same, sameTrue)]);
    byScriptPair = Object.fromEntries(entries.sort((p, q) => (p[0] < q[0] ? -1 : 1)));
  }

  // Clusters: pairs within a cluster, counted without listing them.
  const position = new Map<string, number>();
  ds.records.forEach((r, k) => position.set(r.id, k));
  let ctp = 0;
  let cpairs = 0;
  let largest = 0;
  for (const c of result.clusters) {
    largest = Math.max(largest, c.length);
    cpairs += (c.length * (c.length - 1)) / 2;
    const by = new Map<number, number>();
    for (const id of c) {
      const e = entity[position.get(id) ?? -1] ?? -1;
      by.set(e, (by.get(e) ?? 0) + 1);
    }
    for (const k of by.values()) ctp += (k * (k - 1)) / 2;
  }

  return {
    name: ds.name,
    records: ds.records.length,
    entities,
    candidatePairs: result.candidatePairs,
    decisionsKept: result.decisions.length,
    loadS: round(ds.loadS, 2),
    wallS: round(wallS, 2),
    recordsPerS: Math.round(ds.records.length / wallS),
    pairsPerS: Math.round(result.candidatePairs / wallS),
    rssBeforeMb: Math.round(rssBeforeMb),
    peakRssMb: Math.round(peakRssMb),
    lambda: result.parameters.lambda,
    emIterations: result.parameters.iterations,
    thresholds: result.thresholds,
    decisions: counts,
    overall: figures(all, truePairs),
    clusters: { ...prf(ctp, cpairs - ctp, truePairs), count: result.clusters.length, largest },
    byScriptPair,
  };
}

/** Runs one job in a child process (its own heap and VmHWM); the child prints one result line. */
function runChild(job: Job): Promise<JobResult> {
  const file = fileURLToPath(import.meta.url);
  return new Promise((resolveJob, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file], {
      env: { ...process.env, BENCH_LINKAGE_JOB: JSON.stringify(job) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('@@RESULT '));
      if (code !== 0 || !line) reject(new Error(`linkage child for ${JSON.stringify(job)} exited ${code}: ${out.slice(-2000)}`));
      else resolveJob(JSON.parse(line.slice('@@RESULT '.length)) as JobResult);
    });
  });
}

const f3 = (x: number | null) => (x === null ? '—' : x.toFixed(4));

function printResult(r: JobResult): void {
  const o = r.overall;
  console.log(`\n${r.name}: ${fmtInt(r.records)} records, ${fmtInt(r.entities)} persons, ${fmtInt(o.truePairs)} true pairs`);
  console.log(
    `  ${fmtInt(r.candidatePairs)} candidate pairs (${fmtInt(o.candidatesTrue)} true = blocking recall ${f3(o.candidatesTrue / Math.max(1, o.truePairs))})`,
  );
  console.log(
    `  decisions: same ${fmtInt(r.decisions.same)}, review ${fmtInt(r.decisions.review)}, different ${fmtInt(r.decisions.different)}; λ ${r.lambda.toFixed(4)}, ${r.emIterations} EM iterations`,
  );
  console.log(
    `  'same'   : precision ${f3(o.same.precision)}  recall ${f3(o.same.recall)}  F1 ${f3(o.same.f1)}  (tp ${fmtInt(o.same.tp)}, fp ${fmtInt(o.same.fp)})`,
  );
  console.log(
    `  clusters : precision ${f3(r.clusters.precision)}  recall ${f3(r.clusters.recall)}  F1 ${f3(r.clusters.f1)}  (${fmtInt(r.clusters.count)} clusters, largest ${r.clusters.largest})`,
  );
  console.log(`  recall at precision ≥ ${PRECISION_FLOOR}: ${f3(o.recallAtP99)} (score ≥ ${o.thresholdAtP99 === null ? '—' : o.thresholdAtP99.toFixed(2)})`);
  console.log(`  ${r.name.startsWith('FEBRL') ? 'read' : 'generated'} in ${r.loadS} s (not included below); ${fmtInt(r.decisionsKept)} decisions kept`);
  console.log(
    `  wall ${r.wallS} s, ${fmtInt(r.recordsPerS)} records/s, ${fmtInt(r.pairsPerS)} pairs/s, RSS ${r.rssBeforeMb} MB before linking, peak ${r.peakRssMb} MB`,
  );
  if (r.byScriptPair) {
    console.log(`  by script pair:        true pairs  blocked    prec.   recall   F1      R@P≥.99`);
    for (const [k, g] of Object.entries(r.byScriptPair)) {
      if (g.truePairs === 0 && g.same.tp + g.same.fp === 0) continue;
      console.log(
        `    ${k.padEnd(28)} ${fmtInt(g.truePairs).padStart(8)} ${f3(g.candidatesTrue / Math.max(1, g.truePairs)).padStart(8)} ${f3(g.same.precision).padStart(8)} ${f3(g.same.recall).padStart(8)} ${f3(g.same.f1).padStart(7)} ${f3(g.recallAtP99).padStart(8)}`,
      );
    }
  }
}

function printTable(rs: JobResult[]): void {
  console.log('\nsummary');
  console.log('  set                records   cand. pairs   P(same)  R(same)  F1(same)  F1(clust)  R@P≥.99   gen s   wall s   rec/s     pairs/s   peak MB');
  for (const r of rs) {
    console.log(
      `  ${r.name.padEnd(18)} ${fmtInt(r.records).padStart(8)} ${fmtInt(r.candidatePairs).padStart(13)}   ${f3(r.overall.same.precision)}   ${f3(r.overall.same.recall)}   ${f3(r.overall.same.f1)}    ${f3(r.clusters.f1)}     ${f3(r.overall.recallAtP99)}  ${String(r.loadS).padStart(6)}  ${String(r.wallS).padStart(7)}  ${fmtInt(r.recordsPerS).padStart(7)}  ${fmtInt(r.pairsPerS).padStart(9)}  ${String(r.peakRssMb).padStart(7)}`,
    );
  }
}

async function main(): Promise<void> {
  const m = machine();
  printMachine(m);
  const sizes = (process.env.BENCH_LINKAGE_SIZES ?? '20000,100000,1000000')
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n > 0);
  const jobs: Job[] = sizes.map((size) => ({ kind: 'synthetic', size }));
  const dir = febrlDir();
  if (dir) for (const dataset of [1, 2, 3] as const) jobs.push({ kind: 'febrl', dataset, dir });
  else console.log(`note: FEBRL data not found at ${FEBRL_DIR} (set BENCH_FEBRL_DIR); skipping FEBRL`);

  const results: JobResult[] = [];
  for (const job of jobs) {
    await waitForQuiet(job.kind === 'synthetic' ? `synthetic ${job.size}` : `FEBRL ${job.dataset}`);
    const r = await runChild(job);
    printResult(r);
    results.push(r);
  }
  printTable(results);

  const syn = results.filter((r) => r.name.startsWith('synthetic')).sort((a, b) => a.records - b.records);
  if (PERTURB) console.log('\n(synthetic~: perturbed records, BENCH_LINKAGE_PERTURB=1)');
  let extrapolation: { secondsPer1M: number; linear: boolean; usPerRecordSmall: number; usPerRecordLarge: number } | undefined;
  if (syn.length >= 2) {
    const [a, b] = [syn[0] as JobResult, syn[syn.length - 1] as JobResult];
    const [ua, ub] = [(a.wallS / a.records) * 1e6, (b.wallS / b.records) * 1e6];
    const linear = ub / ua < 1.25; // per-record time grew by < 25 % over the range
    extrapolation = { secondsPer1M: round(ub, 1), linear, usPerRecordSmall: round(ua, 1), usPerRecordLarge: round(ub, 1) };
    console.log(
      `\nscaling: ${ua.toFixed(1)} µs/record at ${fmtInt(a.records)}, ${ub.toFixed(1)} µs/record at ${fmtInt(b.records)} (×${(ub / ua).toFixed(2)}); ` +
        (b.records >= 1_000_000
          ? `${fmtInt(b.records)} records measured: ${b.wallS} s`
          : linear
            ? `roughly linear: 1,000,000 records ≈ ${ub.toFixed(0)} s (extrapolated, not run)`
            : 'not linear: no extrapolation to 1,000,000'),
    );
  }
  writeResult(PERTURB ? 'linkage-perturbed' : 'linkage', { machine: m, seed: SEED, duplicateRate: DUPLICATE_RATE, perturbed: PERTURB, results, extrapolation });
}

if (process.env.BENCH_LINKAGE_JOB) {
  const r = runJob(JSON.parse(process.env.BENCH_LINKAGE_JOB) as Job);
  process.stdout.write(`@@RESULT ${JSON.stringify(r)}\n`);
} else {
  runMain('linkage', main);
}
