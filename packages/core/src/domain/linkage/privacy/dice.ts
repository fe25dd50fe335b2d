/**
 * Bit strings of Bloom filters: base64 transport and the Dice coefficient between two
 * filters, 2·|A∧B| / (|A| + |B|), counted byte by byte with a popcount table.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Map<string, number>([...ALPHABET].map((c, i) => [c, i]));

/** Standard base64 (RFC 4648 §4, padded) of bytes; the core has no `btoa` or `Buffer`. */
export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | c;
    out += ALPHABET[(n >> 18) & 63];
    out += ALPHABET[(n >> 12) & 63];
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? ALPHABET[n & 63] : '=';
  }
  return out;
}

/** Bytes of a padded base64 string; throws on anything else. */
export function base64ToBytes(text: string): Uint8Array {
  if (text.length % 4 !== 0) throw new RangeError('base64 length must be a multiple of 4');
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    for (let j = 0; j < 4; j++) {
      const ch = text[i + j] ?? '=';
      const v = ch === '=' && i + 4 === text.length && j >= 4 - pad ? 0 : DECODE.get(ch);
      if (v === undefined) throw new RangeError(`invalid base64 character ${JSON.stringify(ch)}`);
      n = (n << 6) | v;
    }
    if (o < out.length) out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

const POPCOUNT = Uint8Array.from({ length: 256 }, (_, i) => {
  let c = 0;
  for (let x = i; x !== 0; x &= x - 1) c++;
  return c;
});

/** Number of set bits. */
export function popcount(bytes: Uint8Array): number {
  let c = 0;
  for (const b of bytes) c += POPCOUNT[b] ?? 0;
  return c;
}

/**
 * Dice coefficient of two equally long filters, in [0, 1]; 0 when both are empty.
 * Throws when the lengths differ (filters from different schemas are not comparable).
 */
export function dice(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) throw new RangeError(`filters differ in length: ${a.length} vs ${b.length} bytes`);
  let both = 0;
  let total = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    both += POPCOUNT[x & y] ?? 0;
    total += (POPCOUNT[x] ?? 0) + (POPCOUNT[y] ?? 0);
  }
  return total === 0 ? 0 : (2 * both) / total;
}

/** Dice coefficient of two base64 filters. */
export function diceBase64(a: string, b: string): number {
  return dice(base64ToBytes(a), base64ToBytes(b));
}
