import { type Model, solve } from 'yalps';
import { type Cube, TOTAL } from './publication.ts';

/** A cell of a published table, as the lattice needs it: which group, and whether it is shown as 0. */
export interface ShownCell {
  coords: Readonly<Record<string, string>>;
  zero: boolean;
}

/**
 * What an attacker can work out from a publication. She knows every published value, the
 * categories, the suppression rule, and that the cube holds non-negative whole numbers of persons:
 * - a cell shown "<11" (primary) holds 1 … threshold−1;
 * - a cell shown "x" (secondary) holds at least the threshold: only published, non-zero cells are
 *   ever chosen for secondary suppression, and those are already ≥ threshold;
 * - a zero is never suppressed, so every zero is known.
 * Every quantity of the lattice (a group of persons defined by one category, or the total, along
 * each dimension the publication uses) is then a sum of unknown cube cells under these linear
 * constraints; its exact value is revealed when every whole-number assignment consistent with them
 * gives it the same value.
 */
export type CellStatus = 'published' | 'small' | 'secondary';

/** Beyond these sizes the audit would take too long to be run on a request; split the publication. */
export const MAX_CUBE_CELLS = 1500;
export const MAX_LATTICE_QUANTITIES = 20_000;

export class PublicationTooLargeError extends Error {
  constructor(what: string, limit: number) {
    super(`Disclosure audit: ${what} exceeds the limit of ${limit}; publish fewer dimensions together`);
    this.name = 'PublicationTooLargeError';
  }
}

export interface Quantity {
  key: string;
  /** The categories that define it (dimensions summed over are left out). */
  coords: Record<string, string>;
  truth: number;
  /** Indices of the free cube cells it sums. */
  cells: number[];
}

/**
 * The lattice of one publication: the dimensions its tables use, their categories, the cube cells
 * that are not known to be zero (the LP's variables) and every quantity as a sum of them.
 */
export class Lattice {
  readonly dimensions: string[];
  readonly quantities = new Map<string, Quantity>();
  /** Cube cells over the publication's dimensions not inside a published zero. */
  readonly freeCells: { coords: Record<string, string>; truth: number; ancestors: string[] }[] = [];

  constructor(cube: Cube, shown: readonly ShownCell[], limits: { maxCubeCells?: number } = {}) {
    const used = new Set<string>();
    for (const c of shown) for (const [d, v] of Object.entries(c.coords)) if (v !== TOTAL) used.add(d);
    this.dimensions = Object.keys(cube.categories).filter((d) => used.has(d));
    const cats = this.dimensions.map((d) => cube.categories[d] ?? []);

    const latticeSize = cats.reduce((p, c) => p * (c.length + 1), 1);
    if (latticeSize > MAX_LATTICE_QUANTITIES) throw new PublicationTooLargeError(`a lattice of ${latticeSize} groups`, MAX_LATTICE_QUANTITIES);

    // The truth of every quantity, from the cube projected on the publication's dimensions.
    const truthOf = new Map<string, number>();
    for (const c of cube.cells) {
      for (const key of this.ancestors(c.coords)) truthOf.set(key, (truthOf.get(key) ?? 0) + c.n);
    }
    for (const coords of this.combos(cats.map((c) => [...c, TOTAL]))) {
      const key = this.keyOf(coords);
      this.quantities.set(key, { key, coords: definingCoords(coords), truth: truthOf.get(key) ?? 0, cells: [] });
    }

    const zeros = new Set<string>();
    for (const c of shown) if (c.zero) zeros.add(this.keyOf(c.coords));
    const limit = limits.maxCubeCells ?? MAX_CUBE_CELLS;
    for (const coords of this.cellsOutside(cats, zeros)) {
      const ancestors = this.ancestors(coords);
      if (ancestors.some((k) => zeros.has(k))) continue;
      if (this.freeCells.length >= limit) throw new PublicationTooLargeError('the number of non-zero cube cells', limit);
      const index = this.freeCells.length;
      this.freeCells.push({ coords, truth: truthOf.get(this.keyOf(coords)) ?? 0, ancestors });
      for (const k of ancestors) this.quantities.get(k)?.cells.push(index);
    }
  }

  /** The canonical name of a group of persons: its category along each used dimension, or TOTAL. */
  keyOf(coords: Readonly<Record<string, string>>): string {
    return this.dimensions.map((d) => coords[d] ?? TOTAL).join('\u0000');
  }

  /** The keys of all quantities a cube cell is counted in (2^dimensions of them). */
  private ancestors(coords: Readonly<Record<string, string>>): string[] {
    let keys: string[][] = [[]];
    for (const d of this.dimensions) {
      const v = coords[d] ?? TOTAL;
      keys = keys.flatMap((k) =>
        v === TOTAL
          ? [[...k, TOTAL]]
          : [
              [...k, v],
              [...k, TOTAL],
            ],
      );
    }
    return keys.map((k) => k.join('\u0000'));
  }

