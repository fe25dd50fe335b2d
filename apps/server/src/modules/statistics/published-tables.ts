import {
  KZ_REGIONS,
  protectPublication,
  publishedCellForFile,
  SECONDARY_CELL_MARK,
  SMALL_CELL_MARK,
  SMALL_CELL_THRESHOLD,
  tableOf,
  TOTAL,
  victimCube,
  type ProtectedTable,
  type VictimCell,
} from '@qorgau/core';
import type { Locale, Translator } from '../../http/i18n.ts';
import type { TableFile } from '../../util/safe-table-file.ts';

/**
 * The year's published tables of identified victims (issue #13 item 6: "every table that leaves
 * the system for the public ... suppresses small cells with secondary suppression"). Two
 * publications, each protected as a whole: the breakdowns the report prints (form by
 * citizenship, sex, age, identifying agency, all over one cube) and the regions (their own cube:
 * a region by form would be a different, finer table, which is not published).
 */
export function protectedVictimTables(cells: readonly VictimCell[]): ProtectedTable[] {
  const main = victimCube(cells, ['form', 'citizenGroup', 'sex', 'ageGroup', 'agencyType']);
  const regions = victimCube(cells, ['region']);
  return [
    ...protectPublication(main, [
      tableOf(main, ['form', 'citizenGroup'], { id: 'form×citizenGroup', withTotals: true }),
      tableOf(main, ['sex'], { id: 'sex', withTotals: true }),
      tableOf(main, ['ageGroup'], { id: 'ageGroup', withTotals: true }),
      tableOf(main, ['agencyType'], { id: 'agencyType', withTotals: true }),
    ]),
    ...protectPublication(regions, [tableOf(regions, ['region'], { id: 'region', withTotals: true })]),
  ];
}

/** A category's label in the reader's language (the same catalogues as the web app). */
function labelOf(t: Translator, lang: Locale, dimension: string, category: string): string {
  if (category === TOTAL) return t.t(lang, 'statistics.tables.total');
  switch (dimension) {
    case 'form':
      return category === 'Multiple' || category === 'Unknown' ? t.t(lang, `statistics.form.${category}`) : t.t(lang, `exploitation.${category}`);
    case 'citizenGroup':
      return t.t(lang, `statistics.citizenGroup.${category}`);
    case 'sex':
      return t.t(lang, `statistics.sex.${category}`);
    case 'ageGroup':
      return t.t(lang, `statistics.ageGroup.${category}`);
    case 'agencyType':
      return t.t(lang, `agencyTypes.${category}`);
    case 'region':
      return KZ_REGIONS.find((r) => r.code === category)?.name[lang] ?? category;
    default:
      return category;
  }
}

/**
 * The tables as one long table for CSV or XLSX: table, then one column pair (code and label)
 * per dimension, then the count as published (a number, "<11" or "x"). Labels in the reader's
 * language, codes (HTCDS values, ISO region codes) in the code row, footnotes for the marks.
 */
export function victimTablesFile(tables: readonly ProtectedTable[], year: number, t: Translator, lang: Locale): TableFile {
  const dims = ['form', 'citizenGroup', 'sex', 'ageGroup', 'agencyType', 'region'];
  // Each column: its heading in the reader's language, and its code for the code row.
  const column = (key: string, code: string) => ({ label: t.t(lang, `statistics.tables.${key}`), code });
  const columns = [column('year', 'year'), column('table', 'table'), ...dims.map((d) => column(`dimension.${d}`, d)), column('victims', 'victims_identified')];
  const rows = tables.flatMap((table) =>
    table.cells.map((cell) => [
      year,
      t.t(lang, `statistics.tables.name.${table.id.replace('×', '_')}`),
      ...dims.map((d) => (cell.coords[d] === undefined ? null : labelOf(t, lang, d, cell.coords[d] as string))),
      publishedCellForFile(cell.shown),
    ]),
  );
  const n = SMALL_CELL_THRESHOLD - 1;
  return {
    columns,
    rows,
    withCodeRow: true,
    sheetName: `${year}`,
    notes: [
      t.t(lang, 'statistics.disclosure.smallNote', { mark: SMALL_CELL_MARK, n }),
      t.t(lang, 'statistics.disclosure.secondaryNote', { mark: SECONDARY_CELL_MARK }),
    ],
  };
}
