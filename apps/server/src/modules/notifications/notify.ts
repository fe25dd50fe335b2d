import type { DbOrTx } from '../../db/client.ts';
import { notifications } from '../../db/schema.ts';

/** What a notification is about; the reader opens it within her own scope (never by the notice). */
export type NoticeSubject = 'referral' | 'case' | 'protection_case' | 'entitlement' | 'follow_up' | 'person';

export interface Notice {
  userId: string;
  /** The sentence: i18n key `notifications.kind.<kind>`, e.g. `referral_received`, `referral_escalated`. */
  kind: string;
  subjectType: NoticeSubject;
  subjectId: string;
  /** Non-identifying facts the sentence interpolates (a reference, a date, a count): never a name. */
  facts?: Record<string, string | number>;
  /**
   * Makes the notice idempotent: one per (user, dedupe key). Default `kind:subjectId`, so a
   * job that runs twice (the escalation sweep, a reminder) does not notify twice.
   */
  dedupeKey?: string;
}

/**
 * Records in-app notices in the caller's transaction, so a notice exists exactly when the
 * change it announces does. E-mail and SMS copies go through the messages adapter.
 */
export async function notify(tx: DbOrTx, notices: readonly Notice[], at: Date): Promise<void> {
  if (notices.length === 0) return;
  await tx
    .insert(notifications)
    .values(
      notices.map((n) => ({
        userId: n.userId,
        kind: n.kind,
        subjectType: n.subjectType,
        subjectId: n.subjectId,
        facts: n.facts ?? {},
        dedupeKey: n.dedupeKey ?? `${n.kind}:${n.subjectId}`,
        createdAt: at,
      })),
    )
    .onConflictDoNothing();
}
