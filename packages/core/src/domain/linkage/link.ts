/**
 * The whole linkage run: normalise, block, compare, estimate the model by EM, decide each
 * candidate pair (human decisions first), and cluster.
 *
 * Pairs are streamed: blocking visits each candidate pair once, the comparison is reduced to
 * a 16-bit pattern code (see `comparePattern`), EM runs on the count of each pattern, and the
 * score of a pair is a table look-up. Only the decisions the caller asks for are built.
 *
 * Which pairs EM sees matters. Refining a large block by birth date keeps only pairs that agree
 * on it, so among the candidates birth-date agreement no longer tells people apart and EM
 * drifts (at 1,000,000 records it took a shared birthday and first name for a match). So when
 * blocking refined anything, EM runs on a uniform sample of the pairs the unrefined keys would
 * propose (the population EM always saw before refinement), and the candidates are scored with
 * those parameters; since whether a pair survives refinement depends only on its birth-date
 * level, the posterior of a candidate given its comparison is the same in both populations.
 * Without refinement (small inputs) EM runs on the candidate pairs themselves.
 */
import { forEachRecordPair, type BlockingOptions } from './blocking.ts';
import { clusterRecords } from './clusters.ts';
import { comparePattern, PATTERN_COUNT, patternOf, vectorOfPattern, type ComparisonVector } from './comparison.ts';
import {
  classify,
  estimateFromPatterns,
  marginalLevels,
  pairKey,
  patternScores,
  thresholdsFromProbability,
  type EstimateOptions,
  type FellegiSunterParameters,
  type HumanDecisions,
  type LinkDecision,
  type PairDecision,
  type PatternCount,
  type Thresholds,
} from './fellegi-sunter.ts';
import { normaliseRecord, type LinkageRecord, type NormalisedRecord } from './linkage-record.ts';

/** Default number of pairs EM is estimated on when blocking refined a block. */
export const DEFAULT_ESTIMATION_SAMPLE = 1_000_000;

/** Options for `linkRecords`. */
export interface LinkOptions {
  humanDecisions?: HumanDecisions;
  /** Fixed thresholds; by default those where the posterior reaches 0.95 ('same') and 0.5 ('review'). */
  thresholds?: Thresholds;
  /** Parameters from an earlier run; by default estimated by EM from this run's candidate pairs. */
  parameters?: FellegiSunterParameters;
  blocking?: BlockingOptions;
  estimate?: EstimateOptions;
  /**
   * Which decisions the result lists: 'all' (default), one per candidate pair; 'linked', only
   * pairs decided 'same' or 'review' and every human decision, which is all that clustering and
   * review need (a large run has far more 'different' pairs than records). Clusters are the same either way.
   */
  decisions?: 'all' | 'linked';
  /**
   * Called once for every candidate pair, with the positions of its two records in the input
   * (first < second), its score and its decision; for statistics over all pairs without keeping them.
   */
  onCandidate?: (first: number, second: number, score: number, decision: LinkDecision) => void;
  /**
   * When blocking refined a large block (see `BlockingOptions.refineAbove`), EM runs on this many
   * pairs drawn from the pairs the unrefined keys would have proposed (default 1,000,000); see the module comment.
   */
  estimationSample?: number;
}

/** The outcome of `linkRecords`. */
export interface LinkResult {
  parameters: FellegiSunterParameters;
  thresholds: Thresholds;
  /**
   * One per candidate pair (with `decisions: 'linked'`, only those not decided 'different'),
   * plus any human decision on a pair blocking did not propose.
   */
  decisions: (PairDecision & { vector: ComparisonVector | null })[];
  /** Record ids grouped by person. */
  clusters: string[][];
  /** Number of candidate pairs blocking proposed (and compared). */
  candidatePairs: number;
}

/** Candidate pairs as parallel typed arrays: record positions and pattern code, in visiting order. */
class PairStore {
  count = 0;
  first = new Int32Array(1024);
  second = new Int32Array(1024);
  pattern = new Uint16Array(1024);
  /** Pairs per pattern (swap flag dropped) and the patterns in order of first occurrence. */
  readonly patternCount = new Float64Array(PATTERN_COUNT);
  readonly patternOrder: number[] = [];

  push(i: number, j: number, pattern: number): void {
    if (this.count === this.first.length) {
      const grow = <T extends Int32Array<ArrayBuffer> | Uint16Array<ArrayBuffer>>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.first = grow(this.first);
      this.second = grow(this.second);
      this.pattern = grow(this.pattern);
    }
    const k = this.count++;
    this.first[k] = i;
    this.second[k] = j;
    this.pattern[k] = pattern;
    const p = pattern % PATTERN_COUNT;
    if (this.patternCount[p] === 0) this.patternOrder.push(p);
    this.patternCount[p] = (this.patternCount[p] ?? 0) + 1;
  }

  patterns(): PatternCount[] {
    return this.patternOrder.map((pattern) => ({ pattern, count: this.patternCount[pattern] ?? 0 }));
  }
}

