import { describe, expect, it } from 'vitest';
import { pooledRandomBytes } from './random-pool.ts';

describe('pooled random bytes (IVs, pseudonyms)', () => {
  it('never hands out the same bytes twice, across refills of the pool', () => {
    // 3,000 IVs are 36 kB: the 16 kB pool is refilled twice on the way.
    const ivs = Array.from({ length: 3_000 }, () => pooledRandomBytes(12));
    expect(ivs.every((iv) => iv.length === 12)).toBe(true);
    expect(new Set(ivs.map((iv) => iv.toString('hex'))).size).toBe(ivs.length);
  });

  it('gives a copy: a refill does not change what was handed out', () => {
    const first = pooledRandomBytes(12);
    const kept = Buffer.from(first);
    for (let i = 0; i < 3_000; i++) pooledRandomBytes(12);
    expect(first.equals(kept)).toBe(true);
  });

  it('is not all zeros (the pool is filled before the first draw)', () => {
    const draws = Array.from({ length: 50 }, () => pooledRandomBytes(16));
    expect(draws.some((d) => d.some((b) => b !== 0))).toBe(true);
    expect(draws.filter((d) => d.every((b) => b === 0))).toEqual([]);
  });

  it('refuses more than a pool at once', () => {
    expect(() => pooledRandomBytes(16 * 1024 + 1)).toThrow(RangeError);
  });
});
