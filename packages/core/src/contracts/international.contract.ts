import { z } from 'zod';
import { GENERALISED_ATTRIBUTES, OPEN_DATASET_COLUMNS } from '../domain/exchange/open-dataset-columns.ts';
import { INTERNATIONAL_TABLE_IDS } from '../domain/statistics/international-tables.ts';
import { REPORT_LANGUAGES } from './statistics.contract.ts';

/**
 * Publications for international partners (issue #14 items 4 and 5): the year's UNODC GLOTIP and
 * TIP report tables (counts, small cells suppressed) and the CTDC-style record-level open
 * dataset (k-anonymous). Neither ever carries a record of a person.
 */

/** Years the register can count; a future year is refused by the service (it depends on today). */
const Year = z.coerce.number().int().min(2000).max(2100);
const count = z.number().int().nonnegative();

export const InternationalTablesQuery = z.object({
  year: Year,
  lang: z.enum(REPORT_LANGUAGES).default('en'),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
});
export type InternationalTablesQuery = z.infer<typeof InternationalTablesQuery>;

/** A row's category along one dimension: its code (GLOTIP's or ours; `total` for a total) and its label in the language asked. */
export const InternationalCategory = z.object({ dimension: z.string(), code: z.string(), label: z.string() });

export const InternationalRow = z.object({
  categories: z.array(InternationalCategory),
  /** UNODC GLOTIP's group of a cell of sex by age: women, girls, men or boys; else null. */
  glotipGroup: z.enum(['women', 'girls', 'men', 'boys']).nullable(),
  /** The count, or null when it is suppressed. */
  value: count.nullable(),
  /** As published: the count, "<11" (1 to 10) or "x" (hidden so that a small count cannot be worked out). */
  shown: z.union([count, z.string()]),
});

export const InternationalTable = z.object({
  id: z.enum(INTERNATIONAL_TABLE_IDS),
  section: z.enum(['glotip', 'tip']),
  title: z.string(),
  /** Identified victims (unique persons), criminal cases or defendants. */
  unit: z.enum(['victims', 'cases', 'defendants']),
  /** Not published this year: it could not be protected together with the others (too few victims). */
  withheld: z.boolean(),
  rows: z.array(InternationalRow),
});

export const InternationalTables = z.object({
  year: z.number().int(),
  /** Regions the figures cover; empty: the whole country. */
  regions: z.array(z.string()),
  tables: z.array(InternationalTable),
  /** What the marks mean and how our categories map to GLOTIP's, in the language asked. */
  notes: z.array(z.string()),
});
export type InternationalTables = z.infer<typeof InternationalTables>;

/** The open dataset of the years `from`…`to` (default: every year of the register up to last year). */
export const OpenDatasetQuery = z.object({
  from: Year.optional(),
  to: Year.optional(),
  format: z.enum(['csv', 'xlsx', 'json']).default('csv'),
  lang: z.enum(REPORT_LANGUAGES).default('en'),
});
export type OpenDatasetQuery = z.infer<typeof OpenDatasetQuery>;

/** What a publication reached: the k asked and reached, the records in and out, each attribute's generalisation level. */
export const OpenDatasetReport = z.object({
  from: z.number().int(),
  to: z.number().int(),
  k: count,
  kReached: count,
  /** Identified victims of the years (the records the dataset is made from). */
  records: count,
  published: count,
  /** Records left out whole because their class stayed smaller than k. */
  suppressed: count,
  /** The level each quasi-identifier was generalised to (e.g. citizenship: worldRegion). */
  levels: z.record(z.enum(GENERALISED_ATTRIBUTES), z.string()),
});
export type OpenDatasetReport = z.infer<typeof OpenDatasetReport>;

const flag = z.union([z.literal(0), z.literal(1)]);
export const OpenDatasetRowSchema = z.object({
  yearOfRegistration: z.string(),
  gender: z.string(),
  ageBroad: z.string(),
  majorityStatus: z.string(),
  citizenship: z.string(),
  regionOfIdentification: z.string(),
  isForcedLabour: flag,
  isSexualExploit: flag,
  isOtherExploit: flag,
});

export const OpenDataset = z.object({ report: OpenDatasetReport, rows: z.array(OpenDatasetRowSchema) });
export type OpenDataset = z.infer<typeof OpenDataset>;

export const OpenDatasetDictionaryQuery = z.object({ lang: z.enum(REPORT_LANGUAGES).default('en') });

export const OpenDatasetDictionary = z.object({
  /** Every combination of the quasi-identifiers is shared by at least k published records. */
  k: count,
  columns: z.array(
    z.object({
      code: z.enum(OPEN_DATASET_COLUMNS.map((c) => c.column) as [string, ...string[]]),
      label: z.string(),
      description: z.string(),
      type: z.enum(['year', 'category', 'flag']),
      quasiIdentifier: z.boolean(),
      /** For the year: a year, a period "YYYY--YYYY" or "*". */
      pattern: z.string().nullable(),
      allowedValues: z.array(z.object({ value: z.union([z.string(), z.number()]), label: z.string() })).nullable(),
    }),
  ),
});
export type OpenDatasetDictionary = z.infer<typeof OpenDatasetDictionary>;
