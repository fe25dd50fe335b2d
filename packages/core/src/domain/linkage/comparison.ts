/**
 * Comparison vectors: for a pair of normalised records, one discrete agreement level per
 * field, ordered from strongest agreement to disagreement, plus 'missing' when either side
 * lacks the field. The Fellegi–Sunter model weighs each level (see `fellegi-sunter.ts`).
 *
 * A vector is also one integer, its pattern (see `patternOf`): batch linkage compares straight
 * into patterns (`comparePattern`) and `compareRecords` is that pattern read back, so the two
 * paths cannot disagree.
 */
import type { NamePart, NormalisedRecord, PartialDate } from './linkage-record.ts';
import { jaroWinkler } from './string-similarity.ts';

/** Agreement levels of each field, strongest first; 'missing' is never weighed. */
export const FIELD_LEVELS = {
  given: ['exact', 'jw92', 'jw80', 'disagree'],
  family: ['exact', 'jw92', 'jw80', 'disagree'],
  patronymic: ['exact', 'jw92', 'disagree'],
  /** 'typo': full dates one digit apart or with two adjacent digits transposed; 'year': same year, one side partial. */
  birthDate: ['exact', 'swapped', 'typo', 'year', 'disagree'],
  /** 'typo': numbers of one kind one digit apart or with two adjacent digits transposed. */
  document: ['agree', 'typo', 'disagree'],
  sex: ['agree', 'disagree'],
  citizenship: ['agree', 'disagree'],
  contact: ['agree', 'close', 'disagree'],
  place: ['agree', 'close', 'disagree'],
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

/*
 * Patterns. A vector's levels (without ids) are one integer: each field's level index
 * (FIELD_LEVELS order, 'missing' last) in mixed radix, plus `SWAPPED_FLAG` when the names were
 * matched crosswise. There are `PATTERN_COUNT` patterns, so the model's weight of every
 * pattern fits in a table and EM runs on a count per pattern.
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

const FIELD_POSITION = new Map(LINKAGE_FIELDS.map((f, k) => [f, k]));

/** The level index (FIELD_LEVELS order, 'missing' last) of one field in a pattern code. */
export function levelIndexAt(code: number, field: LinkageField): number {
  const k = FIELD_POSITION.get(field) ?? 0;
  return Math.floor((code % PATTERN_COUNT) / (PLACE[k] ?? 1)) % (RADIX[k] ?? 1);
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

/**
 * Per field, a table from level index to a value (e.g. a weight), and the sum of one pattern's
 * entries: how a model scores every pattern without building its levels.
 */
export function sumOverPattern(code: number, tables: readonly (readonly number[])[]): number {
  let rest = code % PATTERN_COUNT;
  let total = 0;
  for (let k = 0; k < RADIX.length; k++) {
    const r = RADIX[k] ?? 1;
    total += tables[k]?.[rest % r] ?? 0;
    rest = Math.floor(rest / r);
  }
  return total;
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
 * Similarity of two name parts, -1 when either is missing: 1 when skeletons or stems are
 * equal, else the best Jaro–Winkler, raised to 0.92 when they are equal but for o/u.
 */
function partSim(a: NamePart | null, b: NamePart | null): number {
  if (a === null || b === null) return -1;
  if (a.skeleton === b.skeleton || a.stem === b.stem) return 1;
  const jw = Math.max(jaroWinkler(a.skeleton, b.skeleton), jaroWinkler(a.stem, b.stem));
  return jw < OU_SIMILARITY && (sameUpToOU(a.skeleton, b.skeleton) || sameUpToOU(a.stem, b.stem)) ? OU_SIMILARITY : jw;
}

function nameIndex(sim: number): number {
  if (sim === 1) return 0;
  if (sim >= 0.92) return 1;
  return sim >= 0.8 ? 2 : 3;
}

const isFull = (d: PartialDate): d is Required<PartialDate> => d.month !== undefined && d.day !== undefined;
const digits8 = (d: Required<PartialDate>): string => `${d.year}`.padStart(4, '0') + `${d.month}`.padStart(2, '0') + `${d.day}`.padStart(2, '0');

/**
 * Whether two different strings of equal length are one slip of the pen apart: one character
 * differs, or two adjacent characters are transposed (for dates, 1985-03-12 / 1985-03-21 is
 * caught by 'swapped' first).
 */
export function oneTypoApart(x: string, y: string): boolean {
  if (x.length !== y.length) return false;
  const diff: number[] = [];
  for (let i = 0; i < x.length && diff.length <= 2; i++) if (x[i] !== y[i]) diff.push(i);
  if (diff.length === 1) return true;
  const [i, j] = diff;
  return diff.length === 2 && i !== undefined && j === i + 1 && x[i] === y[j] && x[j] === y[i];
}

/** Birth-date level index (see FIELD_LEVELS.birthDate; 5 = missing). */
function birthIndex(a: PartialDate | null, b: PartialDate | null): number {
  if (a === null || b === null) return 5;
  if (isFull(a) && isFull(b)) {
    if (a.year === b.year && a.month === b.month && a.day === b.day) return 0;
    if (a.year === b.year && a.month === b.day && a.day === b.month) return 1;
    return oneTypoApart(digits8(a), digits8(b)) ? 2 : 4;
  }
  if (a.year !== b.year) return 4;
  // Same year, and what one side knows does not contradict the other: a partial record.
  const monthClash = a.month !== undefined && b.month !== undefined && a.month !== b.month;
  const dayClash = a.day !== undefined && b.day !== undefined && a.day !== b.day;
  return monthClash || dayClash ? 4 : 3;
}

/** 0 agree, 1 disagree, 2 missing. */
function simpleIndex<T>(a: T | null, b: T | null): number {
  if (a === null || b === null) return 2;
  return a === b ? 0 : 1;
}

/** 0 agree, 1 close (Jaro–Winkler ≥ `close`), 2 disagree, 3 missing. */
function fuzzyIndex(a: string | null, b: string | null, close: number): number {
  if (a === null || b === null) return 3;
  if (a === b) return 0;
  return jaroWinkler(a, b) >= close ? 1 : 2;
}

/**
 * Contacts: an e-mail one slip apart is close by Jaro–Winkler; a telephone only when one digit
 * or one adjacent transposition apart (numbers a few digits apart are other people's phones).
 */
function contactIndex(a: string | null, b: string | null): number {
  if (a === null || b === null || a === b || a.includes('@') || b.includes('@')) return fuzzyIndex(a, b, CONTACT_CLOSE);
  return oneTypoApart(a, b) ? 1 : 2;
}

/** 0 agree, 1 typo, 2 disagree, 3 missing. */
function documentIndex(x: NormalisedRecord, y: NormalisedRecord): number {
  if (x.document === null || y.document === null) return 3;
  if (x.document === y.document) return 0;
  // An IIN and a passport number, or numbers of different lengths (a 14-digit personal number
  // and a passport's), are different documents, not a disagreement.
  if (x.documentIsIin !== y.documentIsIin || x.document.length !== y.document.length) return 3;
  return oneTypoApart(x.document, y.document) ? 1 : 2;
}

// Place values of the fields, in LINKAGE_FIELDS order.
const [P_GIVEN, P_FAMILY, P_PATRONYMIC, P_BIRTH, P_DOCUMENT, P_SEX, P_CITIZENSHIP, P_CONTACT, P_PLACE] = PLACE as [
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
];
const NAME_MISSING = 4;
const PATRONYMIC_MISSING = 3;
/** An e-mail or telephone one slip apart still reads as the same (a typed digit, a dropped letter). */
const CONTACT_CLOSE = 0.9;
/** A place name misspelt (Lonon, Karagandy/Qaraghandy after folding) still reads as close. */
const PLACE_CLOSE = 0.88;

/**
 * Compares two normalised records into a pattern code: the hot path of batch linkage.
 * Given and family names are compared straight and crosswise; the arrangement with the higher
 * total similarity wins (ties go straight). Symmetric: the records are ordered by id first.
 */
export function comparePattern(a: NormalisedRecord, b: NormalisedRecord): number {
  const [x, y] = a.id <= b.id ? [a, b] : [b, a];
  const sg = partSim(x.given, y.given);
  const sf = partSim(x.family, y.family);
  const cg = partSim(x.given, y.family);
  const cf = partSim(x.family, y.given);
  const swapped = cg >= 0 && cf >= 0 && cg + cf > Math.max(sg, 0) + Math.max(sf, 0);
  let code: number;
  // Crosswise, "which part is the given name" depends on whose view is taken; to stay symmetric
  // the closer crosswise pair is scored as the family name and the other as the given name.
  if (swapped) code = nameIndex(Math.min(cg, cf)) * P_GIVEN + nameIndex(Math.max(cg, cf)) * P_FAMILY + SWAPPED_FLAG;
  else code = (sg < 0 ? NAME_MISSING : nameIndex(sg)) * P_GIVEN + (sf < 0 ? NAME_MISSING : nameIndex(sf)) * P_FAMILY;
  const sp = partSim(x.patronymic, y.patronymic);
  code += (sp < 0 ? PATRONYMIC_MISSING : sp === 1 ? 0 : sp >= 0.92 ? 1 : 2) * P_PATRONYMIC;
  code += birthIndex(x.birth, y.birth) * P_BIRTH;
  code += documentIndex(x, y) * P_DOCUMENT;
  code += simpleIndex(x.sex, y.sex) * P_SEX;
  code += simpleIndex(x.citizenship, y.citizenship) * P_CITIZENSHIP;
  code += contactIndex(x.contact, y.contact) * P_CONTACT;
  code += fuzzyIndex(x.place, y.place, PLACE_CLOSE) * P_PLACE;
  return code;
}

/** Compares two normalised records field by field (`comparePattern`, read back as levels). */
export function compareRecords(a: NormalisedRecord, b: NormalisedRecord): ComparisonVector {
  return vectorOfPattern(comparePattern(a, b), a.id, b.id);
}

/** One line per field naming its level, e.g. "family: jw92"; a swap is noted on the given line. */
export function explain(v: ComparisonVector): string[] {
  return LINKAGE_FIELDS.map((f) => {
    const note = f === 'given' && v.namesSwapped ? ' (given/family swapped)' : '';
    return `${f}: ${v.levels[f]}${note}`;
  });
}
