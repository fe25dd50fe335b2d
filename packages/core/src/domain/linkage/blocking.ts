/**
 * Blocking: which pairs of records are worth comparing. Several keys are used and a pair is
 * a candidate if it shares any one of them, so a typo in one field, a missing document or a
 * swapped name order does not lose the pair (recall is what blocking must keep).
 *
 * Blocks grow with the input (name pools are finite), so a key may carry a refinement: when
 * its block has more than `refineAbove` records, it is split by the refinement (for the
 * name keys: month and day of birth) instead of being compared all against all. Small inputs
 * are blocked exactly as by the coarse keys; large ones stay near-linear in pairs.
 */
import type { NormalisedRecord } from './linkage-record.ts';

/** Options for blocking (`candidatePairs`, `pairsSharingKeys`, `forEachCandidatePair`). */
export interface BlockingOptions {
  /**
   * Blocks (after refinement) larger than this are skipped (default 500): a key shared by that
   * many records (a very common name with no birth date) carries no information and would be quadratic.
   */
  maxBlockSize?: number;
  /**
   * A key whose block has more than this many records is split by its refinement (default
   * 10); see `refinableBlockingKeys` for the refinements of the plain keys. `Infinity`: never split.
   */
  refineAbove?: number;
}

/** A blocking key and, optionally, the finer key that splits its block when it is large. */
export interface RefinableKey {
  key: string;
  /**
   * Null: the refinement is unknown, so when the block is split this record still meets every
   * record of the block (or, above `maxBlockSize`, the other records without one).
   */
  refine: string | null;
}

/** A blocking key: a plain string (never refined) or a refinable key. */
export type BlockingKey = string | RefinableKey;

export const DEFAULT_MAX_BLOCK_SIZE = 500;
export const DEFAULT_REFINE_ABOVE = 10;

/** Month and day in either order (a swapped date still meets) as a number ≥ 2, or 0 if either is unknown. */
function monthDayCode(r: NormalisedRecord): number {
  const b = r.birth;
  if (b === null || b.month === undefined || b.day === undefined) return 0;
  return b.month <= b.day ? 2 + b.month * 32 + b.day : 2 + b.day * 32 + b.month;
}

/** Receives one blocking key and its refinement (0: none; refinements are small positive integers). */
type KeySink = (key: string, refine: number) => void;

/** Refinement of the name-token keys for records whose month and day are unknown: they form a group of their own. */
const UNKNOWN_MONTH_DAY = 1;

/** The plain blocking keys of a record, without allocating key objects (see `refinableBlockingKeys`). */
function emitBlockingKeys(r: NormalisedRecord, emit: KeySink): void {
  const year = r.birth === null ? '' : String(r.birth.year);
  const md = monthDayCode(r);
  const own = md === 0 ? UNKNOWN_MONTH_DAY : md;
  for (const token of r.nameTokens) if (token.length >= 2) emit(`n:${token}:${year}`, own);
  if (r.document !== null && r.document.length >= 5) emit(`d:${r.document}`, 0);
  // Each part's stem prefix, so swapped order still meets; skeletons' prefixes catch a typo late in the name.
  for (const part of [r.family, r.given]) {
    if (part === null) continue;
    if (part.stem.length >= 3) emit(`f:${part.stem.slice(0, 3)}:${year}`, own);
    if (part.skeleton.length >= 3) emit(`f:${part.skeleton.slice(0, 3)}:${year}`, own);
  }
  // Given and family stems together (either order) with the year: a year-only record meets
  // every record of this much smaller block, whatever its month and day.
  if (r.given !== null && r.family !== null) {
    const [a, b] = r.given.stem <= r.family.stem ? [r.given.stem, r.family.stem] : [r.family.stem, r.given.stem];
    if (year !== '') emit(`p:${a}|${b}:${year}`, md);
    // The same names whatever the year: a mistyped or misremembered year still meets (refined by
    // month and day when the names are common).
    emit(`q:${a}|${b}`, own);
  }
  // The same e-mail or telephone: a person's own contact identifies across name and date errors.
  if (r.contact !== null) {
    emit(`c:${r.contact}`, 0);
    // An e-mail's mailbox and its domain apart: a typo on one side of the @ still meets (a shared
    // domain is common, so it is refined by month and day of birth like a name).
    const at = r.contact.indexOf('@');
    if (at > 0) {
      emit(`cl:${r.contact.slice(0, at)}`, own);
      emit(`cd:${r.contact.slice(at + 1)}`, own);
    }
  }
}

