import { z } from 'zod';
import { FUNDING_PURPOSES, SHORTFALL_KINDS } from '../domain/statistics/funding.ts';
import { LocalizedName, RegionCodeSchema } from './common.contract.ts';
import { text } from './primitives.ts';

/**
 * Funding (issue #13 item 4): the year's exchange rate, allocations per shelter and region, and
 * the three formulas side by side. No personal data: amounts, rates and counts.
 */

/** A future year is refused by the service (it depends on today). */
const Year = z.coerce.number().int().min(2000).max(2100);
const tenge = z.number().int().nonnegative();
const count = z.number().int().nonnegative();
const usd = z.number().nonnegative().nullable();

export const ExchangeRateParams = z.object({ year: Year });
export const ExchangeRateBody = z.object({
  /** Tenge per US dollar as the source states it (e.g. 462.54); four decimals are kept. */
  tengePerUsd: z.number().positive().max(100_000),
  source: text({ max: 500, min: 1 }),
});
export type ExchangeRateBody = z.infer<typeof ExchangeRateBody>;
export const ExchangeRate = z.object({ year: z.number().int(), tengePerUsd: z.number(), source: z.string(), setAt: z.string() });
export type ExchangeRate = z.infer<typeof ExchangeRate>;
export const ExchangeRates = z.object({ items: z.array(ExchangeRate) });

export const CreateAllocationBody = z.object({
  clientId: z.uuid(),
  year: Year,
  purpose: z.enum(FUNDING_PURPOSES),
  /** A shelter in `regionCode`; null or absent: the region's shelters as a whole (or the programme). */
  providerId: z.uuid().nullable().optional(),
  regionCode: RegionCodeSchema,
  amountTenge: z.number().int().positive().max(1_000_000_000_000),
  /** The number of cases today's per-case formula allocated it for, when the allocating body stated it. */
  casesBasis: z.number().int().nonnegative().max(1_000_000).nullable().optional(),
  source: text({ max: 500, min: 1 }),
});
export type CreateAllocationBody = z.infer<typeof CreateAllocationBody>;

export const Allocation = z.object({
  id: z.uuid(),
  year: z.number().int(),
  purpose: z.enum(FUNDING_PURPOSES),
  providerId: z.uuid().nullable(),
  providerName: LocalizedName.nullable(),
  regionCode: z.string(),
  amountTenge: tenge,
  /** At the year's stated rate, to the cent; null when no rate is stated. */
  amountUsd: usd,
  casesBasis: count.nullable(),
  source: z.string(),
  createdAt: z.string(),
});
export type Allocation = z.infer<typeof Allocation>;

export const FundingQuery = z.object({ year: Year });

const Formula = z.object({ tenge: tenge.nullable(), usd });

/** One region: what it got, what it carried, and the three formulas for the same national total. */
export const FundingRegionRow = z.object({
  region: z.string(),
  allocation: z.object({ tenge, usd }),
  /** Shelters in the region funded by name in the year. */
  sheltersFunded: count,
  cases: count,
  victims: count,
  bedDays: count,
  victimsPerCase: z.number().nullable(),
  perCase: Formula,
  perVictim: Formula,
  perBedDay: Formula,
  uncoveredVictims: z.number().nullable(),
  uncoveredBedDays: z.number().nullable(),
  shortfalls: z.array(z.enum(SHORTFALL_KINDS)),
  /** Where help is: active providers in urban and rural settlements, against victims of labour forms. */
  labourVictims: count,
  providersUrban: count,
  providersRural: count,
  shelterBeds: count,
});
export type FundingRegionRow = z.infer<typeof FundingRegionRow>;

export const FundingOverview = z.object({
  year: z.number().int(),
  rate: z.object({ tengePerUsd: z.number(), source: z.string() }).nullable(),
  /** Regions the reader sees; empty: the whole country. The formulas always share the national total. */
  regions: z.array(z.string()),
  allocations: z.array(Allocation),
  totals: z.object({
    shelterTenge: tenge,
    shelterUsd: usd,
    sheltersFunded: count,
    victimWitnessTenge: tenge,
    victimWitnessUsd: usd,
  }),
  /** National amounts per case, per victim and per bed-day, and the average stay (the flags' yardsticks). */
  national: z.object({
    totalTenge: tenge,
    tengePerCase: z.number().nullable(),
    tengePerVictim: z.number().nullable(),
    tengePerBedDay: z.number().nullable(),
    averageStayDays: z.number().nullable(),
  }),
  rows: z.array(FundingRegionRow),
});
export type FundingOverview = z.infer<typeof FundingOverview>;
