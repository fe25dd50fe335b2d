/**
 * The columns of the record-level open dataset (open-dataset.ts) and the generalisation
 * hierarchy of each quasi-identifier, from the exact value (level 0) to suppressed (the last
 * level). Codes follow IOM's CTDC k-anonymised dataset where it has one (yearOfRegistration,
 * gender, ageBroad, majorityStatus, citizenship, isForcedLabour, isSexualExploit,
 * isOtherExploit); CTDC has no sub-national column, so `regionOfIdentification` is ours. UI labels
 * come from i18n `openDataset.column.<code>`.
 */
// The browser entry, as in linkage/citizenship.ts: the Node entry loads every locale.
import countries from 'i18n-iso-countries/index.js';
import { isRegionCode, type RegionCode } from '../../reference/regions.ts';

/** A value generalised away entirely. */
export const OPEN_DATASET_SUPPRESSED = '*';
/** A value the register does not know (and that is not a valid code); kept as such until suppressed. */
export const OPEN_DATASET_UNKNOWN = 'Unknown';

export const OPEN_DATASET_GENDERS = ['Feminine', 'Masculine', 'Other', 'Unknown'] as const;
export type OpenDatasetGender = (typeof OPEN_DATASET_GENDERS)[number];

/** CTDC's ageBroad bands, by lowest age. Every band lies wholly on one side of 18, so a band fixes the majority status. */
export const AGE_BROAD_BANDS = [
  { from: 0, label: '0--8' },
  { from: 9, label: '9--17' },
  { from: 18, label: '18--20' },
  { from: 21, label: '21--23' },
  { from: 24, label: '24--26' },
  { from: 27, label: '27--29' },
  { from: 30, label: '30--38' },
  { from: 39, label: '39--47' },
  { from: 48, label: '48+' },
] as const;
export const MAJORITY_STATUSES = ['Adult', 'Minor', 'Unknown'] as const;

/** Years are grouped into periods of three, counted from 2000 (2000--2002, …, 2024--2026), so a period never depends on the data. */
export const YEAR_PERIOD_START = 2000;
export const YEAR_PERIOD_LENGTH = 3;

/**
 * Citizenship's world regions: the countries Kazakhstan sees, grouped roughly by UN M49 (Iran and
 * Afghanistan in Southern Asia; Eastern Europe plus the South Caucasus). Kazakhstan keeps its own
 * group so that the next level (citizen or foreign) generalises this one; any other country is `Other`.
 */
export const CITIZENSHIP_REGIONS = {
  CentralAsia: ['UZ', 'KG', 'TJ', 'TM'],
  CisEasternEurope: ['RU', 'UA', 'BY', 'MD', 'AZ', 'AM', 'GE', 'PL', 'RO', 'BG', 'HU', 'CZ', 'SK'],
  SouthAsia: ['AF', 'PK', 'IN', 'BD', 'NP', 'LK', 'IR'],
  EastAsia: ['CN', 'MN', 'KR', 'KP', 'JP'],
} as const satisfies Record<string, readonly string[]>;
export const OWN_CITIZENSHIP = 'KZ';
export const FOREIGN_CITIZENSHIP = 'Foreign';
export const OTHER_CITIZENSHIP_REGION = 'Other';

/**
 * Kazakhstan's 20 regions in five macro-regions. Astana joins Karaganda and Ulytau in the centre;
 * Pavlodar is counted North, Kyzylorda South (both are placed otherwise in some groupings).
 */
export const KZ_MACRO_REGIONS = {
  North: ['KZ-11', 'KZ-39', 'KZ-55', 'KZ-59'],
  Central: ['KZ-35', 'KZ-62', 'KZ-71'],
  East: ['KZ-10', 'KZ-63'],
  South: ['KZ-19', 'KZ-31', 'KZ-33', 'KZ-43', 'KZ-61', 'KZ-75', 'KZ-79'],
  West: ['KZ-15', 'KZ-23', 'KZ-27', 'KZ-47'],
} as const satisfies Record<string, readonly RegionCode[]>;

