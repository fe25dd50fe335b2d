/**
 * Figures of a clustering against ground truth for bench/linkage.ts (issue #12): pairwise
 * precision/recall/F1 of clusters, the largest cluster and how many persons it mixes, clusters
 * holding more than one person, clusters holding two conflicting full birth dates, the
 * cluster-size distribution; and the exact-name baseline every set is compared with.
 * Independent of the engine: dates are parsed here, not with the engine's parser.
 */
import { normaliseRecord, type LinkageRecord } from '@qorgau/core';

export interface Prf {
  tp: number;
  fp: number;
  truePairs: number;
  precision: number;
  recall: number;
  f1: number;
}

export const prf = (tp: number, fp: number, truePairs: number): Prf => {
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, truePairs);
  return { tp, fp, truePairs, precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
};

/** Cluster-size buckets, in print order. */
export const SIZE_BUCKETS = ['1', '2', '3', '4', '5–9', '10–19', '20+'] as const;
export type SizeBucket = (typeof SIZE_BUCKETS)[number];

const bucketOf = (n: number): SizeBucket => (n <= 4 ? (String(n) as SizeBucket) : n < 10 ? '5–9' : n < 20 ? '10–19' : '20+');

export interface ClusterFigures extends Prf {
  count: number;
  largest: number;
  /** Different persons (truth entities) among the records of the largest cluster. */
  largestPersons: number;
  /** Clusters whose records belong to more than one person. */
  mixed: number;
  /** Clusters holding two full birth dates that differ beyond one digit or a day/month swap. */
  conflictingBirthDates: number;
  /**
   * Clusters holding two *different persons* whose full birth dates conflict (issue #12's target:
   * none); the rest of `conflictingBirthDates` are one person whose own records disagree.
   */
  conflictingMixed: number;
  sizes: Record<SizeBucket, number>;
}

/**
 * A full birth date as "YYYYMMDD" from YYYY-MM-DD, YYYYMMDD, DD.MM.YYYY or DD/MM/YYYY (also
 * with '-'), or null for anything partial, missing or malformed.
 */
export function fullDate(text: string | null | undefined): string | null {
  const s = (text ?? '').trim().replace(/[T\s].*$/, '');
  let m = /^(\d{4})[-./]?(\d{2})[-./]?(\d{2})$/.exec(s);
  let y: string, mo: string, d: string;
  if (m) [y, mo, d] = [m[1] as string, m[2] as string, m[3] as string];
  else if ((m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(s)))
    [d, mo, y] = [(m[1] as string).padStart(2, '0'), (m[2] as string).padStart(2, '0'), m[3] as string];
  else return null;
  // Either order of day and month may be valid; both parts must be real calendar numbers.
  const [a, b] = [Number(mo), Number(d)];
  if (a < 1 || b < 1 || (a > 12 && b > 12) || a > 31 || b > 31) return null;
  return y + mo + d;
}

/** Whether two full dates ("YYYYMMDD") differ beyond one mistyped digit or a day/month swap. */
export function datesConflict(a: string, b: string): boolean {
  if (a === b) return false;
  let differing = 0;
  for (let k = 0; k < 8; k++) if (a[k] !== b[k]) differing++;
  if (differing <= 1) return false;
  return !(a.slice(0, 4) === b.slice(0, 4) && a.slice(4, 6) === b.slice(6, 8) && a.slice(6, 8) === b.slice(4, 6));
}

/** Whether any two of `dates` (distinct values) conflict; stops at the first conflict. */
function anyConflict(dates: readonly string[]): boolean {
  for (let x = 0; x < dates.length; x++) for (let y = x + 1; y < dates.length; y++) if (datesConflict(dates[x] as string, dates[y] as string)) return true;
  return false;
}

/**
 * Figures of `clusters` (groups of record positions covering every record once) against
 * `entity` (record position → person). Pairs are counted without listing them.
 */
export function clusterFigures(
  clusters: readonly (readonly number[])[],
  entity: Int32Array,
  records: readonly LinkageRecord[],
  truePairs: number,
): ClusterFigures {
  let tp = 0;
  let pairs = 0;
  let largest = 0;
  let largestPersons = 0;
  let mixed = 0;
  let conflictingBirthDates = 0;
  let conflictingMixed = 0;
  const sizes = Object.fromEntries(SIZE_BUCKETS.map((b) => [b, 0])) as Record<SizeBucket, number>;
  for (const c of clusters) {
    sizes[bucketOf(c.length)]++;
    pairs += (c.length * (c.length - 1)) / 2;
    const by = new Map<number, number>();
    for (const k of c) by.set(entity[k] ?? -1, (by.get(entity[k] ?? -1) ?? 0) + 1);
    for (const n of by.values()) tp += (n * (n - 1)) / 2;
    if (by.size > 1) mixed++;
    if (c.length > largest || (c.length === largest && by.size > largestPersons)) [largest, largestPersons] = [c.length, by.size];
    if (c.length > 1) {
      const dated: { person: number; date: string }[] = [];
      for (const k of c) {
        const d = fullDate(records[k]?.birthDate);
        if (d !== null) dated.push({ person: entity[k] ?? -1, date: d });
      }
      const dates = [...new Set(dated.map((x) => x.date))];
      if (dates.length > 1 && anyConflict(dates)) {
        conflictingBirthDates++;
        const acrossPersons = dated.some((x, i) => dated.some((y, j) => j > i && x.person !== y.person && datesConflict(x.date, y.date)));
        if (acrossPersons) conflictingMixed++;
      }
    }
  }
  return { ...prf(tp, pairs - tp, truePairs), count: clusters.length, largest, largestPersons, mixed, conflictingBirthDates, conflictingMixed, sizes };
}

/** Clusters given as lists of record ids, turned into record positions. */
export function clustersByPosition(clusters: readonly (readonly string[])[], records: readonly LinkageRecord[]): number[][] {
  const position = new Map<string, number>();
  records.forEach((r, k) => position.set(r.id, k));
  return clusters.map((c) => c.map((id) => position.get(id) ?? -1));
}

/**
 * The baseline: records whose normalised given and family skeletons (`normaliseRecord`, so
 * across scripts) are both present and equal form one cluster; every other record is alone.
 * What a register's "same name" search gives: the engine has to beat it to be worth running.
 */
export function exactNameClusters(records: readonly LinkageRecord[]): number[][] {
  const groups = new Map<string, number[]>();
  const out: number[][] = [];
  records.forEach((r, k) => {
    const n = normaliseRecord(r);
    if (n.given === null || n.family === null) {
      out.push([k]);
      return;
    }
    const key = `${n.given.skeleton}|${n.family.skeleton}`;
    const g = groups.get(key);
    if (g === undefined) groups.set(key, [k]);
    else g.push(k);
  });
  return [...out, ...groups.values()];
}

/** Number of record pairs of the same entity. */
export function countTruePairs(entity: Int32Array): number {
  const sizes = new Map<number, number>();
  for (const e of entity) sizes.set(e, (sizes.get(e) ?? 0) + 1);
  let pairs = 0;
  for (const c of sizes.values()) pairs += (c * (c - 1)) / 2;
  return pairs;
}
