import { AGENCY_TYPES, type AgencyType } from '../../access/roles.ts';
import { EXPLOITATION_TYPES } from '../../reference/htcds.ts';

/**
 * The categories national statistics count in (issue #13, DOMAIN.md §6). Every breakdown is
 * exclusive, so its parts add up to its total: that is what lets the disclosure check reason
 * about totals and differences (suppression.ts), and what a reader of a table expects.
 */

/**
 * Form of exploitation: each HTCDS form, `Multiple` for a person exploited in more than one
 * (she counts once, under `Multiple`, never in two rows) and `Unknown` when none was recorded.
 */
export const FORM_CATEGORIES = [...EXPLOITATION_TYPES, 'Multiple', 'Unknown'] as const;
export type FormCategory = (typeof FORM_CATEGORIES)[number];

/** HTCDS genders grouped as published tables group them (GLOTIP: female, male). */
export const SEX_CATEGORIES = ['female', 'male', 'other', 'unknown'] as const;
export type SexCategory = (typeof SEX_CATEGORIES)[number];

/** A child is under 18 in the year she was identified (only the birth year is held in clear). */
export const AGE_GROUPS = ['child', 'adult', 'unknown'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

/** Kazakhstani citizens and foreign nationals (stateless persons and unknown citizenship are foreign here). */
export const CITIZEN_GROUPS = ['citizen', 'foreign'] as const;
export type CitizenGroup = (typeof CITIZEN_GROUPS)[number];

export { AGENCY_TYPES, type AgencyType };

const SEX_OF: Record<string, SexCategory> = {
  Feminine: 'female',
  Masculine: 'male',
  TransgenderFeminine: 'other',
  TransgenderMasculine: 'other',
  NonConforming: 'other',
};

export const sexCategoryOf = (gender: string | null | undefined): SexCategory => (gender ? (SEX_OF[gender] ?? 'unknown') : 'unknown');

export const citizenGroupOf = (citizenship: string | null | undefined): CitizenGroup => (citizenship === 'KZ' ? 'citizen' : 'foreign');

/** The form a person counts under: her one form, `Multiple`, or `Unknown`. */
export function formCategoryOf(forms: readonly string[] | null | undefined): FormCategory {
  const distinct = [...new Set(forms ?? [])].filter((f) => (EXPLOITATION_TYPES as readonly string[]).includes(f));
  if (distinct.length === 0) return 'Unknown';
  if (distinct.length > 1) return 'Multiple';
  return distinct[0] as FormCategory;
}

/**
 * Child or adult in the year of identification. Only the birth year is held in clear, so the
 * rule is "turns at most 17 in that year": she was a child all that year. A person who turns 18
 * in the year of identification counts as an adult even if identified before her birthday, so
 * the child figure never overstates (stated in the counting rules beside the figure).
 */
export function ageGroupOf(birthYear: number | null | undefined, year: number): AgeGroup {
  if (birthYear == null || birthYear > year) return 'unknown';
  return year - birthYear <= 17 ? 'child' : 'adult';
}
