/**
 * Records as linkage sees them, and their normalisation into comparable features
 * (issue #4; DOMAIN.md §5): name skeletons across scripts, surname and patronymic stems,
 * tolerant partial birth dates, document digits and IIN validity.
 */
import { nameSearchTokens } from '../names/index.ts';
import { iinFacts } from '../../synthetic/identity.ts';
import { parseCitizenship } from './citizenship.ts';

/** One sighting of a person, as some agency recorded it. Every field but `id` is optional. */
export interface LinkageRecord {
  id: string;
  givenName?: string | null;
  familyName?: string | null;
  patronymic?: string | null;
  /** A whole name in one string, in any order; used for parts that are not given separately. */
  fullName?: string | null;
  /** YYYY-MM-DD, YYYYMMDD, YYYY-MM, DD.MM.YYYY, DD/MM/YYYY, MM.YYYY or YYYY; day and month may be swapped. */
  birthDate?: string | null;
  /** 'F'/'M', 'female'/'male', 'Feminine'/'Masculine', 'ж'/'м'. */
  sex?: string | null;
  /** ISO 3166-1 alpha-2, alpha-3 or numeric code, or a country name in kk/ru/en (`parseCitizenship`). */
  citizenship?: string | null;
  /** IIN, passport or other identity number; only its digits are compared. */
  documentNumber?: string | null;
  /** An e-mail address or a telephone number the person gave (registers keep one to reach her). */
  contact?: string | null;
  /** Place of birth or of residence as written (a town, a village, a district). */
  place?: string | null;
}

/** A birth date with possibly unknown month and day. */
export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
}

/** One name part reduced for comparison. */
export interface NamePart {
  /** Skeleton tokens of the part joined by a space (see `nameSearchTokens`). */
  skeleton: string;
  /** The skeleton with a surname/patronymic suffix (-ov, -ova, -uly, -kyzy, -ovich, …) removed. */
  stem: string;
}

/** Comparable features of one record; see `normaliseRecord`. */
export interface NormalisedRecord {
  id: string;
  given: NamePart | null;
  family: NamePart | null;
  patronymic: NamePart | null;
  /** Every name token skeleton and family/patronymic stem, sorted and unique: order-independent. */
  nameTokens: readonly string[];
  birth: PartialDate | null;
  sex: 'F' | 'M' | null;
  /** ISO 3166-1 alpha-2 code, or null when absent or not understood. */
  citizenship: string | null;
  /** Digits of the document number, or null when it has none. */
  document: string | null;
  /** Whether `document` is a valid Kazakh IIN (date, century/sex digit, check digit). */
  documentIsIin: boolean;
  /** An e-mail lower-cased, or a telephone number's last ten digits; null when absent. */
  contact: string | null;
  /** The place's skeleton tokens joined by a space (any script), or null. */
  place: string | null;
}

/**
 * Suffixes after skeleton folding, longest first: -ұлы/-uly/-ulı → "uli", -қызы/-kyzy → "kizi",
 * Russian patronymics and surnames. Only stripped when a stem of 3+ letters remains.
 */
const SUFFIXES = ['ovich', 'evich', 'ovna', 'evna', 'kizi', 'uli', 'ova', 'eva', 'ov', 'ev'] as const;

/** Removes one known surname/patronymic suffix from a skeleton token, keeping ≥ 3 letters. */
export function stripNameSuffix(token: string): string {
  for (const suffix of SUFFIXES) {
    if (token.endsWith(suffix) && token.length - suffix.length >= 3) return token.slice(0, -suffix.length);
  }
  return token;
}

function namePart(tokens: readonly string[]): NamePart | null {
  if (tokens.length === 0) return null;
  const skeleton = tokens.join(' ');
  // A separate "ұлы"/"қызы" word (Нұрлан ұлы) is a suffix too.
  const kept = tokens.filter((t) => t !== 'uli' && t !== 'kizi');
  const stem = (kept.length > 0 ? kept : tokens).map(stripNameSuffix).join(' ');
  return { skeleton, stem };
}

const present = (s: string | null | undefined): s is string => typeof s === 'string' && s.trim() !== '';

function inRange(n: number, lo: number, hi: number): boolean {
  return Number.isInteger(n) && n >= lo && n <= hi;
}

/**
 * Parses a tolerant birth date: YYYY-MM-DD, YYYYMMDD (as FEBRL writes it), YYYY-MM,
 * DD.MM.YYYY (also / or -), MM.YYYY, YYYY, any of them followed by a time; zero month or day
 * means unknown; a "month" above 12 with a day of 12 or less is taken as swapped. Returns null for anything else or out-of-range values.
 */
