/**
 * What the annual report says, as facts (issue #13 item 2). The server gathers them from the
 * statistics engine, the official figures of years before the register and the funding data;
 * core writes the sentences from them (report-text). Nothing here is text: a fact that is
 * absent is `null`, and the sentence that would carry it is left out, never written with zeros.
 */

/**
 * A published count. In the public edition a small cell reads "fewer than 11" (`lt11`) and a
 * cell hidden to protect one (secondary suppression) is `hidden`: its sentence part is left out.
 */
export type ReportCount = number | 'lt11' | 'hidden';

/** Where a previous year's figure comes from: Qorgau's own records or an official figure entered for a year before it. */
export type FigureSource = 'register' | 'official';

export interface PreviousFigure {
  year: number;
  value: ReportCount;
  source: FigureSource;
}

export interface TengeAmount {
  tenge: number;
  /** Tenge per US dollar for the year, as stated in the exchange-rate table; null: no dollar figure. */
  tengePerUsd: number | null;
}

export interface AnnualReportFacts {
  year: number;
  /** `official`: the government's submission, exact figures. `public`: small cells suppressed. */
  edition: 'official' | 'public';
  identification: {
    victims: ReportCount;
    previous: PreviousFigure | null;
    /** Each form (FORM_CATEGORIES) split into Kazakhstani citizens and foreign nationals; largest first. */
    byForm: { form: string; total: ReportCount; citizen: ReportCount; foreign: ReportCount }[];
    children: ReportCount | null;
    /** Women and girls, men and boys. */
    female: ReportCount | null;
    male: ReportCount | null;
    /** Identified by each type of agency (AGENCY_TYPES). */
    byAgencyType: { agencyType: string; n: ReportCount }[];
    /** Anonymous notifications (an adult declined) and public self-reports: counted apart, never as victims. */
    anonymousNotifications: ReportCount | null;
    selfReports: ReportCount | null;
  } | null;
  care: {
    /** Victims referred to care; null when nobody recorded a referral (the sentence says so). */
    referred: ReportCount | null;
    byReferrerType: { agencyType: string; n: ReportCount }[];
    personsSheltered: ReportCount | null;
    bedDays: number | null;
  } | null;
  funding: {
    shelters: TengeAmount & { count: number };
    previous: (TengeAmount & { year: number; count: number; source: FigureSource }) | null;
  } | null;
  proceedings: {
    /** Identified victims (of this year) who took part in investigations or trials. */
    participated: ReportCount | null;
    victimWitness: (TengeAmount & { citizens: ReportCount; foreign: ReportCount }) | null;
  } | null;
  prosecution: {
    investigations: ReportCount;
    prosecutions: ReportCount;
    convictions: ReportCount;
    previous: {
      year: number;
      investigations: ReportCount | null;
      prosecutions: ReportCount | null;
      convictions: ReportCount | null;
      source: FigureSource;
    } | null;
    sentences: { custodial: ReportCount; suspended: ReportCount; fine: ReportCount } | null;
    complicitOfficials: { suspects: ReportCount; convicted: ReportCount } | null;
  } | null;
  redress: {
    informed: ReportCount | null;
    claims: ReportCount | null;
    awarded: TengeAmount | null;
    paid: TengeAmount | null;
    legalAidPersons: ReportCount | null;
  } | null;
  prevention: {
    /** Recommendation statuses for the year (recommendations tracker). */
    recommendations: { code: string; status: string }[];
  } | null;
}
