/**
 * Linkage against a database (issue #4 item 3): the keys stored with each person so that
 * the intake check and the bulk job find candidates with one indexed query, and the scoring
 * of one candidate with a model estimated elsewhere.
 *
 * The keys are a stable, versioned contract with stored data (the server keeps them as keyed
 * hashes in `persons.linkage_keys`): changing them means recomputing every stored row, which
 * the bulk job does when `LINKAGE_KEYS_VERSION` moves. That is why they are defined here and
 * not borrowed from the in-memory `blockingKeys`, which the batch engine may tune freely.
 */
import { generateHardLinkageRecords } from '../../synthetic/index.ts';
import { reviewReasonOf, type ReviewReason } from './coherence.ts';
import { forEachRecordPair } from './blocking.ts';
import { comparePattern, compareRecords, PATTERN_COUNT, patternOf, type ComparisonVector } from './comparison.ts';
import {
  explainScore,
  marginalLevels,
  matchProbability,
  scorePair,
  thresholdsFromProbability,
  classify,
  type FellegiSunterParameters,
  type LevelProbabilities,
  type LinkDecision,
  type Thresholds,
} from './fellegi-sunter.ts';
import { linkRecords, uFromRandomPairs } from './link.ts';
import { normaliseRecord, type LinkageRecord, type NormalisedRecord } from './linkage-record.ts';
import { partShare, termFrequencyBits, type KeyedNameFrequencies, type NameFrequencies } from './term-frequency.ts';

/**
 * Bumped whenever `linkageKeys` or the name skeletons under them (`nameSearchTokens`) change:
 * stored keys and name indexes of another version are recomputed by the bulk job.
 */
export const LINKAGE_KEYS_VERSION = 2;

const pairsOf = (xs: readonly string[]): string[] => {
  const out: string[] = [];
  for (let i = 0; i < xs.length; i++) for (let j = i + 1; j < xs.length; j++) out.push([xs[i], xs[j]].sort().join('|'));
  return out;
};

/**
 * Keys of a record for database candidate search; a pair is a candidate when it shares one.
 * Each key is specific enough that its block stays small in a national register (tens of
 * records at 1,000,000, where a single name token with a year would gather hundreds):
 * - `t:` two name parts (stems, and skeletons) with the birth year, in any order: one part may be misspelt;
 * - `y:` one name part with the full birth date (and with day and month swapped): the other parts may be misspelt;
 * - `f:` the first three letters of given and family name with the year: typos late in both;
 * - `s:` the family stem with the year: a given name written another way;
 * - `p:` given and family stems, year-free: no birth date, or a wrong year;
 * - `d:` the document digits;
 * - `n:` for a record with a single name part, that part with the year.
 */
export function linkageKeys(r: NormalisedRecord): string[] {
  const keys = new Set<string>();
  const year = r.birth === null ? '' : String(r.birth.year);
  const parts = [r.given, r.family, r.patronymic].filter((p) => p !== null);
  for (const pair of pairsOf(parts.map((p) => p.stem))) keys.add(`t:${pair}:${year}`);
  for (const pair of pairsOf(parts.map((p) => p.skeleton))) keys.add(`t:${pair}:${year}`);
  const b = r.birth;
  if (b?.month !== undefined && b.day !== undefined) {
    const dates = new Set([`${b.year}-${b.month}-${b.day}`, ...(b.day <= 12 ? [`${b.year}-${b.day}-${b.month}`] : [])]);
    for (const date of dates) for (const p of parts) keys.add(`y:${p.skeleton}:${date}`);
  }
  if (r.given !== null && r.family !== null) {
    keys.add(`f:${[r.given.stem.slice(0, 3), r.family.stem.slice(0, 3)].sort().join('|')}:${year}`);
    keys.add(`p:${[r.given.stem, r.family.stem].sort().join('|')}`);
  }
  if (r.family !== null) keys.add(`s:${r.family.stem}:${year}`);
  if (parts.length === 1) for (const token of r.nameTokens) keys.add(`n:${token}:${year}`);
  if (r.document !== null && r.document.length >= 5) keys.add(`d:${r.document}`);
  return [...keys];
}

/** A model ready to score pairs: its parameters and the cut-offs derived from them. */
export interface LinkageModel {
  parameters: FellegiSunterParameters;
  thresholds: Thresholds;
  /** The register's name frequencies (keyed), for term-frequency weights; absent before the first bulk run. */
  nameFrequencies?: KeyedNameFrequencies;
  /** u among all pairs, which a name's frequency is weighed against (absent in models stored before issue #12: then `parameters.u`). */
  uPopulation?: LevelProbabilities;
}

