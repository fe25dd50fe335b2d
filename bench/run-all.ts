/**
 * `npm run bench`: every benchmark, one after another, each in its own process (so one's
 * memory and JIT state do not colour the next). A failing benchmark does not stop the others;
 * the exit code is non-zero if any failed. `npm run bench -- linkage seed` (or
 * BENCH_ONLY=linkage,seed) runs a subset.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ALL = ['cold-start', 'seed', 'get-case', 'linkage', 'intake-match', 'national-scale', 'statistics', 'exchange', 'exchange-linkage', 'bundle-size'];
const requested = process.argv.slice(2).length ? process.argv.slice(2) : (process.env.BENCH_ONLY?.split(',') ?? []);
const only = requested.map((s) => s.trim()).filter(Boolean);
const unknown = only.filter((n) => !ALL.includes(n));
if (unknown.length) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; choose from ${ALL.join(', ')}`);
  process.exit(2);
}
const names = only.length ? ALL.filter((n) => only.includes(n)) : ALL;

const results: { name: string; code: number | null; seconds: number }[] = [];
let current: ReturnType<typeof spawn> | null = null;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    current?.kill(sig); // the benchmark cleans up (children, databases) and exits
    process.exitCode = 130;
  });
}

for (const name of names) {
  console.log(`\n=== ${name} ${'='.repeat(60 - name.length)}`);
  const file = fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
  const t0 = performance.now();
  const code = await new Promise<number | null>((resolve) => {
    current = spawn(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit' });
    current.on('exit', (c) => resolve(c));
  });
  current = null;
  results.push({ name, code, seconds: Math.round((performance.now() - t0) / 1000) });
  if (process.exitCode === 130) break;
}

console.log('\n=== done');
for (const r of results) console.log(`  ${r.name.padEnd(12)} ${r.code === 0 ? 'ok' : `FAILED (exit ${r.code})`}  ${r.seconds} s`);
if (results.some((r) => r.code !== 0)) process.exitCode = process.exitCode || 1;
