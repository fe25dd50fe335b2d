import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { errorClassOf } from '../http/error-handler.ts';
import { chainHead, startAuditChainer } from './audit-chainer.ts';
import { signCheckpoint, writeCheckpointFile } from './audit-checkpoint.ts';
import type { AuditKeys } from './audit-keys.ts';

interface Log {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * The server's audit work off the request path (ADR 0007): the chainer every 200 ms, and a
 * signed checkpoint of the chain's head at start and every `auditCheckpoint.minutes` into
 * `auditCheckpoint.dir`. Each server process runs both; the chain lock keeps chaining single,
 * and duplicate checkpoints from several processes are harmless.
 */
export function startAuditBackground(db: Db, keys: AuditKeys, config: Config, log: Log): { stop(): Promise<void> } {
  const chainer = startAuditChainer(db, keys.macKey, { onError: (e) => log.error(errorClassOf(e), 'audit chaining failed; will retry') });
  const writeCheckpoint = async () => {
    try {
      await chainer.flush();
      const head = await chainHead(db);
      const path = writeCheckpointFile(config.auditCheckpoint.dir, signCheckpoint(keys, head, new Date()));
      log.info({ seq: head.seq, path }, 'audit checkpoint written');
    } catch (e) {
      log.error(errorClassOf(e), 'audit checkpoint failed');
    }
  };
  let timer: NodeJS.Timeout | null = null;
  if (config.auditCheckpoint.minutes > 0) {
    void writeCheckpoint();
    timer = setInterval(() => void writeCheckpoint(), config.auditCheckpoint.minutes * 60_000);
    timer.unref();
  }
  return {
    async stop() {
      if (timer) clearInterval(timer);
      await chainer.stop();
    },
  };
}
