import type { DbOrTx } from '../../db/client.ts';
import { notifications } from '../../db/schema.ts';
import { MESSAGE_CHANNELS, messageSender, messagesTranslator, renderNotice } from './messages.ts';

/** What a notification is about; the reader opens it within her own scope (never by the notice). */
export type NoticeSubject = 'referral' | 'case' | 'protection_case' | 'entitlement' | 'follow_up' | 'person' | 'self_report';

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
  /** Also send an e-mail and an SMS copy (see `isUrgentNotice` for the kinds that always are). */
  urgent?: boolean;
}

/** Kinds whose notice cannot wait for the next sign-in: an e-mail and an SMS copy go out too. */
export const URGENT_KINDS: ReadonlySet<string> = new Set(['referral_escalated', 'reidentified', 'entitlement_lapsing_1']);

/** Urgent: marked so, an urgent kind, or an entitlement lapsing within a day (`facts.days` or `facts.daysBefore` ≤ 1). */
export function isUrgentNotice(n: Pick<Notice, 'kind' | 'facts' | 'urgent'>): boolean {
  if (n.urgent !== undefined) return n.urgent;
  if (URGENT_KINDS.has(n.kind)) return true;
  // The entitlements sweep names the reminder by `daysBefore` (30, 7, 1).
  const days = n.facts?.days ?? n.facts?.daysBefore;
  return n.kind.startsWith('entitlement_lapsing') && days !== undefined && Number(days) <= 1;
}

/**
 * Records in-app notices in the caller's transaction, so a notice exists exactly when the
 * change it announces does. E-mail and SMS copies of urgent ones go through the messages
 * adapter (messages.ts) in the same transaction, once per notice (a repeated notice is not inserted, nor sent).
 */
export async function notify(tx: DbOrTx, notices: readonly Notice[], at: Date): Promise<void> {
  if (notices.length === 0) return;
  const keyed = notices.map((n) => ({ n, dedupeKey: n.dedupeKey ?? `${n.kind}:${n.subjectId}` }));
  const inserted = await tx
    .insert(notifications)
    .values(
      keyed.map(({ n, dedupeKey }) => ({
        userId: n.userId,
        kind: n.kind,
        subjectType: n.subjectType,
        subjectId: n.subjectId,
        facts: n.facts ?? {},
        dedupeKey,
        createdAt: at,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: notifications.id, userId: notifications.userId, dedupeKey: notifications.dedupeKey });
  const urgent = keyed.filter(({ n }) => isUrgentNotice(n));
  if (urgent.length === 0) return;
  const idOf = new Map(inserted.map((r) => [`${r.userId} ${r.dedupeKey}`, r.id]));
  const t = await messagesTranslator();
  const sender = messageSender(tx);
  for (const { n, dedupeKey } of urgent) {
    const id = idOf.get(`${n.userId} ${dedupeKey}`);
    if (!id) continue; // already notified earlier: its copies went then
    const body = renderNotice(t, { kind: n.kind, facts: n.facts ?? {} });
    for (const channel of MESSAGE_CHANNELS) await sender.send({ userId: n.userId, notificationId: id, channel, body });
  }
}
