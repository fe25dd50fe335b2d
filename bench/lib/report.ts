/** Small statistics, the machine description, and result files (bench/results/*.json). */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

export const RESULTS_DIR = fileURLToPath(new URL('../results/', import.meta.url));

export function summary(xs: number[]): { median: number; min: number; max: number; n: number } {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
  return { median, min: s[0] ?? NaN, max: s[s.length - 1] ?? NaN, n: s.length };
}

/** Nearest-rank percentile of an already sorted array. */
export function percentileSorted(sorted: ArrayLike<number>, p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

export const round = (x: number, digits = 0) => Number(x.toFixed(digits));
export const fmtInt = (x: number) => Math.round(x).toLocaleString('en-US');

export function envInt(name: string, fallback: number): number {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got ${JSON.stringify(v)}`);
  return n;
}

export function verdict(ok: boolean): string {
  return ok ? 'MET' : 'MISSED';
}

export interface Machine {
  nproc: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  postgres?: string;
  pgbench?: string;
}

export function machine(): Machine {
  let cpuModel = 'unknown';
  try {
    cpuModel = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpuModel;
  } catch {
    /* not Linux */
  }
  let pgbench: string | undefined;
  try {
    pgbench = execFileSync(pgbenchPath(), ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    pgbench = undefined;
  }
  return { nproc: availableParallelism(), cpuModel, memoryGb: round(totalmem() / 2 ** 30, 1), node: process.version, pgbench };
}

export const pgbenchPath = () => process.env.BENCH_PGBENCH ?? '/usr/bin/pgbench';

export function printMachine(m: Machine): void {
  console.log(`machine: ${m.nproc} CPUs (${m.cpuModel}), ${m.memoryGb} GB RAM, Node ${m.node}${m.postgres ? `, ${m.postgres}` : ''}`);
}

/** Writes bench/results/<name>.json (git-ignored) for docs/benchmarks.md. */
export function writeResult(name: string, data: unknown): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = `${RESULTS_DIR}${name}.json`;
  writeFileSync(file, `${JSON.stringify({ bench: name, at: new Date().toISOString(), ...(data as object) }, null, 2)}\n`);
  console.log(`\nresults written to ${file}`);
}
