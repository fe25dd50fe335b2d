import { perturbedLinkageRecord, toLinkageRecord } from './synthetic-records.ts';
import { describe, expect, it } from 'vitest';
import { generatePersons, type SyntheticPerson } from '../../synthetic/index.ts';
import { linkRecords, type LinkResult } from './link.ts';

/** Pairwise precision/recall/F1 of `predicted` pairs (keys "i j") against ground truth. */
function pairwise(persons: readonly SyntheticPerson[], predicted: Iterable<string>): { precision: number; recall: number; f1: number } {
  const byKey = new Map<string, number>();
  for (const p of persons) byKey.set(p.canonicalKey, (byKey.get(p.canonicalKey) ?? 0) + 1);
  let truePairs = 0;
  for (const c of byKey.values()) truePairs += (c * (c - 1)) / 2;
  let tp = 0;
  let fp = 0;
  for (const key of predicted) {
    const [i, j] = key.split(' ').map(Number);
    if (persons[i ?? -1]?.canonicalKey === persons[j ?? -1]?.canonicalKey) tp++;
    else fp++;
  }
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, truePairs);
  return { precision, recall, f1: (2 * precision * recall) / Math.max(1e-12, precision + recall) };
}

function directPairs(result: LinkResult): string[] {
  return result.decisions.filter((d) => d.decision === 'same').map((d) => `${d.ids[0]} ${d.ids[1]}`);
}

function clusterPairs(result: LinkResult): string[] {
  const out: string[] = [];
  for (const c of result.clusters) for (let x = 0; x < c.length; x++) for (let y = x + 1; y < c.length; y++) out.push(`${c[x]} ${c[y]}`);
  return out;
}

const toRecord = toLinkageRecord;
const perturb = perturbedLinkageRecord;

const persons = [...generatePersons({ seed: 2024, count: 3000, duplicateRate: 0.3 })];

describe('linkage accuracy on 3,000 synthetic records (30% duplicates)', () => {
  it('reaches precision ≥ 0.9 and recall ≥ 0.8 pairwise', async ({ annotate }) => {
    const result = linkRecords(persons.map(toRecord));
    const direct = pairwise(persons, directPairs(result));
    const clustered = pairwise(persons, clusterPairs(result));
    await annotate(
      `clean: ${JSON.stringify({ direct, clustered, lambda: result.parameters.lambda, iterations: result.parameters.iterations, thresholds: result.thresholds })}`,
    );
    for (const m of [direct, clustered]) {
      expect(m.precision).toBeGreaterThanOrEqual(0.9);
      expect(m.recall).toBeGreaterThanOrEqual(0.8);
    }
  });

  it('keeps the floors with swapped, partial and reordered fields', async ({ annotate }) => {
    const result = linkRecords(persons.map(perturb));
    const direct = pairwise(persons, directPairs(result));
    const clustered = pairwise(persons, clusterPairs(result));
    await annotate(`perturbed: ${JSON.stringify({ direct, clustered, lambda: result.parameters.lambda, iterations: result.parameters.iterations })}`);
    for (const m of [direct, clustered]) {
      expect(m.precision).toBeGreaterThanOrEqual(0.9);
      expect(m.recall).toBeGreaterThanOrEqual(0.8);
    }
  });

  it('obeys human decisions inside the run', () => {
    const records = persons.slice(0, 300).map(toRecord);
    const base = linkRecords(records);
    const linked = base.decisions.find((d) => d.decision === 'same');
    const apart = base.decisions.find((d) => d.decision === 'different');
    expect(linked).toBeDefined();
    expect(apart).toBeDefined();
    if (linked === undefined || apart === undefined) return;
    const key = (ids: readonly [string, string]): string => `${ids[0]}\u0000${ids[1]}`;
    const humanDecisions = new Map<string, 'same' | 'different'>([
      [key(linked.ids), 'different'],
      [key(apart.ids), 'same'],
    ]);
    const rerun = linkRecords(records, { humanDecisions, parameters: base.parameters });
    const find = (ids: readonly [string, string]) => rerun.decisions.find((d) => key(d.ids) === key(ids));
    expect(find(linked.ids)).toMatchObject({ decision: 'different', source: 'human' });
    expect(find(apart.ids)).toMatchObject({ decision: 'same', source: 'human' });
    expect(rerun.clusters.some((c) => c.includes(linked.ids[0]) && c.includes(linked.ids[1]))).toBe(false);
    expect(rerun.clusters.some((c) => c.includes(apart.ids[0]) && c.includes(apart.ids[1]))).toBe(true);
  });
});
