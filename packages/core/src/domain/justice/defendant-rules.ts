import type { Role } from '../../access/roles.ts';
import type { FieldIssue } from '../../errors.ts';
import { MAX_AMOUNT_TENGE, type ChargeChangeReason, type DefendantKind, type OfficialAgencyType, type Outcome, type SentenceKind } from './justice-values.ts';

/**
 * The rules of a suspect or defendant in a criminal case (issue #11 item 1): complicity of a
 * public official, charges and their reclassification, the court's outcome and the sentence.
 * Each problem is a field-level issue (`validation.<code>` in every language); an empty list
 * means the input is consistent. The server adds nothing of its own: it calls these with the
 * case's facts (registration date, the articles the case's Code version knows, today).
 */

/** The longest sentence in months a form accepts (a typo guard: 50 years; life is `other`). */
export const MAX_SENTENCE_MONTHS = 600;
/** At most this many articles per defendant (one charge rarely names more than a few). */
export const MAX_DEFENDANT_ARTICLES = 10;

/** Sentences measured in months; `fine` is measured in tenge. */
export const TERM_SENTENCES: readonly SentenceKind[] = ['custodial', 'suspended', 'restricted_liberty'];

/** Who may reclassify the charges with which reason: the court's clerk for the court, the pre-trial roles for themselves. */
export const CHARGE_REASON_ROLES: Record<Exclude<ChargeChangeReason, 'initial'>, readonly Role[]> = {
  reclassified_by_investigator: ['investigator', 'prosecutor'],
  reclassified_by_prosecutor: ['investigator', 'prosecutor'],
  reclassified_by_court: ['court_clerk'],
};

export interface ComplicityFacts {
  kind: DefendantKind;
  official: boolean;
  officialAgencyType: OfficialAgencyType | null | undefined;
}

/**
 * A public official flagged as complicit names her agency type, and only an official has one.
 * A business is never an official (its officers are defendants of their own).
 */
export function complicityIssues(d: ComplicityFacts): FieldIssue[] {
  if (d.kind === 'business' && d.official) return [{ path: 'official', code: 'business_not_official' }];
  if (d.official && !d.officialAgencyType) return [{ path: 'officialAgencyType', code: 'official_agency_required' }];
  if (!d.official && d.officialAgencyType) return [{ path: 'officialAgencyType', code: 'agency_without_official' }];
  return [];
}

/**
 * Article codes a charge names: each known to the Code version of the case (`known`), none twice.
 * The path names the element (`articles.1`), so the form marks the wrong one.
 */
export function articleIssues(articles: readonly string[], known: ReadonlySet<string> | readonly string[]): FieldIssue[] {
  const set = known instanceof Set ? known : new Set(known as readonly string[]);
  const issues: FieldIssue[] = [];
  if (articles.length === 0) issues.push({ path: 'articles', code: 'too_small', params: { minimum: 1 } });
  if (articles.length > MAX_DEFENDANT_ARTICLES) issues.push({ path: 'articles', code: 'too_big', params: { maximum: MAX_DEFENDANT_ARTICLES } });
  articles.forEach((code, i) => {
    if (!set.has(code)) issues.push({ path: `articles.${i}`, code: 'unknown_article', params: { code } });
    else if (articles.indexOf(code) !== i) issues.push({ path: `articles.${i}`, code: 'duplicate_value' });
  });
  return issues;
}

/** Whether two charges name the same articles (order does not matter). */
export function sameArticles(a: readonly string[], b: readonly string[]): boolean {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((c) => y.has(c));
}

/**
 * A procedural date (a reclassification, an outcome): not before the case's registration,
 * not after today (Kazakhstan's date from the injected clock).
 */
export function procedureDateIssues(on: string, facts: { registeredOn: string; today: string }, path = 'on'): FieldIssue[] {
  if (on < facts.registeredOn) return [{ path, code: 'before_case_registered', params: { registeredOn: facts.registeredOn } }];
  if (on > facts.today) return [{ path, code: 'date_in_future' }];
  return [];
}

export interface ChargeInput {
  articles: readonly string[];
  reason: ChargeChangeReason;
  on: string;
}

