import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockingKeys, candidatePairs, forEachCandidatePair, pairsSharingKeys, refinableBlockingKeys, type RefinableKey } from './blocking.ts';
import { normaliseRecord } from './linkage-record.ts';

describe('blocking', () => {
  const recs = [
    { id: '0', givenName: 'Қанат', familyName: 'Сапаров', birthDate: '1984-12-12' },
    { id: '1', givenName: 'SAPAROV', familyName: 'KANAT', birthDate: '12.12.1984' }, // swapped order
    { id: '2', givenName: 'Kanat', familyName: 'Saparov', birthDate: '1985' }, // other year, no document
    { id: '3', givenName: 'Айгерим', familyName: 'Есенова', birthDate: '1985', documentNumber: '841212344309' },
    { id: '4', givenName: 'Aigerim', familyName: 'Esenova', birthDate: '1990-01-01', documentNumber: '841212344309' },
    { id: '5', givenName: 'Асель', familyName: 'Каримова', birthDate: '1970' },
  ].map(normaliseRecord);

  it('makes name+year, document and family-prefix keys', () => {
    const keys = blockingKeys(recs[3] ?? recs[0]!);
    expect(keys).toEqual(expect.arrayContaining(['n:aigerim:1985', 'n:esen:1985', 'd:841212344309', 'f:ese:1985']));
  });

  it('pairs swapped names and shared documents, once each, and nothing unrelated', () => {
    const pairs = candidatePairs(recs);
    expect(pairs).toContainEqual([0, 1]);
    expect(pairs).toContainEqual([3, 4]); // different years, same document
    expect(pairs.some(([i, j]) => i === 5 || j === 5)).toBe(false);
    expect(new Set(pairs.map((p) => p.join())).size).toBe(pairs.length);
    expect(pairs.every(([i, j]) => i < j)).toBe(true);
  });

  it('skips blocks above the size cap', () => {
    const many = Array.from({ length: 6 }, (_, i) => normaliseRecord({ id: String(i), givenName: 'Айгерим' }));
    expect(candidatePairs(many).length).toBe(15);
    expect(candidatePairs(many, { maxBlockSize: 5 })).toEqual([]);
  });
});

/** The pair rule of `forEachCandidatePair`, spelled out pair by pair (quadratic; for tests). */
function referencePairs(keys: (readonly [string, string | null])[][], maxBlockSize: number, refineAbove: number): [number, number][] {
  // One refinement per record and key: the first one given.
  const own = keys.map((ks) => {
    const m = new Map<string, string | null>();
    for (const [k, r] of ks) if (!m.has(k)) m.set(k, r);
    return m;
  });
  const holders = (k: string) => own.filter((m) => m.has(k));
  const out: [number, number][] = [];
  for (let i = 0; i < own.length; i++) {
    for (let j = i + 1; j < own.length; j++) {
      const a = own[i]!;
      const b = own[j]!;
      const meets = [...a.keys()].some((k) => {
        if (!b.has(k)) return false;
        const all = holders(k);
        if (all.length <= refineAbove) return all.length <= maxBlockSize;
        const [ra, rb] = [a.get(k) ?? null, b.get(k) ?? null];
        if (ra !== null && rb !== null) return ra === rb && all.filter((m) => m.get(k) === ra).length <= maxBlockSize;
        if (all.length <= maxBlockSize) return true;
        return ra === null && rb === null && all.filter((m) => m.get(k) === null).length <= maxBlockSize;
      });
      if (meets) out.push([i, j]);
    }
  }
  return out;
}

describe('forEachCandidatePair', () => {
  const key = fc.tuple(fc.constantFrom('a', 'b', 'c', 'd'), fc.constantFrom(null, 'x', 'y', 'z'));
  it('visits exactly the pairs the block rule admits, once each, ordered by i then j', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(key, { maxLength: 4 }), { maxLength: 30 }),
        fc.integer({ min: 1, max: 10 }),
        fc.oneof(fc.integer({ min: 0, max: 8 }), fc.constant(Number.POSITIVE_INFINITY)),
        (keys, maxBlockSize, refineAbove) => {
          const got: [number, number][] = [];
          forEachCandidatePair(
            keys.length,
            (i) => keys[i]!.map(([k, refine]) => ({ key: k, refine })),
            { maxBlockSize, refineAbove },
            (i, j) => got.push([i, j]),
          );
          expect(got).toEqual(referencePairs(keys, maxBlockSize, refineAbove));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('with plain string keys, is all pairs of every block of at most maxBlockSize records, whatever refineAbove', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 3 }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 12 }),
        (keys, maxBlockSize, refineAbove) => {
          const expected = referencePairs(
            keys.map((ks) => ks.map((k) => [k, null] as const)),
            maxBlockSize,
            Number.POSITIVE_INFINITY,
          );
          expect(pairsSharingKeys(keys.length, (i) => keys[i]!, maxBlockSize, refineAbove)).toEqual(expected);
        },
      ),
    );
  });
});

describe('refined blocking keys', () => {
  it('refine name keys by month and day in either order; year-only records get a group of their own on n:, none on p:', () => {
    const [full, swapped, yearOnly] = [
      normaliseRecord({ id: 'a', givenName: 'Aigerim', familyName: 'Esenova', birthDate: '1985-03-11' }),
      normaliseRecord({ id: 'b', givenName: 'Aigerim', familyName: 'Esenova', birthDate: '1985-11-03' }),
      normaliseRecord({ id: 'c', givenName: 'Aigerim', familyName: 'Esenova', birthDate: '1985' }),
    ].map(refinableBlockingKeys);
    const refineOf = (ks: RefinableKey[] | undefined, k: string) => ks?.find((x) => x.key === k)?.refine;
    expect(refineOf(full, 'n:aigerim:1985')).not.toBeNull();
    expect(refineOf(full, 'n:aigerim:1985')).toBe(refineOf(swapped, 'n:aigerim:1985'));
    expect(refineOf(yearOnly, 'n:aigerim:1985')).not.toBeNull();
    expect(refineOf(yearOnly, 'n:aigerim:1985')).not.toBe(refineOf(full, 'n:aigerim:1985'));
    expect(refineOf(full, 'p:aigerim|esen:1985')).toBe(refineOf(swapped, 'p:aigerim|esen:1985'));
    expect(refineOf(yearOnly, 'p:aigerim|esen:1985')).toBeNull();
  });

  it('candidatePairs splits a large block by birth date, and a year-only record meets everyone of its names and year', () => {
    const recs = Array.from({ length: 12 }, (_, i) =>
      normaliseRecord({
        id: String(i),
        givenName: 'Айгерим',
        familyName: 'Есенова',
        birthDate: i === 11 ? '1990' : `1990-01-${String(1 + (i % 2)).padStart(2, '0')}`,
      }),
    );
    const pairs = candidatePairs(recs, { refineAbove: 4 });
    // 0, 2, … (1 January) meet each other, 1, 3, … (2 January) likewise, and record 11 (year only) meets all.
    expect(pairs).toContainEqual([0, 2]);
    expect(pairs).not.toContainEqual([0, 1]);
    expect(pairs).toContainEqual([0, 11]);
    expect(pairs).toContainEqual([1, 11]);
    expect(candidatePairs(recs, { refineAbove: Number.POSITIVE_INFINITY })).toContainEqual([0, 1]);
  });
});
