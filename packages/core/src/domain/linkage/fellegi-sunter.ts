/**
 * The Fellegi–Sunter model: per field and agreement level, m = P(level | same person) and
 * u = P(level | different people); a pair's score is the sum of log2(m/u) over the fields
 * both records have. The probabilities are estimated from the candidate pairs themselves
 * with Winkler's EM under conditional independence, never typed in by hand.
 */
import {
  FIELD_LEVELS,
  LINKAGE_FIELDS,
  PATTERN_COUNT,
  patternLevels,
  patternOf,
  sumOverPattern,
  type ComparisonVector,
  type LinkageField,
} from './comparison.ts';

/** Probability of each (non-missing) level of each field. */
export type LevelProbabilities = { [F in LinkageField]: Record<string, number> };

/** Estimated model parameters. */
export interface FellegiSunterParameters {
  /** Share of candidate pairs that are the same person. */
  lambda: number;
  m: LevelProbabilities;
  u: LevelProbabilities;
  /** EM iterations run. */
  iterations: number;
}

/** Options for `estimateParameters`. */
export interface EstimateOptions {
  /** Maximum EM iterations (default 50). */
  maxIterations?: number;
  /** Stop when no parameter moves by more than this (default 1e-6). */
  tolerance?: number;
  /** Starting share of matches among the pairs (default 0.1). */
  initialLambda?: number;
  /**
   * Keep u fixed at these probabilities and estimate only λ and m (see `marginalLevels`): for a
   * population where matches are rare, so that u is the level frequencies themselves.
   */
  fixedU?: LevelProbabilities;
  /** Keep m fixed too (with `fixedU`, only λ is estimated: the share of matches among these pairs). */
  fixedM?: LevelProbabilities;
  /** Where EM starts (default: m falling and u rising from the strongest level to disagreement). */
  start?: { m: LevelProbabilities; u: LevelProbabilities };
}

const FLOOR = 1e-4;
const clamp = (p: number): number => Math.min(1 - FLOOR, Math.max(FLOOR, p));

/** Starting point: m falls and u rises from the strongest level to disagreement. */
function startingProbabilities(kind: 'm' | 'u'): LevelProbabilities {
  const out = {} as LevelProbabilities;
  for (const f of LINKAGE_FIELDS) {
    const levels = FIELD_LEVELS[f];
    const raw = levels.map((_, k) => (kind === 'm' ? (levels.length - k) ** 3 : (k + 1) ** 3));
    const sum = raw.reduce((s, x) => s + x, 0);
    out[f] = Object.fromEntries(levels.map((l, k) => [l, (raw[k] ?? 0) / sum]));
  }
  return out;
}

/** Normalises counts per field into clamped probabilities (a field seen nowhere keeps `fallback`). */
function normalise(counts: LevelProbabilities, fallback: LevelProbabilities): LevelProbabilities {
  const out = {} as LevelProbabilities;
  for (const f of LINKAGE_FIELDS) {
    const total = FIELD_LEVELS[f].reduce((s, l) => s + (counts[f][l] ?? 0), 0);
    if (total <= 0) {
      out[f] = { ...fallback[f] };
      continue;
    }
    const clamped = FIELD_LEVELS[f].map((l) => clamp((counts[f][l] ?? 0) / total));
    const sum = clamped.reduce((s, x) => s + x, 0);
    out[f] = Object.fromEntries(FIELD_LEVELS[f].map((l, k) => [l, (clamped[k] ?? 0) / sum]));
  }
  return out;
}

function zeroCounts(): LevelProbabilities {
  const out = {} as LevelProbabilities;
  for (const f of LINKAGE_FIELDS) out[f] = {};
  return out;
}

/** log2(m/u) of one field level; 0 for 'missing'. */
export function levelWeight(params: FellegiSunterParameters, field: LinkageField, level: string): number {
  const m = params.m[field][level];
  const u = params.u[field][level];
  return m === undefined || u === undefined ? 0 : Math.log2(m / u);
}

