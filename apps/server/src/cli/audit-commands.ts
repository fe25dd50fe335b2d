import { writeFileSync } from 'node:fs';
import type { Config } from '../config.ts';
import { chainHead, chainPending } from '../audit/audit-chainer.ts';
import { latestCheckpointFile, openCheckpoint, readCheckpointFile, signCheckpoint, type CheckpointStatement } from '../audit/audit-checkpoint.ts';
import { keyIdOf, publicKeyPem, readPublicKey } from '../audit/audit-keys.ts';
import { verifyAuditChain } from '../audit/audit-verify.ts';
import { openRuntime } from '../runtime/runtime.ts';

// Output carries positions, counts, ids and times only: never an entry's content.
const n = (x: number) => x.toLocaleString('en-US');

/**
 * `audit verify [--checkpoint FILE] [--public-key FILE]`: links pending entries first (as the
 * server would), then checks the whole chain with the key and against a signed checkpoint (the
 * given one, else the latest in the checkpoint directory). Exit 0 intact, 3 broken.
 */
export async function auditVerifyCommand(config: Config, opts: { checkpoint?: string; publicKey?: string }): Promise<number> {
  const rt = await openRuntime(config, { allowCreateKey: false });
  try {
    const linked = await chainPending(rt.deps.db, rt.auditKeys.macKey);
    const publicKey = opts.publicKey ? readPublicKey(opts.publicKey) : rt.auditKeys.publicKey;
    const cpPath = opts.checkpoint ?? latestCheckpointFile(config.auditCheckpoint.dir);
    let checkpoint: CheckpointStatement | undefined;
    if (cpPath) {
      try {
        checkpoint = openCheckpoint(readCheckpointFile(cpPath), publicKey);
      } catch (e) {
        console.error(`qorgau: audit checkpoint ${cpPath} REJECTED: ${(e as Error).message} (key ${keyIdOf(publicKey)})`);
        return 3;
      }
    }
    // One snapshot: a server linking meanwhile cannot make the counts and the walk disagree.
    const r = await rt.deps.db.transaction((tx) => verifyAuditChain(tx, rt.auditKeys.macKey, checkpoint), {
      isolationLevel: 'repeatable read',
      accessMode: 'read only',
    });
    if (linked) console.log(`qorgau: linked ${n(linked)} pending entries before verifying`);
    if (!r.ok && r.broken) {
      const where = r.broken.entryId === null ? `chain position ${n(r.broken.seq)}` : `entry ${r.broken.entryId} (chain position ${n(r.broken.seq)})`;
      console.error(`qorgau: audit chain BROKEN at ${where}: ${r.broken.reason}`);
      return 3;
    }
    const covered = r.chained ? `entries 1–${n(r.head.seq)}` : 'no entries';
    console.log(`qorgau: audit chain intact (${n(r.chained)} entries chained, positions 1–${n(r.head.seq)}; ${n(r.pending)} pending)`);
    if (checkpoint) {
      const cpCovers = checkpoint.seq ? `entries 1–${n(checkpoint.seq)}` : 'no entries';
      console.log(
        `qorgau: checkpoint of ${checkpoint.at} covers ${cpCovers} (chain positions); signature valid (key ${keyIdOf(publicKey)}); chain intact and reaches it`,
      );
    } else {
      console.log(
        `qorgau: no checkpoint found in ${config.auditCheckpoint.dir}: ${covered} verified with the key only; a removed tail cannot be detected without a checkpoint`,
      );
    }
    return 0;
  } finally {
    await rt.close();
  }
}

/** `audit checkpoint [--output FILE]`: links pending entries, then signs the head; stdout or a file. */
export async function auditCheckpointCommand(config: Config, opts: { output?: string }): Promise<number> {
  const rt = await openRuntime(config, { allowCreateKey: false });
  try {
    await chainPending(rt.deps.db, rt.auditKeys.macKey);
    const head = await chainHead(rt.deps.db);
    const cp = signCheckpoint(rt.auditKeys, head, new Date());
    const text = `${JSON.stringify(cp, null, 2)}\n`;
    if (opts.output) {
      writeFileSync(opts.output, text, { mode: 0o600 });
      console.error(`qorgau: checkpoint of ${n(head.seq)} entries written to ${opts.output} (key ${cp.keyId})`);
    } else {
      process.stdout.write(text);
    }
    return 0;
  } finally {
    await rt.close();
  }
}

/** `audit public-key`: the PEM an auditor keeps to check checkpoints without any secret. */
export async function auditPublicKeyCommand(config: Config): Promise<number> {
  const rt = await openRuntime(config, { allowCreateKey: false });
  try {
    process.stdout.write(publicKeyPem(rt.auditKeys.publicKey));
    console.error(`qorgau: audit checkpoint key ${rt.auditKeys.keyId}`);
    return 0;
  } finally {
    await rt.close();
  }
}
