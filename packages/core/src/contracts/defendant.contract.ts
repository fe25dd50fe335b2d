import { z } from 'zod';
import { ARTICLE_CODE } from '../domain/justice/criminal-articles.ts';
import { MAX_DEFENDANT_ARTICLES } from '../domain/justice/defendant-rules.ts';
import type { CRIMINAL_CASE_ACTIONS } from '../domain/justice/justice-authority.ts';
import {
  CHARGE_CHANGE_REASONS,
  DEFENDANT_KINDS,
  DEFENDANT_STATUSES,
  OFFICIAL_AGENCY_TYPES,
  OUTCOMES,
  SENTENCE_KINDS,
} from '../domain/justice/justice-values.ts';
import { ClientId, CountryCode } from './common.contract.ts';
import { codeText, isoDate, text } from './primitives.ts';

/**
 * Suspects and defendants of a criminal case (issue #11 item 1): individuals and businesses,
 * public officials flagged as complicit with their agency type, charges and their
 * reclassification, outcomes and sentences. The name is personal data: encrypted at rest and
 * shown only to readers whose `suspect.read_identity` scope holds the case. Consistency (an
 * official's agency, the sentence of an outcome, known articles, dates) is core defendant-rules.
 */

const ArticleCode = codeText(ARTICLE_CODE, { max: 6 });
const Articles = z.array(ArticleCode).min(1).max(MAX_DEFENDANT_ARTICLES);

export const AddDefendantBody = z.object({
  clientId: ClientId,
  kind: z.enum(DEFENDANT_KINDS),
  name: text({ min: 1, max: 200 }),
  citizenship: CountryCode.optional(),
  status: z.enum(DEFENDANT_STATUSES).default('suspect'),
  official: z.boolean().default(false),
  officialAgencyType: z.enum(OFFICIAL_AGENCY_TYPES).optional(),
  articles: Articles,
});
export type AddDefendantBody = z.infer<typeof AddDefendantBody>;

/** Only what is given changes; `officialAgencyType: null` clears it (with `official: false`). */
export const UpdateDefendantBody = z.object({
  clientId: ClientId,
  status: z.enum(DEFENDANT_STATUSES).optional(),
  official: z.boolean().optional(),
  officialAgencyType: z.enum(OFFICIAL_AGENCY_TYPES).nullable().optional(),
  citizenship: CountryCode.optional(),
});
export type UpdateDefendantBody = z.infer<typeof UpdateDefendantBody>;

/** A reclassification: `initial` is the charge the defendant was added with. */
const ChangeReason = z.enum(CHARGE_CHANGE_REASONS).exclude(['initial']);

export const ChargeBody = z.object({
  clientId: ClientId,
  articles: Articles,
  reason: ChangeReason,
  on: isoDate(),
  note: text({ max: 2000, multiline: true }).optional(),
});
export type ChargeBody = z.infer<typeof ChargeBody>;

/** Whole months and whole tenge; their ranges are core outcomeIssues (field-level). */
export const OutcomeBody = z.object({
  clientId: ClientId,
  outcome: z.enum(OUTCOMES),
  on: isoDate(),
  sentenceKind: z.enum(SENTENCE_KINDS).optional(),
  sentenceMonths: z.number().int().optional(),
  fineTenge: z.number().int().optional(),
});
export type OutcomeBody = z.infer<typeof OutcomeBody>;

export const DefendantParams = z.object({ id: z.uuid(), defendantId: z.uuid() });

export const DEFENDANT_ACTIONS = ['update_defendant', 'charge', 'record_outcome'] as const satisfies readonly (typeof CRIMINAL_CASE_ACTIONS)[number][];

export const DefendantCharge = z.object({ on: z.string(), articles: z.array(z.string()), reason: z.enum(CHARGE_CHANGE_REASONS) });
export type DefendantCharge = z.infer<typeof DefendantCharge>;

export const DefendantView = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  /** Null unless the reader's `suspect.read_identity` scope holds the case: "Defendant 2". */
  name: z.string().nullable(),
  kind: z.enum(DEFENDANT_KINDS),
  citizenship: z.string().nullable(),
  status: z.enum(DEFENDANT_STATUSES),
  official: z.boolean(),
  officialAgencyType: z.enum(OFFICIAL_AGENCY_TYPES).nullable(),
  articles: z.array(z.string()),
  /** The initial charge and each reclassification, oldest first. */
  charges: z.array(DefendantCharge),
  outcome: z.enum(OUTCOMES).nullable(),
  outcomeOn: z.string().nullable(),
  sentenceKind: z.enum(SENTENCE_KINDS).nullable(),
  sentenceMonths: z.number().int().nullable(),
  fineTenge: z.number().int().nullable(),
  allowedActions: z.array(z.enum(DEFENDANT_ACTIONS)),
});
export type DefendantView = z.infer<typeof DefendantView>;

export const DefendantsView = z.object({
  namesShown: z.boolean(),
  canAdd: z.boolean(),
  items: z.array(DefendantView),
});
export type DefendantsView = z.infer<typeof DefendantsView>;
