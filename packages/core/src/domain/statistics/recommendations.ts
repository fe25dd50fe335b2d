/**
 * The recommendations tracker (issue #13 item 5): the TIP 2023 prioritized recommendations and
 * national action plan items, each with a status per year and, where the register can measure
 * it, an indicator counted from the data.
 */

export const RECOMMENDATION_SOURCES = ['tip_2023', 'action_plan'] as const;
export type RecommendationSource = (typeof RECOMMENDATION_SOURCES)[number];

/** A status per year; the latest one set for a year is current, earlier ones are its history. */
export const RECOMMENDATION_STATUSES = ['not_started', 'in_progress', 'partly_met', 'met', 'not_applicable'] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

/**
 * What the register can count for a recommendation, per year (persons are unique persons, never
 * records; each counted by the date of its own fact):
 * - `victims_identified`: persons first identified as victims in the year;
 * - `foreign_victims_identified`: of them, foreign nationals (not KZ citizenship);
 * - `labour_victims_identified`: of them, those whose case records a labour form (LABOUR_FORMS);
 * - `labour_trafficking_convictions`: defendants convicted in the year in criminal cases of a labour form;
 * - `trafficking_convictions`: defendants convicted in the year under a trafficking article;
 * - `victims_informed_of_compensation`: persons told of their right to compensation in the year;
 * - `victims_referred_to_care`: persons referred to a provider in the year;
 * - `non_punishment_flags`: cases flagged in the year for the non-punishment principle.
 */
export const RECOMMENDATION_INDICATORS = [
  'victims_identified',
  'foreign_victims_identified',
  'labour_victims_identified',
  'labour_trafficking_convictions',
  'trafficking_convictions',
  'victims_informed_of_compensation',
  'victims_referred_to_care',
  'non_punishment_flags',
] as const;
export type RecommendationIndicator = (typeof RECOMMENDATION_INDICATORS)[number];

/** The forms of exploitation counted as labour trafficking (HTCDS). */
export const LABOUR_FORMS = ['ForcedLabour', 'ChildLabour'] as const;

/** The change of an indicator from the previous year: up, down, same, or unknown without both values. */
export function indicatorTrend(value: number | null, previous: number | null): 'up' | 'down' | 'same' | null {
  if (value === null || previous === null) return null;
  return value > previous ? 'up' : value < previous ? 'down' : 'same';
}
