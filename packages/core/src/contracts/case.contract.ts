import { z } from 'zod';
import { CASE_ACTION_TYPES, CASE_STATUSES, NON_PUNISHMENT_DECISIONS, TRAFFICKING_STATUSES } from '../domain/case/case-status.ts';
import { HTCDS_METHOD_OF_CONTROL_VALUES } from '../domain/identification/crosswalk.ts';
import { EXPLOITATION_TYPES, FORCED_LABOUR_INDUSTRIES, PERPETRATOR_TYPES, RECRUITMENT_METHODS, SEX_EXPLOITATION_TYPES } from '../reference/htcds.ts';
import { CountryCode } from './common.contract.ts';
import { ClientId, LocalizedName, PageQuery, pageOf, RegionCodeSchema } from './common.contract.ts';
import { isoDate, text } from './primitives.ts';

export const CreateCaseBody = z.object({
  clientId: ClientId,
  personId: z.uuid(),
  regionCode: RegionCodeSchema,
  exploitationTypes: z.array(z.enum(EXPLOITATION_TYPES)).max(EXPLOITATION_TYPES.length).default([]),
  /** Free-text narrative of the encounter; encrypted at rest. */
  narrative: text({ max: 10_000, multiline: true }).optional(),
});
export type CreateCaseBody = z.infer<typeof CreateCaseBody>;

const Reason = text({ min: 1, max: 10_000, multiline: true });

/**
 * The day a decision was taken when it is recorded later (Kazakhstan date); absent, it is the
 * day it is recorded. Bounded by the service (core occurredOnIssues: not in the future, at most
 * a year back, not before the case's earlier decisions); the statistics count it in this day's year.
 */
const OccurredOn = isoDate().optional();

/**
 * What a client may append to a case log (`opened` is written by case creation only). The
 * deciding organisation (`decidedBy`) is not input: the server derives it from the actor's
 * agency (decisionOrgOf); a `decidedBy` a client still sends is stripped like any unknown key,
 * so queued offline actions from older clients still replay.
 */
export const CaseActionInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('note_added'), text: Reason }),
  z.object({
    type: z.literal('identification_decided'),
    outcome: z.enum(['ActualVictimOfTrafficking', 'NotAVictimOfTrafficking']),
    reasons: Reason,
    occurredOn: OccurredOn,
    /** What the assessment established (HTCDS vic_* fields); replaces the case's forms when given. */
    exploitationTypes: z.array(z.enum(EXPLOITATION_TYPES)).max(EXPLOITATION_TYPES.length).optional(),
    sexExploitationTypes: z.array(z.enum(SEX_EXPLOITATION_TYPES)).max(SEX_EXPLOITATION_TYPES.length).optional(),
    forcedLabourIndustries: z.array(z.enum(FORCED_LABOUR_INDUSTRIES)).max(FORCED_LABOUR_INDUSTRIES.length).optional(),
    methodsOfControl: z.array(z.enum(HTCDS_METHOD_OF_CONTROL_VALUES)).max(HTCDS_METHOD_OF_CONTROL_VALUES.length).optional(),
    recruitmentMethods: z.array(z.enum(RECRUITMENT_METHODS)).max(RECRUITMENT_METHODS.length).optional(),
    /** Countries of recruitment, transit and exploitation (ISO 3166-1 alpha-2). */
    countriesOfRecruitment: z.array(CountryCode).max(20).optional(),
    countriesOfTransit: z.array(CountryCode).max(20).optional(),
    countriesOfExploitation: z.array(CountryCode).max(20).optional(),
    perpetrators: z.array(z.enum(PERPETRATOR_TYPES)).max(PERPETRATOR_TYPES.length).optional(),
  }),
  z.object({
    type: z.literal('identification_reviewed'),
    kind: z.enum(['review', 'appeal']),
    outcome: z.enum(['ActualVictimOfTrafficking', 'NotAVictimOfTrafficking']),
    reasons: Reason,
    occurredOn: OccurredOn,
  }),
  z.object({ type: z.literal('non_punishment_flagged'), text: Reason }),
  z.object({ type: z.literal('non_punishment_reviewed'), decision: z.enum(NON_PUNISHMENT_DECISIONS), text: Reason }),
  z.object({ type: z.literal('deportation_hold'), text: Reason }),
  z.object({ type: z.literal('deportation_hold_lifted'), text: Reason }),
  z.object({ type: z.literal('referred'), toAgencyId: z.uuid(), text: Reason.optional() }),
  z.object({ type: z.literal('closed'), text: Reason }),
  z.object({ type: z.literal('reopened'), text: Reason }),
]);
export type CaseActionInput = z.infer<typeof CaseActionInput>;

export const AppendCaseActionBody = z.object({ clientId: ClientId, action: CaseActionInput });

export const CaseActionView = z.object({
  seq: z.number().int(),
  type: z.string(),
  at: z.string(),
  actorName: z.string(),
  agencyName: LocalizedName,
  /** Non-identifying fields of the action (outcome, decidedBy, toAgencyId, HTCDS codes). */
  details: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  /** The action's free text; null when there is none or the viewer may not see personal data. */
  text: z.string().nullable(),
  /** Whether the action has free text at all (so the UI can say it is hidden, not absent). */
  hasText: z.boolean(),
});

export const CaseSummary = z.object({
  id: z.uuid(),
  reference: z.string(),
  personId: z.uuid(),
  personPseudonym: z.string(),
  personName: z.string().nullable(),
  status: z.enum(CASE_STATUSES),
  traffickingStatus: z.enum(TRAFFICKING_STATUSES),
  regionCode: z.string(),
  exploitationTypes: z.array(z.enum(EXPLOITATION_TYPES)),
  ownerAgencyName: LocalizedName,
  /** Formal identification due date (working days from referral), while the case is open. */
  identificationDue: z.string().nullable(),
  deadline: z.enum(['ok', 'due_soon', 'overdue']).nullable(),
  openedAt: z.string(),
  updatedAt: z.string(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;
export const CasePage = pageOf(CaseSummary);

/** `allowedActions`: what the viewer may append now (core allowedActionsFor: status x role x scope). */
export const Case = CaseSummary.extend({ actions: z.array(CaseActionView), allowedActions: z.array(z.enum(CASE_ACTION_TYPES)) });
export type Case = z.infer<typeof Case>;

export const CaseListQuery = PageQuery.extend({
  /** Only open cases awaiting formal identification, soonest deadline first (the officer's queue). */
  queue: z.enum(['identification', 'non_punishment']).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  regionCode: RegionCodeSchema.optional(),
  q: text({ max: 200 }).optional(),
});
export { RegionCodeSchema };

/** Counts of cases in the viewer's scope by status: aggregates only, no personal data. */
export const CaseOverview = z.object({
  total: z.number().int(),
  byStatus: z.object(Object.fromEntries(CASE_STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof CASE_STATUSES)[number], z.ZodNumber>),
});
export type CaseOverview = z.infer<typeof CaseOverview>;
