import { daysInMonth, fromDayNumber, toDayNumber } from '../calendar/civil-date.ts';
import type { TraffickingStatus } from '../case/case-status.ts';
import { ENTITLEMENT_KINDS, type EntitlementKind, type EntitlementRule, type EntitlementRuleSet, type MedicalPayer } from './entitlement-rules.ts';

export const ENTITLEMENT_STATES = ['pending', 'active', 'lapsing', 'lapsed', 'not_applicable'] as const;
export type EntitlementState = (typeof ENTITLEMENT_STATES)[number];

/** Days before an entitlement's end at which its holders are reminded (DOMAIN.md §2.4: "an alert before it lapses"). */
export const ENTITLEMENT_REMINDER_DAYS = [30, 7, 1] as const;
export type ReminderDays = (typeof ENTITLEMENT_REMINDER_DAYS)[number];
/** An entitlement ending within this many days is `lapsing` (the first reminder). */
export const LAPSING_WITHIN_DAYS = 30;
/** A lapsed entitlement stays in the work queue this many days (someone must renew or close it). */
export const LAPSED_SHOWN_DAYS = 30;

/** Court proceedings in the person's criminal case (issue #11 records them). */
export interface ProceedingsFacts {
  open: boolean;
  /** The day the final judgement was recorded; set once the proceedings are final. */
  finalOn?: string;
}

/** An extension recorded by hand: to a date, or (`until: null`) until the proceedings are final. */
export interface EntitlementExtension {
  kind: EntitlementKind;
  until: string | null;
}

export interface EntitlementFacts {
  /** ISO 3166-1 alpha-2; `KZ` is a citizen, anything else (stateless included) foreign. */
  citizenship: string;
  traffickingStatus: TraffickingStatus;
  /** When the person was first recorded as a possible victim (the case opened), if ever. */
  possibleVictimSince: string | null;
  /** The formal identification decision that made the person an ActualVictimOfTrafficking. */
  identifiedOn: string | null;
  proceedings: ProceedingsFacts;
  extensions: readonly EntitlementExtension[];
  /** Who pays for medical care when it is not free; null until recorded. */
  medicalPayer: MedicalPayer | null;
}

export interface EntitlementBasis {
  ruleSetId: string;
  version: string;
  articleKey: string;
  article: { kk: string; ru: string; en: string };
}

export interface Entitlement {
  kind: EntitlementKind;
  state: EntitlementState;
  start: string | null;
  /** The last day it holds; null = open-ended (or extended until the proceedings are final). */
  end: string | null;
  /** Whole days from today to the end (0 on the last day, negative once lapsed). */
  daysLeft: number | null;
  free: boolean;
  payerRequired: boolean;
  paidBy: MedicalPayer | null;
  workPermitted: boolean;
  extendable: boolean;
  extended: boolean;
  basis: EntitlementBasis | null;
  reminders: { daysBefore: ReminderDays; on: string }[];
  /** The reminder due now (the nearest one passed, while it has not lapsed), or null. */
  reminderDue: ReminderDays | null;
}

export interface EntitlementsResult {
  rulesVersion: string | null;
  /** The date that chose the version (the identification date, else the first record). */
  relevantDate: string | null;
  items: Entitlement[];
}

export const isCitizen = (citizenship: string): boolean => citizenship === 'KZ';

/**
 * A date `months` calendar months after `date`. Why this rule: a period counted in months ends
 * on the same-numbered day of its last month, or on that month's last day when it has no such
 * day (Civil Code of the Republic of Kazakhstan, arts. 178-179 [P]: not in the seeds), so a
 * six-month period from 31 August ends on 28 (or 29) February.
 */
export function addCalendarMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m0 = Number(date.slice(5, 7)) - 1 + months;
  const year = y + Math.floor(m0 / 12);
  const month = (((m0 % 12) + 12) % 12) + 1;
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The version in force on `date`: the latest `effectiveFrom` on or before it (ties: the later version listed). */
export function ruleSetInForce(sets: readonly EntitlementRuleSet[], date: string): EntitlementRuleSet | null {
  let best: EntitlementRuleSet | null = null;
  for (const s of sets) if (s.effectiveFrom <= date && (!best || s.effectiveFrom >= best.effectiveFrom)) best = s;
  return best;
}

/**
 * The earliest identification day from which a person without extensions or proceedings can
 * still hold a clock (an end date) ending on or after `from`: no rule's months reach further
 * back (one month spare for short months). Null when a clock may start when the case opens (a
 * rule says `possible_victim`): then the identification day bounds nothing.
 */
export function earliestIdentificationWithClockFrom(rules: readonly EntitlementRuleSet[], from: string): string | null {
  let months = 0;
  for (const set of rules)
    for (const r of set.rules) {
      if (r.duration.type !== 'months') continue;
      if (r.startsAt !== 'identification') return null;
      months = Math.max(months, r.duration.months);
    }
  return addCalendarMonths(from, -(months + 1));
}

const maxDate = (a: string, b: string) => (a >= b ? a : b);

