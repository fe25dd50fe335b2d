import type { AgencyType } from '../../../access/roles.ts';
import type { FormCategory } from '../categories.ts';
import type { RecommendationStatus } from '../recommendations.ts';

export type ReportLang = 'en' | 'ru' | 'kk';
export type ReportSectionKey = 'prosecution' | 'protection' | 'prevention';

export interface ReportSectionText {
  key: ReportSectionKey;
  heading: string;
  paragraphs: string[];
}

export interface AnnualReportText {
  title: string;
  sections: ReportSectionText[];
  /** Footnotes: which comparisons use official figures of years before the register, and the public edition's rule. */
  notes: string[];
}

/** A count as a sentence may show it: a number or "fewer than 11". Hidden counts never reach a sentence. */
export type Shown = number | 'lt11';

/** "compared with N in YYYY". */
export interface Comparison {
  year: number;
  value: Shown;
}

/** An amount of money ready to write: tenge, and the dollar figure already rounded (null: no rate for the year). */
export interface Money {
  tenge: number;
  usd: number | null;
}

/**
 * The parenthesised split of a count into Kazakhstani citizens and foreign nationals. Zero parts
 * are left out; `all…` when the one part left is the whole (more than one) count.
 */
export type CitizenSplit = { kind: 'allCitizens' } | { kind: 'allForeign' } | { kind: 'parts'; citizen: Shown | null; foreign: Shown | null };

export interface FormItem {
  form: FormCategory;
  n: Shown;
  split: CitizenSplit | null;
}

export interface AgencyItem {
  agencyType: AgencyType;
  n: Shown;
}

export type Participation = { kind: 'all'; n: number } | { kind: 'some'; n: Shown; of: number | null } | { kind: 'none' };

export interface VictimWitness {
  money: Money;
  /** Persons helped, split like a form's victims; null: the split is hidden or empty. */
  persons: CitizenSplit | null;
}

/** A noun's forms for one and for more (the plural category picks; Russian nouns carry their own cases). */
export interface OneOther {
  one: string;
  other: string;
}

/**
 * The words a language gives the report's categories. One type for all three languages, each a
 * `Record` over the category list, so a category without a label is a compile error. They live
 * here in TypeScript, not in i18n/*.json, because they are parts of sentences whose grammar is
 * code (case, agreement with numerals, Kazakh endings), written together with those sentences.
 */
export interface ReportLabels {
  /** The victims of a form of exploitation, as the predicate of "N were …" (en), "N — …" (ru, kk). */
  forms: Record<FormCategory, OneOther>;
  /** An agency type as the agent of "identified by …": en/kk nominative, ru instrumental. */
  agencies: Record<AgencyType, string>;
  /** A recommendation status, as a count's label. */
  statuses: Record<RecommendationStatus, string>;
}

/**
 * The sentences of one language. The composer (write-annual-report.ts) decides which sentences
 * exist and hands each only the counts it may show; the language decides the words, the number
 * words, the plural and case forms. Every function returns one whole sentence.
 */
export interface ReportSentences {
  title(year: number, edition: 'official' | 'public'): string;
  headings: Record<ReportSectionKey, string>;

  /** Trafficking cases investigated. */
  investigations(year: number, n: Shown, previous: Comparison | null): string;
  /** Cases prosecuted (sent to court). */
  prosecutions(n: Shown, previous: Comparison | null): string;
  /** Persons convicted. */
  convictions(n: Shown, previous: Comparison | null): string;
  /** Parts are non-zero; at least one. */
  sentencesImposed(parts: { custodial: Shown | null; suspended: Shown | null; fine: Shown | null }): string;
  noComplicity(): string;
  complicity(suspects: Shown | null, convicted: Shown | null): string;

  identified(n: Shown, previous: Comparison | null): string;
  /** total: the victims' count when it can be shown exactly (null: fewer than 11 or hidden). Items: at least one. */
  byForm(total: number | null, items: FormItem[]): string;
  sexAndAge(female: Shown | null, male: Shown | null, children: Shown | null): string;
  identifiedBy(items: AgencyItem[]): string;
  notCounted(anonymous: Shown | null, selfReports: Shown | null): string;
  referralNotReported(): string;
  referred(n: Shown): string;
  referredBy(items: AgencyItem[]): string;
  sheltered(persons: Shown | null, bedDays: number | null): string;
  shelterFunding(year: number, money: Money, shelters: number, previous: (Money & { year: number }) | null): string;
  /** One sentence of both when both are known (as TIP joins them), else one of them. */
  proceedings(participation: Participation | null, victimWitness: VictimWitness | null): string;
  compensationInformed(informed: Shown | null, claims: Shown | null): string;
  compensationAwarded(awarded: Money | null, paid: Money | null): string;
  legalAid(persons: Shown): string;

  recommendations(year: number, total: number, byStatus: { status: RecommendationStatus; n: number }[]): string;

  officialFiguresNote(year: number): string;
  publicEditionNote(): string;
}

export type ReportLanguage = ReportLabels & ReportSentences;
