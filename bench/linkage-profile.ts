/**
 * Rough stage timings of the linkage pipeline on a synthetic set (development aid): generate,
 * normalise, blocking alone, blocking with comparison, then the whole `linkRecords` call.
 *   BENCH_LINKAGE_SIZE=100000 npx tsx bench/linkage-profile.ts
 */
import { comparePattern, forEachRecordPair, generatePersons, linkRecords, normaliseRecord, toLinkageRecord, type LinkageRecord } from '@qorgau/core';

const size = Number(process.env.BENCH_LINKAGE_SIZE ?? 100000);
const mark = (label: string, t0: number, note = ''): void =>
  console.log(`${label.padEnd(18)} ${((performance.now() - t0) / 1000).toFixed(2)} s  rss ${Math.round(process.memoryUsage().rss / 1e6)} MB ${note}`);
let t = performance.now();
const records: LinkageRecord[] = [];
for (const p of generatePersons({ seed: 2026, count: size, duplicateRate: 0.3 })) records.push(toLinkageRecord(p));
mark('generate', t);
t = performance.now();
const norm = records.map(normaliseRecord);
mark('normalise', t);
t = performance.now();
let pairs = 0;
forEachRecordPair(norm, {}, () => pairs++);
mark('block', t, `${pairs} pairs`);
t = performance.now();
let sum = 0;
forEachRecordPair(norm, {}, (i, j) => (sum += comparePattern(norm[i]!, norm[j]!)));
mark('block + compare', t);
t = performance.now();
const result = linkRecords(records, { decisions: 'linked' });
mark('linkRecords', t, `${result.candidatePairs} pairs, ${result.decisions.length} decisions kept, ${result.clusters.length} clusters`);
