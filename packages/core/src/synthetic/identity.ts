/**
 * National identity numbers and phone numbers for synthetic people. The Kazakh IIN is fully
 * valid (date, century/sex digit, check digit); Kyrgyz PIN and Uzbek PINFL follow their
 * published layout only. None of these belong to anyone: serials are random.
 */
import type { Rng } from './prng.ts';

/** A calendar date without time zone. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** ISO 8601 YYYY-MM-DD. */
export function formatDate(d: CivilDate): string {
  return `${String(d.year).padStart(4, '0')}-${pad2(d.month)}-${pad2(d.day)}`;
}

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const IIN_WEIGHTS_1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const IIN_WEIGHTS_2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

function weightedMod11(digits: string, weights: readonly number[]): number {
  let sum = 0;
  // charCodeAt arithmetic rather than Array.from(…, Number): this runs once per synthetic
  // Kazakh citizen, a million times in a benchmark run.
  for (let i = 0; i < weights.length; i++) sum += (digits.charCodeAt(i) - 48) * (weights[i] ?? 0);
  return sum % 11;
}

/**
 * The IIN check digit for the first 11 digits, or null when none exists: the sum weighted
 * 1..11 mod 11; if that is 10, the sum weighted 3..11,1,2 mod 11; if that is 10 too, no
 * number with this prefix is issued (the registry moves to the next serial).
 */
export function iinCheckDigit(first11: string): number | null {
  if (!/^\d{11}$/.test(first11)) throw new RangeError(`IIN prefix must be 11 digits, got ${first11}`);
  const first = weightedMod11(first11, IIN_WEIGHTS_1);
  if (first !== 10) return first;
  const second = weightedMod11(first11, IIN_WEIGHTS_2);
  return second === 10 ? null : second;
}

/**
 * Whether `iin` is a well-formed Kazakh individual identification number: 12 digits, a real
 * birth date YYMMDD, a 7th digit 1–6 (odd male, even female; 1–2 born 1800s, 3–4 1900s,
 * 5–6 2000s) and a matching check digit.
 */
export function isValidIin(iin: string): boolean {
  if (!/^\d{12}$/.test(iin)) return false;
  const centuryDigit = Number(iin[6]);
  if (centuryDigit < 1 || centuryDigit > 6) return false;
  const year = 1800 + 100 * Math.floor((centuryDigit - 1) / 2) + Number(iin.slice(0, 2));
  const month = Number(iin.slice(2, 4));
  const day = Number(iin.slice(4, 6));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  return iinCheckDigit(iin.slice(0, 11)) === Number(iin[11]);
}

/** The birth date and sex a valid IIN encodes (its first seven digits), or null for an invalid one. */
export function iinFacts(iin: string): { birth: CivilDate; sex: 'F' | 'M' } | null {
  if (!isValidIin(iin)) return null;
  const centuryDigit = Number(iin[6]);
  const year = 1800 + 100 * Math.floor((centuryDigit - 1) / 2) + Number(iin.slice(0, 2));
  return { birth: { year, month: Number(iin.slice(2, 4)), day: Number(iin.slice(4, 6)) }, sex: centuryDigit % 2 === 0 ? 'F' : 'M' };
}

/**
 * A valid IIN for this birth date and sex, with a random 4-digit serial. Serials whose
 * prefix has no check digit are skipped, as the registry does.
 */
export function makeIin(rng: Rng, birth: CivilDate, female: boolean): string {
  const century = Math.floor(birth.year / 100) - 18; // 0 = 1800s, 1 = 1900s, 2 = 2000s
  const prefix = pad2(birth.year % 100) + pad2(birth.month) + pad2(birth.day) + String(century * 2 + (female ? 2 : 1));
  for (;;) {
    const first11 = prefix + rng.digits(4);
    const check = iinCheckDigit(first11);
    if (check !== null) return first11 + String(check);
  }
}

/** Kyrgyz personal identification number (ПИН): sex (1 female, 2 male), DDMMYYYY, 5-digit serial. */
export function makeKgPin(rng: Rng, birth: CivilDate, female: boolean): string {
  return (female ? '1' : '2') + pad2(birth.day) + pad2(birth.month) + String(birth.year) + rng.digits(5);
}

/**
 * Uzbek PINFL (ЖШШИР): century/sex digit (3/4 for 1900s, 5/6 for 2000s, odd male), DDMMYY,
 * 3-digit district, 3-digit serial, then a check digit from 7-3-1 weights as commonly
 * described. Treat as format only.
 */
export function makeUzPinfl(rng: Rng, birth: CivilDate, female: boolean): string {
  const century = birth.year >= 2000 ? 5 : 3;
  const body = String(century + (female ? 1 : 0)) + pad2(birth.day) + pad2(birth.month) + pad2(birth.year % 100) + rng.digits(6);
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += Number(body[i]) * ([7, 3, 1][i % 3] ?? 1);
  return body + String(sum % 10);
}

/** Passport number layouts by issuing country (letters + digits), as printed. */
const PASSPORT_LAYOUT: Readonly<Record<string, readonly [readonly string[], number]>> = {
  KZ: [['N'], 8],
  UZ: [['AA', 'AB', 'AC', 'AD', 'FA'], 7],
  KG: [['AC', 'ID', 'AN'], 7],
  TJ: [['40', '41'], 7],
  RU: [['75', '76'], 7],
  TM: [['A'], 7],
  AZ: [['C'], 8],
  UA: [['FA', 'FB', 'EX'], 6],
  BY: [['MP', 'KH'], 7],
};

/** A passport number in the layout of the issuing country. */
export function makePassportNumber(rng: Rng, country: string): string {
  const [prefixes, digits] = PASSPORT_LAYOUT[country] ?? [['P'], 8];
  return rng.pick(prefixes) + rng.digits(digits);
}

/** Mobile prefixes (E.164 country code + operator code) by country. */
const MOBILE_PREFIXES: Readonly<Record<string, readonly [readonly string[], number]>> = {
  KZ: [['+7700', '+7701', '+7702', '+7705', '+7707', '+7708', '+7747', '+7771', '+7775', '+7776', '+7777', '+7778'], 7],
  UZ: [['+99890', '+99891', '+99893', '+99894', '+99895', '+99897', '+99898', '+99899', '+99833', '+99888'], 7],
  KG: [['+996555', '+996700', '+996770', '+996550', '+996220', '+996505'], 6],
  TJ: [['+99290', '+99291', '+99292', '+99293', '+99298', '+99255'], 7],
  RU: [['+7900', '+7912', '+7916', '+7925', '+7950', '+7977', '+7999'], 7],
  TM: [['+99361', '+99362', '+99363', '+99365'], 6],
  AZ: [['+99450', '+99451', '+99455', '+99470'], 7],
  UA: [['+38050', '+38067', '+38063', '+38093'], 7],
  BY: [['+37529', '+37533', '+37544'], 7],
};

/** An E.164 mobile number of `country` (Kazakhstan's layout for unknown countries). */
export function makeMobilePhone(rng: Rng, country: string): string {
  const [prefixes, digits] = MOBILE_PREFIXES[country] ?? MOBILE_PREFIXES.KZ ?? [['+7700'], 7];
  return rng.pick(prefixes) + rng.digits(digits);
}
