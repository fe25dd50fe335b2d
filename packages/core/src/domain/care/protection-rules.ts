import type { FieldIssue } from '../../errors.ts';
import { daysInMonth, toDayNumber } from '../calendar/civil-date.ts';
import { freePlaces, providerTakes, type PlacementNeed } from './provider-rules.ts';
import type { ProviderEligibility } from './provider-values.ts';
import type { ClosureReason, FollowUpKind } from './protection-values.ts';

/**
 * The rules of a protection case (issue #10 item 3 and "Bad input"), pure and on civil dates
 * (`YYYY-MM-DD`, Kazakhstan's day): bed-days, overlapping stays, admission to a full shelter
 * with the free alternatives, dates inside the case, costs, and the follow-up after closure.
 */

/** A stay as the rules see it: `dischargedOn` null while the person is still there. */
export interface StaySpan {
  admittedOn: string;
  dischargedOn: string | null;
}

/**
 * Bed-days of a stay: the admission day counts, the discharge day does not (the person slept
 * there the nights from admission to the eve of discharge). An open stay counts to `today`
 * inclusive (tonight she is there). Never negative.
 */
export function bedDays(stay: StaySpan, today: string): number {
  const from = toDayNumber(stay.admittedOn);
  if (stay.dischargedOn !== null) return Math.max(0, toDayNumber(stay.dischargedOn) - from);
  return Math.max(0, toDayNumber(today) - from + 1);
}

/** The nights of a stay as a half-open day range [start, end); an open stay has no end. */
const rangeOf = (s: StaySpan): [number, number] => [
  toDayNumber(s.admittedOn),
  s.dischargedOn === null ? Number.POSITIVE_INFINITY : toDayNumber(s.dischargedOn),
];

/**
 * Whether two stays share a night. One person sleeps in one place: a discharge on the day of
 * the next admission is a transfer, not an overlap. A same-day stay (no night) overlaps nothing.
 */
export function staysOverlap(a: StaySpan, b: StaySpan): boolean {
  const [a0, a1] = rangeOf(a);
  const [b0, b1] = rangeOf(b);
  if (a0 >= a1 || b0 >= b1) return false;
  return a0 < b1 && b0 < a1;
}

/** `stay_overlaps` on `path` when `stay` shares a night with any of the person's other stays. */
export function overlapIssue(stay: StaySpan, others: readonly StaySpan[], path = 'admittedOn'): FieldIssue | null {
  const clash = others.find((o) => staysOverlap(stay, o));
  return clash ? { path, code: 'stay_overlaps', params: { admittedOn: clash.admittedOn } } : null;
}

/** A shelter as the admission rule sees it. */
export interface ShelterFacts {
  id: string;
  regionCode: string;
  capacity: number;
  occupancy: number;
  eligibility: readonly ProviderEligibility[];
  active: boolean;
}

/** How many alternatives a refusal names: enough to choose, few enough to read on a phone. */
export const MAX_ALTERNATIVES = 5;

/**
 * The shelters that could take this person now instead: active, eligible for her (a child
 * never to an adult shelter, DOMAIN.md §2.3), with a free place; the same region first, then
 * the others, each group by most free places.
 */
export function freeAlternatives<S extends ShelterFacts>(shelters: readonly S[], need: PlacementNeed, regionCode: string, excludeId: string): S[] {
  return shelters
    .filter((s) => s.id !== excludeId && s.active && freePlaces(s) > 0 && providerTakes(s, need))
    .sort((a, b) => Number(b.regionCode === regionCode) - Number(a.regionCode === regionCode) || freePlaces(b) - freePlaces(a) || a.id.localeCompare(b.id))
    .slice(0, MAX_ALTERNATIVES);
}

/** `shelter_full` when no place is free (occupancy ≥ capacity): the admission is refused. */
export function admissionIssue(shelter: Pick<ShelterFacts, 'capacity' | 'occupancy'>): FieldIssue | null {
  return shelter.occupancy >= shelter.capacity ? { path: 'providerId', code: 'shelter_full', params: { capacity: shelter.capacity } } : null;
}

/** The case's span for the date rule: opened on, closed on (null while open), and today. */
export interface CaseSpan {
  openedOn: string;
  closedOn: string | null;
  today: string;
}

/**
 * A service or stay date must fall inside the case: not before it opened (`before_case_opened`),
 * not after it closed (`after_case_closed`), not in the future (`future_date`).
 */
