/**
 * The record-level open dataset, after IOM's Counter Trafficking Data Collaborative (CTDC): one
 * row per identified victim, stripped of identity, then made k-anonymous with k = 11 (CTDC's k,
 * and our small-cell threshold, statistics/disclosure/suppression.ts). Every combination of the
 * published quasi-identifiers must be shared by at least k rows, or a reader who knows one
 * victim's year, sex, age, citizenship and region could find her row, and with it what was done
 * to her. As CTDC did, values are first generalised (open-dataset-columns.ts has the hierarchies)
 * and the records still in a class smaller than k are then left out whole.
 *
 * Full-domain generalisation: one level per attribute for the whole dataset, so a column means
 * the same in every row and the release can be read without per-row footnotes. The lattice of
 * levels has 2 × 3 × 3 × 4 × 3 = 216 nodes; all are tried.
 */
import {
  ageColumnsAt,
  citizenshipAt,
  exploitationFlags,
  GENERALISATION_HIERARCHIES,
  GENERALISED_ATTRIBUTES,
  type GeneralisationLevels,
  type GeneralisedAttribute,
  genderAt,
  OPEN_DATASET_COLUMNS,
  OPEN_DATASET_QI_COLUMNS,
  type OpenDatasetColumnCode,
  type OpenDatasetGender,
  type OpenDatasetRow,
  regionAt,
  yearAt,
} from './open-dataset-columns.ts';

export * from './open-dataset-columns.ts';

/** A victim record already stripped of identity, with HTCDS/CTDC values. */
export interface OpenDatasetSource {
  /** The year the victim was identified. */
  yearOfRegistration: number;
  gender: OpenDatasetGender;
  /** Age in years at identification; null when unknown. */
  age: number | null;
  /** ISO 3166-1 alpha-2; null when unknown. */
  citizenship: string | null;
  /** HTCDS vic_TypeOfExploitation value names. */
  exploitation: readonly string[];
  /** ISO 3166-2:KZ region of identification. */
  regionCode: string | null;
}

/** CTDC's k: no published combination of quasi-identifiers describes fewer than 11 persons. */
export const OPEN_DATASET_K = 11;
/** At most this share of the records may be left out to reach k; beyond it the data is generalised further. */
export const OPEN_DATASET_MAX_SUPPRESSED_SHARE = 0.05;

export interface OpenDatasetOptions {
  k?: number;
  maxSuppressedShare?: number;
}

export type OpenDatasetResult =
  | {
      ok: true;
      k: number;
      /** The smallest equivalence class of the published rows (≥ k). */
      kReached: number;
      /** Canonically sorted, so the same records give the same file whatever their order. */
      rows: OpenDatasetRow[];
      /** Records left out whole because their class stayed smaller than k. */
      suppressed: number;
      levels: GeneralisationLevels;
      /** The information loss of `levels` (see `informationLoss`). */
      loss: number;
    }
  | {
      ok: false;
      reason: 'too_few_records' | 'k_not_met';
      k: number;
      /** The largest k the records reach with no suppression: the smallest class when every attribute is suppressed (0 for none). */
      kReached: number;
      /** The fewest records any node of the lattice would have to leave out (all of them when too few). */
      suppressed: number;
      records: number;
    };

/**
 * Information loss of a node: the sum over attributes of level ÷ height, in sixths so that it is
 * a whole number (heights are 1, 2 and 3). Suppressing an attribute entirely costs the same (6)
 * whatever its hierarchy; each intermediate step costs its share. This is Sweeney's precision
 * measure without the per-cell average: the generalisation is full-domain, so every cell of a
 * column has the same level.
 */
export function informationLoss(levels: GeneralisationLevels): number {
  return GENERALISED_ATTRIBUTES.reduce((sum, a) => sum + (levels[a] * 6) / (GENERALISATION_HIERARCHIES[a].length - 1), 0);
}

/**
 * The smallest equivalence class of `rows` over `qiColumns` (0 for no rows). The publisher calls
 * it on its own output and refuses when it is below `k`, so a fault in the search cannot publish.
 */
export function verifyKAnonymity(rows: readonly OpenDatasetRow[], qiColumns: readonly OpenDatasetColumnCode[], k: number): number {
  checkK(k);
  const sizes = countBy(rows, (row) => qiColumns.map((c) => String(row[c])).join('\u0001'));
  return smallest(sizes);
}

export function publishOpenDataset(records: readonly OpenDatasetSource[], options: OpenDatasetOptions = {}): OpenDatasetResult {
  const k = options.k ?? OPEN_DATASET_K;
  const maxShare = options.maxSuppressedShare ?? OPEN_DATASET_MAX_SUPPRESSED_SHARE;
  checkK(k);
  if (!(maxShare >= 0 && maxShare < 1)) throw new RangeError(`maxSuppressedShare must be in [0, 1), got ${maxShare}`);

  const n = records.length;
  const ladders = records.map(ladderOf);
  const nodes = latticeNodes().map((levels) => evaluate(ladders, levels, k));
  const top = nodes[nodes.length - 1];
  const refuse = (reason: 'too_few_records' | 'k_not_met', suppressed: number): OpenDatasetResult => ({
    ok: false,
    reason,
    k,
    kReached: top?.smallestClass ?? 0,
    suppressed,
    records: n,
  });
  if (n < k) return refuse('too_few_records', n);

  // Shares compared as a division: 29 / 100 is the same double as 0.29, whereas 0.29 × 100 is not 29.
  const feasible = nodes.filter((node) => node.suppressed < n && node.suppressed / n <= maxShare);
  const best = feasible.sort(byLossThenSuppressionThenOrder)[0];
  if (!best) return refuse('k_not_met', Math.min(...nodes.map((node) => node.suppressed)));

  const keys = classKeys(ladders, best.levels);
  const sizes = countBy(keys, (key) => key);
  const rows = records.filter((_, i) => (sizes.get(keys[i] ?? '') ?? 0) >= k).map((r) => openDatasetRowAt(r, best.levels));
  rows.sort(compareRows);
  const kReached = verifyKAnonymity(rows, OPEN_DATASET_QI_COLUMNS, k);
  if (kReached < k) return refuse('k_not_met', best.suppressed);
  return { ok: true, k, kReached, rows, suppressed: n - rows.length, levels: best.levels, loss: best.loss };
}

