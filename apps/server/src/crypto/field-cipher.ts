import { createCipheriv, createDecipheriv, createHmac } from 'node:crypto';
import { pooledRandomBytes } from './random-pool.ts';
import type { Keyring } from './keyring.ts';

/**
 * Field-level encryption with AES-256-GCM from Node's crypto (OpenSSL); nothing hand-rolled.
 * Envelope: `v1.<keyId>.<iv>.<ciphertext>.<tag>` (base64url). The additional authenticated
 * data binds a ciphertext to its table, column and row, so a value copied into another
 * record or field fails to decrypt instead of silently showing the wrong person's data.
 */
export interface FieldCipher {
  encrypt(plain: string, context: string): string;
  decrypt(envelope: string, context: string): string;
  keyIdOf(envelope: string): string;
  /** Keyed hash for blind indexes; deterministic, not reversible without the key. */
  blindIndex(value: string): string;
}

/** GCM's 96-bit nonce. */
const IV_BYTES = 12;

export function createFieldCipher(keyring: Keyring): FieldCipher {
  return {
    encrypt(plain, context) {
      const iv = pooledRandomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', keyring.dataKey(keyring.activeId), iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return ['v1', keyring.activeId, iv.toString('base64url'), ct.toString('base64url'), tag.toString('base64url')].join('.');
    },
    decrypt(envelope, context) {
      const [version, keyId, iv, ct, tag] = envelope.split('.');
      if (version !== 'v1' || !keyId || iv === undefined || ct === undefined || tag === undefined) {
        throw new Error('not a Qorgau ciphertext');
      }
      const decipher = createDecipheriv('aes-256-gcm', keyring.dataKey(keyId), Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
    },
    keyIdOf(envelope) {
      return envelope.split('.')[1] ?? '';
    },
    blindIndex(value) {
      // 128 bits are plenty to make collisions irrelevant and keep the GIN index small.
      return createHmac('sha256', keyring.indexKey).update(value, 'utf8').digest('base64url').slice(0, 22);
    },
  };
}

/** The AAD of a field: which table, column and row the ciphertext belongs to. */
export const fieldContext = (table: string, column: string, rowId: string): string => `${table}.${column}:${rowId}`;
