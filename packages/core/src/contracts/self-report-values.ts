/**
 * The value lists of the public self-report, without zod: the public /report page is built
 * without the contracts (and so without zod) to stay small, and imports these directly.
 */

/** Who is reporting: the person themself, or someone who saw something (issue #3 item 6). */
export const SELF_REPORT_REPORTERS = ['self', 'witness'] as const;
/** Languages of the public report page: Kazakhstan's two, English, and the largest migrant groups'. */
export const SELF_REPORT_LANGUAGES = ['kk', 'ru', 'en', 'uz', 'ky'] as const;
export type SelfReportLanguage = (typeof SELF_REPORT_LANGUAGES)[number];
/** The few plain-language checkboxes of the public form. */
export const SELF_REPORT_SITUATIONS = [
  'documents_taken',
  'not_paid',
  'cannot_leave',
  'threatened',
  'debt',
  'child_involved',
  'sexual_exploitation',
  'other',
] as const;
export type SelfReportSituation = (typeof SELF_REPORT_SITUATIONS)[number];
export const SELF_REPORT_STATUSES = ['new', 'in_progress', 'screened', 'closed'] as const;
export type SelfReportStatus = (typeof SELF_REPORT_STATUSES)[number];
