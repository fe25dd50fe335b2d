/**
 * Starting `qorgau start` as a separate process and waiting until it answers GET /health.
 * BENCH_SERVER_NODE_ARGS adds node flags to the server (e.g. "--cpu-prof --cpu-prof-dir=/tmp/p").
 */
import { cleanEnv, freePort, QORGAU_CLI, sleep, spawnTracked, stopProcess, type Spawned } from './process.ts';
import { memStatus, type MemStatus } from './procfs.ts';

export interface RunningServer {
  proc: Spawned;
  baseUrl: string;
  /** Milliseconds from spawn until GET /health answered 200. */
  healthyMs: number;
  /** "ready in N ms" from the server's banner (start of startServer → listen), if printed. */
  bannerReadyMs: number | null;
  stop(): Promise<{ exitCode: number | null; mem: MemStatus | null }>;
}

export async function startQorgau(env: Record<string, string>, opts: { timeoutMs?: number; echo?: boolean } = {}): Promise<RunningServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const proc = spawnTracked(process.execPath, [...nodeArgs, QORGAU_CLI, 'start'], {
    env: cleanEnv({ LOG_LEVEL: 'warn', ...env, PORT: String(port), HOST: '127.0.0.1' }),
    echo: opts.echo,
  });
  const healthyMs = await waitForHealth(baseUrl, proc, t0, opts.timeoutMs ?? 60_000);
  // The banner is printed right after listen(); give stdout a moment to arrive.
  let bannerReadyMs: number | null = null;
  for (let i = 0; i < 20 && bannerReadyMs === null; i++) {
    const m = /ready in (\d+) ms/.exec(proc.output());
    if (m) bannerReadyMs = Number(m[1]);
    else await sleep(25);
  }
  return {
    proc,
    baseUrl,
    healthyMs,
    bannerReadyMs,
    async stop() {
      const mem = memStatus(proc.pid);
      const exitCode = await stopProcess(proc);
      return { exitCode, mem };
    },
  };
}

/** Polls GET /health every 20 ms; fails fast if the process exits, or after `timeoutMs`. */
export async function waitForHealth(baseUrl: string, proc: Spawned, t0: number, timeoutMs: number): Promise<number> {
  let exitCode: number | null | undefined;
  void proc.exited.then((c) => {
    exitCode = c;
  });
  while (performance.now() - t0 < timeoutMs) {
    if (exitCode !== undefined) throw new Error(`server exited (code ${exitCode}) before it was healthy:\n${proc.output().slice(-4000)}`);
    try {
      const res = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(1_000) });
      await res.arrayBuffer();
      if (res.status === 200) return performance.now() - t0;
    } catch {
      /* not listening yet */
    }
    await sleep(20);
  }
  await stopProcess(proc, 2_000);
  throw new Error(`server not healthy within ${timeoutMs} ms:\n${proc.output().slice(-4000)}`);
}