/** Links records end to end; see the module comment. Record ids must be unique. */
export function linkRecords(records: readonly LinkageRecord[], options: LinkOptions = {}): LinkResult {
  const normalised = records.map(normaliseRecord);
  const store = new PairStore();
  const sampled = new Float64Array(PATTERN_COUNT);
  const sampledOrder: number[] = [];
  const estimate = options.parameters === undefined;
  const drew = forEachRecordPair(
    normalised,
    options.blocking ?? {},
    (i, j) => {
      const a = normalised[i];
      const b = normalised[j];
      if (a === undefined || b === undefined) throw new RangeError('candidate pair out of range');
      store.push(i, j, comparePattern(a, b));
    },
    estimate
      ? {
          size: options.estimationSample ?? DEFAULT_ESTIMATION_SAMPLE,
          seed: 0x9e3779b9,
          visit: (i, j, weight) => {
            const p = comparePattern(normalised[i] as NormalisedRecord, normalised[j] as NormalisedRecord) % PATTERN_COUNT;
            if (sampled[p] === 0) sampledOrder.push(p);
            sampled[p] = (sampled[p] ?? 0) + weight;
          },
        }
      : undefined,
  );
  const ids = normalised.map((r) => r.id);
  let parameters = options.parameters;
  let thresholds = options.thresholds;
  if (parameters === undefined && drew) {
    const sample = sampledOrder.map((pattern) => ({ pattern, count: sampled[pattern] ?? 0 }));
    parameters = estimateOnSample(sample, options.estimate);
    // The share of matches among the candidates, with m and u as estimated: where the thresholds lie.
    thresholds ??= thresholdsFromProbability(
      estimateFromPatterns(store.patterns(), { ...options.estimate, fixedM: parameters.m, fixedU: parameters.u, initialLambda: parameters.lambda }),
    );
  }
  return linkPairs(ids, store, { ...options, parameters, thresholds }, (k) => {
    const i = store.first[k] ?? 0;
    const j = store.second[k] ?? 0;
    return vectorOfPattern(store.pattern[k] ?? 0, ids[i] ?? '', ids[j] ?? '');
  });
}

/** Below this estimated share of matches, level frequencies stand for u (see `estimateOnSample`). */
const RARE_MATCHES = 0.05;

/**
 * m, u and λ from the sample of unrefined pairs. Matches are usually rare there, so u is taken
 * as the level frequencies of the sample and only m and λ are estimated: free EM on a large
 * sample latches onto whatever many pairs share (at 1,000,000 records: the first name) rather
 * than onto being one person. If matches turn out not to be rare (λ ≥ 5 %; small, duplicate-
 * rich inputs), frequencies are no estimate of u and EM estimates all three.
 */
function estimateOnSample(sample: readonly PatternCount[], options: EstimateOptions | undefined): FellegiSunterParameters {
  const fixed = estimateFromPatterns(sample, { ...options, fixedU: marginalLevels(sample) });
  return fixed.lambda < RARE_MATCHES ? fixed : estimateFromPatterns(sample, options);
}

/**
 * What follows comparison, for plain and encoded records alike: estimate the model (unless
 * given), decide every candidate pair (a human decision always wins, including on pairs
 * blocking did not propose) and cluster.
 */
export function linkVectors(ids: readonly string[], vectors: ComparisonVector[], options: LinkOptions): LinkResult {
  const at = new Map<string, number>();
  ids.forEach((id, i) => {
    if (!at.has(id)) at.set(id, i);
  });
  const store = new PairStore();
  for (const v of vectors) {
    const a = at.get(v.ids[0]);
    const b = at.get(v.ids[1]);
    if (a === undefined || b === undefined) throw new RangeError(`vector of unknown records ${JSON.stringify(v.ids)}`);
    store.push(Math.min(a, b), Math.max(a, b), patternOf(v));
  }
  return linkPairs(ids, store, options, (k) => vectors[k] as ComparisonVector);
}

function linkPairs(ids: readonly string[], store: PairStore, options: LinkOptions, vectorOf: (k: number) => ComparisonVector): LinkResult {
  const humans: HumanDecisions = options.humanDecisions ?? new Map();
  const parameters = options.parameters ?? estimateFromPatterns(store.patterns(), options.estimate);
  const thresholds = options.thresholds ?? thresholdsFromProbability(parameters);
  const scores = patternScores(parameters);
  const keepAll = (options.decisions ?? 'all') === 'all';
  const n = ids.length;
  // Human decisions by record positions (smaller first), for the pairs they can match.
  const humanAt = new Map<number, { key: string; decision: 'same' | 'different' }>();
  if (humans.size > 0) {
    const at = new Map<string, number>();
    ids.forEach((id, i) => {
      if (!at.has(id)) at.set(id, i);
    });
    for (const [key, decision] of humans) {
      const [a, b] = key.split('\u0000');
      if (a === undefined || b === undefined || key !== pairKey(a, b)) continue;
      const i = at.get(a);
      const j = at.get(b);
      if (i === undefined || j === undefined || i === j) continue;
      humanAt.set(Math.min(i, j) * n + Math.max(i, j), { key, decision });
    }
  }
  const matched = new Set<string>();
  const decisions: LinkResult['decisions'] = [];
  const { onCandidate } = options;
  for (let k = 0; k < store.count; k++) {
    const i = store.first[k] ?? 0;
    const j = store.second[k] ?? 0;
    const score = scores[(store.pattern[k] ?? 0) % PATTERN_COUNT] ?? 0;
    const human = humanAt.size > 0 ? humanAt.get(i * n + j) : undefined;
    if (human !== undefined) matched.add(human.key);
    const decision = human?.decision ?? classify(score, thresholds);
    onCandidate?.(i, j, score, decision);
    if (!keepAll && decision === 'different' && human === undefined) continue;
    const vector = vectorOf(k);
    decisions.push({ ids: vector.ids, decision, source: human === undefined ? 'model' : 'human', score, vector });
  }
  for (const [key, decision] of humans) {
    if (matched.has(key)) continue;
    const [a, b] = key.split('\u0000');
    if (a === undefined || b === undefined) continue;
    decisions.push({ ids: [a, b], decision, source: 'human', score: Number.NaN, vector: null });
  }
  return { parameters, thresholds, decisions, clusters: clusterRecords(ids, decisions), candidatePairs: store.count };
}
