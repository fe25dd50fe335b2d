import { z } from 'zod';
import type { FieldIssue } from '../../errors.ts';
import { EXPLOITATION_TYPES } from '../../reference/htcds.ts';
import { HTCDS_METHOD_OF_CONTROL_VALUES, ILO_FORCED_LABOUR_INDICATORS } from './crosswalk.ts';
import { parseRuleExpression } from './rule-expression.ts';
import { safeParseWith, type Parsed } from './zod-issues.ts';
import { codeText, isoDate, text, urlText } from '../../contracts/primitives.ts';

/**
 * Indicator lists are reference data, versioned, each with a verification status, loaded from
 * files a national administrator can replace; no indicator text or grade lives in code
 * (DOMAIN.md §3). The server reads `reference/indicators/*.json` and hands the parsed JSON here.
 */

const Text = text({ min: 1, max: 20_000, multiline: true });

/**
 * Labels in the three working languages. `en` is always there; `kk` and `ru` may be missing
 * only in provisional lists (checked below): a verified list is used by every frontline role
 * and must speak their language.
 */
export const Labels = z.strictObject({ kk: Text.optional(), ru: Text.optional(), en: Text });
export type Labels = z.infer<typeof Labels>;

export const Strength = z.enum(['strong', 'medium', 'weak']);
export type Strength = z.infer<typeof Strength>;

export const Verification = z.enum(['verified', 'provisional']);
export type Verification = z.infer<typeof Verification>;

/** Indicator ids are stable, dotted snake_case (`short_form.debt_bondage`) and unique across lists. */
export const IndicatorId = codeText(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/, { max: 200 });
/** Dimension ids are identifiers so rule expressions can name them (rule-expression.ts). */
export const DimensionId = codeText(/^[a-z][a-z0-9_]*$/, { max: 120 });
const Key = codeText(/^[a-z0-9][a-z0-9_-]*$/, { max: 120 });

export const SourceCitation = z.strictObject({ id: Text, citation: Text, url: urlText({ max: 2000 }).optional(), usedFor: Text.optional() });
export type SourceCitation = z.infer<typeof SourceCitation>;

export const AppliesTo = z.strictObject({
  exploitation: z.union([z.literal('all'), z.array(z.enum(EXPLOITATION_TYPES)).min(1)]),
  population: z.enum(['all', 'adult', 'child']),
});
export type AppliesTo = z.infer<typeof AppliesTo>;

export const DimensionDef = z.strictObject({ id: DimensionId, code: Text.optional(), labels: Labels, sourceText: Text.optional() });
export type DimensionDef = z.infer<typeof DimensionDef>;

export const Indicator = z.strictObject({
  id: IndicatorId,
  labels: Labels,
  /** What the screener asks; a "yes", or the screener's own observation, means present. */
  question: Labels.optional(),
  /** In the short form's "indicators of control" set, which forces at least "refer". */
  control: z.boolean(),
  /** ILO/EC dimension id (rules file). Informational unless `strength` is set too. */
  dimension: DimensionId.optional(),
  /** Only graded indicators count towards the dimension rule. */
  strength: Strength.optional(),
  group: Key.optional(),
  crosswalk: z
    .strictObject({
      iloForcedLabour: z.enum(ILO_FORCED_LABOUR_INDICATORS).optional(),
      htcdsMethodsOfControl: z.array(z.enum(HTCDS_METHOD_OF_CONTROL_VALUES)).min(1).optional(),
    })
    .optional(),
  /** Where the wording and grade come from, with any dispute between sources. */
  provenance: z
    .strictObject({
      sourceText: Text,
      altText: Text.optional(),
      disputed: z.boolean().optional(),
      altStrength: Text.optional(),
      seenInIloText: Text.optional(),
      note: Text.optional(),
    })
    .optional(),
  note: Text.optional(),
});
export type Indicator = z.infer<typeof Indicator>;

export const IndicatorGroup = z.strictObject({ id: Key, labels: Labels, appliesTo: AppliesTo, note: Text.optional() });
export type IndicatorGroup = z.infer<typeof IndicatorGroup>;

