/**
 * The whole linkage run: normalise, block, compare, estimate the model by EM, decide each
 * candidate pair (human decisions first), and cluster.
 */
import { candidatePairs, type BlockingOptions } from './blocking.ts';
import { clusterRecords } from './clusters.ts';
import { compareRecords, type ComparisonVector } from './comparison.ts';
import {
  decide,
  pairKey,
  estimateParameters,
  scorePair,
  thresholdsFromProbability,
  type EstimateOptions,
  type FellegiSunterParameters,
  type HumanDecisions,
  type PairDecision,
  type Thresholds,
} from './fellegi-sunter.ts';
import { normaliseRecord, type LinkageRecord } from './linkage-record.ts';

/** Options for `linkRecords`. */
export interface LinkOptions {
  humanDecisions?: HumanDecisions;
  /** Fixed thresholds; by default those where the posterior reaches 0.95 ('same') and 0.5 ('review'). */
  thresholds?: Thresholds;
  /** Parameters from an earlier run; by default estimated by EM from this run's candidate pairs. */
  parameters?: FellegiSunterParameters;
  blocking?: BlockingOptions;
  estimate?: EstimateOptions;
}

/** The outcome of `linkRecords`. */
export interface LinkResult {
  parameters: FellegiSunterParameters;
  thresholds: Thresholds;
  /** One per candidate pair, plus any human decision on a pair blocking did not propose. */
  decisions: (PairDecision & { vector: ComparisonVector | null })[];
  /** Record ids grouped by person. */
  clusters: string[][];
}

/** Links records end to end; see the module comment. Record ids must be unique. */
export function linkRecords(records: readonly LinkageRecord[], options: LinkOptions = {}): LinkResult {
  const normalised = records.map(normaliseRecord);
  const vectors = candidatePairs(normalised, options.blocking).map(([i, j]) => {
    const a = normalised[i];
    const b = normalised[j];
    if (a === undefined || b === undefined) throw new RangeError('candidate pair out of range');
    return compareRecords(a, b);
  });
  return linkVectors(normalised.map((r) => r.id), vectors, options);
}

/**
 * What follows comparison, for plain and encoded records alike: estimate the model (unless
 * given), decide every candidate pair (a human decision always wins, including on pairs
 * blocking did not propose) and cluster.
 */
export function linkVectors(ids: readonly string[], vectors: ComparisonVector[], options: LinkOptions): LinkResult {
  const humans: HumanDecisions = options.humanDecisions ?? new Map();
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
  return { parameters, thresholds, decisions, clusters: clusterRecords(ids, decisions) };
}

