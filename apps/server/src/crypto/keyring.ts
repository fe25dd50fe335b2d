import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

/**
 * The key file lives outside the database (./data/keys/keyring.json locally,
 * QORGAU_KEY_FILE in production): a stolen database dump alone reveals no personal data.
 *
 * - `dataKeys`: AES-256-GCM keys by id; `active` encrypts, all decrypt (rotation re-encrypts).
 * - `indexKey`: HMAC-SHA-256 key of the blind indexes (name tokens, identity numbers). It is
 *   not rotated with the data keys: rotating it means rebuilding every index (a later job).
 * - `audit`: the audit chain's HMAC key and the Ed25519 key that signs checkpoints (ADR 0007).
 *   Not rotated by `keys rotate` either: every link of the chain is checked with this one key,
 *   so a new key would have to start a new chain. Added to an older key file on first open.
 */
const Key = z.string().refine((s) => Buffer.from(s, 'base64').length === 32, 'must be 32 bytes, base64');
export const KeyringFile = z.object({
  version: z.literal(1),
  active: z.string().regex(/^k\d+$/),
  dataKeys: z.record(z.string().regex(/^k\d+$/), z.object({ key: Key, createdAt: z.string() })),
  indexKey: Key,
  audit: z.object({ macKey: Key, signingKey: z.string().min(1), createdAt: z.string() }).optional(),
});
export type KeyringFile = z.infer<typeof KeyringFile>;

export class KeyFileError extends Error {}

export interface Keyring {
  activeId: string;
  dataKey(id: string): Buffer;
  indexKey: Buffer;
  file: KeyringFile;
}

export function keyringFrom(file: KeyringFile): Keyring {
  const keys = new Map(Object.entries(file.dataKeys).map(([id, k]) => [id, Buffer.from(k.key, 'base64')]));
  if (!keys.has(file.active)) throw new KeyFileError(`active key ${file.active} is not in the key file`);
  return {
    activeId: file.active,
    indexKey: Buffer.from(file.indexKey, 'base64'),
    file,
    dataKey(id) {
      const k = keys.get(id);
      if (!k) throw new KeyFileError(`key ${id} is not in the key file`);
      return k;
    },
  };
}

export function newKeyringFile(now = new Date()): KeyringFile {
  return {
    version: 1,
    active: 'k1',
    dataKeys: { k1: { key: randomBytes(32).toString('base64'), createdAt: now.toISOString() } },
    indexKey: randomBytes(32).toString('base64'),
    audit: newAuditKeys(now),
  };
}

/** A fresh audit MAC key and Ed25519 signing key (PKCS#8 DER, base64). */
export function newAuditKeys(now = new Date()): NonNullable<KeyringFile['audit']> {
  const { privateKey } = generateKeyPairSync('ed25519');
  return {
    macKey: randomBytes(32).toString('base64'),
    signingKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    createdAt: now.toISOString(),
  };
}

/** Adds a fresh data key and makes it active; old keys stay until data is re-encrypted. */
export function withNewActiveKey(file: KeyringFile, now = new Date()): KeyringFile {
  const next = Math.max(...Object.keys(file.dataKeys).map((id) => Number(id.slice(1)))) + 1;
  const id = `k${next}`;
  return {
    ...file,
    active: id,
    dataKeys: { ...file.dataKeys, [id]: { key: randomBytes(32).toString('base64'), createdAt: now.toISOString() } },
  };
}

export function withoutKeys(file: KeyringFile, keep: string[]): KeyringFile {
  return { ...file, dataKeys: Object.fromEntries(Object.entries(file.dataKeys).filter(([id]) => keep.includes(id))) };
}

export function readKeyringFile(path: string): KeyringFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new KeyFileError(`cannot read key file ${path}: ${(e as Error).message}`);
  }
  const parsed = KeyringFile.safeParse(raw);
  if (!parsed.success) throw new KeyFileError(`key file ${path} is not a valid Qorgau key file`);
  return parsed.data;
}

/** Written to a temporary file and renamed, owner-only permissions: never a half-written key file. */
export function writeKeyringFile(path: string, file: KeyringFile): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, path);
}

export const keyFileExists = (path: string): boolean => existsSync(path);
