import { EXPLOITATION_TYPES } from '../../reference/htcds.ts';
import { HTCDS_PICKLISTS, type HtcdsPicklistField, OLDER_HTCDS_VALUES } from '../../reference/htcds-picklists.ts';
import { parseCitizenship } from '../linkage/citizenship.ts';
import type { HtcdsColumnKind } from './htcds-columns.ts';

/**
 * One cell of an HTCDS file read into the value Qorgau keeps, or the reason it cannot be. A
 * cell is what a spreadsheet or CSV reader gives: text, a number (an Excel serial date), a
 * boolean or a Date (an Excel date cell, midnight UTC).
 */
export type Cell = string | number | boolean | Date | null | undefined;
export type HtcdsValue = string | string[] | boolean;
export type CellResult = { value: HtcdsValue | undefined } | { issue: { code: string; params?: Record<string, string | number> } };

/** Picklist text folded for matching: the template's labels ("Forced labour"), names ("ForcedLabour"), stray spaces and NBSPs alike. */
const valueKey = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

type ListName = HtcdsPicklistField | 'exploitation';

/** HTCDS's exploitation list plus ForcedCriminality, which Qorgau adds (HTCDS issue #28). */
const pairsOf = (list: ListName): readonly (readonly [string, string])[] =>
  list === 'exploitation' ? [...HTCDS_PICKLISTS.vic_TypeOfExploitation, ['ForcedCriminality', 'Forced criminality']] : HTCDS_PICKLISTS[list];

const lookups = new Map<ListName, Map<string, string>>();
function lookup(list: ListName): Map<string, string> {
  let m = lookups.get(list);
  if (!m) {
    m = new Map();
    for (const [name, label] of pairsOf(list)) {
      m.set(valueKey(name), name.trim());
      m.set(valueKey(label), name.trim());
    }
    lookups.set(list, m);
  }
  return m;
}

const olderValue = (list: ListName, v: string) => {
  const field = list === 'exploitation' ? 'vic_TypeOfExploitation' : list;
  return (OLDER_HTCDS_VALUES[field] ?? []).some((o) => valueKey(o) === valueKey(v));
};

/** The standard's name for a picklist text, or why not: from another version of HTCDS, or from no list at all. */
export function picklistValue(list: ListName, raw: string): CellResult {
  const name = lookup(list).get(valueKey(raw));
  if (name) return { value: name };
  const value = raw.trim().slice(0, 60);
  return { issue: { code: olderValue(list, raw) ? 'htcds_other_version' : 'htcds_not_in_list', params: { value } } };
}

/**
 * A multi-select cell: the whole cell may be one label ("Agriculture, forestry and fishing" has
 * a comma), else its parts split at ";" or line breaks (Excel, Salesforce), else at "," or
 * spaces (XLSForm writes names separated by spaces).
 */
function multiValue(list: ListName, raw: string): CellResult {
  const whole = lookup(list).get(valueKey(raw));
  if (whole) return { value: [whole] };
  let firstIssue: CellResult | undefined;
  // Spaces split only names (XLSForm): "Forced Labor" is one wrong value, not two.
  for (const separator of [/[;\n|]/, /,/, /\s+/]) {
    const parts = raw
      .split(separator)
      .map((p) => p.trim())
      .filter(Boolean);
    if (parts.length < 2) continue;
    const values = parts.map((p) => picklistValue(list, p));
    const bad = values.find((v) => 'issue' in v);
    if (!bad) return { value: [...new Set(values.map((v) => (v as { value: string }).value))] };
    if (separator.source !== '\\s+') firstIssue ??= bad;
  }
  return firstIssue ?? picklistValue(list, raw);
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoOf = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const realDay = (y: number, m: number, d: number) => {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
};

/** Excel counts days from 1899-12-30 (its 1900 leap-year bug folded in). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * A date as Kazakh and Russian paperwork writes it (DD.MM.YYYY), as systems export it
 * (YYYY-MM-DD), or an Excel date cell. Slashes are refused: 03/04/1990 is the 3rd of April in
 * Almaty and the 4th of March in the template's home, and a wrong guess moves a person's age.
 */
export function dateValue(cell: Exclude<Cell, null | undefined>): CellResult {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return { issue: { code: 'date_format' } };
    return { value: isoOf(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate()) };
  }
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < 1 || cell > 73050) return { issue: { code: 'date_format' } };
    return dateValue(new Date(EXCEL_EPOCH + cell * 86_400_000));
  }
  const s = String(cell)
    .trim()
    .replace(/[T ]00:00(:00(\.0+)?)?Z?$/, '');
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dotted ? [dotted[3], dotted[2], dotted[1]] : [];
  if (!y || !m || !d) return { issue: { code: 'date_format', params: { value: s.slice(0, 30) } } };
  if (!realDay(Number(y), Number(m), Number(d))) return { issue: { code: 'date_invalid', params: { value: s.slice(0, 30) } } };
  return { value: isoOf(Number(y), Number(m), Number(d)) };
}

const TRUE_WORDS = new Set(['true', 'yes', '1', 'да', 'иә', 'ия', 'y']);
const FALSE_WORDS = new Set(['false', 'no', '0', 'нет', 'жоқ', 'n']);

/** Reads one cell for its column; an empty cell is `undefined`. */
export function cellValue(kind: HtcdsColumnKind, cell: Cell): CellResult {
  if (cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')) return { value: undefined };
  if (kind.type === 'date') return dateValue(cell);
  if (kind.type === 'boolean') {
    if (typeof cell === 'boolean') return { value: cell };
    const w = String(cell).trim().toLowerCase();
    if (TRUE_WORDS.has(w)) return { value: true };
    if (FALSE_WORDS.has(w)) return { value: false };
    return { issue: { code: 'htcds_not_in_list', params: { value: w.slice(0, 60) } } };
  }
  // A text our own files neutralised ("'+7701…", see safe-table-file) reads back as written.
  const raw = cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell).replace(/^'(?=[\s\u00a0\u3000]*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20])/, '');
  if (kind.type === 'text') {
    const s = raw.normalize('NFC').trim();
    return s.length > kind.max ? { issue: { code: 'too_long', params: { max: kind.max } } } : { value: s };
  }
  if (kind.type === 'country') {
    const code = parseCitizenship(raw);
    return code ? { value: code } : { issue: { code: 'country_unknown', params: { value: raw.trim().slice(0, 60) } } };
  }
  if (kind.type === 'picklist') return picklistValue(kind.list, raw);
  return multiValue(kind.list, raw);
}

export const isExploitationType = (v: string): v is (typeof EXPLOITATION_TYPES)[number] => (EXPLOITATION_TYPES as readonly string[]).includes(v);
