import { perturbedLinkageRecord, toLinkageRecord } from '../synthetic-records.ts';
import { describe, expect, it } from 'vitest';
import { generatePersons, type SyntheticPerson } from '../../../synthetic/index.ts';
import { linkRecords, type LinkResult } from '../link.ts';
import { encodeRecord } from './clk.ts';
import { linkEncoded } from './link-encoded.ts';

const KEY = Uint8Array.from({ length: 32 }, (_, i) => (i * 91 + 7) & 255);

/** Pairwise precision/recall/F1 of `predicted` pairs (ids are person indices) against canonical keys. */
function pairwise(persons: readonly SyntheticPerson[], predicted: Iterable<readonly [string, string]>): { precision: number; recall: number; f1: number } {
  const byKey = new Map<string, number>();
  for (const p of persons) byKey.set(p.canonicalKey, (byKey.get(p.canonicalKey) ?? 0) + 1);
  let truePairs = 0;
  for (const c of byKey.values()) truePairs += (c * (c - 1)) / 2;
  let tp = 0;
  let fp = 0;
  for (const [i, j] of predicted) {
    if (persons[Number(i)]?.canonicalKey === persons[Number(j)]?.canonicalKey) tp++;
    else fp++;
  }
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, truePairs);
  return { precision, recall, f1: (2 * precision * recall) / Math.max(1e-12, precision + recall) };
}

const direct = (r: LinkResult): (readonly [string, string])[] => r.decisions.filter((d) => d.decision === 'same').map((d) => d.ids);
const clustered = (r: LinkResult): [string, string][] => r.clusters.flatMap((c) => c.flatMap((a, x) => c.slice(x + 1).map((b): [string, string] => [a, b])));

const toRecord = toLinkageRecord;
const perturb = perturbedLinkageRecord;

const round = (m: { precision: number; recall: number; f1: number }) => ({
  precision: Number(m.precision.toFixed(4)),
  recall: Number(m.recall.toFixed(4)),
  f1: Number(m.f1.toFixed(4)),
});

describe('privacy-preserving linkage on 2,000 synthetic records (30% duplicates)', () => {
  const persons = [...generatePersons({ seed: 2024, count: 2000, duplicateRate: 0.3 })];

  it.for([
    ['clean', toRecord],
    ['perturbed', perturb],
  ] as const)('%s: reaches precision ≥ 0.9 and recall ≥ 0.8, within one F1 point of plain linkage', async ([name, make], { annotate }) => {
    const records = persons.map(make);
    const t0 = Date.now();
    const encoded = records.map((r) => encodeRecord(r, KEY));
    const t1 = Date.now();
    const enc = linkEncoded(encoded);
    const t2 = Date.now();
    const plain = linkRecords(records);
    const figures = {
      encoded: { direct: round(pairwise(persons, direct(enc))), clustered: round(pairwise(persons, clustered(enc))), pairs: enc.decisions.length },
      plain: { direct: round(pairwise(persons, direct(plain))), clustered: round(pairwise(persons, clustered(plain))), pairs: plain.decisions.length },
      ms: { encode: t1 - t0, link: t2 - t1 },
    };
    await annotate(`${name}: ${JSON.stringify(figures)}`);
    for (const m of [figures.encoded.direct, figures.encoded.clustered]) {
      expect(m.precision).toBeGreaterThanOrEqual(0.9);
      expect(m.recall).toBeGreaterThanOrEqual(0.8);
    }
    expect(figures.encoded.clustered.f1).toBeGreaterThanOrEqual(figures.plain.clustered.f1 - 0.01);
  });
});
