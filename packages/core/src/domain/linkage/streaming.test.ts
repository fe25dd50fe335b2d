/**
 * The streamed batch path (pattern codes, EM on pattern counts, score table, decisions kept
 * on demand, typed-array clustering) gives exactly what the plain one-vector-per-pair path gives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidatePairs, forEachRecordPair, pairsSharingKeys, refinableBlockingKeys } from './blocking.ts';
import { clusterRecords } from './clusters.ts';
import { comparePattern, compareRecords, PATTERN_COUNT, patternOf, vectorOfPattern } from './comparison.ts';
import { pairKey, type PairDecision } from './fellegi-sunter.ts';
import { estimateModel, linkRecords, linkVectors } from './link.ts';
import { normaliseRecord, type LinkageRecord } from './linkage-record.ts';
import { nameFrequenciesOf, partShare } from './term-frequency.ts';

const NAMES = ['Әйгерім', 'Айгерим', 'AIGERIM', 'Айгуль', 'Қанат', 'Канат', 'KANAT', 'Нурбол', 'Dilnoza', 'Дилноза', 'Qasym', 'Aigerym'];
const SURNAMES = ['Сапаров', 'Сапарова', 'SAPAROVA', 'Есенов', 'Esenova', 'Нұрланұлы', 'NURLANULY', 'Karimova', 'Каримов', 'Saparova'];
const DATES = ['1990-05-17', '17.05.1990', '1990-17-05', '05.1990', '1990', '1991-05-17', '1990-05-18', null];
const opt = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(arb, { nil: null });
const fields = fc.record({
  givenName: opt(fc.constantFrom(...NAMES)),
  familyName: opt(fc.constantFrom(...SURNAMES)),
  patronymic: opt(fc.constantFrom('Муратович', 'MURATOVICH', 'Нұрланқызы', 'Andreevna', 'Muratovich')),
  fullName: opt(fc.constantFrom('Сапарова Айгерим Муратовна', 'KARIMOVA DILNOZA')),
  birthDate: fc.constantFrom(...DATES),
  sex: opt(fc.constantFrom('F', 'M')),
  citizenship: opt(fc.constantFrom('KZ', 'UZ')),
  documentNumber: opt(fc.constantFrom('841212344309', 'N02285487', '031015663493')),
});
/** Records with unique ids whose index order and string order disagree ("10" < "9"). */
const records = fc.array(fields, { minLength: 2, maxLength: 40 }).map((rs) => rs.map((r, i): LinkageRecord => ({ ...r, id: String(7 + i * 3) })));

/** The clustering as first written (arrays and sets per record), for comparison. */
function referenceClusters(ids: readonly string[], decisions: readonly PairDecision[]): string[][] {
  const index = new Map<string, number>();
  for (const id of ids) if (!index.has(id)) index.set(id, index.size);
  const n = index.size;
  const parent = Array.from({ length: n }, (_, i) => i);
  const members: number[][] = Array.from({ length: n }, (_, i) => [i]);
  const cannot: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
  const find = (i: number): number => (parent[i] === i ? i : find(parent[i]!));
  for (const d of decisions) {
    if (d.decision !== 'different' || d.source !== 'human') continue;
    const [a, b] = [index.get(d.ids[0]), index.get(d.ids[1])];
    if (a === undefined || b === undefined) continue;
    cannot[a]!.add(b);
    cannot[b]!.add(a);
  }
  const merges = decisions.filter((d) => d.decision === 'same').sort((p, q) => (p.source === q.source ? q.score - p.score : p.source === 'human' ? -1 : 1));
  for (const d of merges) {
    const [a, b] = [index.get(d.ids[0]), index.get(d.ids[1])];
    if (a === undefined || b === undefined) continue;
    let [ra, rb] = [find(a), find(b)];
    if (ra === rb || members[rb]!.some((x) => cannot[ra]!.has(x))) continue;
    if (members[ra]!.length < members[rb]!.length) [ra, rb] = [rb, ra];
    parent[rb] = ra;
    members[ra]!.push(...members[rb]!);
    for (const x of cannot[rb]!) cannot[ra]!.add(x);
    members[rb] = [];
  }
  const names = [...index.keys()];
  const out: string[][] = [];
  for (let i = 0; i < n; i++) if (find(i) === i) out.push(members[i]!.map((k) => names[k]!).sort());
  return out.sort((p, q) => (p[0]! < q[0]! ? -1 : 1));
}

