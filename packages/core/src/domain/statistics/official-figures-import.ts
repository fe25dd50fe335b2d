import { AGE_GROUPS, CITIZEN_GROUPS, FORM_CATEGORIES, SEX_CATEGORIES } from './categories.ts';
import { OFFICIAL_BREAKDOWNS, OFFICIAL_FIGURE_KEYS, type OfficialFigureKey } from './official-figures.ts';

/**
 * Checking official figures before anything is written (issue #13 item 7): one row at a time
 * (each cell), then across rows (a key given twice, a breakdown adding up to more than its
 * total). Pure: the server parses the CSV (csv-parse) and hands the cells here, then writes
 * all rows in one transaction or none. Rows are numbered as a spreadsheet shows them: the
 * header is row 1, the first figure row 2.
 */

export const OFFICIAL_FIGURE_COLUMNS = ['year', 'figure', 'dimension', 'category', 'value', 'source'] as const;
export type OfficialFigureColumn = (typeof OFFICIAL_FIGURE_COLUMNS)[number];

/** The earliest year an official figure may describe (the national reporting series starts after 2000). */
export const OFFICIAL_FIGURE_FIRST_YEAR = 2000;

/** The categories of each breakdown (categories.ts). */
export const OFFICIAL_DIMENSION_CATEGORIES: Record<string, readonly string[]> = {
  form: FORM_CATEGORIES,
  citizenGroup: CITIZEN_GROUPS,
  sex: SEX_CATEGORIES,
  ageGroup: AGE_GROUPS,
};

/** Header names a coordinator may use: English (the canonical one), Russian and Kazakh. Compared lower-cased and trimmed. */
const HEADER_ALIASES: Record<string, OfficialFigureColumn> = {
  year: 'year',
  год: 'year',
  жыл: 'year',
  figure: 'figure',
  показатель: 'figure',
  көрсеткіш: 'figure',
  dimension: 'dimension',
  разрез: 'dimension',
  бөлініс: 'dimension',
  category: 'category',
  категория: 'category',
  санат: 'category',
  value: 'value',
  значение: 'value',
  мән: 'value',
  source: 'source',
  источник: 'source',
  дереккөз: 'source',
};

export interface OfficialFigureRow {
  year: number;
  figure: OfficialFigureKey;
  /** '' for the figure's total. */
  dimension: string;
  category: string;
  value: number;
  source: string;
}

/** A row with the row number it came from (a spreadsheet's: the header is 1). */
export type NumberedFigureRow = OfficialFigureRow & { row: number };

export interface RowIssue {
  row: number;
  column: OfficialFigureColumn;
  code: string;
  params?: Record<string, string | number>;
}

export const officialFigureKeyOf = (r: Pick<OfficialFigureRow, 'year' | 'figure' | 'dimension' | 'category'>) =>
  `${r.year}|${r.figure}|${r.dimension}|${r.category}`;

/**
 * A whole non-negative number. Digits may be grouped by spaces (also the no-break spaces a
 * Russian or Kazakh spreadsheet writes: "1 200"). Commas and points are refused, not guessed:
 * "1,200" is twelve hundred in an English file and one point two in a Russian one.
 */
export function parseFigureValue(cell: string): number | null {
  const compact = cell.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^\d{1,15}$/.test(compact)) return null;
  return Number(compact);
}

/** The checks of one typed row that need no other row: the year against today, the breakdown against the figure. */
export function officialFigureRowIssues(r: Omit<OfficialFigureRow, 'value' | 'source'>, today: string, row: number): RowIssue[] {
  const issues: RowIssue[] = [];
  const thisYear = Number(today.slice(0, 4));
  if (!Number.isInteger(r.year) || r.year < OFFICIAL_FIGURE_FIRST_YEAR)
    issues.push({ row, column: 'year', code: 'year_too_early', params: { min: OFFICIAL_FIGURE_FIRST_YEAR } });
  else if (r.year > thisYear) issues.push({ row, column: 'year', code: 'year_in_future' });
  const dimensions = OFFICIAL_BREAKDOWNS[r.figure] ?? [];
  if (r.dimension === '' && r.category !== '') issues.push({ row, column: 'dimension', code: 'required' });
  else if (r.dimension !== '' && !dimensions.includes(r.dimension))
    issues.push({ row, column: 'dimension', code: dimensions.length ? 'dimension_not_allowed' : 'figure_has_no_breakdown' });
  else if (r.dimension !== '' && r.category === '') issues.push({ row, column: 'category', code: 'required' });
  else if (r.dimension !== '' && !(OFFICIAL_DIMENSION_CATEGORIES[r.dimension] ?? []).includes(r.category))
    issues.push({ row, column: 'category', code: 'invalid_value' });
  return issues;
}

/**
 * A breakdown may not add up to more than its figure's total (it may add up to less: a
 * published table can leave a category out). Checked on the figures as they will stand after
 * the write: `stored` rows with the new rows over them. The issue names the new row that made
 * the group wrong (its last breakdown row, or the total's row).
 */
