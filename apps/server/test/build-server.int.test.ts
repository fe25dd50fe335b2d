import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const serverRoot = fileURLToPath(new URL('..', import.meta.url));
// Inside apps/server (under the ignored dist/) so that the bundle finds node_modules as the real one does.
mkdirSync(join(serverRoot, 'dist'), { recursive: true });
const outdir = mkdtempSync(join(serverRoot, 'dist', 'test-'));
const dataDir = mkdtempSync(join(tmpdir(), 'qorgau-built-'));

const run = (...args: string[]) =>
  spawnSync(process.execPath, args, {
    // From another directory: the bundle must not depend on the working directory to find its files.
    cwd: tmpdir(),
    env: { ...process.env, QORGAU_DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_OPTIONS: '' },
    encoding: 'utf8',
    timeout: 180_000,
  });

/** The production server is compiled JavaScript run by plain node, not TypeScript through a loader. */
describe('the server build', () => {
  afterAll(() => {
    rmSync(outdir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('bundles the server and @qorgau/core into one module that runs without tsx: help, migrations, catalogs, reference data', () => {
    const built = run(join(serverRoot, 'build.mjs'), '--outdir', outdir);
    expect(built.status, built.stderr).toBe(0);
    const bundle = join(outdir, 'qorgau.mjs');
    const code = readFileSync(bundle, 'utf8');
    // No TypeScript loader and no workspace import left: node_modules only.
    expect(code).not.toMatch(/from ["']tsx|from ["']@qorgau\/core["']|\.ts["']\)/);

    const help = run(bundle, '--help');
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toContain('usage: qorgau <command>');

    const migrated = run(bundle, 'migrate');
    expect(migrated.status, migrated.stderr).toBe(0);
    expect(migrated.stdout).toContain('migrations applied');
    expect(readdirSync(join(dataDir, 'pglite')).length).toBeGreaterThan(5);

    // seed opens the whole runtime: key file, i18n catalogs, screening reference data, working calendar.
    const seeded = run(bundle, 'seed', '--persons', '3');
    expect(seeded.status, seeded.stderr).toBe(0);
    expect(seeded.stdout).toMatch(/seeded 3 persons/);
    expect(existsSync(join(dataDir, 'keys', 'keyring.json'))).toBe(true);
  }, 400_000);
});
