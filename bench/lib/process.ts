/**
 * Child processes for the benchmarks: free ports, spawning with a clean environment, bounded
 * waits, and cleanup (children killed, temporary databases dropped) on any exit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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

let cleaning: Promise<void> | null = null;
let interrupted: string | null = null;

/** Runs pending cleanups (last registered first). Concurrent callers share one run. */
export function runCleanups(): Promise<void> {
  cleaning ??= (async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    while (cleanups.length) {
      const fn = cleanups.pop() as () => Promise<void> | void;
      try {
        await fn();
      } catch (e) {
        console.error(`bench: cleanup failed: ${(e as Error).message}`);
      }
    }
  })();
  return cleaning;
}

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  });
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      interrupted = sig;
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
      if (!interrupted) console.error(`\n${name}: FAILED: ${(e as Error)?.stack ?? String(e)}`);
      await runCleanups();
      process.exit(interrupted ? 130 : 1);
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
    const shown = `${cmd} ${args.join(' ')}`;
    throw new Error(`${shown.length > 200 ? `${shown.slice(0, 200)}…` : shown} ${why}:\n${p.output().slice(-4000)}`);
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

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A fresh directory under the OS temp dir, removed on cleanup. */
export function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `qorgau-bench-${label}-`));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
