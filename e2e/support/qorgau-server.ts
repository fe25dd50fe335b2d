import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { build } from 'vite';
import { buildApp } from '../../apps/server/src/app.ts';
import { loadConfig } from '../../apps/server/src/config.ts';
import { openRuntime, type Runtime } from '../../apps/server/src/runtime/runtime.ts';
import { seedDemo, seedOrganisations, type DemoCredentials } from '../../apps/server/src/seed/seed-demo.ts';
import { seedPersons } from '../../apps/server/src/seed/seed-persons.ts';

const webRoot = fileURLToPath(new URL('../../apps/web', import.meta.url));

export interface RunningQorgau {
  url: string;
  /** The web app as built for this run (Vite output, with .vite/manifest.json). */
  webDist: string;
  credentials: DemoCredentials;
  runtime: Runtime;
  stop(): Promise<void>;
}

/**
 * The web app as production serves it. Vitest sets NODE_ENV=test, which Vite would bake into
 * the bundle (React's development build, several times larger): build with `production`.
 */
async function buildWeb(outDir: string): Promise<void> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: webRoot, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

/**
 * A real Qorgau: the web app freshly built by Vite, an on-disk PGlite with the demo seed, the
 * Fastify server listening on a free port. What `npm start` runs, minus the process boundary.
 */
/** `demo`: the whole demo seed (`npm start`'s: workflows in motion, queues filled), not only the caseload. */
export async function startQorgau(opts: { persons?: number; demo?: boolean; env?: Record<string, string> } = {}): Promise<RunningQorgau> {
  const dir = mkdtempSync(join(tmpdir(), 'qorgau-e2e-'));
  const webDist = join(dir, 'web');
  await buildWeb(webDist);
  const config = { ...loadConfig({ QORGAU_DATA_DIR: dir, QORGAU_SEED: 'none', LOG_LEVEL: 'warn', ...opts.env }), webDist };
  const runtime = await openRuntime(config, { allowCreateKey: true });
  let credentials: DemoCredentials;
  if (opts.demo) credentials = (await seedDemo(runtime.deps, { persons: opts.persons ?? 40, seed: 11 })).credentials;
  else {
    credentials = await seedOrganisations(runtime.deps);
    await seedPersons(runtime.deps, { count: opts.persons ?? 40, seed: 11 });
  }
  const app: FastifyInstance = await buildApp(runtime.deps);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    webDist,
    credentials,
    runtime,
    async stop() {
      await app.close();
      await runtime.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