/**
 * The blocking keys of a record with their refinements, each key once: each name token
 * skeleton with the birth year (`n:`); the document digits (`d:`); the first three letters of
 * each name part's stem and skeleton with the birth year (`f:`); and the given and family
 * stems together with the year (`p:`). Name keys are refined by month and day of birth (in
 * either order). Records without month and day form their own group of an `n:` or `f:` block,
 * but have no refinement on `p:`, so they meet every record with the same names and year.
 * Records without a birth year are blocked on name tokens alone.
 */
export function refinableBlockingKeys(r: NormalisedRecord): RefinableKey[] {
  const out = new Map<string, RefinableKey>();
  emitBlockingKeys(r, (key, refine) => {
    if (!out.has(key)) out.set(key, { key, refine: refine === 0 ? null : refine === UNKNOWN_MONTH_DAY ? 'md?' : `md${refine}` });
  });
  return [...out.values()];
}

/** The (coarse) blocking keys of a record; see `refinableBlockingKeys`. */
export function blockingKeys(r: NormalisedRecord): string[] {
  return refinableBlockingKeys(r).map((k) => k.key);
}

function grow(a: Int32Array<ArrayBuffer>, need: number, fill = 0): Int32Array<ArrayBuffer> {
  if (need <= a.length) return a;
  const b = new Int32Array(Math.max(need, a.length * 2));
  b.set(a);
  if (fill !== 0) b.fill(fill, a.length);
  return b;
}

/** First position in sorted `xs[from, to)` holding a value > v. */
function firstAbove(xs: Int32Array, from: number, to: number, v: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((xs[mid] ?? 0) <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A uniform sample of the unrefined pairs (see `forEachRecordPair`). */
export interface CoarseSample {
  /** Number of draws; if there are no more pairs than that (counted once per shared block), all of them are visited instead. */
  size: number;
  /** Seed of the (deterministic) draws. */
  seed: number;
  /** One draw: a pair i < j and its weight (draws of a pair sharing s keys weigh 1/s, so pairs count once). */
  visit: (i: number, j: number, weight: number) => void;
}

/** mulberry32: a small deterministic PRNG, uniform in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Draws pairs uniformly from the pairs that the coarse keys alone would propose (every block of
 * 2..maxBlockSize records, all against all, no refinement): a block is drawn by its number of
 * pairs, then two of its records; a pair sharing s such blocks is drawn s times as often, so it weighs 1/s.
 */
function sampleCoarsePairs(
  count: number,
  recStart: Int32Array,
  memKey: Int32Array,
  keyCount: Int32Array,
  keys: number,
  maxBlockSize: number,
  sample: CoarseSample,
): void {
  const usable = (id: number): boolean => (keyCount[id] ?? 0) >= 2 && (keyCount[id] ?? 0) <= maxBlockSize;
  const keyStart = new Int32Array(keys + 1);
  for (let id = 0; id < keys; id++) keyStart[id + 1] = (keyStart[id] ?? 0) + (usable(id) ? (keyCount[id] ?? 0) : 0);
  const members = new Int32Array(keyStart[keys] ?? 0);
  const fill = keyStart.slice(0, keys);
  for (let i = 0; i < count; i++) {
    for (let x = recStart[i] ?? 0, end = recStart[i + 1] ?? 0; x < end; x++) {
      const id = memKey[x] ?? 0;
      if (!usable(id)) continue;
      const p = fill[id] ?? 0;
      fill[id] = p + 1;
      members[p] = i;
    }
  }
  const cumulative = new Float64Array(keys + 1);
  for (let id = 0; id < keys; id++) {
    const c = usable(id) ? (keyCount[id] ?? 0) : 0;
    cumulative[id + 1] = (cumulative[id] ?? 0) + (c * (c - 1)) / 2;
  }
  const total = cumulative[keys] ?? 0;
  if (total === 0) return;
  const shared = (a: number, b: number): number => {
    let n = 0;
    for (let p = recStart[a] ?? 0, pe = recStart[a + 1] ?? 0; p < pe; p++) {
      const id = memKey[p] ?? 0;
      if (!usable(id)) continue;
      for (let q = recStart[b] ?? 0, qe = recStart[b + 1] ?? 0; q < qe; q++) {
        if (memKey[q] === id) {
          n++;
          break;
        }
      }
    }
    return Math.max(1, n);
  };
  if (total <= sample.size) {
    // Few enough: every pair of every block, each pair weighing 1 in all.
    for (let id = 0; id < keys; id++) {
      for (let x = keyStart[id] ?? 0, end = keyStart[id + 1] ?? 0; x < end; x++) {
        for (let y = x + 1; y < end; y++) {
          const a = members[x] ?? 0;
          const b = members[y] ?? 0;
          sample.visit(a, b, 1 / shared(a, b));
        }
      }
    }
    return;
  }
  const random = prng(sample.seed);
  for (let d = 0; d < sample.size; d++) {
    // The block: first id whose cumulative count exceeds a uniform draw.
    const u = random() * total;
    let lo = 0;
    let hi = keys - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid + 1] ?? 0) <= u) lo = mid + 1;
      else hi = mid;
    }
    const start = keyStart[lo] ?? 0;
    const c = (keyStart[lo + 1] ?? 0) - start;
    const x = Math.floor(random() * c);
    let y = Math.floor(random() * (c - 1));
    if (y >= x) y++;
    const a = members[start + Math.min(x, y)] ?? 0;
    const b = members[start + Math.max(x, y)] ?? 0;
    sample.visit(a, b, 1 / shared(a, b));
  }
}

