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
 *
 * Nothing is assumed about how many records are repeats (issue #12: a fixed 5 % switch and a
 * starting model fitted on a 30 % duplicate rate fitted one generator, not the population).
 * u, the chance that two different people agree, is measured on random pairs of the records
 * at hand (almost all different people, whatever the duplicate share); EM then estimates only
 * m and λ. Name agreement is weighed by the name's frequency (`term-frequency.ts`), and the
 * rules of `coherence.ts` cap what the model decides alone and keep clusters coherent.
 */
import { forEachRecordPair, prng, type BlockingOptions } from './blocking.ts';
import { clusterCoherently, type ClusterOptions } from './clusters.ts';
import { conflictAt, mayLinkAutomatically } from './coherence.ts';
import { comparePattern, levelIndexAt, PATTERN_COUNT, patternOf, SWAPPED_FLAG, vectorOfPattern, type ComparisonVector } from './comparison.ts';
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
  type LevelProbabilities,
  type LinkDecision,
  type PairDecision,
  type PatternCount,
  type Thresholds,
} from './fellegi-sunter.ts';
import { normaliseRecord, type LinkageRecord, type NormalisedRecord } from './linkage-record.ts';
import { nameFrequenciesOf, partShare, termFrequencyBits } from './term-frequency.ts';

/** Default number of pairs EM is estimated on when blocking refined a block. */
export const DEFAULT_ESTIMATION_SAMPLE = 1_000_000;
/** Random pairs on which u in the population is measured (only name agreement rates are read from them: 200,000 pairs hold hundreds of those). */
export const DEFAULT_RANDOM_PAIRS = 200_000;

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
  /**
   * u among all pairs (how often different people agree), against which a name's frequency is
   * weighed (`term-frequency.ts`): measured elsewhere when the records given are not a uniform
   * sample (the bulk job's sample is enriched with likely repeats); by default on random pairs of the input.
   */
  u?: LevelProbabilities;
  /** Largest cluster the model may form alone (see `ClusterOptions.maxSize`). */
  maxClusterSize?: number;
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
  /**
   * Model 'same' pairs that clustering refused (a conflict with another member, or a cluster
   * grown too large): listed as 'review', for a person to decide.
   */
  refusedMerges: number;
  /** u among all pairs (random pairs, or `LinkOptions.u`), which name frequencies are weighed against. */
  uPopulation: LevelProbabilities;
}

/** How a pair's records are compared again and weighed beyond their pattern (see `linkPairs`). */
export interface PairContext {
  /** The pattern of the records at two positions (for conflict checks inside clusters). */
  compareAt: (i: number, j: number) => number;
  /** Per record position, the share of records with its given and family name (term frequencies). */
  shares?: { given: Float64Array; family: Float64Array };
  /**
   * u among all pairs (random pairs), for the frequency adjustment: a name's share is compared
   * with how often different people agree on a name in the population, not among candidates
   * (which blocking chose for sharing names).
   */
  uPopulation?: LevelProbabilities;
}

/** Candidate pairs as parallel typed arrays: record positions and pattern code, in visiting order. */
class PairStore {
  count = 0;
  first = new Int32Array(1024);
  second = new Int32Array(1024);
  pattern = new Uint32Array(1024);
  /** Pairs per pattern (swap flag dropped) and the patterns in order of first occurrence. */
  readonly patternCount = new Float64Array(PATTERN_COUNT);
  readonly patternOrder: number[] = [];

