/**
 * Record linkage accuracy and speed: `linkRecords` from `@qorgau/core`, in-process, on the sets
 * of BENCH_LINKAGE_SETS (comma-separated; default "febrl,splink,hard,synthetic"):
 *   - febrl: FEBRL datasets 1–3 (../shared/reference/linkage/febrl beside the repo, or
 *     BENCH_FEBRL_DIR), truth = `dataset*_true_pairs.csv`; skipped with a note if missing;
 *   - splink: Splink's fake_1000 (../shared/reference/linkage/splink-fake-1000, or
 *     BENCH_SPLINK_FILE), truth = equal `cluster`; made by a generator that is not ours;
 *   - hard: the harder synthetic set (`generateHardLinkageRecords`) of BENCH_LINKAGE_HARD_SIZES
 *     records (default "10000"), truth = equal `entity`;
 *   - synthetic: multi-script synthetic sets (`generatePersons`, duplicateRate 0.3) of
 *     BENCH_LINKAGE_SIZES records (default "20000,100000,1000000"), truth = equal `canonicalKey`.
 * Each set runs in its own child process so that its peak RSS (VmHWM) is its own.
 * Reports pairwise precision/recall/F1 of the 'same' decisions and of the clusters, recall at
 * precision ≥ 0.99 (best over score thresholds), per script pair for the synthetic sets,
 * the largest cluster and how many persons it holds, clusters holding more than one person,
 * clusters holding conflicting full birth dates, the cluster-size distribution, candidate
 * pairs/s, records/s, wall time and peak RSS; beside them the exact-name baseline (equal
 * normalised given + family name) and, for febrl/splink/hard by default (BENCH_LINKAGE_ENCODED=1:
 * every set, =0: none), the privacy-preserving mode (`encodeRecord` + `linkEncoded`); then
 * issue #12's targets, MET or MISSED. Linking keeps only the decisions that are not
 * 'different' (`decisions: 'linked'`); every candidate pair is tallied as it is visited
 * (`onCandidate`, inside the timed call). Generating the records is timed apart; the baseline
 * and the encoded run come after the plain run's peak RSS is read.
 *
 *   npx tsx bench/linkage.ts
 *   BENCH_LINKAGE_SETS=splink,hard BENCH_LINKAGE_HARD_SIZES=10000,50000 npx tsx bench/linkage.ts
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { encodeRecord, linkEncoded, linkRecords, type LinkDecision } from '@qorgau/core';
import {
  clusterFigures,
  clustersByPosition,
  countTruePairs,
  exactNameClusters,
  prf,
  SIZE_BUCKETS,
  type ClusterFigures,
  type Prf,
} from './lib/linkage-metrics.ts';
import {
  febrlDataset,
  febrlDir,
  febrlMissing,
  hardDataset,
  splinkDataset,
  splinkFile,
  splinkMissing,
  syntheticDataset,
  type Dataset,
} from './lib/linkage-sets.ts';
import { runMain } from './lib/process.ts';
import { memStatus, waitForQuiet } from './lib/procfs.ts';
import { fmtInt, machine, printMachine, round, verdict, writeResult } from './lib/report.ts';

const SEED = 2026;
const DUPLICATE_RATE = 0.3;
const PRECISION_FLOOR = 0.99;
/** BENCH_LINKAGE_PERTURB=1: synthetic records through `perturbedLinkageRecord` (swapped or partial dates, swapped or full names); sets are named "synthetic~". */
const PERTURB = process.env.BENCH_LINKAGE_PERTURB === '1';

/** Whether a set also runs in privacy-preserving mode: BENCH_LINKAGE_ENCODED=1 every set, =0 none, unset the small sets from others plus hard. */
const ENCODED = process.env.BENCH_LINKAGE_ENCODED;
/** The key of the encoded runs: fixed, so that runs compare (in real use the parties share one out of band). */
const ENCODING_KEY = Uint8Array.from({ length: 32 }, (_, i) => (i * 91 + 7) & 255);

