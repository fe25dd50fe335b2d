/**
 * Privacy-preserving encodings (issue #4 item 4): a record's identifying fields as keyed
 * Bloom filters, after Schnell, Bachteler & Reiher (2009, 2011) and anonlink/clkhash.
 * The owner encodes with a secret key shared out of band; only bit strings leave it.
 *
 * Each record yields one Bloom filter per field, for field-level Fellegi–Sunter comparison,
 * and one cryptographic long-term key (CLK) with every field in one filter, for exchange
 * with CLK-based tools. Tokens: bigrams of the padded name skeletons and stems (folded
 * across scripts by `normaliseRecord`, so «Әйгерім» and "AIGERIM" encode alike), birth
 * year, month and day (and the full date in the CLK), sex, citizenship, document digit bigrams.
 *
 * Hardening against frequency and pattern attacks:
 * 1. Keyed random hashing, not double hashing: each token's k bit positions come from
 *    HMAC-SHA256(key, domain ‖ token ‖ counter), so they are independent pseudorandom values.
 *    Double hashing (h1 + i·h2) puts them on an arithmetic progression that attacks
 *    (Kroll & Steinmetzer 2015; Niedermeyer et al. 2014) recover bigrams from.
 * 2. Salting by field: the hash input carries the field's domain, so a bigram sets unrelated
 *    bits in different fields and the CLK uses positions unrelated to the field filters;
 *    frequent values cannot be lined up across fields. Name parts share one domain on purpose,
 *    so given and family names swapped by a clerk still compare crosswise.
 * Known residual leak (inherent to field-level filters): a one-token field (sex, year, month,
 * day, citizenship) is a deterministic pseudonym, so its value distribution, though not its
 * values, is visible to whoever holds encodings; the key keeps a dictionary attack out.
 */
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { normaliseRecord, type LinkageRecord, type NamePart } from '../linkage-record.ts';
import { bytesToBase64 } from './dice.ts';

/** Fields encoded as their own filters. `documentIin` and `documentOther` are exclusive. */
export const ENCODED_FIELDS = [
  'given',
  'givenStem',
  'family',
  'familyStem',
  'patronymic',
  'patronymicStem',
  'birthYear',
  'birthMonth',
  'birthDay',
  'sex',
  'citizenship',
  'documentIin',
  'documentOther',
  'birthDigits',
  'contact',
  'place',
] as const;
/** One encoded field. */
export type EncodedField = (typeof ENCODED_FIELDS)[number];

/** Encoding parameters; both parties must use the same schema and key. */
export interface ClkSchema {
  /** Filter length in bits, a power of two from 64 to 65,536 (default 1024). */
  length: number;
  /** Hash functions per token in each field's own filter. */
  fieldK: Record<EncodedField, number>;
  /** Hash functions per token in the CLK (its field weights); 0 leaves a field out. */
  clkK: Record<EncodedField | 'birthFull', number>;
}

/** Default schema: k chosen so a typical field filter is 10–25% full and the CLK about half. */
export const DEFAULT_CLK_SCHEMA: ClkSchema = {
  length: 1024,
  fieldK: {
    given: 20,
    givenStem: 20,
    family: 20,
    familyStem: 20,
    patronymic: 20,
    patronymicStem: 20,
    birthYear: 20,
    birthMonth: 20,
    birthDay: 20,
    sex: 20,
    citizenship: 20,
    documentIin: 20,
    documentOther: 20,
    birthDigits: 20,
    contact: 20,
    place: 20,
  },
  clkK: {
    given: 12,
    givenStem: 0,
    family: 12,
    familyStem: 0,
    patronymic: 8,
    patronymicStem: 0,
    birthYear: 10,
    birthMonth: 6,
    birthDay: 6,
    birthFull: 12,
    sex: 4,
    citizenship: 4,
    documentIin: 10,
    documentOther: 10,
    // Left out of the CLK, which predates them: it stays comparable with encodings already shared.
    birthDigits: 0,
    contact: 0,
    place: 0,
  },
};

