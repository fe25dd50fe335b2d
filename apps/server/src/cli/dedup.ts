import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { linkRecords, parseBirthDate, parseSex, type LinkageRecord } from '@qorgau/core';

/** Input columns recognised by header (case and spacing ignored); others are ignored. */
const COLUMNS = {
  id: 'id',
  given_name: 'givenName',
  family_name: 'familyName',
  patronymic: 'patronymic',
  full_name: 'fullName',
  date_of_birth: 'birthDate',
  sex: 'sex',
  citizenship: 'citizenship',
  document_number: 'documentNumber',
} as const satisfies Record<string, keyof LinkageRecord>;
/** Recognised but not used by the comparison yet (issue #4 lists them as inputs). */
const RECOGNISED_UNUSED = ['place_of_birth', 'address'];

/** A problem with the input file itself (as opposed to a bad value, which is only counted). */
export class DedupInputError extends Error {}

export interface DedupSummary {
  rows: number;
  clusters: number;
  malformedValues: number;
  seconds: number;
}

const headerKey = (h: string) => h.trim().toLowerCase().replace(/[\s-]+/g, '_');

/**
 * `qorgau dedup`: links the rows of a CSV file and writes `id,cluster_id` for every row.
 * Malformed values (an unreadable date, an unknown sex, a bad country code) are counted and
 * treated as missing; they never stop the run. Row order decides nothing but cluster names.
 */
export function dedupCsv(input: string, output: string): DedupSummary {
  const started = process.hrtime.bigint();
  const rows = parse(readFileSync(input), { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: true }) as string[][];
  const [header = [], ...body] = rows;
  const positions = header.map((h) => headerKey(h));
  const unknown = positions.filter((p) => !(p in COLUMNS) && !RECOGNISED_UNUSED.includes(p));
  if (!positions.some((p) => p in COLUMNS && p !== 'id')) throw new DedupInputError(`no recognised columns in ${input} (expected some of: ${Object.keys(COLUMNS).join(', ')})`);
  let malformed = 0;
  const records: LinkageRecord[] = body.map((cells, row) => {
    const r: LinkageRecord = { id: String(row) };
    positions.forEach((p, i) => {
      const field = (COLUMNS as Record<string, keyof LinkageRecord>)[p];
      const value = cells[i]?.trim();
      if (!field || field === 'id' || !value) return;
      (r as unknown as Record<string, string>)[field] = value;
    });
    if (r.birthDate && !parseBirthDate(r.birthDate)) malformed++;
    if (r.sex && !parseSex(r.sex)) malformed++;
    if (r.citizenship && !/^[A-Za-z]{2}$/.test(r.citizenship)) malformed++;
    return r;
  });
  const { clusters } = linkRecords(records);
  const clusterOf = new Map<string, string>();
  clusters
    .map((members) => [...members].sort((a, b) => Number(a) - Number(b)))
    .sort((a, b) => Number(a[0]) - Number(b[0]))
    .forEach((members, k) => members.forEach((m) => clusterOf.set(m, `c${k + 1}`)));
  const idColumn = positions.indexOf('id');
  const out = body.map((cells, row) => [idColumn >= 0 && cells[idColumn] ? cells[idColumn] : String(row + 1), clusterOf.get(String(row)) ?? `r${row + 1}`]);
  writeFileSync(output, stringify([['id', 'cluster_id'], ...out]));
  if (unknown.length) process.stderr.write(`qorgau dedup: ignored columns: ${unknown.join(', ')}\n`);
  return { rows: body.length, clusters: clusters.length, malformedValues: malformed, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}
