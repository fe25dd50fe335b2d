import { z } from 'zod';
import { ROLES } from '../access/roles.ts';
import { CLAIM_MODES, PAYMENT_SOURCES } from '../domain/justice/justice-values.ts';
import { COMPENSATION_LANGUAGES } from '../domain/justice/redress-rules.ts';
import { ClientId, LocalizedName } from './common.contract.ts';
import { isoDate, text } from './primitives.ts';

/**
 * Compensation per person (DOMAIN.md §2.6; issue #11 item 5). Amounts are numbers here and judged
 * by core redress-rules (whole tenge, not negative, not absurd: field-level codes); dates "not in
 * the future" and "not before" are judged there too, against Kazakhstan's date.
 */

/** The actions of this panel (the legal-aid ones are on their own endpoints). */
export const COMPENSATION_ACTIONS = ['record_informed', 'file_claim', 'record_award', 'record_payment'] as const;
export type CompensationAction = (typeof COMPENSATION_ACTIONS)[number];

export const RecordInformedBody = z.object({
  clientId: ClientId,
  informedOn: isoDate(),
  language: z.enum(COMPENSATION_LANGUAGES),
  criminalCaseId: z.uuid().optional(),
});
export type RecordInformedBody = z.infer<typeof RecordInformedBody>;

export const FileClaimBody = z.object({
  clientId: ClientId,
  mode: z.enum(CLAIM_MODES),
  criminalCaseId: z.uuid().optional(),
  filedOn: isoDate(),
  claimedTenge: z.number(),
});
export type FileClaimBody = z.infer<typeof FileClaimBody>;

export const RecordAwardBody = z.object({ clientId: ClientId, awardedTenge: z.number(), awardedOn: isoDate() });
export type RecordAwardBody = z.infer<typeof RecordAwardBody>;

export const RecordPaymentBody = z.object({
  clientId: ClientId,
  paidOn: isoDate(),
  amountTenge: z.number(),
  source: z.enum(PAYMENT_SOURCES),
  overAwardReason: text({ max: 2000, min: 1, multiline: true }).optional(),
});
export type RecordPaymentBody = z.infer<typeof RecordPaymentBody>;

export const ClaimParams = z.object({ id: z.uuid(), claimId: z.uuid() });
export type ClaimParams = z.infer<typeof ClaimParams>;

export const CompensationNoticeView = z.object({
  id: z.uuid(),
  informedOn: z.string(),
  language: z.enum(COMPENSATION_LANGUAGES),
  byRole: z.enum(ROLES),
  agencyName: LocalizedName,
});
export type CompensationNoticeView = z.infer<typeof CompensationNoticeView>;

export const CompensationPaymentView = z.object({
  id: z.uuid(),
  paidOn: z.string(),
  amountTenge: z.number().int(),
  source: z.enum(PAYMENT_SOURCES),
  /** The running total paid on the claim exceeds the award with this payment (recorded with a reason). */
  overAward: z.boolean(),
});
export type CompensationPaymentView = z.infer<typeof CompensationPaymentView>;

export const CivilClaimView = z.object({
  id: z.uuid(),
  mode: z.enum(CLAIM_MODES),
  /** The criminal case, if linked; its id only when the reader may open it. */
  criminalCase: z.object({ id: z.uuid().nullable(), erdrNumber: z.string() }).nullable(),
  filedOn: z.string(),
  claimedTenge: z.number().int(),
  awardedTenge: z.number().int().nullable(),
  awardedOn: z.string().nullable(),
  paidTenge: z.number().int(),
  payments: z.array(CompensationPaymentView),
});
export type CivilClaimView = z.infer<typeof CivilClaimView>;

export const PersonRedress = z.object({
  personId: z.uuid(),
  informed: z.array(CompensationNoticeView),
  /** No one has recorded that the right to compensation was explained. */
  reminder: z.boolean(),
  claims: z.array(CivilClaimView),
  totals: z.object({ claimed: z.number().int(), awarded: z.number().int(), paid: z.number().int() }),
  allowedActions: z.array(z.enum(COMPENSATION_ACTIONS)),
  /** The criminal cases she is a party to that the reader may open: what a claim or a notice may link. */
  criminalCases: z.array(z.object({ id: z.uuid(), erdrNumber: z.string() })),
});
export type PersonRedress = z.infer<typeof PersonRedress>;
