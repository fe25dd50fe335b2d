import { z } from 'zod';
import { CRIMINAL_CASE_ACTIONS } from '../domain/justice/justice-authority.ts';
import { ARTICLE_CODE, CriminalArticleSet } from '../domain/justice/criminal-articles.ts';
import { CRIMINAL_STAGES } from '../domain/justice/criminal-stage.ts';
import { EXPLOITATION_TYPES } from '../reference/htcds.ts';
import { ClientId, LocalizedName, PageQuery, RegionCodeSchema, pageOf } from './common.contract.ts';
import { codeText, isoDate, text } from './primitives.ts';

/**
 * A criminal case (issue #11 item 1; DOMAIN.md §2.5): registered in the Unified Register of
 * Pre-trial Investigations, under Criminal Code articles of a versioned reference list, moved
 * through the stages of core STAGE_RULES by the role that owns each step.
 */

/**
 * The ERDR registration number. Provisional [P]: 15 digits is the shape the published case
 * numbers show (year, body code, sequence); it is not checked against the register's own
 * specification, so the pattern is the only thing to change if the format differs.
 */
export const ErdrNumber = codeText(/^\d{15}$/, { max: 15 });

const ArticleCode = codeText(ARTICLE_CODE, { max: 6 });
const note = text({ max: 2000, multiline: true });

/** No criminal case predates the Criminal Code of 2014 in force on 1 January 2015. */
export const CRIMINAL_CASES_FROM = '2015-01-01';

export const RegisterCriminalCaseBody = z.object({
  clientId: ClientId,
  erdrNumber: ErdrNumber,
  articles: z
    .array(ArticleCode)
    .min(1)
    .max(10)
    .refine((a) => new Set(a).size === a.length, { params: { code: 'duplicate_value' } }),
  exploitationTypes: z
    .array(z.enum(EXPLOITATION_TYPES))
    .max(EXPLOITATION_TYPES.length)
    .refine((a) => new Set(a).size === a.length, { params: { code: 'duplicate_value' } })
    .default([]),
  regionCode: RegionCodeSchema,
  registeredOn: isoDate({ min: CRIMINAL_CASES_FROM }),
  summary: text({ max: 4000, multiline: true }).optional(),
});
export type RegisterCriminalCaseBody = z.input<typeof RegisterCriminalCaseBody>;

export const CriminalCaseListQuery = PageQuery.extend({
  stage: z.enum(CRIMINAL_STAGES).optional(),
  regionCode: RegionCodeSchema.optional(),
  /** A prefix of the ERDR number. */
  q: codeText(/^\d{1,15}$/, { max: 15 }).optional(),
});
export type CriminalCaseListQuery = z.infer<typeof CriminalCaseListQuery>;

const PersonRef = z.object({ id: z.uuid(), name: z.string() });
const AgencyRef = z.object({ id: z.uuid(), name: LocalizedName });

export const CriminalCaseSummary = z.object({
  id: z.uuid(),
  erdrNumber: z.string(),
  articles: z.array(z.string()),
  regionCode: z.string(),
  stage: z.enum(CRIMINAL_STAGES),
  stageOn: z.string(),
  registeredOn: z.string(),
  deadlineOn: z.string().nullable(),
  /** The pre-trial deadline has passed and the case is still before the court. */
  overdue: z.boolean(),
  ownerAgency: AgencyRef,
});
export type CriminalCaseSummary = z.infer<typeof CriminalCaseSummary>;
export const CriminalCasePage = pageOf(CriminalCaseSummary);
export type CriminalCasePage = z.infer<typeof CriminalCasePage>;

export const CriminalCaseArticle = z.object({ code: z.string(), title: LocalizedName.nullable(), trafficking: z.boolean() });

export const CriminalCaseEvent = z.object({
  id: z.uuid(),
  type: z.string(),
  at: z.string(),
  actorRole: z.string(),
  agencyName: LocalizedName,
  details: z.record(z.string(), z.unknown()),
  /** The free-text note or reason, decrypted (null when none). */
  note: z.string().nullable(),
});

export const CriminalCaseView = z.object({
  id: z.uuid(),
  erdrNumber: z.string(),
  articles: z.array(CriminalCaseArticle),
  articlesVersion: z.string(),
  exploitationTypes: z.array(z.string()),
  summary: z.string().nullable(),
  regionCode: z.string(),
  ownerAgency: AgencyRef,
  investigator: PersonRef.nullable(),
  prosecutor: PersonRef.nullable(),
  stage: z.enum(CRIMINAL_STAGES),
  stageOn: z.string(),
  stageReason: z.string().nullable(),
  registeredOn: z.string(),
  deadlineOn: z.string().nullable(),
  overdue: z.boolean(),
  endedOn: z.string().nullable(),
  history: z.array(CriminalCaseEvent),
  /** What THIS reader may do now (core allowedCriminalCaseActions). */
  allowedActions: z.array(z.enum(CRIMINAL_CASE_ACTIONS)),
  /** The stages THIS reader may move the case into (core allowedStages), when she may change it. */
  allowedStages: z.array(z.enum(CRIMINAL_STAGES)),
  counts: z.object({ defendants: z.number().int(), victims: z.number().int() }),
});
export type CriminalCaseView = z.infer<typeof CriminalCaseView>;

export const ChangeStageBody = z.object({
  clientId: ClientId,
  to: z.enum(CRIMINAL_STAGES),
  on: isoDate({ min: CRIMINAL_CASES_FROM }),
  /** A code of core SUSPENSION_REASONS / TERMINATION_REASONS (checked by core stageMoveIssue). */
  reason: codeText(/^[a-z_]{1,40}$/, { max: 40 }).optional(),
  note: note.optional(),
});
export type ChangeStageBody = z.input<typeof ChangeStageBody>;

export const AssignBody = z
  .object({ clientId: ClientId, investigatorId: z.uuid().optional(), prosecutorId: z.uuid().optional() })
  .refine((b) => b.investigatorId !== undefined || b.prosecutorId !== undefined, { params: { code: 'required' } });
export type AssignBody = z.input<typeof AssignBody>;

export const ExtendDeadlineBody = z.object({
  clientId: ClientId,
  until: isoDate({ min: CRIMINAL_CASES_FROM }),
  note: text({ min: 1, max: 2000, multiline: true }),
});
export type ExtendDeadlineBody = z.input<typeof ExtendDeadlineBody>;

/** The versions of the articles list, for the registration form. */
export const CriminalArticleSets = z.object({ sets: z.array(CriminalArticleSet) });
export type CriminalArticleSets = z.infer<typeof CriminalArticleSets>;

/** An assignable officer (investigator or prosecutor) whose jurisdiction covers the case's region. */
export const Assignee = z.object({ id: z.uuid(), name: z.string(), role: z.enum(['investigator', 'prosecutor']) });
