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
  // Union–find with, per root, its members as a linked list (head = root) and its cannot-link set.
  const parent = new Int32Array(n);
  const next = new Int32Array(n).fill(-1);
  const tail = new Int32Array(n);
  const size = new Int32Array(n).fill(1);
  for (let i = 0; i < n; i++) {
    parent[i] = i;
    tail[i] = i;
  }
  const cannot = new Map<number, Set<number>>();

  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] ?? root;
    while (parent[i] !== root) {
      const up = parent[i] ?? root;
      parent[i] = root;
      i = up;
    }
    return root;
  };
  const forbid = (a: number, b: number): void => {
    const set = cannot.get(a);
    if (set === undefined) cannot.set(a, new Set([b]));
    else set.add(b);
  };

  for (const d of decisions) {
    if (d.decision !== 'different' || d.source !== 'human') continue;
    const a = index.get(d.ids[0]);
    const b = index.get(d.ids[1]);
    if (a === undefined || b === undefined) continue;
    forbid(a, b);
    forbid(b, a);
  }

  const merges = decisions.filter((d) => d.decision === 'same').sort((p, q) => (p.source === q.source ? q.score - p.score : p.source === 'human' ? -1 : 1));
  for (const d of merges) {
    const a = index.get(d.ids[0]);
    const b = index.get(d.ids[1]);
    if (a === undefined || b === undefined) continue;
    let ra = find(a);
    let rb = find(b);
    if (ra === rb) continue;
    // Cannot-link sets are kept per root: merge only if neither cluster forbids a member of the other.
    const ca = cannot.get(ra);
    if (ca !== undefined) {
      let clash = false;
      for (let x = rb; x >= 0 && !clash; x = next[x] ?? -1) clash = ca.has(x);
      if (clash) continue;
    }
    if ((size[ra] ?? 0) < (size[rb] ?? 0)) [ra, rb] = [rb, ra];
    parent[rb] = ra;
    next[tail[ra] ?? ra] = rb;
    tail[ra] = tail[rb] ?? rb;
    size[ra] = (size[ra] ?? 0) + (size[rb] ?? 0);
    const cb = cannot.get(rb);
    if (cb !== undefined) {
      const into = cannot.get(ra);
      if (into === undefined) cannot.set(ra, cb);
      else for (const x of cb) into.add(x);
      cannot.delete(rb);
    }
  }

  const names = [...index.keys()];
  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    if (parent[i] !== i) continue;
    const cluster: string[] = [];
    for (let x = i; x >= 0; x = next[x] ?? -1) cluster.push(names[x] as string);
    out.push(cluster.sort());
  }
  return out.sort((p, q) => ((p[0] ?? '') < (q[0] ?? '') ? -1 : 1));
}