type Ctx = Pick<z.RefinementCtx, 'addIssue'>;
const issue = (ctx: Ctx, path: PropertyKey[], code: string, params: Record<string, string | number> = {}): void =>
  ctx.addIssue({ code: 'custom', path, message: code, params: { code, ...params } });

function checkUnique(ctx: Ctx, ids: string[], path: (i: number) => PropertyKey[]): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) issue(ctx, path(i), 'duplicate_id', { id });
    seen.add(id);
  });
}

export const IndicatorList = z
  .strictObject({
    id: Key,
    version: Text,
    verification: Verification,
    /** Who marked this version verified, and when (set by the national administrator). */
    verifiedBy: Text.optional(),
    verifiedOn: isoDate().optional(),
    title: Labels,
    source: z.array(SourceCitation).min(1),
    appliesTo: AppliesTo,
    /** The source's own rule for using unverified data, kept verbatim. */
    loadPolicy: Text.optional(),
    dimensions: z.array(DimensionDef).optional(),
    groups: z.array(IndicatorGroup).optional(),
    notes: z.array(Text).optional(),
    indicators: z.array(Indicator).min(1),
  })
  .superRefine((list, ctx) => {
    checkUnique(
      ctx,
      list.indicators.map((i) => i.id),
      (i) => ['indicators', i, 'id'],
    );
    if (list.dimensions)
      checkUnique(
        ctx,
        list.dimensions.map((d) => d.id),
        (i) => ['dimensions', i, 'id'],
      );
    if (list.groups)
      checkUnique(
        ctx,
        list.groups.map((g) => g.id),
        (i) => ['groups', i, 'id'],
      );
    const dims = list.dimensions && new Set(list.dimensions.map((d) => d.id));
    const groups = new Set((list.groups ?? []).map((g) => g.id));
    list.indicators.forEach((ind, i) => {
      const at = (...p: PropertyKey[]): PropertyKey[] => ['indicators', i, ...p];
      if (list.verification === 'verified') {
        // Why: a verified list is shown to every frontline role in kk/ru/en (DOMAIN.md §3).
        for (const lang of ['kk', 'ru'] as const) {
          if (!ind.labels[lang]) issue(ctx, at('labels', lang), 'translation_required', { lang });
          if (ind.question && !ind.question[lang]) issue(ctx, at('question', lang), 'translation_required', { lang });
        }
      }
      if (ind.strength && !ind.dimension) issue(ctx, at('strength'), 'strength_without_dimension');
      if (ind.dimension && dims && !dims.has(ind.dimension)) issue(ctx, at('dimension'), 'unknown_dimension', { id: ind.dimension });
      if (ind.group !== undefined && !groups.has(ind.group)) issue(ctx, at('group'), 'unknown_group', { id: ind.group });
      if (ind.group === undefined && groups.size > 0) issue(ctx, at('group'), 'required');
    });
  });
export type IndicatorList = z.infer<typeof IndicatorList>;

/**
 * Validates one indicator list file (already JSON-parsed by the caller).
 *
 * @param json - the file's content.
 * @returns the typed list, or field issues (paths relative to the file) for a `DomainError`.
 */
export function parseIndicatorList(json: unknown): Parsed<IndicatorList> {
  return safeParseWith(IndicatorList, json);
}

/** "2 strong", "1 strong + 1 medium or weak": the sum of the named grades must reach `min`. */
export const CountTerm = z.strictObject({ min: z.int().min(1), of: z.array(Strength).min(1) });
export type CountTerm = z.infer<typeof CountTerm>;

const Reading = z.strictObject({ id: Key, labels: Labels, expression: Text, source: z.array(Text).optional(), note: Text.optional() });

/**
 * The screening rule as data (DOMAIN.md §3 "Rules as data too"): the dimension threshold, the
 * adult readings (one active), the child rule and the age that separates them. Every expression
 * is parsed here, so a bad rules file is refused at load time, not at the first screening.
 */
