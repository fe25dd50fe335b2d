/**
 * Shelter funding (issue #13 item 4, DOMAIN.md §6). Shelters are funded today by the number of
 * cases per region, which ignores how many victims a case has: a region whose cases hold many
 * victims, or whose victims stay long, gets too little. These pure functions apportion the same
 * total three ways (per case, per identified victim, per bed-day) and flag where the money a
 * region got falls short of what its victims and bed-days need at the national rate.
 */

/** `shelter`: trafficking shelters; `victim_witness`: the Protection of Participants of Criminal Proceedings programme. */
export const FUNDING_PURPOSES = ['shelter', 'victim_witness'] as const;
export type FundingPurpose = (typeof FUNDING_PURPOSES)[number];

/** The ways the same total can be shared out. `per_case` is today's rule. */
export const FUNDING_FORMULAS = ['per_case', 'per_victim', 'per_bed_day'] as const;
export type FundingFormula = (typeof FUNDING_FORMULAS)[number];

/**
 * Why a region is flagged. `victims_per_case`: its allocation, at the national amount per
 * identified victim, leaves at least one of its victims uncovered. `bed_days`: its allocation,
 * at the national amount per bed-day, leaves at least one average stay uncovered.
 */
export const SHORTFALL_KINDS = ['victims_per_case', 'bed_days'] as const;
export type ShortfallKind = (typeof SHORTFALL_KINDS)[number];

/** One region (or one shelter): what it got and what it had to carry in the year. */
export interface FundingUnit {
  key: string;
  allocationTenge: number;
  /** Trafficking cases of the year as the allocating body counts them (the server: criminal cases registered under a trafficking article). */
  cases: number;
  /** Unique persons first identified in the year. */
  victims: number;
  /** Nights spent in its shelters in the year. */
  bedDays: number;
}

export interface FundingRow extends FundingUnit {
  /** The same total shared out by each formula, in whole tenge (null: nothing to share by). */
  perCaseTenge: number | null;
  perVictimTenge: number | null;
  perBedDayTenge: number | null;
  victimsPerCase: number | null;
  /** Victims the allocation does not cover at the national amount per victim (may be negative: a surplus). */
  uncoveredVictims: number | null;
  /** Bed-days the allocation does not cover at the national amount per bed-day. */
  uncoveredBedDays: number | null;
  shortfalls: ShortfallKind[];
}

export interface FundingComparison {
  totalTenge: number;
  cases: number;
  victims: number;
  bedDays: number;
  /** National amounts: the total divided by all cases, victims, bed-days (null when there are none). */
  tengePerCase: number | null;
  tengePerVictim: number | null;
  tengePerBedDay: number | null;
  /** Bed-days per person sheltered nationally: one average stay, the bed-day flag's threshold. */
  averageStayDays: number | null;
  rows: FundingRow[];
}

/**
 * Shares `total` whole tenge in proportion to `weights` so the parts add up to the total exactly
 * (largest remainder: each part is its quota rounded down, and the tenge left over go to the
 * largest remainders, ties to the earlier unit). Null when every weight is zero.
 */