/** One record generalised to `levels`: the published row. */
export function openDatasetRowAt(record: OpenDatasetSource, levels: GeneralisationLevels): OpenDatasetRow {
  const [ageBroad, majorityStatus] = ageColumnsAt(record.age, levels.age);
  return {
    yearOfRegistration: yearAt(record.yearOfRegistration, levels.year),
    gender: genderAt(record.gender, levels.gender),
    ageBroad,
    majorityStatus,
    citizenship: citizenshipAt(record.citizenship, levels.citizenship),
    regionOfIdentification: regionAt(record.regionCode, levels.region),
    ...exploitationFlags(record.exploitation),
  };
}

interface EvaluatedNode {
  levels: GeneralisationLevels;
  loss: number;
  /** Before any suppression. */
  smallestClass: number;
  suppressed: number;
}

/** Every combination of levels, from all-exact to all-suppressed (the last node). */
function latticeNodes(): GeneralisationLevels[] {
  let nodes: Partial<GeneralisationLevels>[] = [{}];
  for (const a of GENERALISED_ATTRIBUTES) {
    const heights = GENERALISATION_HIERARCHIES[a].map((_, level) => level);
    nodes = nodes.flatMap((node) => heights.map((level) => ({ ...node, [a]: level })));
  }
  return nodes as GeneralisationLevels[];
}

function evaluate(ladders: readonly Ladder[], levels: GeneralisationLevels, k: number): EvaluatedNode {
  const sizes = countBy(classKeys(ladders, levels), (key) => key);
  let suppressed = 0;
  for (const size of sizes.values()) if (size < k) suppressed += size;
  return { levels, loss: informationLoss(levels), smallestClass: smallest(sizes), suppressed };
}

const classKeys = (ladders: readonly Ladder[], levels: GeneralisationLevels): string[] =>
  ladders.map((l) => `${GENERALISED_ATTRIBUTES.map((a) => l.tokens[a][levels[a]]).join('\u0001')}\u0001${l.flags}`);

/**
 * Each attribute's published value(s) at every level, worked out once per record: the search then
 * only joins strings. A token stands for exactly the columns of its attribute at that level, so
 * records share a class key exactly when their rows agree on every quasi-identifier.
 */
interface Ladder {
  tokens: Record<GeneralisedAttribute, string[]>;
  flags: string;
}

function ladderOf(record: OpenDatasetSource): Ladder {
  const levelsOf = (a: GeneralisedAttribute) => GENERALISATION_HIERARCHIES[a].map((_, level) => level);
  const flags = exploitationFlags(record.exploitation);
  return {
    tokens: {
      gender: levelsOf('gender').map((l) => genderAt(record.gender, l)),
      age: levelsOf('age').map((l) => ageColumnsAt(record.age, l).join('\u0002')),
      year: levelsOf('year').map((l) => yearAt(record.yearOfRegistration, l)),
      citizenship: levelsOf('citizenship').map((l) => citizenshipAt(record.citizenship, l)),
      region: levelsOf('region').map((l) => regionAt(record.regionCode, l)),
    },
    flags: `${flags.isForcedLabour}${flags.isSexualExploit}${flags.isOtherExploit}`,
  };
}

/**
 * The least loss first; among equal losses the fewest records left out; then the node that keeps
 * the earlier attribute of GENERALISED_ATTRIBUTES finer (gender, then age: CTDC's main breakdowns).
 */
function byLossThenSuppressionThenOrder(a: EvaluatedNode, b: EvaluatedNode): number {
  if (a.loss !== b.loss) return a.loss - b.loss;
  if (a.suppressed !== b.suppressed) return a.suppressed - b.suppressed;
  const differing = GENERALISED_ATTRIBUTES.find((attr: GeneralisedAttribute) => a.levels[attr] !== b.levels[attr]);
  return differing ? a.levels[differing] - b.levels[differing] : 0;
}

/** Column by column in the dictionary's order, by code point (never the locale's collation). */
function compareRows(a: OpenDatasetRow, b: OpenDatasetRow): number {
  for (const { column: code } of OPEN_DATASET_COLUMNS) {
    const x = String(a[code]);
    const y = String(b[code]);
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const item of items) sizes.set(key(item), (sizes.get(key(item)) ?? 0) + 1);
  return sizes;
}

/** The smallest count (0 for none); a loop, since spreading thousands of classes into Math.min can overflow the stack. */
function smallest(sizes: ReadonlyMap<string, number>): number {
  let min = Number.POSITIVE_INFINITY;
  for (const size of sizes.values()) min = Math.min(min, size);
  return Number.isFinite(min) ? min : 0;
}

function checkK(k: number): void {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a whole number of at least 1, got ${k}`);
}