export function parseBirthDate(text: string | null | undefined): PartialDate | null {
  if (!present(text)) return null;
  const s = text.trim().replace(/[T\s].*$/, '');
  let y: number;
  let m = 0;
  let d = 0;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})$/.exec(s))) y = Number(match[1]);
  else if ((match = /^(\d{4})(\d{2})(\d{2})$/.exec(s))) {
    y = Number(match[1]);
    m = Number(match[2]);
    d = Number(match[3]);
  } else if ((match = /^(\d{4})[-./](\d{1,2})(?:[-./](\d{1,2}))?$/.exec(s))) {
    y = Number(match[1]);
    m = Number(match[2]);
    d = Number(match[3] ?? 0);
  } else if ((match = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(s))) {
    d = Number(match[1]);
    m = Number(match[2]);
    y = Number(match[3]);
  } else if ((match = /^(\d{1,2})[./-](\d{4})$/.exec(s))) {
    m = Number(match[1]);
    y = Number(match[2]);
  } else return null;
  if (m > 12 && d >= 1 && d <= 12) [m, d] = [d, m];
  if (!inRange(y, 1800, 2200) || !inRange(m, 0, 12) || !inRange(d, 0, 31)) return null;
  const out: PartialDate = { year: y };
  if (m > 0) out.month = m;
  if (m > 0 && d > 0) out.day = d;
  return out;
}

/** 'F', 'M' or null from the usual spellings of sex/gender. */
export function parseSex(text: string | null | undefined): 'F' | 'M' | null {
  if (!present(text)) return null;
  const s = text.trim().toLowerCase();
  if (/^(f|female|feminine|w|woman|ж|жен|женский|әйел)/u.test(s)) return 'F';
  if (/^(m|male|masculine|man|м|муж|мужской|ер)/u.test(s)) return 'M';
  return null;
}

/**
 * Comparable features of a record. Name parts given separately win; a `fullName` fills the
 * missing ones in Russian order (family, given, patronymic); `compareRecords` also tries
 * given and family swapped, so the order a clerk used does not matter.
 */
export function normaliseRecord(r: LinkageRecord): NormalisedRecord {
  let given = present(r.givenName) ? namePart(nameSearchTokens(r.givenName)) : null;
  let family = present(r.familyName) ? namePart(nameSearchTokens(r.familyName)) : null;
  let patronymic = present(r.patronymic) ? namePart(nameSearchTokens(r.patronymic)) : null;
  const fullTokens = present(r.fullName) ? nameSearchTokens(r.fullName) : [];
  if (fullTokens.length > 0 && given === null && family === null) {
    const [f, g, ...rest] = fullTokens;
    family = namePart(f === undefined ? [] : [f]);
    given = namePart(g === undefined ? [] : [g]);
    patronymic ??= namePart(rest);
  }
  const tokens = new Set<string>(fullTokens);
  for (const part of [given, family, patronymic]) {
    if (part === null) continue;
    for (const t of part.skeleton.split(' ')) tokens.add(t);
    for (const t of part.stem.split(' ')) tokens.add(t);
  }
  const digits = present(r.documentNumber) ? r.documentNumber.replace(/\D/g, '') : '';
  const document = digits === '' ? null : digits;
  // A valid IIN states the birth date and sex (Kazakhstan's IIN law): a record that has the
  // number but not the date or sex gets them from it; one that has both keeps its own, so a
  // contradiction still shows as disagreement.
  const iin = document === null ? null : iinFacts(document);
  const birth = parseBirthDate(r.birthDate) ?? (iin ? { ...iin.birth } : null);
  return {
    id: r.id,
    given,
    family,
    patronymic,
    nameTokens: [...tokens].sort(),
    birth,
    sex: parseSex(r.sex) ?? iin?.sex ?? null,
    citizenship: parseCitizenship(r.citizenship),
    document,
    documentIsIin: iin !== null,
    contact: normaliseContact(r.contact),
    place: present(r.place) ? nameSearchTokens(r.place).join(' ') || null : null,
  };
}

/**
 * An e-mail as written but lower-cased and trimmed; a telephone number (anything without an @)
 * by its last ten digits, so +7 701 …, 8 701 … and 701 … compare equal. Null when nothing usable.
 */
export function normaliseContact(text: string | null | undefined): string | null {
  if (!present(text)) return null;
  const s = text.trim().toLowerCase();
  if (s.includes('@')) return s;
  const digits = s.replace(/\D/g, '');
  return digits.length >= 6 ? digits.slice(-10) : null;
}
