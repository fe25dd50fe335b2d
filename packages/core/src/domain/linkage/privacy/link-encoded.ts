/**
 * Linking encoded records end to end, exactly as `linkRecords` does for plain ones: block on
 * the keyed blocking tokens, compare by Dice bands, estimate Fellegi–Sunter by EM, decide
 * (human decisions first) and cluster. The linker never sees a plain identifier or the key.
 */
import { clusterRecords } from '../clusters.ts';
import type { ComparisonVector } from '../comparison.ts';
import { decide, estimateParameters, pairKey, scorePair, thresholdsFromProbability, type HumanDecisions } from '../fellegi-sunter.ts';
import type { LinkOptions, LinkResult } from '../link.ts';
import type { EncodedRecord } from './clk.ts';
import { compareEncoded, prepareEncoded, type DiceBands } from './encoded-comparison.ts';

/** Options for `linkEncoded`: those of `linkRecords`, plus the Dice bands. */
export interface LinkEncodedOptions extends LinkOptions {
  bands?: DiceBands;
}

/**
 * Candidate pairs [i, j], i < j, of records sharing a blocking token, each once and sorted;
 * tokens shared by more than `maxBlockSize` records (default 500) are skipped.
 */
export function encodedCandidatePairs(records: readonly EncodedRecord[], maxBlockSize = 500): [number, number][] {
  const blocks = new Map<string, number[]>();
  records.forEach((r, i) => {
    for (const token of new Set(r.blocks)) {
      const block = blocks.get(token);
      if (block === undefined) blocks.set(token, [i]);
      else block.push(i);
    }
  });
  const seen = new Set<number>();
  const pairs: [number, number][] = [];
  const n = records.length;
  for (const block of blocks.values()) {
    if (block.length < 2 || block.length > maxBlockSize) continue;
    for (let x = 0; x < block.length; x++) {
      for (let y = x + 1; y < block.length; y++) {
        const i = block[x] ?? 0;
        const j = block[y] ?? 0;
        const code = i * n + j;
        if (seen.has(code)) continue;
        seen.add(code);
        pairs.push([i, j]);
      }
    }
  }
  return pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

/**
 * Links encoded records (all made with one key and schema; ids unique) and returns the same
 * shape as `linkRecords`, so review, human decisions and clusters work as in plain mode.
 */
export function linkEncoded(records: readonly EncodedRecord[], options: LinkEncodedOptions = {}): LinkResult {
  const humans: HumanDecisions = options.humanDecisions ?? new Map();
  const prepared = records.map(prepareEncoded);
  const vectors: ComparisonVector[] = encodedCandidatePairs(records, options.blocking?.maxBlockSize).map(([i, j]) => {
    const a = prepared[i];
    const b = prepared[j];
    if (a === undefined || b === undefined) throw new RangeError('candidate pair out of range');
    return compareEncoded(a, b, options.bands);
  });
  const parameters = options.parameters ?? estimateParameters(vectors, options.estimate);
  const thresholds = options.thresholds ?? thresholdsFromProbability(parameters);
  const decisions: LinkResult['decisions'] = vectors.map((vector) => ({ ...decide({ vector, score: scorePair(vector, parameters) }, humans, thresholds), vector }));
  const proposed = new Set(vectors.map((v) => pairKey(v.ids[0], v.ids[1])));
  for (const [key, decision] of humans) {
    if (proposed.has(key)) continue;
    const [a, b] = key.split('\u0000');
    if (a === undefined || b === undefined) continue;
    decisions.push({ ids: [a, b], decision, source: 'human', score: Number.NaN, vector: null });
  }
  return { parameters, thresholds, decisions, clusters: clusterRecords(prepared.map((r) => r.id), decisions) };
}
