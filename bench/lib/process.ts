/**
 * Child processes for the benchmarks: free ports, spawning with a clean environment, bounded
 * waits, /proc readings, and cleanup (children killed, temporary databases dropped) on any exit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const QORGAU_CLI = fileURLToPath(new URL('../../apps/server/bin/qorgau.mjs', import.meta.url));

// ---------------------------------------------------------------------------------------------
// Cleanup: children are killed and async cleanups (DROP DATABASE, rm -rf) run on every way out.
const children = new Set<ChildProcess>();
const cleanups: (() => Promise<void> | void)[] = [];
let handlersInstalled = false;

export function onCleanup(fn: () => Promise<void> | void): () => void {
  installHandlers();
  cleanups.push(fn);
  return () => {
    const i = cleanups.indexOf(fn);
    if (i >= 0) cleanups.splice(i, 1);
  };
}

/** Runs pending cleanups (last registered first). Safe to call more than once. */
export async function runCleanups(): Promise<void> {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  while (cleanups.length) {
    const fn = cleanups.pop() as () => Promise<void> | void;
    try {
      await fn();
    } catch (e) {
      console.error(`bench: cleanup failed: ${(e as Error).message}`);
    }
  }
}

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  });
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      console.error(`\nbench: ${sig}, cleaning up…`);
      void runCleanups().finally(() => process.exit(130));
    });
  }
}

/** Runs `main`, then cleanups; a failure is printed with its message and exit code 1. */
export function runMain(name: string, main: () => Promise<void>): void {
  installHandlers();
  main().then(
    async () => {
      await runCleanups();
      process.exit(0);
    },
    async (e: unknown) => {
      console.error(`\n${name}: FAILED: ${(e as Error)?.stack ?? String(e)}`);
      await runCleanups();
      process.exit(1);
    },
  );
}

// ---------------------------------------------------------------------------------------------

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** process.env without anything that configures Qorgau, plus `extra`. */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(QORGAU_|DATABASE_|PORT$|HOST$|LOG_LEVEL$)/.test(k)) continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

export interface Spawned {
  child: ChildProcess;
  pid: number;
  /** Last lines of stdout+stderr, for error messages and banner parsing. */
  output(): string;
  exited: Promise<number | null>;
}

export function spawnTracked(cmd: string, args: string[], opts: { env: NodeJS.ProcessEnv; cwd?: string; echo?: boolean }): Spawned {
  installHandlers();
  const child = spawn(cmd, args, { cwd: opts.cwd ?? REPO_ROOT, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error(`could not spawn ${cmd}`);
  children.add(child);
  let buf = '';
  const keep = (d: Buffer) => {
    const s = d.toString();
    if (opts.echo) process.stdout.write(s.replace(/^/gm, '    | '));
    buf = (buf + s).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code, signal) => {
      children.delete(child);
      resolve(code ?? (signal ? -1 : null));
    });
  });
  return { child, pid: child.pid, output: () => buf, exited };
}

/** Runs a command to completion; rejects with its output on a non-zero exit or timeout. */
export async function runCommand(
  cmd: string,
  args: string[],
  opts: { env: NodeJS.ProcessEnv; timeoutMs: number; echo?: boolean },
): Promise<{ output: string; ms: number }> {
  const t0 = performance.now();
  const p = spawnTracked(cmd, args, opts);
  const timer = setTimeout(() => p.child.kill('SIGKILL'), opts.timeoutMs);
  const code = await p.exited;
  clearTimeout(timer);
  const ms = performance.now() - t0;
  if (code !== 0) {
    const why = ms >= opts.timeoutMs ? `timed out after ${opts.timeoutMs} ms` : `exited with ${code}`;
    throw new Error(`${cmd} ${args.join(' ')} ${why}:\n${p.output().slice(-4000)}`);
  }
  return { output: p.output(), ms };
}

/** SIGTERM, then SIGKILL if the process has not exited within `graceMs`. */
export async function stopProcess(p: Spawned, graceMs = 15_000): Promise<number | null> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return p.child.exitCode;
  p.child.kill('SIGTERM');
  const timer = setTimeout(() => {
    console.error(`bench: pid ${p.pid} did not exit ${graceMs} ms after SIGTERM; killing it`);
    p.child.kill('SIGKILL');
  }, graceMs);
  const code = await p.exited;
  clearTimeout(timer);
  return code;
}

// ---------------------------------------------------------------------------------------------
// /proc readings (Linux only; null elsewhere).

export interface MemStatus {
  rssMb: number;
  hwmMb: number;
}

export function memStatus(pid: number): MemStatus | null {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(s)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

const TICK = 100; // USER_HZ on Linux

/** user+system CPU seconds of one process. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / TICK;
  } catch {
    return 0;
  }
}

/** user+system CPU seconds of every live process with this command name (e.g. postgres backends). */
export function cpuSecondsByName(comm: string): number {
  let total = 0;
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (readFileSync(`/proc/${d}/comm`, 'utf8').trim() === comm) total += cpuSeconds(Number(d));
    } catch {
      /* exited meanwhile */
    }
  }
  return total;
}

/** Busy and total CPU seconds of the whole machine (all cores), from /proc/stat. */
export function machineCpu(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const total = v.reduce((a, b) => a + b, 0);
  const idle = (v[3] ?? 0) + (v[4] ?? 0);
  return { busy: (total - idle) / TICK, total: total / TICK };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Other work on the machine skews every figure here. Waits (up to BENCH_QUIET_WAIT seconds,
 * default 300) until the machine was at most 0.15 cores busy over 3 s; returns the last reading.
 */
export async function waitForQuiet(label: string): Promise<number> {
  const limitS = Number(process.env.BENCH_QUIET_WAIT ?? 300);
  const t0 = performance.now();
  let warned = false;
  for (;;) {
    const a = machineCpu();
    await sleep(3_000);
    const b = machineCpu();
    const busy = (b.busy - a.busy) / 3;
    if (busy <= 0.15) return busy;
    if ((performance.now() - t0) / 1000 >= limitS) {
      console.warn(`  WARNING (${label}): machine still ${busy.toFixed(2)} cores busy with other work after ${limitS} s; figures will be low`);
      return busy;
    }
    if (!warned) console.log(`  (${label}: waiting for other work on the machine to finish: ${busy.toFixed(2)} cores busy)`);
    warned = true;
  }
}

/** Polls VmHWM of `pid` every `everyMs` until stopped; returns the last (= highest) reading in MB. */
export function watchPeakRss(pid: number, everyMs = 250): () => number | null {
  let peak: number | null = null;
  const read = () => {
    const m = memStatus(pid);
    if (m && Number.isFinite(m.hwmMb)) peak = Math.max(peak ?? 0, m.hwmMb);
  };
  const timer = setInterval(read, everyMs);
  timer.unref();
  return () => {
    read();
    clearInterval(timer);
    return peak;
  };
}

/** A fresh directory under the OS temp dir, removed on cleanup. */
export function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `qorgau-bench-${label}-`));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