/**
 * The pair enumeration behind every blocking entry point; `keysInto(i, emit)` emits record
 * i's keys. Pairs are visited once each, ordered by i then j.
 *
 * A key of c ≥ 2 records forms a block. If c ≤ refineAbove the block is used whole; otherwise
 * records with a refinement meet those with the same refinement, and records without one
 * meet every record of the block (the refinement is unknown, so nothing rules them out).
 * Any group of records meeting all against all is skipped above maxBlockSize records (a
 * record without refinement in a block above maxBlockSize meets only the others without one).
 */
function enumeratePairs(
  count: number,
  keysInto: (index: number, emit: KeySink) => void,
  options: BlockingOptions,
  visit: (i: number, j: number) => void,
  sample?: CoarseSample,
): boolean {
  const maxBlockSize = options.maxBlockSize ?? DEFAULT_MAX_BLOCK_SIZE;
  const refineAbove = options.refineAbove ?? DEFAULT_REFINE_ABOVE;
  // 1. Memberships (record, key, refinement), in record order; one per key and record.
  const keyIds = new Map<string, number>();
  let memKey = new Int32Array(1 << 16);
  let memFine = new Int32Array(1 << 16);
  const recStart = new Int32Array(count + 1);
  let keyCount = new Int32Array(1 << 12);
  let keyWild = new Int32Array(1 << 12);
  let keyLast = new Int32Array(1 << 12).fill(-1);
  let maxFine = 0;
  let m = 0;
  let current = 0;
  const emit: KeySink = (key, refine) => {
    let id = keyIds.get(key);
    if (id === undefined) {
      id = keyIds.size;
      keyIds.set(key, id);
      if (id >= keyCount.length) {
        keyCount = grow(keyCount, id + 1);
        keyWild = grow(keyWild, id + 1);
        keyLast = grow(keyLast, id + 1, -1);
      }
    }
    if (keyLast[id] === current) return;
    keyLast[id] = current;
    if (m >= memKey.length) {
      memKey = grow(memKey, m + 1);
      memFine = grow(memFine, m + 1);
    }
    memKey[m] = id;
    memFine[m] = refine;
    if (refine > maxFine) maxFine = refine;
    keyCount[id] = (keyCount[id] ?? 0) + 1;
    if (refine === 0) keyWild[id] = (keyWild[id] ?? 0) + 1;
    m++;
  };
  for (let i = 0; i < count; i++) {
    recStart[i] = m;
    current = i;
    keysInto(i, emit);
  }
  recStart[count] = m;
  const keys = keyIds.size;
  keyIds.clear();
  keyLast = new Int32Array(0);
  let refinedAny = false;
  for (let id = 0; id < keys && !refinedAny; id++) refinedAny = (keyCount[id] ?? 0) > refineAbove;
  if (refinedAny && sample !== undefined) sampleCoarsePairs(count, recStart, memKey, keyCount, keys, maxBlockSize, sample);
  // 2. Groups. Every membership joins its primary group: the whole key (small block), its
  // refinement group, or the key's unrefined group; in a refined block with unrefined
  // records, every membership also joins the whole-key group (secondary).
  const fineBase = maxFine + 1;
  const refined = new Map<number, number>();
  const whole = new Int32Array(keys).fill(-1);
  const wild = new Int32Array(keys).fill(-1);
  let groupSize = new Int32Array(1 << 12);
  let groups = 0;
  const newGroup = (): number => {
    if (groups >= groupSize.length) groupSize = grow(groupSize, groups + 1);
    return groups++;
  };
  const primary = new Int32Array(m);
  const secondary = new Int32Array(m);
  for (let x = 0; x < m; x++) {
    const id = memKey[x] ?? 0;
    const c = keyCount[id] ?? 0;
    let g = -1;
    let h = -1;
    if (c >= 2) {
      const fine = c > refineAbove ? (memFine[x] ?? 0) : 0;
      if (c <= refineAbove || (keyWild[id] ?? 0) > 0) {
        h = whole[id] ?? -1;
        if (h < 0) whole[id] = h = newGroup();
      }
      if (c <= refineAbove) [g, h] = [h, -1];
      else if (fine === 0) {
        g = wild[id] ?? -1;
        if (g < 0) wild[id] = g = newGroup();
      } else {
        const code = id * fineBase + fine;
        g = refined.get(code) ?? -1;
        if (g < 0) refined.set(code, (g = newGroup()));
      }
    }
    primary[x] = g;
    secondary[x] = h;
    if (g >= 0) groupSize[g] = (groupSize[g] ?? 0) + 1;
    if (h >= 0) groupSize[h] = (groupSize[h] ?? 0) + 1;
  }
  refined.clear();
  memKey = new Int32Array(0);
  memFine = new Int32Array(0);
  // 3. Members of each group, ascending (memberships are in record order), and each membership's positions.
  const groupStart = new Int32Array(groups + 1);
  for (let g = 0; g < groups; g++) groupStart[g + 1] = (groupStart[g] ?? 0) + (groupSize[g] ?? 0);
  const members = new Int32Array(groupStart[groups] ?? 0);
  const fill = groupStart.slice(0, groups);
  const primaryPos = new Int32Array(m);
  const secondaryPos = new Int32Array(m);
  for (let i = 0; i < count; i++) {
    for (let x = recStart[i] ?? 0, end = recStart[i + 1] ?? 0; x < end; x++) {
      const g = primary[x] ?? -1;
      if (g >= 0) {
        const p = fill[g] ?? 0;
        fill[g] = p + 1;
        members[p] = i;
        primaryPos[x] = p;
      }
      const h = secondary[x] ?? -1;
      if (h >= 0) {
        const p = fill[h] ?? 0;
        fill[h] = p + 1;
        members[p] = i;
        secondaryPos[x] = p;
      }
    }
  }
  const groupIsWild = new Uint8Array(groups);
  const wildOfWhole = new Int32Array(groups).fill(-1);
  for (let id = 0; id < keys; id++) {
    const w = wild[id] ?? -1;
    if (w < 0) continue;
    groupIsWild[w] = 1;
    const h = whole[id] ?? -1;
    if (h >= 0) wildOfWhole[h] = w;
  }
  const usable = (g: number): boolean => g >= 0 && (groupSize[g] ?? 0) >= 2 && (groupSize[g] ?? 0) <= maxBlockSize;
  // 4. For each record, its later block-mates, each once, ascending.
  const stamp = new Int32Array(count).fill(-1);
  let buf = new Int32Array(256);
  let n = 0;
  const scan = (i: number, from: number, to: number): void => {
    for (let q = from; q < to; q++) {
      const j = members[q] ?? 0;
      if (stamp[j] === i) continue;
      stamp[j] = i;
      if (n >= buf.length) buf = grow(buf, n + 1);
      buf[n++] = j;
    }
  };
  for (let i = 0; i < count; i++) {
    n = 0;
    for (let x = recStart[i] ?? 0, end = recStart[i + 1] ?? 0; x < end; x++) {
      const g = primary[x] ?? -1;
      if (g < 0) continue;
      const h = secondary[x] ?? -1;
      const unrefined = (groupIsWild[g] ?? 0) === 1;
      if (unrefined) {
        // No refinement: every later record of the block, or (block too large) the later unrefined ones.
        if (usable(h)) scan(i, (secondaryPos[x] ?? 0) + 1, (groupStart[h] ?? 0) + (groupSize[h] ?? 0));
        else if (usable(g)) scan(i, (primaryPos[x] ?? 0) + 1, (groupStart[g] ?? 0) + (groupSize[g] ?? 0));
      } else {
        if (usable(g)) scan(i, (primaryPos[x] ?? 0) + 1, (groupStart[g] ?? 0) + (groupSize[g] ?? 0));
        if (usable(h)) {
          const w = wildOfWhole[h] ?? -1;
          if (w < 0) continue;
          const ws = groupStart[w] ?? 0;
          const we = ws + (groupSize[w] ?? 0);
          scan(i, firstAbove(members, ws, we, i), we);
        }
      }
    }
    if (n === 0) continue;
    const list = buf.subarray(0, n);
    list.sort();
    for (let y = 0; y < n; y++) visit(i, list[y] ?? 0);
  }
  return refinedAny;
}

