import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HTCDS_PICKLISTS } from '../../reference/htcds-picklists.ts';
import { HTCDS_COLUMNS } from './htcds-columns.ts';
import { parseHtcdsTable } from './htcds-import.ts';
import { cellValue, dateValue, picklistValue } from './htcds-values.ts';

const TODAY = '2026-12-07';
const header = ['prs_FirstName', 'prs_SecondName', 'prs_Birthdate', 'prs_Gender', 'prs_Citizenship', 'vic_TraffickingStatus', 'vic_TypeOfExploitation'];
const good = ['Айгүл', 'Сейітова', '14.03.1998', 'Feminine', 'KZ', 'Actual victim of trafficking', 'Forced labour; Sexual exploitation'];
const parse = (rows: unknown[][], defaultRegion = 'KZ-75') => parseHtcdsTable(rows as never, { today: TODAY, defaultRegion });

describe('HTCDS values', () => {
  it('every value of the official single-select template validation sheet is read as a 2.0 value name', () => {
    // The template's drop-downs hold labels ("Forced labour"), not names: each must map.
    const lines: string[][] = parseCsv(readFileSync(new URL('../../../../../reference/htcds/excel-v2-validation-lists.csv', import.meta.url)), {
      relax_column_count: true,
    });
    const heads = lines[1] ?? [];
    const lists: Record<string, keyof typeof HTCDS_PICKLISTS> = {
      Gender: 'prs_Gender',
      'Method of Recruitment': 'vic_MethodOfRecruitment',
      'Methods of Control': 'vic_MethodsOfControl',
      'Type of Exploitation': 'vic_TypeOfExploitation',
      'Type of Sex Exploitation': 'vic_TypeOfSexExploitation',
      'Forced Labour Industry': 'vic_ForcedLabourIndustry',
      Status: 'cas_Status',
      'Trafficking Status': 'vic_TraffickingStatus',
      'Trafficking Status Decision Making Organization': 'vic_TraffickingStatusDecisionMakingOrg',
      'Reason for Incoming Referral': 'cas_ReasonForIncomingReferral',
    };
    let checked = 0;
    for (const line of lines.slice(2)) {
      const cells = line;
      heads.forEach((h, i) => {
        const list = lists[h];
        const v = cells[i]?.trim();
        if (!list || !v) return;
        const read = picklistValue(list, v);
        expect(read, `${h}: ${v}`).toHaveProperty('value');
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('reads names, labels and the standard own defects alike, and names values of an older HTCDS', () => {
    expect(picklistValue('vic_MethodsOfControl', 'DebtBondage')).toEqual({ value: 'DebtBondage' });
    expect(picklistValue('vic_MethodsOfControl', 'Debt bondage ')).toEqual({ value: 'DebtBondage' });
    expect(picklistValue('prs_Gender', 'Male')).toEqual({ issue: { code: 'htcds_other_version', params: { value: 'Male' } } });
    expect(picklistValue('prs_Gender', 'Mal')).toEqual({ issue: { code: 'htcds_not_in_list', params: { value: 'Mal' } } });
    expect(cellValue({ type: 'multi', list: 'vic_ForcedLabourIndustry' }, 'Agriculture, forestry and fishing')).toEqual({
      value: ['A_AgricultureForestryAndFishing'],
    });
    expect(cellValue({ type: 'multi', list: 'exploitation' }, 'ForcedLabour SexualExploitation')).toEqual({ value: ['ForcedLabour', 'SexualExploitation'] });
    expect(cellValue({ type: 'multi', list: 'exploitation' }, 'Forced labour; Forced Labor')).toEqual({
      issue: { code: 'htcds_not_in_list', params: { value: 'Forced Labor' } },
    });
  });

  it('reads DD.MM.YYYY, ISO and Excel dates and refuses slashes and impossible days', () => {
    expect(dateValue('14.03.1998')).toEqual({ value: '1998-03-14' });
    expect(dateValue('1998-03-14')).toEqual({ value: '1998-03-14' });
    expect(dateValue(new Date(Date.UTC(1998, 2, 14)))).toEqual({ value: '1998-03-14' });
    expect(dateValue(35868)).toEqual({ value: '1998-03-14' });
    expect(dateValue('03/14/1998')).toMatchObject({ issue: { code: 'date_format' } });
    expect(dateValue('31.02.1998')).toMatchObject({ issue: { code: 'date_invalid' } });
  });

  it('a date written either way is the same day (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const [y, m, day] = iso.split('-');
        expect(dateValue(`${day}.${m}.${y}`)).toEqual({ value: iso });
        expect(dateValue(iso)).toEqual({ value: iso });
        expect(dateValue(new Date(`${iso}T00:00:00Z`))).toEqual({ value: iso });
      }),
      { numRuns: 200 },
    );
  });
});

describe('HTCDS tables', () => {
  it('reads the template shape: a code row, a label row (skipped), numbered empty rows (skipped)', () => {
    const labels = { prs_FirstName: ['First Name'], prs_SecondName: ['Second Name'], prs_Gender: ['Gender'] };
    const grid = [[null, ...header], [null, 'First Name', 'Second Name', 'Birthdate', 'Gender'], [1, ...good], [2], [3]];
    const table = parseHtcdsTable(grid, { today: TODAY, defaultRegion: 'KZ-75', labels });
    expect(table.ok).toBe(true);
    if (!table.ok) return;
    expect(table.checkedRows).toBe(1);
    expect(table.issues).toEqual([]);
    expect(table.rows[0]).toMatchObject({
      row: 3,
      person: { firstName: 'Айгүл', birthdate: '1998-03-14', gender: 'Feminine', citizenship: 'KZ', regionCode: 'KZ-75' },
      case: {
        traffickingStatus: 'ActualVictimOfTrafficking',
        exploitationTypes: ['ForcedLabour', 'SexualExploitation'],
        statusDate: TODAY,
        decidedBy: 'Other',
      },
    });
  });

  it('refuses what is not an HTCDS table, and names the columns missing and those it does not know', () => {
    expect(
      parse([
        ['Name', 'Surname', 'Age'],
        ['A', 'B', '3'],
      ]),
    ).toEqual({ ok: false, issue: { code: 'htcds_not_template' } });
    const renamed = parse([
      ['Given name', 'prs_SecondName', 'prs_Gender', 'prs_Citizenship', 'vic_TraffickingStatus'],
      ['A', 'B', 'Feminine', 'KZ', 'Actual victim of trafficking'],
    ]);
    expect(renamed).toEqual({ ok: false, issue: { code: 'htcds_columns_missing', params: { columns: 'prs_FirstName', unknown: 'Given name' } } });
    expect(parse([header])).toEqual({ ok: false, issue: { code: 'htcds_no_rows' } });
  });

  it('reports every bad cell with its row and column and keeps the good rows', () => {
    const grid = [
      header,
      good,
      ['', 'Ахметов', '01/02/1990', 'Male', 'Narnia', 'Actual victim of trafficking', 'Forced Labor'],
      ['Ali', 'Valiev', '14.03.2030', 'Masculine', 'UZB', 'Possible victim of trafficking', ''],
      good.map((c, i) => (i === 0 ? 'Bakyt' : c)),
    ];
    const table = parse(grid);
    expect(table.ok).toBe(true);
    if (!table.ok) return;
    expect(table.rows.map((r) => r.row)).toEqual([2, 5]);
    expect(table.issues).toEqual([
      { row: 3, column: 'prs_Birthdate', code: 'date_format', params: { value: '01/02/1990' } },
      { row: 3, column: 'prs_Gender', code: 'htcds_other_version', params: { value: 'Male' } },
      { row: 3, column: 'prs_Citizenship', code: 'country_unknown', params: { value: 'Narnia' } },
      { row: 3, column: 'vic_TypeOfExploitation', code: 'htcds_not_in_list', params: { value: 'Forced Labor' } },
      { row: 3, column: 'prs_FirstName', code: 'required' },
      { row: 4, column: 'prs_Birthdate', code: 'date_in_future' },
    ]);
  });

  it('the same values give the same canonical key whatever their column order or spelling (property)', () => {
    const idx = fc.shuffledSubarray(
      header.map((_, i) => i),
      { minLength: header.length, maxLength: header.length },
    );
    fc.assert(
      fc.property(idx, (order) => {
        const a = parse([header, good]);
        const b = parse([order.map((i) => header[i]), order.map((i) => (i === 3 ? 'feminine' : good[i]))]);
        expect(a.ok && b.ok && a.rows[0]?.canonical === b.rows[0]?.canonical).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('knows every column of the official template by its code (typo included)', () => {
    expect(HTCDS_COLUMNS.filter((c) => c.required).map((c) => c.code)).toEqual(['prs_FirstName', 'prs_SecondName', 'prs_Citizenship', 'vic_TraffickingStatus']);
    const t = parse([
      [...header, 'vic_TraffickinStatusDecisionMakingOrg'],
      [...good, 'Court or prosecution'],
    ]);
    expect(t.ok && t.rows[0]?.case.decidedBy).toBe('CourtOrProsecution');
  });
});