/** No block is refined, so EM runs on the candidate pairs themselves. */
const EXACT = { refineAbove: Number.POSITIVE_INFINITY };

/** Some human decisions on pairs of the records (proposed by blocking or not). */
const withHumans = records.chain((rs) =>
  fc
    .array(fc.tuple(fc.nat(rs.length - 1), fc.nat(rs.length - 1), fc.constantFrom('same' as const, 'different' as const)), { maxLength: 6 })
    .map((hs) => [rs, new Map(hs.filter(([i, j]) => i !== j).map(([i, j, d]) => [pairKey(rs[i]!.id, rs[j]!.id), d]))] as const),
);

describe('streamed linkage', () => {
  it('comparePattern is the pattern of compareRecords, and a pattern gives back the vector', () => {
    fc.assert(
      fc.property(fields, fields, (x, y) => {
        const [a, b] = [normaliseRecord({ ...x, id: '10' }), normaliseRecord({ ...y, id: '9' })];
        const v = compareRecords(a, b);
        expect(comparePattern(a, b)).toBe(patternOf(v));
        expect(comparePattern(b, a)).toBe(patternOf(v));
        expect(vectorOfPattern(patternOf(v), '9', '10')).toEqual(v);
      }),
      { numRuns: 500 },
    );
  });

  it('linkRecords equals the one-vector-per-pair path, human decisions included', () => {
    fc.assert(
      fc.property(withHumans, ([rs, humans]) => {
        const { candidatePairs: count, ...result } = linkRecords(rs, { humanDecisions: humans, blocking: EXACT });
        const normalised = rs.map(normaliseRecord);
        const vectors = candidatePairs(normalised, EXACT).map(([i, j]) => compareRecords(normalised[i]!, normalised[j]!));
        // The model: EM over the vectors' patterns, counted one by one.
        const patterns = new Map<number, number>();
        for (const v of vectors) patterns.set(patternOf(v) % PATTERN_COUNT, (patterns.get(patternOf(v) % PATTERN_COUNT) ?? 0) + 1);
        expect(result.parameters).toEqual(estimateModel([...patterns].map(([pattern, n]) => ({ pattern, count: n }))));
        // Decisions and clusters: the vector path with that model, the same frequencies and comparisons.
        const frequencies = nameFrequenciesOf(normalised);
        const reference = linkVectors(
          normalised.map((r) => r.id),
          vectors,
          { humanDecisions: humans, parameters: result.parameters },
          {
            compareAt: (i, j) => comparePattern(normalised[i]!, normalised[j]!),
            shares: {
              given: Float64Array.from(normalised, (r) => partShare(r.given, frequencies)),
              family: Float64Array.from(normalised, (r) => partShare(r.family, frequencies)),
            },
          },
        );
        expect(result).toEqual({ ...reference, candidatePairs: undefined, parameters: result.parameters });
        expect(count).toBe(vectors.length);
        // Every recorded human decision is in force, and every cluster is coherent.
        const clusterOf = new Map(result.clusters.flatMap((c, k) => c.map((id) => [id, k] as const)));
        for (const [key, decision] of humans) {
          const [a, b] = key.split('\u0000') as [string, string];
          if (decision === 'different') expect(clusterOf.get(a)).not.toBe(clusterOf.get(b));
        }
      }),
      { numRuns: 150 },
    );
  });

  it("decisions: 'linked' keeps exactly the pairs not decided 'different' by the model, with the same clusters; onCandidate sees every pair", () => {
    fc.assert(
      fc.property(withHumans, ([rs, humans]) => {
        const all = linkRecords(rs, { humanDecisions: humans });
        const seen: [string, string, number, string][] = [];
        const linked = linkRecords(rs, {
          humanDecisions: humans,
          decisions: 'linked',
          onCandidate: (i, j, score, decision) => seen.push([rs[i]!.id, rs[j]!.id, score, decision]),
        });
        expect(linked.decisions).toEqual(all.decisions.filter((d) => d.decision !== 'different' || d.source === 'human'));
        expect(linked.clusters).toEqual(all.clusters);
        expect(linked.parameters).toEqual(all.parameters);
        const proposed = all.decisions.filter((d) => d.vector !== null);
        expect(seen.map(([a, b, score, decision]) => [pairKey(a, b), score, decision])).toEqual(
          proposed.map((d) => [pairKey(d.ids[0], d.ids[1]), d.score, d.decision]),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('clusterRecords equals the first clustering on random decisions with cannot-links', () => {
    const decision = fc.record({
      a: fc.nat(14),
      b: fc.nat(14),
      decision: fc.constantFrom('same' as const, 'same' as const, 'different' as const, 'review' as const),
      source: fc.constantFrom('model' as const, 'human' as const),
      score: fc.integer({ min: -5, max: 5 }),
    });
    fc.assert(
      fc.property(fc.array(decision, { maxLength: 40 }), (ds) => {
        const ids = Array.from({ length: 15 }, (_, i) => `r${i}`);
        const decisions: PairDecision[] = ds
          .filter((d) => d.a !== d.b)
          .map((d) => ({ ids: [`r${d.a}`, `r${d.b}`], decision: d.decision, source: d.source, score: d.score }));
        expect(clusterRecords(ids, decisions)).toEqual(referenceClusters(ids, decisions));
      }),
      { numRuns: 500 },
    );
  });

  it('the EM sample of unrefined pairs: all of them, each weighing 1 in total, when few; else draws among them, the same for a seed', () => {
    fc.assert(
      fc.property(records, fc.integer({ min: 0, max: 3 }), (rs, refineAbove) => {
        const normalised = rs.map(normaliseRecord);
        const coarse = pairsSharingKeys(normalised.length, (i) => refinableBlockingKeys(normalised[i]!).map((k) => k.key), 500, Number.POSITIVE_INFINITY);
        const weight = new Map<string, number>();
        const drew = forEachRecordPair(normalised, { refineAbove }, () => {}, {
          size: 1e6,
          seed: 1,
          visit: (i, j, w) => weight.set(`${i} ${j}`, (weight.get(`${i} ${j}`) ?? 0) + w),
        });
        if (!drew) return;
        expect([...weight.keys()].sort()).toEqual(coarse.map(([i, j]) => `${i} ${j}`).sort());
        for (const w of weight.values()) expect(w).toBeCloseTo(1, 9);
        const draws = (seed: number) => {
          const out: string[] = [];
          forEachRecordPair(normalised, { refineAbove }, () => {}, { size: 5, seed, visit: (i, j) => out.push(`${i} ${j}`) });
          return out;
        };
        const some = draws(7);
        expect(some.every((p) => weight.has(p))).toBe(true);
        expect(draws(7)).toEqual(some);
      }),
      { numRuns: 100 },
    );
  });

  it('with blocks refined, linkRecords still decides every candidate pair and keeps its clusters consistent with its decisions', () => {
    fc.assert(
      fc.property(records, (rs) => {
        const result = linkRecords(rs, { blocking: { refineAbove: 2 } });
        expect(result.decisions.filter((d) => d.vector !== null)).toHaveLength(result.candidatePairs);
        const clusterOf = new Map(result.clusters.flatMap((c, k) => c.map((id) => [id, k] as const)));
        for (const d of result.decisions) if (d.decision === 'same') expect(clusterOf.get(d.ids[0])).toBe(clusterOf.get(d.ids[1]));
        expect(result.thresholds.same).toBeGreaterThan(result.thresholds.review);
      }),
      { numRuns: 50 },
    );
  });
});