/**
 * A reclassification of one defendant's charges: the reason is the actor's own (the court's
 * clerk records the court's; the investigator and the prosecutor theirs), the articles are
 * known and differ from the current ones, and the date is in the proceedings.
 */
export function chargeIssues(
  role: Role,
  input: ChargeInput,
  facts: { current: readonly string[]; known: ReadonlySet<string> | readonly string[]; registeredOn: string; today: string },
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (input.reason === 'initial') issues.push({ path: 'reason', code: 'invalid_value' });
  else if (!(CHARGE_REASON_ROLES[input.reason] as readonly Role[]).includes(role)) issues.push({ path: 'reason', code: 'reason_not_for_role' });
  const articles = articleIssues(input.articles, facts.known);
  issues.push(...articles);
  if (!articles.length && sameArticles(input.articles, facts.current)) issues.push({ path: 'articles', code: 'articles_unchanged' });
  issues.push(...procedureDateIssues(input.on, facts));
  return issues;
}

export interface OutcomeInput {
  outcome: Outcome;
  on: string;
  sentenceKind?: SentenceKind | null;
  sentenceMonths?: number | null;
  fineTenge?: number | null;
}

const given = (v: unknown): boolean => v !== undefined && v !== null;

function monthsIssue(months: number | null | undefined, required: boolean): FieldIssue | null {
  if (!given(months)) return required ? { path: 'sentenceMonths', code: 'sentence_months_required' } : null;
  const m = months as number;
  if (!Number.isInteger(m) || m < 1 || m > MAX_SENTENCE_MONTHS)
    return { path: 'sentenceMonths', code: 'sentence_months_range', params: { min: 1, max: MAX_SENTENCE_MONTHS } };
  return null;
}

function fineIssue(fine: number | null | undefined, required: boolean): FieldIssue | null {
  if (!given(fine)) return required ? { path: 'fineTenge', code: 'fine_required' } : null;
  const f = fine as number;
  if (!Number.isInteger(f) || f < 1 || f > MAX_AMOUNT_TENGE) return { path: 'fineTenge', code: 'fine_range', params: { min: 1, max: MAX_AMOUNT_TENGE } };
  return null;
}

/**
 * The court's outcome for one defendant. A conviction names the sentence: a term (custodial,
 * suspended, restricted liberty) in months 1..600, with an additional fine allowed; a fine in
 * tenge 1..MAX_AMOUNT_TENGE and no months; `other` (e.g. life, compulsory measures) with either
 * if given. An acquittal or dropped charges carry no sentence. The date is in the proceedings.
 */
export function outcomeIssues(input: OutcomeInput, facts: { registeredOn: string; today: string }): FieldIssue[] {
  const issues: (FieldIssue | null)[] = [];
  if (input.outcome === 'convicted') {
    const kind = input.sentenceKind;
    if (!kind) issues.push({ path: 'sentenceKind', code: 'sentence_required' });
    else if (TERM_SENTENCES.includes(kind)) issues.push(monthsIssue(input.sentenceMonths, true), fineIssue(input.fineTenge, false));
    else if (kind === 'fine') {
      if (given(input.sentenceMonths)) issues.push({ path: 'sentenceMonths', code: 'not_with_sentence', params: { sentenceKind: kind } });
      issues.push(fineIssue(input.fineTenge, true));
    } else issues.push(monthsIssue(input.sentenceMonths, false), fineIssue(input.fineTenge, false));
  } else {
    for (const path of ['sentenceKind', 'sentenceMonths', 'fineTenge'] as const)
      if (given(input[path])) issues.push({ path, code: 'not_with_outcome', params: { outcome: input.outcome } });
  }
  issues.push(...procedureDateIssues(input.on, facts));
  return issues.filter((i): i is FieldIssue => i !== null);
}

/**
 * The sentence as stored: what the outcome carries, nothing else (an acquittal after an
 * appeal clears an earlier sentence).
 */
export function sentenceOf(input: OutcomeInput): { sentenceKind: SentenceKind | null; sentenceMonths: number | null; fineTenge: number | null } {
  if (input.outcome !== 'convicted') return { sentenceKind: null, sentenceMonths: null, fineTenge: null };
  return { sentenceKind: input.sentenceKind ?? null, sentenceMonths: input.sentenceMonths ?? null, fineTenge: input.fineTenge ?? null };
}
