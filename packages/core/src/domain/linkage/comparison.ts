/**
 * Comparison vectors: for a pair of normalised records, one discrete agreement level per
 * field, ordered from strongest agreement to disagreement, plus 'missing' when either side
 * lacks the field. The Fellegi–Sunter model weighs each level (see `fellegi-sunter.ts`).
 */
import type { NamePart, NormalisedRecord, PartialDate } from './linkage-record.ts';
import { jaroWinkler } from './string-similarity.ts';

/** Agreement levels of each field, strongest first; 'missing' is never weighed. */
export const FIELD_LEVELS = {
  given: ['exact', 'jw92', 'jw80', 'disagree'],
  family: ['exact', 'jw92', 'jw80', 'disagree'],
  patronymic: ['exact', 'jw92', 'disagree'],
  birthDate: ['exact', 'swapped', 'year', 'disagree'],
  document: ['agree', 'disagree'],
  sex: ['agree', 'disagree'],
  citizenship: ['agree', 'disagree'],
} as const;

/** The fields compared. */
export type LinkageField = keyof typeof FIELD_LEVELS;
/** The agreement levels of one field, or 'missing'. */
export type FieldLevel<F extends LinkageField> = (typeof FIELD_LEVELS)[F][number] | 'missing';
/** All fields, in a fixed order. */
export const LINKAGE_FIELDS = Object.keys(FIELD_LEVELS) as LinkageField[];

/** A pair of records and the agreement level of each field. */
export interface ComparisonVector {
  /** The two record ids, smaller first, so a pair has one vector whichever way it is compared. */
  ids: readonly [string, string];
  levels: { [F in LinkageField]: FieldLevel<F> };
  /** Given and family names matched crosswise (one record has them in the other order). */
  namesSwapped: boolean;
}

/**
 * Whether two skeletons differ only where one has o and the other u: Uzbek Oʻ is Cyrillic Ў,
 * which Russian writes У and Kazakh Ө (Latin Ö), so Oʻtkir, Уткир, Өткір and Ötkir are one name.
 */
function sameUpToOU(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y && !((x === 111 && y === 117) || (x === 117 && y === 111))) return false;
  }
  return true;
}

/** Similarity at least `OU_SIMILARITY` ('jw92') for parts equal but for o/u (see `sameUpToOU`). */
const OU_SIMILARITY = 0.92;

/**
 * Similarity of two name parts: 1 when skeletons or stems are equal, else the best
 * Jaro–Winkler, raised to 0.92 when they are equal but for o/u.
 */
function partSimilarity(a: NamePart | null, b: NamePart | null): number | null {
  if (a === null || b === null) return null;
  if (a.skeleton === b.skeleton || a.stem === b.stem) return 1;
  const jw = Math.max(jaroWinkler(a.skeleton, b.skeleton), jaroWinkler(a.stem, b.stem));
  return jw < OU_SIMILARITY && (sameUpToOU(a.skeleton, b.skeleton) || sameUpToOU(a.stem, b.stem)) ? OU_SIMILARITY : jw;
}

function nameLevel(sim: number | null): FieldLevel<'given'> {
  if (sim === null) return 'missing';
  if (sim === 1) return 'exact';
  if (sim >= 0.92) return 'jw92';
  if (sim >= 0.8) return 'jw80';
  return 'disagree';
}

function patronymicLevel(sim: number | null): FieldLevel<'patronymic'> {
  if (sim === null) return 'missing';
  if (sim === 1) return 'exact';
  return sim >= 0.92 ? 'jw92' : 'disagree';
}

function birthLevel(a: PartialDate | null, b: PartialDate | null): FieldLevel<'birthDate'> {
  if (a === null || b === null) return 'missing';
  if (a.year !== b.year) return 'disagree';
  const full = a.month !== undefined && a.day !== undefined && b.month !== undefined && b.day !== undefined;
  if (full && a.month === b.month && a.day === b.day) return 'exact';
  if (full && a.month === b.day && a.day === b.month) return 'swapped';
  // Same year, and what one side knows does not contradict the other: a year-only record.
  const monthClash = a.month !== undefined && b.month !== undefined && a.month !== b.month;
  const dayClash = a.day !== undefined && b.day !== undefined && a.day !== b.day;
  return monthClash || dayClash ? 'disagree' : 'year';
}