/** The end after extensions (DOMAIN.md §2.4: "extendable until court proceedings are finalised"). */
function extendedEnd(rule: EntitlementRule, baseEnd: string, facts: EntitlementFacts): { end: string | null; extended: boolean } {
  if (rule.extension === 'none') return { end: baseEnd, extended: false };
  const manual = facts.extensions.filter((e) => e.kind === rule.kind);
  const untilFinal = facts.proceedings.open || manual.some((e) => e.until === null);
  // While proceedings are open the period runs on; its end is the final judgement, once recorded.
  if (untilFinal && (facts.proceedings.open || !facts.proceedings.finalOn)) return { end: null, extended: true };
  let end = baseEnd;
  if (facts.proceedings.finalOn) end = maxDate(end, facts.proceedings.finalOn);
  for (const e of manual) if (e.until) end = maxDate(end, e.until);
  return { end, extended: end !== baseEnd };
}

const notApplicable = (kind: EntitlementKind, basis: EntitlementBasis | null = null): Entitlement => ({
  kind,
  state: 'not_applicable',
  start: null,
  end: null,
  daysLeft: null,
  free: false,
  payerRequired: false,
  paidBy: null,
  workPermitted: false,
  extendable: false,
  extended: false,
  basis,
  reminders: [],
  reminderDue: null,
});

function deriveOne(kind: EntitlementKind, set: EntitlementRuleSet, facts: EntitlementFacts, today: string): Entitlement {
  const rule = set.rules.find((r) => r.kind === kind && r.population === (isCitizen(facts.citizenship) ? 'citizen' : 'foreign'));
  if (!rule) return notApplicable(kind);
  const basis = { ruleSetId: set.id, version: set.version, articleKey: rule.article.key, article: rule.article.text };
  const common = {
    kind,
    free: rule.free,
    payerRequired: Boolean(rule.payerRequired),
    paidBy: rule.payerRequired ? facts.medicalPayer : null,
    workPermitted: Boolean(rule.workPermitted),
    extendable: rule.extension !== 'none',
    basis,
  };
  // Why identification starts the clocks, the reflection period's too: the seeds tie every
  // benefit to identified victims ("Trafficking victims identified by government authorities
  // could be referred...", after "a formal identification process, which included an interview
  // and assessment"), and the 2022 amendments give foreign victims "the same benefits as Kazakh
  // citizens". Before the decision a foreign possible victim is protected by the deportation
  // hold (DOMAIN.md §2.7), not by a six-month clock that would run out while identification is
  // pending. A rule file may still say `possible_victim` if the law turns out to.
  const start = rule.startsAt === 'identification' ? facts.identifiedOn : (facts.possibleVictimSince ?? facts.identifiedOn);
  if (!start || start > today)
    return { ...common, state: 'pending', start: null, end: null, daysLeft: null, extended: false, reminders: [], reminderDue: null };
  const base = rule.duration.type === 'months' ? addCalendarMonths(start, rule.duration.months) : null;
  const { end, extended } = base ? extendedEnd(rule, base, facts) : { end: null, extended: false };
  if (!end) return { ...common, state: 'active', start, end: null, daysLeft: null, extended, reminders: [], reminderDue: null };
  const daysLeft = toDayNumber(end) - toDayNumber(today);
  const endDay = toDayNumber(end);
  const reminders = ENTITLEMENT_REMINDER_DAYS.map((d) => ({ daysBefore: d, on: fromDayNumber(endDay - d) }));
  const state: EntitlementState = daysLeft < 0 ? 'lapsed' : daysLeft <= LAPSING_WITHIN_DAYS ? 'lapsing' : 'active';
  const due = daysLeft < 0 ? undefined : [...ENTITLEMENT_REMINDER_DAYS].reverse().find((d) => daysLeft <= d);
  return { ...common, state, start, end, daysLeft, extended, reminders, reminderDue: due ?? null };
}

/**
 * Every entitlement of a person on `today` (pure; the caller injects the date): the rule
 * version in force on the identification date (else the date the person was first recorded as
 * a possible victim) decides; a person found not to be a victim has none. Nothing here reads
 * cooperation with law enforcement: the facts do not even carry it (entitlement-rules.ts).
 */
export function deriveEntitlements(rules: readonly EntitlementRuleSet[], facts: EntitlementFacts, today: string): EntitlementsResult {
  const relevantDate = facts.identifiedOn ?? facts.possibleVictimSince;
  const set = relevantDate ? ruleSetInForce(rules, relevantDate) : null;
  if (!set || !relevantDate || facts.traffickingStatus === 'NotAVictimOfTrafficking') {
    return { rulesVersion: set?.version ?? null, relevantDate, items: ENTITLEMENT_KINDS.map((k) => notApplicable(k)) };
  }
  const current = facts.traffickingStatus === 'ActualVictimOfTrafficking' ? facts : { ...facts, identifiedOn: null };
  return { rulesVersion: set.version, relevantDate, items: ENTITLEMENT_KINDS.map((k) => deriveOne(k, set, current, today)) };
}