/** The model of some parameters, with thresholds at posterior 0.95 ('same') and 0.5 ('review') unless given. */
export function linkageModel(parameters: FellegiSunterParameters, thresholds: Thresholds = thresholdsFromProbability(parameters)): LinkageModel {
  return { parameters, thresholds };
}

/**
 * The model the batch engine estimates on some records (`linkRecords`: its blocking, its EM
 * safeguards and its thresholds, which on large inputs come from the share of matches among
 * the candidates rather than from the estimation sample's λ), so intake, the bulk job and
 * batch linkage all decide alike.
 */
export function estimateLinkageModel(records: readonly LinkageRecord[], options: { u?: LevelProbabilities } = {}): LinkageModel {
  const { parameters, thresholds, uPopulation } = linkRecords(records, { decisions: 'linked', ...options });
  return { parameters, thresholds, uPopulation };
}

/** One scored candidate pair, with the reasons behind its score. */
export interface ScoredPair {
  vector: ComparisonVector;
  score: number;
  /** P(same person | the fields' agreement) under the model. */
  probability: number;
  decision: LinkDecision;
  /** Per field: its agreement level and log2(m/u) weight; 'missing' fields weigh 0. */
  explanation: { field: string; level: string; weight: number }[];
  /** Set when the score alone says 'same' but a rule leaves the pair to a person (`coherence.ts`). */
  reviewReason: ReviewReason | null;
}

/**
 * Scores one pair of normalised records with a model, as batch linkage does: exact name
 * agreement weighed by the name's frequency when `frequencies` are given (the register's), and
 * no automatic 'same' without enough evidence or despite a conflict (`coherence.ts`).
 */
export function scoreWithModel(a: NormalisedRecord, b: NormalisedRecord, model: LinkageModel, frequencies?: NameFrequencies): ScoredPair {
  const vector = compareRecords(a, b);
  const explanation = explainScore(vector, model.parameters);
  if (frequencies !== undefined && !vector.namesSwapped) {
    for (const [field, part] of [
      ['given', 'given'],
      ['family', 'family'],
    ] as const) {
      const line = explanation.find((e) => e.field === field);
      if (line === undefined || vector.levels[field] !== 'exact') continue;
      const u = model.uPopulation ?? model.parameters.u;
      line.weight += termFrequencyBits(u[field].exact ?? 0, partShare(a[part], frequencies), partShare(b[part], frequencies));
    }
  }
  const score = frequencies === undefined ? scorePair(vector, model.parameters) : explanation.reduce((s, e) => s + e.weight, 0);
  const decision = classify(score, model.thresholds);
  const reviewReason = decision === 'same' ? reviewReasonOf(patternOf(vector)) : null;
  return {
    vector,
    score,
    probability: matchProbability(score, model.parameters),
    decision: reviewReason === null ? decision : 'review',
    explanation,
    reviewReason,
  };
}

/**
 * A starting model for a database that has not been linked yet, learnt (not typed in) from a
 * reproducible synthetic register with the names, gaps and formats of real ones
 * (`generateHardLinkageRecords`: common names shared by many people, missing and year-only birth
 * dates, several scripts) whose truth is known: m and u are the level frequencies among its
 * candidate pairs that are and are not one person, λ their share. Supervised, because EM on a
 * namesake-rich register drifts towards "same given name" as the match class; the bulk job
 * replaces this model with EM estimates from the register itself.
 */
export function syntheticLinkageModel(count = 3000, seed = 2026): LinkageModel {
  const records = generateHardLinkageRecords({ seed, count });
  const normalised = records.map(normaliseRecord);
  const same = new Map<number, number>();
  const different = new Map<number, number>();
  forEachRecordPair(normalised, {}, (i, j) => {
    const tally = records[i]?.entity === records[j]?.entity ? same : different;
    const p = comparePattern(normalised[i] as NormalisedRecord, normalised[j] as NormalisedRecord) % PATTERN_COUNT;
    tally.set(p, (tally.get(p) ?? 0) + 1);
  });
  const counts = (m: Map<number, number>) => [...m].map(([pattern, count]) => ({ pattern, count }));
  const matches = [...same.values()].reduce((a, b) => a + b, 0);
  const pairs = matches + [...different.values()].reduce((a, b) => a + b, 0);
  const parameters = { lambda: matches / Math.max(1, pairs), m: marginalLevels(counts(same)), u: marginalLevels(counts(different)), iterations: 0 };
  const uPopulation = uFromRandomPairs(normalised.length, (i, j) => comparePattern(normalised[i] as NormalisedRecord, normalised[j] as NormalisedRecord));
  return { ...linkageModel(parameters), uPopulation };
}
