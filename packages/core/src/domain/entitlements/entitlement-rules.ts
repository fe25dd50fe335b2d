import { z } from 'zod';
import { codeText, text, urlText } from '../../contracts/primitives.ts';
import type { FieldIssue } from '../../errors.ts';
import { isIsoDate } from '../calendar/civil-date.ts';
import { safeParseWith, type Parsed } from '../identification/zod-issues.ts';

/**
 * The entitlements of a trafficking victim as versioned reference data
 * (`reference/entitlements/entitlement-rules-<version>.json`), so a change of law is a data
 * change (issue #10 item 4): an administrator uploads a new version with a later `effectiveFrom`,
 * and a person identified on or after that date gets it.
 */
export const ENTITLEMENT_KINDS = [
  'medical',
  'educational',
  'employment',
  'financial',
  'psychological',
  'legal',
  'shelter',
  'temporary_residency',
  'reflection_period',
] as const;
export type EntitlementKind = (typeof ENTITLEMENT_KINDS)[number];

/** Who a rule is for: Kazakhstani citizens, or foreign nationals and stateless persons. */
export const ENTITLEMENT_POPULATIONS = ['citizen', 'foreign'] as const;
export type EntitlementPopulation = (typeof ENTITLEMENT_POPULATIONS)[number];

/** Who pays for a service that is not free (a foreign victim's medical care, DOMAIN.md §2.4). */
export const MEDICAL_PAYERS = ['person', 'ngo', 'international_organization', 'employer', 'insurance', 'state_programme', 'other'] as const;
export type MedicalPayer = (typeof MEDICAL_PAYERS)[number];

/** The field-level message for any attempt to make an entitlement depend on cooperation. */
export const COOPERATION_CONDITION = 'entitlement_cooperation_condition';

const Text = text({ min: 1, max: 2000, multiline: true });
const Texts = z.strictObject({ kk: Text, ru: Text, en: Text });
const IsoDate = text({ max: 10 }).refine(isIsoDate, { params: { code: 'invalid_date' } });
const Key = codeText(/^[a-z][a-z0-9_.-]*$/, { max: 120 });

/**
 * One entitlement for one population. There is deliberately no field for a condition: what
 * a rule can say is when it starts, how long it lasts, whether it is free and whether it is
 * extended. DOMAIN.md §2.4 and the 2023 TIP report (seeds, protection): the services "were not
 * conditional upon Kazakhstani victims' cooperation with law enforcement", and the 2022
 * amendments give foreign victims "the same benefits"; the reflection period exists precisely
 * so that a victim can decide "whether to participate in law enforcement proceedings".
 * Unknown keys are refused (strict), and a key that names cooperation or a condition is
 * refused with its own message (`entitlement_cooperation_condition`).
 */
export const EntitlementRule = z.strictObject({
  kind: z.enum(ENTITLEMENT_KINDS),
  population: z.enum(ENTITLEMENT_POPULATIONS),
  /**
   * When the clock starts. `identification`: the formal identification decision (the person is
   * an ActualVictimOfTrafficking). `possible_victim`: when the case is opened (reasonable grounds).
   */
  startsAt: z.enum(['identification', 'possible_victim']),
  /** `open`: until the person's status changes; `months`: calendar months from the start. */
  duration: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('open') }),
    z.strictObject({ type: z.literal('months'), months: z.int().min(1).max(120) }),
  ]),
  /** `until_proceedings_final`: extended while court proceedings are open, to the final judgement. */
  extension: z.enum(['none', 'until_proceedings_final']),
  free: z.boolean(),
  /** Not free: who pays must be recorded (a foreign victim's medical care). */
  payerRequired: z.boolean().optional(),
  /** Temporary residency that allows the person to work. */
  workPermitted: z.boolean().optional(),
  /** The basis shown to the user: a key (stable across versions) and the text in three languages. */
  article: z.strictObject({ key: Key, text: Texts }),
});
export type EntitlementRule = z.infer<typeof EntitlementRule>;

export const EntitlementRuleSet = z
  .strictObject({
    id: Key,
    version: codeText(/^[0-9A-Za-z][0-9A-Za-z._-]*$/, { max: 40 }),
    /** The first day this version applies (to persons identified, or first recorded, on or after it). */
    effectiveFrom: IsoDate,
    title: Texts,
    verification: z.enum(['verified', 'provisional']),
    source: z.array(z.strictObject({ citation: Text, url: urlText({ max: 2000 }).optional() })).min(1),
    notes: z.array(Text).optional(),
    rules: z.array(EntitlementRule).min(1).max(100),
  })
  .superRefine((set, ctx) => {
    const seen = new Set<string>();
    set.rules.forEach((r, i) => {
      const key = `${r.kind}:${r.population}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'kind'], message: 'duplicate', params: { code: 'duplicate' } });
      seen.add(key);
      if (r.payerRequired && r.free)
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'payerRequired'], message: 'free', params: { code: 'entitlement_free_with_payer' } });
    });
  });
export type EntitlementRuleSet = z.infer<typeof EntitlementRuleSet>;

/** Keys that would make a benefit depend on something, and what such a dependency names. */
const CONDITION_KEY = /cooperat|condition|^requires?($|[A-Z_])|prerequisite|depends_?on|contingent/i;
const COOPERATION_VALUE = /cooperat|law[_ -]?enforcement|testimony|testify|witness|investigation|proceedings_participation/i;
/** Free text where the words may appear in an explanation (never read as a rule). */
const TEXT_KEYS = new Set(['text', 'title', 'notes', 'citation', 'url', 'note', 'kk', 'ru', 'en']);

/**
 * Finds every attempt in a raw document (a rule file, an action body) to express cooperation
 * with law enforcement as a condition: a key naming cooperation or a condition, or a coded value
 * naming cooperation. Free text (titles, article texts, notes) is not read.
 */
export function cooperationConditionIssues(input: unknown, path: string[] = []): FieldIssue[] {
  if (Array.isArray(input)) return input.flatMap((v, i) => cooperationConditionIssues(v, [...path, String(i)]));
  if (input && typeof input === 'object') {
    return Object.entries(input).flatMap(([k, v]) => {
      if (CONDITION_KEY.test(k)) return [{ path: [...path, k].join('.'), code: COOPERATION_CONDITION }];
      if (TEXT_KEYS.has(k)) return [];
      return cooperationConditionIssues(v, [...path, k]);
    });
  }
  if (typeof input === 'string' && COOPERATION_VALUE.test(input)) return [{ path: path.join('.'), code: COOPERATION_CONDITION }];
  return [];
}

/** Validates an entitlement rule file (already JSON-parsed); cooperation as a condition is refused first. */
export function parseEntitlementRuleSet(json: unknown): Parsed<EntitlementRuleSet> {
  const refused = cooperationConditionIssues(json);
  if (refused.length) return { ok: false, issues: refused };
  return safeParseWith(EntitlementRuleSet, json);
}
