/**
 * Seeding throughput: `qorgau seed --persons N` (N = BENCH_SEED_PERSONS, default 20,000) on PGlite
 * and on a PostgreSQL server (a temporary database, dropped afterwards), in persons/second with
 * a linear extrapolation to 1,000,000; then the synthetic generator alone (`generatePersons`,
 * BENCH_GEN_PERSONS, default 200,000) against a trivial loop building objects of the same shape.
 *
 *   npx tsx bench/seed.ts
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { generatePersons, type SyntheticPerson } from '@qorgau/core';
import { createBenchDatabase, redact, serverVersion } from './lib/pg.ts';
import { runMain, tempDir } from './lib/process.ts';
import { waitForQuiet } from './lib/procfs.ts';
import { envInt, fmtInt, machine, printMachine, round, writeResult } from './lib/report.ts';
import { printSeedRun, runSeed } from './lib/seed-run.ts';

const N = envInt('BENCH_SEED_PERSONS', 20_000);
const GEN_N = envInt('BENCH_GEN_PERSONS', 200_000);

/** Same fields and types as SyntheticPerson, values from cheap arithmetic. */
function trivialPerson(i: number): SyntheticPerson {
  return {
    index: i,
    firstName: `F${i}`,
    secondName: `S${i}`,
    middleName: i % 3 ? `M${i}` : null,
    birthdate: `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`,
    gender: i % 2 ? 'Feminine' : 'Masculine',
    citizenship: 'KZ',
    regionCode: 'KZ-75',
    script: 'kk_cyrl',
    recordedBy: 'police',
    exploitationTypes: ['ForcedLabour'],
    identityDocumentType: null,
    identityNumber: i % 2 ? `${100000000000 + i}` : null,
    mobilePhone: i % 5 ? `+7701${String(i).padStart(7, '0')}` : null,
    canonicalKey: `syn-1-${i}`,
  };
}

/** Persons/second of a generator; `sink` keeps the work observable so it is not optimised away. */
function measure(label: string, n: number, make: (n: number) => Iterable<SyntheticPerson>): number {
  let sink = 0;
  for (const p of make(Math.min(20_000, n))) sink += p.firstName.length; // warm-up (JIT)
  const t0 = performance.now();
  for (const p of make(n)) sink += p.firstName.length + (p.identityNumber?.length ?? 0);
  const s = (performance.now() - t0) / 1000;
  const rate = n / s;
  console.log(`  ${label.padEnd(26)} ${fmtInt(n)} in ${(s * 1000).toFixed(0)} ms → ${fmtInt(rate)} persons/s  (checksum ${sink})`);
  return rate;
}

runMain('seed', async () => {
  const m = machine();
  m.postgres = await serverVersion().catch(() => undefined);
  printMachine(m);

  console.log(`\nseed --persons ${fmtInt(N)} (CLI, separate process; includes encryption and blind indexes)`);
  const pgliteDir = tempDir('seed-pglite');
  await waitForQuiet('seed pglite');
  const pglite = await runSeed('pglite', N, { QORGAU_DATA_DIR: pgliteDir }, 30 * 60_000);
  printSeedRun(pglite);
  rmSync(pgliteDir, { recursive: true, force: true });

  const db = await createBenchDatabase('qorgau_bench_seed');
  console.log(`  (PostgreSQL database ${db.name} on ${redact(db.url)})`);
  const pgDir = tempDir('seed-pg');
  await waitForQuiet('seed postgres');
  const postgres = await runSeed('postgres', N, { DATABASE_URL: db.url, QORGAU_DATA_DIR: pgDir, QORGAU_KEY_FILE: join(pgDir, 'keyring.json') }, 30 * 60_000);
  printSeedRun(postgres);
  await db.drop();

  console.log(`\nsynthetic generator alone (in this process)`);
  await waitForQuiet('generator');
  const gen = measure('generatePersons', GEN_N, (n) => generatePersons({ seed: 2026, count: n }));
  const trivial = measure('trivial loop, same shape', GEN_N, function* (n) {
    for (let i = 0; i < n; i++) yield trivialPerson(i);
  });
  console.log(`  generatePersons runs at ${((gen / trivial) * 100).toFixed(1)}% of the trivial loop (${(trivial / gen).toFixed(1)}× slower)`);
  console.log(`  share of the seed loop spent generating (PostgreSQL run): ~${((postgres.personsPerSecond / gen) * 100).toFixed(1)}%`);

  writeResult('seed', {
    machine: m,
    persons: N,
    runs: [pglite, postgres],
    generator: { persons: GEN_N, personsPerSecond: round(gen), trivialPerSecond: round(trivial), ratio: round(gen / trivial, 4) },
  });
});
