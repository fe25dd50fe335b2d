import { AGE_GROUPS, AGENCY_TYPES, CITIZEN_GROUPS, FORM_CATEGORIES, SEX_CATEGORIES } from '../categories.ts';
import { type VictimCell, type VictimDimension, categoryOf } from '../victim-figures.ts';

/**
 * A publication is a set of tables that are all sums over one cube of unique-person counts (the
 * victims cube of a year, projected on the dimensions the tables use). Because every table cell is
 * a sum of cube cells, the tables can be audited together as linear constraints on the cube: that
 * is how a total, or the difference of two published tables, is caught revealing a small cell
 * (suppression.ts).
 */

/** The coordinate of a table cell that is summed over a dimension (a total row or column). */
export const TOTAL = '*';

export interface CubeCell {
  /** One category for each dimension of the cube. */
  coords: Readonly<Record<string, string>>;
  n: number;
}

export interface Cube {
  /** Every category of every dimension, in display order; a category may have no one in it. */
  categories: Readonly<Record<string, readonly string[]>>;
  cells: readonly CubeCell[];
}

export interface TableCell {
  /**
   * A category, or TOTAL, for each dimension of the table, plus the table's `where` categories.
   * The cell counts the cube cells that match every category given.
   */
  coords: Readonly<Record<string, string>>;
  value: number;
}

export interface PublishedTable {
  id: string;
  /** The table's axes (rows, columns, …); a table with none is the grand total alone. */
  dimensions: readonly string[];
  /** Categories that restrict the whole table (e.g. citizens only). */
  where: Readonly<Record<string, string>>;
  cells: readonly TableCell[];
}

export interface TableOptions {
  id?: string;
  /** Add a total along every axis (row totals, column totals and the grand total). */
  withTotals?: boolean;
  where?: Readonly<Record<string, string>>;
}

/** The sum of the cube cells that match every non-total coordinate. */
export function cubeSum(cube: Cube, coords: Readonly<Record<string, string>>): number {
  const fixed = Object.entries(coords).filter(([, v]) => v !== TOTAL);
  let sum = 0;
  for (const c of cube.cells) if (fixed.every(([d, v]) => c.coords[d] === v)) sum += c.n;
  return sum;
}

/**
 * A table of the cube along `dimensions`: every combination of their categories, zeros included
 * (a published zero is the truth, and a reader who knows the categories would infer it anyway).
 */
export function tableOf(cube: Cube, dimensions: readonly string[], options: TableOptions = {}): PublishedTable {
  const where = options.where ?? {};
  for (const d of [...dimensions, ...Object.keys(where)]) {
    if (!cube.categories[d]) throw new Error(`tableOf: the cube has no dimension "${d}"`);
  }
  for (const d of dimensions) {
    if (d in where) throw new Error(`tableOf: "${d}" is both an axis and a restriction`);
  }
  const axes = dimensions.map((d) => [...(cube.categories[d] ?? []), ...(options.withTotals ? [TOTAL] : [])]);
  let combos: Record<string, string>[] = [{ ...where }];
  dimensions.forEach((d, i) => {
    combos = combos.flatMap((c) => (axes[i] ?? []).map((v) => ({ ...c, [d]: v })));
  });
  // One pass over the cube: each cell adds to its own row and, with totals, to the totals it is in.
  const keyOf = (coords: Readonly<Record<string, string>>) => dimensions.map((d) => coords[d]).join('\u0000');
  const sums = new Map<string, number>();
  const filter = Object.entries(where);
  for (const c of cube.cells) {
    if (!filter.every(([d, v]) => c.coords[d] === v)) continue;
    let keys: string[][] = [[]];
    for (const d of dimensions) {
      const v = c.coords[d] ?? '';
      keys = keys.flatMap((k) =>
        options.withTotals
          ? [
              [...k, v],
              [...k, TOTAL],
            ]
          : [[...k, v]],
      );
    }
    for (const k of keys) sums.set(k.join('\u0000'), (sums.get(k.join('\u0000')) ?? 0) + c.n);
  }
  return {
    id: options.id ?? (dimensions.length ? dimensions.join('×') : 'total'),
    dimensions: [...dimensions],
    where: { ...where },
    cells: combos.map((coords) => ({ coords, value: sums.get(keyOf(coords)) ?? 0 })),
  };
}

/** Categories that have a fixed list; the others (citizenship, region) are those present. */
const KNOWN_CATEGORIES: Partial<Record<VictimDimension, readonly string[]>> = {
  form: FORM_CATEGORIES,
  citizenGroup: CITIZEN_GROUPS,
  sex: SEX_CATEGORIES,
  ageGroup: AGE_GROUPS,
  agencyType: AGENCY_TYPES,
  referredBy: [...AGENCY_TYPES, 'none'],
  participated: ['yes', 'no'],
};

/** The victims cube projected on the given dimensions (cells with no one are left out). */
export function victimCube(cells: readonly VictimCell[], dimensions: readonly VictimDimension[]): Cube {
  const categories: Record<string, readonly string[]> = {};
  for (const d of dimensions) {
    const present = [...new Set(cells.map((c) => categoryOf(c, d)))];
    const known = KNOWN_CATEGORIES[d];
    categories[d] = known ? [...known, ...present.filter((v) => !known.includes(v)).sort()] : present.sort();
  }
  const sums = new Map<string, CubeCell>();
  for (const c of cells) {
    const coords = Object.fromEntries(dimensions.map((d) => [d, categoryOf(c, d)]));
    const key = JSON.stringify(dimensions.map((d) => coords[d]));
    const prev = sums.get(key);
    sums.set(key, { coords, n: (prev?.n ?? 0) + c.n });
  }
  return { categories, cells: [...sums.values()].filter((c) => c.n > 0) };
}
