import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakdownIssues, type NumberedFigureRow, parseFigureValue, parseOfficialFigureTable } from './official-figures-import.ts';

const TODAY = '2026-12-07';
const HEADER = ['year', 'figure', 'dimension', 'category', 'value', 'source'];
const src = 'MVD annual report 2021';

describe('parseOfficialFigureTable', () => {
  it('reads a total with its breakdown, typed, numbered as a spreadsheet shows them', () => {
    const r = parseOfficialFigureTable(
      [
        HEADER,
        ['2021', 'victims_identified', '', '', '20', src],
        ['2021', 'victims_identified', 'sex', 'female', '14', src],
        ['2021', 'victims_identified', 'sex', 'male', '6', src],
      ],
      TODAY,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rows.map((x) => [x.row, x.dimension, x.category, x.value])).toEqual([
      [2, '', '', 20],
      [3, 'sex', 'female', 14],
      [4, 'sex', 'male', 6],
    ]);
  });

  it('accepts Russian and Kazakh headers in any order', () => {
    const ru = parseOfficialFigureTable(
      [
        ['Источник', 'Год', 'Показатель', 'Разрез', 'Категория', 'Значение'],
        [src, '2020', 'convictions', '', '', '7'],
      ],
      TODAY,
    );
    const kk = parseOfficialFigureTable(
      [
        ['жыл', 'көрсеткіш', 'бөлініс', 'санат', 'мән', 'дереккөз'],
        ['2020', 'convictions', '', '', '7', src],
      ],
      TODAY,
    );
    for (const r of [ru, kk]) {
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.rows[0]).toMatchObject({ year: 2020, figure: 'convictions', value: 7, source: src });
    }
  });

  it('names a missing column on row 1', () => {
    const r = parseOfficialFigureTable([['year', 'figure', 'value', 'source']], TODAY);
    expect(r).toEqual({
      ok: false,
      issues: [
        { row: 1, column: 'dimension', code: 'column_missing' },
        { row: 1, column: 'category', code: 'column_missing' },
      ],
    });
  });

  it('reports every bad row with its column and code, and returns no rows', () => {
    const r = parseOfficialFigureTable(
      [
        HEADER,
        ['2021', 'victims_identified', '', '', '20', src],
        ['2031', 'victims_identified', '', '', '5', src],
        ['1999', 'convictions', '', '', '5', src],
        ['2021', 'victims_found', '', '', '5', src],
        ['2021', 'convictions', 'sex', 'female', '5', src],
        ['2021', 'victims_identified', 'sex', 'woman', '5', src],
        ['2021', 'victims_identified', 'region', 'KZ-75', '5', src],
        ['2021', 'prosecutions', '', '', '1,200', src],
        ['2021', 'investigations', '', '', '-3', ''],
        ['2021', 'victims_identified', '', '', '20', src],
      ],
      TODAY,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [3, 'year', 'year_in_future'],
      [4, 'year', 'year_too_early'],
      [5, 'figure', 'invalid_value'],
      [6, 'dimension', 'figure_has_no_breakdown'],
      [7, 'category', 'invalid_value'],
      [8, 'dimension', 'dimension_not_allowed'],
      [9, 'value', 'value_not_whole_number'],
      [10, 'value', 'value_not_whole_number'],
      [10, 'source', 'required'],
      [11, 'category', 'duplicate_row'],
    ]);
  });

  it('refuses a breakdown adding up to more than its total, naming its last row', () => {
    const r = parseOfficialFigureTable(
      [
        HEADER,
        ['2021', 'victims_identified', '', '', '20', src],
        ['2021', 'victims_identified', 'sex', 'female', '15', src],
        ['2021', 'victims_identified', 'sex', 'male', '6', src],
      ],
      TODAY,
    );
    expect(r).toEqual({ ok: false, issues: [{ row: 4, column: 'value', code: 'breakdown_exceeds_total', params: { dimension: 'sex', sum: 21, total: 20 } }] });
  });

  it('checks the breakdown against the stored total when the file has only categories', () => {
    const stored = [{ year: 2021, figure: 'victims_identified' as const, dimension: '', category: '', value: 10, source: src }];
    const r = parseOfficialFigureTable([HEADER, ['2021', 'victims_identified', 'ageGroup', 'child', '11', src]], TODAY, stored);
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(['breakdown_exceeds_total']);
  });
});

describe('parseFigureValue', () => {
  it('takes digits grouped by spaces and refuses separators it would have to guess', () => {
    expect(parseFigureValue('1 200')).toBe(1200);
    expect(parseFigureValue('1\u00a0200\u202f000')).toBe(1_200_000);
    expect(parseFigureValue('1,200')).toBeNull();
    expect(parseFigureValue('1.5')).toBeNull();
    expect(parseFigureValue('-1')).toBeNull();
    expect(parseFigureValue('')).toBeNull();
  });

  it('reads back any whole number however its thousands are grouped', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), (n) => {
        const grouped = n.toLocaleString('ru-RU').replace(/,/g, '');
        expect(parseFigureValue(grouped)).toBe(n);
        expect(parseFigureValue(String(n))).toBe(n);
      }),
    );
  });
});

describe('breakdownIssues', () => {
  const row = (r: number, dimension: string, category: string, value: number): NumberedFigureRow => ({
    row: r,
    year: 2021,
    figure: 'victims_identified',
    dimension,
    category,
    value,
    source: src,
  });
  it('flags a breakdown exactly when its categories sum to more than the total', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 3 }), (total, parts) => {
        const cats = ['child', 'adult', 'unknown'];
        const rows = [row(2, '', '', total), ...parts.map((v, i) => row(3 + i, 'ageGroup', cats[i] as string, v))];
        const sum = parts.reduce((a, b) => a + b, 0);
        expect(breakdownIssues(rows).length).toBe(sum > total ? 1 : 0);
      }),
    );
  });
  it('does not blame a write for a group it did not touch', () => {
    const { row: _a, ...total } = row(0, '', '', 5);
    const { row: _b, ...female } = row(0, 'sex', 'female', 9);
    expect(breakdownIssues([row(2, 'form', 'Unknown', 1)], [total, female])).toEqual([]);
    expect(breakdownIssues([row(2, 'sex', 'male', 1)], [total, female]).map((i) => i.row)).toEqual([2]);
  });
});
