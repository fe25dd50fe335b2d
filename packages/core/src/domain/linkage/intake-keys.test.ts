import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linkageKeys, scoreWithModel, syntheticLinkageModel } from './intake-keys.ts';
import { generatePersons } from '../../synthetic/index.ts';
import { normaliseRecord, type LinkageRecord } from './linkage-record.ts';
import { perturbedLinkageRecord } from './synthetic-records.ts';

const shared = (a: LinkageRecord, b: LinkageRecord): string[] => {
  const kb = new Set(linkageKeys(normaliseRecord(b)));
  return linkageKeys(normaliseRecord(a)).filter((k) => kb.has(k));
};

const police: LinkageRecord = {
  id: 'a',
  givenName: 'Айгерим',
  familyName: 'Сарсенова',
  patronymic: 'Нурлановна',
  birthDate: '1998-03-14',
  sex: 'F',
  citizenship: 'KZ',
};
const ngo: LinkageRecord = {
  id: 'b',
  givenName: 'Aıgerım',
  familyName: 'Sarsenova',
  patronymic: 'Nurlanqyzy',
  birthDate: '1998-03-14',
  sex: 'F',
  citizenship: 'KZ',
};

describe('linkage keys for database candidate search', () => {
  it('meet across scripts, name order and a missing birth date', () => {
    expect(shared(police, ngo).length).toBeGreaterThan(0);
    expect(shared(police, { ...ngo, givenName: 'Sarsenova', familyName: 'Aıgerım' }).length).toBeGreaterThan(0);
    // No birth date on one side: only the year-free given+family key can meet.
    expect(shared(police, { ...ngo, birthDate: null })).toEqual([expect.stringMatching(/^p:/)]);
    // A misspelt given name and a wrong year: the family name with the date, or the two other parts, still meet.
    expect(shared(police, { ...ngo, givenName: 'Aigerym' }).length).toBeGreaterThan(0);
    expect(shared(police, { ...ngo, givenName: 'Aigerym', birthDate: '1998-14-03' }).some((k) => k.startsWith('y:'))).toBe(true);
  });

  it('a document number alone is a key', () => {
    expect(shared({ id: 'a', documentNumber: '9804 1440 0123' }, { id: 'b', documentNumber: '980414400123' })).toEqual(['d:980414400123']);
  });

  it('are built from folded a–z skeletons, digits and markers only, never the typed text (the server stores them keyed-hashed)', () => {
    for (const k of linkageKeys(normaliseRecord(police))) expect(k).toMatch(/^[tyfspnd]:[a-z0-9 |:-]*$/);
  });

  it('are the same whatever order the name parts and the records come in', () => {
    fc.assert(
      fc.property(fc.constantFrom(police, ngo), fc.boolean(), (r, swap) => {
        const other = swap ? { ...r, givenName: r.familyName, familyName: r.givenName } : r;
        expect(linkageKeys(normaliseRecord(other)).filter((k) => k.startsWith('p:'))).toEqual(
          linkageKeys(normaliseRecord(r)).filter((k) => k.startsWith('p:')),
        );
      }),
    );
  });
});

describe('scoring one candidate with a model estimated from synthetic data', () => {
  const model = syntheticLinkageModel(1500);

  it('the same woman in Russian Cyrillic and Kazakh Latin is the same person; a namesake born elsewhere in time is not', () => {
    const same = scoreWithModel(normaliseRecord(police), normaliseRecord(ngo), model);
    expect(same.decision).toBe('same');
    expect(same.probability).toBeGreaterThan(0.95);
    const namesake = scoreWithModel(
      normaliseRecord(police),
      normaliseRecord({ ...ngo, familyName: 'Жаксыбекова', patronymic: null, birthDate: '1975-11-02' }),
      model,
    );
    expect(namesake.decision).toBe('different');
  });

  it('explains the score field by field, the weights adding up to it', () => {
    const s = scoreWithModel(normaliseRecord(police), normaliseRecord(ngo), model);
    expect(s.explanation.map((e) => e.field)).toContain('birthDate');
    expect(s.explanation.reduce((sum, e) => sum + e.weight, 0)).toBeCloseTo(s.score, 9);
    expect(s.explanation.find((e) => e.field === 'birthDate')).toMatchObject({ level: 'exact' });
  });

  it('is symmetric', () => {
    const ab = scoreWithModel(normaliseRecord(police), normaliseRecord(ngo), model);
    const ba = scoreWithModel(normaliseRecord(ngo), normaliseRecord(police), model);
    expect(ba.score).toBe(ab.score);
    expect(ba.decision).toBe(ab.decision);
  });
});

describe('recall of the keys on a multi-script synthetic register', () => {
  it('a later sighting of a person shares a key with her first record (≥ 99%), in small blocks', () => {
    const people = [...generatePersons({ seed: 7, count: 20_000, duplicateRate: 0.05 })];
    const keysOf = people.map((p) => linkageKeys(normaliseRecord(perturbedLinkageRecord(p))));
    const blocks = new Map<string, number>();
    for (const ks of keysOf) for (const k of ks) blocks.set(k, (blocks.get(k) ?? 0) + 1);
    const first = new Map<string, number>();
    let repeats = 0;
    let met = 0;
    people.forEach((p, i) => {
      const f = first.get(p.canonicalKey);
      if (f === undefined) return void first.set(p.canonicalKey, i);
      repeats++;
      const mine = new Set(keysOf[i]);
      if ((keysOf[f] ?? []).some((k) => mine.has(k))) met++;
    });
    expect(repeats).toBeGreaterThan(500);
    expect(met / repeats).toBeGreaterThanOrEqual(0.99);
    // Rows a lookup touches: the records sharing each key, summed, averaged over records.
    const touched = keysOf.reduce((sum, ks) => sum + ks.reduce((s, k) => s + (blocks.get(k) ?? 0) - 1, 0), 0) / people.length;
    expect(touched).toBeLessThan(20);
  });
});
