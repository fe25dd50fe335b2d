import { errorClassOf } from '../../http/error-handler.ts';
import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../app-deps.ts';
import { appendAudit } from '../../audit/audit.repository.ts';
import { notify } from '../notifications/notify.ts';
import * as repo from './referrals.repository.ts';

/**
 * The deadline sweep (issue #10: "a referral not answered within its deadline escalates to the
 * provider's manager and the referring user"): every referral still `sent` past `due_at` gets
 * `escalated_at`, an `escalated` action (the system's, no actor) and notices, each in its own
 * transaction. Idempotent: a referral is escalated once (the update's condition), notices
 * carry dedupe keys, so a second sweep, or two servers sweeping at once, change nothing.
 */
export async function escalateOverdueReferrals(deps: Pick<AppDeps, 'db' | 'now'>, opts: { batch?: number } = {}): Promise<number> {
  const now = deps.now();
  const ids = await repo.overdueReferralIds(deps.db, now, opts.batch ?? 500);
  let escalated = 0;
  for (const id of ids) {
    const done = await deps.db.transaction(async (tx) => {
      const r = await repo.markEscalated(tx, id, now);
      if (!r) return false;
      await repo.insertReferralAction(tx, {
        clientId: randomUUID(),
        referralId: id,
        seq: (await repo.actionCount(tx, id)) + 1,
        type: 'escalated',
        details: { dueAt: r.dueAt.toISOString() },
        actorId: null,
        agencyId: null,
        at: now,
      });
      const managers = await repo.receivingStaff(tx, r.providerAgencyId, ['shelter_manager']);
      const to = [...new Set([...managers, r.referredBy])];
      await notify(
        tx,
        to.map((userId) => ({ userId, kind: 'referral_escalated', subjectType: 'referral' as const, subjectId: id, facts: { reference: r.reference } })),
        now,
      );
      await appendAudit(
        tx,
        { actor: null, ip: null },
        { operation: 'referral.escalated', recordType: 'referral', recordId: id, details: { dueAt: r.dueAt.toISOString() } },
      );
      return true;
    });
    if (done) escalated++;
  }
  return escalated;
}

/** The server's timer: one sweep every `minutes` (0: none). Returns a stop function. */
export function startReferralEscalation(deps: Pick<AppDeps, 'db' | 'now'>, minutes: number, log: { error(o: object, m: string): void }): () => void {
  if (minutes <= 0) return () => undefined;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    escalateOverdueReferrals(deps)
      .catch((e: unknown) => log.error({ ...errorClassOf(e), event: 'referral_escalation_failed' }, 'referral escalation sweep failed'))
      .finally(() => {
        running = false;
      });
  }, minutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
