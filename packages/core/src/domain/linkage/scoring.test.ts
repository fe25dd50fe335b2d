import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusterRecords } from './clusters.ts';
import { compareRecords, explain } from './comparison.ts';
import {
  classify,
  decide,
  estimateParameters,
  explainScore,
  pairKey,
  scorePair,
  thresholdsFromProbability,
  type FellegiSunterParameters,
  type PairDecision,
} from './fellegi-sunter.ts';
import { normaliseRecord, type LinkageRecord } from './linkage-record.ts';

const NAMES = ['Әйгерім', 'Айгерим', 'AIGERIM', 'Айгуль', 'Қанат', 'Канат', 'KANAT', 'Нурбол', 'Dilnoza', 'Дилноза', 'Qasym'];
const SURNAMES = ['Сапаров', 'Сапарова', 'SAPAROVA', 'Есенов', 'Esenova', 'Нұрланұлы', 'NURLANULY', 'Karimova', 'Каримов'];
const DATES = ['1990-05-17', '17.05.1990', '1990-17-05', '05.1990', '1990', '1991-05-17', null];

const opt = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(arb, { nil: null });
const record = (id: string): fc.Arbitrary<LinkageRecord> =>
  fc.record({
    id: fc.constant(id),
    givenName: opt(fc.constantFrom(...NAMES)),
    familyName: opt(fc.constantFrom(...SURNAMES)),
    patronymic: opt(fc.constantFrom('Муратович', 'MURATOVICH', 'Нұрланқызы', 'Andreevna')),
    birthDate: fc.constantFrom(...DATES),
    sex: opt(fc.constantFrom('F', 'M')),
    citizenship: opt(fc.constantFrom('KZ', 'UZ')),
    documentNumber: opt(fc.constantFrom('841212344309', 'N02285487', '031015663493')),
  });

/** Parameters estimated by EM from pairs of random records, so no weight is hand-typed. */
function fittedParameters(): FellegiSunterParameters {
  const sample = fc.sample(fc.tuple(record('a'), record('b')), { numRuns: 400, seed: 11 });
  const vectors = sample.map(([a, b]) => compareRecords(normaliseRecord(a), normaliseRecord(b)));
  return estimateParameters(vectors);
}
const params = fittedParameters();
const thresholds = thresholdsFromProbability(params);

describe('comparison', () => {
  it('takes names equal but for o/u (Uzbek Oʻ, Kazakh Ө, Russian У) as close, not as a disagreement', () => {
    const a = normaliseRecord({ id: '1', givenName: 'Ötkir', familyName: 'Nazarov' });
    const b = normaliseRecord({ id: '2', givenName: 'Oʻtkir', familyName: 'Nazarov' });
    expect(compareRecords(a, b).levels.given).toBe('jw92');
    expect(compareRecords(normaliseRecord({ id: '3', givenName: 'Olga' }), normaliseRecord({ id: '4', givenName: 'Ulan' })).levels.given).toBe('disagree');
  });

  it('compares documents only of one kind: an IIN with an IIN, numbers of equal length', () => {
    const doc = (id: string, documentNumber: string) => normaliseRecord({ id, documentNumber });
    expect(compareRecords(doc('1', '12906197261075'), doc('2', 'AC7130566')).levels.document).toBe('missing'); // personal number and passport
    expect(compareRecords(doc('1', 'AC7130566'), doc('2', 'AC7130567')).levels.document).toBe('typo'); // one digit
    expect(compareRecords(doc('1', 'AC7130566'), doc('2', 'AC7103566')).levels.document).toBe('typo'); // adjacent digits transposed
    expect(compareRecords(doc('1', 'AC7130566'), doc('2', 'AC7139966')).levels.document).toBe('disagree');
    expect(compareRecords(doc('1', 'AC7130566'), doc('2', 'ac 7130566')).levels.document).toBe('agree');
  });

  it('tells a mistyped birth date from a different one', () => {
    const born = (id: string, birthDate: string) => normaliseRecord({ id, birthDate });
    const level = (a: string, b: string) => compareRecords(born('1', a), born('2', b)).levels.birthDate;
    expect(level('1991-04-26', '1997-04-26')).toBe('typo');
    expect(level('1985-02-13', '1985-02-13')).toBe('exact');
    expect(level('1985-12-02', '1985-12-20')).toBe('typo'); // adjacent digits transposed
    expect(level('1976-09-15', '1977-09-13')).toBe('disagree'); // two digits
    expect(level('1992-11-20', '2003-01-17')).toBe('disagree');
    expect(level('1984-03-11', '1984-11-03')).toBe('swapped');
    expect(level('1984', '1984-11-03')).toBe('year');
    expect(level('1985', '1984-11-03')).toBe('disagree');
  });

  it('levels a typical pair and explains it', () => {
    const a = normaliseRecord({ id: '1', givenName: 'Қанат', familyName: 'Сапаров', birthDate: '1984-12-12', sex: 'M', documentNumber: '841212344309' });
    const b = normaliseRecord({ id: '2', givenName: 'SAPAROV', familyName: 'KANAT', birthDate: '12.12.1984', sex: 'M' });
    const v = compareRecords(a, b);
    expect(v.namesSwapped).toBe(true);
    expect(v.levels).toMatchObject({ given: 'exact', family: 'exact', birthDate: 'exact', document: 'missing', sex: 'agree' });
    expect(explain(v)).toContain('given: exact (given/family swapped)');
    const c = normaliseRecord({ id: '3', givenName: 'Канат', familyName: 'Сапарова', birthDate: '1984-12-12' });
    const d = normaliseRecord({ id: '4', givenName: 'Kanat', familyName: 'Saparov', birthDate: '1984' });
    const w = compareRecords(c, d);
    expect(w.levels.family).toBe('exact'); // same stem
    expect(w.levels.birthDate).toBe('year');
    const e = normaliseRecord({ id: '5', birthDate: '1984-03-11' });
    const f = normaliseRecord({ id: '6', birthDate: '1984-11-03' });
    expect(compareRecords(e, f).levels.birthDate).toBe('swapped');
  });

  it('is symmetric: score(a, b) === score(b, a), also with contents exchanged between ids', () => {
    fc.assert(
      fc.property(record('a'), record('b'), (ra, rb) => {
        const a = normaliseRecord(ra);
        const b = normaliseRecord(rb);
        const ab = compareRecords(a, b);
        expect(compareRecords(b, a)).toEqual(ab);
        const swappedIds = compareRecords(normaliseRecord({ ...rb, id: 'a' }), normaliseRecord({ ...ra, id: 'b' }));
        expect(swappedIds.levels).toEqual(ab.levels);
        expect(scorePair(swappedIds, params)).toBe(scorePair(ab, params));
      }),
      { numRuns: 500 },
    );
  });
});

