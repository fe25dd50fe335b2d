/**
 * Clusters of records that are one person: union–find over pairs decided 'same', with
 * human 'different' decisions as cannot-link constraints (two clusters are never merged
 * if any record of one was decided different from any record of the other).
 */
import type { PairDecision } from './fellegi-sunter.ts';

/**
 * Groups record ids into clusters. Human 'same' decisions are applied first, then model
 * 'same' decisions by descending score, so when a cannot-link blocks a merge the weaker
 * evidence is the one dropped. Every id in `ids` appears in exactly one cluster; clusters
 * and their members are sorted.
 */
export function clusterRecords(ids: readonly string[], decisions: readonly PairDecision[]): string[][] {
  const index = new Map<string, number>();
  for (const id of ids) if (!index.has(id)) index.set(id, index.size);
  const n = index.size;
  const parent = Array.from({ length: n }, (_, i) => i);
  const members: number[][] = Array.from({ length: n }, (_, i) => [i]);
  const cannot: Set<number>[] = Array.from({ length: n }, () => new Set<number>());

  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] ?? root;
    while (parent[i] !== root) {
      const next = parent[i] ?? root;
      parent[i] = root;
      i = next;
    }
    return root;
  };
  const at = <T>(xs: T[], i: number): T => {
    const x = xs[i];
    if (x === undefined) throw new RangeError(`no element ${i}`);
    return x;
  };

  for (const d of decisions) {
    if (d.decision !== 'different' || d.source !== 'human') continue;
    const a = index.get(d.ids[0]);
    const b = index.get(d.ids[1]);
    if (a === undefined || b === undefined) continue;
    at(cannot, a).add(b);
    at(cannot, b).add(a);
  }

  const merges = decisions
    .filter((d) => d.decision === 'same')
    .sort((p, q) => (p.source === q.source ? q.score - p.score : p.source === 'human' ? -1 : 1));
  for (const d of merges) {
    const a = index.get(d.ids[0]);
    const b = index.get(d.ids[1]);
    if (a === undefined || b === undefined) continue;
    let ra = find(a);
    let rb = find(b);
    if (ra === rb) continue;
    // Cannot-link sets are kept per root: merge only if neither cluster forbids a member of the other.
    const ma = at(members, ra);
    const mb = at(members, rb);
    const ca = at(cannot, ra);
    if (mb.some((x) => ca.has(x))) continue;
    if (ma.length < mb.length) [ra, rb] = [rb, ra];
    parent[rb] = ra;
    at(members, ra).push(...at(members, rb));
    for (const x of at(cannot, rb)) at(cannot, ra).add(x);
    members[rb] = [];
    cannot[rb] = new Set();
  }

  const names = [...index.keys()];
  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    if (find(i) !== i) continue;
    out.push(at(members, i).map((k) => at(names, k)).sort());
  }
  return out.sort((p, q) => ((p[0] ?? '') < (q[0] ?? '') ? -1 : 1));
}