/** The generalised quasi-identifiers and the name of each of their levels, exact first. */
export const GENERALISATION_HIERARCHIES = {
  gender: ['gender', 'suppressed'],
  age: ['ageBroad', 'majorityStatus', 'suppressed'],
  year: ['year', 'period', 'suppressed'],
  citizenship: ['country', 'worldRegion', 'citizenOrForeign', 'suppressed'],
  region: ['region', 'macroRegion', 'suppressed'],
} as const;
export type GeneralisedAttribute = keyof typeof GENERALISATION_HIERARCHIES;
/** The attributes in the order of the lattice search's tie-break (open-dataset.ts). */
export const GENERALISED_ATTRIBUTES = ['gender', 'age', 'year', 'citizenship', 'region'] as const satisfies readonly GeneralisedAttribute[];
export type GeneralisationLevels = Record<GeneralisedAttribute, number>;

export interface OpenDatasetRow {
  yearOfRegistration: string;
  gender: string;
  ageBroad: string;
  majorityStatus: string;
  citizenship: string;
  regionOfIdentification: string;
  isForcedLabour: 0 | 1;
  isSexualExploit: 0 | 1;
  isOtherExploit: 0 | 1;
}
export type OpenDatasetColumnCode = keyof OpenDatasetRow;

const S = OPEN_DATASET_SUPPRESSED;
const U = OPEN_DATASET_UNKNOWN;
const at = <T>(ladder: readonly T[], level: number): T => ladder[Math.min(level, ladder.length - 1)] as T;

export function ageBroadOf(age: number | null): string {
  if (age === null || !Number.isFinite(age) || age < 0) return U;
  return AGE_BROAD_BANDS.findLast((b) => Math.floor(age) >= b.from)?.label ?? U;
}

export function majorityStatusOf(age: number | null): (typeof MAJORITY_STATUSES)[number] {
  if (age === null || !Number.isFinite(age) || age < 0) return 'Unknown';
  return age < 18 ? 'Minor' : 'Adult';
}

/** [ageBroad, majorityStatus] at a level: the band (with its majority), the majority alone, nothing. */
export function ageColumnsAt(age: number | null, level: number): [string, string] {
  return at<[string, string]>(
    [
      [ageBroadOf(age), majorityStatusOf(age)],
      [S, majorityStatusOf(age)],
      [S, S],
    ],
    level,
  );
}

export function yearAt(year: number, level: number): string {
  // A year that is not a whole four-digit year is a bug upstream; publishing it would be worse.
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`yearOfRegistration must be a whole year, got ${year}`);
  const start = YEAR_PERIOD_START + YEAR_PERIOD_LENGTH * Math.floor((year - YEAR_PERIOD_START) / YEAR_PERIOD_LENGTH);
  return at([String(year), `${start}--${start + YEAR_PERIOD_LENGTH - 1}`, S], level);
}

/** The alpha-2 code, or null when it is missing or no ISO 3166-1 country (a code we cannot name is not published). */
export function citizenshipCode(citizenship: string | null): string | null {
  const code = citizenship?.trim().toUpperCase() ?? '';
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code) ? code : null;
}

export function citizenshipRegionOf(code: string): string {
  if (code === OWN_CITIZENSHIP) return OWN_CITIZENSHIP;
  const found = Object.entries(CITIZENSHIP_REGIONS).find(([, members]) => (members as readonly string[]).includes(code));
  return found?.[0] ?? OTHER_CITIZENSHIP_REGION;
}

export function citizenshipAt(citizenship: string | null, level: number): string {
  const code = citizenshipCode(citizenship);
  if (code === null) return level >= 3 ? S : U;
  return at([code, citizenshipRegionOf(code), code === OWN_CITIZENSHIP ? OWN_CITIZENSHIP : FOREIGN_CITIZENSHIP, S], level);
}

