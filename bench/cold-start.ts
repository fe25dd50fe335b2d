/**
 * Cold start on embedded PostgreSQL (PGlite): time from spawning `qorgau start` until GET /health
 * answers 200.
 *   (a) first start on an empty data directory, with the demo seed (QORGAU_SEED_PERSONS, 300);
 *   (b) restart on that data directory, BENCH_RESTARTS times (default 5).
 * Targets (issue): (a) ≤ 30 s, (b) ≤ 3 s. Also the process's peak RSS (VmHWM) before stopping.
 *
 *   npx tsx bench/cold-start.ts
 */
import { runMain, tempDir } from './lib/process.ts';
import { waitForQuiet } from './lib/procfs.ts';
import { envInt, machine, printMachine, round, summary, verdict, writeResult } from './lib/report.ts';
import { startQorgau } from './lib/server.ts';

const RESTARTS = envInt('BENCH_RESTARTS', 5);
const FIRST_TARGET_MS = 30_000;
const RESTART_TARGET_MS = 3_000;

interface StartRun {
  healthyMs: number;
  bannerReadyMs: number | null;
  peakRssMb: number | null;
  exitCode: number | null;
}

async function oneStart(dataDir: string, label: string): Promise<StartRun> {
  await waitForQuiet(label);
  const server = await startQorgau({ QORGAU_DATA_DIR: dataDir, QORGAU_SEED: 'demo' }, { timeoutMs: 120_000 });
  const { exitCode, mem } = await server.stop();
  const run = { healthyMs: round(server.healthyMs), bannerReadyMs: server.bannerReadyMs, peakRssMb: mem ? round(mem.hwmMb) : null, exitCode };
  console.log(
    `  ${label.padEnd(12)} healthy after ${String(run.healthyMs).padStart(6)} ms` +
      `  (server's own "ready in": ${run.bannerReadyMs ?? '?'} ms)  peak RSS ${run.peakRssMb ?? '?'} MB  exit ${exitCode}`,
  );
  if (exitCode !== 0) console.warn(`  warning: server exited with ${exitCode} on SIGTERM`);
  return run;
}

runMain('cold-start', async () => {
  const m = machine();
  printMachine(m);
  const dir = tempDir('cold');
  console.log(`\ncold start on PGlite (data dir ${dir})`);

  const first = await oneStart(dir, 'first start');
  const restarts: StartRun[] = [];
  for (let i = 1; i <= RESTARTS; i++) restarts.push(await oneStart(dir, `restart ${i}`));

  const r = summary(restarts.map((x) => x.healthyMs));
  const banner = summary(restarts.map((x) => x.bannerReadyMs ?? NaN).filter(Number.isFinite));
  const rss = summary(restarts.map((x) => x.peakRssMb ?? NaN).filter(Number.isFinite));
  console.log('\nsummary');
  console.log(`  first start with demo seed: ${first.healthyMs} ms  (target ≤ ${FIRST_TARGET_MS} ms: ${verdict(first.healthyMs <= FIRST_TARGET_MS)})`);
  console.log(
    `  restart on existing data:   median ${r.median} ms, min ${r.min}, max ${r.max} over ${r.n}` +
      `  (target ≤ ${RESTART_TARGET_MS} ms: ${verdict(r.median <= RESTART_TARGET_MS)})`,
  );
  console.log(`  of which inside startServer ("ready in"): median ${banner.median} ms; the rest is process start + module loading`);
  console.log(`  peak RSS: first start ${first.peakRssMb} MB, restarts median ${rss.median} MB (max ${rss.max})`);

  writeResult('cold-start', {
    machine: m,
    first,
    restarts,
    restartSummary: r,
    restartBannerSummary: banner,
    targets: {
      firstStartMs: FIRST_TARGET_MS,
      restartMs: RESTART_TARGET_MS,
      firstMet: first.healthyMs <= FIRST_TARGET_MS,
      restartMet: r.median <= RESTART_TARGET_MS,
    },
  });
});
