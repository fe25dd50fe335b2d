import { z } from 'zod';
import { IndicatorList, RuleConfig } from '../domain/identification/indicator-list.ts';
import { SCREENING_LEVELS } from '../domain/identification/screening.ts';
import { EXPLOITATION_TYPES, GENDERS } from '../reference/htcds.ts';
import { ClientId, CountryCode, LocalizedName, PageQuery, pageOf, RegionCodeSchema } from './common.contract.ts';
import { CreatePersonBody } from './person.contract.ts';
import { isoDate, text } from './primitives.ts';

/** Where the encounter happened (issue #3: every setting named in the TIP report). */
export const ENCOUNTER_SETTINGS = [
  'farm',
  'factory',
  'construction_site',
  'street',
  'market',
  'border_crossing',
  'detention_police_operation',
  /** Migration officers screen undocumented migrants before deportation (DOMAIN.md §2.7). */
  'pre_deportation',
  'hospital',
  'school',
  'online',
  'hotline',
  'consulate',
  'other',
] as const;
export type EncounterSetting = (typeof ENCOUNTER_SETTINGS)[number];

/**
 * Pathways where waiting costs most: a positive screening starts the identification clock at
 * once, without a handover; before deportation it also puts the deportation on hold.
 */
export const URGENT_SETTINGS: readonly EncounterSetting[] = ['pre_deportation', 'detention_police_operation'];

/** Languages a screening is held in (ISO 639-1), the ones met in Kazakhstan's caseload first. */
export const SCREENING_LANGUAGES = ['kk', 'ru', 'uz', 'ky', 'tg', 'en', 'zh', 'other'] as const;

/**
 * `identified`: the person agreed to be identified (or is a child: children are referred
 * without consent). `declined`: an adult declined; the encounter is kept as an anonymous
 * notification with no identity at all, and still counts in statistics.
 */
export const SCREENING_CONSENT = ['identified', 'declined'] as const;

export const CreateScreeningBody = z
  .object({
    clientId: ClientId,
    /** Not after today: checked by the service against the clock. */
    encounterDate: isoDate(),
    regionCode: RegionCodeSchema,
    setting: z.enum(ENCOUNTER_SETTINGS),
    language: z.enum(SCREENING_LANGUAGES),
    interpreterUsed: z.boolean(),
    /** Indicator ids from the current reference lists (GET /reference/indicators). */
    observed: z.array(text({ max: 120 })).max(300),
    /** Age in years, an estimate is fine; null when unknown. */
    ageYears: z.int().min(0).max(120).nullable(),
    gender: z.enum(GENDERS),
    citizenship: CountryCode,
    exploitationTypes: z.array(z.enum(EXPLOITATION_TYPES)).max(EXPLOITATION_TYPES.length),
    consent: z.enum(SCREENING_CONSENT),
    /** Identity, only with consent `identified`; forbidden for an anonymous notification. */
    person: CreatePersonBody.omit({ clientId: true, gender: true, citizenship: true, regionCode: true }).optional(),
    /** Instead of `person`: the officer recognised an existing record (the intake duplicate check). */
    existingPersonId: z.uuid().optional(),
    narrative: text({ max: 10_000, multiline: true }).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.consent === 'identified' && !b.person && !b.existingPersonId)
      ctx.addIssue({ code: 'custom', path: ['person'], message: 'required', params: { code: 'required' } });
    if (b.person && b.existingPersonId)
      ctx.addIssue({ code: 'custom', path: ['existingPersonId'], message: 'either_person_or_existing', params: { code: 'either_person_or_existing' } });
    if (b.consent === 'declined' && (b.person || b.existingPersonId))
      ctx.addIssue({ code: 'custom', path: ['person'], message: 'anonymous_has_identity', params: { code: 'anonymous_has_identity' } });
    // Who may decline (a child or a person of unknown age may not) depends on the rules file's
    // child age: checked by the server with consentIssue (core), not here with a fixed number.
  });
export type CreateScreeningBody = z.infer<typeof CreateScreeningBody>;

export const ScreeningResultView = z.object({
  level: z.enum(SCREENING_LEVELS),
  provisional: z.boolean(),
  provisionalRuleMet: z.boolean(),
  reasons: z.array(z.string()),
  fired: z.array(z.object({ listId: z.string(), indicatorId: z.string(), control: z.boolean(), verification: z.string(), strength: z.string().optional() })),
  ruleApplied: z.enum(['adult', 'child']).nullable(),
});
export type ScreeningResultView = z.infer<typeof ScreeningResultView>;

export const Screening = z.object({
  id: z.uuid(),
  reference: z.string(),
  encounterDate: z.string(),
  regionCode: z.string(),
  setting: z.enum(ENCOUNTER_SETTINGS),
  language: z.string(),
  interpreterUsed: z.boolean(),
  ageGroup: z.enum(['child', 'adult', 'unknown']),
  gender: z.enum(GENDERS),
  citizenship: z.string(),
  exploitationTypes: z.array(z.enum(EXPLOITATION_TYPES)),
  anonymous: z.boolean(),
  result: ScreeningResultView,
  screenerName: z.string(),
  agencyName: LocalizedName,
  /** The person and case, while the viewer may still open them (null after handover for the screener). */
  personId: z.uuid().nullable(),
  caseId: z.uuid().nullable(),
  /** The receipt the screener keeps after handing over. */
  handover: z.object({ toAgencyId: z.uuid(), toAgencyName: LocalizedName, at: z.string() }).nullable(),
  createdAt: z.string(),
});
export type Screening = z.infer<typeof Screening>;
export const ScreeningPage = pageOf(Screening);
export const ScreeningListQuery = PageQuery;

export const HandoverBody = z.object({ toAgencyId: z.uuid() });

/** The reference lists and rules the screening form renders and the server evaluates with. */
export const ScreeningReference = z.object({ lists: z.array(IndicatorList), rules: RuleConfig });
export type ScreeningReference = z.infer<typeof ScreeningReference>;

/** Marks the version of a list or of the rules in force as verified (or back to provisional). */
export const ReferenceVerificationBody = z.object({
  kind: z.enum(['indicator_list', 'rules']),
  id: text({ min: 1, max: 120 }),
  version: text({ min: 1, max: 60 }),
  verification: z.enum(['verified', 'provisional']),
});