type Job = (
  | { kind: 'synthetic'; size: number }
  | { kind: 'hard'; size: number }
  | { kind: 'febrl'; dataset: 1 | 2 | 3; dir: string }
  | { kind: 'splink'; file: string }
) & { encoded: boolean };

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
  /** Seconds to generate (synthetic) or read (FEBRL, Splink) the records, before and apart from linking. */
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
  clusters: ClusterFigures;
  /** Synthetic and hard sets: by pair of the records' scripts ("a~b", sorted), plus "cross-script" and "same-script". */
  byScriptPair?: Record<string, GroupFigures>;
  /** Exact match on the normalised given + family name, clustered by equality (pairs = clusters). */
  baseline: ClusterFigures;
  /** The same set through `encodeRecord` + `linkEncoded` (null: not run). */
  encoded: { same: Prf; clusters: ClusterFigures; encodeS: number; wallS: number } | null;
  /** What the set leaves out or maps. */
  note?: string;
}

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

function loadJob(job: Job): Dataset {
  switch (job.kind) {
    case 'synthetic':
      return syntheticDataset(SEED, job.size, DUPLICATE_RATE, PERTURB);
    case 'hard':
      return hardDataset(SEED, job.size);
    case 'febrl':
      return febrlDataset(job.dir, job.dataset);
    case 'splink':
      return splinkDataset(job.file);
  }
}

/** The set through `encodeRecord` + `linkEncoded`: 'same' pairs tallied as visited, and clusters. */
function runEncoded(ds: Dataset, truePairs: number): NonNullable<JobResult['encoded']> {
  const t0 = performance.now();
  const encoded = ds.records.map((r) => encodeRecord(r, ENCODING_KEY));
  const t1 = performance.now();
  let tp = 0;
  let fp = 0;
  const result = linkEncoded(encoded, {
    decisions: 'linked',
    onCandidate: (i, j, _score, decision) => {
      if (decision !== 'same') return;
      if (ds.entity[i] === ds.entity[j]) tp++;
      else fp++;
    },
  });
  const t2 = performance.now();
  return {
    same: prf(tp, fp, truePairs),
    clusters: clusterFigures(clustersByPosition(result.clusters, ds.records), ds.entity, ds.records, truePairs),
    encodeS: round((t1 - t0) / 1000, 2),
    wallS: round((t2 - t1) / 1000, 2),
  };
}

function runJob(job: Job): JobResult {
  const ds = loadJob(job);
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

  // Clusters against the truth, then the baseline and the encoded run (after the peak RSS was read).
  const clusters = clusterFigures(clustersByPosition(result.clusters, ds.records), entity, ds.records, truePairs);
  if (countTruePairs(entity) !== truePairs) throw new Error('true pair counts disagree');
  const baseline = clusterFigures(exactNameClusters(ds.records), entity, ds.records, truePairs);
  const encoded = job.encoded ? runEncoded(ds, truePairs) : null;

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
    clusters,
    byScriptPair,
    baseline,
    encoded,
    note: ds.note,
  };
}

const jobLabel = (job: Job): string => (job.kind === 'febrl' ? `FEBRL ${job.dataset}` : job.kind === 'splink' ? 'splink fake_1000' : `${job.kind} ${job.size}`);

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

const isReadSet = (r: JobResult): boolean => r.name.startsWith('FEBRL') || r.name.startsWith('splink');

