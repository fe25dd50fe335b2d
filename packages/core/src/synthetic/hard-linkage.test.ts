import { describe, expect, it } from 'vitest';
import { parseBirthDate } from '../domain/linkage/linkage-record.ts';
import { ALPHA3, generateHardLinkageRecords, HARD_PROFILE, type HardLinkageRecord } from './hard-linkage.ts';

const N = 10_000;
const records = generateHardLinkageRecords({ seed: 7, count: N });
const share = (f: (r: HardLinkageRecord) => boolean): number => records.filter(f).length / records.length;

/** One record per person (the truth is the same on all of a person's records). */
const persons = [...new Map(records.map((r) => [r.entity, r])).values()];

describe('generateHardLinkageRecords', () => {
  it('is deterministic for a seed, differs between seeds, and writes exactly `count` records with unique ids', () => {
    expect(generateHardLinkageRecords({ seed: 7, count: 500 })).toEqual(generateHardLinkageRecords({ seed: 7, count: 500 }));
    expect(generateHardLinkageRecords({ seed: 8, count: 500 })).not.toEqual(generateHardLinkageRecords({ seed: 7, count: 500 }));
    expect(records).toHaveLength(N);
    expect(new Set(records.map((r) => r.id)).size).toBe(N);
    expect(generateHardLinkageRecords({ seed: 7, count: 0 })).toEqual([]);
    expect(() => generateHardLinkageRecords({ seed: 7, count: -1 })).toThrow(RangeError);
  });

  it('re-records a person in about a fifth of the records, some persons many times, and not adjacently', () => {
    const duplicateShare = 1 - persons.length / N;
    expect(duplicateShare).toBeGreaterThan(0.17);
    expect(duplicateShare).toBeLessThan(0.27);
    const perEntity = new Map<string, number>();
    for (const r of records) perEntity.set(r.entity, (perEntity.get(r.entity) ?? 0) + 1);
    expect(Math.max(...perEntity.values())).toBeGreaterThanOrEqual(5);
    let adjacent = 0;
    for (let k = 1; k < N; k++) if (records[k]?.entity === records[k - 1]?.entity) adjacent++;
    expect(adjacent).toBeLessThan(20);
  });

  it('has missing, year-only and full birth dates in the stated shares and three formats', () => {
    expect(Math.abs(share((r) => r.birthDate === null) - HARD_PROFILE.birthMissing)).toBeLessThan(0.01);
    expect(Math.abs(share((r) => /^\d{4}$/.test(r.birthDate ?? '')) - HARD_PROFILE.birthYearOnly)).toBeLessThan(0.008);
    expect(share((r) => /^\d{2}\.\d{2}\.\d{4}$/.test(r.birthDate ?? ''))).toBeGreaterThan(0.35);
    expect(share((r) => /^\d{4}-\d{2}-\d{2}$/.test(r.birthDate ?? ''))).toBeGreaterThan(0.25);
    expect(share((r) => /^\d{8}$/.test(r.birthDate ?? ''))).toBeGreaterThan(0.1);
  });

  it('mistypes some full dates: a digit or day and month, so they differ from the truth', () => {
    const full = records.filter((r) => /^\d{2}\.\d{2}\.\d{4}$/.test(r.birthDate ?? ''));
    const wrong = full.filter((r) => {
      const p = parseBirthDate(r.birthDate);
      const [y, m, d] = r.truth.birthDate.split('-').map(Number);
      return !(p !== null && p.year === y && p.month === m && p.day === d);
    });
    // Swaps whose day is ≤ 12 and digit slips show as a different date; about 3% of full dates.
    expect(wrong.length / full.length).toBeGreaterThan(0.015);
    expect(wrong.length / full.length).toBeLessThan(0.06);
  });

  it('writes citizenship as ICAO alpha-3 in about a third of records, alpha-2 in most others', () => {
    const present = 1 - HARD_PROFILE.citizenshipMissing;
    expect(Math.abs(share((r) => r.citizenship === null) - HARD_PROFILE.citizenshipMissing)).toBeLessThan(0.015);
    expect(Math.abs(share((r) => (r.citizenship ?? '').length === 3) - present * HARD_PROFILE.citizenshipAlpha3)).toBeLessThan(0.02);
    for (const r of records) if (r.citizenship?.length === 3) expect(r.citizenship).toBe(ALPHA3[r.truth.citizenship]);
    expect(records.some((r) => r.citizenship === 'UZB')).toBe(true);
  });

  it('leaves a few records without a family name and gives some only a full name', () => {
    const noFamily = share((r) => r.familyName === null && r.fullName === null);
    expect(noFamily).toBeGreaterThan(0.015);
    expect(noFamily).toBeLessThan(0.045);
    expect(share((r) => r.fullName !== null && r.givenName === null)).toBeGreaterThan(0.025);
  });

  it('writes names in several scripts', () => {
    expect(new Set(records.map((r) => r.script))).toEqual(new Set(['kk_cyrl', 'ru_cyrl', 'kk_latn', 'uz_latn', 'passport_latn']));
  });

  it('draws given names Zipf-like: the commonest covers a large share while most names are rare', () => {
    const counts = new Map<string, number>();
    for (const p of persons) counts.set(p.truth.givenName, (counts.get(p.truth.givenName) ?? 0) + 1);
    const sorted = [...counts.values()].sort((a, b) => b - a);
    const top = (sorted[0] ?? 0) / persons.length;
    const median = (sorted[Math.floor(sorted.length / 2)] ?? 0) / persons.length;
    expect(top).toBeGreaterThan(0.03);
    expect(top / median).toBeGreaterThan(20);
    const rare = sorted.filter((c) => c / persons.length < 0.005).length;
    expect(rare / sorted.length).toBeGreaterThan(0.6);
  });

  it('has many namesakes: different persons with the same given name and with the same given and family name but other birth dates', () => {
    const byFull = new Map<string, HardLinkageRecord[]>();
    for (const p of persons) {
      const k = `${p.truth.givenName} ${p.truth.familyName}`;
      byFull.set(k, [...(byFull.get(k) ?? []), p]);
    }
    const shared = [...byFull.values()].filter((g) => g.length > 1);
    expect(shared.length).toBeGreaterThan(300);
    expect(Math.max(...shared.map((g) => g.length))).toBeGreaterThanOrEqual(10);
    expect(shared.some((g) => new Set(g.map((p) => p.truth.birthDate)).size > 1)).toBe(true);
  });
});
