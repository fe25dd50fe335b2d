import type { FieldIssue } from '../../errors.ts';
import { MAX_AMOUNT_TENGE, type MeasureStatus } from './justice-values.ts';

/**
 * The rules of a victim's part in criminal proceedings (issue #11 item 2; DOMAIN.md §2.5): when
 * she was linked, interviewed, left the country or took a job, and how a protective measure
 * moves. Pure: the server calls them inside the action's transaction and refuses field by field
 * (nothing written), the web shows the same codes under `validation.<code>`.
 */

/** A date after `today` (Kazakhstan's civil date from the server's clock). */
const future = (path: string, date: string, today: string): FieldIssue | null => (date > today ? { path, code: 'date_in_future' } : null);

/** The victim is linked on or after the case was registered, and not in the future. */
export function linkIssues(linkedOn: string, facts: { registeredOn: string; today: string }): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (linkedOn < facts.registeredOn) issues.push({ path: 'linkedOn', code: 'before_case_registered', params: { registeredOn: facts.registeredOn } });
  const f = future('linkedOn', linkedOn, facts.today);
  if (f) issues.push(f);
  return issues;
}

/** A date of her proceedings (an interview, her departure, her job): on or after her link, and not in the future. */
export function victimDateIssue(path: string, date: string, facts: { linkedOn: string; today: string }): FieldIssue | null {
  if (date < facts.linkedOn) return { path, code: 'before_victim_linked', params: { date: facts.linkedOn } };
  return future(path, date, facts.today);
}

export interface InterviewInput {
  heldOn: string;
  videoRecorded: boolean;
  repeatReason?: string | undefined;
}

/**
 * An interview: dated within her proceedings; once her testimony was video-recorded, another
 * interview re-traumatises and needs a reason (DOMAIN.md §2.5: the recording replaces repeated
 * questioning). `videoTestimonyRecorded`: an earlier interview of hers was recorded.
 */
export function interviewIssues(input: InterviewInput, facts: { linkedOn: string; today: string; videoTestimonyRecorded: boolean }): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const d = victimDateIssue('heldOn', input.heldOn, facts);
  if (d) issues.push(d);
  if (facts.videoTestimonyRecorded && !input.repeatReason?.trim()) issues.push({ path: 'repeatReason', code: 'repeat_interview_needs_reason' });
  return issues;
}

/** Whether a new interview would be a repeat after a video-recorded testimony (the web warns). */
export const isRepeatAfterVideo = (interviews: readonly { videoRecorded: boolean }[]): boolean => interviews.some((i) => i.videoRecorded);

export interface VictimUpdate {
  leftCountryOn?: string | null | undefined;
  counselContinues?: boolean | undefined;
  employedSince?: string | null | undefined;
}

/**
 * Her departure and her job: dated within her proceedings; "the case continues under counsel"
 * only when she has left the country. `current`: what is stored, so a partial update is judged
 * on the result.
 */
export function victimUpdateIssues(
  update: VictimUpdate,
  current: { leftCountryOn: string | null; counselContinues: boolean; employedSince: string | null },
  facts: { linkedOn: string; today: string },
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (update.leftCountryOn) {
    const d = victimDateIssue('leftCountryOn', update.leftCountryOn, facts);
    if (d) issues.push(d);
  }
  if (update.employedSince) {
    const d = victimDateIssue('employedSince', update.employedSince, facts);
    if (d) issues.push(d);
  }
  const left = update.leftCountryOn === undefined ? current.leftCountryOn : update.leftCountryOn;
  const counsel = update.counselContinues ?? (update.leftCountryOn === null ? false : current.counselContinues);
  if (counsel && !left) issues.push({ path: 'counselContinues', code: 'counsel_without_departure' });
  return issues;
}

/** How a protective measure moves: requested, then granted or refused; a granted measure ends. */
export const MEASURE_TRANSITIONS = {
  requested: ['granted', 'refused'],
  granted: ['ended'],
  refused: [],
  ended: [],
} as const satisfies Record<MeasureStatus, readonly MeasureStatus[]>;

export type MeasureDecision = 'granted' | 'refused' | 'ended';

export function canMoveMeasure(from: MeasureStatus, to: MeasureStatus): boolean {
  return (MEASURE_TRANSITIONS[from] as readonly MeasureStatus[]).includes(to);
}

/** A cost in whole tenge, not negative, not absurd (MAX_AMOUNT_TENGE). */
export function measureCostIssue(path: string, cost: number): FieldIssue | null {
  if (!Number.isFinite(cost) || cost < 0) return { path, code: 'cost_negative' };
  if (!Number.isInteger(cost)) return { path, code: 'cost_whole_tenge' };
  if (cost > MAX_AMOUNT_TENGE) return { path, code: 'cost_absurd', params: { max: MAX_AMOUNT_TENGE } };
  return null;
}

/** A request for a measure: within her proceedings. */
export function measureRequestIssues(requestedOn: string, facts: { linkedOn: string; today: string }): FieldIssue[] {
  const d = victimDateIssue('requestedOn', requestedOn, facts);
  return d ? [d] : [];
}

/**
 * A decision on a measure: `invalid_transition` (a conflict, not a field) when the status does
 * not allow it; otherwise the field issues: dated on or after the request (and its grant, for
 * an end), not in the future; the cost in whole tenge.
 */
export function measureDecisionIssues(
  decision: { decision: MeasureDecision; on: string; costTenge?: number | undefined },
  measure: { status: MeasureStatus; requestedOn: string; decidedOn: string | null },
  today: string,
): { conflict: 'invalid_transition' } | { issues: FieldIssue[] } {
  if (!canMoveMeasure(measure.status, decision.decision)) return { conflict: 'invalid_transition' };
  const issues: FieldIssue[] = [];
  const after = decision.decision === 'ended' && measure.decidedOn ? measure.decidedOn : measure.requestedOn;
  if (decision.on < after) issues.push({ path: 'on', code: 'before_measure_requested', params: { date: after } });
  const f = future('on', decision.on, today);
  if (f) issues.push(f);
  if (decision.costTenge !== undefined) {
    const c = measureCostIssue('costTenge', decision.costTenge);
    if (c) issues.push(c);
  }
  return { issues };
}
