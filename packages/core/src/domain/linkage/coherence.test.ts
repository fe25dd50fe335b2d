/**
 * Issue #12's rules above the score: what the model may not decide alone, and clusters that
 * never join records that contradict each other.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateHardLinkageRecords } from '../../synthetic/index.ts';
import { clusterCoherently } from './clusters.ts';
import { conflictAt, evidenceCount, mayLinkAutomatically } from './coherence.ts';
import { comparePattern, levelIndexAt } from './comparison.ts';
import type { PairDecision } from './fellegi-sunter.ts';
import { scoreWithModel, syntheticLinkageModel } from './intake-keys.ts';
import { linkRecords } from './link.ts';
import { keyedNameFrequencies } from './term-frequency.ts';
import { normaliseRecord, type LinkageRecord } from './linkage-record.ts';

const pattern = (a: Omit<LinkageRecord, 'id'>, b: Omit<LinkageRecord, 'id'>) =>
  comparePattern(normaliseRecord({ id: 'a', ...a }), normaliseRecord({ id: 'b', ...b }));

describe('evidence and conflicts', () => {
  it('a name alone never links, however it is spelt: given, given and family, in any script', () => {
    expect(mayLinkAutomatically(pattern({ givenName: 'Гүлнар', sex: 'F' }, { givenName: 'GULNAR', sex: 'F' }))).toBe(false);
    const fullName = pattern(
      { givenName: 'Гүлнар', familyName: 'Ахметова', citizenship: 'KZ' },
      { givenName: 'Gulnar', familyName: 'Akhmetova', citizenship: 'KAZ' },
    );
    expect(evidenceCount(fullName)).toBe(1);
    expect(mayLinkAutomatically(fullName)).toBe(false);
    // A birth year is not a birth date: still one identifier.
    expect(
      mayLinkAutomatically(
        pattern({ givenName: 'Gulnar', familyName: 'Akhmetova', birthDate: '1990' }, { givenName: 'Gulnar', familyName: 'Akhmetova', birthDate: '1990-05-01' }),
      ),
    ).toBe(false);
  });

  it('a name with a birth date, a document or a contact may link', () => {
    const base = { givenName: 'Gulnar', familyName: 'Akhmetova' };
    expect(mayLinkAutomatically(pattern({ ...base, birthDate: '12.05.1990' }, { ...base, birthDate: '1990-05-12' }))).toBe(true);
    expect(mayLinkAutomatically(pattern({ ...base, birthDate: '1990-12-05' }, { ...base, birthDate: '1990-05-12' }))).toBe(true); // swapped
    expect(mayLinkAutomatically(pattern({ ...base, documentNumber: 'N0447123' }, { ...base, documentNumber: 'N0447132' }))).toBe(true); // one transposition
    expect(mayLinkAutomatically(pattern({ ...base, contact: '+7 701 555 01 01' }, { ...base, contact: '87015550101' }))).toBe(true);
  });

  it('one contradiction is outweighed only by two other firm identifiers; two never are', () => {
    const base = { givenName: 'Dina', familyName: 'Omarova', sex: 'F' };
    // A birth date beyond a typo, with nothing else: a namesake.
    expect(conflictAt(pattern({ ...base, birthDate: '1996-02-11' }, { ...base, birthDate: '1979-09-30' }))).toBe(true);
    // The same, with the same passport: the date is the clerk's slip.
    expect(
      conflictAt(pattern({ ...base, birthDate: '1996-02-11', documentNumber: 'N0447123' }, { ...base, birthDate: '1979-09-30', documentNumber: 'N0447123' })),
    ).toBe(false);
    // A different family name (a married name?) with the same birth date only: for a person to confirm.
    expect(conflictAt(pattern({ ...base, birthDate: '1996-02-11' }, { ...base, familyName: 'Seitkali', birthDate: '1996-02-11' }))).toBe(true);
    // Different birth date and different sex, even with the same passport.
    expect(
      conflictAt(
        pattern({ ...base, birthDate: '1996-02-11', documentNumber: 'N0447123' }, { ...base, sex: 'M', birthDate: '1979-09-30', documentNumber: 'N0447123' }),
      ),
    ).toBe(true);
    // A one-digit typo in the date is no contradiction.
    expect(conflictAt(pattern({ ...base, birthDate: '1996-02-11' }, { ...base, birthDate: '1996-02-17' }))).toBe(false);
  });
});

describe('the reason a pair waits for a person', () => {
  it("a name alone that scores above 'same' (a very rare name) is 'review', and says why", () => {
    const model = syntheticLinkageModel();
    // Frequencies of a national register in which this name is one in a million.
    const rare = keyedNameFrequencies({ records: 1_000_000, rareShare: 1e-6, shares: {} }, (t) => t);
    const a = normaliseRecord({ id: '1', givenName: 'Жұлдызай', familyName: 'Қожамқұлова' });
    const b = normaliseRecord({ id: '2', givenName: 'ZHULDYZAI', familyName: 'QOZHAMQULOVA' });
    const scored = scoreWithModel(a, b, model, rare);
    expect(scored.score).toBeGreaterThanOrEqual(model.thresholds.same);
    expect([scored.decision, scored.reviewReason]).toEqual(['review', 'evidence']);
    // The same pair with a birth date in common is the model's to decide.
    const withDate = scoreWithModel({ ...a, birth: { year: 1990, month: 5, day: 12 } }, { ...b, birth: { year: 1990, month: 5, day: 12 } }, model, rare);
    expect([withDate.decision, withDate.reviewReason]).toEqual(['same', null]);
  });
});

describe('coherent clusters', () => {
  /** Random model decisions over n records, a random conflict relation, and human decisions. */
  const world = fc.integer({ min: 3, max: 14 }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.double({ min: 0, max: 30, noNaN: true })), { maxLength: 40 }),
      conflicts: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 12 }),
      humanSame: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 3 }),
      maxSize: fc.integer({ min: 2, max: 8 }),
    }),
  );

  it('never puts two conflicting records in one cluster unless a person joined them, and never grows a model cluster past its bound', () => {
    fc.assert(
      fc.property(world, ({ n, edges, conflicts, humanSame, maxSize }) => {
        const ids = Array.from({ length: n }, (_, i) => `r${String(i).padStart(2, '0')}`);
        const bad = new Set(conflicts.filter(([i, j]) => i !== j).flatMap(([i, j]) => [`${i}-${j}`, `${j}-${i}`]));
        const decisions: PairDecision[] = [
          ...edges.filter(([i, j]) => i !== j).map(([i, j, score]): PairDecision => ({ ids: [ids[i]!, ids[j]!], decision: 'same', source: 'model', score })),
          ...humanSame
            .filter(([i, j]) => i !== j)
            .map(([i, j]): PairDecision => ({ ids: [ids[i]!, ids[j]!], decision: 'same', source: 'human', score: Infinity })),
        ];
        const { clusters, refused } = clusterCoherently(ids, decisions, { conflict: (i, j) => bad.has(`${i}-${j}`), maxSize });
        for (const c of clusters) {
          const at = c.map((id) => ids.indexOf(id));
          const humanJoined = humanSame.some(([i, j]) => i !== j && at.includes(i) && at.includes(j));
          if (!humanJoined) {
            expect(c.length).toBeLessThanOrEqual(maxSize);
            for (const i of at) for (const j of at) expect(bad.has(`${i}-${j}`)).toBe(false);
          }
        }
        // Every model pair is either inside one cluster or refused: nothing is silently dropped.
        const clusterOf = new Map(clusters.flatMap((c, k) => c.map((id) => [id, k] as const)));
        for (const d of decisions) if (d.source === 'model' && clusterOf.get(d.ids[0]) !== clusterOf.get(d.ids[1])) expect(refused).toContain(d);
      }),
      { numRuns: 300 },
    );
  });
});

