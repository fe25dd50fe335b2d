/**
 * Record linkage accuracy and speed: `linkRecords` from `@qorgau/core`, in-process, on
 *   - multi-script synthetic sets (`generatePersons`, duplicateRate 0.3) of BENCH_LINKAGE_SIZES
 *     records (default "20000,100000"), truth = equal `canonicalKey`;
 *   - FEBRL datasets 1–3 (../shared/reference/linkage/febrl beside the repo, or
 *     BENCH_FEBRL_DIR), truth = `dataset*_true_pairs.csv`; skipped with a note if missing.
 * Each set runs in its own child process so that its peak RSS (VmHWM) is its own.
 * Reports pairwise precision/recall/F1 of the 'same' decisions and of the clusters, recall at
 * precision ≥ 0.99 (best over score thresholds), per script pair for the synthetic sets,
 * candidate pairs/s, records/s, wall time and peak RSS.
 *
 *   npx tsx bench/linkage.ts
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePersons, linkRecords, toLinkageRecord, type LinkageRecord } from '@qorgau/core';
import { REPO_ROOT, runMain } from './lib/process.ts';
import { memStatus, waitForQuiet } from './lib/procfs.ts';
import { fmtInt, machine, printMachine, round, writeResult } from './lib/report.ts';

const SEED = 2026;
const DUPLICATE_RATE = 0.3;
const PRECISION_FLOOR = 0.99;

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

/** Best recall over thresholds "score ≥ t" (t among the scores) with precision ≥ floor. */
function recallAtPrecision(scored: { score: number; truth: boolean }[], truePairs: number, floor: number): { recall: number | null; threshold: number | null } {
  const s = scored.filter((x) => Number.isFinite(x.score)).sort((a, b) => b.score - a.score);
  let tp = 0;
  let fp = 0;
  let best: { recall: number | null; threshold: number | null } = { recall: null, threshold: null };
  for (let i = 0; i < s.length; i++) {
    const x = s[i] as { score: number; truth: boolean };
    if (x.truth) tp++;
    else fp++;
    const next = s[i + 1];
    if (next !== undefined && next.score === x.score) continue; // a threshold takes all tied scores
    if (tp / (tp + fp) >= floor) {
      const recall = tp / Math.max(1, truePairs);
      if (best.recall === null || recall > best.recall) best = { recall, threshold: x.score };
    }
  }
  return best;
}

interface Dataset {
  name: string;
  records: LinkageRecord[];
  /** Record id → entity (truth: same entity ⇔ same person). */
  entity: Map<string, string>;
  /** Record id → script (synthetic only). */
  script?: Map<string, string>;
}

function syntheticDataset(size: number): Dataset {
  const records: LinkageRecord[] = [];
  const entity = new Map<string, string>();
  const script = new Map<string, string>();
  for (const p of generatePersons({ seed: SEED, count: size, duplicateRate: DUPLICATE_RATE })) {
    const id = String(p.index);
    records.push(toLinkageRecord(p));
    entity.set(id, p.canonicalKey);
    script.set(id, p.script);
  }
  return { name: `synthetic ${fmtInt(size)}`, records, entity, script };
}

function csv(file: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
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
  const entity = new Map<string, string>();
  const records = csv(join(dir, `dataset${n}.csv`)).map((r): LinkageRecord => {
    const id = r.rec_id ?? '';
    const m = /^rec-(\d+)-/.exec(id);
    if (!m) throw new Error(`FEBRL dataset${n}: unexpected rec_id ${JSON.stringify(id)}`);
    entity.set(id, m[1] as string);
    const dob = r.date_of_birth ?? '';
    return {
      id,
      givenName: r.given_name || null,
      familyName: r.surname || null,
      birthDate: /^\d{8}$/.test(dob) ? `${dob.slice(0, 4)}-${dob.slice(4, 6)}-${dob.slice(6, 8)}` : dob || null,
      documentNumber: r.soc_sec_id || null,
    };
  });
  // The truth file must say the same as the rec-<n>- numbers (which the cluster figures use).
  const filePairs = csv(join(dir, `dataset${n}_true_pairs.csv`));
  let derived = 0;
  const sizes = new Map<string, number>();
  for (const e of entity.values()) sizes.set(e, (sizes.get(e) ?? 0) + 1);
  for (const c of sizes.values()) derived += (c * (c - 1)) / 2;
  const bad = filePairs.filter((p) => entity.get(p.rec_id_1 ?? '') === undefined || entity.get(p.rec_id_1 ?? '') !== entity.get(p.rec_id_2 ?? ''));
  if (bad.length || derived !== filePairs.length) throw new Error(`FEBRL dataset${n}: true_pairs.csv (${filePairs.length} pairs, ${bad.length} inconsistent) ≠ rec-<n> groups (${derived} pairs)`);
  return { name: `FEBRL ${n}`, records, entity };
}

