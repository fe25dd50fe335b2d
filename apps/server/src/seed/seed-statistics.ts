/**
 * National statistics in the demo (issue #13): years in motion, not one year.
 *
 * - `seedVictimHistory`: victims identified in past years, from four years before this one up to
 *   where the background caseload starts (seed-persons.ts opens its records up to 900 days back),
 *   each a record met by the police or an NGO and decided positive a few days later, with growth
 *   from year to year. Same synthetic population as the caseload (mostly Kazakhstani citizens,
 *   sexual exploitation and forced labour, some from Uzbekistan, Kyrgyzstan and Tajikistan, some
 *   children, every region), so the trend, the map and the breakdowns have several years.
 * - `seedStatisticsReference`: the figures no record holds (migration 0023), ILLUSTRATIVE DEMO
 *   DATA: the official 2021 figures as the US Department of State's 2022 TIP report gave them
 *   (20 victims identified, 107,000,000 tenge for shelters), tenge per US dollar by year (462.54
 *   for 2021 and 2022, the rate the 2023 TIP report used; later years plausible demo values),
 *   and the 2022 shelter allocations (101,000,000 tenge over the shelters, by capacity; later
 *   years plausible demo values).
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { apportion } from '@qorgau/core';
import type { AppDeps } from '../app-deps.ts';
import { exchangeRates, fundingAllocations, officialFigures, providers, users } from '../db/schema.ts';
import { kazakhstanYear } from '../util/kazakhstan-date.ts';
import { seedPersons } from './seed-persons.ts';

const DAY = 86_400_000;
/** The background caseload's records reach back this far (seed-persons.ts default). */
const CASELOAD_DAYS = 900;

/** Past years' victims: about a quarter of the caseload's size, at least a dozen. */
export async function seedVictimHistory(deps: AppDeps, opts: { persons: number; seed: number; start: number }): Promise<number> {
  const now = deps.now();
  const firstDay = Date.parse(`${kazakhstanYear(now) - 4}-01-10T00:00:00Z`);
  const maxDaysAgo = Math.floor((now.getTime() - firstDay) / DAY);
  if (maxDaysAgo <= CASELOAD_DAYS) return 0;
  const { persons } = await seedPersons(deps, {
    count: Math.max(12, Math.round(opts.persons / 4)),
    seed: opts.seed,
    start: opts.start,
    history: { minDaysAgo: CASELOAD_DAYS, maxDaysAgo, growth: true, identified: true },
  });
  return persons;
}

const SOURCE_TIP_2022 = 'US Department of State, 2022 Trafficking in Persons Report (illustrative demo data)';
const SOURCE_TIP_2023_RATE = 'US Department of State, 2023 Trafficking in Persons Report: the rate it used (illustrative demo data)';
const SOURCE_DEMO = 'Demo data: plausible, not an official figure';
const SOURCE_2022_FUNDING = 'National report 2022: 101,000,000 tenge for the shelters (illustrative demo data; split by capacity)';

/** Tenge per US dollar: the TIP 2023 rate for 2021 and 2022, then plausible demo rates. */
const RATES: Record<number, { rate: number; source: string }> = {
  2021: { rate: 462.54, source: SOURCE_TIP_2023_RATE },
  2022: { rate: 462.54, source: SOURCE_TIP_2023_RATE },
  2023: { rate: 456.31, source: SOURCE_DEMO },
  2024: { rate: 469.44, source: SOURCE_DEMO },
  2025: { rate: 512.2, source: SOURCE_DEMO },
  2026: { rate: 505.0, source: SOURCE_DEMO },
};

/** The shelters' allocation by year (2022 as reported; later years demo values growing about 5 % a year). */
const SHELTER_FUNDING: Record<number, { total: number; source: string }> = {
  2022: { total: 101_000_000, source: SOURCE_2022_FUNDING },
  2023: { total: 106_000_000, source: SOURCE_DEMO },
  2024: { total: 111_500_000, source: SOURCE_DEMO },
  2025: { total: 117_000_000, source: SOURCE_DEMO },
  2026: { total: 123_000_000, source: SOURCE_DEMO },
};

export async function seedStatisticsReference(deps: AppDeps): Promise<void> {
  const [coordinator] = await deps.db.select({ id: users.id }).from(users).where(eq(users.username, 'coordinator'));
  if (!coordinator) throw new Error('seed organisations first: no coordinator');
  const by = coordinator.id;
  const thisYear = kazakhstanYear(deps.now());
  const shelters = await deps.db
    .select({ id: providers.id, regionCode: providers.regionCode, capacity: providers.capacity })
    .from(providers)
    .where(eq(providers.kind, 'shelter'))
    .orderBy(providers.regionCode, providers.id);
  await deps.db.transaction(async (tx) => {
    await tx.insert(officialFigures).values([
      { year: 2021, figure: 'victims_identified', value: 20, source: SOURCE_TIP_2022, enteredBy: by },
      { year: 2021, figure: 'shelter_funding_tenge', value: 107_000_000, source: SOURCE_TIP_2022, enteredBy: by },
    ]);
    await tx.insert(exchangeRates).values(
      Object.entries(RATES)
        .filter(([y]) => Number(y) <= thisYear)
        .map(([y, r]) => ({ year: Number(y), tengePerUsd: r.rate, source: r.source, setBy: by })),
    );
    for (const [y, f] of Object.entries(SHELTER_FUNDING)) {
      if (Number(y) > thisYear || !shelters.length) continue;
      const amounts =
        apportion(
          f.total,
          shelters.map((s) => s.capacity || 1),
        ) ?? [];
      await tx.insert(fundingAllocations).values(
        shelters.map((s, i) => ({
          clientId: randomUUID(),
          year: Number(y),
          purpose: 'shelter',
          providerId: s.id,
          regionCode: s.regionCode,
          amountTenge: amounts[i] as number,
          source: f.source,
          createdBy: by,
        })),
      );
    }
  });
}
