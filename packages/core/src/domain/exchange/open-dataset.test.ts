import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REGION_CODES } from '../../reference/regions.ts';
import {
  CITIZENSHIP_REGIONS,
  type GeneralisationLevels,
  isAllowedOpenDatasetValue,
  KZ_MACRO_REGIONS,
  OPEN_DATASET_COLUMNS,
  OPEN_DATASET_QI_COLUMNS,
  type OpenDatasetRow,
  type OpenDatasetSource,
  publishOpenDataset,
  verifyKAnonymity,
} from './open-dataset.ts';

// Skewed on purpose: a few templates repeated many times (as a real caseload is: mostly Kazakh
// women of a few ages in a few regions), plus noise with rare citizenships, unknown ages and regions.
const source: fc.Arbitrary<OpenDatasetSource> = fc.record({
  yearOfRegistration: fc.integer({ min: 2017, max: 2026 }),
  gender: fc.constantFrom('Feminine', 'Feminine', 'Masculine', 'Other', 'Unknown'),
  age: fc.oneof(
    { weight: 2, arbitrary: fc.constant(null) },
    { weight: 5, arbitrary: fc.integer({ min: 0, max: 80 }) },
    { weight: 1, arbitrary: fc.constantFrom(17, 18, 17.5, 8.9, -1) },
  ),
  citizenship: fc.oneof(
    { weight: 5, arbitrary: fc.constant('KZ') },
    { weight: 3, arbitrary: fc.constantFrom('UZ', 'KG', 'TJ', 'RU', 'CN') },
    { weight: 1, arbitrary: fc.constantFrom('AF', 'TR', 'BR', 'LT', 'XX', 'kz', ' uz ') },
    { weight: 2, arbitrary: fc.constant(null) },
  ),
  exploitation: fc.subarray(['ForcedLabour', 'SexualExploitation', 'ForcedCriminality', 'Other'], { maxLength: 2 }),
  regionCode: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...REGION_CODES) }, { weight: 1, arbitrary: fc.constantFrom(null, 'KZ-99') }),
});
const dataset = fc
  .tuple(
    fc.array(source, { minLength: 1, maxLength: 4 }),
    fc.array(fc.nat(), { maxLength: 270, size: 'max' }),
    fc.array(source, { maxLength: 30, size: 'max' }),
  )
  .map(([pool, picks, noise]) => [...picks.map((i) => pool[i % pool.length] as OpenDatasetSource), ...noise]);

// The hierarchy worked out again, independently of the module (regions and countries from its tables).
const BANDS: [number, number, string][] = [
  [0, 8, '0--8'],
  [9, 17, '9--17'],
  [18, 20, '18--20'],
  [21, 23, '21--23'],
  [24, 26, '24--26'],
  [27, 29, '27--29'],
  [30, 38, '30--38'],
  [39, 47, '39--47'],
  [48, 200, '48+'],
];
const TEST_CITIZENSHIP: Record<string, [string, string]> = {
  KZ: ['KZ', 'KZ'],
  UZ: ['CentralAsia', 'Foreign'],
  KG: ['CentralAsia', 'Foreign'],
  TJ: ['CentralAsia', 'Foreign'],
  RU: ['CisEasternEurope', 'Foreign'],
  CN: ['EastAsia', 'Foreign'],
  AF: ['SouthAsia', 'Foreign'],
  TR: ['Other', 'Foreign'],
  BR: ['Other', 'Foreign'],
  LT: ['Other', 'Foreign'],
};

function expectedRow(s: OpenDatasetSource, levels: GeneralisationLevels): OpenDatasetRow {
  const age = s.age !== null && s.age >= 0 ? Math.floor(s.age) : null;
  const band = age === null ? 'Unknown' : (BANDS.find(([lo, hi]) => age >= lo && age <= hi)?.[2] ?? '?');
  const majority = age === null ? 'Unknown' : age < 18 ? 'Minor' : 'Adult';
  const from = 2000 + 3 * Math.floor((s.yearOfRegistration - 2000) / 3);
  const code = s.citizenship?.trim().toUpperCase() ?? '';
  const cit = TEST_CITIZENSHIP[code];
  const macro = Object.entries(KZ_MACRO_REGIONS).find(([, m]) => (m as readonly string[]).includes(s.regionCode ?? ''))?.[0];
  const has = (e: string) => (s.exploitation.includes(e) ? 1 : 0);
  return {
    yearOfRegistration: [String(s.yearOfRegistration), `${from}--${from + 2}`, '*'][levels.year] ?? '?',
    gender: levels.gender === 0 ? s.gender : '*',
    ageBroad: levels.age === 0 ? band : '*',
    majorityStatus: levels.age < 2 ? majority : '*',
    citizenship: levels.citizenship === 3 ? '*' : cit ? ([code, ...cit][levels.citizenship] ?? '?') : 'Unknown',
    regionOfIdentification: levels.region === 2 ? '*' : macro ? ([s.regionCode, macro][levels.region] ?? '?') : 'Unknown',
    isForcedLabour: has('ForcedLabour'),
    isSexualExploit: has('SexualExploitation'),
    isOtherExploit: s.exploitation.some((e) => e !== 'ForcedLabour' && e !== 'SexualExploitation') ? 1 : 0,
  };
}

