import { describe, expect, it } from 'vitest';
import { AGENCY_TYPES } from '../access/roles.ts';
import { detectScript, nameSearchTokens } from '../domain/names/index.ts';
import { COMMON_CITIZENSHIPS, EXPLOITATION_TYPES } from '../reference/htcds.ts';
import { REGION_CODES } from '../reference/regions.ts';
import { isValidIin } from './identity.ts';
import type { NameBank } from './name-bank.ts';
import { KAZAKH } from './names-kk.ts';
import { KYRGYZ, RUSSIAN, TAJIK, TURKIC, UZBEK } from './names-other.ts';
import { generatePersons, SYNTHETIC_REFERENCE_YEAR, syntheticPersonAt, type SyntheticPerson } from './persons.ts';

const take = (options: Parameters<typeof generatePersons>[0]): SyntheticPerson[] => [...generatePersons(options)];
const rootIndex = (p: SyntheticPerson): number => Number(p.canonicalKey.split('-').at(-1));

describe('generatePersons: reproducibility', () => {
  it('gives the same records for the same seed and different ones for another seed', () => {
    const a = take({ seed: 42, count: 500 });
    expect(take({ seed: 42, count: 500 })).toEqual(a);
    const b = take({ seed: 43, count: 500 });
    const same = a.filter((p, i) => JSON.stringify({ ...p, canonicalKey: '' }) === JSON.stringify({ ...b[i], canonicalKey: '' }));
    expect(same.length).toBeLessThan(5);
  });

  it('slices equal the matching part of a full run', () => {
    const full = take({ seed: 7, count: 3000 });
    expect(take({ seed: 7, start: 1000, count: 700 })).toEqual(full.slice(1000, 1700));
    expect(take({ seed: 7, start: 2999, count: 1 })).toEqual(full.slice(2999));
    expect(syntheticPersonAt(7, 1234)).toEqual(full[1234]);
    expect(full.map((p) => p.index)).toEqual(full.map((_, i) => i));
  });

  it('rejects invalid options', () => {
    expect(() => take({ seed: 1, count: -1 })).toThrow(RangeError);
    expect(() => take({ seed: 1, count: 1, start: 1.5 })).toThrow(RangeError);
    expect(() => take({ seed: 1, count: 1, duplicateRate: 2 })).toThrow(RangeError);
    expect(() => take({ seed: Number.NaN, count: 1 })).toThrow(RangeError);
    expect(take({ seed: 1, count: 0 })).toEqual([]);
  });
});

