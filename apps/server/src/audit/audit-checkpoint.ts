import { sign, verify, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { canonicalJson } from './audit-chain.ts';
import type { AuditKeys } from './audit-keys.ts';

export const CHECKPOINT_FORMAT = 'qorgau-audit-checkpoint/1';

/**
 * What a checkpoint states: the chain's head at a moment. `entries` is how many entries the
 * chain held (positions 1…seq). Signed with Ed25519 (ADR 0007): anyone with the public key can
 * check it, only the key file's holder can make one, and a copy kept outside the database (a
 * WORM bucket, a printed digest) pins the chain up to `seq`: removing or rewriting anything up to
 * there no longer reaches the signed MAC.
 */
export const CheckpointStatement = z.object({
  format: z.literal(CHECKPOINT_FORMAT),
  seq: z.number().int().min(0),
  mac: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string().datetime(),
  entries: z.number().int().min(0),
});
export type CheckpointStatement = z.infer<typeof CheckpointStatement>;

/**
 * The file: the statement as the exact signed text (so it can be checked with any Ed25519 tool,
 * e.g. `openssl pkeyutl -verify -rawin`), its signature (base64) and the key's fingerprint.
 */
export const CheckpointFile = z.object({
  format: z.literal(CHECKPOINT_FORMAT),
  statement: z.string(),
  signature: z.string(),
  keyId: z.string(),
});
export type CheckpointFile = z.infer<typeof CheckpointFile>;

export class CheckpointError extends Error {}

export function signCheckpoint(keys: AuditKeys, head: { seq: number; mac: string }, at: Date): CheckpointFile {
  const statement = canonicalJson({ format: CHECKPOINT_FORMAT, seq: head.seq, mac: head.mac, at: at.toISOString(), entries: head.seq });
  return { format: CHECKPOINT_FORMAT, statement, signature: sign(null, Buffer.from(statement, 'utf8'), keys.signingKey).toString('base64'), keyId: keys.keyId };
}

/** The statement of a checkpoint whose signature holds under `publicKey`; throws otherwise. */
export function openCheckpoint(raw: unknown, publicKey: KeyObject): CheckpointStatement {
  const file = CheckpointFile.safeParse(raw);
  if (!file.success) throw new CheckpointError('not a Qorgau audit checkpoint');
  const ok = verify(null, Buffer.from(file.data.statement, 'utf8'), publicKey, Buffer.from(file.data.signature, 'base64'));
  if (!ok) throw new CheckpointError('checkpoint signature does not verify with the audit public key');
  let parsed: unknown;
  try {
    parsed = JSON.parse(file.data.statement);
  } catch {
    throw new CheckpointError('checkpoint statement is not JSON');
  }
  const statement = CheckpointStatement.safeParse(parsed);
  if (!statement.success) throw new CheckpointError('checkpoint statement has an unknown shape');
  return statement.data;
}

export function readCheckpointFile(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new CheckpointError(`cannot read checkpoint ${path}: ${(e as Error).message}`);
  }
}

const fileName = (s: { seq: number; at: string }) => `audit-checkpoint-${s.at.replace(/[:.]/g, '-')}-${String(s.seq).padStart(12, '0')}.json`;

/** Writes `dir/audit-checkpoint-<time>-<seq>.json` (temporary file + rename) and returns its path. */
export function writeCheckpointFile(dir: string, cp: CheckpointFile): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, fileName(JSON.parse(cp.statement) as CheckpointStatement));
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify(cp, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, path);
  return path;
}

/** The checkpoint with the highest position (then the latest time) in `dir`, or null. */
export function latestCheckpointFile(dir: string): string | null {
  if (!existsSync(dir)) return null;
  let best: { path: string; seq: number; at: string } | null = null;
  for (const name of readdirSync(dir).filter((n) => n.startsWith('audit-checkpoint-') && n.endsWith('.json'))) {
    const path = join(dir, name);
    let s: ReturnType<typeof CheckpointStatement.safeParse>;
    try {
      s = CheckpointStatement.safeParse(JSON.parse(CheckpointFile.parse(readCheckpointFile(path)).statement));
    } catch {
      continue; // not a checkpoint; the signature is checked when the chosen one is opened
    }
    if (!s.success) continue;
    if (!best || s.data.seq > best.seq || (s.data.seq === best.seq && s.data.at > best.at)) best = { path, seq: s.data.seq, at: s.data.at };
  }
  return best?.path ?? null;
}
