/**
 * The record sets bench/linkage.ts links, each with its ground truth (record position →
 * person): the project's own synthetic persons, the harder synthetic set, and two sets made by
 * others (FEBRL 1–3, Splink's fake_1000), which show how the engine does on data it was not
 * built around (issue #12).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateHardLinkageRecords, generatePersons, normaliseRecord, perturbedLinkageRecord, toLinkageRecord, type LinkageRecord } from '@qorgau/core';
import { REPO_ROOT } from './process.ts';
import { fmtInt } from './report.ts';

export interface Dataset {
  name: string;
  records: LinkageRecord[];
  /** Record position → entity number (truth: same entity ⇔ same person). */
  entity: Int32Array;
  /** Record position → index into `scripts` (synthetic sets only). */
  script?: Uint8Array;
  scripts?: string[];
  /** Seconds spent generating or reading the records (not part of linking). */
  loadS: number;
  /** What the set leaves out or maps, printed with its figures. */
  note?: string;
}

/** Interns strings as small integers. */
function interner(): (s: string) => number {
  const ids = new Map<string, number>();
  return (s) => {
    let id = ids.get(s);
    if (id === undefined) ids.set(s, (id = ids.size));
    return id;
  };
}

/** Truth and script arrays of records given with an entity key and a script. */
function withTruth(rows: readonly { entity: string; script: string }[]): { entity: Int32Array; script: Uint8Array; scripts: string[] } {
  const entity = new Int32Array(rows.length);
  const script = new Uint8Array(rows.length);
  const scripts: string[] = [];
  const entityOf = interner();
  rows.forEach((row, k) => {
    entity[k] = entityOf(row.entity);
    let s = scripts.indexOf(row.script);
    if (s < 0) s = scripts.push(row.script) - 1;
    script[k] = s;
  });
  return { entity, script, scripts };
}

export function syntheticDataset(seed: number, size: number, duplicateRate: number, perturb: boolean): Dataset {
  const t0 = performance.now();
  const records: LinkageRecord[] = [];
  const rows: { entity: string; script: string }[] = [];
  for (const p of generatePersons({ seed, count: size, duplicateRate })) {
    records.push(perturb ? perturbedLinkageRecord(p) : toLinkageRecord(p));
    rows.push({ entity: p.canonicalKey, script: p.script });
  }
  return { name: `synthetic${perturb ? '~' : ''} ${fmtInt(size)}`, records, ...withTruth(rows), loadS: (performance.now() - t0) / 1000 };
}

/** The harder set (`generateHardLinkageRecords`); the truth fields are not handed to the engine. */
export function hardDataset(seed: number, size: number): Dataset {
  const t0 = performance.now();
  const hard = generateHardLinkageRecords({ seed, count: size });
  // The records without their truth (entity, script, the person as she is): what the engine sees.
  const records = hard.map(({ entity: _entity, script: _script, truth: _truth, ...record }): LinkageRecord => record);
  return { name: `hard ${fmtInt(size)}`, records, ...withTruth(hard), loadS: (performance.now() - t0) / 1000 };
}

/** A comma-separated file without quoted fields (FEBRL's and Splink's are such). */
function csv(file: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const cols = (head ?? '').split(',').map((c) => c.trim());
  return lines.map((l) => {
    const v = l.split(',').map((c) => c.trim());
    return Object.fromEntries(cols.map((c, k) => [c, v[k] ?? '']));
  });
}

const FEBRL_DIR = process.env.BENCH_FEBRL_DIR ?? resolve(REPO_ROOT, '../shared/reference/linkage/febrl');
const SPLINK_FILE = process.env.BENCH_SPLINK_FILE ?? resolve(REPO_ROOT, '../shared/reference/linkage/splink-fake-1000/fake_1000.csv');

export function febrlDir(): string | null {
  return existsSync(join(FEBRL_DIR, 'dataset1.csv')) ? FEBRL_DIR : null;
}
export const febrlMissing = (): string => `note: FEBRL data not found at ${FEBRL_DIR} (set BENCH_FEBRL_DIR); skipping FEBRL`;