  /**
   * The cube's cells, leaving out early every branch inside a published zero that is seen from
   * the dimensions chosen so far (one category alone, or all chosen so far); the caller still
   * checks every ancestor of what remains.
   */
  private cellsOutside(axes: readonly (readonly string[])[], zeros: ReadonlySet<string>): Record<string, string>[] {
    let out: Record<string, string>[] = [{}];
    this.dimensions.forEach((d, i) => {
      out = out.flatMap((c) =>
        (axes[i] ?? []).flatMap((v) => {
          const next = { ...c, [d]: v };
          return zeros.has(this.keyOf({ [d]: v })) || zeros.has(this.keyOf(next)) ? [] : [next];
        }),
      );
    });
    return out;
  }

  private combos(axes: readonly (readonly string[])[]): Record<string, string>[] {
    let out: Record<string, string>[] = [{}];
    this.dimensions.forEach((d, i) => {
      out = out.flatMap((c) => (axes[i] ?? []).map((v) => ({ ...c, [d]: v })));
    });
    return out;
  }

  /** Every quantity's value under an assignment of the free cube cells. */
  valuesOf(assignment: readonly number[]): Map<string, number> {
    const values = new Map<string, number>();
    this.freeCells.forEach((cell, i) => {
      for (const k of cell.ancestors) values.set(k, (values.get(k) ?? 0) + (assignment[i] ?? 0));
    });
    return values;
  }
}

const definingCoords = (coords: Readonly<Record<string, string>>) => Object.fromEntries(Object.entries(coords).filter(([, v]) => v !== TOTAL));

export type Extreme =
  /** A whole-number assignment, checked exactly against every constraint. */
  | { kind: 'witness'; values: Map<string, number> }
  | { kind: 'unbounded' }
  /** The solver found none (the truth is always feasible, so this is a solver failure). */
  | { kind: 'unknown' };

/** What the attacker knows: the constraints of every published or suppressed quantity. */
export class AttackerView {
  constructor(
    readonly lattice: Lattice,
    readonly status: ReadonlyMap<string, CellStatus>,
    readonly threshold: number,
  ) {}

  /** The bounds the attacker knows for a quantity, or undefined when it appears in no table. */
  bounds(key: string): { min: number; max: number } | undefined {
    const s = this.status.get(key);
    const truth = this.lattice.quantities.get(key)?.truth ?? 0;
    if (s === 'published') return { min: truth, max: truth };
    if (s === 'small') return { min: 1, max: this.threshold - 1 };
    if (s === 'secondary') return { min: this.threshold, max: Number.POSITIVE_INFINITY };
    return undefined;
  }

  /** Whether whole numbers of persons satisfy everything the attacker knows. */
  consistent(values: ReadonlyMap<string, number>): boolean {
    for (const key of this.status.keys()) {
      const b = this.bounds(key);
      const v = values.get(key) ?? 0;
      if (b && (v < b.min || v > b.max)) return false;
    }
    return true;
  }

  /** The largest or smallest value of a quantity over whole-number cube cells (integer programming). */
  extreme(key: string, direction: 'maximize' | 'minimize'): Extreme {
    const objective = this.lattice.quantities.get(key);
    if (!objective) throw new Error(`unknown quantity ${key}`);
    const inObjective = new Set(objective.cells);
    const constraints = new Map<string, { min?: number; max?: number; equal?: number }>();
    for (const k of this.status.keys()) {
      const b = this.bounds(k);
      if (!b || !this.lattice.quantities.get(k)?.cells.length) continue;
      constraints.set(k, b.min === b.max ? { equal: b.min } : Number.isFinite(b.max) ? { min: b.min, max: b.max } : { min: b.min });
    }
    const OBJ = '\u0001objective';
    const model: Model<string, string> = {
      direction,
      objective: OBJ,
      constraints,
      variables: this.lattice.freeCells.map((cell, i) => {
        const coefficients: [string, number][] = cell.ancestors.filter((k) => constraints.has(k)).map((k) => [k, 1]);
        if (inObjective.has(i)) coefficients.push([OBJ, 1]);
        return [String(i), coefficients] as const;
      }),
      integers: true,
    };
    const solution = solve(model, { includeZeroVariables: false, maxIterations: 20_000 });
    if (solution.status === 'unbounded') return { kind: 'unbounded' };
    if (solution.status !== 'optimal') return { kind: 'unknown' };
    const assignment = new Array<number>(this.lattice.freeCells.length).fill(0);
    for (const [v, x] of solution.variables) assignment[Number(v)] = Math.round(x);
    const values = this.lattice.valuesOf(assignment);
    // Only an assignment that meets every constraint exactly is evidence; rounding must not cheat.
    return this.consistent(values) ? { kind: 'witness', values } : { kind: 'unknown' };
  }
}