function runJob(job: Job): JobResult {
  const ds = job.kind === 'synthetic' ? syntheticDataset(job.size) : febrlDataset(job.dir, job.dataset);
  const rssBeforeMb = memStatus(process.pid)?.rssMb ?? NaN;

  const t0 = performance.now();
  const result = linkRecords(ds.records);
  const wallS = (performance.now() - t0) / 1000;
  const peakRssMb = memStatus(process.pid)?.hwmMb ?? NaN;

  const { entity, script } = ds;
  const ent = (id: string) => entity.get(id) as string;
  const groupOf = (a: string, b: string): string | null => {
    if (!script) return null;
    const [x, y] = [script.get(a) as string, script.get(b) as string].sort();
    return `${x}~${y}`;
  };

  // True pairs, overall and per script pair.
  const members = new Map<string, string[]>();
  for (const r of ds.records) {
    const e = ent(r.id);
    const list = members.get(e);
    if (list) list.push(r.id);
    else members.set(e, [r.id]);
  }
  let truePairs = 0;
  const trueByGroup = new Map<string, number>();
  for (const ids of members.values()) {
    truePairs += (ids.length * (ids.length - 1)) / 2;
    if (!script) continue;
    for (let x = 0; x < ids.length; x++)
      for (let y = x + 1; y < ids.length; y++) {
        const g = groupOf(ids[x] as string, ids[y] as string) as string;
        trueByGroup.set(g, (trueByGroup.get(g) ?? 0) + 1);
      }
  }

  // Decisions: overall and per group.
  interface Acc {
    tp: number;
    fp: number;
    candidatesTrue: number;
    scored: { score: number; truth: boolean }[];
  }
  const acc = (): Acc => ({ tp: 0, fp: 0, candidatesTrue: 0, scored: [] });
  const all = acc();
  const groups = new Map<string, Acc>();
  const counts = { same: 0, review: 0, different: 0 };
  for (const d of result.decisions) {
    const [a, b] = d.ids;
    const truth = ent(a) === ent(b);
    counts[d.decision]++;
    const targets = [all];
    const g = groupOf(a, b);
    if (g !== null) {
      for (const key of [g, script?.get(a) === script?.get(b) ? 'same-script' : 'cross-script']) {
        let t = groups.get(key);
        if (!t) groups.set(key, (t = acc()));
        targets.push(t);
      }
    }
    for (const t of targets) {
      if (truth) t.candidatesTrue++;
      if (d.decision === 'same') {
        if (truth) t.tp++;
        else t.fp++;
      }
      t.scored.push({ score: d.score, truth });
    }
  }
  const figures = (t: Acc, total: number): GroupFigures => {
    const r = recallAtPrecision(t.scored, total, PRECISION_FLOOR);
    return { truePairs: total, candidatesTrue: t.candidatesTrue, same: prf(t.tp, t.fp, total), recallAtP99: r.recall, thresholdAtP99: r.threshold };
  };

  let byScriptPair: Record<string, GroupFigures> | undefined;
  if (script) {
    let cross = 0;
    let same = 0;
    for (const [g, n] of trueByGroup) {
      const [x, y] = g.split('~');
      if (x === y) same += n;
      else cross += n;
    }
    const totals = new Map<string, number>([...trueByGroup, ['cross-script', cross], ['same-script', same]]);
    const keys = [...new Set([...totals.keys(), ...groups.keys()])].sort();
    byScriptPair = Object.fromEntries(keys.map((k) => [k, figures(groups.get(k) ?? acc(), totals.get(k) ?? 0)]));
  }

  // Clusters: pairs within a cluster, counted without listing them.
  let ctp = 0;
  let cpairs = 0;
  let largest = 0;
  for (const c of result.clusters) {
    largest = Math.max(largest, c.length);
    cpairs += (c.length * (c.length - 1)) / 2;
    const by = new Map<string, number>();
    for (const id of c) by.set(ent(id), (by.get(ent(id)) ?? 0) + 1);
    for (const k of by.values()) ctp += (k * (k - 1)) / 2;
  }

  return {
    name: ds.name,
    records: ds.records.length,
    entities: members.size,
    candidatePairs: result.decisions.length,
    wallS: round(wallS, 2),
    recordsPerS: Math.round(ds.records.length / wallS),
    pairsPerS: Math.round(result.decisions.length / wallS),
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
  console.log(`  ${fmtInt(r.candidatePairs)} candidate pairs (${fmtInt(o.candidatesTrue)} true = blocking recall ${f3(o.candidatesTrue / Math.max(1, o.truePairs))})`);
  console.log(`  decisions: same ${fmtInt(r.decisions.same)}, review ${fmtInt(r.decisions.review)}, different ${fmtInt(r.decisions.different)}; λ ${r.lambda.toFixed(4)}, ${r.emIterations} EM iterations`);
  console.log(`  'same'   : precision ${f3(o.same.precision)}  recall ${f3(o.same.recall)}  F1 ${f3(o.same.f1)}  (tp ${fmtInt(o.same.tp)}, fp ${fmtInt(o.same.fp)})`);
  console.log(`  clusters : precision ${f3(r.clusters.precision)}  recall ${f3(r.clusters.recall)}  F1 ${f3(r.clusters.f1)}  (${fmtInt(r.clusters.count)} clusters, largest ${r.clusters.largest})`);
  console.log(`  recall at precision ≥ ${PRECISION_FLOOR}: ${f3(o.recallAtP99)} (score ≥ ${o.thresholdAtP99 === null ? '—' : o.thresholdAtP99.toFixed(2)})`);
  console.log(`  wall ${r.wallS} s, ${fmtInt(r.recordsPerS)} records/s, ${fmtInt(r.pairsPerS)} pairs/s, RSS ${r.rssBeforeMb} MB before linking, peak ${r.peakRssMb} MB`);
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
  console.log('  set                records   cand. pairs   P(same)  R(same)  F1(same)  F1(clust)  R@P≥.99   wall s   rec/s     pairs/s   peak MB');
  for (const r of rs) {
    console.log(
      `  ${r.name.padEnd(18)} ${fmtInt(r.records).padStart(8)} ${fmtInt(r.candidatePairs).padStart(13)}   ${f3(r.overall.same.precision)}   ${f3(r.overall.same.recall)}   ${f3(r.overall.same.f1)}    ${f3(r.clusters.f1)}     ${f3(r.overall.recallAtP99)}  ${String(r.wallS).padStart(7)}  ${fmtInt(r.recordsPerS).padStart(7)}  ${fmtInt(r.pairsPerS).padStart(9)}  ${String(r.peakRssMb).padStart(7)}`,
    );
  }
}

async function main(): Promise<void> {
  const m = machine();
  printMachine(m);
  const sizes = (process.env.BENCH_LINKAGE_SIZES ?? '20000,100000')
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
  let extrapolation: { secondsPer1M: number; linear: boolean; usPerRecordSmall: number; usPerRecordLarge: number } | undefined;
  if (syn.length >= 2) {
    const [a, b] = [syn[0] as JobResult, syn[syn.length - 1] as JobResult];
    const [ua, ub] = [(a.wallS / a.records) * 1e6, (b.wallS / b.records) * 1e6];
    const linear = ub / ua < 1.25; // per-record time grew by < 25 % over the range
    extrapolation = { secondsPer1M: round(ub, 1), linear, usPerRecordSmall: round(ua, 1), usPerRecordLarge: round(ub, 1) };
    console.log(
      `\nscaling: ${ua.toFixed(1)} µs/record at ${fmtInt(a.records)}, ${ub.toFixed(1)} µs/record at ${fmtInt(b.records)} (×${(ub / ua).toFixed(2)}); ` +
        (linear ? `roughly linear: 1,000,000 records ≈ ${ub.toFixed(0)} s (extrapolated, not run)` : 'not linear: no extrapolation to 1,000,000'),
    );
  }
  writeResult('linkage', { machine: m, seed: SEED, duplicateRate: DUPLICATE_RATE, results, extrapolation });
}

if (process.env.BENCH_LINKAGE_JOB) {
  const r = runJob(JSON.parse(process.env.BENCH_LINKAGE_JOB) as Job);
  process.stdout.write(`@@RESULT ${JSON.stringify(r)}\n`);
} else {
  runMain('linkage', main);
}
