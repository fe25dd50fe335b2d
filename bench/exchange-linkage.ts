/**
 * The HTCDS import's linkage (issue #14, `scoreInBulk`) on record sets made by others: a file's
 * records are paired in memory with caps (the nearest 200 holders of a key, the best 10
 * candidates a record), where a record entered alone meets every earlier record sharing a key.
 * Both are run here over FEBRL 1–3, Splink's fake_1000 and the hard synthetic set, and their
 * proposals (same, or for review) compared with the truth: the caps must cost no true pair.
 *
 *   npx tsx bench/exchange-linkage.ts
 */
import { normaliseRecord, scoreWithModel } from '@qorgau/core';
import { createFieldCipher } from '../apps/server/src/crypto/field-cipher.ts';
import { keyringFrom, newKeyringFile } from '../apps/server/src/crypto/keyring.ts';
import { type BulkProbe, scoreInBulk } from '../apps/server/src/modules/linkage/bulk-linkage.ts';
import { startingModel } from '../apps/server/src/modules/linkage/linkage-model.ts';
import { intakeDecision } from '../apps/server/src/modules/linkage/linkage.service.ts';
import { hashedLinkageKeys, modelFrequencies } from '../apps/server/src/modules/linkage/person-linkage-record.ts';
import { identityNumberIndexOf } from '../apps/server/src/modules/persons/persons.service.ts';
import { type Dataset, febrlDataset, febrlDir, febrlMissing, hardDataset, splinkDataset, splinkFile, splinkMissing } from './lib/linkage-sets.ts';
import { runMain } from './lib/process.ts';
import { machine, printMachine, round, writeResult } from './lib/report.ts';

const cipher = createFieldCipher(keyringFrom(newKeyringFile()));
const model = startingModel();
const freq = modelFrequencies(cipher, model);
const pairKey = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`);

async function measure(d: Dataset) {
  const probes: BulkProbe[] = d.records.map((r, i) => {
    const record = normaliseRecord({ ...r, id: String(i) });
    return { record, keys: hashedLinkageKeys(cipher, record), identityNumberIndex: r.documentNumber ? identityNumberIndexOf(cipher, r.documentNumber) : null };
  });
  const truth = new Set<string>();
  const byEntity = new Map<number, number[]>();
  d.entity.forEach((e, i) => byEntity.set(e, [...(byEntity.get(e) ?? []), i]));
  for (const ids of byEntity.values()) for (let a = 0; a < ids.length; a++) for (let b = a + 1; b < ids.length; b++) truth.add(pairKey(ids[a]!, ids[b]!));
  // Bulk: the import's path.
  const bulk = await scoreInBulk(cipher, model, probes, []);
  const bulkPairs = new Map(bulk.proposals.map((p) => [pairKey(Number(p.personA), Number(p.personB)), p.modelDecision as string]));
  // Reference: every earlier record sharing a key, no caps (what a record entered alone would meet without per-key limits).
  const holders = new Map<string, number[]>();
  const ref = new Map<string, string>();
  probes.forEach((p, i) => {
    const seen = new Set<number>();
    const keys = p.identityNumberIndex ? [...p.keys, `idn:${p.identityNumberIndex}`] : p.keys;
    for (const k of keys) {
      for (const j of holders.get(k) ?? []) seen.add(j);
      holders.set(k, [...(holders.get(k) ?? []), i]);
    }
    for (const j of seen) {
      const dec = intakeDecision(scoreWithModel(p.record, probes[j]!.record, model, freq));
      if (dec !== 'different') ref.set(pairKey(i, j), dec);
    }
  });
  const stats = (m: Map<string, string>, only?: string) => {
    const found = [...m].filter(([, v]) => !only || v === only).map(([k]) => k);
    const truePairs = found.filter((k) => truth.has(k)).length;
    return { truePairs, found: found.length, recall: round(truePairs / truth.size, 3), precision: found.length ? round(truePairs / found.length, 3) : null };
  };
  const result = {
    name: d.name,
    records: d.records.length,
    truthPairs: truth.size,
    bulk: stats(bulkPairs),
    uncapped: stats(ref),
    bulkSame: stats(bulkPairs, 'same'),
    uncappedSame: stats(ref, 'same'),
  };
  console.log(`${d.name}: ${d.records.length} records, ${truth.size} true pairs`);
  console.log(`  import (capped): same or review ${JSON.stringify(result.bulk)}; same ${JSON.stringify(result.bulkSame)}`);
  console.log(`  uncapped:        same or review ${JSON.stringify(result.uncapped)}; same ${JSON.stringify(result.uncappedSame)}`);
  return result;
}

runMain('exchange-linkage', async () => {
  printMachine(machine());
  const results = [];
  const dir = febrlDir();
  if (dir) for (const n of [1, 2, 3] as const) results.push(await measure(febrlDataset(dir, n)));
  else console.log(febrlMissing());
  const sp = splinkFile();
  if (sp) results.push(await measure(splinkDataset(sp)));
  else console.log(splinkMissing());
  results.push(await measure(hardDataset(14, 5000)));
  writeResult('exchange-linkage', { results });
  const lost = results.filter((r) => r.bulk.truePairs < r.uncapped.truePairs);
  for (const r of lost) console.log(`${r.name}: the caps lost ${r.uncapped.truePairs - r.bulk.truePairs} true pair(s)`);
});
