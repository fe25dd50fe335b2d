import { z } from 'zod';
import { RECOMMENDATION_INDICATORS, RECOMMENDATION_SOURCES, RECOMMENDATION_STATUSES } from '../domain/statistics/recommendations.ts';
import { LocalizedName } from './common.contract.ts';
import { text } from './primitives.ts';

/** The recommendations tracker (issue #13 item 5). No personal data: texts, owners, counts, statuses. */

const Year = z.coerce.number().int().min(2000).max(2100);

export const RecommendationListQuery = z.object({ year: Year });

export const RecommendationStatusEntry = z.object({
  year: z.number().int(),
  status: z.enum(RECOMMENDATION_STATUSES),
  note: z.string().nullable(),
  setAt: z.string(),
});

export const Recommendation = z.object({
  id: z.uuid(),
  code: z.string(),
  source: z.enum(RECOMMENDATION_SOURCES),
  text: LocalizedName,
  /** The body responsible as the plan names it, and the agency in the register that answers for it, if assigned. */
  responsible: LocalizedName.nullable(),
  ownerAgency: z.object({ id: z.uuid(), name: LocalizedName }).nullable(),
  indicator: z.enum(RECOMMENDATION_INDICATORS).nullable(),
  /** The indicator counted for the year and the year before, within the reader's scope; null without an indicator. */
  value: z.number().int().nullable(),
  previousValue: z.number().int().nullable(),
  /** The current status for the year (the latest set), or null when none was set. */
  status: RecommendationStatusEntry.nullable(),
  /** Every status set for this or earlier years, newest first. */
  history: z.array(RecommendationStatusEntry),
});
export type Recommendation = z.infer<typeof Recommendation>;

export const RecommendationList = z.object({ year: z.number().int(), regions: z.array(z.string()), items: z.array(Recommendation) });
export type RecommendationList = z.infer<typeof RecommendationList>;

export const SetRecommendationStatusBody = z.object({
  year: Year,
  status: z.enum(RECOMMENDATION_STATUSES),
  /** What was done or is missing: about institutions, never about a person. */
  note: text({ max: 2000, multiline: true }).nullable().optional(),
  /** The agency that answers for it (kept until changed); absent leaves it as it is. */
  ownerAgencyId: z.uuid().nullable().optional(),
});
export type SetRecommendationStatusBody = z.infer<typeof SetRecommendationStatusBody>;
