import { z } from 'zod';
import { EXPLOITATION_TYPES, GENDERS, IDENTITY_DOCUMENT_TYPES } from '../reference/htcds.ts';
import { ClientId, CountryCode, PageQuery, pageOf, RegionCodeSchema } from './common.contract.ts';
import { codeText, isoDate, nameText, text } from './primitives.ts';

/** Nobody registered here was born before 1900; a birth date after today is refused by the service (clock). */
export const Birthdate = isoDate({ min: '1900-01-01' });

/**
 * Names are stored exactly as typed, in any script (Kazakh or Russian Cyrillic, Kazakh or
 * Uzbek Latin, passport Latin). Field names follow HTCDS `prs_*` where HTCDS has one.
 */
export const CreatePersonBody = z.object({
  clientId: ClientId,
  firstName: nameText({ min: 1, max: 100 }),
  secondName: nameText({ min: 1, max: 100 }),
  middleName: nameText({ max: 100 }).optional(),
  birthdate: Birthdate.optional(),
  gender: z.enum(GENDERS),
  citizenship: CountryCode,
  regionCode: RegionCodeSchema,
  identityDocumentType: z.enum(IDENTITY_DOCUMENT_TYPES).optional(),
  identityNumber: text({ min: 4, max: 32 }).optional(),
  mobilePhone: codeText(/^\+?[1-9]\d{1,14}$/, { max: 16 }).optional(),
  address: text({ max: 500 }).optional(),
  /** Existing records the officer judged a different person at the duplicate check: kept as human decisions. */
  notSameAs: z.array(z.uuid()).max(20).optional(),
});
export type CreatePersonBody = z.infer<typeof CreatePersonBody>;

/** The identifying part of a person, present only for users allowed to see it. */
export const PersonIdentity = z.object({
  firstName: z.string(),
  secondName: z.string(),
  middleName: z.string().nullable(),
  birthdate: z.string().nullable(),
  identityDocumentType: z.enum(IDENTITY_DOCUMENT_TYPES).nullable(),
  identityNumber: z.string().nullable(),
  mobilePhone: z.string().nullable(),
  address: z.string().nullable(),
});
export type PersonIdentity = z.infer<typeof PersonIdentity>;

export const PersonSummary = z.object({
  id: z.uuid(),
  /** Stable non-identifying label, e.g. P-4F7K2Q, used wherever names may not be shown. */
  pseudonym: z.string(),
  displayName: z.string().nullable(),
  gender: z.enum(GENDERS),
  birthYear: z.number().int().nullable(),
  citizenship: z.string(),
  regionCode: z.string(),
  createdAt: z.string(),
});
export type PersonSummary = z.infer<typeof PersonSummary>;
export const PersonPage = pageOf(PersonSummary);

export const PersonCaseRef = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: z.string(),
  openedAt: z.string(),
});

export const Person = PersonSummary.extend({
  identity: PersonIdentity.nullable(),
  cases: z.array(PersonCaseRef),
});
export type Person = z.infer<typeof Person>;

/** `q` matches names in any script and spelling (see core/domain/names). */
export const PersonListQuery = PageQuery.extend({ q: text({ max: 200 }).optional() });

export const ExploitationTypeSchema = z.enum(EXPLOITATION_TYPES);

/** What an officer has typed so far, checked against existing persons before creating one. */
export const PersonMatchProbe = z.object({
  firstName: nameText({ min: 1, max: 100 }),
  secondName: nameText({ min: 1, max: 100 }),
  middleName: nameText({ max: 100 }).optional(),
  birthdate: Birthdate.optional(),
  identityNumber: text({ min: 4, max: 32 }).optional(),
});
export type PersonMatchProbe = z.infer<typeof PersonMatchProbe>;

export const MATCH_REASONS = ['name', 'all_name_parts', 'birthdate', 'birth_year', 'document'] as const;

/** One field's part in a linkage score: its agreement level and its log2(m/u) weight. */
export const LinkageFieldExplanation = z.object({
  field: z.enum(['given', 'family', 'patronymic', 'birthDate', 'document', 'sex', 'citizenship', 'contact', 'place']),
  /** 'exact', 'jw92', 'jw80', 'swapped', 'year', 'agree', 'disagree' or 'missing'. */
  level: z.string(),
  weight: z.number(),
});
export type LinkageFieldExplanation = z.infer<typeof LinkageFieldExplanation>;

export const PersonMatchCandidate = z.object({
  person: PersonSummary,
  /** 0–1: the linkage model's probability that this is the same person. */
  score: z.number().min(0).max(1),
  /** The model's reading: 'same' person or 'review' (worth a look). */
  decision: z.enum(['same', 'review']),
  /** Why a candidate the score alone would call the same person is only 'review' (see `LinkProposal.reviewReason`). */
  reviewReason: z.enum(['evidence', 'conflict', 'cluster']).nullable(),
  reasons: z.array(z.enum(MATCH_REASONS)),
  explanation: z.array(LinkageFieldExplanation),
});
export const PersonMatches = z.object({ candidates: z.array(PersonMatchCandidate) });
export type PersonMatches = z.infer<typeof PersonMatches>;

/** The officer's decision on a candidate, recorded (audited) whichever way it goes. */
export const PersonMatchDecisionBody = z.object({ candidateId: z.uuid(), decision: z.enum(['same', 'different']) });

/**
 * Persons counted once (issue #4): `records` in the caller's scope, and `persons`, the number
 * of distinct people among them once records linked as the same person are counted together.
 */
export const PersonOverview = z.object({ records: z.number().int(), persons: z.number().int() });
export type PersonOverview = z.infer<typeof PersonOverview>;
