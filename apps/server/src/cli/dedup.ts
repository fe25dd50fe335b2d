import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula } from '../util/safe-table-file.ts';
import {
  clusterSizeHistogram,
  encodeRecord,
  linkEncoded,
  linkRecords,
  parseBirthDate,
  parseCitizenship,
  parseSex,
  type ClusterSizeHistogram,
  type EncodedRecord,
  type LinkageRecord,
  type LinkResult,
} from '@qorgau/core';

/**
 * Header spellings per field, best first, as written by this project, by other linkage tools
 * (FEBRL: rec_id, surname, soc_sec_id; Splink's examples: unique_id, first_name, dob) and by
 * clerks in Russian and Kazakh. Compared after `headerKey`, so "Date of Birth", "date-of-birth"
 * and "DateOfBirth" are one spelling. A bare "name" is settled in `assignColumns`.
 */
const ALIASES = {
  id: ['id', 'rec_id', 'record_id', 'unique_id', 'person_id'],
  givenName: ['given_name', 'first_name', 'forename', 'given', 'имя', 'аты'],
  familyName: ['family_name', 'surname', 'last_name', 'фамилия', 'тегі'],
  patronymic: ['patronymic', 'middle_name', 'father_name', 'отчество', 'әкесінің_аты'],
  fullName: ['full_name', 'фио', 'аты_жөні'],
  birthDate: ['date_of_birth', 'birth_date', 'dob', 'birthdate', 'дата_рождения', 'туған_күні'],
  sex: ['sex', 'gender', 'пол', 'жынысы'],
  citizenship: ['citizenship', 'nationality', 'country', 'гражданство', 'азаматтығы'],
  documentNumber: ['document_number', 'passport', 'passport_number', 'document', 'id_number', 'iin', 'soc_sec_id', 'иин', 'жсн', 'паспорт'],
  contact: ['contact', 'email', 'e_mail', 'phone', 'mobile_phone', 'telephone', 'mobile', 'телефон', 'эл_почта'],
  place: ['place', 'place_of_birth', 'birth_place', 'city', 'town', 'settlement', 'место_рождения', 'город', 'туған_жері', 'қала'],
} as const satisfies Partial<Record<keyof LinkageRecord, readonly string[]>>;
/** The record fields a CSV column can feed. */
type ReadField = keyof typeof ALIASES;
/** Recognised but not used by the comparison (a street address is too fine to compare as a place). */
const RECOGNISED_UNUSED = ['address'];

/** The fields whose values can be not understood, in the order the summary lists them. */
export const CHECKED_FIELDS = ['birthDate', 'sex', 'citizenship', 'documentNumber'] as const;
export type CheckedField = (typeof CHECKED_FIELDS)[number];

/** Is a present value of this field understood? Documents need a digit: only digits are compared. */
const UNDERSTOOD: Readonly<Record<CheckedField, (value: string) => boolean>> = {
  birthDate: (v) => parseBirthDate(v) !== null,
  sex: (v) => parseSex(v) !== null,
  citizenship: (v) => parseCitizenship(v) !== null,
  documentNumber: (v) => /\d/.test(v),
};

/** A problem with an input file itself (as opposed to a bad value, which is only counted). */
export class DedupInputError extends Error {}

export interface DedupSummary {
  rows: number;
  clusters: number;
  /** Values present but not understood, per field; the comparison treats them as missing. */
  notUnderstood: Record<CheckedField, number>;
  /** All of `notUnderstood` plus, with `--encoded`, lines that are not JSON. */
  notUnderstoodTotal: number;
  /** With `--encoded`: lines that could not be read (each becomes a record of its own). */
  unreadableLines: number;
  /** Which input column was read for which field (CSV input only). */
  columns: Partial<Record<ReadField, string>>;
  /** Input columns neither used nor recognised, as written in the header. */
  ignoredColumns: string[];
  clusterSizes: ClusterSizeHistogram;
  /** Pairs left for a person to decide (likely, but not linked automatically): counted apart, never as one person. */
  reviewPairs: number;
  /** Of those, pairs the model scored 'same' that clustering refused (a conflict inside the cluster, or one too large). */
  refusedMerges: number;
  seconds: number;
}

interface LinkageInput {
  /** One record per row; the record id is the row index, so duplicate input ids are harmless. */
  records: LinkageRecord[];
  /** The id written out for each row: the input's `id` column, or the row number. */
  outputIds: string[];
  notUnderstood: Record<CheckedField, number>;
  columns: Partial<Record<ReadField, string>>;
  ignoredColumns: string[];
}