export function apportion(total: number, weights: readonly number[]): number[] | null {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0 || total < 0) return null;
  const quotas = weights.map((w) => (total * w) / sum);
  const parts = quotas.map((q) => Math.floor(q));
  let left = total - parts.reduce((s, p) => s + p, 0);
  const order = quotas.map((q, i) => ({ i, r: q - Math.floor(q) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left -= 1;
  }
  return parts;
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

/**
 * The three formulas side by side, and the shortfall flags. `totalTenge` defaults to the sum of
 * the allocations (the money actually given); `personsSheltered` is the number of persons who
 * stayed in a shelter in the year, nationally (it sets the average stay).
 *
 * Why these flags, and no tolerance constant: a flag must mean something a reader can check, at
 * any scale. A region is short of money for its victims when, at the national amount per
 * victim (total ÷ victims), its allocation pays for at least one whole victim fewer than it
 * identified; short for its bed-days when, at the national amount per bed-day, its allocation
 * pays for fewer nights than its shelters gave by at least one average stay. Both thresholds
 * come from the year's own data (one victim, one average stay), never from a tuned number.
 */
export function compareFunding(units: readonly FundingUnit[], opts: { totalTenge?: number; personsSheltered: number }): FundingComparison {
  const totalTenge = opts.totalTenge ?? units.reduce((s, u) => s + u.allocationTenge, 0);
  const cases = units.reduce((s, u) => s + u.cases, 0);
  const victims = units.reduce((s, u) => s + u.victims, 0);
  const bedDays = units.reduce((s, u) => s + u.bedDays, 0);
  const perCase =
    totalTenge > 0
      ? apportion(
          totalTenge,
          units.map((u) => u.cases),
        )
      : null;
  const perVictim =
    totalTenge > 0
      ? apportion(
          totalTenge,
          units.map((u) => u.victims),
        )
      : null;
  const perBedDay =
    totalTenge > 0
      ? apportion(
          totalTenge,
          units.map((u) => u.bedDays),
        )
      : null;
  const tengePerVictim = totalTenge > 0 ? ratio(totalTenge, victims) : null;
  const tengePerBedDay = totalTenge > 0 ? ratio(totalTenge, bedDays) : null;
  const averageStayDays = ratio(bedDays, opts.personsSheltered);
  const rows = units.map((u, i): FundingRow => {
    const uncoveredVictims = tengePerVictim === null ? null : u.victims - u.allocationTenge / tengePerVictim;
    const uncoveredBedDays = tengePerBedDay === null ? null : u.bedDays - u.allocationTenge / tengePerBedDay;
    const shortfalls: ShortfallKind[] = [];
    if (uncoveredVictims !== null && uncoveredVictims >= 1) shortfalls.push('victims_per_case');
    if (uncoveredBedDays !== null && averageStayDays !== null && uncoveredBedDays >= averageStayDays) shortfalls.push('bed_days');
    return {
      ...u,
      perCaseTenge: perCase?.[i] ?? null,
      perVictimTenge: perVictim?.[i] ?? null,
      perBedDayTenge: perBedDay?.[i] ?? null,
      victimsPerCase: ratio(u.victims, u.cases),
      uncoveredVictims,
      uncoveredBedDays,
      shortfalls,
    };
  });
  return {
    totalTenge,
    cases,
    victims,
    bedDays,
    tengePerCase: totalTenge > 0 ? ratio(totalTenge, cases) : null,
    tengePerVictim,
    tengePerBedDay,
    averageStayDays,
    rows,
  };
}

/**
 * Tenge in US dollars at the year's stated rate, to the cent; null when no rate is stated for the
 * year (a dollar figure is never guessed). The report writes dollars rounded to ten (`roundTo10`).
 */
export function tengeToUsd(tenge: number, tengePerUsd: number | null | undefined): number | null {
  if (!tengePerUsd || tengePerUsd <= 0) return null;
  return Math.round((tenge / tengePerUsd) * 100) / 100;
}

/** The TIP report's dollar figures are rounded to ten dollars ($218,360). */
export const roundTo10 = (usd: number): number => Math.round(usd / 10) * 10;

/**
 * Bed-days of one stay within a year: nights from admission (or 1 January) to discharge (or
 * `today`, or 1 January of the next year), whichever ends first. Dates are YYYY-MM-DD.
 */
export function bedDaysInYear(admittedOn: string, dischargedOn: string | null, year: number, today: string): number {
  const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
  const from = Math.max(day(admittedOn), day(`${year}-01-01`));
  const endOfStay = dischargedOn ? day(dischargedOn) : day(today);
  const to = Math.min(endOfStay, day(`${year + 1}-01-01`));
  return Math.max(0, to - from);
}
