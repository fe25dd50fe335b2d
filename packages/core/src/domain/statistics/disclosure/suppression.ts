import { AttackerView, type CellStatus, Lattice } from './attacker.ts';
import { type Cube, type PublishedTable, TOTAL } from './publication.ts';

/**
 * Counts of 1 to 10 persons are never published (shown "<11"): DOMAIN.md §7, matching CTDC's
 * k = 11 for its record-level releases. The rule is the CMS cell-size suppression policy, which
 * CTDC's threshold mirrors: no cell of 1 to 10 is shown, "a value of zero does not violate" it
 * (a zero says nobody is in the group and identifies no one, so zeros are published), and no cell
 * may be shown that lets a value of 1 to 10 be derived from other reported cells — hence the
 * secondary suppression below, audited across all the tables of a publication. (CTDC's own pages
 * state k = 11 but say nothing of zeros; CMS does.)
 */
export const SMALL_CELL_THRESHOLD = 11;

export type PublishedValue = { value: number } | { suppressed: 'small' } | { suppressed: 'secondary' };

export interface ProtectedCell {
  coords: Readonly<Record<string, string>>;
  shown: PublishedValue;
}

export interface ProtectedTable {
  id: string;
  dimensions: readonly string[];
  where: Readonly<Record<string, string>>;
  cells: readonly ProtectedCell[];
}

export interface SuppressionOptions {
  /** The smallest count that may be published (default SMALL_CELL_THRESHOLD). */
  threshold?: number;
  /** Refuse publications whose cube has more non-zero cells than this (MAX_CUBE_CELLS). */
  maxCubeCells?: number;
}

export class CannotProtectError extends Error {
  constructor(coords: Readonly<Record<string, string>>) {
    super(`Disclosure control: the group ${JSON.stringify(coords)} stays revealed even with every other cell suppressed`);
    this.name = 'CannotProtectError';
  }
}

/** Candidates tried for each revealed group before the nearest, smallest one is taken untried. */
const TRIED_CANDIDATES = 10;

/**
 * Primary and secondary suppression of every table of one publication, audited together.
 *
 * Primary: every published count of 1 … threshold−1 is shown "<11". Secondary: while the audit
 * finds a suppressed cell, or any group of 1 … threshold−1 persons (published or not, e.g. the
 * difference of two tables), whose exact value follows from what is published, another published
 * non-zero cell is suppressed — the smallest one on a line through the revealed group (a sibling
 * or the total it adds up to) that removes the disclosure, never a zero.
 */
export function protectPublication(cube: Cube, tables: readonly PublishedTable[], options: SuppressionOptions = {}): ProtectedTable[] {
  const threshold = options.threshold ?? SMALL_CELL_THRESHOLD;
  validate(cube, tables);
  const lattice = new Lattice(
    cube,
    tables.flatMap((t) => t.cells.map((c) => ({ coords: c.coords, zero: c.value === 0 }))),
    options,
  );
  checkSums(lattice, tables);
  const status = new Map<string, CellStatus>();
  for (const t of tables) {
    for (const c of t.cells) status.set(lattice.keyOf(c.coords), c.value > 0 && c.value < threshold ? 'small' : 'published');
  }

  const audit = new Audit(cube, lattice, status, threshold);
  for (;;) {
    const revealed = audit.revealed();
    const first = revealed[0];
    if (!first) break;
    // Subtraction along a line first: it is the usual way in, and closing it often closes the rest.
    if (!revealed.some((k) => audit.coverLines(k))) audit.suppressFor(first);
  }
  return tables.map((t) => ({
    id: t.id,
    dimensions: t.dimensions,
    where: t.where,
    cells: t.cells.map((c) => ({ coords: c.coords, shown: shownAs(status.get(lattice.keyOf(c.coords)) ?? 'published', c.value) })),
  }));
}

/** Per-cell suppression only (each count of 1 … threshold−1 hidden, nothing else): the naive rule. */
export function primarySuppression(tables: readonly PublishedTable[], threshold = SMALL_CELL_THRESHOLD): ProtectedTable[] {
  return tables.map((t) => ({
    ...t,
    cells: t.cells.map((c) => ({ coords: c.coords, shown: shownAs(c.value > 0 && c.value < threshold ? 'small' : 'published', c.value) })),
  }));
}

export interface Disclosure {
  /** The group whose exact count follows from the publication. */
  coords: Record<string, string>;
  value: number;
}

