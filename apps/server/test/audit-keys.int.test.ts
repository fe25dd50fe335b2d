import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chainPending } from '../src/audit/audit-chainer.ts';
import { verifyAuditChain } from '../src/audit/audit-verify.ts';
import { appendAudit } from '../src/audit/audit.repository.ts';
import { loadConfig } from '../src/config.ts';
import { KeyFileError, newKeyringFile, readKeyringFile, writeKeyringFile } from '../src/crypto/keyring.ts';
import { rotateKeys } from '../src/crypto/rotate-keys.ts';
import { openRuntime } from '../src/runtime/runtime.ts';

/** The audit keys in the key file: created, carried through `keys rotate`, never silently replaced. */
describe('audit keys in the key file', () => {
  const dirs: string[] = [];
  const fresh = () => {
    const d = mkdtempSync(join(tmpdir(), 'qorgau-auditkeys-'));
    dirs.push(d);
    return loadConfig({ QORGAU_DATA_DIR: d, LOG_LEVEL: 'silent' });
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('keys rotate leaves the audit keys as they were, and the chain still verifies', async () => {
    const config = fresh();
    const rt = await openRuntime(config, { allowCreateKey: true });
    await rt.deps.db.transaction((tx) => appendAudit(tx, { actor: null, ip: null }, { operation: 'audit.read' }));
    await chainPending(rt.deps.db, rt.auditKeys.macKey);
    const before = readKeyringFile(config.keyFile).audit;
    expect(before?.macKey).toBeTruthy();
    await rotateKeys(rt.deps.db, config.keyFile);
    await rt.close();
    expect(readKeyringFile(config.keyFile).audit).toEqual(before);

    const reopened = await openRuntime(config, { allowCreateKey: false });
    await chainPending(reopened.deps.db, reopened.auditKeys.macKey); // the rotation's own entry
    expect(await verifyAuditChain(reopened.deps.db, reopened.auditKeys.macKey)).toMatchObject({ ok: true, chained: 2, pending: 0 });
    await reopened.close();
  }, 120_000);

  it('a key file from before the keyed chain gets audit keys; once a chain exists, one without them is refused', async () => {
    const config = fresh();
    const first = await openRuntime(config, { allowCreateKey: true });
    await first.close();
    const { audit, ...old } = readKeyringFile(config.keyFile);
    writeKeyringFile(config.keyFile, old);

    const upgraded = await openRuntime(config, { allowCreateKey: false });
    const added = readKeyringFile(config.keyFile).audit;
    expect(added?.macKey).toBeTruthy();
    expect(added?.macKey).not.toBe(audit?.macKey);
    await upgraded.deps.db.transaction((tx) => appendAudit(tx, { actor: null, ip: null }, { operation: 'audit.read' }));
    await chainPending(upgraded.deps.db, upgraded.auditKeys.macKey);
    await upgraded.close();

    writeKeyringFile(config.keyFile, old);
    await expect(openRuntime(config, { allowCreateKey: false })).rejects.toSatisfy(
      (e) => e instanceof KeyFileError && /no audit key/.test((e as Error).message),
    );

    // Another database's key file without audit keys is refused as foreign before anything is added to it.
    const { audit: _none, ...foreign } = newKeyringFile();
    const foreignFile = join(config.dataDir, 'foreign-keyring.json');
    writeKeyringFile(foreignFile, foreign);
    await expect(openRuntime({ ...config, keyFile: foreignFile }, { allowCreateKey: false })).rejects.toThrow(/does not belong to this database/);
    expect(readKeyringFile(foreignFile).audit).toBeUndefined();
  }, 120_000);
});
