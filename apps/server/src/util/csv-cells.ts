import { parse } from 'csv-parse/sync';
import { DomainError } from '@qorgau/core';

/**
 * The cells of a CSV file as spreadsheets write them: UTF-8 with or without a BOM, comma or
 * semicolon separated (a Russian-locale Excel writes semicolons). Bytes that are not UTF-8 are
 * refused (`invalid_characters` on `file`); broken quoting is reported through `malformed`,
 * which names the line in the caller's own terms. Empty lines are kept unless asked (a row report
 * numbers rows as the spreadsheet does).
 */
export function csvCells(bytes: Buffer, malformed: (line: number) => DomainError, opts: { trim?: boolean; skipEmptyLines?: boolean } = {}): string[][] {
  const text = bytes.toString('utf8');
  if (text.includes('\ufffd') || text.includes('\u0000')) throw new DomainError('validation_failed', [{ path: 'file', code: 'invalid_characters' }]);
  const firstLine = text.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  try {
    return parse(text, {
      bom: true,
      delimiter,
      skip_empty_lines: opts.skipEmptyLines ?? false,
      relax_column_count: true,
      trim: opts.trim ?? false,
    }) as string[][];
  } catch (e) {
    throw malformed((e as { lines?: number }).lines ?? 1);
  }
}