function simpleLevel<T>(a: T | null, b: T | null): 'agree' | 'disagree' | 'missing' {
  if (a === null || b === null) return 'missing';
  return a === b ? 'agree' : 'disagree';
}

function documentLevel(a: NormalisedRecord, b: NormalisedRecord): FieldLevel<'document'> {
  if (a.document === null || b.document === null) return 'missing';
  if (a.document === b.document) return 'agree';
  // An IIN and a passport number, or numbers of different lengths (a 14-digit personal number
  // and a passport's), are different documents, not a disagreement.
  return a.documentIsIin === b.documentIsIin && a.document.length === b.document.length ? 'disagree' : 'missing';
}

/**
 * Compares two normalised records field by field. Given and family names are compared both
 * straight and crosswise; the arrangement with the higher total similarity wins (ties go
 * straight). Symmetric in content as well as order: `compareRecords(a, b)` and `compareRecords(b, a)` give equal vectors.
 */
export function compareRecords(a: NormalisedRecord, b: NormalisedRecord): ComparisonVector {
  const [x, y] = a.id <= b.id ? [a, b] : [b, a];
  const straightGiven = partSimilarity(x.given, y.given);
  const straightFamily = partSimilarity(x.family, y.family);
  const crossGiven = partSimilarity(x.given, y.family);
  const crossFamily = partSimilarity(x.family, y.given);
  const total = (p: number | null, q: number | null): number => (p ?? 0) + (q ?? 0);
  const namesSwapped = total(crossGiven, crossFamily) > total(straightGiven, straightFamily) && crossGiven !== null && crossFamily !== null;
  // Crosswise, "which part is the given name" depends on whose view is taken; to stay symmetric
  // the closer crosswise pair is scored as the family name and the other as the given name.
  const [givenSim, familySim] = namesSwapped
    ? [Math.min(crossGiven ?? 0, crossFamily ?? 0), Math.max(crossGiven ?? 0, crossFamily ?? 0)]
    : [straightGiven, straightFamily];
  return {
    ids: [x.id, y.id],
    levels: {
      given: nameLevel(givenSim),
      family: nameLevel(familySim),
      patronymic: patronymicLevel(partSimilarity(x.patronymic, y.patronymic)),
      birthDate: birthLevel(x.birth, y.birth),
      document: documentLevel(x, y),
      sex: simpleLevel(x.sex, y.sex),
      citizenship: simpleLevel(x.citizenship, y.citizenship),
    },
    namesSwapped,
  };
}

/** One line per field naming its level, e.g. "family: jw92"; a swap is noted on the given line. */
export function explain(v: ComparisonVector): string[] {
  return LINKAGE_FIELDS.map((f) => {
    const note = f === 'given' && v.namesSwapped ? ' (given/family swapped)' : '';
    return `${f}: ${v.levels[f]}${note}`;
  });
}

/*
 * Compact comparison patterns. A vector's levels (without ids) are one integer: each field's
 * level index (FIELD_LEVELS order, 'missing' last) in mixed radix, plus `SWAPPED_FLAG` when
 * the names were matched crosswise. There are `PATTERN_COUNT` patterns (13,500), so a pair's
 * pattern fits in 16 bits and the model's weight of every pattern fits in a small table.
 */
const RADIX = LINKAGE_FIELDS.map((f) => FIELD_LEVELS[f].length + 1);
const PLACE: number[] = [];
{
  let p = 1;
  for (const r of RADIX) {
    PLACE.push(p);
    p *= r;
  }
}
/** Number of distinct level patterns (flag excluded). */
export const PATTERN_COUNT = RADIX.reduce((p, r) => p * r, 1);
/** Added to a pattern when the names were matched crosswise. */
export const SWAPPED_FLAG = PATTERN_COUNT;

const LEVEL_INDEX = LINKAGE_FIELDS.map(
  (f) => new Map<string, number>([...FIELD_LEVELS[f].map((l, k) => [l, k] as const), ['missing', FIELD_LEVELS[f].length]]),
);

/** The pattern code of a vector (see `SWAPPED_FLAG`). */
export function patternOf(v: ComparisonVector): number {
  let code = 0;
  for (let k = 0; k < LINKAGE_FIELDS.length; k++) {
    const f = LINKAGE_FIELDS[k] as LinkageField;
    const index = LEVEL_INDEX[k]?.get(v.levels[f]);
    if (index === undefined) throw new RangeError(`unknown ${f} level ${JSON.stringify(v.levels[f])}`);
    code += index * (PLACE[k] ?? 0);
  }
  return v.namesSwapped ? code + SWAPPED_FLAG : code;
}

