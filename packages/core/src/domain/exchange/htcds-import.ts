import { CreatePersonBody } from '../../contracts/person.contract.ts';
import { PERSON_HTCDS_FIELDS } from '../../reference/htcds-fields.ts';
import type { ExploitationType, Gender, IdentityDocumentType } from '../../reference/htcds.ts';
import { isRegionCode } from '../../reference/regions.ts';
import type { DecisionOrg, TraffickingStatus } from '../case/case-status.ts';
import { columnKey, HTCDS_COLUMNS, type HtcdsColumn, htcdsCodeOf, LABEL_ONLY_COLUMNS } from './htcds-columns.ts';
import { type Cell, cellValue, type HtcdsValue, isExploitationType } from './htcds-values.ts';

/** A problem with one cell: the row as the spreadsheet numbers it, the column's HTCDS code. */
export interface HtcdsRowIssue {
  row: number;
  column: string;
  code: string;
  params?: Record<string, string | number>;
}

/** Why a whole file is refused before any row is read. */
export interface HtcdsFileIssue {
  code: 'htcds_not_template' | 'htcds_columns_missing' | 'htcds_no_rows' | 'htcds_too_many_rows';
  params?: Record<string, string | number>;
}

export interface HtcdsImportRow {
  row: number;
  person: Omit<CreatePersonBody, 'clientId' | 'notSameAs'>;
  case: {
    traffickingStatus: TraffickingStatus;
    decidedBy: DecisionOrg;
    /** The day the status was decided (qrg_TraffickingStatusDate, else the incoming referral date, else the day of import). */
    statusDate: string;
    exploitationTypes: ExploitationType[];
    regionCode: string;
  };
  /** The other HTCDS fields, by code, as the standard names their values. */
  extra: Record<string, HtcdsValue>;
  /** Every value read, by code, in column order: what the row's import key is made of. */
  canonical: string;
}

export type HtcdsTable =
  | { ok: false; issue: HtcdsFileIssue }
  | { ok: true; rows: HtcdsImportRow[]; issues: HtcdsRowIssue[]; unknownColumns: string[]; checkedRows: number };

export interface HtcdsParseOptions {
  /** Kazakhstan's today: no date may be after it. */
  today: string;
  /** The region a row without `qrg_RegionIso3166_2` is recorded in (the importing agency's). */
  defaultRegion?: string;
  /** Column labels in every language we write, by code: a label row next to the code row is skipped. */
  labels?: Record<string, readonly string[]>;
  maxRows?: number;
}

/** The rows searched for the header: the template has codes in row 1 and labels in row 2. */
const HEADER_SEARCH_ROWS = 10;
export const HTCDS_MAX_ROWS = 200_000;

const textOf = (c: Cell) => (c === null || c === undefined ? '' : c instanceof Date ? '' : String(c).trim());

/** How many HTCDS column names a sheet's header holds: the importer reads the sheet that names most. */
export const htcdsHeaderScore = (grid: readonly (readonly Cell[])[]): number =>
  Math.max(0, ...grid.slice(0, HEADER_SEARCH_ROWS).map((cells) => cells.filter((c) => htcdsCodeOf(textOf(c))).length));

/** Which row names the columns: the one naming the most HTCDS codes (at least three). */
function findHeader(grid: readonly (readonly Cell[])[]) {
  let best = { row: -1, count: 0 };
  grid.slice(0, HEADER_SEARCH_ROWS).forEach((cells, row) => {
    const count = cells.filter((c) => htcdsCodeOf(textOf(c))).length;
    if (count > best.count) best = { row, count };
  });
  return best.count >= 3 ? best.row : -1;
}

const isLabelRow = (cells: readonly Cell[], codes: (string | null)[], labels: Record<string, readonly string[]>) => {
  const named = codes.map((code, i) => [code, textOf(cells[i])] as const).filter(([code, t]) => code && t);
  const known = named.filter(([code, t]) => (labels[code as string] ?? []).some((l) => columnKey(l) === columnKey(t)));
  return named.length > 0 && known.length * 2 >= named.length;
};

const decisionOf = (v: HtcdsValue | undefined) => v as string | undefined;

/**
 * Reads an HTCDS table (every sheet row as cells) into records and row issues. Nothing is
 * written here: the caller keeps the good rows and reports the issues, row by row.
 */
