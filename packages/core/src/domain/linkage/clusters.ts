/**
 * Clusters of records that are one person: union–find over pairs decided 'same', with
 * cannot-link constraints (two clusters are never merged if any record of one cannot be the
 * same person as any record of the other).
 *
 * Connected components let one weak link join two crowds (issue #12: 1,434 records of 548
 * people, chained through records with only a common given name). So merges are applied
 * strongest first and a model merge is refused when it would put two incompatible records in
 * one cluster (a human 'different', or a conflict such as two full birth dates beyond a typo:
 * see `coherence.ts`) or grow a cluster beyond `maxSize`: the cluster splits at its weakest
 * links, and the refused pairs go to a person for review instead of being counted as one.
 */
import type { PairDecision } from './fellegi-sunter.ts';

/**
 * Above this many records a model-built cluster stops growing: one person recorded by twenty
 * separate intakes is beyond what the referral system produces, while a chain through common
 * values grows without bound. A person (human 'same') may still join more.
 */
export const DEFAULT_MAX_CLUSTER_SIZE = 20;

/** Options for `clusterCoherently`. */
export interface ClusterOptions {
  /**
   * Whether the records at these positions of `ids` cannot be one person (a conflict the model
   * must not overrule). Checked between every member of two clusters before a model merge.
   */
  conflict?: (i: number, j: number) => boolean;
  /** Largest cluster model merges may form (default `DEFAULT_MAX_CLUSTER_SIZE`). */
  maxSize?: number;
}

/** Clusters and the model 'same' pairs that clustering refused (to be reviewed by a person). */
export interface CoherentClusters {
  clusters: string[][];
  refused: PairDecision[];
}

/** Groups record ids into clusters; see `clusterCoherently`. */
export function clusterRecords(ids: readonly string[], decisions: readonly PairDecision[], options: ClusterOptions = {}): string[][] {
  return clusterCoherently(ids, decisions, options).clusters;
}

/**
 * Groups record ids into clusters. Human 'same' decisions are applied first, then model
 * 'same' decisions by descending score, so when a cannot-link blocks a merge the weaker
 * evidence is the one dropped. Every id in `ids` appears in exactly one cluster; clusters
 * and their members are sorted.
 */
export function clusterCoherently(ids: readonly string[], decisions: readonly PairDecision[], options: ClusterOptions = {}): CoherentClusters {
  const maxSize = options.maxSize ?? DEFAULT_MAX_CLUSTER_SIZE;
  const { conflict } = options;
  const refused: PairDecision[] = [];
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

  /** Whether some member of cluster `ra` conflicts with some member of cluster `rb`. */
  const conflicting = (ra: number, rb: number): boolean => {
    if (conflict === undefined) return false;
    for (let x = ra; x >= 0; x = next[x] ?? -1) for (let y = rb; y >= 0; y = next[y] ?? -1) if (conflict(x, y)) return true;
    return false;
  };

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
      if (clash) {
        if (d.source === 'model') refused.push(d);
        continue;
      }
    }
    if (d.source === 'model' && ((size[ra] ?? 0) + (size[rb] ?? 0) > maxSize || conflicting(ra, rb))) {
      refused.push(d);
      continue;
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
  return { clusters: out.sort((p, q) => ((p[0] ?? '') < (q[0] ?? '') ? -1 : 1)), refused };
}
