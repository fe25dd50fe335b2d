import { z } from 'zod';
import { PageQuery, pageOf, RegionCodeSchema } from './common.contract.ts';
import { text } from './primitives.ts';
import { SELF_REPORT_LANGUAGES, SELF_REPORT_REPORTERS, SELF_REPORT_SITUATIONS, SELF_REPORT_STATUSES } from './self-report-values.ts';

export * from './self-report-values.ts';

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