export function splinkFile(): string | null {
  return existsSync(SPLINK_FILE) ? SPLINK_FILE : null;
}
export const splinkMissing = (): string => `note: Splink fake_1000 not found at ${SPLINK_FILE} (set BENCH_SPLINK_FILE); skipping splink`;

export function febrlDataset(dir: string, n: 1 | 2 | 3): Dataset {
  const t0 = performance.now();
  const entityById = new Map<string, string>();
  const rows = csv(join(dir, `dataset${n}.csv`));
  const entity = new Int32Array(rows.length);
  const entityOf = interner();
  const records = rows.map((r, k): LinkageRecord => {
    const id = r.rec_id ?? '';
    const m = /^rec-(\d+)-/.exec(id);
    if (!m) throw new Error(`FEBRL dataset${n}: unexpected rec_id ${JSON.stringify(id)}`);
    entityById.set(id, m[1] as string);
    entity[k] = entityOf(m[1] as string);
    const dob = r.date_of_birth ?? '';
    return {
      id,
      givenName: r.given_name || null,
      familyName: r.surname || null,
      birthDate: /^\d{8}$/.test(dob) ? `${dob.slice(0, 4)}-${dob.slice(4, 6)}-${dob.slice(6, 8)}` : dob || null,
      documentNumber: r.soc_sec_id || null,
    };
  });
  // The truth file must say the same as the rec-<n>- numbers (which the figures use).
  const filePairs = csv(join(dir, `dataset${n}_true_pairs.csv`));
  let derived = 0;
  const sizes = new Map<string, number>();
  for (const e of entityById.values()) sizes.set(e, (sizes.get(e) ?? 0) + 1);
  for (const c of sizes.values()) derived += (c * (c - 1)) / 2;
  const bad = filePairs.filter((p) => entityById.get(p.rec_id_1 ?? '') === undefined || entityById.get(p.rec_id_1 ?? '') !== entityById.get(p.rec_id_2 ?? ''));
  if (bad.length || derived !== filePairs.length)
    throw new Error(`FEBRL dataset${n}: true_pairs.csv (${filePairs.length} pairs, ${bad.length} inconsistent) ≠ rec-<n> groups (${derived} pairs)`);
  return {
    name: `FEBRL ${n}`,
    records,
    entity,
    loadS: (performance.now() - t0) / 1000,
    note: 'address, suburb, postcode and state are not engine fields: left out',
  };
}

/**
 * Whether the engine reads `contact` and `place` (the LinkageRecord interface may grow them):
 * a probe record is normalised and its features looked at, so the bench needs no change when it does.
 */
function engineReadsContactAndPlace(): boolean {
  const probe = normaliseRecord({ id: 'probe', contact: 'a@example.org', place: 'London' } as LinkageRecord);
  return Reflect.get(probe, 'contact') != null && Reflect.get(probe, 'place') != null;
}

/**
 * Splink's fake_1000 (MIT; see ../shared/reference/linkage/README.md): first_name → givenName,
 * surname → familyName, dob → birthDate; city → place and email → contact only if the engine
 * reads those fields. Truth: equal `cluster`.
 */
export function splinkDataset(file: string): Dataset {
  const t0 = performance.now();
  const rows = csv(file);
  const extras = engineReadsContactAndPlace();
  const entity = new Int32Array(rows.length);
  const entityOf = interner();
  const records = rows.map((r, k): LinkageRecord => {
    entity[k] = entityOf(r.cluster ?? '');
    const base: LinkageRecord = { id: `s${r.unique_id ?? k}`, givenName: r.first_name || null, familyName: r.surname || null, birthDate: r.dob || null };
    // Spread from an index-typed object: the fields exist in the engine's interface only when `extras`.
    const extra: Record<string, string | null> = extras ? { place: r.city || null, contact: r.email || null } : {};
    return { ...base, ...extra };
  });
  return {
    name: 'splink fake_1000',
    records,
    entity,
    loadS: (performance.now() - t0) / 1000,
    note: extras
      ? 'city → place and email → contact are given to the engine'
      : 'city and email are not engine fields (LinkageRecord has no place/contact): left out',
  };
}
