import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { auditChain, systemSettings } from '../db/schema.ts';
import { createFieldCipher, type FieldCipher } from './field-cipher.ts';
import {
  KeyFileError,
  keyFileExists,
  keyringFrom,
  newAuditKeys,
  newKeyringFile,
  readKeyringFile,
  writeKeyringFile,
  type Keyring,
  type KeyringFile,
} from './keyring.ts';

const KEY_CHECK = 'key_check';
const KEY_CHECK_PLAIN = 'qorgau-key-check';
export const KEY_CHECK_CONTEXT = 'system_settings.value:key_check';

/**
 * Opens the key file for this database, or creates one for a brand-new database.
 * A database that already holds encrypted data is never paired with a new key: a missing or
 * foreign key file stops the server instead of making existing records unreadable.
 */
export async function openKeyring(db: Db, keyFile: string, opts: { allowCreate: boolean }): Promise<{ keyring: Keyring; cipher: FieldCipher }> {
  const [check] = await db.select().from(systemSettings).where(eq(systemSettings.key, KEY_CHECK));
  if (!keyFileExists(keyFile)) {
    if (check) {
      throw new KeyFileError(
        `the key file ${keyFile} is missing, but this database holds data encrypted with it. ` +
          'Restore the key file (or set QORGAU_KEY_FILE); nothing was changed.',
      );
    }
    if (!opts.allowCreate) throw new KeyFileError(`the key file ${keyFile} does not exist`);
    writeKeyringFile(keyFile, newKeyringFile());
  }
  const file = readKeyringFile(keyFile);
  const cipher = createFieldCipher(keyringFrom(file));
  if (check) {
    try {
      cipher.decrypt(check.value, KEY_CHECK_CONTEXT);
    } catch {
      throw new KeyFileError(`the key file ${keyFile} does not belong to this database; nothing was changed.`);
    }
  } else {
    await db.insert(systemSettings).values({ key: KEY_CHECK, value: cipher.encrypt(KEY_CHECK_PLAIN, KEY_CHECK_CONTEXT) });
  }
  // Only once the key file is known to be this database's: a foreign one is left untouched.
  return { keyring: keyringFrom(await withAuditKeys(db, keyFile, file)), cipher };
}

/**
 * A key file from before the keyed audit chain gets its audit keys on first open. Never when the
 * database already holds a keyed chain: a new key would make every existing link fail, so a key
 * file without them is the wrong (or an old copy of the) key file.
 */
async function withAuditKeys(db: Db, keyFile: string, file: KeyringFile): Promise<KeyringFile> {
  if (file.audit) return file;
  const [link] = await db.select({ seq: auditChain.seq }).from(auditChain).limit(1);
  if (link) throw new KeyFileError(`the key file ${keyFile} has no audit key, but this database holds an audit chain made with one; nothing was changed.`);
  const upgraded = { ...file, audit: newAuditKeys() };
  writeKeyringFile(keyFile, upgraded);
  return upgraded;
}
