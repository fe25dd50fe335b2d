import { chmodSync, lstatSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { rotateKeys } from '../src/crypto/rotate-keys.ts';
import { KeyFileError, newKeyringFile, readKeyringFile } from '../src/crypto/keyring.ts';
import { persons, selfReports } from '../src/db/schema.ts';
import { fieldContext } from '../src/crypto/field-cipher.ts';
import { randomUUID } from 'node:crypto';
import { DataDirLockedError } from '../src/runtime/data-dir-lock.ts';
import { openRuntime } from '../src/runtime/runtime.ts';
import { isSeeded, seedOrganisations } from '../src/seed/seed-demo.ts';
import { seedPersons } from '../src/seed/seed-persons.ts';
import { personIdentity } from '../src/modules/persons/persons.view.ts';
import { buildApp } from '../src/app.ts';

/** Paths under `dir` whose mode gives group or others any permission. */
function openToOthers(dir: string): string[] {
  const found: string[] = [];
  const walk = (path: string) => {
    const st = lstatSync(path);
    if (st.isSymbolicLink()) return;
    if ((st.mode & 0o077) !== 0) found.push(`${path} ${(st.mode & 0o777).toString(8)}`);
    if (st.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
  };
  walk(dir);
  return found;
}

/** Runs on an on-disk PGlite: the embedded deployment a newcomer gets from `npm start`. */
describe('start-up, key file and data directory', () => {
  const dirs: string[] = [];
  const fresh = () => {
    const d = mkdtempSync(join(tmpdir(), 'qorgau-start-'));
    dirs.push(d);
    return loadConfig({ QORGAU_DATA_DIR: d, LOG_LEVEL: 'silent' });
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('keeps data across restarts, refuses a second server, a missing key or a foreign key', async () => {
    const config = fresh();
    const rt = await openRuntime(config, { allowCreateKey: true });
    await seedOrganisations(rt.deps);
    await seedPersons(rt.deps, { count: 50, seed: 7 });
    // A second server on the same directory is refused while the first runs.
    await expect(openRuntime(config, { allowCreateKey: true })).rejects.toBeInstanceOf(DataDirLockedError);
    await rt.close();

    const again = await openRuntime(config, { allowCreateKey: true });
    expect(await isSeeded(again.deps)).toBe(true);
    expect((await again.deps.db.select().from(persons)).length).toBe(50);
    await again.close();

    const keyBackup = readKeyringFile(config.keyFile);
    rmSync(config.keyFile);
    await expect(openRuntime(config, { allowCreateKey: true })).rejects.toThrow(/missing/);
    writeFileSync(config.keyFile, JSON.stringify(newKeyringFile()));
    await expect(openRuntime(config, { allowCreateKey: true })).rejects.toBeInstanceOf(KeyFileError);
    writeFileSync(config.keyFile, JSON.stringify(keyBackup));
    const restored = await openRuntime(config, { allowCreateKey: true });
    expect((await restored.deps.db.select().from(persons)).length).toBe(50);
    await restored.close();
  }, 120_000);

  it('rotates keys: every value re-encrypted under the new key, readable, old key gone', async () => {
    const config = fresh();
    const rt = await openRuntime(config, { allowCreateKey: true });
    await seedOrganisations(rt.deps);
    await seedPersons(rt.deps, { count: 30, seed: 3 });
    const reportId = randomUUID();
    const reportContext = fieldContext('self_reports', 'what_happened', reportId);
    await rt.deps.db.insert(selfReports).values({
      id: reportId,
      reference: 'HR-T-1',
      language: 'kk',
      reporter: 'self',
      situation: [],
      safeToContact: false,
      whatHappenedEnc: rt.deps.cipher.encrypt('Құжаттарымды алып қойды', reportContext),
    });
    const [before] = await rt.deps.db.select().from(persons).limit(1);
    const identityBefore = personIdentity(rt.deps.cipher, before as typeof persons.$inferSelect);
    const result = await rotateKeys(rt.deps.db, config.keyFile);
    await rt.close();
    expect(result.activeKey).toBe('k2');
    expect(Object.keys(readKeyringFile(config.keyFile).dataKeys)).toEqual(['k2']);

    const reopened = await openRuntime(config, { allowCreateKey: false });
    const all = await reopened.deps.db.select().from(persons);
    expect(all.every((p) => p.firstNameEnc.startsWith('v1.k2.'))).toBe(true);
    const [after] = await reopened.deps.db
      .select()
      .from(persons)
      .where(eq(persons.id, before?.id as string));
    expect(personIdentity(reopened.deps.cipher, after as typeof persons.$inferSelect)).toEqual(identityBefore);
    const [report] = await reopened.deps.db.select().from(selfReports).where(eq(selfReports.id, reportId));
    expect(report?.whatHappenedEnc).toMatch(/^v1\.k2\./);
    expect(reopened.deps.cipher.decrypt(report?.whatHappenedEnc as string, reportContext)).toBe('Құжаттарымды алып қойды');
    await reopened.close();
  }, 120_000);

  it('leaves the data directory owner-only: the database files, the key file, and a world-writable file left by an older release', async () => {
    const config = fresh();
    // A file an older release (or PGlite, which ignores the umask for some files) left open to all.
    writeFileSync(join(config.dataDir, 'left-over'), 'x');
    chmodSync(join(config.dataDir, 'left-over'), 0o666);
    chmodSync(config.dataDir, 0o777);
    const rt = await openRuntime(config, { allowCreateKey: true });
    await seedOrganisations(rt.deps);
    expect(openToOthers(config.dataDir)).toEqual([]);
    await rt.close();
    expect(openToOthers(config.dataDir)).toEqual([]);

    // The command line sets umask 077 itself: a fresh directory migrated by it is owner-only too.
    const dir = mkdtempSync(join(tmpdir(), 'qorgau-start-cli-'));
    dirs.push(dir);
    rmSync(dir, { recursive: true });
    const bin = fileURLToPath(new URL('../bin/qorgau.mjs', import.meta.url));
    const migrated = spawnSync(process.execPath, [bin, 'migrate'], {
      env: { ...process.env, QORGAU_DATA_DIR: dir, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(migrated.status, migrated.stderr).toBe(0);
    expect(readdirSync(join(dir, 'pglite')).length).toBeGreaterThan(5);
    expect(openToOthers(dir)).toEqual([]);
  }, 180_000);

  it('warns at start-up when the key file sits in the data directory of a real (non-demo) deployment', async () => {
    const config = fresh();
    const rt = await openRuntime(config, { allowCreateKey: true });
    const logOf = async (overrides: Partial<typeof config>) => {
      let out = '';
      const logStream = new Writable({
        write(chunk, _enc, done) {
          out += String(chunk);
          done();
        },
      });
      const app = await buildApp({ ...rt.deps, config: { ...config, logLevel: 'info', logFormat: 'json', ...overrides } }, { logStream });
      await app.close();
      return out;
    };
    try {
      // Key file under ./data/keys (the default) and no demo seed: the warning, with no path or name in it.
      const warned = await logOf({ seed: 'none' });
      const line = warned.split('\n').find((l) => l.includes('key_file_in_data_dir'));
      expect(line).toBeDefined();
      expect(JSON.parse(line as string).level).toBe(40);
      expect(line).not.toContain(config.dataDir);
      // The demo keeps both in ./data on purpose; a key file kept elsewhere is what the docs ask for.
      expect(await logOf({ seed: 'demo' })).not.toContain('key_file_in_data_dir');
      expect(await logOf({ seed: 'none', keyFile: join(tmpdir(), 'elsewhere', 'keyring.json') })).not.toContain('key_file_in_data_dir');
      // A directory whose name merely starts with the data directory's is not inside it.
      expect(await logOf({ seed: 'none', keyFile: `${config.dataDir}-keys/keyring.json` })).not.toContain('key_file_in_data_dir');
    } finally {
      await rt.close();
    }
  }, 120_000);

  it('reports every invalid setting at once', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', QORGAU_SEED: 'lots' })).toThrow(/PORT[\s\S]*DATABASE_URL[\s\S]*QORGAU_SEED/);
  });
});