export function parseHtcdsTable(grid: readonly (readonly Cell[])[], opts: HtcdsParseOptions): HtcdsTable {
  const headerRow = findHeader(grid);
  if (headerRow < 0) return { ok: false, issue: { code: 'htcds_not_template' } };
  const header = grid[headerRow] ?? [];
  const labels = opts.labels ?? {};
  let codes = header.map((c) => htcdsCodeOf(textOf(c)));
  const labelRow = [headerRow - 1, headerRow + 1].find((r) => r >= 0 && grid[r] && isLabelRow(grid[r] as Cell[], codes, labels));
  if (labelRow !== undefined) {
    // The template's one column with a label and no code (see LABEL_ONLY_COLUMNS).
    const labelCells = grid[labelRow] as Cell[];
    codes = codes.map((code, i) => code ?? LABEL_ONLY_COLUMNS[columnKey(textOf(labelCells[i]))] ?? null);
  }
  const unknownColumns = header.map((c, i) => (codes[i] ? '' : textOf(c))).filter((t) => t !== '' && !/^\d+$/.test(t));
  const present = new Set(codes.filter((c): c is string => !!c));
  const missing = HTCDS_COLUMNS.filter((c) => c.required && !present.has(c.code)).map((c) => c.code);
  if (missing.length)
    return {
      ok: false,
      issue: { code: 'htcds_columns_missing', params: { columns: missing.join(', '), unknown: unknownColumns.slice(0, 10).join(', ') || '—' } },
    };
  const firstData = Math.max(headerRow, labelRow ?? headerRow) + 1;
  const byIndex = codes.map((code) => (code ? HTCDS_COLUMNS.find((c) => c.code === code) : undefined));
  const rows: HtcdsImportRow[] = [];
  const issues: HtcdsRowIssue[] = [];
  let checkedRows = 0;
  for (let r = firstData; r < grid.length; r++) {
    const cells = grid[r] ?? [];
    const values = new Map<string, HtcdsValue>();
    const rowIssues: HtcdsRowIssue[] = [];
    byIndex.forEach((column, i) => {
      if (!column || values.has(column.code)) return;
      const read = cellValue(column.kind, cells[i]);
      if ('issue' in read) rowIssues.push({ row: r + 1, column: column.code, ...read.issue });
      else if (read.value !== undefined) values.set(column.code, read.value);
    });
    // The template numbers 1,000 empty rows: a row with nothing in an HTCDS column is not a record.
    if (values.size === 0 && rowIssues.length === 0) continue;
    checkedRows++;
    if (checkedRows > (opts.maxRows ?? HTCDS_MAX_ROWS))
      return { ok: false, issue: { code: 'htcds_too_many_rows', params: { max: opts.maxRows ?? HTCDS_MAX_ROWS } } };
    const built = recordOf(r + 1, values, opts);
    rowIssues.push(...built.issues.filter((i) => !rowIssues.some((x) => x.column === i.column)));
    if (rowIssues.length) issues.push(...rowIssues);
    else if (built.row) rows.push(built.row);
  }
  if (checkedRows === 0) return { ok: false, issue: { code: 'htcds_no_rows' } };
  return { ok: true, rows, issues, unknownColumns, checkedRows };
}

const PERSON_COLUMN_OF = Object.fromEntries(Object.entries(PERSON_HTCDS_FIELDS).map(([field, code]) => [field, code])) as Record<string, string>;

/** The record a row's values make, checked by the same contract as a person entered on screen. */
function recordOf(row: number, v: Map<string, HtcdsValue>, opts: HtcdsParseOptions): { row?: HtcdsImportRow; issues: HtcdsRowIssue[] } {
  const issues: HtcdsRowIssue[] = [];
  const str = (code: string) => v.get(code) as string | undefined;
  const need = (code: string) => {
    if (v.get(code) === undefined) issues.push({ row, column: code, code: 'required' });
  };
  for (const c of HTCDS_COLUMNS) if (c.required) need(c.code);
  for (const code of ['prs_Birthdate', 'cas_IncomingReferralDate', 'cas_OutgoingReferralDate', 'qrg_TraffickingStatusDate']) {
    const d = str(code);
    if (d && d > opts.today) issues.push({ row, column: code, code: 'date_in_future' });
  }
  const region = str('qrg_RegionIso3166_2') ?? opts.defaultRegion;
  if (!region) issues.push({ row, column: 'qrg_RegionIso3166_2', code: 'required' });
  else if (!isRegionCode(region.toUpperCase()))
    issues.push({ row, column: 'qrg_RegionIso3166_2', code: 'region_unknown', params: { value: region.slice(0, 20) } });
  const phone = str('prs_MobilePhone')?.replace(/[\s().-]/g, '');
  const person = {
    firstName: str('prs_FirstName') ?? '',
    secondName: str('prs_SecondName') ?? '',
    middleName: str('prs_MiddleName'),
    birthdate: str('prs_Birthdate'),
    gender: (str('prs_Gender') ?? 'NonSpecifiedUnknown') as Gender,
    citizenship: str('prs_Citizenship') ?? '',
    regionCode: (region ?? '').toUpperCase(),
    identityDocumentType: str('qrg_IdentityDocumentType') as IdentityDocumentType | undefined,
    identityNumber: str('prs_IdentityNumber'),
    mobilePhone: phone,
    address: str('prs_MailingStreet'),
  };
  const checked = CreatePersonBody.safeParse({ ...person, clientId: '00000000-0000-4000-8000-000000000000' });
  if (!checked.success)
    for (const i of checked.error.issues) {
      const column = PERSON_COLUMN_OF[String(i.path[0])] ?? String(i.path[0]);
      const params = (i as { params?: { code?: string } }).params;
      const code = column === 'prs_MobilePhone' ? 'phone_format' : i.code === 'custom' ? (params?.code ?? 'custom') : i.code;
      if (!issues.some((x) => x.column === column)) issues.push({ row, column, code });
    }
  if (issues.length) return { issues };
  const exploitation = ((v.get('vic_TypeOfExploitation') as string[] | undefined) ?? []).filter(isExploitationType);
  const extra: Record<string, HtcdsValue> = {};
  for (const c of HTCDS_COLUMNS) if (c.target === 'extra' && v.has(c.code)) extra[c.code] = v.get(c.code) as HtcdsValue;
  const canonical = HTCDS_COLUMNS.map((c) => JSON.stringify(v.get(c.code) ?? null)).join('|');
  return {
    issues,
    row: {
      row,
      person: checked.data as HtcdsImportRow['person'],
      case: {
        traffickingStatus: decisionOf(v.get('vic_TraffickingStatus')) as TraffickingStatus,
        decidedBy: (decisionOf(v.get('vic_TraffickingStatusDecisionMakingOrg')) ?? 'Other') as DecisionOrg,
        statusDate: str('qrg_TraffickingStatusDate') ?? str('cas_IncomingReferralDate') ?? opts.today,
        exploitationTypes: exploitation,
        regionCode: person.regionCode,
      },
      extra,
      canonical,
    },
  };
}

export type { HtcdsColumn };
