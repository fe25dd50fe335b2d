/**
 * What the model may not decide alone (issue #12). Fellegi–Sunter adds evidence field by field,
 * so a crowd of weak agreements (a common name, the same sex, the same citizenship) can outscore
 * a missing birth date or one clear contradiction. Two rules sit above the score:
 *
 * - **Evidence**: a pair is called the same person automatically only when at least two
 *   independent identifiers agree: the name (given or family, counted once: namesakes share a
 *   whole name), the birth date within a typo, the document number within a typo, the contact.
 *   Missing is not agreement, so a name alone, however rare or similar, never links.
 * - **Conflicts**: full birth dates that differ beyond a typo or a day/month swap, different
 *   sex, different document numbers of one kind beyond a typo, a clear family-name
 *   disagreement, or a different patronymic (another father: namesakes born on one day differ there). Records are kept together despite one such contradiction only when two other
 *   identifiers agree firmly (the same identity document and the same name outweigh a
 *   mistyped birth date: clerks mistype dates, documents identify); two contradictions, or one
 *   without that support, make the pair incompatible. A married name or an alias is for a
 *   person to confirm, not for the model to assume: such pairs go to review and never share an
 *   automatic cluster (see `clusters.ts`).
 */
import { levelIndexAt, PATTERN_COUNT } from './comparison.ts';

/** The identifiers, and when a pattern counts each as agreeing (level indices, see FIELD_LEVELS). */
const AGREES = {
  name: (p: number) => levelIndexAt(p, 'given') <= 1 || levelIndexAt(p, 'family') <= 1,
  birth: (p: number) => levelIndexAt(p, 'birthDate') <= 1,
  document: (p: number) => levelIndexAt(p, 'document') <= 1,
  contact: (p: number) => levelIndexAt(p, 'contact') <= 1,
} as const;
type Identifier = keyof typeof AGREES;

/**
 * Agreement firm enough to outweigh a contradiction: no typo's allowance for a birth date (a
 * date one digit away is one of some thirty neighbours; a document number one digit away is
 * one of a few dozen among millions, so it still counts).
 */
const FIRMLY: Record<Identifier, (p: number) => boolean> = {
  ...AGREES,
  birth: (p) => levelIndexAt(p, 'birthDate') <= 1,
};

/** The contradictions, and which identifier each one discredits (its agreement cannot support itself). */
const CONTRADICTIONS: readonly { is: (p: number) => boolean; of: Identifier | null }[] = [
  { is: (p) => levelIndexAt(p, 'family') === 3, of: 'name' },
  { is: (p) => levelIndexAt(p, 'patronymic') === 2, of: 'name' },
  { is: (p) => levelIndexAt(p, 'birthDate') === 4, of: 'birth' },
  { is: (p) => levelIndexAt(p, 'document') === 2, of: 'document' },
  { is: (p) => levelIndexAt(p, 'sex') === 1, of: null },
];

const IDENTIFIERS = Object.keys(AGREES) as Identifier[];

/** The minimum number of agreeing identifying fields for an automatic 'same'. */
export const MIN_EVIDENCE_FIELDS = 2;

/** How many identifiers of a pattern agree: name, birth date, document, contact. */
export function evidenceCount(pattern: number): number {
  return IDENTIFIERS.filter((id) => AGREES[id](pattern)).length;
}

/** Whether a pattern's contradictions rule out one person without a human (see the module comment). */
export function isConflict(pattern: number): boolean {
  const found = CONTRADICTIONS.filter((c) => c.is(pattern));
  if (found.length === 0) return false;
  if (found.length > 1) return true;
  const discredited = found[0]?.of;
  const support = IDENTIFIERS.filter((id) => id !== discredited && FIRMLY[id](pattern)).length;
  return support < 2;
}

let table: Uint8Array | null = null;
let conflicts: Uint8Array | null = null;

function tables(): { may: Uint8Array; conflict: Uint8Array } {
  if (table === null || conflicts === null) {
    table = new Uint8Array(PATTERN_COUNT);
    conflicts = new Uint8Array(PATTERN_COUNT);
    for (let p = 0; p < PATTERN_COUNT; p++) {
      conflicts[p] = isConflict(p) ? 1 : 0;
      table[p] = conflicts[p] === 0 && evidenceCount(p) >= MIN_EVIDENCE_FIELDS ? 1 : 0;
    }
  }
  return { may: table, conflict: conflicts };
}

/** `isConflict` by table look-up (the clustering hot path). */
export function conflictAt(pattern: number): boolean {
  return tables().conflict[pattern % PATTERN_COUNT] === 1;
}

/** Whether the model may call a pair with this pattern the same person without a human: enough evidence, no conflict. */
export function mayLinkAutomatically(pattern: number): boolean {
  return tables().may[pattern % PATTERN_COUNT] === 1;
}

/**
 * Why a pair the score alone would call the same person is left to a person: 'conflict' (a
 * contradiction not outweighed), 'evidence' (fewer than two identifiers agree), or null (the
 * model may decide). 'cluster' is the third reason, given by clustering (`clusters.ts`).
 */
export type ReviewReason = 'evidence' | 'conflict' | 'cluster';

export function reviewReasonOf(pattern: number): Exclude<ReviewReason, 'cluster'> | null {
  if (conflictAt(pattern)) return 'conflict';
  return evidenceCount(pattern) < MIN_EVIDENCE_FIELDS ? 'evidence' : null;
}
