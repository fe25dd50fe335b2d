/**
 * Linking encoded records end to end, exactly as `linkRecords` does for plain ones: block on
 * the keyed blocking tokens, compare by Dice bands, estimate Fellegi–Sunter by EM, decide
 * (human decisions first) and cluster. The linker never sees a plain identifier or the key.
 */
import { pairsSharingKeys } from '../blocking.ts';
import { patternOf, type ComparisonVector } from '../comparison.ts';
import { linkVectors, type LinkOptions, type LinkResult } from '../link.ts';
import type { EncodedRecord } from './clk.ts';
import { compareEncoded, prepareEncoded, type DiceBands, type PreparedRecord } from './encoded-comparison.ts';

/** Options for `linkEncoded`: those of `linkRecords`, plus the Dice bands. */
export interface LinkEncodedOptions extends LinkOptions {
  bands?: DiceBands;
}

/** Candidate pairs [i, j], i < j, of records sharing a keyed blocking token. */
export function encodedCandidatePairs(records: readonly EncodedRecord[], maxBlockSize = 500): [number, number][] {
  return pairsSharingKeys(records.length, (i) => records[i]?.blocks ?? [], maxBlockSize);
}

/**
 * Links encoded records (all made with one key and schema; ids unique) and returns the same
 * shape as `linkRecords`, so review, human decisions and clusters work as in plain mode.
 */
export function linkEncoded(records: readonly EncodedRecord[], options: LinkEncodedOptions = {}): LinkResult {
  const prepared = records.map(prepareEncoded);
  const vectors: ComparisonVector[] = encodedCandidatePairs(records, options.blocking?.maxBlockSize).map(([i, j]) => {
    const a = prepared[i];
    const b = prepared[j];
    if (a === undefined || b === undefined) throw new RangeError('candidate pair out of range');
    return compareEncoded(a, b, options.bands);
  });
  return linkVectors(
    prepared.map((r) => r.id),
    vectors,
    options,
    {
      compareAt: (i, j) => patternOf(compareEncoded(prepared[i] as PreparedRecord, prepared[j] as PreparedRecord, options.bands)),
      shares: { given: filterShares(records, 'given'), family: filterShares(records, 'family') },
    },
  );
}

/**
 * Term frequencies without names: equal names under one key give equal filters, so the share of
 * records carrying a filter is the share carrying the name (see `term-frequency.ts`).
 */
function filterShares(records: readonly EncodedRecord[], field: 'given' | 'family'): Float64Array {
  const counts = new Map<string, number>();
  for (const r of records) {
    const f = r.fields[field];
    if (f !== undefined) counts.set(f, (counts.get(f) ?? 0) + 1);
  }
  const n = Math.max(1, records.length);
  return Float64Array.from(records, (r) => (counts.get(r.fields[field] ?? '') ?? 1) / n);
}
