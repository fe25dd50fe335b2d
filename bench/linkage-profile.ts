/**
 * Stage timings of the linkage pipeline on a synthetic set (development aid):
 *   BENCH_LINKAGE_SIZE=100000 npx tsx bench/linkage-profile.ts
 */
import { blockingKeys, candidatePairs, compareRecords, estimateParameters, generatePersons, normaliseRecord, toLinkageRecord, type LinkageRecord } from '@qorgau/core';

const size = Number(process.env.BENCH_LINKAGE_SIZE ?? 100000);
const mark = (label: string, t0: number) => console.log(`${label.padEnd(12)} ${((performance.now() - t0) / 1000).toFixed(2)} s  rss ${Math.round(process.memoryUsage().rss / 1e6)} MB`);
let t = performance.now();
const records: LinkageRecord[] = [];
for (const p of generatePersons({ seed: 2026, count: size, duplicateRate: 0.3 })) records.push(toLinkageRecord(p));
mark('generate', t);
t = performance.now();
const norm = records.map(normaliseRecord);
mark('normalise', t);
t = performance.now();
const keyCounts = new Map<string, number>();
for (const r of norm) for (const k of blockingKeys(r)) keyCounts.set(k, (keyCounts.get(k) ?? 0) + 1);
mark('keys', t);
const byPrefix = new Map<string, { keys: number; pairs: number; max: number }>();
for (const [k, c] of keyCounts) {
  const p = k.slice(0, 2);
  const e = byPrefix.get(p) ?? { keys: 0, pairs: 0, max: 0 };
  e.keys++;
  e.pairs += (c * (c - 1)) / 2;
  e.max = Math.max(e.max, c);
  byPrefix.set(p, e);
}
console.log(byPrefix);
t = performance.now();
const pairs = candidatePairs(norm);
mark('block', t);
console.log('pairs', pairs.length);
t = performance.now();
const vectors = pairs.map(([i, j]) => compareRecords(norm[i]!, norm[j]!));
mark('compare', t);
t = performance.now();
const params = estimateParameters(vectors);
mark('em', t);
console.log(params.iterations);
