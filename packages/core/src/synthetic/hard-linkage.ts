/**
 * A harder synthetic set for measuring record linkage (issue #12): the engine's figures on
 * `generatePersons` output were near perfect, while on data made by others (multi-script
 * Central Asian registers, historical person lists, Splink's fake_1000) it fell to F1 ≈ 0.5.
 * This generator writes records the way a real register looks instead of the way the engine
 * was built around: skewed (Zipf-like) name frequencies with many namesakes, missing and
 * partial birth dates in several formats, typos in names and dates, ICAO alpha-3 citizenship,
 * missing family names, names given only as one string, and a heavy-tailed number of records
 * per person. Every share below says why it is what it is; none was tuned against the engine.
 *
 * Deterministic in the seed. Ground truth: `entity` (equal ⇔ same person) and `truth`.
 * It does not change `generatePersons`, whose output the demo seed, tests and benches rely on.
 */
import type { LinkageRecord } from '../domain/linkage/linkage-record.ts';
import type { AgencyType } from '../access/roles.ts';
import { daysInMonth, formatDate, makeIin, makeKgPin, makeMobilePhone, makePassportNumber, makeUzPinfl, type CivilDate } from './identity.ts';
import { drawNativeName, type NameBank, type NativeName } from './name-bank.ts';
import {
  AGE_BAND,
  CITIZEN_AGENCY,
  CITIZENSHIP,
  drawExploitation,
  femaleShare,
  FOREIGNER_AGENCY,
  nameBankFor,
  scriptFor,
  type SyntheticCitizenship,
} from './population.ts';
import { hashSeed, Rng, Weighted } from './prng.ts';
import { addTypo, renderName, UZBEK_APOSTROPHES, withApostrophe, type RecordScript } from './render.ts';
import { SYNTHETIC_REFERENCE_YEAR } from './persons.ts';

/** One record of the hard set: what linkage reads, plus the ground truth. */
export interface HardLinkageRecord extends LinkageRecord {
  /** Identifies the person: records with equal `entity` are the same human. */
  entity: string;
  /** Script the names are written in. */
  script: RecordScript;
  /** The person as they are (native spelling, true birth date), for tests and analysis only. */
  truth: { givenName: string; familyName: string; birthDate: string; citizenship: SyntheticCitizenship };
}

export interface HardLinkageOptions {
  seed: number;
  /** Number of records (not persons). */
  count: number;
}

/**
 * The shares the hard set is drawn with. Exported so that tests and benches can state them,
 * not to be tuned: each one is a statement about real registers (see the comments).
 */
