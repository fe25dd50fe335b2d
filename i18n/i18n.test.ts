import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// Import the enum modules directly: the test checks the catalogs, not core's index.
import { AGENCY_TYPES, ROLES } from '../packages/core/src/access/roles.ts';
import { AUDIT_OPERATIONS, AUDIT_OUTCOMES } from '../packages/core/src/contracts/audit.contract.ts';
import { ENCOUNTER_SETTINGS, SCREENING_LANGUAGES } from '../packages/core/src/contracts/screening.contract.ts';
import { CASE_ACTION_TYPES, CASE_STATUSES, DECISION_ORGS, TRAFFICKING_STATUSES } from '../packages/core/src/domain/case/case-status.ts';
import { HTCDS_METHOD_OF_CONTROL_VALUES } from '../packages/core/src/domain/identification/crosswalk.ts';
import { SCREENING_LEVELS, type ScreeningReason } from '../packages/core/src/domain/identification/screening.ts';
import { URGENCIES } from '../packages/core/src/contracts/work.contract.ts';
import { ATTACHMENT_KINDS, DOCUMENT_LANGUAGES } from '../packages/core/src/domain/documents/documents.ts';
import { PROVIDER_ELIGIBILITY, PROVIDER_FUNDING, PROVIDER_KINDS, PROVIDER_SERVICES, SETTLEMENTS } from '../packages/core/src/domain/care/provider-values.ts';
import { ERROR_CODES } from '../packages/core/src/errors.ts';
import { CONSENT_GIVERS, CONSENT_STATES } from '../packages/core/src/domain/care/consent.ts';
import { CONSENT_SHARES } from '../packages/core/src/domain/care/provider-values.ts';
import { REFERRAL_ACTION_TYPES, REFERRAL_STATUSES } from '../packages/core/src/domain/care/referral-status.ts';
import {
  CLOSURE_REASONS,
  FOLLOW_UP_KINDS,
  NEED_AREAS,
  NEED_LEVELS,
  PAID_BY,
  PROTECTION_STATUSES,
  RISK_LEVELS,
  SERVICE_UNITS,
  SUPPORT_PLAN_TYPES,
} from '../packages/core/src/domain/care/protection-values.ts';
import { ENTITLEMENT_KINDS, EXTENSION_REASONS, MEDICAL_PAYERS } from '../packages/core/src/domain/entitlements/index.ts';
import { ENTITLEMENT_STATES } from '../packages/core/src/domain/entitlements/entitlements.ts';
import { CRIMINAL_STAGES, SUSPENSION_REASONS, TERMINATION_REASONS } from '../packages/core/src/domain/justice/criminal-stage.ts';
import { CRIMINAL_CASE_ACTIONS } from '../packages/core/src/domain/justice/justice-authority.ts';
import { COMPENSATION_LANGUAGES } from '../packages/core/src/domain/justice/redress-rules.ts';
import {
  CHARGE_CHANGE_REASONS,
  CLAIM_MODES,
  DEFENDANT_KINDS,
  DEFENDANT_STATUSES,
  INTERVIEW_PLACES,
  LAWYER_FUNDING,
  LEGAL_SERVICES,
  MEASURE_STATUSES,
  OFFICIAL_AGENCY_TYPES,
  OUTCOMES,
  PAYMENT_SOURCES,
  PROCEDURAL_ROLES,
  PROTECTIVE_MEASURES,
  SENTENCE_KINDS,
} from '../packages/core/src/domain/justice/justice-values.ts';
import {
  COMMON_CITIZENSHIPS,
  EXPLOITATION_TYPES,
  FORCED_LABOUR_INDUSTRIES,
  GENDERS,
  IDENTITY_DOCUMENT_TYPES,
  RECRUITMENT_METHODS,
  PERPETRATOR_TYPES,
  SEX_EXPLOITATION_TYPES,
} from '../packages/core/src/reference/htcds.ts';

type Catalog = { [key: string]: string | Catalog };

// core has the reasons as a type only: listed here, and the compiler keeps the list in step.
const SCREENING_REASONS = [
  'rule_met',
  'provisional_rule_met',
  'control_indicator',
  'strong_indicator',
  'indicators_present',
] as const satisfies readonly ScreeningReason[];
type MissingReason = Exclude<ScreeningReason, (typeof SCREENING_REASONS)[number]>;
const noReasonMissing: [MissingReason] extends [never] ? true : false = true;
void noReasonMissing;

