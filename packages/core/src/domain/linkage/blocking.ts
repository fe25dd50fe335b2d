/**
 * Blocking: which pairs of records are worth comparing. Several keys are used and a pair is
 * a candidate if it shares any one of them, so a typo in one field, a missing document or a
 * swapped name order does not lose the pair (recall is what blocking must keep).
 */
import type { NormalisedRecord } from './linkage-record.ts';

/** Options for `candidatePairs`. */
export interface BlockingOptions {
  /**
   * Blocks larger than this are skipped (default 500): a key shared by that many records
   * (a very common name with no birth year) carries no information and would be quadratic.
   */
  maxBlockSize?: number;
}

/**
 * The blocking keys of a record: each name token skeleton with the birth year; the
 * document digits; and the first three letters of the family stem with the birth year.
 * Records without a birth year are blocked on name tokens alone.
 */
export function blockingKeys(r: NormalisedRecord): string[] {
  const keys = new Set<string>();
  const year = r.birth === null ? '' : String(r.birth.year);
  for (const token of r.nameTokens) if (token.length >= 2) keys.add(`n:${token}:${year}`);
  if (r.document !== null && r.document.length >= 5) keys.add(`d:${r.document}`);
  // Each part's stem prefix, so swapped order still meets; skeletons' prefixes catch a typo late in the name.
  for (const part of [r.family, r.given]) {
    if (part === null) continue;
    for (const s of [part.stem, part.skeleton]) if (s.length >= 3) keys.add(`f:${s.slice(0, 3)}:${year}`);
  }
  return [...keys];
}

/**
 * Pairs [i, j], i < j, of the `count` records that share at least one key, each once, sorted
 * by i then j. Keys shared by more than `maxBlockSize` records are skipped (too common to
 * tell anyone apart). Used for plain and for keyed (encoded) blocking keys alike.
 */
export function pairsSharingKeys(count: number, keysOf: (index: number) => Iterable<string>, maxBlockSize = 500): [number, number][] {
  const blocks = new Map<string, number[]>();
  for (let i = 0; i < count; i++) {
    for (const key of new Set(keysOf(i))) {
      const block = blocks.get(key);
      if (block === undefined) blocks.set(key, [i]);
      else block.push(i);
    }
  }
  const seen = new Set<number>();
  const pairs: [number, number][] = [];
  for (const block of blocks.values()) {
    if (block.length < 2 || block.length > maxBlockSize) continue;
    for (let x = 0; x < block.length; x++) {
      for (let y = x + 1; y < block.length; y++) {
        const i = block[x] ?? 0;
        const j = block[y] ?? 0;
        const code = i * count + j; // i < j: blocks are filled in index order
        if (seen.has(code)) continue;
        seen.add(code);
        pairs.push([i, j]);
      }
    }
  }
  return pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

/** Candidate pairs of normalised records (see `blockingKeys`). */
export function candidatePairs(records: readonly NormalisedRecord[], options: BlockingOptions = {}): [number, number][] {
  return pairsSharingKeys(records.length, (i) => blockingKeys(records[i] as NormalisedRecord), options.maxBlockSize);
}
