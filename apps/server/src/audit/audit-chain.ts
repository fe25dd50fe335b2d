import { createHmac, timingSafeEqual } from 'node:crypto';

/** The link before the first entry. */
export const GENESIS_MAC = '0'.repeat(64);

/** The MAC'd content of an entry: everything an auditor relies on, including its id. */
export interface ChainedEntry {
  id: number;
  at: Date;
  operation: string;
  outcome: string;
  actorId: string | null;
  actorUsername: string | null;
  actorRole: string | null;
  agencyId: string | null;
  recordType: string | null;
  recordId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

/** JSON with sorted object keys: jsonb does not keep key order, the MAC must not depend on it. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The entry as MAC'd. Fields are picked by name: a row read back carries more columns. */
export function entryPayload(e: ChainedEntry): string {
  return canonicalJson({
    id: e.id,
    at: e.at.toISOString(),
    operation: e.operation,
    outcome: e.outcome,
    actorId: e.actorId,
    actorUsername: e.actorUsername,
    actorRole: e.actorRole,
    agencyId: e.agencyId,
    recordType: e.recordType,
    recordId: e.recordId,
    ip: e.ip,
    details: e.details,
  });
}

/**
 * One link: HMAC-SHA-256 under the audit key (held outside the database, in the key file) over
 * the chain position, the previous link and the entry. Why keyed: with a plain hash anyone who
 * can write the tables (a superuser with triggers off) can recompute a consistent chain after
 * editing it; without the key they cannot. The position and the entry id in the MAC mean an
 * entry cannot be moved or a link pointed at another entry.
 */
export function chainMac(key: Buffer, seq: number, prevMac: string, entry: ChainedEntry): string {
  return createHmac('sha256', key)
    .update(`qorgau-audit-chain-v1\n${seq}\n${prevMac}\n${entryPayload(entry)}`)
    .digest('hex');
}

export interface ChainLink {
  seq: number;
  entryId: number;
  prevMac: string;
  mac: string;
}

/** Links `entries` in the given order after the head (seq, mac). Pure: the chainer and tests share it. */
export function linkEntries(key: Buffer, head: { seq: number; mac: string }, entries: ChainedEntry[]): ChainLink[] {
  const out: ChainLink[] = [];
  let { seq, mac } = head;
  for (const e of entries) {
    const next = chainMac(key, seq + 1, mac, e);
    out.push({ seq: seq + 1, entryId: e.id, prevMac: mac, mac: next });
    seq += 1;
    mac = next;
  }
  return out;
}

/** The first problem with a stored link, or null; `entry` is null when its audit_log row is gone. */
export function checkLink(key: Buffer, expected: { seq: number; prevMac: string }, link: ChainLink, entry: ChainedEntry | null): string | null {
  if (link.seq !== expected.seq) return `chain position ${expected.seq} is missing`;
  if (link.prevMac !== expected.prevMac) return 'link to the previous entry is broken';
  if (!entry) return 'entry was removed';
  return macEquals(chainMac(key, link.seq, link.prevMac, entry), link.mac) ? null : 'entry or its link was changed';
}

function macEquals(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
