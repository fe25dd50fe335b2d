/** `qorgau seed --persons N` as a separate process, timed, with its peak RSS. */
import { cleanEnv, QORGAU_CLI, spawnTracked } from './process.ts';
import { watchPeakRss } from './procfs.ts';
import { fmtInt, round } from './report.ts';

const MILLION = 1_000_000;

export interface SeedRun {
  target: 'pglite' | 'postgres';
  persons: number;
  /** Whole command: process start, migrations, key, organisations, persons. */
  wallMs: number;
  /** The CLI's own timing of the persons/cases insert loop ("… in X s"). */
  seedMs: number;
  personsPerSecond: number;
  /** Linear: command overhead + 1,000,000 / persons per second. */
  millionMinutes: number;
  peakRssMb: number | null;
}

/** Runs `qorgau seed --persons n` with `env`; the bench's database and data dir are the caller's. */
export async function runSeed(target: SeedRun['target'], n: number, env: Record<string, string>, timeoutMs: number): Promise<SeedRun> {
  const t0 = performance.now();
  const p = spawnTracked(process.execPath, [QORGAU_CLI, 'seed', '--persons', String(n)], { env: cleanEnv({ LOG_LEVEL: 'warn', ...env }) });
  const peak = watchPeakRss(p.pid);
  const timer = setTimeout(() => p.child.kill('SIGKILL'), timeoutMs);
  const code = await p.exited;
  clearTimeout(timer);
  const wallMs = performance.now() - t0;
  const peakRssMb = peak();
  if (code !== 0) throw new Error(`seed on ${target} exited with ${code} after ${round(wallMs)} ms:\n${p.output().slice(-4000)}`);
  const m = /seeded (\d+) persons and (\d+) cases in ([\d.]+) s/.exec(p.output());
  if (!m || Number(m[1]) !== n) throw new Error(`unexpected seed output:\n${p.output().slice(-2000)}`);
  const seedMs = Number(m[3]) * 1000;
  const personsPerSecond = n / (seedMs / 1000);
  const millionMinutes = ((wallMs - seedMs) / 1000 + MILLION / personsPerSecond) / 60;
  return {
    target,
    persons: n,
    wallMs: round(wallMs),
    seedMs,
    personsPerSecond: round(personsPerSecond),
    millionMinutes: round(millionMinutes, 1),
    peakRssMb: peakRssMb === null ? null : round(peakRssMb),
  };
}

export function printSeedRun(r: SeedRun): void {
  console.log(
    `  ${r.target.padEnd(8)} ${fmtInt(r.persons)} persons: ${fmtInt(r.personsPerSecond)} persons/s ` +
      `(insert loop ${(r.seedMs / 1000).toFixed(1)} s, whole command ${(r.wallMs / 1000).toFixed(1)} s, peak RSS ${r.peakRssMb ?? '?'} MB)` +
      ` → 1,000,000 persons ≈ ${r.millionMinutes} min`,
  );
}
