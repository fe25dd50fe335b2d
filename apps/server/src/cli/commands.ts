import type { Config } from '../config.ts';
import { rotateKeys } from '../crypto/rotate-keys.ts';
import { createDb } from '../db/client.ts';
import { lockDataDir } from '../runtime/data-dir-lock.ts';
import { restrictDataDir } from '../runtime/data-dir-permissions.ts';
import { openRuntime } from '../runtime/runtime.ts';
import { isSeeded, seedOrganisations } from '../seed/seed-demo.ts';
import { seedPersons } from '../seed/seed-persons.ts';
import { linkageJobFor } from '../modules/linkage/linkage-job.ts';

export async function migrateCommand(config: Config): Promise<number> {
  const release = config.database.kind === 'pglite' ? lockDataDir(config.dataDir) : () => undefined;
  const database = await createDb(config.database);
  try {
    await database.migrate();
    console.log('qorgau: migrations applied');
    return 0;
  } finally {
    await database.close();
    restrictDataDir(config.dataDir);
    release();
  }
}

export async function seedCommand(config: Config, opts: { persons: number; seed: number; start?: number; years?: number }): Promise<number> {
  const rt = await openRuntime(config, { allowCreateKey: true });
  try {
    if (!(await isSeeded(rt.deps))) await seedOrganisations(rt.deps);
    const started = Date.now();
    let last = 0;
    const result = await seedPersons(rt.deps, {
      count: opts.persons,
      seed: opts.seed,
      start: opts.start,
      // --years N: records opened up to N years back (the newest two days ago), more each year, as identifications have grown.
      history: opts.years ? { minDaysAgo: 2, maxDaysAgo: Math.round(opts.years * 365.25), growth: true } : undefined,
      onProgress: (n) => {
        if (n - last >= 50_000) {
          last = n;
          console.log(`  ${n} persons…`);
        }
      },
    });
    console.log(`qorgau: seeded ${result.persons} persons and ${result.cases} cases in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  } finally {
    await rt.close();
  }
}

export async function keysRotateCommand(config: Config): Promise<number> {
  const rt = await openRuntime(config, { allowCreateKey: false });
  try {
    const { reencrypted, activeKey } = await rotateKeys(rt.deps.db, config.keyFile);
    console.log(`qorgau: key ${activeKey} is active; ${reencrypted} rows re-encrypted; old keys removed from ${config.keyFile}`);
    return 0;
  } finally {
    await rt.close();
  }
}

/** Runs the bulk linkage job to its end in this process, printing progress on stderr. */
export async function linkCommand(config: Config): Promise<number> {
  const rt = await openRuntime(config, { allowCreateKey: false });
  try {
    const job = linkageJobFor(rt.deps);
    const started = Date.now();
    await job.start({ actor: null, ip: null });
    const timer = setInterval(() => {
      void job.current().then((r) => r && console.error(`  ${r.phase}: ${r.processed}/${r.total}`));
    }, 2000);
    await job.idle();
    clearInterval(timer);
    const run = await job.current();
    console.error(
      `qorgau link: ${run?.status ?? 'no run'}; ${run?.pairsScored ?? 0} pairs scored, ${run?.proposals ?? 0} proposals, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    return run?.status === 'done' ? 0 : 1;
  } finally {
    await rt.close();
  }
}
