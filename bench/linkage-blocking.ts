/**
 * Blocking diagnostics (development aid): candidate pairs and blocking recall (true pairs
 * proposed / true pairs) of `refinableBlockingKeys` for several `refineAbove` values.
 * BENCH_PERTURB=1: synthetic records with swapped/partial dates and names (`perturbedLinkageRecord`).
 *   BENCH_LINKAGE_SIZES=100000 BENCH_REFINE=50,100,Infinity npx tsx bench/linkage-blocking.ts
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  forEachRecordPair,
  generatePersons,
  normaliseRecord,
  perturbedLinkageRecord,
  toLinkageRecord,
  type LinkageRecord,
  type NormalisedRecord,
} from '@qorgau/core';
import { REPO_ROOT } from './lib/process.ts';

const sizes = (process.env.BENCH_LINKAGE_SIZES ?? '100000').split(',').map(Number);
const refines = (process.env.BENCH_REFINE ?? '100').split(',').map(Number);

function evaluate(name: string, norm: NormalisedRecord[], entity: Int32Array, _script?: Uint8Array): void {
  const sizesBy = new Map<number, number>();
  for (const e of entity) sizesBy.set(e, (sizesBy.get(e) ?? 0) + 1);
  let truePairs = 0;
  for (const c of sizesBy.values()) truePairs += (c * (c - 1)) / 2;
  for (const refineAbove of refines) {
    let pairs = 0;
    let hits = 0;
    const t = performance.now();
    forEachRecordPair(norm, { refineAbove }, (i, j) => {
      pairs++;
      if (entity[i] === entity[j]) hits++;
    });
    console.log(
      `${name} refineAbove ${refineAbove}: ${pairs} pairs (${(pairs / norm.length).toFixed(2)}/record), blocking recall ${(hits / truePairs).toFixed(4)} (${truePairs - hits} of ${truePairs} missed), ${((performance.now() - t) / 1000).toFixed(2)} s`,
    );
  }
}

for (const size of sizes) {
  const norm: NormalisedRecord[] = [];
  const entity = new Int32Array(size);
  const ent = new Map<string, number>();
  let k = 0;
  for (const p of generatePersons({ seed: 2026, count: size, duplicateRate: 0.3 })) {
    norm.push(normaliseRecord(process.env.BENCH_PERTURB ? perturbedLinkageRecord(p) : toLinkageRecord(p)));
    let e = ent.get(p.canonicalKey);
    if (e === undefined) ent.set(p.canonicalKey, (e = ent.size));
    entity[k++] = e;
  }
  evaluate(`synthetic ${size}`, norm, entity);
}
const dir = process.env.BENCH_FEBRL_DIR ?? resolve(REPO_ROOT, '../shared/reference/linkage/febrl');
for (const n of [1, 2, 3]) {
  const lines = readFileSync(join(dir, `dataset${n}.csv`), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(1);
  const ent = new Map<string, number>();
  const entity = new Int32Array(lines.length);
  const norm = lines.map((l, k) => {
    const v = l.split(',').map((c) => c.trim());
    const m = /^rec-(\d+)-/.exec(v[0] ?? '')![1]!;
    let e = ent.get(m);
    if (e === undefined) ent.set(m, (e = ent.size));
    entity[k] = e;
    const dob = v[9] ?? '';
    const r: LinkageRecord = {
      id: v[0]!,
      givenName: v[1] || null,
      familyName: v[2] || null,
      birthDate: /^\d{8}$/.test(dob) ? `${dob.slice(0, 4)}-${dob.slice(4, 6)}-${dob.slice(6, 8)}` : dob || null,
      documentNumber: v[10] || null,
    };
    return normaliseRecord(r);
  });
  evaluate(`FEBRL ${n}`, norm, entity);
}