describe('generatePersons: every field valid', () => {
  const people = take({ seed: 2024, count: 20_000 });

  /** Runs `check` on every record and lists the failures (fast: no per-field expect calls). */
  function problems(check: (p: SyntheticPerson) => string[]): string[] {
    const found: string[] = [];
    for (const p of people) for (const problem of check(p)) found.push(`${problem}: ${JSON.stringify(p)}`);
    return found.slice(0, 10);
  }

  it('has valid names, dates, codes and documents', () => {
    const regions = new Set<string>(REGION_CODES);
    const citizenships = new Set<string>(COMMON_CITIZENSHIPS);
    const agencies = new Set<string>(AGENCY_TYPES);
    const exploitation = new Set<string>(EXPLOITATION_TYPES);
    const found = problems((p) => {
      const bad: string[] = [];
      const fail = (ok: boolean, what: string): void => {
        if (!ok) bad.push(what);
      };
      fail(/^syn-2024-\d+$/.test(p.canonicalKey), 'canonicalKey');
      fail(p.firstName.trim().length > 1 && p.secondName.trim().length > 1, 'empty name');
      fail(p.middleName === null || p.middleName.trim().length > 1, 'empty middle name');
      fail(regions.has(p.regionCode), 'region');
      fail(citizenships.has(p.citizenship), 'citizenship');
      fail(agencies.has(p.recordedBy), 'agency');
      fail(p.exploitationTypes.length > 0 && p.exploitationTypes.every((t) => exploitation.has(t)), 'exploitation');
      fail(p.gender === 'Feminine' || p.gender === 'Masculine', 'gender');
      const date = new Date(`${p.birthdate}T00:00:00Z`);
      fail(/^\d{4}-\d{2}-\d{2}$/.test(p.birthdate) && date.toISOString().slice(0, 10) === p.birthdate, 'birthdate');
      const age = SYNTHETIC_REFERENCE_YEAR - date.getUTCFullYear();
      fail(age >= 12 && age <= 60, 'age');
      fail((p.identityNumber === null) === (p.identityDocumentType === null), 'document pair');
      const id = p.identityNumber ?? '';
      if (p.identityDocumentType === 'kz_iin') {
        fail(isValidIin(id), 'IIN check');
        fail(id.slice(0, 6) === p.birthdate.slice(2, 4) + p.birthdate.slice(5, 7) + p.birthdate.slice(8, 10), 'IIN date');
        fail((Number(id[6]) % 2 === 0) === (p.gender === 'Feminine'), 'IIN sex');
        fail(p.citizenship === 'KZ', 'IIN citizenship');
      }
      if (p.identityDocumentType === 'kg_pin') fail(/^[12]\d{13}$/.test(id), 'KG PIN');
      if (p.identityDocumentType === 'uz_pinfl') fail(/^[3-6]\d{13}$/.test(id), 'UZ PINFL');
      if (p.identityDocumentType === 'passport') fail(/^[A-Z0-9]{7,10}$/.test(id), 'passport');
      fail(p.mobilePhone === null || /^\+\d{11,12}$/.test(p.mobilePhone), 'phone');
      return bad;
    });
    expect(found).toEqual([]);
  });

  it('writes names in the script it claims, per agency', () => {
    const found = problems((p) => {
      const full = [p.firstName, p.secondName, p.middleName ?? ''].join(' ');
      const detected = detectScript(full);
      const ok =
        p.script === 'passport_latn'
          ? /^[A-Z -]+$/.test(full) && (p.recordedBy === 'consulate' || p.recordedBy === 'migration_service')
          : p.script === 'uz_latn'
            ? p.citizenship === 'UZ' && detected === 'latn'
            : p.script === 'kk_latn'
              ? detected === 'latn'
              : p.script === 'ru_cyrl'
                ? detected === 'ru_cyrl'
                : detected === 'kk_cyrl' || detected === 'ru_cyrl';
      return ok ? [] : [`script ${p.script} but ${detected}`];
    });
    expect(found).toEqual([]);
  });

  it('has a realistic mix', () => {
    const share = (pred: (p: SyntheticPerson) => boolean, of: SyntheticPerson[] = people): number => of.filter(pred).length / of.length;
    expect(share((p) => p.citizenship === 'KZ')).toBeCloseTo(0.7, 1);
    expect(share((p) => p.citizenship === 'UZ')).toBeCloseTo(0.14, 1);
    expect(share((p) => p.exploitationTypes.includes('ForcedLabour') || p.exploitationTypes.includes('ChildLabour'))).toBeCloseTo(0.57, 1);
    expect(share((p) => p.exploitationTypes.includes('SexualExploitation'))).toBeCloseTo(0.36, 1);
    const sexual = people.filter((p) => p.exploitationTypes[0] === 'SexualExploitation');
    const labour = people.filter((p) => p.exploitationTypes[0] === 'ForcedLabour');
    expect(share((p) => p.gender === 'Feminine', sexual)).toBeGreaterThan(0.85);
    expect(share((p) => p.gender === 'Masculine', labour)).toBeGreaterThan(0.7);
    expect(share((p) => SYNTHETIC_REFERENCE_YEAR - Number(p.birthdate.slice(0, 4)) < 18)).toBeGreaterThan(0.05);
    expect(new Set(people.map((p) => p.script)).size).toBe(5);
    expect(new Set(people.map((p) => p.regionCode)).size).toBe(REGION_CODES.length);
  });
});

