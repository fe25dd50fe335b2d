import { createHash, randomInt } from 'node:crypto';

export const AUDIT_LANES = 8;
export const GENESIS_HASH = '0'.repeat(64);

/** The hashed content of an entry; everything an auditor relies on is covered. */
export interface ChainedFields {
  lane: number;
  laneSeq: number;
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

/** JSON with sorted object keys: jsonb does not keep key order, the hash must not depend on it. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The payload string; the lane sequence is included so an entry cannot be moved. */
export function chainPayload(f: Omit<ChainedFields, 'laneSeq'>): string {
  // Fields are picked by name: a row read back carries more columns than were hashed.
  return canonicalJson({
    lane: f.lane,
    at: f.at.toISOString(),
    operation: f.operation,
    outcome: f.outcome,
    actorId: f.actorId,
    actorUsername: f.actorUsername,
    actorRole: f.actorRole,
    agencyId: f.agencyId,
    recordType: f.recordType,
    recordId: f.recordId,
    ip: f.ip,
    details: f.details,
  });
}

export function chainHash(prevHash: string, laneSeq: number, payload: string): string {
  return createHash('sha256').update(`${prevHash}\n${laneSeq}\n${payload}`).digest('hex');
}

export const pickLane = (): number => randomInt(AUDIT_LANES);