/** Issue #12's targets that apply to the set, each with MET or MISSED. */
function targets(r: JobResult): string[] {
  const out: string[] = [];
  const f1Floor = r.name.startsWith('FEBRL') ? 0.98 : r.name.startsWith('splink') || r.name.startsWith('hard') ? 0.95 : null;
  if (f1Floor !== null) {
    out.push(
      `F1 ≥ ${f1Floor}: 'same' pairs ${f3(r.overall.same.f1)} ${verdict(r.overall.same.f1 >= f1Floor)}, clusters ${f3(r.clusters.f1)} ${verdict(r.clusters.f1 >= f1Floor)}`,
    );
  }
  out.push(`precision of 'same' ≥ ${PRECISION_FLOOR}: ${f3(r.overall.same.precision)} ${verdict(r.overall.same.precision >= PRECISION_FLOOR)}`);
  out.push(
    `no cluster holding two different persons with conflicting full birth dates: ${fmtInt(r.clusters.conflictingMixed)} ${verdict(r.clusters.conflictingMixed === 0)}` +
      ` (${fmtInt(r.clusters.conflictingBirthDates - r.clusters.conflictingMixed)} clusters of one person whose own records disagree beyond a slip, kept together by other evidence)`,
  );
  if (r.encoded) {
    const [e, p] = [r.encoded, r];
    const ok = e.same.f1 >= p.overall.same.f1 - 0.01 && e.clusters.f1 >= p.clusters.f1 - 0.01;
    out.push(
      `encoded within 1 F1 point of plain: 'same' ${f3(e.same.f1)} vs ${f3(p.overall.same.f1)}, clusters ${f3(e.clusters.f1)} vs ${f3(p.clusters.f1)} ${verdict(ok)}`,
    );
  }
  if (r.name.startsWith('synthetic') && r.records >= 1_000_000)
    out.push(`${fmtInt(r.records)} records in ≤ 120 s within 2 GB: ${r.wallS} s, peak ${r.peakRssMb} MB ${verdict(r.wallS <= 120 && r.peakRssMb <= 2048)}`);
  return out;
}

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
  const c = r.clusters;
  console.log(
    `  largest cluster ${fmtInt(c.largest)} records of ${fmtInt(c.largestPersons)} persons; ${fmtInt(c.mixed)} clusters hold more than one person; ${fmtInt(c.conflictingBirthDates)} hold conflicting full birth dates (${fmtInt(c.conflictingMixed)} of them mixing persons)`,
  );
  console.log(`  cluster sizes: ${SIZE_BUCKETS.map((b) => `${b}: ${fmtInt(c.sizes[b])}`).join(', ')}`);
  const b = r.baseline;
  console.log(
    `  baseline (exact normalised given + family name): precision ${f3(b.precision)}  recall ${f3(b.recall)}  F1 ${f3(b.f1)}  (largest ${fmtInt(b.largest)} records of ${fmtInt(b.largestPersons)} persons, ${fmtInt(b.mixed)} mixed clusters)`,
  );
  if (r.encoded)
    console.log(
      `  encoded  : 'same' precision ${f3(r.encoded.same.precision)}  recall ${f3(r.encoded.same.recall)}  F1 ${f3(r.encoded.same.f1)}; clusters F1 ${f3(r.encoded.clusters.f1)}, largest ${r.encoded.clusters.largest} (encode ${r.encoded.encodeS} s, link ${r.encoded.wallS} s)`,
    );
  if (r.note) console.log(`  note: ${r.note}`);
  console.log(`  recall at precision ≥ ${PRECISION_FLOOR}: ${f3(o.recallAtP99)} (score ≥ ${o.thresholdAtP99 === null ? '—' : o.thresholdAtP99.toFixed(2)})`);
  console.log(`  ${isReadSet(r) ? 'read' : 'generated'} in ${r.loadS} s (not included below); ${fmtInt(r.decisionsKept)} decisions kept`);
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
  for (const line of targets(r)) console.log(`  target: ${line}`);
}

