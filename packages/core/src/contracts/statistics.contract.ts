import { z } from 'zod';
import { AGENCY_TYPES } from '../access/roles.ts';
import { AGE_GROUPS, CITIZEN_GROUPS, FORM_CATEGORIES, SEX_CATEGORIES } from '../domain/statistics/categories.ts';
import { JusticeFigures } from './justice-figures.contract.ts';
import { RegionCodeSchema } from './common.contract.ts';

/**
 * National statistics (issue #13). Counts only: a figure never carries a record. The records
 * behind a figure are a separate route with its own permission (`statistics.records`), scoped
 * and audited like any list of persons.
 */

/** Years the register can count; a future year is refused by the service (it depends on today). */
const Year = z.coerce.number().int().min(2000).max(2100);

export const StatisticsFilterShape = {
  region: RegionCodeSchema.optional(),
  form: z.enum(FORM_CATEGORIES).optional(),
  citizenGroup: z.enum(CITIZEN_GROUPS).optional(),
  sex: z.enum(SEX_CATEGORIES).optional(),
  ageGroup: z.enum(AGE_GROUPS).optional(),
};

export const StatisticsQuery = z.object({ year: Year, ...StatisticsFilterShape });
export type StatisticsQuery = z.infer<typeof StatisticsQuery>;

const count = z.number().int().nonnegative();
const tenge = z.number().int().nonnegative();
const CategoryCount = z.object({ category: z.string(), n: count });

export const VictimFiguresSchema = z.object({
  total: count,
  byForm: z.array(CategoryCount),
  byCitizenGroup: z.array(CategoryCount),
  byCitizenship: z.array(CategoryCount),
  bySex: z.array(CategoryCount),
  byAgeGroup: z.array(CategoryCount),
  byRegion: z.array(CategoryCount),
  byAgencyType: z.array(CategoryCount),
  byReferredBy: z.array(CategoryCount),
  referred: count,
  participated: count,
  formByCitizenGroup: z.array(z.object({ form: z.string(), citizen: count, foreign: count })),
});

export const FigureSourceSchema = z.enum(['register', 'official']);

/** The year's figures within the reader's scope. */
export const YearStatistics = z.object({
  year: z.number().int(),
  /** Regions the figures cover; empty: the whole country. */
  regions: z.array(z.string()),
  victims: VictimFiguresSchema,
  /** The previous year's victims: from the register, or an official figure for a year before it; null when neither exists. */
  previous: z.object({ year: z.number().int(), victims: count, source: FigureSourceSchema }).nullable(),
  /** Counted apart, never as persons: anonymous notifications (an adult declined) and public self-reports. */
  notifications: z.object({ anonymousScreenings: count, selfReports: count }),
  screenings: z.object({ total: count, positive: count }),
  care: z.object({
    referrals: count,
    personsReferred: count,
    servicesDelivered: count,
    personsServed: count,
    serviceCostTenge: tenge,
    personsSheltered: count,
    bedDays: count,
  }),
  justice: JusticeFigures,
});
export type YearStatistics = z.infer<typeof YearStatistics>;

export const TrendQuery = z.object({ from: Year, to: Year, ...StatisticsFilterShape });
export type TrendQuery = z.infer<typeof TrendQuery>;

/** Identified victims per year: the register's count, or the official figure for a year before it. */
export const TrendPoint = z.object({ year: z.number().int(), victims: count.nullable(), source: FigureSourceSchema.nullable() });
export const Trend = z.object({ points: z.array(TrendPoint) });
export type Trend = z.infer<typeof Trend>;

/** Per region, for the map: where victims were found and whether help was there. */
export const RegionFigures = z.object({
  region: z.string(),
  victims: count,
  cases: count,
  referrals: count,
  /** Active providers (shelters and services) in the region, and those in rural settlements. */
  providers: count,
  shelters: count,
  ruralProviders: count,
  /** Victims identified in the region with no active provider in it: the coverage gap. */
  victimsWithoutLocalService: count,
});
export const RegionsStatistics = z.object({ year: z.number().int(), regions: z.array(RegionFigures) });
export type RegionsStatistics = z.infer<typeof RegionsStatistics>;

/** The records behind one figure: pseudonyms only, within the reader's person scope. */
export const StatisticsRecordsQuery = StatisticsQuery.extend({
  agencyType: z.enum(AGENCY_TYPES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type StatisticsRecordsQuery = z.infer<typeof StatisticsRecordsQuery>;
export const StatisticsRecord = z.object({
  personId: z.uuid(),
  pseudonym: z.string(),
  caseId: z.uuid(),
  caseReference: z.string(),
  identifiedOn: z.string(),
  region: z.string(),
  form: z.string(),
});
export const StatisticsRecords = z.object({ items: z.array(StatisticsRecord), total: count, page: z.number().int(), pageSize: z.number().int() });
export type StatisticsRecords = z.infer<typeof StatisticsRecords>;

export const REPORT_LANGUAGES = ['en', 'ru', 'kk'] as const;
export const REPORT_FORMATS = ['text', 'pdf', 'json'] as const;
export const REPORT_EDITIONS = ['official', 'public'] as const;

/**
 * The annual report (issue #13 item 2). `official`: the government's submission with exact
 * figures, as the TIP report prints them; `public`: small cells suppressed (DOMAIN.md §7).
 */
export const AnnualReportQuery = z.object({
  year: Year,
  lang: z.enum(REPORT_LANGUAGES).default('en'),
  format: z.enum(REPORT_FORMATS).default('json'),
  edition: z.enum(REPORT_EDITIONS).default('official'),
});
export type AnnualReportQuery = z.infer<typeof AnnualReportQuery>;

/** The year's published tables of identified victims, small cells suppressed (issue #13 item 6). */
export const PublishedTablesQuery = z.object({
  year: Year,
  lang: z.enum(REPORT_LANGUAGES).default('en'),
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
});
export type PublishedTablesQuery = z.infer<typeof PublishedTablesQuery>;
