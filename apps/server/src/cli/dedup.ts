import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { encodeRecord, linkEncoded, linkRecords, parseBirthDate, parseSex, type EncodedRecord, type LinkageRecord } from '@qorgau/core';

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

/** A problem with an input file itself (as opposed to a bad value, which is only counted). */
export class DedupInputError extends Error {}

export interface DedupSummary {
  rows: number;
  clusters: number;
  malformedValues: number;
  seconds: number;
}

interface LinkageInput {
  /** One record per row; the record id is the row index, so duplicate input ids are harmless. */
  records: LinkageRecord[];
  /** The id written out for each row: the input's `id` column, or the row number. */
  outputIds: string[];
  malformed: number;
  ignoredColumns: string[];
}

const headerKey = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** Reads a persons CSV; malformed values are counted and left for the comparison to ignore. */
export function readLinkageCsv(input: string): LinkageInput {
  const rows = parse(readFileSync(input), { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: true }) as string[][];
  const [header = [], ...body] = rows;
  const positions = header.map((h) => headerKey(h));
  if (!positions.some((p) => p in COLUMNS && p !== 'id')) {
    throw new DedupInputError(`no recognised columns in ${input} (expected some of: ${Object.keys(COLUMNS).join(', ')})`);
  }
  let malformed = 0;
  const idColumn = positions.indexOf('id');
  const records = body.map((cells, row) => {
    const r: LinkageRecord = { id: String(row) };
    positions.forEach((p, i) => {
      const field = (COLUMNS as Record<string, keyof LinkageRecord>)[p];
      const value = cells[i]?.trim();
      if (field && field !== 'id' && value) (r as unknown as Record<string, string>)[field] = value;
    });
    if (r.birthDate && !parseBirthDate(r.birthDate)) malformed++;
    if (r.sex && !parseSex(r.sex)) malformed++;
    if (r.citizenship && !/^[A-Za-z]{2}$/.test(r.citizenship)) malformed++;
    return r;
  });
  return {
    records,
    outputIds: body.map((cells, row) => (idColumn >= 0 && cells[idColumn] ? (cells[idColumn] as string) : String(row + 1))),
    malformed,
    ignoredColumns: positions.filter((p) => !(p in COLUMNS) && !RECOGNISED_UNUSED.includes(p)),
  };
}

function writeClusters(output: string, outputIds: string[], clusters: string[][]): void {
  const clusterOf = new Map<string, string>();
  clusters
    .map((members) => [...members].sort((a, b) => Number(a) - Number(b)))
    .sort((a, b) => Number(a[0]) - Number(b[0]))
    .forEach((members, k) => members.forEach((m) => clusterOf.set(m, `c${k + 1}`)));
  writeFileSync(output, stringify([['id', 'cluster_id'], ...outputIds.map((id, row) => [id, clusterOf.get(String(row)) ?? `r${row + 1}`])]));
}

/**
 * `qorgau dedup`: links the rows of a CSV file and writes `id,cluster_id` for every row.
 * With `encoded`, the input is `qorgau encode` output (JSON lines): no plain identifiers.
 */
export function dedup(input: string, output: string, opts: { encoded: boolean }): DedupSummary & { ignoredColumns: string[] } {
  const started = process.hrtime.bigint();
  let clusters: string[][];
  let outputIds: string[];
  let malformed = 0;
  let ignoredColumns: string[] = [];
  if (opts.encoded) {
    const lines = readFileSync(input, 'utf8')
      .split('\n')
      .filter((l) => l.trim());
    const records: EncodedRecord[] = [];
    outputIds = [];
    lines.forEach((line, row) => {
      try {
        const r = JSON.parse(line) as EncodedRecord;
        records.push({ ...r, id: String(row) });
        outputIds.push(String(r.id));
      } catch {
        malformed++;
        records.push({ id: String(row), fields: {}, clk: '', blocks: [] } as unknown as EncodedRecord);
        outputIds.push(String(row + 1));
      }
    });
    clusters = linkEncoded(records).clusters;
  } else {
    const read = readLinkageCsv(input);
    ({ outputIds, malformed, ignoredColumns } = read);
    clusters = linkRecords(read.records).clusters;
  }
  writeClusters(output, outputIds, clusters);
  return {
    rows: outputIds.length,
    clusters: clusters.length,
    malformedValues: malformed,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    ignoredColumns,
  };
}

/**
 * `qorgau encode`: turns a persons CSV into keyed Bloom-filter encodings (JSON lines) that a
 * partner can link without ever seeing a name, birth date or document. The key is shared out
 * of band and never sent with the file.
 */
export function encodeCsv(input: string, output: string, keyFile: string): { rows: number; malformedValues: number } {
  const key = new Uint8Array(Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64'));
  if (key.length < 16) throw new DedupInputError(`the key in ${keyFile} must be at least 16 bytes, base64-encoded`);
  const read = readLinkageCsv(input);
  const lines = read.records.map((r, row) => JSON.stringify({ ...encodeRecord(r, key), id: read.outputIds[row] }));
  writeFileSync(output, `${lines.join('\n')}\n`);
  return { rows: lines.length, malformedValues: read.malformed };
}
