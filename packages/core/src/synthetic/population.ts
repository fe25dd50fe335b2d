/**
 * The statistical shape of the synthetic caseload: who the people are (citizenship, region,
 * exploitation, sex, age) and which agencies record them in which script. Shares are rough,
 * plausible figures for Kazakhstan's caseload, not official statistics.
 */
import type { AgencyType } from '../access/roles.ts';
import type { ExploitationType } from '../reference/htcds.ts';
import { KZ_REGIONS, type RegionCode } from '../reference/regions.ts';
import type { NameBank } from './name-bank.ts';
import { KAZAKH } from './names-kk.ts';
import { KYRGYZ, RUSSIAN, TAJIK, TURKIC, UZBEK } from './names-other.ts';
import { Weighted, type Rng } from './prng.ts';
import type { RecordScript } from './render.ts';

export type SyntheticCitizenship = 'KZ' | 'UZ' | 'KG' | 'TJ' | 'RU' | 'TM' | 'AZ' | 'UA' | 'BY';

/** KZ 70%, UZ 14%, KG 6%, TJ 4%, RU 3%, others 3%. */
export const CITIZENSHIP = new Weighted<SyntheticCitizenship>([
  ['KZ', 70],
  ['UZ', 14],
  ['KG', 6],
  ['TJ', 4],
  ['RU', 3],
  ['TM', 1],
  ['AZ', 0.8],
  ['UA', 0.7],
  ['BY', 0.5],
]);

/** The naming tradition of a citizen: Kazakhstan's citizens include Russian/Korean names. */
export function nameBankFor(rng: Rng, citizenship: SyntheticCitizenship): NameBank {
  switch (citizenship) {
    case 'KZ':
      return rng.chance(0.86) ? KAZAKH : RUSSIAN;
    case 'UZ':
      return UZBEK;
    case 'KG':
      return rng.chance(0.9) ? KYRGYZ : RUSSIAN;
    case 'TJ':
      return TAJIK;
    case 'TM':
    case 'AZ':
      return TURKIC;
    default:
      return RUSSIAN;
  }
}

/** 2024 population in thousands (rounded), as weights for where a person lives. */
const POPULATION: Readonly<Record<RegionCode, number>> = {
  'KZ-10': 600,
  'KZ-11': 790,
  'KZ-15': 930,
  'KZ-19': 1500,
  'KZ-23': 700,
  'KZ-27': 690,
  'KZ-31': 1210,
  'KZ-33': 700,
  'KZ-35': 1130,
  'KZ-39': 830,
  'KZ-43': 830,
  'KZ-47': 780,
  'KZ-55': 750,
  'KZ-59': 530,
  'KZ-61': 2100,
  'KZ-62': 220,
  'KZ-63': 720,
  'KZ-71': 1420,
  'KZ-75': 2200,
  'KZ-79': 1200,
};
/** Migrants from the south concentrate in the southern regions and the big cities. */
const MIGRANT_HUBS: ReadonlySet<string> = new Set(['KZ-61', 'KZ-79', 'KZ-75', 'KZ-19', 'KZ-31', 'KZ-71']);

export const RESIDENT_REGION = new Weighted<RegionCode>(KZ_REGIONS.map((r) => [r.code, POPULATION[r.code]] as const));
export const MIGRANT_REGION = new Weighted<RegionCode>(KZ_REGIONS.map((r) => [r.code, POPULATION[r.code] * (MIGRANT_HUBS.has(r.code) ? 4 : 1)] as const));

/** The main form of exploitation: forced labour ~55%, sexual ~35%, the rest rare. */
export const PRIMARY_EXPLOITATION = new Weighted<ExploitationType>([
  ['ForcedLabour', 55],
  ['SexualExploitation', 35],
  ['ForcedBegging', 3],
  ['ForcedCriminality', 2],
  ['ForcedMarriage', 2],
  ['Servitude', 1.5],
  ['Other', 1],
  ['OrganRemoval', 0.3],
  ['Surrogacy', 0.2],
]);
const SECONDARY_EXPLOITATION: readonly ExploitationType[] = ['Servitude', 'ForcedCriminality', 'SexualExploitation', 'ForcedLabour'];

