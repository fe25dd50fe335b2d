import { z } from 'zod';
import { CRIMINAL_STAGES } from '../domain/justice/criminal-stage.ts';
import { REDRESS_ACTIONS } from '../domain/justice/justice-authority.ts';
import { LAWYER_FUNDING, LEGAL_SERVICES } from '../domain/justice/justice-values.ts';
import { ClientId, LocalizedName, RegionCodeSchema } from './common.contract.ts';
import { isoDate, text } from './primitives.ts';

/**
 * Legal aid (issue #11 item 5): a state-funded or pro bono lawyer assigned to a victim (the
 * lawyer sees the client through that assignment only) and the legal services she delivers.
 * Dates not in the future, a service within its assignment and hours are checked by core
 * legal-aid-rules.ts on the server (field-level). The figures (services, hours by funding)
 * fall out of `legal_services`.
 */

export const AssignLawyerBody = z.object({
  clientId: ClientId,
  lawyerId: z.uuid(),
  funding: z.enum(LAWYER_FUNDING),
  criminalCaseId: z.uuid().optional(),
  assignedOn: isoDate(),
});
export type AssignLawyerBody = z.infer<typeof AssignLawyerBody>;

export const EndAssignmentBody = z.object({ clientId: ClientId, endedOn: isoDate() });
export type EndAssignmentBody = z.infer<typeof EndAssignmentBody>;

/** `hours`: 0 < h ≤ 24 with at most two decimals (core hoursIssues). `note`: encrypted at rest. */
export const RecordLegalServiceBody = z.object({
  clientId: ClientId,
  deliveredOn: isoDate(),
  service: z.enum(LEGAL_SERVICES),
  hours: z.number().optional(),
  note: text({ max: 2000, multiline: true }).optional(),
});
export type RecordLegalServiceBody = z.infer<typeof RecordLegalServiceBody>;

/** The answer to ending an assignment: the lawyer no longer sees the client afterwards, so not the panel. */
export const EndedAssignment = z.object({ id: z.uuid(), personId: z.uuid(), endedOn: z.string() });
export type EndedAssignment = z.infer<typeof EndedAssignment>;

export const AssignmentIdParams = z.object({ assignmentId: z.uuid() });

export const LegalServiceView = z.object({
  id: z.uuid(),
  deliveredOn: z.string(),
  service: z.enum(LEGAL_SERVICES),
  hours: z.number().nullable(),
  /** The note, only for the assignment's own lawyer (her working notes). */
  note: z.string().nullable(),
});

export const LegalAidAssignmentView = z.object({
  id: z.uuid(),
  lawyer: z.object({ id: z.uuid(), name: z.string(), agencyName: LocalizedName }),
  funding: z.enum(LAWYER_FUNDING),
  criminalCase: z.object({ id: z.uuid().nullable(), erdrNumber: z.string() }).nullable(),
  assignedOn: z.string(),
  endedOn: z.string().nullable(),
  services: z.array(LegalServiceView),
  totals: z.object({ services: z.number().int(), hours: z.number() }),
  /** What THIS reader may do on this assignment now (core REDRESS_ACTION_RULES). */
  allowedActions: z.array(z.enum(REDRESS_ACTIONS)),
});
export type LegalAidAssignmentView = z.infer<typeof LegalAidAssignmentView>;

/** The person page's legal-aid panel. */
export const LegalAidView = z.object({
  personId: z.uuid(),
  assignments: z.array(LegalAidAssignmentView),
  totals: z.object({ services: z.number().int(), hours: z.number() }),
  /** `assign_lawyer` when this reader may assign a lawyer to the person. */
  allowedActions: z.array(z.enum(REDRESS_ACTIONS)),
});
export type LegalAidView = z.infer<typeof LegalAidView>;

export const LawyerOption = z.object({ id: z.uuid(), name: z.string(), agencyName: LocalizedName, regions: z.array(z.string()), national: z.boolean() });
export type LawyerOption = z.infer<typeof LawyerOption>;

export const LawyerListQuery = z.object({ region: RegionCodeSchema.optional() });
export const LawyerList = z.object({ items: z.array(LawyerOption) });
export type LawyerList = z.infer<typeof LawyerList>;

/** A lawyer's client (her open assignment): the name, as her own client shares it with her. */
export const ClientItem = z.object({
  personId: z.uuid(),
  pseudonym: z.string(),
  name: z.string(),
  assignmentId: z.uuid(),
  funding: z.enum(LAWYER_FUNDING),
  assignedOn: z.string(),
  lastServiceOn: z.string().nullable(),
  criminalCases: z.array(z.object({ id: z.uuid(), erdrNumber: z.string(), stage: z.enum(CRIMINAL_STAGES) })),
});
export type ClientItem = z.infer<typeof ClientItem>;

export const ClientList = z.object({ items: z.array(ClientItem) });
export type ClientList = z.infer<typeof ClientList>;
