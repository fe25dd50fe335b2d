import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGENCY_TYPES } from '../../access/roles.ts';
import { AGE_GROUPS, FORM_CATEGORIES, SEX_CATEGORIES, ageGroupOf, citizenGroupOf, formCategoryOf, sexCategoryOf } from './categories.ts';
import { breakdown, filterCells, type VictimCell, type VictimDimension, victimFigures } from './victim-figures.ts';

const cell: fc.Arbitrary<VictimCell> = fc.record({
  form: fc.constantFrom(...FORM_CATEGORIES),
  citizenship: fc.constantFrom('KZ', 'UZ', 'KG', 'TJ', 'XX'),
  sex: fc.constantFrom(...SEX_CATEGORIES),
  ageGroup: fc.constantFrom(...AGE_GROUPS),
  region: fc.constantFrom('KZ-75', 'KZ-71', 'KZ-61'),
  agencyType: fc.constantFrom(...AGENCY_TYPES),
  referredBy: fc.option(fc.constantFrom(...AGENCY_TYPES), { nil: null }),
  participated: fc.boolean(),
  n: fc.integer({ min: 0, max: 50 }),
});
const DIMENSIONS: VictimDimension[] = ['form', 'citizenGroup', 'citizenship', 'sex', 'ageGroup', 'region', 'agencyType', 'referredBy', 'participated'];

describe('counting rules: categories', () => {
  it('a person exploited in two forms counts once, under "more than one form"', () => {
    expect(formCategoryOf(['SexualExploitation'])).toBe('SexualExploitation');
    expect(formCategoryOf(['ForcedLabour', 'ForcedBegging'])).toBe('Multiple');
    expect(formCategoryOf(['ForcedLabour', 'ForcedLabour'])).toBe('ForcedLabour');
    expect(formCategoryOf([])).toBe('Unknown');
    expect(formCategoryOf(['NotAForm'])).toBe('Unknown');
  });

  it('a child turns at most 17 in the year of identification; unknown without a birth year', () => {
    expect(ageGroupOf(2005, 2022)).toBe('child');
    expect(ageGroupOf(2004, 2022)).toBe('adult');
    expect(ageGroupOf(null, 2022)).toBe('unknown');
    expect(ageGroupOf(2023, 2022)).toBe('unknown');
  });

  it('groups sex and citizenship as published tables do', () => {
    expect(sexCategoryOf('Feminine')).toBe('female');
    expect(sexCategoryOf('TransgenderMasculine')).toBe('other');
    expect(sexCategoryOf('NonSpecifiedUnknown')).toBe('unknown');
    expect(citizenGroupOf('KZ')).toBe('citizen');
    expect(citizenGroupOf('XX')).toBe('foreign');
  });
});

describe('counting rules: every breakdown adds up to the total', () => {
  it('property: each dimension partitions the persons, and filters select exactly their share', () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 40 }), (cells) => {
        const figures = victimFigures(cells);
        const total = cells.reduce((s, c) => s + c.n, 0);
        expect(figures.total).toBe(total);
        for (const d of DIMENSIONS) {
          const rows = breakdown(cells, d);
          expect(rows.reduce((s, r) => s + r.n, 0)).toBe(total);
          for (const r of rows) expect(filterCells(cells, { [d]: r.category }).reduce((s, c) => s + c.n, 0)).toBe(r.n);
        }
        const split = figures.formByCitizenGroup.reduce((s, f) => s + f.citizen + f.foreign, 0);
        expect(split).toBe(total);
        expect(figures.referred + (figures.byReferredBy.find((r) => r.category === 'none')?.n ?? 0)).toBe(total);
      }),
      { numRuns: 200 },
    );
  });

  it('lists forms in HTCDS order and leaves out categories with no one', () => {
    const base = { citizenship: 'KZ', sex: 'female', ageGroup: 'adult', region: 'KZ-75', agencyType: 'police', referredBy: null, participated: false } as const;
    const cells: VictimCell[] = [
      { ...base, form: 'Multiple', n: 1 },
      { ...base, form: 'SexualExploitation', n: 21 },
      { ...base, form: 'ForcedLabour', n: 3 },
      { ...base, form: 'ForcedBegging', n: 0 },
    ];
    expect(victimFigures(cells).byForm.map((r) => r.category)).toEqual(['ForcedLabour', 'SexualExploitation', 'Multiple']);
  });
});
