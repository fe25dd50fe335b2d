import { stringify } from 'csv-stringify/sync';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

/**
 * Tables leave the system as CSV and XLSX files that people open in a spreadsheet. A text cell a
 * spreadsheet would read as a formula (=HYPERLINK(…) sending data away, +cmd|…, -2+3, @SUM(…))
 * must never run there: every such text is neutralised as OWASP recommends, by a leading single
 * quote, so the spreadsheet shows it as text. Numbers stay numbers (a negative number is a
 * number, not text).
 */

export type TableValue = string | number | null;

export interface TableColumn {
  /** The heading in the reader's language. */
  label: string;
  /** The code the column holds (HTCDS field name or category code), for the optional code row. */
  code?: string;
}

export interface TableFile {
  columns: readonly TableColumn[];
  rows: readonly (readonly TableValue[])[];
  /** A second header row with each column's code (issue #14: readers who map to HTCDS). */
  withCodeRow?: boolean;
  /** Notes printed below the table after an empty row (e.g. what "<11" and "x" mean). */
  notes?: readonly string[];
  /** The worksheet's name in XLSX (trimmed to what Excel accepts). */
  sheetName?: string;
}

/**
 * Characters that make a spreadsheet read a cell as a formula or break it across cells (OWASP
 * "CSV Injection"), also after leading spaces, and their full-width forms that some spreadsheet
 * input methods turn into the ASCII ones.
 */
const FORMULA_START = /^[\s\u00a0\u3000]*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

/** A text as a spreadsheet will show it, never as a formula. */
export const neutraliseFormula = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

function safeValue(v: TableValue): string | number | null {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new TypeError(`A table cell holds ${v}, not a number a reader can use`);
    return v;
  }
  return v === null ? null : neutraliseFormula(v);
}

function grid(table: TableFile): (string | number | null)[][] {
  const width = table.columns.length;
  for (const [i, r] of table.rows.entries()) {
    if (r.length !== width) throw new TypeError(`Row ${i + 1} has ${r.length} cells for ${width} columns`);
  }
  const header = [table.columns.map((c) => c.label)];
  if (table.withCodeRow) header.push(table.columns.map((c) => c.code ?? ''));
  const notes = table.notes?.length ? [[], ...table.notes.map((n) => [n])] : [];
  return [...header, ...table.rows, ...notes].map((r) => r.map(safeValue));
}

/** CSV in UTF-8 with a byte-order mark (so Excel reads Kazakh letters), CRLF line ends. */
export function tableToCsv(table: TableFile): Buffer {
  return Buffer.from(stringify(grid(table), { bom: true, record_delimiter: 'windows' }), 'utf8');
}

/**
 * One worksheet: header row(s) in bold and frozen, numbers as numbers, text as text. Written
 * row by row (ExcelJS's streaming writer): a national export of 100,000 records by 70 columns
 * is never held as a workbook model in memory.
 */
export async function tableToXlsx(table: TableFile): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => chunks.push(c));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  const headerRows = table.withCodeRow ? 2 : 1;
  const sheet = workbook.addWorksheet(sheetNameOf(table.sheetName ?? 'Table'), { views: [{ state: 'frozen', ySplit: headerRows }] });
  sheet.columns = table.columns.map((c) => ({ width: Math.min(60, Math.max(10, c.label.length + 2)) }));
  for (const [i, cells] of grid(table).entries()) {
    const row = sheet.addRow(cells);
    if (i < headerRows) row.font = { bold: true };
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

/** Excel's sheet names: at most 31 characters, none of : \ / ? * [ ]. */
const sheetNameOf = (name: string) =>
  name
    .replace(/[:\\/?*[\]]/g, ' ')
    .slice(0, 31)
    .trim() || 'Table';