export function dateIssue(date: string, span: CaseSpan, path: string): FieldIssue | null {
  const d = toDayNumber(date, path);
  if (d < toDayNumber(span.openedOn)) return { path, code: 'before_case_opened', params: { date: span.openedOn } };
  if (span.closedOn !== null && d > toDayNumber(span.closedOn)) return { path, code: 'after_case_closed', params: { date: span.closedOn } };
  if (d > toDayNumber(span.today)) return { path, code: 'future_date' };
  return null;
}

/**
 * The largest cost one service delivery may plausibly have, in tenge. Why 10 million: a year
 * of shelter for one person costs well under it (101 million tenge funded 10 shelters in 2022,
 * DOMAIN.md §6); a larger figure is a typing error (an extra zero, tiyn typed as tenge).
 */
export const MAX_SERVICE_COST_TENGE = 10_000_000;
/** The largest quantity of one delivery (a year of days, or sessions): beyond it, a typing error. */
export const MAX_SERVICE_QUANTITY = 1000;

/** Field-level problems of a service's cost and quantity. */
export function costIssues(d: { costTenge: number; quantity: number }): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!Number.isInteger(d.costTenge)) issues.push({ path: 'costTenge', code: 'cost_whole_tenge' });
  else if (d.costTenge < 0) issues.push({ path: 'costTenge', code: 'cost_negative' });
  else if (d.costTenge > MAX_SERVICE_COST_TENGE) issues.push({ path: 'costTenge', code: 'cost_absurd', params: { max: MAX_SERVICE_COST_TENGE } });
  if (!(d.quantity > 0)) issues.push({ path: 'quantity', code: 'quantity_positive' });
  else if (d.quantity > MAX_SERVICE_QUANTITY) issues.push({ path: 'quantity', code: 'quantity_absurd', params: { max: MAX_SERVICE_QUANTITY } });
  return issues;
}

/**
 * The follow-up after closure, as data. Why these steps: re-trafficking risk is highest in the
 * first months after assistance ends (debts, no income, the recruiter's network still around),
 * so contacts come close together first (1 and 3 months) and then spread (6 and 12 months); a
 * structured re-trafficking risk reassessment at 6 months, when most reintegration support has
 * ended. A national authority changes the schedule here, in one place.
 */
export const FOLLOW_UP_SCHEDULE: readonly { kind: FollowUpKind; months: number }[] = [
  { kind: 'contact', months: 1 },
  { kind: 'contact', months: 3 },
  { kind: 'contact', months: 6 },
  { kind: 'risk_reassessment', months: 6 },
  { kind: 'contact', months: 12 },
];

/**
 * Closures that schedule no follow-up: a transfer continues in the receiving provider's own
 * protection case (which schedules its own at its closure).
 */
export const NO_FOLLOW_UP_REASONS: readonly ClosureReason[] = ['transferred'];

/** `date` plus `months` calendar months; a day the month lacks falls back to its last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  toDayNumber(date);
  const y0 = Number(date.slice(0, 4));
  const m0 = Number(date.slice(5, 7)) - 1 + months;
  const y = y0 + Math.floor(m0 / 12);
  const m = (((m0 % 12) + 12) % 12) + 1;
  const d = Math.min(Number(date.slice(8, 10)), daysInMonth(y, m));
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The follow-ups to schedule when a case closes on `closedOn` for `reason`, in date order. */
export function followUpsAfterClosure(closedOn: string, reason: ClosureReason): { kind: FollowUpKind; dueOn: string }[] {
  if (NO_FOLLOW_UP_REASONS.includes(reason)) return [];
  return FOLLOW_UP_SCHEDULE.map((s) => ({ kind: s.kind, dueOn: addMonths(closedOn, s.months) })).sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}

/** How soon a follow-up shows as due on the work queue. */
export const FOLLOW_UP_DUE_SOON_DAYS = 7;

/** `overdue` (due before today), `due_soon` (within 7 days), or null (later, or done). */
export function followUpUrgency(f: { dueOn: string; doneAt: unknown }, today: string): 'overdue' | 'due_soon' | null {
  if (f.doneAt) return null;
  const gap = toDayNumber(f.dueOn) - toDayNumber(today);
  if (gap < 0) return 'overdue';
  return gap <= FOLLOW_UP_DUE_SOON_DAYS ? 'due_soon' : null;
}
