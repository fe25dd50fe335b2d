import { z } from 'zod';
import { MAX_PROVIDER_PLACES, PROVIDER_ACTIONS, providerIssues } from '../domain/care/provider-rules.ts';
import { PROVIDER_ELIGIBILITY, PROVIDER_FUNDING, PROVIDER_KINDS, PROVIDER_SERVICES, SETTLEMENTS } from '../domain/care/provider-values.ts';
import { LocalizedName, LocalizedNameBody, PageQuery, pageOf, RegionCodeSchema } from './common.contract.ts';
import { codeText, nameText, patchBody, text } from './primitives.ts';

/**
 * The provider directory and the capacity board (issue #10). Providers are organisations with
 * public contacts: no personal data, so nothing here is encrypted or pseudonymised.
 */

/** A phone number in E.164 (+ and 7 to 15 digits, no spaces): a tel: link works from any phone. */
export const PHONE_E164 = /^\+[1-9]\d{6,14}$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;

const places = z.number().int().min(0).max(MAX_PROVIDER_PLACES);
const unique = <T extends z.ZodType>(item: T, opts: { min: number; max: number }) =>
  z
    .array(item)
    .min(opts.min)
    .max(opts.max)
    .refine((a) => new Set(a).size === a.length, { params: { code: 'duplicate_value' } });

export const ProviderContacts = z.object({ phone: z.string().nullable(), email: z.string().nullable(), address: z.string().nullable() });

export const Provider = z.object({
  id: z.uuid(),
  name: LocalizedName,
  kind: z.enum(PROVIDER_KINDS),
  services: z.array(z.enum(PROVIDER_SERVICES)),
  regionCode: RegionCodeSchema,
  district: z.string().nullable(),
  settlement: z.enum(SETTLEMENTS),
  eligibility: z.array(z.enum(PROVIDER_ELIGIBILITY)),
  capacity: z.number().int(),
  occupancy: z.number().int(),
  /** max(0, capacity - occupancy). */
  free: z.number().int(),
  languages: z.array(z.string()),
  funding: z.enum(PROVIDER_FUNDING),
  contacts: ProviderContacts,
  /** Hours a referral may wait for an answer; null: the installation's default. */
  answerWithinHours: z.number().int().nullable(),
  active: z.boolean(),
  agencyId: z.uuid(),
  agencyName: LocalizedName,
  updatedAt: z.string(),
  /** What the reader may do with this entry (core PROVIDER_ACTION_RULES). */
  allowedActions: z.array(z.enum(PROVIDER_ACTIONS)),
});
export type Provider = z.infer<typeof Provider>;
export const ProviderPage = pageOf(Provider);

const boolQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ProviderListQuery = PageQuery.extend({
  q: text({ max: 100 }).optional(),
  regionCode: RegionCodeSchema.optional(),
  kind: z.enum(PROVIDER_KINDS).optional(),
  service: z.enum(PROVIDER_SERVICES).optional(),
  eligibility: z.enum(PROVIDER_ELIGIBILITY).optional(),
  /** Only providers with at least one free place (shelters). */
  freeOnly: boolQuery.optional(),
  /** Only the providers of the reader's own agency ("my shelter"). */
  mine: boolQuery.optional(),
  /** Inactive providers too (administrators and managers looking for an entry to re-open). */
  includeInactive: boolQuery.optional(),
});
export type ProviderListQuery = z.infer<typeof ProviderListQuery>;

const providerFields = {
  name: LocalizedNameBody,
  agencyId: z.uuid(),
  kind: z.enum(PROVIDER_KINDS),
  services: unique(z.enum(PROVIDER_SERVICES), { min: 1, max: PROVIDER_SERVICES.length }),
  regionCode: RegionCodeSchema,
  district: nameText({ min: 2, max: 120 }).nullable().optional(),
  settlement: z.enum(SETTLEMENTS),
  eligibility: unique(z.enum(PROVIDER_ELIGIBILITY), { min: 1, max: PROVIDER_ELIGIBILITY.length }),
  capacity: places,
  occupancy: places,
  /** ISO 639-1 codes, lower case. */
  languages: unique(codeText(/^[a-z]{2}$/, { max: 2, lowercase: true }), { min: 1, max: 12 }),
  funding: z.enum(PROVIDER_FUNDING),
  phone: codeText(PHONE_E164, { max: 16 }).nullable().optional(),
  email: codeText(EMAIL, { max: 254, lowercase: true }).nullable().optional(),
  address: text({ min: 2, max: 300 }).nullable().optional(),
  answerWithinHours: z.number().int().min(1).max(720).nullable().optional(),
  active: z.boolean().optional(),
};

/** Field issues of the rules (provider-rules.ts) as zod issues, so they answer like shape errors. */
const withRules = (b: z.infer<z.ZodObject<typeof providerFields>>, ctx: z.RefinementCtx) => {
  for (const i of providerIssues(b)) ctx.addIssue({ code: 'custom', path: [i.path], message: i.code, params: { code: i.code, ...i.params } });
};

export const CreateProviderBody = z.object(providerFields).superRefine(withRules);
export type CreateProviderBody = z.infer<typeof CreateProviderBody>;

/** Any field; the service checks the rules on the entry as it will be (the row with the patch). */
export const UpdateProviderBody = patchBody(z.object(providerFields).partial());
export type UpdateProviderBody = z.infer<typeof UpdateProviderBody>;

/** The shelter manager's quick update from a phone: places and persons placed now. */
export const ProviderOccupancyBody = patchBody(z.object({ capacity: places.optional(), occupancy: places.optional() }));
export type ProviderOccupancyBody = z.infer<typeof ProviderOccupancyBody>;

/** The eligibility columns of the capacity board (DOMAIN.md §2.3). */
export const CAPACITY_COLUMNS = PROVIDER_ELIGIBILITY;

/** Free places in one region, in shelters taking each group (a shelter counts in every group it takes). */
export const CapacityRow = z.object({
  regionCode: RegionCodeSchema,
  shelters: z.number().int(),
  capacity: z.number().int(),
  occupancy: z.number().int(),
  free: z.number().int(),
  freeBy: z.record(z.enum(PROVIDER_ELIGIBILITY), z.number().int()),
});
export type CapacityRow = z.infer<typeof CapacityRow>;

/** Every region (zero rows included), in the order of KZ_REGIONS, and the national totals. */
export const CapacityBoard = z.object({ rows: z.array(CapacityRow), totals: CapacityRow.omit({ regionCode: true }) });
export type CapacityBoard = z.infer<typeof CapacityBoard>;
