import { DomainError, type FieldIssue } from '../../errors.ts';
import { checkReferenceSet, type CountTerm, type Indicator, type IndicatorList, type RuleConfig, type Strength, type Verification } from './indicator-list.ts';
import { evaluateRule, formatRule, parseRuleExpression, type RuleAst } from './rule-expression.ts';

/**
 * The screening decision (DOMAIN.md §3): should this person go to formal identification now?
 * Missing a victim costs more than an extra assessment, so any observed indicator refers, and
 * the result lists what fired so it explains itself. It is never the legal determination
 * (it maps to HTCDS vic_TraffickingStatus = PossibleVictimOfTrafficking at most).
 */

/** Ordered from lowest to highest. */
export const SCREENING_LEVELS = ['none', 'refer', 'meets_rule'] as const;
export type ScreeningLevel = (typeof SCREENING_LEVELS)[number];
export const levelRank = (level: ScreeningLevel): number => SCREENING_LEVELS.indexOf(level);

export interface FiredIndicator {
  listId: string;
  listVersion: string;
  indicatorId: string;
  verification: Verification;
  control: boolean;
  strength?: Strength;
  dimension?: string;
  group?: string;
}

export interface DimensionTally {
  dimension: string;
  strong: number;
  medium: number;
  weak: number;
  /** Positive counting every list. */
  positive: boolean;
  /** Positive counting verified lists only. */
  positiveOnVerified: boolean;
}

/** Why the level is what it is; each code is an i18n key under `screening.reason.`. */
export type ScreeningReason = 'rule_met' | 'provisional_rule_met' | 'control_indicator' | 'strong_indicator' | 'indicators_present';

export interface ScreeningResult {
  level: ScreeningLevel;
  /** Sorted by list id, then indicator id; repeats in the input count once. */
  fired: FiredIndicator[];
  positiveDimensions: string[];
  verifiedPositiveDimensions: string[];
  dimensions: DimensionTally[];
  /** Which rule was evaluated: the child rule for a child or a person of unknown age (presumed a child). */
  ruleApplied: 'adult' | 'child' | null;
  /**
   * The configured rule holds only when provisional lists are counted. Such a result is reported
   * as "refer", not "meets_rule": see `evaluateScreening` for why.
   */
  provisionalRuleMet: boolean;
  /** The level rests on unverified material (a provisional list or a provisional rule). */
  provisional: boolean;
  reasons: ScreeningReason[];
  rule: { id: string; version: string; verification: Verification; reading: string | null; expression: string | null };
  lists: { id: string; version: string; verification: Verification }[];
}

export interface ScreeningInput {
  /** Indicator ids the screener ticked. */
  observed: readonly string[];
  /** Age in years (an estimate is fine); null when unknown. */
  ageYears: number | null;
  lists: readonly IndicatorList[];
  rules: RuleConfig;
}

interface Compiled {
  adult: { id: string; ast: RuleAst };
  child: RuleAst;
}
// Parsed rules are treated as immutable values: replace the object, never edit it in place.
const compiledRules = new WeakMap<RuleConfig, Compiled>();

function compile(rules: RuleConfig): Compiled {
  const cached = compiledRules.get(rules);
  if (cached) return cached;
  const dims = rules.dimensions.map((d) => d.id);
  const reading = rules.adult.readings.find((r) => r.id === rules.adult.active);
  const issues: FieldIssue[] = [];
  if (!reading) issues.push({ path: 'rules.adult.active', code: 'unknown_reading', params: { id: rules.adult.active } });
  const parse = (src: string, path: string): RuleAst | null => {
    const r = parseRuleExpression(src, dims);
    if (r.ok) return r.ast;
    issues.push({ path, code: r.error.code, params: { position: r.error.position, found: r.error.found } });
    return null;
  };
  const adult = reading ? parse(reading.expression, 'rules.adult.expression') : null;
  const child = parse(rules.child.expression, 'rules.child.expression');
  if (!reading || !adult || !child || issues.length) throw new DomainError('validation_failed', issues);
  const out = { adult: { id: reading.id, ast: adult }, child };
  compiledRules.set(rules, out);
  return out;
}

