import { randomFillSync } from 'node:crypto';

const POOL_BYTES = 16 * 1024;

/**
 * Bytes from the operating system's CSPRNG, drawn 16 kB at a time and each handed out once,
 * never reused (Node batches `randomUUID` the same way). Asking OpenSSL for 12 bytes at a time
 * cost 6 µs a call: most of an AES-GCM encryption, and an import of 100,000 persons encrypts
 * half a million fields. For IVs and pseudonyms; keys come from `randomBytes` directly.
 */
export function pooledRandomBytes(size: number): Buffer {
  if (size > POOL_BYTES) throw new RangeError(`pooledRandomBytes: at most ${POOL_BYTES} bytes`);
  if (next + size > pool.length) {
    randomFillSync(pool);
    next = 0;
  }
  const out = Buffer.from(pool.subarray(next, next + size));
  next += size;
  return out;
}

const pool = Buffer.alloc(POOL_BYTES);
let next = POOL_BYTES;
