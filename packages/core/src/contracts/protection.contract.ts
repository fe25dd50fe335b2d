import { z } from 'zod';
import { PROTECTION_ACTIONS } from '../domain/care/protection-authority.ts';
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
} from '../domain/care/protection-values.ts';
import { PROVIDER_SERVICES } from '../domain/care/provider-values.ts';
import { ClientId, LocalizedName, PageQuery, pageOf } from './common.contract.ts';
import { isoDate, text } from './primitives.ts';

/**
 * The protection case (issue #10 item 3): needs, support plan (HTCDS `spl_*`), services with
 * their cost, shelter stays, closure and follow-up. Free text is personal data (encrypted at
 * rest) and shown only to readers who may see the person's identity; the national coordinator
 * sees codes, dates, costs and a pseudonym.
 */

const note = text({ max: 2000, multiline: true });

/** Open from an accepted referral (`referralId`), or directly for a person and NRM case the agency holds. */
export const OpenProtectionCaseBody = z.object({
  clientId: ClientId,
  referralId: z.uuid().optional(),
  personId: z.uuid().optional(),
  caseId: z.uuid().optional(),
  providerId: z.uuid().optional(),
});
export type OpenProtectionCaseBody = z.infer<typeof OpenProtectionCaseBody>;

export const NeedEntry = z.object({ area: z.enum(NEED_AREAS), level: z.enum(NEED_LEVELS), note: note.optional() });
export type NeedEntry = z.infer<typeof NeedEntry>;

export const AssessNeedsBody = z.object({
  clientId: ClientId,
  needs: z
    .array(NeedEntry)
    .min(1)
    .max(NEED_AREAS.length)
    .refine((a) => new Set(a.map((n) => n.area)).size === a.length, { params: { code: 'duplicate_value' } }),
});
export type AssessNeedsBody = z.infer<typeof AssessNeedsBody>;

/** HTCDS spl_Type, spl_Objectives, spl_ActionPlan, spl_PlannedEndDate, spl_ActualEndDate. */
export const SupportPlanBody = z.object({
  clientId: ClientId,
  type: z.enum(SUPPORT_PLAN_TYPES),
  objectives: text({ max: 4000, min: 1, multiline: true }),
  actionPlan: text({ max: 4000, min: 1, multiline: true }),
  plannedEndDate: isoDate(),
  actualEndDate: isoDate().optional(),
});
export type SupportPlanBody = z.infer<typeof SupportPlanBody>;

/** Cost and quantity are checked by core `costIssues` (field-level: negative, fractional, absurd). */
export const RecordServiceBody = z.object({
  clientId: ClientId,
  date: isoDate(),
  providerId: z.uuid(),
  service: z.enum(PROVIDER_SERVICES),
  quantity: z.number(),
  unit: z.enum(SERVICE_UNITS),
  costTenge: z.number(),
  paidBy: z.enum(PAID_BY),
});
export type RecordServiceBody = z.infer<typeof RecordServiceBody>;

export const AdmitBody = z.object({ clientId: ClientId, providerId: z.uuid(), admittedOn: isoDate(), emergency: z.boolean().default(false) });
export type AdmitBody = z.infer<typeof AdmitBody>;

export const DischargeBody = z.object({ clientId: ClientId, stayId: z.uuid(), dischargedOn: isoDate() });
export type DischargeBody = z.infer<typeof DischargeBody>;

export const CloseProtectionBody = z.object({ clientId: ClientId, reason: z.enum(CLOSURE_REASONS), note: note.optional() });
export type CloseProtectionBody = z.infer<typeof CloseProtectionBody>;

export const RecordFollowUpBody = z.object({
  clientId: ClientId,
  followUpId: z.uuid(),
  contacted: z.boolean(),
  riskLevel: z.enum(RISK_LEVELS),
  outcome: note.optional(),
});
export type RecordFollowUpBody = z.infer<typeof RecordFollowUpBody>;

