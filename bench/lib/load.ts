/**
 * HTTP load (autocannon, in this process: the server under test is a separate process), CPU
 * accounting per process group, and a TCP proxy that counts PostgreSQL round trips.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import autocannon from 'autocannon';
import { cpuSeconds, machineCpu } from './procfs.ts';
import { round } from './report.ts';

export interface LoadResult {
  connections: number;
  seconds: number;
  reqPerSec: number;
  requests: number;
  avgMs: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
}

/** GET /api/v1/cases/:id with a random id of `ids` per request, `connections` at once. */
export async function loadCases(opts: { baseUrl: string; cookie: string; ids: string[]; connections: number; seconds: number }): Promise<LoadResult> {
  const { ids } = opts;
  const r = await autocannon({
    url: opts.baseUrl,
    connections: opts.connections,
    duration: opts.seconds,
    timeout: 10,
    headers: { cookie: opts.cookie, accept: 'application/json' },
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/v1/cases/${ids[Math.floor(Math.random() * ids.length)]}` }) }],
  });
  const statusCodes = Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([k, v]) => [k, v.count]));
  return {
    connections: opts.connections,
    seconds: opts.seconds,
    reqPerSec: round(r.requests.average, 1),
    requests: r.requests.total,
    avgMs: round(r.latency.average, 2),
    p50Ms: r.latency.p50,
    p90Ms: r.latency.p90,
    p99Ms: r.latency.p99,
    maxMs: r.latency.max,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes,
  };
}

export interface CpuUse {
  wallS: number;
  /** Average cores busy over the window (1.0 = one core fully). */
  server: number;
  postgres: number;
  pgbench: number;
  /** This process (autocannon). */
  bench: number;
  machine: number;
  /** Busy cores not accounted for above: other work on the machine (kernel, other processes). */
  other: number;
}

/**
 * Samples CPU seconds of postgres/pgbench processes every 500 ms (so backends that exit before
 * the end still count, up to their last sample), of the server pid and of this process.
 */
export function cpuSampler(serverPid?: number): () => CpuUse {
  const t0 = performance.now();
  const m0 = machineCpu();
  const self0 = process.cpuUsage();
  const server0 = serverPid ? cpuSeconds(serverPid) : 0;
  const first = new Map<number, number>();
  const last = new Map<number, { comm: string; s: number }>();
  const scan = (initial: boolean) => {
    for (const d of readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      const pid = Number(d);
      let comm: string;
      try {
        comm = readFileSync(`/proc/${d}/comm`, 'utf8').trim();
      } catch {
        continue;
      }
      if (comm !== 'postgres' && comm !== 'pgbench') continue;
      const s = cpuSeconds(pid);
      if (!first.has(pid)) first.set(pid, initial ? s : 0);
      last.set(pid, { comm, s });
    }
  };
  scan(true);
  const timer = setInterval(() => scan(false), 500);
  timer.unref();
  return () => {
    scan(false);
    clearInterval(timer);
    const wallS = (performance.now() - t0) / 1000;
    const by = (comm: string) => [...last].filter(([, v]) => v.comm === comm).reduce((a, [pid, v]) => a + v.s - (first.get(pid) ?? 0), 0);
    const self = process.cpuUsage(self0);
    const m1 = machineCpu();
    const server = (serverPid ? cpuSeconds(serverPid) - server0 : 0) / wallS;
    const [postgres, pgbench, bench] = [by('postgres') / wallS, by('pgbench') / wallS, (self.user + self.system) / 1e6 / wallS];
    const machine = (m1.busy - m0.busy) / wallS;
    const other = Math.max(0, machine - server - postgres - pgbench - bench);
    return {
      wallS: round(wallS, 1),
      server: round(server, 2),
      postgres: round(postgres, 2),
      pgbench: round(pgbench, 2),
      bench: round(bench, 2),
      machine: round(machine, 2),
      other: round(other, 2),
    };
  };
}

export const fmtCpu = (c: CpuUse) =>
  `CPU (cores): server ${c.server}, postgres ${c.postgres}, pgbench ${c.pgbench}, autocannon ${c.bench}, other ${c.other}; machine ${c.machine} busy`;

/**
 * A TCP proxy to PostgreSQL that counts client round trips: every Sync (extended protocol: one
 * per statement with node-postgres) and every simple Query message waits for ReadyForQuery.
 */
export async function countingProxy(target: { host: string; port: number }): Promise<{ port: number; roundTrips(): number; close(): Promise<void> }> {
  let trips = 0;
  const sockets = new Set<Socket>();
  const srv = createServer((client) => {
    const upstream = connect(target.port, target.host);
    sockets.add(client).add(upstream);
    let buf = Buffer.alloc(0);
    let untyped = 1; // the startup message (and an SSLRequest before it) has no type byte
    client.on('data', (chunk: Buffer) => {
      upstream.write(chunk);
      buf = Buffer.concat([buf, chunk]);
      for (;;) {
        if (untyped > 0) {
          if (buf.length < 8) break;
          const len = buf.readInt32BE(0);
          if (buf.length < len) break;
          if (buf.readInt32BE(4) !== 80877103) untyped--; // not an SSLRequest
          buf = buf.subarray(len);
          continue;
        }
        if (buf.length < 5) break;
        const len = buf.readInt32BE(1);
        if (buf.length < len + 1) break;
        const type = String.fromCharCode(buf[0] as number);
        if (type === 'S' || type === 'Q') trips++;
        buf = buf.subarray(len + 1);
      }
    });
    upstream.on('data', (d) => client.write(d));
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const addr = srv.address();
  return {
    port: typeof addr === 'object' && addr ? addr.port : 0,
    roundTrips: () => trips,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        srv.close(() => resolve());
      }),
  };
}