/**
 * The groups whose exact count an attacker can derive from protected tables although they are
 * suppressed or hold 1 … threshold−1 persons (an audit of any publication, e.g. of tables
 * protected one by one).
 */
export function findDisclosures(cube: Cube, shown: readonly ProtectedTable[], options: SuppressionOptions = {}): Disclosure[] {
  const threshold = options.threshold ?? SMALL_CELL_THRESHOLD;
  validate(cube, shown);
  const lattice = new Lattice(
    cube,
    shown.flatMap((t) => t.cells.map((c) => ({ coords: c.coords, zero: 'value' in c.shown && c.shown.value === 0 }))),
    options,
  );
  checkSums(
    lattice,
    shown.map((t) => ({ id: t.id, cells: t.cells.flatMap((c) => ('value' in c.shown ? [{ coords: c.coords, value: c.shown.value }] : [])) })),
  );
  const status = new Map<string, CellStatus>();
  for (const t of shown) {
    for (const c of t.cells) {
      const key = lattice.keyOf(c.coords);
      const s: CellStatus = 'value' in c.shown ? 'published' : c.shown.suppressed;
      // A value shown in any table is known, whatever another table shows for the same group.
      if (status.get(key) !== 'published') status.set(key, s);
    }
  }
  const audit = new Audit(cube, lattice, status, threshold);
  const found: Disclosure[] = [];
  for (;;) {
    const key = audit.firstRevealed();
    if (!key) return found;
    const q = lattice.quantities.get(key);
    if (q) found.push({ coords: q.coords, value: q.truth });
    audit.accept(key);
  }
}

function shownAs(status: CellStatus, value: number): PublishedValue {
  return status === 'published' ? { value } : { suppressed: status };
}

/** Every value shown is the sum of the cube cells it names. */
function checkSums(lattice: Lattice, tables: readonly { id: string; cells: readonly { coords: Readonly<Record<string, string>>; value: number }[] }[]) {
  for (const t of tables) {
    for (const c of t.cells) {
      if (c.value !== lattice.quantities.get(lattice.keyOf(c.coords))?.truth) throw new Error(`Disclosure control: table ${t.id} is not a sum over the cube`);
    }
  }
}

function validate(cube: Cube, tables: readonly { id: string; cells: readonly { coords: Readonly<Record<string, string>> }[] }[]) {
  for (const [d, cats] of Object.entries(cube.categories)) {
    if (cats.includes(TOTAL)) throw new Error(`Disclosure control: "${TOTAL}" is reserved for totals, not a category of ${d}`);
  }
  for (const c of cube.cells) {
    if (!Number.isInteger(c.n) || c.n < 0) throw new Error('Disclosure control: cube cells must hold whole numbers of persons');
  }
  for (const t of tables) {
    for (const c of t.cells) {
      for (const [d, v] of Object.entries(c.coords)) {
        if (v !== TOTAL && !cube.categories[d]?.includes(v)) throw new Error(`Disclosure control: table ${t.id} has ${d} = ${v}, not a category of the cube`);
      }
    }
  }
}

/**
 * The audit, run incrementally. A group proven safe stays safe: suppressing one more cell only
 * widens what the attacker must consider, so the two assignments that proved it (the truth and a
 * witness giving another value) remain consistent.
 */
class Audit {
  private readonly safe = new Set<string>();
  private readonly accepted = new Set<string>();

  constructor(
    private readonly cube: Cube,
    private readonly lattice: Lattice,
    private readonly status: Map<string, CellStatus>,
    private readonly threshold: number,
  ) {}

  /** The groups whose exact value must stay hidden: suppressed cells, and any group of 1 … threshold−1 persons. */
  private sensitive(): string[] {
    const order = (k: string) => ({ small: 0, secondary: 2 })[this.status.get(k) as 'small' | 'secondary'] ?? 1;
    const keys: string[] = [];
    for (const q of this.lattice.quantities.values()) {
      const s = this.status.get(q.key);
      if (s === 'published') continue;
      if (s || (q.truth > 0 && q.truth < this.threshold)) keys.push(q.key);
    }
    return keys.filter((k) => !this.safe.has(k) && !this.accepted.has(k)).sort((a, b) => order(a) - order(b));
  }