  push(i: number, j: number, pattern: number): void {
    if (this.count === this.first.length) {
      const grow = <T extends Int32Array<ArrayBuffer> | Uint32Array<ArrayBuffer>>(a: T): T => {
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
  const compareAt = (i: number, j: number): number => comparePattern(normalised[i] as NormalisedRecord, normalised[j] as NormalisedRecord);
  const store = new PairStore();
  const sampled = new Float64Array(PATTERN_COUNT);
  const sampledOrder: number[] = [];
  const estimate = options.parameters === undefined;
  const sampleSize = options.estimationSample ?? DEFAULT_ESTIMATION_SAMPLE;
  const drew = forEachRecordPair(
    normalised,
    options.blocking ?? {},
    (i, j) => store.push(i, j, compareAt(i, j)),
    estimate
      ? {
          size: sampleSize,
          seed: 0x9e3779b9,
          visit: (i, j, weight) => {
            const p = compareAt(i, j) % PATTERN_COUNT;
            if (sampled[p] === 0) sampledOrder.push(p);
            sampled[p] = (sampled[p] ?? 0) + weight;
          },
        }
      : undefined,
  );
  const ids = normalised.map((r) => r.id);
  let parameters = options.parameters;
  let thresholds = options.thresholds;
  if (parameters === undefined) {
    const sample = drew ? sampledOrder.map((pattern) => ({ pattern, count: sampled[pattern] ?? 0 })) : store.patterns();
    parameters = estimateModel(sample, options.estimate);
    // The share of matches among the candidates, with m and u as estimated: where the thresholds lie.
    if (drew)
      thresholds ??= thresholdsFromProbability(
        estimateFromPatterns(store.patterns(), { ...options.estimate, fixedM: parameters.m, fixedU: parameters.u, initialLambda: parameters.lambda }),
      );
  }
  const uPopulation = options.u ?? uFromRandomPairs(normalised.length, compareAt);
  const frequencies = nameFrequenciesOf(normalised);
  const shares = {
    given: Float64Array.from(normalised, (r) => partShare(r.given, frequencies)),
    family: Float64Array.from(normalised, (r) => partShare(r.family, frequencies)),
  };
  return linkPairs(
    ids,
    store,
    { ...options, parameters, thresholds },
    (k) => {
      const i = store.first[k] ?? 0;
      const j = store.second[k] ?? 0;
      return vectorOfPattern(store.pattern[k] ?? 0, ids[i] ?? '', ids[j] ?? '');
    },
    { compareAt, shares, uPopulation },
  );
}

/**
 * m, u and λ by EM on candidate pairs, started where the data puts it rather than at a fixed
 * guess of the duplicate share: first with u held at the level frequencies among the pairs
 * (what u is when matches are few), then all three freed from there, so a duplicate-rich input
 * corrects u for its matches. Free EM from a blind start latches onto whatever many pairs share
 * (at 1,000,000 records: the first name); from this start it keeps to being one person.
 */
export function estimateModel(sample: readonly PatternCount[], options?: EstimateOptions): FellegiSunterParameters {
  const anchored = estimateFromPatterns(sample, { ...options, fixedU: marginalLevels(sample) });
  return estimateFromPatterns(sample, { ...options, initialLambda: anchored.lambda, start: { m: anchored.m, u: anchored.u } });
}

/**
 * u measured, not assumed: the level frequencies among random pairs of `count` records (every
 * pair when there are no more than `size`, else `size` pairs drawn with a fixed seed). Random
 * pairs are almost all different people whatever the share of repeats, so their agreement
 * rates are the chance that different people agree (Splink's `estimate_u_using_random_sampling`).
 */
export function uFromRandomPairs(count: number, compareAt: (i: number, j: number) => number, size = DEFAULT_RANDOM_PAIRS): LevelProbabilities {
  const counts = new Float64Array(PATTERN_COUNT);
  const order: number[] = [];
  const add = (i: number, j: number): void => {
    const p = compareAt(i, j) % PATTERN_COUNT;
    if (counts[p] === 0) order.push(p);
    counts[p] = (counts[p] ?? 0) + 1;
  };
  if ((count * (count - 1)) / 2 <= size) {
    for (let i = 0; i < count; i++) for (let j = i + 1; j < count; j++) add(i, j);
  } else {
    const random = prng(0x85ebca6b);
    for (let d = 0; d < size; d++) {
      const i = Math.floor(random() * count);
      let j = Math.floor(random() * (count - 1));
      if (j >= i) j++;
      add(i, j);
    }
  }
  return marginalLevels(order.map((pattern) => ({ pattern, count: counts[pattern] ?? 0 })));
}

/**
 * What follows comparison, for plain and encoded records alike: estimate the model (unless
 * given), decide every candidate pair (a human decision always wins, including on pairs
 * blocking did not propose) and cluster. `compareAt` compares any two records by position (for
 * u on random pairs and conflicts inside clusters); `shares` weighs name agreement by frequency.
 */
export function linkVectors(ids: readonly string[], vectors: readonly ComparisonVector[], options: LinkOptions, context: PairContext): LinkResult {
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
  const parameters = options.parameters ?? estimateModel(store.patterns(), options.estimate);
  const uPopulation = options.u ?? uFromRandomPairs(ids.length, context.compareAt);
  return linkPairs(ids, store, { ...options, parameters }, (k) => vectors[k] as ComparisonVector, { uPopulation, ...context });
}

/** The score of a pair of records (by position) with a pattern: its pattern's weight, with name agreement weighed by frequency. */
function scorer(parameters: FellegiSunterParameters, context: PairContext): (i: number, j: number, pattern: number) => number {
  const scores = patternScores(parameters);
  const { shares } = context;
  const u = context.uPopulation ?? parameters.u;
  const uGiven = u.given.exact ?? 0;
  const uFamily = u.family.exact ?? 0;
  return (i, j, pattern) => {
    let score = scores[pattern % PATTERN_COUNT] ?? 0;
    // Crosswise names are weighed by their pattern alone: which share belongs to which slot is ambiguous there.
    if (shares === undefined || pattern >= SWAPPED_FLAG) return score;
    if (levelIndexAt(pattern, 'given') === 0) score += termFrequencyBits(uGiven, shares.given[i] ?? 1, shares.given[j] ?? 1);
    if (levelIndexAt(pattern, 'family') === 0) score += termFrequencyBits(uFamily, shares.family[i] ?? 1, shares.family[j] ?? 1);
    return score;
  };
}

function linkPairs(
  ids: readonly string[],
  store: PairStore,
  options: LinkOptions,
  vectorOf: (k: number) => ComparisonVector,
  context: PairContext,
): LinkResult {
  const humans: HumanDecisions = options.humanDecisions ?? new Map();
  const parameters = options.parameters ?? estimateFromPatterns(store.patterns(), options.estimate);
  const thresholds = options.thresholds ?? thresholdsFromProbability(parameters);
  const pairScore = scorer(parameters, context);
  const scoreOf = (k: number): number => pairScore(store.first[k] ?? 0, store.second[k] ?? 0, store.pattern[k] ?? 0);
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
  // 1. Decide every candidate: a human decision wins; the model's 'same' needs evidence and no conflict.
  const decisionOf = new Uint8Array(store.count);
  const DECISIONS: LinkDecision[] = ['different', 'review', 'same'];
  const matched = new Set<string>();
  const decisions: LinkResult['decisions'] = [];
  const candidateOf = new Map<PairDecision, number>();
  for (let k = 0; k < store.count; k++) {
    const i = store.first[k] ?? 0;
    const j = store.second[k] ?? 0;
    const score = scoreOf(k);
    const human = humanAt.size > 0 ? humanAt.get(i * n + j) : undefined;
    if (human !== undefined) matched.add(human.key);
    let decision = human?.decision ?? classify(score, thresholds);
    if (human === undefined && decision === 'same' && !mayLinkAutomatically(store.pattern[k] ?? 0)) decision = 'review';
    decisionOf[k] = DECISIONS.indexOf(decision);
    if (!keepAll && decision === 'different' && human === undefined) continue;
    const vector = vectorOf(k);
    const d = { ids: vector.ids, decision, source: human === undefined ? ('model' as const) : ('human' as const), score, vector };
    decisions.push(d);
    candidateOf.set(d, k);
  }
  for (const [key, decision] of humans) {
    if (matched.has(key)) continue;
    const [a, b] = key.split('\u0000');
    if (a === undefined || b === undefined) continue;
    decisions.push({ ids: [a, b], decision, source: 'human', score: Number.NaN, vector: null });
  }
  // 2. Cluster coherently; a model 'same' that clustering refuses becomes 'review'.
  const humanSame = (i: number, j: number): boolean => humanAt.get(Math.min(i, j) * n + Math.max(i, j))?.decision === 'same';
  const clusterOptions: ClusterOptions = {
    conflict: (i, j) => {
      const p = context.compareAt(i, j);
      return conflictAt(p) && pairScore(i, j, p) < thresholds.review && !humanSame(i, j);
    },
    maxSize: options.maxClusterSize,
  };
  const { clusters, refused } = clusterCoherently(ids, decisions, clusterOptions);
  for (const d of refused) {
    d.decision = 'review';
    const k = candidateOf.get(d);
    if (k !== undefined) decisionOf[k] = 1;
  }
  // 3. Every candidate pair with its final decision, for callers that tally without keeping pairs.
  const { onCandidate } = options;
  if (onCandidate)
    for (let k = 0; k < store.count; k++) onCandidate(store.first[k] ?? 0, store.second[k] ?? 0, scoreOf(k), DECISIONS[decisionOf[k] ?? 0] as LinkDecision);
  return {
    parameters,
    thresholds,
    decisions,
    clusters,
    candidatePairs: store.count,
    refusedMerges: refused.length,
    uPopulation: context.uPopulation ?? parameters.u,
  };
}
