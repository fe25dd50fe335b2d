import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { FieldCipher } from './field-cipher.ts';

/**
 * Envelope encryption of a file (an attachment) with Node's AES-256-GCM; nothing hand-rolled.
 * Each file gets its own random 256-bit key; the file is stored as `iv(12) || ciphertext ||
 * tag(16)` with the additional authenticated data `context` (table, column, row: a file copied
 * to another row fails to open); the file key is wrapped by the keyring through the field
 * cipher (`v1.<keyId>...`), so `keys rotate` re-wraps 32 bytes per file, never the file itself,
 * and the stored file can stay immutable (the attachments table refuses updates of content).
 */
export interface SealedBlob {
  /** The file key, wrapped by the keyring's active data key. */
  wrappedKey: string;
  sealed: Buffer;
}

const IV = 12;
const TAG = 16;

export function sealBlob(cipher: FieldCipher, plain: Buffer, context: string, keyContext: string): SealedBlob {
  const key = randomBytes(32);
  const iv = randomBytes(IV);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(context, 'utf8'));
  const ct = Buffer.concat([c.update(plain), c.final()]);
  const sealed = Buffer.concat([iv, ct, c.getAuthTag()]);
  const wrappedKey = cipher.encrypt(key.toString('base64'), keyContext);
  key.fill(0);
  return { wrappedKey, sealed };
}

export function openBlob(cipher: FieldCipher, blob: SealedBlob, context: string, keyContext: string): Buffer {
  if (blob.sealed.length < IV + TAG) throw new Error('not a sealed file');
  const key = Buffer.from(cipher.decrypt(blob.wrappedKey, keyContext), 'base64');
  const d = createDecipheriv('aes-256-gcm', key, blob.sealed.subarray(0, IV));
  d.setAAD(Buffer.from(context, 'utf8'));
  d.setAuthTag(blob.sealed.subarray(blob.sealed.length - TAG));
  const plain = Buffer.concat([d.update(blob.sealed.subarray(IV, blob.sealed.length - TAG)), d.final()]);
  key.fill(0);
  return plain;
}
