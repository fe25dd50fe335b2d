import { describe, expect, it } from 'vitest';
import { blockingKeys, candidatePairs } from './blocking.ts';
import { normaliseRecord } from './linkage-record.ts';

describe('blocking', () => {
  const recs = [
    { id: '0', givenName: 'Қанат', familyName: 'Сапаров', birthDate: '1984-12-12' },
    { id: '1', givenName: 'SAPAROV', familyName: 'KANAT', birthDate: '12.12.1984' }, // swapped order
    { id: '2', givenName: 'Kanat', familyName: 'Saparov', birthDate: '1985' }, // other year, no document
    { id: '3', givenName: 'Айгерим', familyName: 'Есенова', birthDate: '1985', documentNumber: '841212344309' },
    { id: '4', givenName: 'Aigerim', familyName: 'Esenova', birthDate: '1990-01-01', documentNumber: '841212344309' },
    { id: '5', givenName: 'Асель', familyName: 'Каримова', birthDate: '1970' },
  ].map(normaliseRecord);

  it('makes name+year, document and family-prefix keys', () => {
    const keys = blockingKeys(recs[3] ?? recs[0]!);
    expect(keys).toEqual(expect.arrayContaining(['n:aigerim:1985', 'n:esen:1985', 'd:841212344309', 'f:ese:1985']));
  });

  it('pairs swapped names and shared documents, once each, and nothing unrelated', () => {
    const pairs = candidatePairs(recs);
    expect(pairs).toContainEqual([0, 1]);
    expect(pairs).toContainEqual([3, 4]); // different years, same document
    expect(pairs.some(([i, j]) => i === 5 || j === 5)).toBe(false);
    expect(new Set(pairs.map((p) => p.join())).size).toBe(pairs.length);
    expect(pairs.every(([i, j]) => i < j)).toBe(true);
  });

  it('skips blocks above the size cap', () => {
    const many = Array.from({ length: 6 }, (_, i) => normaliseRecord({ id: String(i), givenName: 'Айгерим' }));
    expect(candidatePairs(many).length).toBe(15);
    expect(candidatePairs(many, { maxBlockSize: 5 })).toEqual([]);
  });
});