const key = (r: OpenDatasetRow) => JSON.stringify(OPEN_DATASET_QI_COLUMNS.map((c) => r[c]));
const countRows = (rows: readonly OpenDatasetRow[]) => {
  const sizes = new Map<string, number>();
  for (const r of rows) sizes.set(key(r), (sizes.get(key(r)) ?? 0) + 1);
  return sizes;
};
const classSizes = (rows: readonly OpenDatasetRow[]) => [...countRows(rows).values()];

const record = (over: Partial<OpenDatasetSource> = {}): OpenDatasetSource => ({
  yearOfRegistration: 2024,
  gender: 'Feminine',
  age: 30,
  citizenship: 'KZ',
  exploitation: ['SexualExploitation'],
  regionCode: 'KZ-75',
  ...over,
});
const times = <T>(n: number, r: T): T[] => Array.from({ length: n }, () => r);
const FINEST: GeneralisationLevels = { gender: 0, age: 0, year: 0, citizenship: 0, region: 0 };

describe('open dataset (k-anonymous, CTDC style)', () => {
  it('when it publishes, every class has ≥ k rows, rows + suppressed = records, each row generalises a distinct record, and the check agrees', () => {
    let published = 0;
    let runs = 0;
    fc.assert(
      fc.property(dataset, (records) => {
        const result = publishOpenDataset(records);
        runs += 1;
        if (!result.ok) return;
        published += 1;
        expect(Math.min(...classSizes(result.rows))).toBeGreaterThanOrEqual(11);
        expect(result.rows.length + result.suppressed).toBe(records.length);
        expect(result.suppressed / records.length).toBeLessThanOrEqual(0.05);
        expect(verifyKAnonymity(result.rows, OPEN_DATASET_QI_COLUMNS, 11)).toBe(result.kReached);
        expect(result.kReached).toBe(Math.min(...classSizes(result.rows)));
        // Map each row back onto a record not yet used, generalised by our own reading of the hierarchy.
        const unused = new Map<string, number>();
        for (const r of records) {
          const whole = JSON.stringify(expectedRow(r, result.levels));
          unused.set(whole, (unused.get(whole) ?? 0) + 1);
        }
        for (const row of result.rows) {
          const whole = JSON.stringify(row);
          expect(unused.get(whole) ?? 0, whole).toBeGreaterThan(0);
          unused.set(whole, (unused.get(whole) ?? 0) - 1);
        }
        // Least loss: no attribute could have stayed one level finer within the suppression limit.
        for (const attr of Object.keys(result.levels) as (keyof GeneralisationLevels)[]) {
          if (result.levels[attr] === 0) continue;
          const finer = { ...result.levels, [attr]: result.levels[attr] - 1 };
          const sizes = countRows(records.map((r) => expectedRow(r, finer)));
          const suppressed = records.map((r) => sizes.get(key(expectedRow(r, finer))) ?? 0).filter((n) => n < 11).length;
          expect(suppressed / records.length, `${attr} finer`).toBeGreaterThan(0.05);
        }
      }),
      { numRuns: 150 },
    );
    // The property says nothing unless many runs publish (about half do).
    expect(published).toBeGreaterThan(runs / 5);
  });

  it('the order of the records does not change the output', () => {
    const shuffled = dataset.chain((records) => fc.tuple(fc.constant(records), fc.shuffledSubarray(records, { minLength: records.length })));
    fc.assert(
      fc.property(shuffled, ([records, permuted]) => {
        expect(publishOpenDataset(permuted)).toEqual(publishOpenDataset(records));
      }),
      { numRuns: 60 },
    );
  });

  it('a refusal returns no rows', () => {
    const small = fc.array(source, { maxLength: 40 });
    fc.assert(
      fc.property(fc.oneof(small, dataset), (records) => {
        const result = publishOpenDataset(records);
        if (result.ok) return;
        expect(result).not.toHaveProperty('rows');
        if (result.reason === 'too_few_records') expect(result.suppressed).toBe(records.length);
        else expect(result.suppressed).toBeGreaterThan(0);
        expect(result.kReached).toBeLessThanOrEqual(records.length);
      }),
      { numRuns: 100 },
    );
  });

  it('fewer than k records: too_few_records', () => {
    expect(publishOpenDataset(times(10, record()))).toEqual({ ok: false, reason: 'too_few_records', k: 11, kReached: 10, suppressed: 10, records: 10 });
    expect(publishOpenDataset([])).toMatchObject({ ok: false, reason: 'too_few_records', kReached: 0, suppressed: 0 });
    expect(publishOpenDataset(times(4, record()), { k: 5 })).toMatchObject({ ok: false, reason: 'too_few_records' });
  });

  it('worked by hand: 11 identical records publish at the finest level', () => {
    const result = publishOpenDataset(times(11, record()));
    expect(result).toMatchObject({ ok: true, k: 11, kReached: 11, suppressed: 0, levels: FINEST, loss: 0 });
    if (result.ok) expect(result.rows).toEqual(times(11, expectedRow(record(), FINEST)));
  });

  it('worked by hand: 10 + 1 outlier aged 25 against 30 — suppressing it would be 9 %, so age goes to majority status', () => {
    const result = publishOpenDataset([...times(10, record()), record({ age: 25 })]);
    expect(result).toMatchObject({ ok: true, kReached: 11, suppressed: 0, levels: { ...FINEST, age: 1 }, loss: 3 });
    if (result.ok) expect(new Set(result.rows.map((r) => `${r.ageBroad}/${r.majorityStatus}`))).toEqual(new Set(['*/Adult']));
  });

  it('worked by hand: 22 + 1 Uzbek citizen — 1/23 ≤ 5 % is suppressed; with no suppression allowed citizenship is suppressed instead', () => {
    const records = [...times(22, record()), record({ citizenship: 'UZ' })];
    expect(publishOpenDataset(records)).toMatchObject({ ok: true, suppressed: 1, levels: FINEST, kReached: 22 });
    const none = publishOpenDataset(records, { maxSuppressedShare: 0 });
    expect(none).toMatchObject({ ok: true, suppressed: 0, levels: { ...FINEST, citizenship: 3 }, kReached: 23 });
  });

  it('maxSuppressedShare = 0 when no level avoids suppression (an exploitation flag, never generalised, sets one apart): k_not_met', () => {
    const records = [...times(21, record()), record({ exploitation: ['ForcedLabour'] })];
    expect(publishOpenDataset(records, { maxSuppressedShare: 0 })).toEqual({ ok: false, reason: 'k_not_met', k: 11, kReached: 1, suppressed: 1, records: 22 });
    expect(publishOpenDataset(records)).toMatchObject({ ok: true, suppressed: 1, levels: FINEST });
  });

  it('verifyKAnonymity returns the smallest class over the given columns, 0 for no rows; bad options are refused', () => {
    const a = expectedRow(record(), FINEST);
    const b = { ...a, gender: 'Masculine' };
    expect(verifyKAnonymity([a, a, b], OPEN_DATASET_QI_COLUMNS, 2)).toBe(1);
    expect(verifyKAnonymity([a, a, b], ['ageBroad'], 2)).toBe(3);
    expect(verifyKAnonymity([], OPEN_DATASET_QI_COLUMNS, 11)).toBe(0);
    expect(() => publishOpenDataset([], { k: 0 })).toThrow(RangeError);
    expect(() => publishOpenDataset([], { maxSuppressedShare: 1 })).toThrow(RangeError);
    expect(() => publishOpenDataset(times(11, record({ yearOfRegistration: 2024.5 })))).toThrow(RangeError);
  });

  it('the hierarchies partition their domains: every region in one macro-region, no country in two world regions, Kazakhstan in none', () => {
    const regions = Object.values(KZ_MACRO_REGIONS).flat();
    expect([...regions].sort()).toEqual([...REGION_CODES].sort());
    const countries = Object.values(CITIZENSHIP_REGIONS).flat();
    expect(new Set(countries).size).toBe(countries.length);
    expect(countries).not.toContain('KZ');
  });

  it('the dictionary lists every output column, and every published value is among its allowed values', () => {
    expect(OPEN_DATASET_COLUMNS.map((c) => c.column)).toEqual(Object.keys(expectedRow(record(), FINEST)));
    fc.assert(
      fc.property(dataset, (records) => {
        const result = publishOpenDataset(records, { maxSuppressedShare: 0.2 });
        if (!result.ok) return;
        for (const row of result.rows) {
          expect(Object.keys(row)).toEqual(OPEN_DATASET_COLUMNS.map((c) => c.column));
          for (const column of OPEN_DATASET_COLUMNS)
            expect(isAllowedOpenDatasetValue(column, row[column.column]), `${column.column}=${row[column.column]}`).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});