/** The levels of a pattern code (the swap flag is ignored). */
export function patternLevels(code: number): ComparisonVector['levels'] {
  const levels = {} as Record<LinkageField, string>;
  let rest = code % PATTERN_COUNT;
  for (let k = 0; k < LINKAGE_FIELDS.length; k++) {
    const f = LINKAGE_FIELDS[k] as LinkageField;
    const r = RADIX[k] ?? 1;
    levels[f] = (FIELD_LEVELS[f] as readonly string[])[rest % r] ?? 'missing';
    rest = Math.floor(rest / r);
  }
  return levels as ComparisonVector['levels'];
}

/** The vector of a pattern code for a pair of record ids (ordered as `compareRecords` orders them). */
export function vectorOfPattern(code: number, a: string, b: string): ComparisonVector {
  return { ids: a <= b ? [a, b] : [b, a], levels: patternLevels(code), namesSwapped: code >= SWAPPED_FLAG };
}

// Level indices, in FIELD_LEVELS order with 'missing' last, for the allocation-free path.
const NAME_MISSING = 4;
const PATRONYMIC_MISSING = 3;
const [P_GIVEN, P_FAMILY, P_PATRONYMIC, P_BIRTH, P_DOCUMENT, P_SEX, P_CITIZENSHIP] = PLACE as [number, number, number, number, number, number, number];

function nameIndex(sim: number): number {
  if (sim === 1) return 0;
  if (sim >= 0.92) return 1;
  return sim >= 0.8 ? 2 : 3;
}

/** -1 when either part is missing, else the similarity (see `partSimilarity`). */
function partSim(a: NamePart | null, b: NamePart | null): number {
  return partSimilarity(a, b) ?? -1;
}

function birthIndex(a: PartialDate | null, b: PartialDate | null): number {
  if (a === null || b === null) return 4;
  if (a.year !== b.year) return 3;
  const full = a.month !== undefined && a.day !== undefined && b.month !== undefined && b.day !== undefined;
  if (full && a.month === b.month && a.day === b.day) return 0;
  if (full && a.month === b.day && a.day === b.month) return 1;
  const monthClash = a.month !== undefined && b.month !== undefined && a.month !== b.month;
  const dayClash = a.day !== undefined && b.day !== undefined && a.day !== b.day;
  return monthClash || dayClash ? 3 : 2;
}

/**
 * `patternOf(compareRecords(a, b))`, computed without building the vector: the hot path of
 * batch linkage. Same levels, same swap rule.
 */
export function comparePattern(a: NormalisedRecord, b: NormalisedRecord): number {
  const [x, y] = a.id <= b.id ? [a, b] : [b, a];
  const sg = partSim(x.given, y.given);
  const sf = partSim(x.family, y.family);
  const cg = partSim(x.given, y.family);
  const cf = partSim(x.family, y.given);
  const swapped = cg >= 0 && cf >= 0 && cg + cf > Math.max(sg, 0) + Math.max(sf, 0);
  let code: number;
  if (swapped) code = nameIndex(Math.min(cg, cf)) * P_GIVEN + nameIndex(Math.max(cg, cf)) * P_FAMILY + SWAPPED_FLAG;
  else code = (sg < 0 ? NAME_MISSING : nameIndex(sg)) * P_GIVEN + (sf < 0 ? NAME_MISSING : nameIndex(sf)) * P_FAMILY;
  const sp = partSim(x.patronymic, y.patronymic);
  code += (sp < 0 ? PATRONYMIC_MISSING : sp === 1 ? 0 : sp >= 0.92 ? 1 : 2) * P_PATRONYMIC;
  code += birthIndex(x.birth, y.birth) * P_BIRTH;
  let doc = 2;
  if (x.document !== null && y.document !== null)
    doc = x.document === y.document ? 0 : x.documentIsIin === y.documentIsIin && x.document.length === y.document.length ? 1 : 2;
  code += doc * P_DOCUMENT;
  code += (x.sex === null || y.sex === null ? 2 : x.sex === y.sex ? 0 : 1) * P_SEX;
  code += (x.citizenship === null || y.citizenship === null ? 2 : x.citizenship === y.citizenship ? 0 : 1) * P_CITIZENSHIP;
  return code;
}