const here = dirname(fileURLToPath(import.meta.url));
const LOCALES = ['kk', 'ru', 'en'] as const;
const catalogs = Object.fromEntries(LOCALES.map((l) => [l, JSON.parse(readFileSync(join(here, `${l}.json`), 'utf8')) as Catalog])) as Record<
  (typeof LOCALES)[number],
  Catalog
>;

/** Dotted path → string value, for every leaf. */
function flatten(obj: Catalog, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
    else out.set(key, v);
  }
  return out;
}

function lookup(obj: Catalog, path: string): unknown {
  let node: unknown = obj;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Catalog)[part];
  }
  return node;
}

const flat = Object.fromEntries(LOCALES.map((l) => [l, flatten(catalogs[l])])) as Record<(typeof LOCALES)[number], Map<string, unknown>>;

const ENUMS: Record<string, readonly string[]> = {
  roles: ROLES,
  agencyTypes: AGENCY_TYPES,
  caseStatus: CASE_STATUSES,
  traffickingStatus: TRAFFICKING_STATUSES,
  decisionOrg: DECISION_ORGS,
  gender: GENDERS,
  exploitation: EXPLOITATION_TYPES,
  // What an identification decision found (HTCDS vic_* picklists); ISIC Rev.4 sections by letter.
  sexExploitation: SEX_EXPLOITATION_TYPES,
  isicSection: FORCED_LABOUR_INDUSTRIES,
  methodOfControl: HTCDS_METHOD_OF_CONTROL_VALUES,
  recruitmentMethod: RECRUITMENT_METHODS,
  perpetrator: PERPETRATOR_TYPES,
  identityDocumentType: IDENTITY_DOCUMENT_TYPES,
  // Browsers lack Kazakh country names: the common ones are in the catalogs.
  countries: COMMON_CITIZENSHIPS,
  caseAction: CASE_ACTION_TYPES,
  // The provider directory (issue #10).
  providerKind: PROVIDER_KINDS,
  providerService: PROVIDER_SERVICES,
  providerEligibility: PROVIDER_ELIGIBILITY,
  providerFunding: PROVIDER_FUNDING,
  settlement: SETTLEMENTS,
  // Referrals and consents (issue #10).
  referralStatus: REFERRAL_STATUSES,
  referralAction: REFERRAL_ACTION_TYPES,
  consentShare: CONSENT_SHARES,
  consentGiver: CONSENT_GIVERS,
  consentState: CONSENT_STATES,
  // Entitlements (issue #10): names, explanations, states, who pays, why extended.
  entitlementKind: ENTITLEMENT_KINDS,
  'entitlements.explain': ENTITLEMENT_KINDS,
  entitlementState: ENTITLEMENT_STATES,
  medicalPayer: MEDICAL_PAYERS,
  extensionReason: EXTENSION_REASONS,
  // Audit operations contain dots ("auth.sign_in"): nested, so the key is the operation itself.
  'audit.operation': AUDIT_OPERATIONS,
  'audit.outcome': AUDIT_OUTCOMES,
  // Every operation is told as a sentence in the log (nested on its dots, like the operations).
  'auditLog.sentence': AUDIT_OPERATIONS,
  errors: ERROR_CODES,
  'home.intro': ROLES,
  language: LOCALES,
  setting: ENCOUNTER_SETTINGS,
  screeningLanguage: SCREENING_LANGUAGES,
  screeningLevel: SCREENING_LEVELS,
  'screening.reason': SCREENING_REASONS,
  'screening.levelHelp': SCREENING_LEVELS,
  // Documents (issue #10): kinds of attachment; the languages a document can be generated in.
  attachmentKind: ATTACHMENT_KINDS,
  'documentsPanel.lang': DOCUMENT_LANGUAGES,
  // The home page's work: how urgent a queue's items are.
  'work.urgency': URGENCIES,
  // Protection cases (issue #10).
  protectionStatus: PROTECTION_STATUSES,
  needArea: NEED_AREAS,
  needLevel: NEED_LEVELS,
  supportPlanType: SUPPORT_PLAN_TYPES,
  closureReason: CLOSURE_REASONS,
  paidBy: PAID_BY,
  serviceUnit: SERVICE_UNITS,
  followUpKind: FOLLOW_UP_KINDS,
  riskLevel: RISK_LEVELS,
  // Justice and redress (issue #11): a criminal case's stages and its history, defendants, victims, redress, legal aid.
  'justice.stage': CRIMINAL_STAGES,
  'justice.suspensionReason': SUSPENSION_REASONS,
  'justice.terminationReason': TERMINATION_REASONS,
  'justice.event': ['registered', ...CRIMINAL_CASE_ACTIONS],
  'justice.defendantKind': DEFENDANT_KINDS,
  'justice.defendantStatus': DEFENDANT_STATUSES,
  'justice.officialAgencyType': OFFICIAL_AGENCY_TYPES,
  'justice.outcome': OUTCOMES,
  'justice.sentenceKind': SENTENCE_KINDS,
  'justice.chargeReason': CHARGE_CHANGE_REASONS,
  'justice.proceduralRole': PROCEDURAL_ROLES,
  'justice.interviewPlace': INTERVIEW_PLACES,
  'justice.measure': PROTECTIVE_MEASURES,
  'justice.measureStatus': MEASURE_STATUSES,
  'redress.modes': CLAIM_MODES,
  'redress.sources': PAYMENT_SOURCES,
  'redress.languages': COMPENSATION_LANGUAGES,
  'legalAid.funding': LAWYER_FUNDING,
  'legalAid.service': LEGAL_SERVICES,
};

