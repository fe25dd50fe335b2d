import { AGE_GROUPS, CITIZEN_GROUPS, FORM_CATEGORIES, KZ_REGIONS, SEX_CATEGORIES } from '@qorgau/core';

/**
 * The dashboard's filters, kept in the URL (a shared link or the back button shows the same
 * figures). Anything the server would refuse is dropped here rather than sent, so a stale or
 * hand-edited link still opens the page.
 */
export interface StatisticsFilters {
  year: number;
  region?: string;
  form?: string;
  citizenGroup?: string;
  sex?: string;
  ageGroup?: string;
}

/** The filters a user chooses from a list (region is chosen on the map). */
export const CATEGORY_FILTERS = [
  { key: 'form', values: FORM_CATEGORIES },
  { key: 'citizenGroup', values: CITIZEN_GROUPS },
  { key: 'sex', values: SEX_CATEGORIES },
  { key: 'ageGroup', values: AGE_GROUPS },
] as const;

export type CategoryFilterKey = (typeof CATEGORY_FILTERS)[number]['key'];

const REGION_CODES = new Set<string>(KZ_REGIONS.map((r) => r.code as string));

/** The first year the dashboard offers (the trend reaches ten years back from today). */
export const TREND_YEARS = 10;

/**
 * The filters a URL asks for. `year` falls back to `defaultYear` when missing, not a number, or
 * outside [thisYear - 29, thisYear] (the server counts no future year).
 */
export function filtersFromParams(get: (key: string) => string, defaultYear: number, thisYear: number): StatisticsFilters {
  const asked = Number.parseInt(get('year'), 10);
  const year = Number.isInteger(asked) && asked <= thisYear && asked > thisYear - 30 ? asked : defaultYear;
  const f: StatisticsFilters = { year };
  const region = get('region');
  if (REGION_CODES.has(region)) f.region = region;
  for (const { key, values } of CATEGORY_FILTERS) {
    const v = get(key);
    if ((values as readonly string[]).includes(v)) f[key] = v;
  }
  return f;
}

/** The query string of /statistics/year, /regions and /records for these filters (unset ones left out). */
export function filterQuery(f: StatisticsFilters, opts: { withRegion?: boolean } = {}): Record<string, string | number> {
  const q: Record<string, string | number> = { year: f.year };
  if (opts.withRegion !== false && f.region) q.region = f.region;
  for (const { key } of CATEGORY_FILTERS) {
    const v = f[key];
    if (v) q[key] = v;
  }
  return q;
}

/**
 * The year the dashboard opens on: the last complete year when the register (or an official
 * figure) covers it, else the current year (a register started this year has nothing before).
 */
export function openingYear(thisYear: number, trend: readonly { year: number; source: string | null }[]): number {
  const last = trend.find((p) => p.year === thisYear - 1);
  return last?.source ? thisYear - 1 : thisYear;
}