/** A shelter offered instead of a full one (the refusal's `alternatives`): an organisation, no personal data. */
export const ShelterAlternative = z.object({ id: z.uuid(), name: LocalizedName, regionCode: z.string(), free: z.number().int() });
export type ShelterAlternative = z.infer<typeof ShelterAlternative>;

const ProviderRef = z.object({ id: z.uuid(), name: LocalizedName, regionCode: z.string(), kind: z.string() });

export const ProtectionService = z.object({
  id: z.uuid(),
  date: z.string(),
  provider: ProviderRef,
  service: z.enum(PROVIDER_SERVICES),
  quantity: z.number(),
  unit: z.enum(SERVICE_UNITS),
  costTenge: z.number().int(),
  paidBy: z.enum(PAID_BY),
});

export const ShelterStay = z.object({
  id: z.uuid(),
  provider: ProviderRef,
  admittedOn: z.string(),
  dischargedOn: z.string().nullable(),
  emergency: z.boolean(),
  bedDays: z.number().int(),
});
export type ShelterStay = z.infer<typeof ShelterStay>;

export const FollowUp = z.object({
  id: z.uuid(),
  kind: z.enum(FOLLOW_UP_KINDS),
  dueOn: z.string(),
  doneAt: z.string().nullable(),
  contacted: z.boolean().nullable(),
  riskLevel: z.enum(RISK_LEVELS).nullable(),
  /** Null for a reader who may not see the person's identity. */
  outcome: z.string().nullable(),
  urgency: z.enum(['overdue', 'due_soon']).nullable(),
});

export const SupportPlan = z.object({
  type: z.enum(SUPPORT_PLAN_TYPES),
  objectives: z.string().nullable(),
  actionPlan: z.string().nullable(),
  plannedEndDate: z.string(),
  actualEndDate: z.string().nullable(),
  setAt: z.string(),
});

export const ProtectionCaseSummary = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: z.enum(PROTECTION_STATUSES),
  personId: z.uuid(),
  /** The person's pseudonym: lists may be seen on a shared screen. */
  personLabel: z.string(),
  /** The person's name, only for a reader who may see her identity. */
  personName: z.string().nullable(),
  provider: ProviderRef,
  regionCode: z.string(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  inShelter: z.boolean(),
});
export type ProtectionCaseSummary = z.infer<typeof ProtectionCaseSummary>;

export const ProtectionCase = ProtectionCaseSummary.extend({
  caseId: z.uuid(),
  caseReference: z.string().nullable(),
  referralId: z.uuid().nullable(),
  needs: z.array(z.object({ area: z.enum(NEED_AREAS), level: z.enum(NEED_LEVELS), note: z.string().nullable() })).nullable(),
  needsAssessedAt: z.string().nullable(),
  plan: SupportPlan.nullable(),
  services: z.array(ProtectionService),
  totalCostTenge: z.number().int(),
  stays: z.array(ShelterStay),
  totalBedDays: z.number().int(),
  closureReason: z.enum(CLOSURE_REASONS).nullable(),
  followUps: z.array(FollowUp),
  /** What THIS reader may do now (core PROTECTION_ACTION_RULES). */
  allowedActions: z.array(z.enum(PROTECTION_ACTIONS)),
});
export type ProtectionCase = z.infer<typeof ProtectionCase>;

export const ProtectionCaseListQuery = PageQuery.extend({ status: z.enum(PROTECTION_STATUSES).optional() });
export const ProtectionCasePage = pageOf(ProtectionCaseSummary);
export type ProtectionCasePage = z.infer<typeof ProtectionCasePage>;

/** The person page's panel: her protection cases in the reader's scope, with totals. */
export const PersonProtection = z.object({
  items: z.array(ProtectionCaseSummary),
  /** Accepted referrals of this person to the reader's agency without a protection case yet (the care staff may open one). */
  openable: z.array(z.object({ referralId: z.uuid(), reference: z.string(), provider: ProviderRef })),
  totalCostTenge: z.number().int(),
  totalBedDays: z.number().int(),
});
export type PersonProtection = z.infer<typeof PersonProtection>;