describe('Fellegi–Sunter', () => {
  it('learns weights that reward agreement and punish disagreement', () => {
    for (const f of ['birthDate', 'sex'] as const) {
      const agree = f === 'birthDate' ? 'exact' : 'agree';
      expect(params.m[f][agree] ?? 0).toBeGreaterThan(params.u[f][agree] ?? 1);
    }
    const sum = Object.values(params.m.given).reduce((s, x) => s + x, 0);
    expect(sum).toBeCloseTo(1, 9);
    for (const f of Object.values(params.m)) for (const p of Object.values(f)) expect(p).toBeGreaterThan(0);
    expect(thresholds.same).toBeGreaterThan(thresholds.review);
  });

  it('scores as the sum of explained weights; missing weighs nothing', () => {
    const v = compareRecords(normaliseRecord({ id: '1', givenName: 'Айгерим' }), normaliseRecord({ id: '2', givenName: 'AIGERIM' }));
    const parts = explainScore(v, params);
    expect(parts.filter((p) => p.level === 'missing').every((p) => p.weight === 0)).toBe(true);
    expect(scorePair(v, params)).toBeCloseTo(
      parts.reduce((s, p) => s + p.weight, 0),
      12,
    );
  });

  it('classifies by thresholds', () => {
    expect(classify(10, { same: 5, review: 0 })).toBe('same');
    expect(classify(5, { same: 5, review: 0 })).toBe('same');
    expect(classify(0, { same: 5, review: 0 })).toBe('review');
    expect(classify(-0.1, { same: 5, review: 0 })).toBe('different');
  });

  it('a human decision always wins, whatever the score', () => {
    fc.assert(
      fc.property(
        record('a'),
        record('b'),
        fc.constantFrom('same' as const, 'different' as const),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        (ra, rb, human, noise) => {
          const vector = compareRecords(normaliseRecord(ra), normaliseRecord(rb));
          const humans = new Map([[pairKey('b', 'a'), human]]);
          for (const score of [scorePair(vector, params), noise, Infinity, -Infinity]) {
            const d = decide({ vector, score }, humans, thresholds);
            expect(d.decision).toBe(human);
            expect(d.source).toBe('human');
            expect(decide({ vector, score }, new Map(), thresholds).decision).toBe(classify(score, thresholds));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('estimates from no pairs without failing', () => {
    expect(estimateParameters([]).iterations).toBe(0);
  });
});

describe('clusters', () => {
  const same = (a: string, b: string, score: number, source: 'human' | 'model' = 'model'): PairDecision => ({ ids: [a, b], decision: 'same', source, score });
  const apart = (a: string, b: string): PairDecision => ({ ids: [a, b], decision: 'different', source: 'human', score: 0 });

  it('joins transitively and keeps singletons', () => {
    expect(clusterRecords(['a', 'b', 'c', 'd'], [same('a', 'b', 9), same('b', 'c', 8)])).toEqual([['a', 'b', 'c'], ['d']]);
  });

  it('never merges across a human "different" decision, dropping the weaker link', () => {
    const out = clusterRecords(['a', 'b', 'c'], [same('a', 'b', 9), same('b', 'c', 4), apart('a', 'c')]);
    expect(out).toEqual([['a', 'b'], ['c']]);
    const humanFirst = clusterRecords(['a', 'b', 'c'], [same('a', 'b', 9), same('b', 'c', 4, 'human'), apart('a', 'c')]);
    expect(humanFirst).toEqual([['a'], ['b', 'c']]);
  });

  it('never puts a cannot-link pair in one cluster (property)', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const id = fc.constantFrom(...ids);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(id, id, fc.double({ min: 0, max: 20, noNaN: true })), { maxLength: 15 }),
        fc.array(fc.tuple(id, id), { maxLength: 4 }),
        (links, cannot) => {
          const decisions = [
            ...links.filter(([a, b]) => a !== b).map(([a, b, s]) => same(a, b, s)),
            ...cannot.filter(([a, b]) => a !== b).map(([a, b]) => apart(a, b)),
          ];
          const clusters = clusterRecords(ids, decisions);
          expect(clusters.flat().sort()).toEqual(ids);
          for (const [a, b] of cannot) if (a !== b) expect(clusters.some((c) => c.includes(a) && c.includes(b))).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});