/**
 * Calls `visit(i, j)` once for every pair i < j of the `count` records that share a block,
 * in order of i then j, without holding the pairs: memory is linear in the number of
 * (record, key) memberships. See `BlockingOptions` for how large blocks are refined and skipped.
 */
export function forEachCandidatePair(
  count: number,
  keysOf: (index: number) => Iterable<BlockingKey>,
  options: BlockingOptions,
  visit: (i: number, j: number) => void,
): void {
  const fineIds = new Map<string, number>();
  enumeratePairs(
    count,
    (i, emit) => {
      for (const k of keysOf(i)) {
        if (typeof k === 'string' || k.refine === null) {
          emit(typeof k === 'string' ? k : k.key, 0);
          continue;
        }
        let fine = fineIds.get(k.refine);
        if (fine === undefined) fineIds.set(k.refine, (fine = fineIds.size + 1));
        emit(k.key, fine);
      }
    },
    options,
    visit,
  );
}

/**
 * `forEachCandidatePair` over normalised records' own keys (`refinableBlockingKeys`), without
 * building key objects. If any block was refined and `sample` is given, first draws a sample
 * of the pairs the unrefined keys would have proposed (see `CoarseSample`); returns whether it did.
 */
export function forEachRecordPair(
  records: readonly NormalisedRecord[],
  options: BlockingOptions,
  visit: (i: number, j: number) => void,
  sample?: CoarseSample,
): boolean {
  return enumeratePairs(records.length, (i, emit) => emitBlockingKeys(records[i] as NormalisedRecord, emit), options, visit, sample);
}

/**
 * Pairs [i, j], i < j, of the `count` records that share at least one key, each once, sorted
 * by i then j. Keys shared by more than `maxBlockSize` records are skipped (too common to
 * tell anyone apart). Used for plain and for keyed (encoded) blocking keys alike.
 */
export function pairsSharingKeys(
  count: number,
  keysOf: (index: number) => Iterable<BlockingKey>,
  maxBlockSize = DEFAULT_MAX_BLOCK_SIZE,
  refineAbove?: number,
): [number, number][] {
  const pairs: [number, number][] = [];
  forEachCandidatePair(count, keysOf, { maxBlockSize, refineAbove }, (i, j) => pairs.push([i, j]));
  return pairs;
}

/** Candidate pairs of normalised records (see `refinableBlockingKeys`). */
export function candidatePairs(records: readonly NormalisedRecord[], options: BlockingOptions = {}): [number, number][] {
  const pairs: [number, number][] = [];
  forEachRecordPair(records, options, (i, j) => pairs.push([i, j]));
  return pairs;
}
