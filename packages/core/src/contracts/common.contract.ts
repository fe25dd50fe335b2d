import { z } from 'zod';
import { KZ_REGIONS, type RegionCode } from '../reference/regions.ts';
import { codeText, nameText } from './primitives.ts';

/**
 * A name shown in the working languages (an agency's): Kazakh, Russian and English, each
 * required, so a Kazakh page never shows a Russian-only name. The web picks one by language.
 */
export const NAME_LANGUAGES = ['kk', 'ru', 'en'] as const;
export const LocalizedName = z.object({ kk: z.string(), ru: z.string(), en: z.string() });
export type LocalizedName = z.infer<typeof LocalizedName>;
/** The same as a request body: each language a name (2-200 characters, no bidi controls). */
export const LocalizedNameBody = z.object({
  kk: nameText({ min: 2, max: 200 }),
  ru: nameText({ min: 2, max: 200 }),
  en: nameText({ min: 2, max: 200 }),
});

export const Id = z.uuid();
export type Id = z.infer<typeof Id>;

/**
 * Every write from a client carries its own id so a replay (a phone resending after a
 * dropped connection) is a no-op, not a second record.
 */
export const ClientId = z.uuid();

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type PageQuery = z.infer<typeof PageQuery>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}

export const IdParams = z.object({ id: z.uuid() });

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** One of Kazakhstan's 20 ISO 3166-2:KZ codes in force since 2022-11-29 (KZ-10 … KZ-79). */
export const RegionCodeSchema = z.enum(KZ_REGIONS.map((r) => r.code) as [RegionCode, ...RegionCode[]]);
export const CountryCode = codeText(/^[A-Z]{2}$/, { max: 2 });
export const Ok = z.object({ ok: z.literal(true) });