export const HARD_PROFILE = {
  /**
   * Zipf exponent of given names over a bank's list (rank = position in the list). Given-name
   * frequencies follow a power law with exponent near 1 (the top few names of a generation
   * cover a large share of people: Александр ~7% of Russian men, Нұрсұлтан/Алихан topping
   * Kazakh lists). The banks hold only the common head of the real distribution, so the
   * namesake rate matches a larger real register than the set's size.
   */
  givenNameExponent: 1,
  /**
   * Surnames have a longer tail than given names (the top Russian surname, Иванов, is ~1.3%),
   * so their exponent is lower; still many people share the common ones, and Kazakh and
   * Kyrgyz surnames built on a father's name follow the given-name law.
   */
  familyNameExponent: 0.7,
  /**
   * Records per person: P(k) ∝ k^-3 for k = 1..8. Most people are recorded once; a few are
   * met again and again (re-trafficked victims, several agencies, repeated hotline calls).
   * About 22% of records re-record a person (not the 30% of the older benches).
   */
  recordsPerPersonExponent: 3,
  maxRecordsPerPerson: 8,
  /** Birth date missing: victims without documents, hotline calls, intake forms left half-filled (issue #12's sets: ~8%). */
  birthMissing: 0.08,
  /** Only the year known ("about 1990", estimated from age): ~4% in the registers of issue #12. */
  birthYearOnly: 0.04,
  /** Formats of full dates: Kazakh and Russian paperwork writes DD.MM.YYYY; system exports ISO; legacy and IIN-derived exports YYYYMMDD. */
  birthFormats: [
    ['dmy', 50],
    ['iso', 35],
    ['compact', 15],
  ] as const,
  /** One digit of a full date mistyped (keyboard slips are ~1–3% per field in manual entry). */
  birthDigitTypo: 0.02,
  /** Day and month swapped (a clerk used to MM/DD, or two fields filled in the wrong order). */
  birthDayMonthSwap: 0.02,
  /** Each name part carries a letter typo (swap, drop, double) with this probability. */
  nameTypo: 0.04,
  /** Family name not recorded (a child, a first name only from a hotline call). */
  familyMissing: 0.03,
  /** Only one string with the whole name, in Russian order (family, given, patronymic): free-text forms. */
  fullNameOnly: 0.04,
  /** Given and family name written in each other's fields (Kazakh and Russian put the family name first). */
  namesSwapped: 0.02,
  /** Sex not recorded. */
  sexMissing: 0.06,
  /** Citizenship not recorded (undocumented foreigners, or a field left empty). */
  citizenshipMissing: 0.1,
  /** Of recorded citizenships, the share written as ICAO alpha-3 (from a passport's MRZ: KAZ, UZB) rather than alpha-2. */
  citizenshipAlpha3: 0.35,
  /** A document number on record: exploiters often hold victims' documents, so many records have none. */
  documentPresent: 0.3,
  /** A telephone on record: many victims have none of their own, or do not give it. */
  contactPresent: 0.35,
  /** Of recorded telephones, the share that is another number (a new SIM card, a relative's phone). */
  contactChanged: 0.2,
  /**
   * Of recorded citizenships, the share written as Kazakhstan whatever the person holds: the
   * form's default left unchanged, or the country where she was met; so one person's records
   * can disagree on citizenship.
   */
  citizenshipDefaulted: 0.05,
} as const;

/** ICAO 9303 / ISO 3166-1 alpha-3 codes of the synthetic citizenships. */
export const ALPHA3: Readonly<Record<SyntheticCitizenship, string>> = {
  KZ: 'KAZ',
  UZ: 'UZB',
  KG: 'KGZ',
  TJ: 'TJK',
  RU: 'RUS',
  TM: 'TKM',
  AZ: 'AZE',
  UA: 'UKR',
  BY: 'BLR',
};

const STREAM_PERSON = 11;
const STREAM_NAME = 12;
const STREAM_SHUFFLE = 13;
const STREAM_RECORD = 100;

/** Cumulative Zipf weights by (list length, exponent). */
const zipfMemo = new Map<string, Float64Array>();

function zipfCumulative(n: number, exponent: number): Float64Array {
  const key = `${n}/${exponent}`;
  let c = zipfMemo.get(key);
  if (c === undefined) {
    c = new Float64Array(n);
    let total = 0;
    for (let k = 0; k < n; k++) c[k] = total += (k + 1) ** -exponent;
    for (let k = 0; k < n; k++) c[k] = (c[k] ?? 0) / total;
    zipfMemo.set(key, c);
  }
  return c;
}

/**
 * An Rng whose `pick` draws by Zipf rank instead of uniformly, so that `drawNativeName` (which
 * picks the given name, the father's name and the surname with `pick`) yields skewed names
 * without a second copy of its naming rules. Surnames get their own, lower exponent.
 */
class ZipfRng extends Rng {
  constructor(
    state: number,
    private readonly surnames: readonly string[],
  ) {
    super(state);
  }

  override pick<T>(items: readonly T[]): T {
    const exponent = (items as readonly unknown[]) === this.surnames ? HARD_PROFILE.familyNameExponent : HARD_PROFILE.givenNameExponent;
    const c = zipfCumulative(items.length, exponent);
    const u = this.next();
    let lo = 0;
    let hi = items.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((c[mid] ?? 1) > u) hi = mid;
      else lo = mid + 1;
    }
    const item = items[lo];
    if (item === undefined) throw new RangeError('ZipfRng.pick on an empty array');
    return item;
  }
}

