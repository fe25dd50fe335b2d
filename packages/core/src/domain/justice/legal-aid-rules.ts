import type { FieldIssue } from '../../errors.ts';
import { fromDayNumber, toDayNumber } from '../calendar/civil-date.ts';
import { LAWYER_FUNDING, type LawyerFunding } from './justice-values.ts';

/**
 * The rules of legal aid (issue #11 item 5), pure and on civil dates (`YYYY-MM-DD`, Kazakhstan's
 * day from the server's clock): a lawyer's assignment to a victim and the services she delivers
 * under it. Each rule answers field-level issues (codes under `validation.`), never throws.
 */

/** The most hours one service on one day can take: a day. */
export const MAX_SERVICE_HOURS = 24;

/** No service for this many days: the lawyer's client is due a contact (the `my_clients` queue). */
export const LEGAL_AID_QUIET_DAYS = 30;
/** A new assignment with no service yet is due after this many days. */
export const LEGAL_AID_FIRST_SERVICE_DAYS = 7;

/** An assignment as the rules see it: `endedOn` null while it is open. */
export interface AssignmentSpan {
  assignedOn: string;
  endedOn: string | null;
}

const issue = (path: string, code: string, params?: Record<string, string | number>): FieldIssue => (params ? { path, code, params } : { path, code });

/** The assignment date: not after today. */
export function assignmentIssues(assignedOn: string, today: string): FieldIssue[] {
  return assignedOn > today ? [issue('assignedOn', 'date_in_future')] : [];
}

/** The end date: not before the assignment, not after today. */
export function endIssues(span: AssignmentSpan, endedOn: string, today: string): FieldIssue[] {
  if (endedOn > today) return [issue('endedOn', 'date_in_future')];
  if (endedOn < span.assignedOn) return [issue('endedOn', 'ended_before_assigned', { date: span.assignedOn })];
  return [];
}

/** A service date within the assignment (from its first day to its end, if ended), not after today. */
export function serviceDateIssues(span: AssignmentSpan, deliveredOn: string, today: string): FieldIssue[] {
  if (deliveredOn > today) return [issue('deliveredOn', 'date_in_future')];
  if (deliveredOn < span.assignedOn) return [issue('deliveredOn', 'before_assignment', { date: span.assignedOn })];
  if (span.endedOn !== null && deliveredOn > span.endedOn) return [issue('deliveredOn', 'after_assignment_ended', { date: span.endedOn })];
  return [];
}

/** Hours of a service: more than 0, at most a day, at most two decimals (quarter hours, 0.1 h). */
export function hoursIssues(hours: number | null | undefined): FieldIssue[] {
  if (hours === null || hours === undefined) return [];
  if (!Number.isFinite(hours) || hours <= 0) return [issue('hours', 'hours_positive')];
  if (hours > MAX_SERVICE_HOURS) return [issue('hours', 'hours_too_many', { max: MAX_SERVICE_HOURS })];
  if (Math.abs(Math.round(hours * 100) - hours * 100) > 1e-6) return [issue('hours', 'hours_precision')];
  return [];
}

export function isLawyerFunding(value: string): value is LawyerFunding {
  return (LAWYER_FUNDING as readonly string[]).includes(value);
}

/** The funding of an assignment: one of LAWYER_FUNDING. */
export function fundingIssues(funding: string): FieldIssue[] {
  return isLawyerFunding(funding) ? [] : [issue('funding', 'invalid_value')];
}

/** Hours summed in hundredths, so that 0.1 + 0.2 adds up to 0.3 and not 0.30000000000000004. */
export function totalHours(hours: readonly (number | null)[]): number {
  return hours.reduce<number>((sum, h) => sum + (h === null ? 0 : Math.round(h * 100)), 0) / 100;
}

/**
 * Whether the lawyer's client is due a contact (the `my_clients` queue): no service for more
 * than LEGAL_AID_QUIET_DAYS days, or none at all more than LEGAL_AID_FIRST_SERVICE_DAYS days
 * after the assignment. The server's query compares with `clientDueThresholds` (the same rule).
 */
export function clientUrgency(span: { assignedOn: string; lastServiceOn: string | null }, today: string): 'due_soon' | 'waiting' {
  const t = clientDueThresholds(today);
  const due = span.lastServiceOn === null ? span.assignedOn < t.firstServiceBefore : span.lastServiceOn < t.lastServiceBefore;
  return due ? 'due_soon' : 'waiting';
}

/** The dates the rule compares with: a client is due when her last service (or her assignment, if none) is before them. */
export function clientDueThresholds(today: string): { lastServiceBefore: string; firstServiceBefore: string } {
  const n = toDayNumber(today);
  return { lastServiceBefore: fromDayNumber(n - LEGAL_AID_QUIET_DAYS), firstServiceBefore: fromDayNumber(n - LEGAL_AID_FIRST_SERVICE_DAYS) };
}
