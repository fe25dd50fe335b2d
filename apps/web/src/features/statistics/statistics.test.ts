import { describe, expect, it } from 'vitest';
import { wrapLabel } from './chart-options.ts';
import { colourScale, PALETTES, textOn, ZERO_COLOUR } from './colour-scale.ts';
import { filterQuery, filtersFromParams, openingYear } from './filters.ts';

const params = (q: string) => {
  const p = new URLSearchParams(q);
  return (k: string) => p.get(k) ?? '';
};

describe('the dashboard filters', () => {
  it('reads the filters a URL asks for and sends only those set', () => {
    const f = filtersFromParams(params('year=2024&region=KZ-75&form=ForcedLabour&sex=female&ageGroup=child&citizenGroup=foreign'), 2025, 2026);
    expect(f).toEqual({ year: 2024, region: 'KZ-75', form: 'ForcedLabour', sex: 'female', ageGroup: 'child', citizenGroup: 'foreign' });
    expect(filterQuery(f)).toEqual({ year: 2024, region: 'KZ-75', form: 'ForcedLabour', citizenGroup: 'foreign', sex: 'female', ageGroup: 'child' });
    // The map's query counts every region: the selected one is left out.
    expect(filterQuery(f, { withRegion: false })).not.toHaveProperty('region');
    expect(filterQuery({ year: 2025 })).toEqual({ year: 2025 });
  });

  it('drops what the server would refuse: an unknown region or category, a future or malformed year', () => {
    expect(filtersFromParams(params('year=2031&region=KZ-99&form=Knitting&sex=f'), 2025, 2026)).toEqual({ year: 2025 });
    expect(filtersFromParams(params('year=abc'), 2025, 2026)).toEqual({ year: 2025 });
    expect(filtersFromParams(params('year=1990'), 2025, 2026)).toEqual({ year: 2025 });
    expect(filtersFromParams(params('year=2026'), 2025, 2026).year).toBe(2026);
  });

  it('opens on the last complete year when it has figures, else on this year', () => {
    expect(
      openingYear(2026, [
        { year: 2025, source: 'register' },
        { year: 2026, source: 'register' },
      ]),
    ).toBe(2025);
    expect(openingYear(2026, [{ year: 2025, source: 'official' }])).toBe(2025);
    expect(
      openingYear(2026, [
        { year: 2025, source: null },
        { year: 2026, source: 'register' },
      ]),
    ).toBe(2026);
  });
});

describe('the choropleth colour scale', () => {
  it('gives zero its own neutral colour and splits 1..max into equal whole-number classes', () => {
    const s = colourScale(10, PALETTES.blue);
    expect(s.classes.map((c) => [c.from, c.to])).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
      [9, 10],
    ]);
    expect(s.colourOf(0)).toBe(ZERO_COLOUR);
    expect(s.colourOf(1)).toBe(PALETTES.blue[0]);
    expect(s.colourOf(10)).toBe(PALETTES.blue[4]);
    expect(new Set([0, 1, 3, 5, 7, 9].map(s.colourOf)).size).toBe(6);
  });

  it('uses only as many classes as small counts need, and none when nobody was counted', () => {
    const s = colourScale(3, PALETTES.orange);
    expect(s.classes.map((c) => [c.from, c.to])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    // Spread over the palette: the largest value is the darkest colour.
    expect(s.classes.map((c) => c.colour)).toEqual([PALETTES.orange[0], PALETTES.orange[2], PALETTES.orange[4]]);
    expect(colourScale(1, PALETTES.blue).colourOf(1)).toBe(PALETTES.blue[4]);
    expect(colourScale(0, PALETTES.blue).classes).toEqual([]);
    expect(colourScale(0, PALETTES.blue).colourOf(0)).toBe(ZERO_COLOUR);
  });

  it('every value up to the maximum falls in a class whose bounds contain it', () => {
    for (const max of [1, 4, 7, 23, 101, 999]) {
      const s = colourScale(max, PALETTES.blue);
      for (let v = 1; v <= max; v++) {
        const c = s.classes.find((k) => v >= k.from && v <= k.to);
        expect(c?.colour, `${v} of ${max}`).toBe(s.colourOf(v));
      }
    }
  });

  it('writes labels dark on light fills and white on the darkest', () => {
    expect(textOn(PALETTES.blue[0])).toBe('#1a1b1e');
    expect(textOn(PALETTES.blue[4])).toBe('#ffffff');
    expect(textOn(ZERO_COLOUR)).toBe('#1a1b1e');
  });
});

describe('chart labels', () => {
  it('wrap at word boundaries within the width, losing no word', () => {
    const label = 'Шетел азаматтары мен азаматтығы жоқ адамдар';
    const wrapped = wrapLabel(label, 120);
    const lines = wrapped.split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(Math.floor(120 / 6.5));
    expect(lines.join(' ')).toBe(label);
    expect(wrapLabel('Әйел', 120)).toBe('Әйел');
    // A word longer than a line keeps its own line rather than being cut.
    expect(wrapLabel('Орналастырылғандар мен', 60)).toBe('Орналастырылғандар\nмен');
  });
});
