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

/** Similarity of two name parts: 1 when skeletons or stems are equal, else the best Jaro–Winkler. */
function partSimilarity(a: NamePart | null, b: NamePart | null): number | null {
  if (a === null || b === null) return null;
  if (a.skeleton === b.skeleton || a.stem === b.stem) return 1;
  return Math.max(jaroWinkler(a.skeleton, b.skeleton), jaroWinkler(a.stem, b.stem));
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
  // An IIN and a passport number are different documents, not a disagreement.
  return a.documentIsIin === b.documentIsIin ? 'disagree' : 'missing';
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