const termHolds = (t: CountTerm, c: Record<Strength, number>): boolean => t.of.reduce((sum, s) => sum + c[s], 0) >= t.min;
const dimensionPositive = (rules: RuleConfig, c: Record<Strength, number>): boolean =>
  rules.dimensionRule.anyOf.some((clause) => clause.every((t) => termHolds(t, c)));

function tally(rules: RuleConfig, fired: readonly FiredIndicator[]): DimensionTally[] {
  return rules.dimensions.map(({ id }) => {
    const all = { strong: 0, medium: 0, weak: 0 };
    const verified = { strong: 0, medium: 0, weak: 0 };
    for (const f of fired) {
      if (f.dimension !== id || !f.strength) continue;
      all[f.strength]++;
      if (f.verification === 'verified') verified[f.strength]++;
    }
    return { dimension: id, ...all, positive: dimensionPositive(rules, all), positiveOnVerified: dimensionPositive(rules, verified) };
  });
}

function checkAge(ageYears: number | null): void {
  if (ageYears === null) return;
  if (!Number.isFinite(ageYears) || ageYears < 0 || ageYears > 130) {
    throw new DomainError('validation_failed', [{ path: 'ageYears', code: 'invalid_value' }]);
  }
}

function resolveObserved(observed: readonly string[], lists: readonly IndicatorList[]): FiredIndicator[] {
  const index = new Map<string, { list: IndicatorList; ind: Indicator }>();
  for (const list of lists) for (const ind of list.indicators) index.set(ind.id, { list, ind });
  const issues: FieldIssue[] = [];
  const fired = new Map<string, FiredIndicator>();
  observed.forEach((id, i) => {
    const hit = index.get(id);
    if (!hit) {
      issues.push({ path: `observed.${i}`, code: 'unknown_indicator', params: { id } });
      return;
    }
    const { list, ind } = hit;
    fired.set(id, {
      listId: list.id,
      listVersion: list.version,
      indicatorId: ind.id,
      verification: list.verification,
      control: ind.control,
      ...(ind.strength && { strength: ind.strength }),
      ...(ind.dimension && { dimension: ind.dimension }),
      ...(ind.group && { group: ind.group }),
    });
  });
  // Why: a list's groups (adult vs child ILO/EC lists) grade the same signs differently; mixing
  // them in one screening would count one fact twice in the dimension rule.
  const groupsByList = new Map<string, Set<string>>();
  for (const f of fired.values()) if (f.group) groupsByList.set(f.listId, (groupsByList.get(f.listId) ?? new Set()).add(f.group));
  for (const [listId, groups] of groupsByList) {
    if (groups.size > 1) issues.push({ path: 'observed', code: 'mixed_indicator_groups', params: { list: listId, groups: [...groups].sort().join(', ') } });
  }
  if (issues.length) throw new DomainError('validation_failed', issues);
  const key = (f: FiredIndicator): string => `${f.listId}\u0000${f.indicatorId}`;
  return [...fired.values()].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * Presumption of minority: a person whose age is unknown is treated as a child until an age
 * assessment says otherwise (rules file note; EU Directive 2011/36/EU art. 13(2)). The age
 * limit is the rules file's `childAgeYears`, never a number in code.
 */
export function presumedChild(ageYears: number | null, rules: Pick<RuleConfig, 'childAgeYears'>): boolean {
  return ageYears === null || ageYears < rules.childAgeYears;
}

/**
 * Who may decline (DOMAIN.md §2.1: adults may decline, then only an anonymous notification is
 * kept). A child is always referred whatever anyone consents to (Palermo Protocol art. 3(c)),
 * and so is a person of unknown age, who is presumed a child.
 *
 * @returns the field issue refusing the consent, or null when it may stand.
 */
export function consentIssue(consent: string, ageYears: number | null, rules: Pick<RuleConfig, 'childAgeYears'>): FieldIssue | null {
  if (consent !== 'declined' || !presumedChild(ageYears, rules)) return null;
  const code = ageYears === null ? 'age_unknown_requires_referral' : 'child_requires_referral';
  return { path: 'consent', code, params: { childAge: rules.childAgeYears } };
}

/**
 * Screens one encounter against the loaded indicator lists and the configured rule.
 *
 * Levels: `none` when nothing was observed; `refer` when anything was (so any strong indicator
 * and any short-form indicator of control yields at least "refer", DOMAIN.md §3); `meets_rule`
 * when the configured rule (adult reading or child rule by age) holds.
 *
 * Provisional lists (ILO/EC 2009, load_policy: "must not drive any protection decision") are
 * handled thus — our choice, justified: `meets_rule` is reported only when the rule holds on
 * verified lists alone. When it holds only with provisional lists counted, the level is
 * `refer` with `provisionalRuleMet: true`, so the identification officer sees the signal
 * without the system claiming it. This costs the person nothing: "refer" already sends them to
 * formal identification, the decision the screening exists to make. Any level that rests only
 * on provisional material carries `provisional: true` (a "refer" from provisional indicators
 * alone, or a "meets_rule" under a rules file still marked provisional — the dimension rule and
 * both adult readings are [P] in DOMAIN.md; the rule is the administrator's explicit choice, so
 * it is labelled rather than demoted).
 *
 * @throws DomainError `validation_failed` for unknown indicator ids (`observed.<i>`), a bad age,
 *   indicators from two groups of one list, or lists and rules that do not fit together.
 */
export function evaluateScreening(input: ScreeningInput): ScreeningResult {
  const { rules, lists } = input;
  checkAge(input.ageYears);
  const setIssues = checkReferenceSet(lists, rules);
  if (setIssues.length) throw new DomainError('validation_failed', setIssues);
  const compiled = compile(rules);
  const fired = resolveObserved(input.observed, lists);
  const dimensions = tally(rules, fired);
  const positive = dimensions.filter((d) => d.positive).map((d) => d.dimension);
  const verifiedPositive = dimensions.filter((d) => d.positiveOnVerified).map((d) => d.dimension);

  const ruleApplied: 'adult' | 'child' | null = presumedChild(input.ageYears, rules) ? 'child' : 'adult';
  const ast = ruleApplied === null ? null : ruleApplied === 'child' ? compiled.child : compiled.adult.ast;
  const anyVerified = fired.some((f) => f.verification === 'verified');
  // A rule must rest on something observed in a verified list (guards vacuous truths like NOT x).
  const metOnVerified = ast !== null && anyVerified && evaluateRule(ast, new Set(verifiedPositive));
  const metOnAll = ast !== null && fired.length > 0 && evaluateRule(ast, new Set(positive));

  const level: ScreeningLevel = fired.length === 0 ? 'none' : metOnVerified ? 'meets_rule' : 'refer';
  const provisionalRuleMet = metOnAll && !metOnVerified;
  const provisional = (level === 'refer' && !anyVerified) || (level === 'meets_rule' && rules.verification === 'provisional');

  const reasons: ScreeningReason[] = [];
  if (level === 'meets_rule') reasons.push('rule_met');
  if (provisionalRuleMet) reasons.push('provisional_rule_met');
  if (fired.some((f) => f.control)) reasons.push('control_indicator');
  if (fired.some((f) => f.strength === 'strong')) reasons.push('strong_indicator');
  if (fired.length > 0) reasons.push('indicators_present');

  return {
    level,
    fired,
    positiveDimensions: positive,
    verifiedPositiveDimensions: verifiedPositive,
    dimensions,
    ruleApplied,
    provisionalRuleMet,
    provisional,
    reasons,
    rule: {
      id: rules.id,
      version: rules.version,
      verification: rules.verification,
      reading: ruleApplied === 'adult' ? compiled.adult.id : null,
      expression: ast ? formatRule(ast) : null,
    },
    lists: lists.map((l) => ({ id: l.id, version: l.version, verification: l.verification })),
  };
}
