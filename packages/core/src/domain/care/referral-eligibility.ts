import { z } from 'zod';
import type { FieldIssue } from '../../errors.ts';
import type { PROVIDER_ELIGIBILITY, PROVIDER_FUNDING, PROVIDER_KINDS } from './provider-values.ts';

/**
 * Who a provider may take (issue #10, DOMAIN.md §2.3), as DATA: reference/care/referral-rules.json,
 * replaceable by an administrator through the reference store like the indicator lists, so a
 * change of the placement rules is a data change. The document holds versions with effective
 * dates; the one in force on a day is the newest whose `effectiveFrom` has come.
 *
 * A rule: when every `when` condition holds of the facts, at least one group of `requireAny`
 * must hold entirely, else the referral is refused with the rule's `code` on the field `path`.
 */
export const REFERRAL_FACTS = {
  'person.child': 'boolean',
  'person.sex': 'string',
  'person.foreign': 'boolean',
  'provider.eligibility': 'list',
  'provider.kind': 'string',
  'provider.funding': 'string',
  'case.identified': 'boolean',
  emergency: 'boolean',
} as const;
export type ReferralFactName = keyof typeof REFERRAL_FACTS;

const FactName = z.enum(Object.keys(REFERRAL_FACTS) as [ReferralFactName, ...ReferralFactName[]]);
export const ReferralCondition = z.union([
  z.object({ fact: FactName, eq: z.union([z.boolean(), z.string()]) }).strict(),
  z.object({ fact: FactName, has: z.string() }).strict(),
  z.object({ fact: FactName, lacks: z.string() }).strict(),
]);
export type ReferralCondition = z.infer<typeof ReferralCondition>;

export const ReferralRule = z.object({
  id: z.string().min(1),
  /** The refusal's code: i18n `validation.<code>`. */
  code: z.string().regex(/^[a-z_]+$/),
  /** The input field the refusal is shown on. */
  path: z.enum(['providerId', 'emergency']),
  when: z.array(ReferralCondition),
  requireAny: z.array(z.array(ReferralCondition)).min(1),
  note: z.string().optional(),
});
export type ReferralRule = z.infer<typeof ReferralRule>;

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const ReferralRulesDocument = z.object({
  id: z.literal('referral-rules'),
  version: z.number().int().positive(),
  verification: z.enum(['verified', 'provisional']),
  /** Under 18 is a child (Palermo Protocol art. 3(d)). */
  adultAge: z.number().int().min(1).max(30),
  versions: z.array(z.object({ effectiveFrom: isoDay, rules: z.array(ReferralRule) })).min(1),
  source: z.string().optional(),
});
export type ReferralRulesDocument = z.infer<typeof ReferralRulesDocument>;

export function parseReferralRules(input: unknown): { ok: true; value: ReferralRulesDocument } | { ok: false; issues: FieldIssue[] } {
  const r = ReferralRulesDocument.safeParse(input);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, issues: r.error.issues.map((i) => ({ path: i.path.join('.'), code: 'invalid_reference' })) };
}

/** The rules in force on `today` (YYYY-MM-DD, Kazakhstan); before the first version, the first. */
export function referralRulesInForce(doc: ReferralRulesDocument, today: string): ReferralRule[] {
  const sorted = [...doc.versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const current = sorted.filter((v) => v.effectiveFrom <= today).at(-1) ?? sorted[0];
  return current?.rules ?? [];
}

/** What the rules look at. `age` null: unknown (treated as an adult, so the child rules do not apply). */
export interface EligibilityPerson {
  age: number | null;
  /** The sex the provider's `women`/`men` eligibility reads (provider-rules.ts `sexOfGender`). */
  sex: 'female' | 'male' | 'unknown';
  foreign: boolean;
}
export interface EligibilityProvider {
  kind: (typeof PROVIDER_KINDS)[number] | string;
  eligibility: readonly ((typeof PROVIDER_ELIGIBILITY)[number] | string)[];
  funding: (typeof PROVIDER_FUNDING)[number] | string;
}
export interface EligibilityCaseFacts {
  /** The formal identification decided `ActualVictimOfTrafficking`. */
  identified: boolean;
}

type FactValue = boolean | string | readonly string[];

function factsOf(adultAge: number, person: EligibilityPerson, provider: EligibilityProvider, c: EligibilityCaseFacts, emergency: boolean) {
  return {
    'person.child': person.age !== null && person.age < adultAge,
    'person.sex': person.sex,
    'person.foreign': person.foreign,
    'provider.eligibility': provider.eligibility,
    'provider.kind': provider.kind,
    'provider.funding': provider.funding,
    'case.identified': c.identified,
    emergency,
  } satisfies Record<ReferralFactName, FactValue>;
}

function holds(cond: ReferralCondition, facts: Record<ReferralFactName, FactValue>): boolean {
  const v = facts[cond.fact];
  if ('eq' in cond) return v === cond.eq;
  const list = Array.isArray(v) ? (v as readonly string[]) : [String(v)];
  return 'has' in cond ? list.includes(cond.has) : !list.includes(cond.lacks);
}

/**
 * The reasons the rules refuse this placement (empty: eligible), as field-level issues with
 * the rule's code (`validation.<code>`), each once. Pure: the rules, the facts, nothing else.
 */
export function referralEligibility(
  doc: ReferralRulesDocument,
  today: string,
  person: EligibilityPerson,
  provider: EligibilityProvider,
  caseFacts: EligibilityCaseFacts,
  emergency: boolean,
): FieldIssue[] {
  const facts = factsOf(doc.adultAge, person, provider, caseFacts, emergency);
  const issues: FieldIssue[] = [];
  for (const rule of referralRulesInForce(doc, today)) {
    if (!rule.when.every((c) => holds(c, facts))) continue;
    if (rule.requireAny.some((group) => group.every((c) => holds(c, facts)))) continue;
    if (!issues.some((i) => i.code === rule.code)) issues.push({ path: rule.path, code: rule.code });
  }
  return issues;
}

/** Whole years between a birth date (or the first of January of a birth year) and `today`. */
export function ageOn(birth: { date: string | null; year: number | null }, today: string): number | null {
  const date = birth.date ?? (birth.year !== null ? `${birth.year}-01-01` : null);
  if (!date) return null;
  const years = Number(today.slice(0, 4)) - Number(date.slice(0, 4));
  return today.slice(5) < date.slice(5) ? years - 1 : years;
}
