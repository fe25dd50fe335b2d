import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORM_CATEGORIES } from './categories.ts';
import { TOTAL } from './disclosure/publication.ts';
import { findDisclosures } from './disclosure/suppression.ts';
import {
  GLOTIP_FORM_OF,
  GLOTIP_FORMS,
  glotipGroupOf,
  type InternationalJusticeCounts,
  type ProtectedInternationalTable,
  internationalTables,
  internationalVictimCube,
} from './international-tables.ts';
import type { VictimCell } from './victim-figures.ts';

const victims = (n: number, over: Partial<VictimCell> = {}): VictimCell => ({
  form: 'SexualExploitation',
  citizenship: 'KZ',
  sex: 'female',
  ageGroup: 'adult',
  region: 'KZ-75',
  agencyType: 'police',
  referredBy: null,
  participated: false,
  n,
  ...over,
});
const NO_JUSTICE: InternationalJusticeCounts = { investigations: 0, prosecutions: 0, convicted: 0, officialsConvicted: 0, officialSuspects: 0 };

const tableOf = (tables: ProtectedInternationalTable[], id: string) => tables.find((t) => t.id === id) as ProtectedInternationalTable;
/** The row whose categories are exactly these (any other dimension of the table is a total). */
const shown = (table: ProtectedInternationalTable, coords: Record<string, string>) => {
  const row = table.rows.find((r) => table.dimensions.every((d) => r.coords[d] === (coords[d] ?? TOTAL)));
  if (!row) throw new Error(`${table.id} has no row ${JSON.stringify(coords)}`);
  return 'value' in row.shown ? row.shown.value : row.shown.suppressed;
};
const mainTables = (tables: ProtectedInternationalTable[]) =>
  tables.filter((t) => t.unit === 'victims' && !['tip.victims.referred', 'tip.victims.participated'].includes(t.id));

describe('GLOTIP forms', () => {
  it('places every form the engine counts in one of GLOTIP’s', () => {
    for (const form of FORM_CATEGORIES) expect(GLOTIP_FORMS).toContain(GLOTIP_FORM_OF[form]);
    expect(GLOTIP_FORM_OF.Servitude).toBe('forced_labour');
    expect(GLOTIP_FORM_OF.ForcedCriminality).toBe('other_purposes');
    expect(GLOTIP_FORM_OF.ForcedBegging).toBe('other_purposes');
    expect(GLOTIP_FORM_OF.OrganRemoval).toBe('other_purposes');
    expect(GLOTIP_FORM_OF.ForcedMarriage).toBe('other_purposes');
    expect(GLOTIP_FORM_OF.Multiple).toBe('other_purposes');
    expect(GLOTIP_FORM_OF.Unknown).toBe('unknown');
  });

  it('names women, girls, men and boys', () => {
    expect([glotipGroupOf('female', 'adult'), glotipGroupOf('female', 'child'), glotipGroupOf('male', 'adult'), glotipGroupOf('male', 'child')]).toEqual([
      'women',
      'girls',
      'men',
      'boys',
    ]);
    expect(glotipGroupOf('female', TOTAL)).toBeNull();
    expect(glotipGroupOf('unknown', 'adult')).toBeNull();
  });
});

