import type { Role } from '../../access/roles.ts';

/**
 * The stages of a criminal case (issue #11 item 1; DOMAIN.md §2.5), from its registration in the
 * Unified Register of Pre-trial Investigations (ERDR) to the final judgement. One table read by
 * the server's check, by `allowedStages` in the case view, by the web's buttons and by the
 * access-matrix test.
 *
 * Who enters a stage is the role that owns that step of the procedure: the pre-trial stages are
 * the investigator's and the supervising prosecutor's; sending the case to court is the
 * prosecutor's alone (the prosecutor approves the indictment, Code of Criminal Procedure [P]);
 * what the court decides is entered by the judge's clerk.
 */
export const CRIMINAL_STAGES = [
  'registered',
  'investigation',
  'suspended',
  'terminated',
  'sent_to_court',
  'first_instance_verdict',
  'appeal',
  'final',
] as const;
export type CriminalStage = (typeof CRIMINAL_STAGES)[number];

/** The stages that end the proceedings: nothing moves after them. */
export const CLOSED_STAGES: readonly CriminalStage[] = ['final', 'terminated'];

/** Why pre-trial proceedings are suspended (the case is resumed later) [P]. */
export const SUSPENSION_REASONS = ['suspect_not_identified', 'suspect_absconded', 'suspect_ill', 'suspect_abroad', 'other'] as const;
/** Why a case is terminated without a verdict [P]. */
export const TERMINATION_REASONS = [
  'no_corpus_delicti',
  'no_event_of_crime',
  'insufficient_evidence',
  'statute_of_limitations',
  'death_of_suspect',
  'amnesty',
  'reconciliation',
  'other',
] as const;
export type SuspensionReason = (typeof SUSPENSION_REASONS)[number];
export type TerminationReason = (typeof TERMINATION_REASONS)[number];

const PRETRIAL: readonly Role[] = ['investigator', 'prosecutor'];
const COURT: readonly Role[] = ['court_clerk'];

export interface StageRule {
  /** The stages this one may be entered from. */
  from: readonly CriminalStage[];
  /** The roles that enter it. */
  by: readonly Role[];
  /** Which reason list a move into this stage must name, if any. */
  reasons?: 'suspension' | 'termination';
}

/** Every move a case can make. `registered` is entered only by registration. */
export const STAGE_RULES = {
  registered: { from: [], by: PRETRIAL },
  investigation: { from: ['registered', 'suspended'], by: PRETRIAL },
  suspended: { from: ['registered', 'investigation'], by: PRETRIAL, reasons: 'suspension' },
  // Pre-trial, the investigator or prosecutor terminates; once in court, the court does.
  terminated: { from: ['registered', 'investigation', 'suspended', 'sent_to_court'], by: [...PRETRIAL, ...COURT], reasons: 'termination' },
  sent_to_court: { from: ['investigation', 'appeal'], by: ['prosecutor', ...COURT] },
  first_instance_verdict: { from: ['sent_to_court'], by: COURT },
  appeal: { from: ['first_instance_verdict'], by: COURT },
  // A first-instance verdict not appealed becomes final; so does the appeal's decision.
  final: { from: ['first_instance_verdict', 'appeal'], by: COURT },
} as const satisfies Record<CriminalStage, StageRule>;

/** Whether the procedure allows the move at all (regardless of who asks). */
export function canMoveStage(from: CriminalStage, to: CriminalStage): boolean {
  return (STAGE_RULES[to].from as readonly CriminalStage[]).includes(from);
}

/** Whether the role enters this stage. */
export function roleEntersStage(role: Role, to: CriminalStage): boolean {
  return (STAGE_RULES[to].by as readonly Role[]).includes(role);
}

/** The stages this role may move the case into now. */
export function allowedStages(role: Role, from: CriminalStage): CriminalStage[] {
  return CRIMINAL_STAGES.filter((to) => canMoveStage(from, to) && roleEntersStage(role, to));
}

export const isClosedStage = (stage: CriminalStage): boolean => CLOSED_STAGES.includes(stage);

/**
 * A field-level problem with a stage move, in the order the server answers. `forbidden`: the
 * role does not enter that stage; `invalid_transition`: not from here; then the reason and the
 * date: a stage is dated on or after the previous stage (a verdict cannot precede the
 * registration) and never in the future.
 */
export type StageIssue =
  | { code: 'forbidden' }
  | { code: 'invalid_transition' }
  | { code: 'reason_required'; field: 'reason' }
  | { code: 'invalid_reason'; field: 'reason' }
  | { code: 'date_before_previous_stage'; field: 'on'; previousOn: string }
  | { code: 'date_in_future'; field: 'on' };

export interface StageMove {
  to: CriminalStage;
  /** The civil date (YYYY-MM-DD) the stage was entered. */
  on: string;
  reason?: string;
}

export interface StageFacts {
  stage: CriminalStage;
  /** The date the current stage was entered. */
  stageOn: string;
}

export function stageMoveIssue(role: Role, facts: StageFacts, move: StageMove, today: string): StageIssue | null {
  if (!roleEntersStage(role, move.to)) return { code: 'forbidden' };
  if (!canMoveStage(facts.stage, move.to)) return { code: 'invalid_transition' };
  const reasons = reasonList(move.to);
  if (reasons && !move.reason) return { code: 'reason_required', field: 'reason' };
  if (reasons && !reasons.includes(move.reason as string)) return { code: 'invalid_reason', field: 'reason' };
  if (!reasons && move.reason !== undefined) return { code: 'invalid_reason', field: 'reason' };
  if (move.on < facts.stageOn) return { code: 'date_before_previous_stage', field: 'on', previousOn: facts.stageOn };
  if (move.on > today) return { code: 'date_in_future', field: 'on' };
  return null;
}

/** The reason codes a move into `to` must name, or null when it takes none. */
export function reasonList(to: CriminalStage): readonly string[] | null {
  const r = (STAGE_RULES[to] as StageRule).reasons;
  if (r === 'suspension') return SUSPENSION_REASONS;
  if (r === 'termination') return TERMINATION_REASONS;
  return null;
}

/**
 * Whether the proceedings are still open for a victim's entitlements (DOMAIN.md §2.4: the
 * reflection period is "extendable until court proceedings are finalised"). A suspended case is
 * still open: it can resume. A terminated case is over on its termination date.
 */
export const proceedingsOpen = (stage: CriminalStage): boolean => !isClosedStage(stage);

/**
 * The pre-trial investigation's term [P]: two months from registration (Code of Criminal
 * Procedure of Kazakhstan, Art. 192, as summarised; extensions are recorded by the prosecutor).
 * Kept here, not in a constant of the queue, so the deadline and its check agree.
 */
export const PRETRIAL_TERM_MONTHS = 2;

/**
 * A victim's proceedings for her entitlements, from every criminal case she is linked to: open
 * while any of them is; once all have ended, final on the last day one ended (the reflection
 * period runs to the final judgement, DOMAIN.md §2.4). Null when she is in no case.
 */
export function proceedingsFactsOf(cases: readonly { stage: CriminalStage; endedOn: string | null }[]): { open: boolean; finalOn?: string } | null {
  if (!cases.length) return null;
  if (cases.some((c) => proceedingsOpen(c.stage))) return { open: true };
  const last = cases
    .map((c) => c.endedOn)
    .filter((d): d is string => d !== null)
    .sort()
    .at(-1);
  return last ? { open: false, finalOn: last } : { open: false };
}
