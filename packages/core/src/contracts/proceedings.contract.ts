import { z } from 'zod';
import { CRIMINAL_STAGES } from '../domain/justice/criminal-stage.ts';
import { CRIMINAL_CASE_ACTIONS } from '../domain/justice/justice-authority.ts';
import { INTERVIEW_PLACES, MEASURE_STATUSES, PROCEDURAL_ROLES, PROTECTIVE_MEASURES } from '../domain/justice/justice-values.ts';
import { ClientId } from './common.contract.ts';
import { codeText, isoDate, text } from './primitives.ts';

/**
 * Victims in criminal proceedings (issue #11 item 2): persons linked to a criminal case with
 * their procedural role, their interviews (video-recorded testimony: a repeat needs a reason),
 * protective measures with their cost (the PPCP programme), her departure and her job. The
 * rules are core proceedings-rules.ts; the authority is core CRIMINAL_CASE_ACTION_RULES.
 */

export const LinkVictimBody = z.object({
  clientId: ClientId,
  personId: z.uuid(),
  proceduralRole: z.enum(PROCEDURAL_ROLES),
  linkedOn: isoDate(),
});
export type LinkVictimBody = z.infer<typeof LinkVictimBody>;

export const UpdateVictimBody = z.object({
  clientId: ClientId,
  proceduralRole: z.enum(PROCEDURAL_ROLES).optional(),
  participated: z.boolean().optional(),
  leftCountryOn: isoDate().nullable().optional(),
  counselContinues: z.boolean().optional(),
  employedSince: isoDate().nullable().optional(),
});
export type UpdateVictimBody = z.infer<typeof UpdateVictimBody>;

export const RecordInterviewBody = z.object({
  clientId: ClientId,
  heldOn: isoDate(),
  place: z.enum(INTERVIEW_PLACES),
  videoRecorded: z.boolean(),
  socialWorkerPresent: z.boolean(),
  interpreterPresent: z.boolean(),
  /** ISO 639-1. */
  language: codeText(/^[a-z]{2}$/, { max: 2, lowercase: true }).optional(),
  /** Why she is interviewed again after a video-recorded testimony (personal data: encrypted). */
  repeatReason: text({ max: 2000, multiline: true }).optional(),
});
export type RecordInterviewBody = z.infer<typeof RecordInterviewBody>;

export const RequestMeasureBody = z.object({ clientId: ClientId, measure: z.enum(PROTECTIVE_MEASURES), requestedOn: isoDate() });
export type RequestMeasureBody = z.infer<typeof RequestMeasureBody>;

/** The cost is checked by core `measureCostIssue` (field-level: negative, fractional, absurd). */
export const DecideMeasureBody = z.object({
  clientId: ClientId,
  decision: z.enum(['granted', 'refused', 'ended']),
  on: isoDate(),
  costTenge: z.number().optional(),
});
export type DecideMeasureBody = z.infer<typeof DecideMeasureBody>;

export const ProceedingVictimParams = z.object({ id: z.uuid(), victimId: z.uuid() });
export const ProtectiveMeasureParams = z.object({ id: z.uuid(), victimId: z.uuid(), measureId: z.uuid() });

export const VictimInterview = z.object({
  id: z.uuid(),
  heldOn: z.string(),
  place: z.enum(INTERVIEW_PLACES),
  videoRecorded: z.boolean(),
  socialWorkerPresent: z.boolean(),
  interpreterPresent: z.boolean(),
  language: z.string().nullable(),
  /** Whether it was a repeat after a video-recorded testimony. */
  repeat: z.boolean(),
  /** The reason, only for a reader who may see the person's identity. */
  repeatReason: z.string().nullable(),
});
export type VictimInterview = z.infer<typeof VictimInterview>;

export const ProtectiveMeasureView = z.object({
  id: z.uuid(),
  measure: z.enum(PROTECTIVE_MEASURES),
  status: z.enum(MEASURE_STATUSES),
  requestedOn: z.string(),
  decidedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  costTenge: z.number().int().nullable(),
});
export type ProtectiveMeasureView = z.infer<typeof ProtectiveMeasureView>;

export const ProceedingVictimView = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  pseudonym: z.string(),
  /** Only for a reader who may see the person's identity. */
  name: z.string().nullable(),
  foreign: z.boolean(),
  proceduralRole: z.enum(PROCEDURAL_ROLES),
  linkedOn: z.string(),
  participated: z.boolean(),
  leftCountryOn: z.string().nullable(),
  counselContinues: z.boolean(),
  employedSince: z.string().nullable(),
  videoTestimonyRecorded: z.boolean(),
  interviews: z.array(VictimInterview),
  measures: z.array(ProtectiveMeasureView),
  /** Her reflection period, for a reader who may see her entitlements (a foreign victim). */
  reflectionPeriod: z.object({ endsOn: z.string().nullable(), extended: z.boolean() }).optional(),
});
export type ProceedingVictimView = z.infer<typeof ProceedingVictimView>;

export const ProceedingVictimsView = z.object({
  items: z.array(ProceedingVictimView),
  /** What THIS reader may do now (core CRIMINAL_CASE_ACTION_RULES), restricted to the victims' actions. */
  allowedActions: z.array(z.enum(CRIMINAL_CASE_ACTIONS)),
});
export type ProceedingVictimsView = z.infer<typeof ProceedingVictimsView>;

export const PersonProceedingItem = z.object({
  /** Null when the reader may not open the criminal case. */
  criminalCaseId: z.uuid().nullable(),
  erdrNumber: z.string().nullable(),
  articles: z.array(z.string()),
  stage: z.enum(CRIMINAL_STAGES),
  stageOn: z.string(),
  proceduralRole: z.enum(PROCEDURAL_ROLES),
  linkedOn: z.string(),
  participated: z.boolean(),
  interviews: z.number().int(),
  videoTestimonyRecorded: z.boolean(),
  measures: z.array(ProtectiveMeasureView),
});
export type PersonProceedingItem = z.infer<typeof PersonProceedingItem>;

export const PersonProceedingsView = z.object({ items: z.array(PersonProceedingItem) });
export type PersonProceedingsView = z.infer<typeof PersonProceedingsView>;