export function macroRegionOf(code: RegionCode): string {
  return Object.entries(KZ_MACRO_REGIONS).find(([, members]) => (members as readonly string[]).includes(code))?.[0] ?? U;
}

export function regionAt(regionCode: string | null, level: number): string {
  if (regionCode === null || !isRegionCode(regionCode)) return level >= 2 ? S : U;
  return at([regionCode, macroRegionOf(regionCode), S], level);
}

export function genderAt(gender: string, level: number): string {
  const known = (OPEN_DATASET_GENDERS as readonly string[]).includes(gender) ? gender : U;
  return at([known, S], level);
}

/** CTDC's three flags: forced labour, sexual exploitation, and any other form (HTCDS value names). */
export function exploitationFlags(exploitation: readonly string[]): Pick<OpenDatasetRow, 'isForcedLabour' | 'isSexualExploit' | 'isOtherExploit'> {
  return {
    isForcedLabour: exploitation.includes('ForcedLabour') ? 1 : 0,
    isSexualExploit: exploitation.includes('SexualExploitation') ? 1 : 0,
    isOtherExploit: exploitation.some((e) => e !== 'ForcedLabour' && e !== 'SexualExploitation') ? 1 : 0,
  };
}

export interface OpenDatasetColumn {
  column: OpenDatasetColumnCode;
  type: 'year' | 'category' | 'flag';
  /** Whether a reader could link it with outside knowledge: k-anonymity is counted over these. */
  quasiIdentifier: boolean;
  /** Every value the column may hold, generalised ones included; null when `pattern` says it instead. */
  allowedValues: readonly (string | number)[] | null;
  /** For yearOfRegistration: a year, a period "YYYY--YYYY" or suppressed. */
  pattern?: string;
}

const FLAG = { type: 'flag', quasiIdentifier: true, allowedValues: [0, 1] } as const;

/** The data dictionary, in the published column order. */
export const OPEN_DATASET_COLUMNS: readonly OpenDatasetColumn[] = [
  { column: 'yearOfRegistration', type: 'year', quasiIdentifier: true, allowedValues: null, pattern: '^(\\d{4}|\\d{4}--\\d{4}|\\*)$' },
  { column: 'gender', type: 'category', quasiIdentifier: true, allowedValues: [...OPEN_DATASET_GENDERS, S] },
  { column: 'ageBroad', type: 'category', quasiIdentifier: true, allowedValues: [...AGE_BROAD_BANDS.map((b) => b.label), U, S] },
  { column: 'majorityStatus', type: 'category', quasiIdentifier: true, allowedValues: [...MAJORITY_STATUSES, S] },
  {
    column: 'citizenship',
    type: 'category',
    quasiIdentifier: true,
    allowedValues: [
      ...Object.keys(countries.getAlpha2Codes()).sort(),
      ...Object.keys(CITIZENSHIP_REGIONS),
      OTHER_CITIZENSHIP_REGION,
      FOREIGN_CITIZENSHIP,
      U,
      S,
    ],
  },
  {
    column: 'regionOfIdentification',
    type: 'category',
    quasiIdentifier: true,
    allowedValues: [...Object.values(KZ_MACRO_REGIONS).flat().sort(), ...Object.keys(KZ_MACRO_REGIONS), U, S],
  },
  { column: 'isForcedLabour', ...FLAG },
  { column: 'isSexualExploit', ...FLAG },
  { column: 'isOtherExploit', ...FLAG },
];

export const OPEN_DATASET_QI_COLUMNS: readonly OpenDatasetColumnCode[] = OPEN_DATASET_COLUMNS.filter((c) => c.quasiIdentifier).map((c) => c.column);

export function isAllowedOpenDatasetValue(column: OpenDatasetColumn, value: unknown): boolean {
  if (column.pattern !== undefined) return typeof value === 'string' && new RegExp(column.pattern).test(value);
  return (column.allowedValues ?? []).includes(value as string | number);
}