export function breakdownIssues(rows: readonly NumberedFigureRow[], stored: readonly OfficialFigureRow[] = []): RowIssue[] {
  const merged = new Map<string, OfficialFigureRow & { row?: number }>();
  for (const r of stored) merged.set(officialFigureKeyOf(r), r);
  for (const r of rows) merged.set(officialFigureKeyOf(r), r);
  const groups = new Map<string, { sum: number; rows: number[] }>();
  for (const r of merged.values()) {
    if (r.dimension === '') continue;
    const g = groups.get(`${r.year}|${r.figure}|${r.dimension}`) ?? { sum: 0, rows: [] };
    g.sum += r.value;
    if (r.row !== undefined) g.rows.push(r.row);
    groups.set(`${r.year}|${r.figure}|${r.dimension}`, g);
  }
  const issues: RowIssue[] = [];
  for (const [key, g] of groups) {
    const [year, figure, dimension] = key.split('|');
    const total = merged.get(`${year}|${figure}||`);
    if (!total || g.sum <= total.value) continue;
    const row = Math.max(...g.rows, total.row ?? -1);
    if (row < 0) continue; // both already stored: not this write's doing
    issues.push({ row, column: 'value', code: 'breakdown_exceeds_total', params: { dimension: dimension as string, sum: g.sum, total: total.value } });
  }
  return issues;
}

export type ParsedFigures = { ok: true; rows: NumberedFigureRow[] } | { ok: false; issues: RowIssue[] };

/**
 * Checks a table of cells (the header first) and answers either every row, typed, or every
 * issue found, row by row. `stored`: the figures already held, for the breakdown check.
 */
export function parseOfficialFigureTable(table: readonly (readonly string[])[], today: string, stored: readonly OfficialFigureRow[] = []): ParsedFigures {
  const [header = [], ...body] = table;
  const issues: RowIssue[] = [];
  const index = new Map<OfficialFigureColumn, number>();
  header.forEach((name, i) => {
    const column =
      HEADER_ALIASES[
        name
          .replace(/^\ufeff/, '')
          .trim()
          .toLowerCase()
      ];
    if (column && !index.has(column)) index.set(column, i);
  });
  for (const column of OFFICIAL_FIGURE_COLUMNS) if (!index.has(column)) issues.push({ row: 1, column, code: 'column_missing' });
  if (issues.length) return { ok: false, issues };
  if (body.length === 0) return { ok: false, issues: [{ row: 2, column: 'year', code: 'file_empty' }] };

  const rows: NumberedFigureRow[] = [];
  const firstRowOf = new Map<string, number>();
  body.forEach((cells, i) => {
    const row = i + 2;
    const cell = (c: OfficialFigureColumn) => (cells[index.get(c) as number] ?? '').trim();
    const rowIssues: RowIssue[] = [];
    const yearText = cell('year');
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : Number.NaN;
    if (yearText === '') rowIssues.push({ row, column: 'year', code: 'required' });
    else if (Number.isNaN(year)) rowIssues.push({ row, column: 'year', code: 'year_invalid' });
    const figure = cell('figure');
    const knownFigure = (OFFICIAL_FIGURE_KEYS as readonly string[]).includes(figure);
    if (!knownFigure) rowIssues.push({ row, column: 'figure', code: figure === '' ? 'required' : 'invalid_value' });
    const value = parseFigureValue(cell('value'));
    if (cell('value') === '') rowIssues.push({ row, column: 'value', code: 'required' });
    else if (value === null) rowIssues.push({ row, column: 'value', code: 'value_not_whole_number' });
    const source = cell('source');
    if (source === '') rowIssues.push({ row, column: 'source', code: 'required' });
    else if (source.length > 500) rowIssues.push({ row, column: 'source', code: 'too_big', params: { maximum: 500 } });
    const dimension = cell('dimension');
    const category = cell('category');
    if (knownFigure && !Number.isNaN(year)) {
      rowIssues.push(...officialFigureRowIssues({ year, figure: figure as OfficialFigureKey, dimension, category }, today, row));
    }
    if (rowIssues.length) {
      issues.push(...rowIssues);
      return;
    }
    const typed: NumberedFigureRow = { row, year, figure: figure as OfficialFigureKey, dimension, category, value: value as number, source };
    const key = officialFigureKeyOf(typed);
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      issues.push({ row, column: 'category', code: 'duplicate_row', params: { first } });
      return;
    }
    firstRowOf.set(key, row);
    rows.push(typed);
  });
  // The sums are only meaningful over rows that passed: a bad row is reported for itself.
  if (!issues.length) issues.push(...breakdownIssues(rows, stored));
  return issues.length ? { ok: false, issues: issues.sort((a, b) => a.row - b.row) } : { ok: true, rows };
}