/** What leaves the owner: bit strings only, base64. */
export interface EncodedRecord {
  /** The owner's record id; must itself be an opaque reference, not an identifier. */
  id: string;
  /** Filters of the fields the record has; absent fields are left out. */
  fields: Partial<Record<EncodedField, string>>;
  /** The CLK: all fields in one filter. */
  clk: string;
  /** Keyed blocking tokens: records sharing one are compared (see `blockingTokens`). */
  blocks: string[];
}

/** Hash domain of each field. Names share one (crosswise comparison); month and day share one (swap detection). */
const DOMAIN: Record<EncodedField | 'birthFull', string> = {
  given: 'name',
  givenStem: 'name',
  family: 'name',
  familyStem: 'name',
  patronymic: 'name',
  patronymicStem: 'name',
  birthYear: 'year',
  birthMonth: 'monthday',
  birthDay: 'monthday',
  birthFull: 'date',
  sex: 'sex',
  citizenship: 'citizenship',
  documentIin: 'iin',
  documentOther: 'document',
  birthDigits: 'digits',
  contact: 'contact',
  place: 'place',
};

/** Character bigrams of a string padded with '_' at both ends ("ab" → _a, ab, b_). */
export function bigrams(text: string): string[] {
  const chars = [...`_${text}_`];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}`);
  return [...out];
}

/** Subkeys for filters and blocks: one secret never serves two purposes (HKDF, RFC 5869). */
function deriveKeys(key: Uint8Array): { filter: Uint8Array; block: Uint8Array } {
  // A short key would make the whole scheme a dictionary away from broken.
  if (key.length < 16) throw new RangeError('the linkage key must be at least 16 bytes (128 bits)');
  const derive = (info: string): Uint8Array => hkdf(sha256, key, undefined, utf8ToBytes(`qorgau/clk/v1/${info}`), 32);
  return { filter: derive('filter'), block: derive('block') };
}

function checkSchema(schema: ClkSchema): void {
  const { length } = schema;
  // Power of two ≤ 2^16 so a 16-bit slice of the HMAC maps to a position without modulo bias.
  if (!Number.isInteger(length) || length < 64 || length > 65536 || (length & (length - 1)) !== 0) {
    throw new RangeError('filter length must be a power of two from 64 to 65536 bits');
  }
  for (const k of [...Object.values(schema.fieldK), ...Object.values(schema.clkK)]) {
    if (!Number.isInteger(k) || k < 0 || k > 256) throw new RangeError('k must be an integer from 0 to 256');
  }
}

type Mac = ReturnType<typeof hmac.create>;

/** Sets a token's k bits: positions are 16-bit slices of HMAC(key, domain ‖ 0 ‖ token ‖ 0 ‖ counter). */
function addToken(filter: Uint8Array, mac: Mac, domain: string, token: string, k: number): void {
  const mask = filter.length * 8 - 1;
  for (let block = 0; block * 16 < k; block++) {
    const digest = mac
      .clone()
      .update(utf8ToBytes(`${domain}\u0000${token}\u0000${block}`))
      .digest();
    for (let i = 0; i < 16 && block * 16 + i < k; i++) {
      const pos = (((digest[2 * i] ?? 0) << 8) | (digest[2 * i + 1] ?? 0)) & mask;
      filter[pos >> 3] = (filter[pos >> 3] ?? 0) | (1 << (pos & 7));
    }
  }
}

const partTokens = (p: NamePart | null, stem: boolean): string[] | null => (p === null ? null : bigrams(stem ? p.stem : p.skeleton));

/** The plain tokens of each field of a record; they never leave `encodeRecord`. */
function fieldTokens(record: LinkageRecord): { fields: Partial<Record<EncodedField | 'birthFull', string[]>>; blocks: string[] } {
  const r = normaliseRecord(record);
  const f: Partial<Record<EncodedField | 'birthFull', string[]>> = {};
  const set = (field: EncodedField | 'birthFull', tokens: string[] | null): void => {
    if (tokens !== null && tokens.length > 0) f[field] = tokens;
  };
  set('given', partTokens(r.given, false));
  set('givenStem', partTokens(r.given, true));
  set('family', partTokens(r.family, false));
  set('familyStem', partTokens(r.family, true));
  set('patronymic', partTokens(r.patronymic, false));
  set('patronymicStem', partTokens(r.patronymic, true));
  const b = r.birth;
  if (b !== null) {
    set('birthYear', [String(b.year)]);
    set('birthMonth', b.month === undefined ? null : [String(b.month)]);
    set('birthDay', b.day === undefined ? null : [String(b.day)]);
    set('birthFull', [`${b.year}-${b.month ?? 0}-${b.day ?? 0}`]);
    // Each digit with its position: one mistyped digit leaves 7 of 8 tokens shared (the plain 'typo' level).
    if (b.month !== undefined && b.day !== undefined) {
      const digits = `${b.year}`.padStart(4, '0') + `${b.month}`.padStart(2, '0') + `${b.day}`.padStart(2, '0');
      set(
        'birthDigits',
        [...digits].map((d, i) => `${i}:${d}`),
      );
    }
  }
  set('contact', r.contact === null ? null : bigrams(r.contact));
  set('place', r.place === null ? null : bigrams(r.place));
  set('sex', r.sex === null ? null : [r.sex]);
  set('citizenship', r.citizenship === null ? null : [r.citizenship]);
  if (r.document !== null) set(r.documentIsIin ? 'documentIin' : 'documentOther', bigrams(r.document));
  return { fields: f, blocks: blockingTokens(r.given, r.family, r.patronymic, b?.year ?? null, r.document, r.contact) };
}

/**
 * Plain blocking tokens: 2-letter prefix of each name part's skeleton and stem with the birth
 * year (so given/family order does not matter); both parts' prefixes without the year (a
 * mistyped year); the document digits; the contact. They are hashed with the key before leaving.
 */
function blockingTokens(
  given: NamePart | null,
  family: NamePart | null,
  patronymic: NamePart | null,
  year: number | null,
  doc: string | null,
  contact: string | null,
): string[] {
  const out = new Set<string>();
  const prefixes = (p: NamePart | null): string[] => (p === null ? [] : [p.skeleton.slice(0, 2), p.stem.slice(0, 2)].filter((s) => s.length === 2));
  for (const p of [given, family, patronymic]) for (const pre of prefixes(p)) out.add(`p:${pre}:${year ?? ''}`);
  for (const g of prefixes(given)) for (const fam of prefixes(family)) out.add(`gf:${[g, fam].sort().join(':')}`);
  if (doc !== null && doc.length >= 5) out.add(`d:${doc}`);
  // The contact whole, and an e-mail's mailbox alone (a typo in the domain still meets), as in plain blocking.
  if (contact !== null) {
    out.add(`c:${contact}`);
    const at = contact.indexOf('@');
    if (at > 0) out.add(`cl:${contact.slice(0, at)}`);
  }
  return [...out];
}

/**
 * Encodes a record under `key` (≥ 16 bytes, shared out of band by the linking parties).
 * Deterministic: the same record, key and schema give the same encoding; without the key
 * the filters and block tokens cannot be recomputed from guessed values.
 */
export function encodeRecord(record: LinkageRecord, key: Uint8Array, schema: ClkSchema = DEFAULT_CLK_SCHEMA): EncodedRecord {
  checkSchema(schema);
  const keys = deriveKeys(key);
  const mac = hmac.create(sha256, keys.filter);
  const blockMac = hmac.create(sha256, keys.block);
  const bytes = schema.length / 8;
  const { fields: tokens, blocks } = fieldTokens(record);
  const clk = new Uint8Array(bytes);
  const fields: Partial<Record<EncodedField, string>> = {};
  for (const [name, list] of Object.entries(tokens) as [EncodedField | 'birthFull', string[]][]) {
    const clkK = schema.clkK[name];
    // The CLK's own domain prefix makes its bits independent of the field filters' bits.
    for (const t of list) if (clkK > 0) addToken(clk, mac, `clk/${DOMAIN[name]}`, t, clkK);
    if (name === 'birthFull') continue;
    const filter = new Uint8Array(bytes);
    for (const t of list) addToken(filter, mac, `field/${DOMAIN[name]}`, t, schema.fieldK[name]);
    fields[name] = bytesToBase64(filter);
  }
  const hashedBlocks = blocks.map((t) => bytesToBase64(blockMac.clone().update(utf8ToBytes(t)).digest().subarray(0, 12)));
  return { id: record.id, fields, clk: bytesToBase64(clk), blocks: [...new Set(hashedBlocks)].sort() };
}
