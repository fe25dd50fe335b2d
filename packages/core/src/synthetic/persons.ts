/**
 * Seeded, reproducible, streaming synthetic persons for the demo seed, tests and benchmarks.
 *
 * Record i depends only on (seed, i): its own random stream is derived by hashing the two,
 * so a worker can generate any slice without generating what comes before, and memory is
 * O(1) per record. A record may be another sighting of an earlier record's person (same
 * `canonicalKey`), written by a different agency, in a different script, with typos: the
 * ground truth that deduplication is measured against.
 */
import type { AgencyType } from '../access/roles.ts';
import type { PassportScheme } from '../domain/names/index.ts';
import type { ExploitationType, IdentityDocumentType } from '../reference/htcds.ts';
import type { RegionCode } from '../reference/regions.ts';
import { daysInMonth, formatDate, makeIin, makeKgPin, makeMobilePhone, makePassportNumber, makeUzPinfl, type CivilDate } from './identity.ts';
import { drawNativeName, type NameBank, type NativeName } from './name-bank.ts';
import {
  AGE_BAND,
  CITIZEN_AGENCY,
  CITIZENSHIP,
  drawExploitation,
  femaleShare,
  FOREIGNER_AGENCY,
  MIGRANT_REGION,
  nameBankFor,
  RESIDENT_REGION,
  scriptFor,
  type SyntheticCitizenship,
} from './population.ts';
import { hashSeed, Rng, Weighted } from './prng.ts';
import { addTypo, renderName, UZBEK_APOSTROPHES, withApostrophe, type RecordScript } from './render.ts';

export type { SyntheticCitizenship } from './population.ts';
export type { RecordScript } from './render.ts';

/** One synthetic record of a person, as one agency wrote it down. */
export interface SyntheticPerson {
  /** Position in the stream (absolute, including `start`). */
  index: number;
  firstName: string;
  /** Surname. */
  secondName: string;
  /** Patronymic, if recorded. */
  middleName: string | null;
  /** YYYY-MM-DD. */
  birthdate: string;
  gender: 'Feminine' | 'Masculine';
  citizenship: SyntheticCitizenship;
  /** ISO 3166-2:KZ code of the region where the record was made. */
  regionCode: RegionCode;
  /** Script the names are written in. */
  script: RecordScript;
  recordedBy: AgencyType;
  exploitationTypes: ExploitationType[];
  identityDocumentType: Exclude<IdentityDocumentType, 'other'> | null;
  identityNumber: string | null;
  /** E.164. */
  mobilePhone: string | null;
  /** Identifies the underlying person: records with equal keys are the same human. */
  canonicalKey: string;
}

export interface GeneratePersonsOptions {
  seed: number;
  count: number;
  /** First index to generate (default 0), for slices generated in parallel. */
  start?: number;
  /** Fraction of records that re-record an earlier record's person (default 0.05). */
  duplicateRate?: number;
  /** Probability that a name part carries a typo (default 0.03). */
  typoRate?: number;
}

/** Ages are computed against this year so that output never depends on the clock. */
export const SYNTHETIC_REFERENCE_YEAR = 2024;

// Independent random streams per index: changing how one is consumed never shifts another.
const STREAM_PERSON = 1;
const STREAM_RECORD = 2;
const STREAM_IS_DUPLICATE = 3;
const STREAM_DUPLICATE_OF = 4;

/** The underlying human: everything that does not depend on who records them. */
interface CorePerson {
  citizenship: SyntheticCitizenship;
  bank: NameBank;
  female: boolean;
  birth: CivilDate;
  region: RegionCode;
  exploitationTypes: ExploitationType[];
  name: NativeName;
  nationalId: { type: 'kz_iin' | 'kg_pin' | 'uz_pinfl'; number: string } | null;
  passport: string;
  phone: string | null;
}

