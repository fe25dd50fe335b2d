import { z } from 'zod';
import { PageQuery, pageOf, RegionCodeSchema } from './common.contract.ts';
import { text } from './primitives.ts';

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
export const SELF_REPORT_STATUSES = ['new', 'in_progress', 'screened', 'closed'] as const;
export type SelfReportStatus = (typeof SELF_REPORT_STATUSES)[number];

/**
 * The public report. `website` is a honeypot: hidden from people, filled by bots; a filled
 * one is answered like any other report and not stored.
 */
export const SelfReportBody = z.object({
  reporter: z.enum(SELF_REPORT_REPORTERS),
  language: z.enum(SELF_REPORT_LANGUAGES),
  regionCode: RegionCodeSchema.optional(),
  whatHappened: text({ min: 1, max: 5000, multiline: true }),
  /** How to reach them safely: a phone number, a time of day, or "do not contact me". */
  contact: text({ max: 200 }).optional(),
  safeToContact: z.boolean(),
  situation: z.array(z.enum(SELF_REPORT_SITUATIONS)).max(SELF_REPORT_SITUATIONS.length).optional(),
  website: text({ max: 500 }).optional(),
});
export type SelfReportBody = z.infer<typeof SelfReportBody>;

/** The only answer the public ever gets, whatever happened. */
export const SelfReportReceipt = z.object({ reference: z.string() });
export type SelfReportReceipt = z.infer<typeof SelfReportReceipt>;

export const SelfReport = z.object({
  id: z.uuid(),
  reference: z.string(),
  reporter: z.enum(SELF_REPORT_REPORTERS),
  language: z.enum(SELF_REPORT_LANGUAGES),
  regionCode: z.string().nullable(),
  situation: z.array(z.enum(SELF_REPORT_SITUATIONS)),
  whatHappened: z.string(),
  contact: z.string().nullable(),
  safeToContact: z.boolean(),
  status: z.enum(SELF_REPORT_STATUSES),
  assignedTo: z.uuid().nullable(),
  screeningId: z.uuid().nullable(),
  createdAt: z.string(),
});
export type SelfReport = z.infer<typeof SelfReport>;
export const SelfReportPage = pageOf(SelfReport);
export type SelfReportPage = z.infer<typeof SelfReportPage>;
export const SelfReportListQuery = PageQuery;

/** `screened` names the screening the operator recorded (its id or its SCR- reference). */
export const SelfReportStatusBody = z
  .object({
    status: z.enum(['in_progress', 'screened', 'closed']),
    screeningReference: text({ max: 64 }).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.status === 'screened' && !b.screeningReference) {
      ctx.addIssue({ code: 'custom', path: ['screeningReference'], message: 'required', params: { code: 'required' } });
    }
  });
export type SelfReportStatusBody = z.infer<typeof SelfReportStatusBody>;