function printTable(rs: JobResult[]): void {
  console.log('\nsummary');
  console.log(
    '  set                records   cand. pairs   P(same)  R(same)  F1(same)  F1(clust)  R@P≥.99  largest/persons  mixed  conflicts  F1(base)  F1(enc)   gen s   wall s   rec/s     peak MB',
  );
  for (const r of rs) {
    const largest = `${r.clusters.largest}/${r.clusters.largestPersons}`;
    console.log(
      `  ${r.name.padEnd(18)} ${fmtInt(r.records).padStart(8)} ${fmtInt(r.candidatePairs).padStart(13)}   ${f3(r.overall.same.precision)}   ${f3(r.overall.same.recall)}   ${f3(r.overall.same.f1)}    ${f3(r.clusters.f1)}     ${f3(r.overall.recallAtP99)}  ${largest.padStart(15)}  ${fmtInt(r.clusters.mixed).padStart(5)}  ${fmtInt(r.clusters.conflictingBirthDates).padStart(9)}   ${f3(r.baseline.f1)}   ${r.encoded ? f3(r.encoded.same.f1) : '   —  '}  ${String(r.loadS).padStart(6)}  ${String(r.wallS).padStart(7)}  ${fmtInt(r.recordsPerS).padStart(7)}  ${String(r.peakRssMb).padStart(7)}`,
    );
  }
  console.log("  (F1(base): exact normalised given + family name; F1(enc): 'same' pairs in privacy-preserving mode)");
}

async function main(): Promise<void> {
  const m = machine();
  printMachine(m);
  const list = (name: string, fallback: string): string[] =>
    (process.env[name] ?? fallback)
      .split(',')
      .map((x) => x.trim())
      .filter((x) => x !== '');
  const sizesOf = (name: string, fallback: string): number[] =>
    list(name, fallback)
      .map(Number)
      .filter((n) => Number.isInteger(n) && n > 0);
  const sets = list('BENCH_LINKAGE_SETS', 'febrl,splink,hard,synthetic');
  const unknown = sets.filter((x) => !['febrl', 'splink', 'hard', 'synthetic'].includes(x));
  if (unknown.length) throw new Error(`BENCH_LINKAGE_SETS: unknown set(s) ${unknown.join(', ')} (febrl, splink, hard, synthetic)`);
  // Encoded runs: by default on the small sets (febrl, splink, hard); BENCH_LINKAGE_ENCODED=1 adds synthetic, =0 none.
  const encoded = (set: string): boolean => (ENCODED === '1' ? true : ENCODED === '0' ? false : set !== 'synthetic');
  const jobs: Job[] = [];
  for (const set of sets) {
    if (set === 'febrl') {
      const dir = febrlDir();
      if (dir) for (const dataset of [1, 2, 3] as const) jobs.push({ kind: 'febrl', dataset, dir, encoded: encoded(set) });
      else console.log(febrlMissing());
    } else if (set === 'splink') {
      const file = splinkFile();
      if (file) jobs.push({ kind: 'splink', file, encoded: encoded(set) });
      else console.log(splinkMissing());
    } else if (set === 'hard') {
      for (const size of sizesOf('BENCH_LINKAGE_HARD_SIZES', '10000')) jobs.push({ kind: 'hard', size, encoded: encoded(set) });
    } else {
      for (const size of sizesOf('BENCH_LINKAGE_SIZES', '20000,100000,1000000')) jobs.push({ kind: 'synthetic', size, encoded: encoded(set) });
    }
  }

  const results: JobResult[] = [];
  for (const job of jobs) {
    await waitForQuiet(jobLabel(job));
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
  writeResult(PERTURB ? 'linkage-perturbed' : 'linkage', {
    machine: m,
    seed: SEED,
    duplicateRate: DUPLICATE_RATE,
    perturbed: PERTURB,
    sets,
    results,
    extrapolation,
  });
}

if (process.env.BENCH_LINKAGE_JOB) {
  const r = runJob(JSON.parse(process.env.BENCH_LINKAGE_JOB) as Job);
  process.stdout.write(`@@RESULT ${JSON.stringify(r)}\n`);
} else {
  runMain('linkage', main);
}