const RECORDS_PER_PERSON = new Weighted<number>(
  Array.from({ length: HARD_PROFILE.maxRecordsPerPerson }, (_, k) => [k + 1, (k + 1) ** -HARD_PROFILE.recordsPerPersonExponent] as const),
);
const BIRTH_FORMAT = new Weighted(HARD_PROFILE.birthFormats);

interface Person {
  citizenship: SyntheticCitizenship;
  bank: NameBank;
  female: boolean;
  birth: CivilDate;
  name: NativeName;
  documents: string[];
  phone: string;
}

function person(seed: number, e: number): Person {
  const rng = new Rng(hashSeed(seed, e, STREAM_PERSON));
  const citizenship = CITIZENSHIP.draw(rng);
  const [minAge, maxAge] = AGE_BAND.draw(rng);
  const age = rng.between(minAge, maxAge);
  const female = rng.chance(femaleShare(drawExploitation(rng, age)[0] ?? 'Other'));
  const year = SYNTHETIC_REFERENCE_YEAR - age;
  const month = rng.between(1, 12);
  const birth = { year, month, day: rng.between(1, daysInMonth(year, month)) };
  const bank = nameBankFor(rng, citizenship);
  const name = drawNativeName(new ZipfRng(hashSeed(seed, e, STREAM_NAME), bank.surnames), bank, female);
  const documents = [makePassportNumber(rng, citizenship)];
  if (citizenship === 'KZ') documents.push(makeIin(rng, birth, female));
  else if (citizenship === 'KG') documents.push(makeKgPin(rng, birth, female));
  else if (citizenship === 'UZ') documents.push(makeUzPinfl(rng, birth, female));
  // Drawn last, so adding it left every earlier field of the set as it was.
  const phone = makeMobilePhone(rng, citizenship);
  return { citizenship, bank, female, birth, name, documents, phone };
}