function corePerson(seed: number, root: number): CorePerson {
  const rng = new Rng(hashSeed(seed, root, STREAM_PERSON));
  const citizenship = CITIZENSHIP.draw(rng);
  const [minAge, maxAge] = AGE_BAND.draw(rng);
  const age = rng.between(minAge, maxAge);
  const exploitationTypes = drawExploitation(rng, age);
  const female = rng.chance(femaleShare(exploitationTypes[0] ?? 'Other'));
  const year = SYNTHETIC_REFERENCE_YEAR - age;
  const month = rng.between(1, 12);
  const birth = { year, month, day: rng.between(1, daysInMonth(year, month)) };
  const bank = nameBankFor(rng, citizenship);
  const name = drawNativeName(rng, bank, female);
  const region = (citizenship === 'KZ' ? RESIDENT_REGION : MIGRANT_REGION).draw(rng);
  let nationalId: CorePerson['nationalId'] = null;
  if (citizenship === 'KZ') nationalId = { type: 'kz_iin', number: makeIin(rng, birth, female) };
  else if (citizenship === 'KG') nationalId = { type: 'kg_pin', number: makeKgPin(rng, birth, female) };
  else if (citizenship === 'UZ') nationalId = { type: 'uz_pinfl', number: makeUzPinfl(rng, birth, female) };
  const passport = makePassportNumber(rng, citizenship);
  // Migrants often use a local SIM card; about one in seven victims has no phone on record.
  const phoneCountry = citizenship !== 'KZ' && rng.chance(0.5) ? citizenship : 'KZ';
  const phone = rng.chance(0.85) ? makeMobilePhone(rng, phoneCountry) : null;
  return { citizenship, bank, female, birth, region, exploitationTypes, name, nationalId, passport, phone };
}

/** The earlier index whose person record i re-records, or null if i is a first sighting. */
function duplicateOf(seed: number, index: number, duplicateRate: number): number | null {
  if (index === 0 || duplicateRate <= 0) return null;
  if (hashSeed(seed, index, STREAM_IS_DUPLICATE) / 4294967296 >= duplicateRate) return null;
  return hashSeed(seed, index, STREAM_DUPLICATE_OF) % index;
}

/** Follows duplicate links back to the first sighting (chains are short: expected length 1/(1-rate)). */
function rootOf(seed: number, index: number, duplicateRate: number): number {
  let current = index;
  for (let next = duplicateOf(seed, current, duplicateRate); next !== null; next = duplicateOf(seed, current, duplicateRate)) {
    current = next;
  }
  return current;
}

const agencyTable = (c: SyntheticCitizenship): Weighted<AgencyType> => (c === 'KZ' ? CITIZEN_AGENCY : FOREIGNER_AGENCY);

/** Russian passports in circulation use one of three schemes (YULIYA TSOY, IULIIA TCOI, IULIIA TSOI). */
const RU_PASSPORT_SCHEME = new Weighted([
  ['icao', 60],
  ['ru_2010', 20],
  ['ru_1997', 20],
] as const);

/** One name part as this record's clerk writes it, typo included. */
function writeName(
  rng: Rng,
  text: string,
  alphabet: NameBank['alphabet'],
  script: RecordScript,
  scheme: PassportScheme,
  apostrophe: string,
  typoRate: number,
): string {
  const written = withApostrophe(renderName(text, alphabet, script, scheme), apostrophe);
  return rng.chance(typoRate) ? addTypo(rng, written) : written;
}