describe('on a register with namesakes, gaps and several scripts (generateHardLinkageRecords, fixed seed)', () => {
  const hard = generateHardLinkageRecords({ seed: 12, count: 4000 });
  const result = linkRecords(hard, { decisions: 'linked' });
  const entity = new Map(hard.map((r) => [r.id, r.entity]));
  const normalised = new Map(hard.map((r) => [r.id, normaliseRecord(r)]));

  it("every pair called 'same' has two identifiers and no contradiction, and almost all are one person", () => {
    const same = result.decisions.filter((d) => d.decision === 'same' && d.source === 'model');
    expect(same.length).toBeGreaterThan(500);
    let wrong = 0;
    for (const d of same) {
      const p = comparePattern(normalised.get(d.ids[0])!, normalised.get(d.ids[1])!);
      expect(mayLinkAutomatically(p)).toBe(true);
      if (entity.get(d.ids[0]) !== entity.get(d.ids[1])) wrong++;
    }
    expect(wrong / same.length).toBeLessThan(0.01);
  });

  it('no cluster joins two different persons whose full birth dates conflict, and none is larger than 20', () => {
    for (const c of result.clusters) {
      expect(c.length).toBeLessThanOrEqual(20);
      for (const a of c)
        for (const b of c) {
          if (a >= b || entity.get(a) === entity.get(b)) continue;
          // Birth-date level 'disagree' on two full dates: beyond a typo and not day/month swapped.
          const bothFull = [a, b].every((id) => normalised.get(id)?.birth?.day !== undefined);
          if (bothFull) expect(levelIndexAt(comparePattern(normalised.get(a)!, normalised.get(b)!), 'birthDate')).not.toBe(4);
        }
    }
  });
});