/** A different valid date one digit away (not the century digits), or null if none was found. */
function digitTypo(rng: Rng, d: CivilDate): CivilDate | null {
  const digits = formatDate(d).replaceAll('-', '');
  for (let tries = 0; tries < 8; tries++) {
    const at = 2 + rng.int(6);
    const old = Number(digits[at]);
    const typed = (old + 1 + rng.int(9)) % 10;
    const s = digits.slice(0, at) + String(typed) + digits.slice(at + 1);
    const [y, m, day] = [Number(s.slice(0, 4)), Number(s.slice(4, 6)), Number(s.slice(6, 8))];
    if (m >= 1 && m <= 12 && day >= 1 && day <= daysInMonth(y, m) && y <= SYNTHETIC_REFERENCE_YEAR) return { year: y, month: m, day };
  }
  return null;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** The birth date as this record writes it: missing, year only, or a full date in one of three formats, maybe mistyped. */
function writeBirthDate(rng: Rng, birth: CivilDate): string | null {
  const u = rng.next();
  if (u < HARD_PROFILE.birthMissing) return null;
  if (u < HARD_PROFILE.birthMissing + HARD_PROFILE.birthYearOnly) return String(birth.year);
  const d = (rng.chance(HARD_PROFILE.birthDigitTypo) ? digitTypo(rng, birth) : null) ?? birth;
  // A swapped date is written with the month in the day's place, whether or not that is a valid day-month.
  const [first, second] = rng.chance(HARD_PROFILE.birthDayMonthSwap) ? [d.month, d.day] : [d.day, d.month];
  const y = String(d.year).padStart(4, '0');
  switch (BIRTH_FORMAT.draw(rng)) {
    case 'dmy':
      return `${pad2(first)}.${pad2(second)}.${y}`;
    case 'iso':
      return `${y}-${pad2(second)}-${pad2(first)}`;
    default:
      return `${y}${pad2(second)}${pad2(first)}`;
  }
}

const SEX_FORMS = [
  ['F', 'M'],
  ['ж', 'м'],
  ['Feminine', 'Masculine'],
] as const;

function record(seed: number, e: number, r: number, p: Person): Omit<HardLinkageRecord, 'id'> {
  const rng = new Rng(hashSeed(seed, e, STREAM_RECORD + r));
  const agency: AgencyType = (p.citizenship === 'KZ' ? CITIZEN_AGENCY : FOREIGNER_AGENCY).draw(rng);
  const script = scriptFor(rng, agency, p.citizenship);
  const apostrophe = script === 'uz_latn' ? rng.pick(UZBEK_APOSTROPHES) : '\u02BB';
  const write = (text: string): string => {
    const written = withApostrophe(renderName(text, p.bank.alphabet, script), apostrophe);
    return rng.chance(HARD_PROFILE.nameTypo) ? addTypo(rng, written) : written;
  };
  let givenName: string | null = write(p.name.firstName);
  let familyName: string | null = rng.chance(HARD_PROFILE.familyMissing) ? null : write(p.name.secondName);
  // Passport-based and Latin-script records drop the patronymic half the time (no field for it), as in `generatePersons`.
  const keepMiddle = script === 'passport_latn' || script === 'kk_latn' ? rng.chance(0.5) : rng.chance(0.9);
  let patronymic: string | null = p.name.middleName !== null && keepMiddle ? write(p.name.middleName) : null;
  let fullName: string | null = null;
  if (rng.chance(HARD_PROFILE.fullNameOnly)) {
    fullName = [familyName, givenName, patronymic].filter((s) => s !== null).join(' ');
    givenName = familyName = patronymic = null;
  } else if (familyName !== null && rng.chance(HARD_PROFILE.namesSwapped)) [givenName, familyName] = [familyName, givenName];
  const birthDate = writeBirthDate(rng, p.birth);
  const sexForm = rng.pick(SEX_FORMS);
  const sex = rng.chance(HARD_PROFILE.sexMissing) ? null : sexForm[p.female ? 0 : 1];
  let citizenship: string | null = null;
  if (!rng.chance(HARD_PROFILE.citizenshipMissing)) citizenship = rng.chance(HARD_PROFILE.citizenshipAlpha3) ? ALPHA3[p.citizenship] : p.citizenship;
  const documentNumber = rng.chance(HARD_PROFILE.documentPresent) ? rng.pick(p.documents) : null;
  // Drawn last (see `person`); another number is a new SIM card or a relative's phone.
  const contact = rng.chance(HARD_PROFILE.contactPresent) ? (rng.chance(HARD_PROFILE.contactChanged) ? makeMobilePhone(rng, p.citizenship) : p.phone) : null;
  // Drawn last too: the form's default citizenship left in place.
  if (citizenship !== null && rng.chance(HARD_PROFILE.citizenshipDefaulted)) citizenship = 'KZ';
  return {
    givenName,
    familyName,
    patronymic,
    fullName,
    birthDate,
    sex,
    citizenship,
    documentNumber,
    contact,
    entity: `hard-${seed}-${e}`,
    script,
    truth: { givenName: p.name.firstName, familyName: p.name.secondName, birthDate: formatDate(p.birth), citizenship: p.citizenship },
  };
}

/**
 * `count` records of the hard set (see the module comment and `HARD_PROFILE`), in a seeded
 * random order so that a person's records are not adjacent; ids are "h<position>".
 */
export function generateHardLinkageRecords(options: HardLinkageOptions): HardLinkageRecord[] {
  const { seed, count } = options;
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  const rows: Omit<HardLinkageRecord, 'id'>[] = [];
  for (let e = 0; rows.length < count; e++) {
    const p = person(seed, e);
    const k = Math.min(RECORDS_PER_PERSON.draw(new Rng(hashSeed(seed, e, STREAM_PERSON + 1000))), count - rows.length);
    for (let r = 0; r < k; r++) rows.push(record(seed, e, r, p));
  }
  const shuffle = new Rng(hashSeed(seed, STREAM_SHUFFLE));
  for (let i = rows.length - 1; i > 0; i--) {
    const j = shuffle.int(i + 1);
    [rows[i], rows[j]] = [rows[j] as Omit<HardLinkageRecord, 'id'>, rows[i] as Omit<HardLinkageRecord, 'id'>];
  }
  return rows.map((row, k) => ({ id: `h${k}`, ...row }));
}
