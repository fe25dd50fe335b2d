import ExcelJS from 'exceljs';
import { Unzip, UnzipInflate } from 'fflate';
import { type Cell, DomainError } from '@qorgau/core';
import { csvCells } from '../../util/csv-cells.ts';
import { tooLarge } from '../documents/attachments.service.ts';

/**
 * A table file as people send it: an XLSX workbook (the HTCDS templates) or a CSV. Read into
 * rows of cells, refusing what would hurt the server first: an XLSX is a zip, and a zip of a
 * few hundred kilobytes can inflate to gigabytes (a "zip bomb" named .xlsx). Every entry is
 * inflated once here, counting the bytes actually produced (the sizes a zip declares can lie),
 * and the file is refused past the limit before a spreadsheet library sees it.
 */

/** The largest upload: 100,000 HTCDS rows fit in about 12 MB as XLSX and 30 MB as CSV. */
export const TABLE_MAX_BYTES = 40 * 1024 * 1024;
/** The most an XLSX may inflate to: 100,000 full template rows are about 250 MB of sheet XML. */
export const XLSX_MAX_INFLATED_BYTES = 400 * 1024 * 1024;
const XLSX_MAX_ENTRIES = 2_000;

const refused = (code: string, params?: Record<string, string | number>): DomainError =>
  new DomainError('validation_failed', [{ path: 'file', code, ...(params ? { params } : {}) }]);

const isZip = (b: Buffer) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** Inflates every entry, counting; throws `file_zip_bomb` past `maxInflated`, `file_not_xlsx` for a zip that is not a workbook. */
export function checkXlsxZip(bytes: Buffer, maxInflated = XLSX_MAX_INFLATED_BYTES): void {
  let inflated = 0;
  let entries = 0;
  let overLimit = false;
  let workbook = false;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file) => {
    entries++;
    if (file.name === 'xl/workbook.xml') workbook = true;
    if (entries > XLSX_MAX_ENTRIES) overLimit = true;
    file.ondata = (err, chunk) => {
      if (err) throw refused('file_not_xlsx');
      inflated += chunk.length;
      if (inflated > maxInflated && !overLimit) {
        overLimit = true;
        file.terminate();
      }
    };
    if (!overLimit) file.start();
  };
  try {
    // Pushed in slices so a bomb is stopped early instead of after one giant inflate call.
    for (let at = 0; at < bytes.length && !overLimit; at += 64 * 1024) unzip.push(bytes.subarray(at, at + 64 * 1024), at + 64 * 1024 >= bytes.length);
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw refused('file_not_xlsx');
  }
  if (overLimit) throw refused('file_zip_bomb', { max: Math.round(maxInflated / 1024 / 1024) });
  if (!workbook) throw refused('file_not_xlsx');
}

/** What a spreadsheet cell holds, as the importer reads it: the shown result of a formula, the text of rich text or a link. */
function cellOf(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('result' in v) return cellOf((v.result ?? null) as ExcelJS.CellValue);
  if ('text' in v) return String(v.text);
  return null;
}

async function xlsxGrid(bytes: Buffer, pickSheet: (grids: Cell[][][]) => number): Promise<Cell[][]> {
  checkXlsxZip(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw refused('file_not_xlsx');
  }
  const grids = workbook.worksheets.map((sheet) => {
    const rows: Cell[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        cells[c - 1] = cellOf(cell.value);
      });
      rows[n - 1] = cells;
    });
    return Array.from(rows, (r) => r ?? []);
  });
  return grids[pickSheet(grids)] ?? [];
}

const csvGrid = (bytes: Buffer): Cell[][] => csvCells(bytes, (row) => refused('csv_malformed', { row }));

/**
 * The file's rows of cells. For a workbook, `pickSheet` chooses among its sheets (the template
 * with validation has its records on "Case Sheet" and its lists on "validation").
 */
export async function readUploadedTable(bytes: Buffer, pickSheet: (grids: Cell[][][]) => number): Promise<{ format: 'xlsx' | 'csv'; grid: Cell[][] }> {
  if (bytes.length === 0) throw refused('attachment_empty');
  if (bytes.length > TABLE_MAX_BYTES) throw tooLarge(TABLE_MAX_BYTES);
  if (isZip(bytes)) return { format: 'xlsx', grid: await xlsxGrid(bytes, pickSheet) };
  return { format: 'csv', grid: csvGrid(bytes) };
}