describe('international tables', () => {
  const cells = [
    victims(30, { form: 'SexualExploitation', citizenship: 'KZ', sex: 'female', ageGroup: 'adult', referredBy: 'ngo' }),
    victims(14, { form: 'ForcedLabour', citizenship: 'UZ', sex: 'male', ageGroup: 'adult', participated: true, referredBy: 'police' }),
    victims(12, { form: 'ForcedCriminality', citizenship: 'KG', sex: 'male', ageGroup: 'adult' }),
    // Four girls from Uzbekistan in domestic servitude: forced labour to GLOTIP.
    victims(4, { form: 'Servitude', citizenship: 'UZ', sex: 'female', ageGroup: 'child' }),
  ];
  const tables = internationalTables(cells, { investigations: 25, prosecutions: 7, convicted: 20, officialsConvicted: 3, officialSuspects: 0 });

  it('counts women, girls, men and boys exactly where a cell holds 11 or more, "<11" below, and hides what would give a small cell away', () => {
    const sexAge = tableOf(tables, 'glotip.victims.sex_age');
    expect(shown(sexAge, { sex: 'male', ageGroup: 'adult' })).toBe(26);
    expect(shown(sexAge, { sex: 'male', ageGroup: 'child' })).toBe(0);
    expect(shown(sexAge, { sex: 'female', ageGroup: 'child' })).toBe('small');
    expect(shown(sexAge, {})).toBe(60);
    // Women (30) and all women and girls (34) cannot both be shown: 34 − 30 = 4.
    expect([shown(sexAge, { sex: 'female', ageGroup: 'adult' }), shown(sexAge, { sex: 'female' })]).toContain('secondary');
  });

  it('groups forms as GLOTIP does and splits citizens from foreign nationals by country', () => {
    const form = tableOf(tables, 'glotip.victims.form');
    expect(shown(form, { form: 'sexual_exploitation' })).toBe(30);
    expect(shown(form, { form: 'forced_labour' })).toBe(14 + 4);
    expect(shown(form, { form: 'other_purposes' })).toBe(12);
    expect(form.rows.some((r) => r.coords.form === 'unknown')).toBe(false);
    const citizenship = tableOf(tables, 'glotip.victims.citizenship');
    expect(shown(citizenship, { citizenGroup: 'citizen' })).toBe(30);
    expect(shown(citizenship, { citizenGroup: 'foreign', citizenship: 'UZ' })).toBe(14 + 4);
    expect(shown(citizenship, { citizenGroup: 'foreign', citizenship: 'KG' })).toBe(12);
    expect(shown(citizenship, { citizenGroup: 'foreign' })).toBe(30);
    // Structural zeros (a citizen of Uzbekistan) are not printed.
    expect(citizenship.rows.some((r) => r.coords.citizenGroup === 'citizen' && r.coords.citizenship !== TOTAL)).toBe(false);
  });

  it('no table, total or difference of the victims’ tables reveals a small group', () => {
    const cube = internationalVictimCube(cells);
    const printed = mainTables(tables).map((t) => ({ id: t.id, dimensions: t.dimensions, where: {}, cells: t.rows }));
    expect(findDisclosures(cube, printed)).toEqual([]);
  });

  it('prints justice counts with 1–10 as "<11", officials among the convicted protected with the total', () => {
    expect(shown(tableOf(tables, 'tip.investigations'), {})).toBe(25);
    expect(shown(tableOf(tables, 'tip.prosecutions'), {})).toBe('small');
    expect(shown(tableOf(tables, 'glotip.prosecuted'), {})).toBe('small');
    const convictions = tableOf(tables, 'tip.convictions');
    expect(shown(convictions, {})).toBe(20);
    expect(shown(convictions, { part: 'official' })).toBe('small');
    expect(convictions.rows.some((r) => r.coords.part === 'other')).toBe(false);
    expect(shown(tableOf(tables, 'tip.officials_suspected'), {})).toBe(0);
  });

  it('prints referral and participation only when the grand total is shown exactly', () => {
    const referred = tableOf(tables, 'tip.victims.referred');
    expect(referred.withheld).toBe(false);
    expect(shown(referred, { referred: 'no' })).toBe(12 + 4);
    expect(shown(referred, { referred: 'yes' })).toBe(30 + 14);
    expect(shown(referred, { referred: 'yes', referredBy: 'ngo' })).toBe(30);
    expect(shown(referred, { referred: 'yes', referredBy: 'police' })).toBe(14);
    expect(shown(tableOf(tables, 'tip.victims.participated'), { participated: 'yes' })).toBe(14);

    const few = internationalTables([victims(7, { referredBy: 'ngo' })], NO_JUSTICE);
    expect(shown(tableOf(few, 'tip.victims.total'), {})).toBe('small');
    expect(tableOf(few, 'tip.victims.referred')).toMatchObject({ withheld: true, rows: [] });
    expect(tableOf(few, 'tip.victims.participated')).toMatchObject({ withheld: true, rows: [] });
  });

  it('a year without victims publishes zeros', () => {
    const empty = internationalTables([], NO_JUSTICE);
    expect(shown(tableOf(empty, 'tip.victims.total'), {})).toBe(0);
    expect(shown(tableOf(empty, 'glotip.victims.sex_age'), { sex: 'female', ageGroup: 'adult' })).toBe(0);
    expect(tableOf(empty, 'tip.victims.referred').withheld).toBe(false);
  });

  it('whatever the victims, every printed count is exact or suppressed and nothing small can be worked out', () => {
    const cell = fc.record({
      form: fc.constantFrom(...FORM_CATEGORIES),
      citizenship: fc.constantFrom('KZ', 'UZ', 'XX'),
      sex: fc.constantFrom('female' as const, 'male' as const, 'unknown' as const),
      ageGroup: fc.constantFrom('child' as const, 'adult' as const),
      n: fc.integer({ min: 1, max: 30 }),
    });
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 6 }), (list) => {
        const cells = list.map((c) => victims(c.n, c));
        const tables = internationalTables(cells, NO_JUSTICE);
        const total = cells.reduce((s, c) => s + c.n, 0);
        const grand = shown(tableOf(tables, 'tip.victims.total'), {});
        expect(grand === total || (total > 0 && total < 11 && grand === 'small') || grand === 'secondary').toBe(true);
        const printed = mainTables(tables).map((t) => ({ id: t.id, dimensions: t.dimensions, where: {}, cells: t.rows }));
        expect(findDisclosures(internationalVictimCube(cells), printed)).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });
});
