import type { AgeGroup, AgencyType, CitizenGroup, FormCategory, SexCategory } from './categories.ts';
import { AGE_GROUPS, CITIZEN_GROUPS, FORM_CATEGORIES, SEX_CATEGORIES, citizenGroupOf } from './categories.ts';

/**
 * One cell of the year's victims cube: how many unique persons (linkage clusters, never records)
 * share these categories. The server counts the cells in one query; everything published is
 * summed from them here, so every breakdown adds up to the same total.
 */
export interface VictimCell {
  form: FormCategory;
  /** ISO 3166-1 alpha-2 as recorded; `XX` when unknown. */
  citizenship: string;
  sex: SexCategory;
  ageGroup: AgeGroup;
  region: string;
  /** Type of the agency whose decision first identified her. */
  agencyType: AgencyType;
  /** Type of the agency that first referred her to care, or null when nobody did. */
  referredBy: AgencyType | null;
  /** She took part in criminal proceedings (investigation or trial). */
  participated: boolean;
  n: number;
}

export type VictimDimension = 'form' | 'citizenGroup' | 'citizenship' | 'sex' | 'ageGroup' | 'region' | 'agencyType' | 'referredBy' | 'participated';

export interface CategoryCount {
  category: string;
  n: number;
}

export interface VictimFigures {
  total: number;
  byForm: CategoryCount[];
  byCitizenGroup: CategoryCount[];
  byCitizenship: CategoryCount[];
  bySex: CategoryCount[];
  byAgeGroup: CategoryCount[];
  byRegion: CategoryCount[];
  byAgencyType: CategoryCount[];
  /** Persons referred to care, and by which type of agency (`none`: not referred). */
  byReferredBy: CategoryCount[];
  referred: number;
  participated: number;
  /** The report's sentence: each form split into citizens and foreign nationals. */
  formByCitizenGroup: { form: string; citizen: number; foreign: number }[];
}

/** The category of a cell along one dimension (booleans and nulls as words, for tables). */
export function categoryOf(cell: VictimCell, dimension: VictimDimension): string {
  switch (dimension) {
    case 'citizenGroup':
      return citizenGroupOf(cell.citizenship);
    case 'referredBy':
      return cell.referredBy ?? 'none';
    case 'participated':
      return cell.participated ? 'yes' : 'no';
    default:
      return cell[dimension];
  }
}

/**
 * Counts by one dimension, in the dimension's own order where it has one (forms as HTCDS lists
 * them), otherwise largest first; categories with no one are left out.
 */
export function breakdown(cells: readonly VictimCell[], dimension: VictimDimension, order?: readonly string[]): CategoryCount[] {
  const sums = new Map<string, number>();
  for (const c of cells) {
    const k = categoryOf(c, dimension);
    sums.set(k, (sums.get(k) ?? 0) + c.n);
  }
  const rows = [...sums].filter(([, n]) => n > 0).map(([category, n]) => ({ category, n }));
  if (order) {
    const rank = (k: string) => {
      const i = order.indexOf(k);
      return i < 0 ? order.length : i;
    };
    return rows.sort((a, b) => rank(a.category) - rank(b.category) || a.category.localeCompare(b.category));
  }
  return rows.sort((a, b) => b.n - a.n || a.category.localeCompare(b.category));
}

export type VictimFilter = Partial<Record<VictimDimension, string>>;

/** The cells that match every given category (a dashboard filter, a drill-down into one figure). */
export const filterCells = (cells: readonly VictimCell[], filter: VictimFilter): VictimCell[] =>
  cells.filter((c) => Object.entries(filter).every(([d, v]) => v === undefined || categoryOf(c, d as VictimDimension) === v));

export function victimFigures(cells: readonly VictimCell[]): VictimFigures {
  const total = cells.reduce((s, c) => s + c.n, 0);
  const byForm = breakdown(cells, 'form', FORM_CATEGORIES);
  const byReferredBy = breakdown(cells, 'referredBy');
  const formByCitizenGroup = byForm.map(({ category }) => {
    const inForm = cells.filter((c) => c.form === category);
    const citizen = inForm.filter((c) => c.citizenship === 'KZ').reduce((s, c) => s + c.n, 0);
    const all = inForm.reduce((s, c) => s + c.n, 0);
    return { form: category, citizen, foreign: all - citizen };
  });
  return {
    total,
    byForm,
    byCitizenGroup: breakdown(cells, 'citizenGroup', CITIZEN_GROUPS satisfies readonly CitizenGroup[]),
    byCitizenship: breakdown(cells, 'citizenship'),
    bySex: breakdown(cells, 'sex', SEX_CATEGORIES),
    byAgeGroup: breakdown(cells, 'ageGroup', AGE_GROUPS),
    byRegion: breakdown(cells, 'region'),
    byAgencyType: breakdown(cells, 'agencyType'),
    byReferredBy,
    referred: total - (byReferredBy.find((r) => r.category === 'none')?.n ?? 0),
    participated: cells.filter((c) => c.participated).reduce((s, c) => s + c.n, 0),
    formByCitizenGroup,
  };
}