const ZOD_ISSUE_CODES = [
  'invalid_type',
  'too_small',
  'too_big',
  'invalid_format',
  'invalid_value',
  'invalid_union',
  'unrecognized_keys',
  'custom',
  'not_multiple_of',
  'invalid_key',
  'invalid_element',
];
const EXTRA_VALIDATION = [
  'required',
  'password_too_short',
  'password_too_common',
  'password_needs_variety',
  // Screening and indicator reference data (core's domain/identification, screening contract).
  'anonymous_has_identity',
  'child_requires_referral',
  'unknown_indicator',
  'mixed_indicator_groups',
  'duplicate_id',
  'unknown_dimension',
  'unknown_group',
  'unknown_reading',
  'unknown_source',
  'translation_required',
  'strength_without_dimension',
  'rule_expression_syntax',
  'rule_expression_too_complex',
  'invalid_date',
  'invalid_range',
  'no_working_days',
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const webSrc = join(here, '..', 'apps', 'web', 'src');
const sources = sourceFiles(webSrc).map((f) => ({ file: f, text: readFileSync(f, 'utf8') }));

describe('i18n catalogs', () => {
  it.each(LOCALES)('%s has every key the other locales have', (locale) => {
    const mine = flat[locale];
    const missing = LOCALES.filter((o) => o !== locale).flatMap((o) => [...flat[o].keys()].filter((k) => !mine.has(k)).map((k) => `${k} (in ${o})`));
    expect(missing).toEqual([]);
  });

  it.each(LOCALES)('%s has no empty or non-string values', (locale) => {
    const bad = [...flat[locale]].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);
    expect(bad).toEqual([]);
  });

  it.each(LOCALES)('%s labels every enum value from core', (locale) => {
    const missing: string[] = [];
    for (const [prefix, values] of Object.entries(ENUMS)) {
      for (const v of values) {
        const value = lookup(catalogs[locale], `${prefix}.${v}`);
        if (typeof value !== 'string' || !value.trim()) missing.push(`${prefix}.${v}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it.each(LOCALES)('%s has the validation messages the server uses', (locale) => {
    const missing = [...ZOD_ISSUE_CODES, ...EXTRA_VALIDATION].filter((c) => typeof lookup(catalogs[locale], `validation.${c}`) !== 'string');
    expect(missing).toEqual([]);
  });

  it.each(LOCALES)('%s keeps interpolation variables of the English text', (locale) => {
    const vars = (s: unknown) => (typeof s === 'string' ? [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort() : []);
    const wrong = [...flat.en].filter(([k, v]) => JSON.stringify(vars(v)) !== JSON.stringify(vars(flat[locale].get(k)))).map(([k]) => k);
    expect(wrong).toEqual([]);
  });

  it('kk.json is Kazakh and ru.json is Russian, not English copies', () => {
    const text = (l: (typeof LOCALES)[number]) => [...flat[l].values()].join(' ');
    expect(text('kk')).toMatch(/[әғқңөұүһі]/);
    expect(text('ru')).toMatch(/[а-яё]/i);
    // Most strings differ from English (brand names and codes may not).
    for (const l of ['kk', 'ru'] as const) {
      const same = [...flat.en].filter(([k, v]) => flat[l].get(k) === v).length;
      expect(same / flat.en.size).toBeLessThan(0.1);
    }
    const kazakhSpecific = [...flat.kk.values()].filter((v) => typeof v === 'string' && /[әғқңөұүһі]/i.test(v)).length;
    expect(kazakhSpecific / flat.kk.size).toBeGreaterThan(0.5);
  });
});

describe('keys used by the web app', () => {
  it('finds the web sources', () => {
    expect(sources.length).toBeGreaterThan(10);
  });

  it('every literal key exists in every catalog', () => {
    // t('a.b'), t("a.b"), and `label: 'a.b'` in typed key tables (nav items, home actions).
    const patterns = [/\bt\(\s*['"]([\w.-]+)['"]/g, /\blabel:\s*'([a-zA-Z]+\.[\w.]+)'/g];
    const missing: string[] = [];
    for (const { file, text } of sources) {
      for (const re of patterns) {
        for (const m of text.matchAll(re)) {
          const key = m[1]!;
          for (const l of LOCALES) {
            if (typeof lookup(catalogs[l], key) !== 'string') missing.push(`${key} in ${l}.json (${file.slice(webSrc.length + 1)})`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('every dynamic key prefix t(`prefix.{x}`) is a group in every catalog', () => {
    const missing: string[] = [];
    for (const { file, text } of sources) {
      for (const m of text.matchAll(/\bt\(\s*`([\w.]+)\.\$\{/g)) {
        const prefix = m[1]!;
        for (const l of LOCALES) {
          const node = lookup(catalogs[l], prefix);
          if (node === null || typeof node !== 'object') missing.push(`${prefix} in ${l}.json (${file.slice(webSrc.length + 1)})`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

/**
 * The public report page (/report) also speaks Uzbek (Latin) and Kyrgyz. Their catalogs hold
 * only that page's subtree; it must be complete, and the same keys must exist in kk/ru/en.
 */
describe('public report page languages (uz, ky)', () => {
  // `documents`: the texts of generated PDFs (rights sheet, referral letter), in all five languages.
  const PAGE_SUBTREES = ['selfReport', 'documents'];
  const extra = Object.fromEntries(
    (['uz', 'ky'] as const).map((l) => [l, flatten(JSON.parse(readFileSync(join(here, `${l}.json`), 'utf8')) as Catalog)]),
  ) as Record<'uz' | 'ky', Map<string, unknown>>;
  const pageKeys = [...flat.en.keys()].filter((k) => PAGE_SUBTREES.some((s) => k.startsWith(`${s}.`)));

  it('the page has keys in kk/ru/en', () => {
    expect(pageKeys.length).toBeGreaterThan(30);
  });

  it.each(['uz', 'ky'] as const)('%s has exactly the page keys, none empty, the same variables', (l) => {
    expect([...extra[l].keys()].sort()).toEqual([...pageKeys].sort());
    const empty = [...extra[l]].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
    const vars = (s: unknown) => (typeof s === 'string' ? [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort() : []);
    const wrong = pageKeys.filter((k) => JSON.stringify(vars(flat.en.get(k))) !== JSON.stringify(vars(extra[l].get(k))));
    expect(wrong).toEqual([]);
  });

  it('uz.json is Uzbek in Latin script (with oʻ/gʻ) and ky.json is Kyrgyz (with ң/ө/ү), not copies', () => {
    const text = (m: Map<string, unknown>) =>
      [...m]
        .filter(([k]) => !k.startsWith('selfReport.languages.'))
        .map(([, v]) => v)
        .join(' ');
    expect(text(extra.uz)).toMatch(/[oOgG]ʻ/);
    expect(text(extra.uz)).not.toMatch(/[а-яё]/i);
    expect(text(extra.ky)).toMatch(/[ңөү]/);
    // Kazakh-only letters would mean a Kazakh copy.
    expect(text(extra.ky)).not.toMatch(/[әғқұһі]/i);
    for (const l of ['uz', 'ky'] as const) {
      for (const other of LOCALES) {
        const same = pageKeys.filter((k) => !k.startsWith('selfReport.languages.') && extra[l].get(k) === flat[other].get(k));
        expect(same, `${l} vs ${other}`).toEqual([]);
      }
    }
  });
});