function renderRecord(seed: number, index: number, root: number, earlier: number | null, core: CorePerson, typoRate: number): SyntheticPerson {
  const rng = new Rng(hashSeed(seed, index, STREAM_RECORD));
  const table = agencyTable(core.citizenship);
  let recordedBy = table.draw(rng);
  if (earlier !== null) {
    // A second sighting is usually by another agency: redraw (a bounded number of times) if
    // it matches the agency of the record it repeats, whose first draw is its agency.
    const earlierAgency = table.draw(new Rng(hashSeed(seed, earlier, STREAM_RECORD)));
    for (let tries = 0; tries < 3 && recordedBy === earlierAgency; tries++) recordedBy = table.draw(rng);
  }
  const script = scriptFor(rng, recordedBy, core.citizenship);
  const scheme = script === 'passport_latn' && core.citizenship === 'RU' ? RU_PASSPORT_SCHEME.draw(rng) : 'icao';
  const apostrophe = script === 'uz_latn' ? rng.pick(UZBEK_APOSTROPHES) : '\u02BB';
  const alphabet = core.bank.alphabet;
  const firstName = writeName(rng, core.name.firstName, alphabet, script, scheme, apostrophe, typoRate);
  const secondName = writeName(rng, core.name.secondName, alphabet, script, scheme, apostrophe, typoRate);
  // Passport-based and Latin-script records drop the patronymic half the time (no field for it).
  const keepMiddle = script === 'passport_latn' || script === 'kk_latn' ? rng.chance(0.5) : rng.chance(0.9);
  const native = core.name.middleName;
  const middleName = native !== null && keepMiddle ? writeName(rng, native, alphabet, script, scheme, apostrophe, typoRate) : null;

  let identityDocumentType: SyntheticPerson['identityDocumentType'] = null;
  let identityNumber: string | null = null;
  const u = rng.next();
  const national = core.nationalId;
  // Passport-based agencies copy the passport; others mostly the national number (a Kazakh
  // ID card carries the IIN); foreigners show their passport or nothing.
  let document: 'passport' | 'national' | null = null;
  if (script === 'passport_latn') document = u < 0.85 ? 'passport' : null;
  else if (core.citizenship === 'KZ') document = u < 0.85 ? 'national' : null;
  else if (national !== null && u < 0.4) document = 'national';
  else if (u < 0.7) document = 'passport';
  if (document === 'passport') {
    identityDocumentType = 'passport';
    identityNumber = core.passport;
  } else if (document === 'national' && national !== null) {
    identityDocumentType = national.type;
    identityNumber = national.number;
  }
  const mobilePhone = core.phone !== null && rng.chance(0.6) ? core.phone : null;
  const regionCode = rng.chance(0.85) ? core.region : RESIDENT_REGION.draw(rng);

  return {
    index,
    firstName,
    secondName,
    middleName,
    birthdate: formatDate(core.birth),
    gender: core.female ? 'Feminine' : 'Masculine',
    citizenship: core.citizenship,
    regionCode,
    script,
    recordedBy,
    exploitationTypes: core.exploitationTypes, // fresh per record: corePerson builds a new array
    identityDocumentType,
    identityNumber,
    mobilePhone,
    canonicalKey: `syn-${seed}-${root}`,
  };
}

function checkRate(name: string, value: number): number {
  if (!(value >= 0 && value <= 1)) throw new RangeError(`${name} must be within [0, 1], got ${value}`);
  return value;
}

/**
 * The synthetic record at `index`, without generating any other record.
 * `generatePersons` yields exactly these for consecutive indices.
 */
export function syntheticPersonAt(seed: number, index: number, duplicateRate = 0.05, typoRate = 0.03): SyntheticPerson {
  if (!Number.isSafeInteger(index) || index < 0) throw new RangeError(`index must be a non-negative integer, got ${index}`);
  checkRate('duplicateRate', duplicateRate);
  checkRate('typoRate', typoRate);
  const earlier = duplicateOf(seed, index, duplicateRate);
  const root = earlier === null ? index : rootOf(seed, earlier, duplicateRate);
  return renderRecord(seed, index, root, earlier, corePerson(seed, root), typoRate);
}

/**
 * Streams `count` synthetic records starting at index `start` (default 0). Deterministic in
 * (seed, index): a slice equals the matching part of a full run. About `duplicateRate` of
 * records (default 0.05) re-record an earlier person, sharing its `canonicalKey`; each name
 * part carries a typo with probability `typoRate` (default 0.03).
 */
export function* generatePersons(options: GeneratePersonsOptions): Generator<SyntheticPerson> {
  const { seed, count, start = 0, duplicateRate = 0.05, typoRate = 0.03 } = options;
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  if (!Number.isSafeInteger(start) || start < 0) throw new RangeError(`start must be a non-negative integer, got ${start}`);
  checkRate('duplicateRate', duplicateRate);
  checkRate('typoRate', typoRate);
  for (let i = start; i < start + count; i++) yield syntheticPersonAt(seed, i, duplicateRate, typoRate);
}