/** Per-field level and weight of a pair: the explanation behind its score. */
export function explainScore(v: ComparisonVector, params: FellegiSunterParameters): { field: LinkageField; level: string; weight: number }[] {
  return LINKAGE_FIELDS.map((field) => ({ field, level: v.levels[field], weight: levelWeight(params, field, v.levels[field]) }));
}

/** The match weight of every pattern (indexed by pattern code without the swap flag): `scorePair` by table. */
export function patternScores(params: FellegiSunterParameters): Float64Array {
  // Per field, the weight of each level index ('missing' last, weighing 0).
  const tables = LINKAGE_FIELDS.map((f) => [...FIELD_LEVELS[f].map((l) => levelWeight(params, f, l)), 0]);
  const out = new Float64Array(PATTERN_COUNT);
  for (let code = 0; code < PATTERN_COUNT; code++) out[code] = sumOverPattern(code, tables);
  return out;
}

/** The match weight of a pair: the sum of its fields' log2(m/u). Symmetric, since vectors are. */
export function scorePair(v: ComparisonVector, params: FellegiSunterParameters): number {
  let total = 0;
  for (const f of LINKAGE_FIELDS) total += levelWeight(params, f, v.levels[f]);
  return total;
}

/** P(same person | vector) under the model. */
export function matchProbability(score: number, params: FellegiSunterParameters): number {
  const priorOdds = params.lambda / (1 - params.lambda);
  const odds = priorOdds * 2 ** score;
  return Number.isFinite(odds) ? odds / (1 + odds) : 1;
}

/** A comparison pattern (see `patternOf`; the swap flag is ignored) and how many pairs have it. */
export interface PatternCount {
  pattern: number;
  count: number;
}

/**
 * Estimates λ, m and u by EM (Winkler 1988) over candidate pairs, treating fields as
 * conditionally independent and 'missing' as uninformative. Identical vectors are grouped,
 * so the cost per iteration is the number of distinct patterns. Probabilities are clamped
 * away from 0 and 1 so every weight stays finite.
 */
export function estimateParameters(pairs: readonly ComparisonVector[], options: EstimateOptions = {}): FellegiSunterParameters {
  const index = new Map<number, PatternCount>();
  for (const v of pairs) {
    const pattern = patternOf(v) % PATTERN_COUNT;
    const p = index.get(pattern);
    if (p === undefined) index.set(pattern, { pattern, count: 1 });
    else p.count++;
  }
  return estimateFromPatterns([...index.values()], options);
}

/**
 * `estimateParameters` from pattern counts (each pattern once, in order of first occurrence
 * for results identical to `estimateParameters` on the pairs themselves): no vector needs
 * to be kept, so batch linkage streams its pairs into a count per pattern.
 */
export function estimateFromPatterns(patterns: readonly PatternCount[], options: EstimateOptions = {}): FellegiSunterParameters {
  const { maxIterations = 50, tolerance = 1e-6, initialLambda = 0.1 } = options;
  const groups = patterns.filter((p) => p.count > 0).map((p) => ({ levels: patternLevels(p.pattern), count: p.count }));
  const start = {
    m: options.fixedM ?? options.start?.m ?? startingProbabilities('m'),
    u: options.fixedU ?? options.start?.u ?? startingProbabilities('u'),
  };
  let params: FellegiSunterParameters = { lambda: clamp(initialLambda), ...start, iterations: 0 };
  if (groups.length === 0) return params;
  for (let it = 1; it <= maxIterations; it++) {
    const mCounts = zeroCounts();
    const uCounts = zeroCounts();
    let matches = 0;
    let total = 0;
    for (const g of groups) {
      // E-step: posterior that this pattern is a match.
      let logRatio = Math.log2(params.lambda / (1 - params.lambda));
      for (const f of LINKAGE_FIELDS) logRatio += levelWeight(params, f, g.levels[f]);
      const post = logRatio > 60 ? 1 : logRatio < -60 ? 0 : 1 / (1 + 2 ** -logRatio);
      matches += post * g.count;
      total += g.count;
      for (const f of LINKAGE_FIELDS) {
        const level = g.levels[f];
        if (level === 'missing') continue;
        mCounts[f][level] = (mCounts[f][level] ?? 0) + post * g.count;
        uCounts[f][level] = (uCounts[f][level] ?? 0) + (1 - post) * g.count;
      }
    }
    // M-step.
    const next: FellegiSunterParameters = {
      lambda: clamp(matches / total),
      m: options.fixedM ?? normalise(mCounts, params.m),
      u: options.fixedU ?? normalise(uCounts, params.u),
      iterations: it,
    };
    const moved = maxShift(params, next);
    params = next;
    if (moved < tolerance) break;
  }
  return params;
}