/** Probability that the victim is female, by main form of exploitation. */
const FEMALE_SHARE: Readonly<Partial<Record<ExploitationType, number>>> = {
  SexualExploitation: 0.93,
  ForcedMarriage: 0.97,
  Surrogacy: 1,
  ForcedLabour: 0.22,
  ChildLabour: 0.35,
  ForcedBegging: 0.5,
  ForcedCriminality: 0.3,
  Servitude: 0.55,
  OrganRemoval: 0.35,
};
/** Probability that a victim whose main form of exploitation is `t` is female. */
export const femaleShare = (t: ExploitationType): number => FEMALE_SHARE[t] ?? 0.5;

/** Age bands [min, max] of identified victims: some children, mostly young adults. */
export const AGE_BAND = new Weighted<readonly [number, number]>([
  [[12, 17], 9],
  [[18, 24], 25],
  [[25, 34], 32],
  [[35, 44], 20],
  [[45, 54], 10],
  [[55, 60], 4],
]);

/**
 * Exploitation types of one person: the primary one (forced labour of a child is recorded as
 * ChildLabour most of the time) and, for ~8%, a second distinct one.
 */
export function drawExploitation(rng: Rng, age: number): ExploitationType[] {
  let primary = PRIMARY_EXPLOITATION.draw(rng);
  if (age < 18 && primary === 'ForcedLabour' && rng.chance(0.6)) primary = 'ChildLabour';
  if (age < 18 && (primary === 'Surrogacy' || primary === 'OrganRemoval')) primary = 'ForcedBegging';
  const types: ExploitationType[] = [primary];
  if (rng.chance(0.08)) {
    const second = rng.pick(SECONDARY_EXPLOITATION);
    if (second !== primary) types.push(second);
  }
  return types;
}

/** Which agencies record citizens and foreigners (foreigners meet migration and consulates more). */
export const CITIZEN_AGENCY = new Weighted<AgencyType>([
  ['police', 35],
  ['ngo', 14],
  ['shelter', 8],
  ['hotline', 8],
  ['consulate', 7],
  ['labour_inspectorate', 6],
  ['prosecutor', 5],
  ['health', 3],
  ['education', 3],
  ['court', 2],
  ['legal_aid', 2],
  ['migration_service', 2],
]);
export const FOREIGNER_AGENCY = new Weighted<AgencyType>([
  ['police', 30],
  ['migration_service', 20],
  ['ngo', 14],
  ['consulate', 12],
  ['shelter', 8],
  ['labour_inspectorate', 7],
  ['hotline', 5],
  ['prosecutor', 3],
  ['health', 2],
  ['court', 1],
]);

/**
 * The script an agency writes names in: law enforcement and most state bodies in Russian or
 * Kazakh Cyrillic; consulates and the migration service from the passport; NGOs, shelters and
 * hotlines in Kazakh Cyrillic or Kazakh Latin, except that Uzbek citizens at an NGO often
 * meet an Uzbek-speaking worker who writes Uzbek Latin.
 */
export function scriptFor(rng: Rng, agency: AgencyType, citizenship: SyntheticCitizenship): RecordScript {
  switch (agency) {
    case 'consulate':
    case 'migration_service':
      return 'passport_latn';
    case 'ngo':
    case 'shelter':
    case 'hotline':
      if (citizenship === 'UZ' && rng.chance(0.5)) return 'uz_latn';
      return rng.chance(0.5) ? 'kk_cyrl' : 'kk_latn';
    default:
      return rng.chance(0.6) ? 'ru_cyrl' : 'kk_cyrl';
  }
}