  /** The first sensitive group whose value the attacker can derive exactly, or undefined. */
  firstRevealed(): string | undefined {
    for (const key of this.sensitive()) {
      if (this.safe.has(key)) continue;
      if (!this.prove(key, new AttackerView(this.lattice, this.status, this.threshold), true)) return key;
    }
    return undefined;
  }

  /** Every sensitive group whose value the attacker can derive exactly. */
  revealed(): string[] {
    const view = new AttackerView(this.lattice, this.status, this.threshold);
    return this.sensitive().filter((key) => !this.safe.has(key) && !this.prove(key, view, true));
  }

  /** Leave a revealed group as it is (findDisclosures lists it and goes on). */
  accept(key: string) {
    this.accepted.add(key);
  }

  /**
   * Whether the attacker cannot pin `key` down: an integer solution gives it a value other than
   * the truth. With `record`, every other group a witness moves off its truth is proven safe too.
   */
  private prove(key: string, view: AttackerView, record: boolean): boolean {
    const truth = this.lattice.quantities.get(key)?.truth ?? 0;
    for (const direction of ['maximize', 'minimize'] as const) {
      const e = view.extreme(key, direction);
      if (e.kind === 'unbounded') return true;
      if (e.kind !== 'witness') continue;
      if (record) {
        for (const [k, v] of e.values) if (v !== (this.lattice.quantities.get(k)?.truth ?? 0)) this.safe.add(k);
      }
      if ((e.values.get(key) ?? 0) !== truth) return true;
    }
    return false;
  }

  /** The lines through a group along each dimension: the group, its siblings and their total. */
  private linesThrough(q: { coords: Record<string, string> }): string[][] {
    return this.lattice.dimensions.map((d) => {
      const at = (v: string) => this.lattice.keyOf({ ...q.coords, [d]: v });
      return [...(this.cube.categories[d] ?? []).map(at), at(TOTAL)];
    });
  }

  /**
   * A line of a table (a group, its siblings along one dimension, and their total) in which
   * everything but the group is shown gives it away by subtraction: hide the smallest other cell
   * of each such line. Whether anything was hidden.
   */
  coverLines(revealed: string): boolean {
    const target = this.lattice.quantities.get(revealed);
    if (!target) return false;
    let hidden = false;
    for (const line of this.linesThrough(target)) {
      const others = line.filter((k) => k !== revealed);
      if (!others.every((k) => this.status.get(k) === 'published')) continue;
      const pick = others
        .filter((k) => (this.lattice.quantities.get(k)?.truth ?? 0) >= this.threshold)
        .sort((a, b) => (this.lattice.quantities.get(a)?.truth ?? 0) - (this.lattice.quantities.get(b)?.truth ?? 0) || a.localeCompare(b))[0];
      if (pick) {
        this.status.set(pick, 'secondary');
        hidden = true;
      }
    }
    return hidden;
  }

  /** Suppress one more published cell so that the revealed group gets cover. */
  suppressFor(revealed: string) {
    const target = this.lattice.quantities.get(revealed);
    if (!target) throw new Error(`unknown group ${revealed}`);
    // The disclosure runs through several lines or tables: try the nearest, smallest cells.
    const candidates = [...this.status]
      .filter(([k, s]) => s === 'published' && (this.lattice.quantities.get(k)?.truth ?? 0) >= this.threshold)
      .map(([k]) => ({ key: k, distance: distance(this.lattice.dimensions, revealed, k), value: this.lattice.quantities.get(k)?.truth ?? 0 }))
      .sort((a, b) => a.distance - b.distance || a.value - b.value || a.key.localeCompare(b.key));
    const first = candidates[0];
    if (!first) throw new CannotProtectError(target.coords);
    for (const c of candidates.slice(0, TRIED_CANDIDATES)) {
      this.status.set(c.key, 'secondary');
      // Not recorded: a witness found under a trial that is undone proves nothing.
      if (this.prove(revealed, new AttackerView(this.lattice, this.status, this.threshold), false)) return;
      this.status.set(c.key, 'published');
    }
    this.status.set(first.key, 'secondary');
  }
}

/** In how many dimensions two groups differ (1: on one line of a table, e.g. a sibling or its total). */
function distance(dimensions: readonly string[], a: string, b: string): number {
  const x = a.split('\u0000');
  const y = b.split('\u0000');
  return dimensions.reduce((n, _d, i) => n + (x[i] === y[i] ? 0 : 1), 0);
}
