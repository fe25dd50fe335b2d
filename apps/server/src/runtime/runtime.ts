import type { AppDeps } from '../app-deps.ts';
import { auditKeysFrom, type AuditKeys } from '../audit/audit-keys.ts';
import type { Config } from '../config.ts';
import { openKeyring } from '../crypto/key-setup.ts';
import { createDb, type Database } from '../db/client.ts';
import { createTranslator } from '../http/i18n.ts';
import { createReferenceStore } from '../reference/reference-store.ts';
import { loadScreeningReference, loadWorkingCalendar } from '../reference/screening-reference.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { restrictDataDir } from './data-dir-permissions.ts';

export interface Runtime {
  database: Database;
  deps: AppDeps;
  /** The audit chain's MAC and checkpoint signing keys, from the key file. */
  auditKeys: AuditKeys;
  close(): Promise<void>;
}

/**
 * Opens everything a server or a command needs, in the order that keeps data safe: lock the
 * data directory, open the database, apply migrations, check the key file against the
 * database, then drop to the unprivileged application role.
 */
export async function openRuntime(config: Config, opts: { allowCreateKey: boolean }): Promise<Runtime> {
  const release = config.database.kind === 'pglite' ? lockDataDir(config.dataDir) : () => undefined;
  let database: Database | null = null;
  try {
    database = await createDb(config.database);
    await database.migrate();
    const { cipher, keyring } = await openKeyring(database.db, config.keyFile, { allowCreate: opts.allowCreateKey });
    const auditKeys = auditKeysFrom(keyring.file);
    restrictDataDir(config.dataDir);
    await database.useAppRole();
    // Read once: the reference store serves it (and its uploaded versions) to deadlines.
    const calendar = loadWorkingCalendar();
    const deps: AppDeps = {
      db: database.db,
      cipher,
      config,
      translator: await createTranslator(),
      reference: createReferenceStore(database.db, loadScreeningReference(), calendar),
      calendar,
      now: () => new Date(),
    };
    const db = database;
    return {
      database,
      deps,
      auditKeys,
      async close() {
        await db.close();
        restrictDataDir(config.dataDir);
        release();
      },
    };
  } catch (e) {
    await database?.close().catch(() => undefined);
    release();
    throw e;
  }
}
