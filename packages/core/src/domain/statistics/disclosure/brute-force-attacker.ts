import { type Cube, TOTAL } from './publication.ts';
import type { ProtectedTable } from './suppression.ts';

/**
 * A test oracle independent of the suppression's linear programming: for a tiny cube it searches
 * whole-number assignments of every cube cell (0 … the largest cell + 2 × threshold) by backtracking, keeping only those
 * consistent with everything a publication shows, and asks of each sensitive group (suppressed,
 * or holding 1 … threshold−1 persons) whether some consistent assignment gives it a value other
 * than the truth. A group for which none does is revealed. The box only shrinks what the attacker
 * may consider, so a group found unrevealed is truly unrevealed. Used by the property tests only.
 */
export function bruteForceRevealed(cube: Cube, shown: readonly ProtectedTable[], threshold: number): { coords: Record<string, string>; value: number }[] {
  const dims = Object.keys(cube.categories);
  const cells = product(dims, (d) => cube.categories[d] ?? []);
  const truthOfCell = cells.map((coords) => cube.cells.filter((c) => dims.every((d) => c.coords[d] === coords[d])).reduce((s, c) => s + c.n, 0));
  if (cells.length > 10) throw new Error('the brute-force attacker is for tiny cubes only');
  // Room for every cell to move well past its truth and past the threshold.
  const box = Math.max(0, ...truthOfCell) + 2 * threshold;
  const members = (coords: Readonly<Record<string, string>>) =>
    cells.flatMap((c, i) => (Object.entries(coords).every(([d, v]) => v === TOTAL || c[d] === v) ? [i] : []));
  const truthOf = (idx: number[]) => idx.reduce((s, i) => s + (truthOfCell[i] ?? 0), 0);

  // What is shown, per group (a value shown anywhere is known).
  const known = new Map<string, { idx: number[]; min: number; max: number; published: boolean }>();
  for (const t of shown) {
    for (const c of t.cells) {
      const idx = members(c.coords);
      const key = idx.join(',');
      const b =
        'value' in c.shown
          ? { min: c.shown.value, max: c.shown.value, published: true }
          : c.shown.suppressed === 'small'
            ? { min: 1, max: threshold - 1, published: false }
            : { min: threshold, max: Number.POSITIVE_INFINITY, published: false };
      const prev = known.get(key);
      if (!prev || (b.published && !prev.published)) known.set(key, { idx, ...b });
    }
  }
  const constraints = [...known.values()];

  const groups = product(dims, (d) => [...(cube.categories[d] ?? []), TOTAL]);
  const revealed: { coords: Record<string, string>; value: number }[] = [];
  for (const g of groups) {
    const idx = members(g);
    const k = known.get(idx.join(','));
    const truth = truthOf(idx);
    const sensitive = k ? !k.published : truth > 0 && truth < threshold;
    if (!sensitive) continue;
    if (!existsOther(cells.length, constraints, idx, truth, box)) {
      revealed.push({ coords: Object.fromEntries(Object.entries(g).filter(([, v]) => v !== TOTAL)), value: truth });
    }
  }
  return revealed;
}

function product(dims: readonly string[], values: (d: string) => readonly string[]): Record<string, string>[] {
  let out: Record<string, string>[] = [{}];
  for (const d of dims) out = out.flatMap((c) => values(d).map((v) => ({ ...c, [d]: v })));
  return out;
}

/** Is there an assignment in the box meeting every constraint with sum over `group` ≠ truth? */
function existsOther(n: number, constraints: { idx: number[]; min: number; max: number }[], group: number[], truth: number, box: number): boolean {
  const order = [...group, ...Array.from({ length: n }, (_, i) => i).filter((i) => !group.includes(i))];
  const x = new Array<number>(n).fill(0);
  const assigned = new Array<boolean>(n).fill(false);
  const of = Array.from({ length: n }, (_, i) => constraints.filter((c) => c.idx.includes(i)));

  const partial = (c: { idx: number[] }) => c.idx.reduce((s, i) => s + (assigned[i] ? (x[i] ?? 0) : 0), 0);
  const open = (c: { idx: number[] }) => c.idx.filter((i) => !assigned[i]).length;

  const search = (pos: number): boolean => {
    if (pos === group.length && group.reduce((s, i) => s + (x[i] ?? 0), 0) === truth) return false;
    if (pos === n) return true;
    const v = order[pos] as number;
    let lo = 0;
    let hi = box;
    for (const c of of[v] ?? []) {
      const p = partial(c);
      const rest = open(c) - 1; // the others still open besides v
      hi = Math.min(hi, c.max - p);
      lo = Math.max(lo, c.min - p - rest * box);
    }
    for (let value = lo; value <= hi; value++) {
      x[v] = value;
      assigned[v] = true;
      if (search(pos + 1)) return true;
      assigned[v] = false;
    }
    x[v] = 0;
    return false;
  };
  return search(0);
}