describe('generatePersons: duplicates', () => {
  const people = take({ seed: 99, count: 20_000 });
  const duplicates = people.filter((p) => rootIndex(p) !== p.index);

  it('re-records about duplicateRate of records, pointing to earlier ones', () => {
    expect(duplicates.length / people.length).toBeGreaterThan(0.04);
    expect(duplicates.length / people.length).toBeLessThan(0.06);
    for (const d of duplicates) expect(rootIndex(d)).toBeLessThan(d.index);
    const none = take({ seed: 99, count: 2000, duplicateRate: 0 });
    expect(new Set(none.map((p) => p.canonicalKey)).size).toBe(2000);
  });

  it('keeps the person (birthdate, gender, citizenship) and mostly the name tokens', () => {
    let sharing = 0;
    let jaccard = 0;
    let otherScript = 0;
    for (const d of duplicates) {
      const original = people[rootIndex(d)];
      if (original === undefined) throw new Error('root outside the run');
      expect(original.canonicalKey).toBe(d.canonicalKey);
      expect([d.birthdate, d.gender, d.citizenship]).toEqual([original.birthdate, original.gender, original.citizenship]);
      const a = new Set(nameSearchTokens(`${d.firstName} ${d.secondName}`));
      const b = new Set(nameSearchTokens(`${original.firstName} ${original.secondName}`));
      const shared = [...a].filter((t) => b.has(t)).length;
      if (shared > 0) sharing++;
      jaccard += shared / new Set([...a, ...b]).size;
      if (d.script !== original.script) otherScript++;
    }
    expect(sharing / duplicates.length).toBeGreaterThan(0.97);
    expect(jaccard / duplicates.length).toBeGreaterThan(0.85);
    // Most second sightings come in another script, which is the point of the exercise.
    expect(otherScript / duplicates.length).toBeGreaterThan(0.5);
  });
});

describe('name lists', () => {
  const banks: NameBank[] = [KAZAKH, RUSSIAN, UZBEK, KYRGYZ, TAJIK, TURKIC];

  it('have the promised sizes', () => {
    expect(KAZAKH.female.length).toBeGreaterThanOrEqual(60);
    expect(KAZAKH.male.length).toBeGreaterThanOrEqual(60);
    expect(KAZAKH.surnames.length).toBeGreaterThanOrEqual(80);
    expect(RUSSIAN.female.length + RUSSIAN.male.length).toBeGreaterThanOrEqual(40);
    expect(RUSSIAN.surnames.length).toBeGreaterThanOrEqual(40);
    expect(UZBEK.female.length + UZBEK.male.length + UZBEK.surnames.length).toBeGreaterThanOrEqual(40);
    expect(KYRGYZ.female.length + KYRGYZ.male.length + KYRGYZ.surnames.length).toBeGreaterThanOrEqual(30);
  });

  it('keep distinct names apart under nameSearchTokens (precision on real names)', () => {
    for (const bank of banks) {
      for (const list of [bank.female, bank.male, bank.surnames]) {
        const keys = new Map<string, string>();
        for (const name of list) {
          const key = nameSearchTokens(name).join(' ');
          expect(keys.get(key), `${bank.id}: ${name} vs ${keys.get(key)}`).toBeUndefined();
          keys.set(key, name);
        }
      }
    }
  });

  it('store Kazakh names in Kazakh Cyrillic and Uzbek names in Uzbek Latin', () => {
    expect(KAZAKH.female.some((n) => detectScript(n) === 'kk_cyrl')).toBe(true);
    for (const n of [...UZBEK.female, ...UZBEK.male, ...UZBEK.surnames]) expect(detectScript(n)).toBe('latn');
    expect(UZBEK.male.join(' ')).toMatch(/oʻ|gʻ/i);
  });
});

describe('generatePersons: scale', () => {
  it('streams 100,000 persons', () => {
    let count = 0;
    let last: SyntheticPerson | undefined;
    for (const p of generatePersons({ seed: 1, count: 100_000 })) {
      count++;
      last = p;
    }
    expect(count).toBe(100_000);
    expect(last?.index).toBe(99_999);
  });
});