/** Case, spaces and punctuation ignored: "Date of Birth", "date_of_birth" and "DateOfBirth" are one key. */
const headerKey = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Which column feeds which field: for each field, the first of its aliases the header has.
 * A bare "name" is the given name when the file has a surname column but no given-name one,
 * and the whole name when it has neither; otherwise it is ignored rather than guessed.
 */
function assignColumns(header: readonly string[]): Map<number, ReadField> {
  const keys = header.map(headerKey);
  const taken = new Map<number, ReadField>();
  const fieldOf = new Map<ReadField, number>();
  for (const [field, aliases] of Object.entries(ALIASES) as [ReadField, readonly string[]][]) {
    for (const alias of aliases) {
      const i = keys.indexOf(headerKey(alias));
      if (i >= 0 && !taken.has(i)) {
        taken.set(i, field);
        fieldOf.set(field, i);
        break;
      }
    }
  }
  const name = keys.indexOf('name');
  if (name >= 0 && !taken.has(name) && !fieldOf.has('givenName')) {
    if (fieldOf.has('familyName')) taken.set(name, 'givenName');
    else if (!fieldOf.has('fullName')) taken.set(name, 'fullName');
  }
  return taken;
}

const noneNotUnderstood = (): Record<CheckedField, number> => ({ birthDate: 0, sex: 0, citizenship: 0, documentNumber: 0 });

/** Reads a persons CSV; values not understood are counted and left for the comparison to ignore. */
export function readLinkageCsv(input: string): LinkageInput {
  const rows = parse(readFileSync(input), { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: true }) as string[][];
  const [header = [], ...body] = rows;
  const assigned = assignColumns(header);
  if (![...assigned.values()].some((f) => f !== 'id')) {
    const expected = (Object.keys(ALIASES) as ReadField[]).filter((f) => f !== 'id').map((f) => ALIASES[f][0]);
    throw new DedupInputError(`no recognised columns in ${input} (expected some of: ${expected.join(', ')}; see README for other spellings)`);
  }
  const notUnderstood = noneNotUnderstood();
  const idColumn = [...assigned].find(([, f]) => f === 'id')?.[0];
  const records = body.map((cells, row) => {
    const r: LinkageRecord = { id: String(row) };
    for (const [i, field] of assigned) {
      const value = cells[i]?.trim();
      if (field !== 'id' && value) r[field] = value;
    }
    for (const field of CHECKED_FIELDS) {
      const value = r[field];
      if (value && !UNDERSTOOD[field](value)) notUnderstood[field]++;
    }
    return r;
  });
  const columns: Partial<Record<ReadField, string>> = {};
  // In the order of the header, which is how the user will read the summary.
  for (const [i, field] of [...assigned].sort(([a], [b]) => a - b)) columns[field] = header[i] as string;
  const unused = new Set(RECOGNISED_UNUSED.map(headerKey));
  return {
    records,
    outputIds: body.map((cells, row) => (idColumn !== undefined && cells[idColumn] ? (cells[idColumn] as string) : String(row + 1))),
    notUnderstood,
    columns,
    ignoredColumns: header.filter((h, i) => !assigned.has(i) && !unused.has(headerKey(h))),
  };
}

function writeClusters(output: string, outputIds: string[], clusters: string[][]): void {
  const clusterOf = new Map<string, string>();
  clusters
    .map((members) => [...members].sort((a, b) => Number(a) - Number(b)))
    .sort((a, b) => Number(a[0]) - Number(b[0]))
    .forEach((members, k) => members.forEach((m) => clusterOf.set(m, `c${k + 1}`)));
  // The ids are the input file's own text: a spreadsheet must not run one as a formula (issue #14).
  writeFileSync(output, stringify([['id', 'cluster_id'], ...outputIds.map((id, row) => [neutraliseFormula(id), clusterOf.get(String(row)) ?? `r${row + 1}`])]));
}

/**
 * `qorgau dedup`: links the rows of a CSV file and writes `id,cluster_id` for every row.
 * With `encoded`, the input is `qorgau encode` output (JSON lines): no plain identifiers.
 */