export const RuleConfig = z
  .strictObject({
    id: Key,
    version: Text,
    verification: Verification,
    verifiedBy: Text.optional(),
    verifiedOn: isoDate().optional(),
    title: Labels,
    source: z.array(SourceCitation).min(1),
    notes: z.array(Text).optional(),
    dimensions: z.array(DimensionDef).min(1),
    /** A dimension is positive when any one clause holds; a clause holds when all its terms do. */
    dimensionRule: z.strictObject({ text: Text.optional(), anyOf: z.array(z.array(CountTerm).min(1)).min(1) }),
    /** Under this age (years) the child rule applies (Palermo Protocol art. 3(d): under 18). */
    childAgeYears: z.int().min(1).max(30),
    /**
     * Which rule applies when the age is unknown: always the child rule. A person whose age is
     * unknown is presumed a child until assessed (presumption of minority, EU Directive
     * 2011/36/EU art. 13(2)): no rules file may switch that off, so no other value is accepted.
     */
    ageUnknown: z.literal('child'),
    adult: z.strictObject({ active: Key, readings: z.array(Reading).min(1) }),
    child: z.strictObject({ labels: Labels.optional(), expression: Text, source: z.array(Text).optional(), note: Text.optional() }),
  })
  .superRefine((rules, ctx) => {
    checkUnique(
      ctx,
      rules.dimensions.map((d) => d.id),
      (i) => ['dimensions', i, 'id'],
    );
    checkUnique(
      ctx,
      rules.adult.readings.map((r) => r.id),
      (i) => ['adult', 'readings', i, 'id'],
    );
    if (!rules.adult.readings.some((r) => r.id === rules.adult.active)) issue(ctx, ['adult', 'active'], 'unknown_reading', { id: rules.adult.active });
    const dims = rules.dimensions.map((d) => d.id);
    const check = (expression: string, path: PropertyKey[]): void => {
      const parsed = parseRuleExpression(expression, dims);
      if (!parsed.ok) issue(ctx, path, parsed.error.code, { position: parsed.error.position, found: parsed.error.found });
    };
    rules.adult.readings.forEach((r, i) => check(r.expression, ['adult', 'readings', i, 'expression']));
    check(rules.child.expression, ['child', 'expression']);
    const sources = new Set(rules.source.map((s) => s.id));
    const cited: [string[] | undefined, PropertyKey[]][] = [
      ...rules.adult.readings.map((r, i): [string[] | undefined, PropertyKey[]] => [r.source, ['adult', 'readings', i, 'source']]),
      [rules.child.source, ['child', 'source']],
    ];
    for (const [ids, path] of cited) for (const id of ids ?? []) if (!sources.has(id)) issue(ctx, path, 'unknown_source', { id });
  });
export type RuleConfig = z.infer<typeof RuleConfig>;

/**
 * Validates the rules file (already JSON-parsed by the caller), including every expression.
 *
 * @param json - the file's content.
 * @returns the typed configuration, or field issues for a `DomainError`.
 */
export function parseRuleConfig(json: unknown): Parsed<RuleConfig> {
  return safeParseWith(RuleConfig, json);
}

/**
 * Checks that lists and rules fit together: indicator ids unique across all lists (a screening
 * names indicators by id alone) and every graded or mapped dimension known to the rules.
 * The server calls this when an administrator replaces any of the files.
 *
 * @returns field issues with paths like `lists.1.indicators.4.dimension`; empty when consistent.
 */
export function checkReferenceSet(lists: readonly IndicatorList[], rules: RuleConfig): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const dims = new Set(rules.dimensions.map((d) => d.id));
  const listIds = new Set<string>();
  const seen = new Map<string, string>();
  lists.forEach((list, l) => {
    if (listIds.has(list.id)) issues.push({ path: `lists.${l}.id`, code: 'duplicate_id', params: { id: list.id } });
    listIds.add(list.id);
    list.indicators.forEach((ind, i) => {
      const other = seen.get(ind.id);
      if (other !== undefined) issues.push({ path: `lists.${l}.indicators.${i}.id`, code: 'duplicate_id', params: { id: ind.id, list: other } });
      else seen.set(ind.id, list.id);
      if (ind.dimension && !dims.has(ind.dimension)) {
        issues.push({ path: `lists.${l}.indicators.${i}.dimension`, code: 'unknown_dimension', params: { id: ind.dimension } });
      }
    });
  });
  return issues;
}
