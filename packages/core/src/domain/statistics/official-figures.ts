/**
 * Official figures of years before the register (issue #13 item 7): aggregates the government
 * published, entered by the coordinator or imported from CSV, each with its source. Comparisons
 * and trends use them for a year the register does not cover, and always mark them `official`.
 * A breakdown is one dimension and one category of the statistics categories (categories.ts).
 */
export const OFFICIAL_FIGURE_KEYS = [
  /** Victims identified (persons); breakdowns: form, citizenGroup, sex, ageGroup. */
  'victims_identified',
  /** Government funding of trafficking shelters, tenge; and how many shelters it funded. */
  'shelter_funding_tenge',
  'shelters_funded',
  /** Victim-witness (Protection of Participants of Criminal Proceedings) programme spending, tenge. */
  'victim_witness_tenge',
  'investigations',
  'prosecutions',
  'convictions',
] as const;
export type OfficialFigureKey = (typeof OFFICIAL_FIGURE_KEYS)[number];

/** The dimensions an official figure may be broken down by (only victims are). */
export const OFFICIAL_BREAKDOWNS: Record<OfficialFigureKey, readonly string[]> = {
  victims_identified: ['form', 'citizenGroup', 'sex', 'ageGroup'],
  shelter_funding_tenge: [],
  shelters_funded: [],
  victim_witness_tenge: [],
  investigations: [],
  prosecutions: [],
  convictions: [],
};
