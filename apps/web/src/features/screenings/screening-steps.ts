/**
 * The screening form in steps (issue #9: one long page was about 4,900 px on a phone). A pure
 * model: which step holds which field, which required fields a step still lacks, and where an
 * error sends the user. The page (ScreeningNewPage) and its hook (use-screening-steps) read it.
 */

/** In the order of the interview: what happened, who, what was observed, then consent and notes. */
export const SCREENING_STEPS = ['encounter', 'person', 'indicators', 'consent'] as const;
export type ScreeningStep = (typeof SCREENING_STEPS)[number];
export const LAST_STEP = SCREENING_STEPS.length - 1;

/** Body paths (as `missingFields` and the server's field errors name them) per step. */
const FIELDS: Record<ScreeningStep, readonly string[]> = {
  encounter: ['clientId', 'encounterDate', 'regionCode', 'setting', 'language', 'interpreterUsed'],
  person: ['ageYears', 'gender', 'citizenship', 'exploitationTypes'],
  indicators: ['observed'],
  consent: ['consent', 'person', 'existingPersonId', 'narrative'],
};

/**
 * The step (index) that shows a field. `person.firstName` is the identity on the consent step;
 * a path no step names (an error the form cannot place) goes to the last step, where the
 * submit button and the general error are.
 */
export function stepOfField(path: string): number {
  const head = path.split('.')[0] ?? path;
  const i = SCREENING_STEPS.findIndex((s) => FIELDS[s].includes(head));
  return i === -1 ? LAST_STEP : i;
}

/** Of the given field paths, those shown on `step`. */
export function fieldsOnStep(step: number, paths: Iterable<string>): string[] {
  return [...paths].filter((p) => stepOfField(p) === step);
}

/** The first step showing any of these fields, or null when there are none. */
export function firstStepWithError(paths: Iterable<string>): number | null {
  let first: number | null = null;
  for (const p of paths) {
    const s = stepOfField(p);
    if (first === null || s < first) first = s;
  }
  return first;
}

/** A stored step made safe: a whole number within the steps (an old draft has none: the first). */
export function clampStep(step: unknown): number {
  if (typeof step !== 'number' || !Number.isInteger(step)) return 0;
  return Math.min(Math.max(step, 0), LAST_STEP);
}

/**
 * Where "next" leads: to the following step when this one lacks nothing, otherwise it stays
 * and names the fields to mark. On the last step "next" is the submit: `submit` is true when
 * nothing is missing anywhere; otherwise it goes to the first step with a missing field.
 */
export function advance(step: number, missing: ReadonlySet<string>): { step: number; blocked: string[]; submit: boolean } {
  const here = fieldsOnStep(step, missing);
  if (here.length > 0) return { step, blocked: here, submit: false };
  if (step < LAST_STEP) return { step: step + 1, blocked: [], submit: false };
  const first = firstStepWithError(missing);
  if (first === null) return { step, blocked: [], submit: true };
  return { step: first, blocked: fieldsOnStep(first, missing), submit: false };
}

/** "Step 2 of 4" as a share of the bar, in percent. */
export const progressOf = (step: number): number => Math.round(((clampStep(step) + 1) / SCREENING_STEPS.length) * 100);