/** The frequency of each level of each field among pattern counts, clamped like EM's estimates. */
export function marginalLevels(patterns: readonly PatternCount[]): LevelProbabilities {
  const counts = zeroCounts();
  for (const { pattern, count } of patterns) {
    const levels = patternLevels(pattern);
    for (const f of LINKAGE_FIELDS) {
      const level = levels[f];
      if (level !== 'missing') counts[f][level] = (counts[f][level] ?? 0) + count;
    }
  }
  return normalise(counts, startingProbabilities('u'));
}

function maxShift(a: FellegiSunterParameters, b: FellegiSunterParameters): number {
  let shift = Math.abs(a.lambda - b.lambda);
  for (const f of LINKAGE_FIELDS) {
    for (const l of FIELD_LEVELS[f]) {
      shift = Math.max(shift, Math.abs((a.m[f][l] ?? 0) - (b.m[f][l] ?? 0)), Math.abs((a.u[f][l] ?? 0) - (b.u[f][l] ?? 0)));
    }
  }
  return shift;
}

/** A decision about a pair of records. */
export type LinkDecision = 'same' | 'review' | 'different';

/** Score cut-offs: at or above `same` → 'same'; at or above `review` → 'review'; else 'different'. */
export interface Thresholds {
  same: number;
  review: number;
}

/** Classifies a score by thresholds. */
export function classify(score: number, thresholds: Thresholds): LinkDecision {
  if (score >= thresholds.same) return 'same';
  return score >= thresholds.review ? 'review' : 'different';
}

/**
 * Thresholds at which the model's posterior match probability reaches `same` (default 0.95)
 * and `review` (default 0.5), given the estimated share of matches λ.
 */
export function thresholdsFromProbability(params: FellegiSunterParameters, same = 0.95, review = 0.5): Thresholds {
  const prior = Math.log2(params.lambda / (1 - params.lambda));
  const at = (p: number): number => Math.log2(p / (1 - p)) - prior;
  return { same: at(same), review: at(review) };
}

/** Canonical key of an unordered pair of record ids. */
export function pairKey(a: string, b: string): string {
  return a <= b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** Human decisions recorded for pairs, keyed by `pairKey`. */
export type HumanDecisions = ReadonlyMap<string, 'same' | 'different'>;

/** The outcome for one pair: the decision and whether a person or the model made it. */
export interface PairDecision {
  ids: readonly [string, string];
  decision: LinkDecision;
  source: 'human' | 'model';
  score: number;
}

/** Decides a scored pair: a recorded human decision always wins; otherwise the thresholds. */
export function decide(pair: { vector: ComparisonVector; score: number }, humanDecisions: HumanDecisions, thresholds: Thresholds): PairDecision {
  const [a, b] = pair.vector.ids;
  const human = humanDecisions.get(pairKey(a, b));
  if (human !== undefined) return { ids: pair.vector.ids, decision: human, source: 'human', score: pair.score };
  return { ids: pair.vector.ids, decision: classify(pair.score, thresholds), source: 'model', score: pair.score };
}
