/**
 * Small deterministic pseudo-random numbers for synthetic data. Not cryptographic: the goal
 * is that (seed, index, stream) always gives the same values on every machine, cheaply, so a
 * million records can be generated in slices by parallel workers.
 */

/** murmur3's 32-bit finaliser: a fast bijective mixer with good avalanche. */
function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Hashes a seed and further integers into one 32-bit state. Seeds beyond 32 bits keep their
 * high bits (2**40 + 1 differs from 1), fractions are ignored; each part goes through the
 * mixer so that neighbouring indices give unrelated streams.
 */
export function hashSeed(seed: number, ...parts: number[]): number {
  const high = Math.floor(seed / 4294967296);
  let h = fmix32((seed >>> 0) ^ 0x9e3779b9);
  h = fmix32(h ^ Math.imul(high | 0, 0x27d4eb2f));
  for (const p of parts) h = fmix32((h + Math.imul(p >>> 0, 0x9e3779b1)) ^ (h >>> 15));
  return h;
}

/**
 * mulberry32 (Tommy Ettinger, public domain): a 32-bit state generator with full 2^32 period,
 * plenty for the ~50 draws one synthetic record needs.
 */
export class Rng {
  private state: number;

  constructor(state: number) {
    this.state = state >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [min, max], both inclusive. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A uniformly chosen element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new RangeError('Rng.pick on an empty array');
    return item;
  }

  /** `count` decimal digits as a string (leading zeros allowed). */
  digits(count: number): string {
    let out = '';
    for (let i = 0; i < count; i++) out += String(this.int(10));
    return out;
  }
}

/** A weighted choice table, built once, drawn from in O(log n). */
export class Weighted<T> {
  private readonly values: readonly T[];
  private readonly cumulative: readonly number[];

  /** `entries` are [value, weight] pairs; weights need not sum to 1. */
  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    if (entries.length === 0) throw new RangeError('Weighted needs at least one entry');
    let total = 0;
    const cumulative: number[] = [];
    for (const [, w] of entries) cumulative.push((total += w));
    this.values = entries.map(([v]) => v);
    this.cumulative = cumulative.map((c) => c / total);
  }

  /** Draws one value using `rng`. */
  draw(rng: Rng): T {
    const u = rng.next();
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] ?? 1) > u) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo] as T;
  }
}