export function dedup(input: string, output: string, opts: { encoded: boolean }): DedupSummary {
  const started = process.hrtime.bigint();
  let result: LinkResult;
  let outputIds: string[];
  let notUnderstood = noneNotUnderstood();
  let unreadableLines = 0;
  let columns: DedupSummary['columns'] = {};
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
        unreadableLines++;
        records.push({ id: String(row), fields: {}, clk: '', blocks: [] } as unknown as EncodedRecord);
        outputIds.push(String(row + 1));
      }
    });
    result = linkEncoded(records, { decisions: 'linked' });
  } else {
    const read = readLinkageCsv(input);
    ({ outputIds, notUnderstood, columns, ignoredColumns } = read);
    result = linkRecords(read.records, { decisions: 'linked' });
  }
  const { clusters } = result;
  writeClusters(output, outputIds, clusters);
  // Rows a cluster does not list are clusters of one (writeClusters gives them their own id).
  const listed = clusters.reduce((n, c) => n + c.length, 0);
  const singletons = Array.from({ length: Math.max(0, outputIds.length - listed) }, (_, i) => [`single${i}`]);
  return {
    rows: outputIds.length,
    clusters: clusters.length + singletons.length,
    notUnderstood,
    notUnderstoodTotal: CHECKED_FIELDS.reduce((n, f) => n + notUnderstood[f], unreadableLines),
    unreadableLines,
    columns,
    ignoredColumns,
    clusterSizes: clusterSizeHistogram([...clusters, ...singletons]),
    reviewPairs: result.decisions.filter((d) => d.decision === 'review').length,
    refusedMerges: result.refusedMerges,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
  };
}

const FIELD_LABEL: Readonly<Record<ReadField, string>> = {
  id: 'id',
  givenName: 'given name',
  familyName: 'family name',
  patronymic: 'patronymic',
  fullName: 'full name',
  birthDate: 'birth date',
  sex: 'sex',
  citizenship: 'citizenship',
  documentNumber: 'document number',
  contact: 'phone or e-mail',
  place: 'place',
};

/** The lines `qorgau dedup` prints on stderr. */
export function formatDedupSummary(s: DedupSummary): string[] {
  const lines: string[] = [];
  const read = Object.entries(s.columns) as [ReadField, string][];
  if (read.length)
    lines.push(`columns read: ${read.map(([f, h]) => (headerKey(h) === headerKey(FIELD_LABEL[f]) ? h : `${h} as ${FIELD_LABEL[f]}`)).join(', ')}`);
  if (s.ignoredColumns.length) lines.push(`ignored columns: ${s.ignoredColumns.join(', ')}`);
  lines.push(
    `${s.rows} rows, ${s.clusters} clusters, ${s.notUnderstoodTotal} value${s.notUnderstoodTotal === 1 ? '' : 's'} not understood (treated as missing), ${s.seconds.toFixed(2)} s`,
  );
  const perField = CHECKED_FIELDS.filter((f) => s.columns[f] !== undefined).map((f) => `${FIELD_LABEL[f]} ${s.notUnderstood[f]}`);
  if (s.unreadableLines) perField.push(`unreadable lines ${s.unreadableLines}`);
  if (perField.length) lines.push(`not understood: ${perField.join(', ')}`);
  const sizes = Object.entries(s.clusterSizes.counts).map(([bucket, n]) => `${bucket}: ${n}`);
  lines.push(`cluster sizes: ${sizes.join(', ')}; largest ${s.clusterSizes.largest}`);
  if (s.reviewPairs)
    lines.push(
      `${s.reviewPairs} pair${s.reviewPairs === 1 ? '' : 's'} left for review, not linked (${s.refusedMerges} of them kept apart to keep clusters coherent)`,
    );
  return lines.map((l) => `qorgau dedup: ${l}`);
}

/**
 * `qorgau encode`: turns a persons CSV into keyed Bloom-filter encodings (JSON lines) that a
 * partner can link without ever seeing a name, birth date or document. The key is shared out
 * of band and never sent with the file.
 */
export function encodeCsv(input: string, output: string, keyFile: string): { rows: number; notUnderstood: Record<CheckedField, number> } {
  const key = new Uint8Array(Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64'));
  if (key.length < 16) throw new DedupInputError(`the key in ${keyFile} must be at least 16 bytes, base64-encoded`);
  const read = readLinkageCsv(input);
  const lines = read.records.map((r, row) => JSON.stringify({ ...encodeRecord(r, key), id: read.outputIds[row] }));
  writeFileSync(output, `${lines.join('\n')}\n`);
  return { rows: lines.length, notUnderstood: read.notUnderstood };
}
