/**
 * The bell in the demo (issue #10 item 5): each demo account with work finds a few notices
 * about it, most urgent first, one of them already read. They are written by the real `notify`
 * from what the account's own work queues hold after the workflows ran (so every notice opens
 * a record she may open), at moments of the last morning.
 */
import { asc, eq } from 'drizzle-orm';
import type { AppDeps } from '../app-deps.ts';
import type { AuthContext } from '../auth/auth.plugin.ts';
import { jurisdictionOf } from '../auth/auth.plugin.ts';
import { agencies, notifications, users } from '../db/schema.ts';
import { type Notice, notify } from '../modules/notifications/notify.ts';
import { WORK_QUEUES } from '../modules/work/work-queues.ts';
import { workOf } from '../modules/work/work.service.ts';
import type { WorkItem } from '@qorgau/core';

const ACCOUNTS = ['identification', 'prosecutor', 'hotline'];
const PER_ACCOUNT = 3;
/** The queues whose rows this step announces (other features' seeds write their own notices). */
const QUEUES = new Set(['identification_deadlines', 'non_punishment_flags', 'self_reports_new']);
const MINUTE = 60_000;

/** The notice a queue's row announces, or null for rows not worth a notice (a deadline still far). */
function noticeOf(queue: string, item: WorkItem, userId: string): Notice | null {
  const id = item.href.split('/').pop() as string;
  const reference = item.label;
  switch (queue) {
    case 'identification_deadlines':
      if (item.urgency === 'waiting') return null;
      return {
        userId,
        kind: item.urgency === 'overdue' ? 'identification_overdue' : 'identification_due_soon',
        subjectType: 'case',
        subjectId: id,
        facts: { reference, date: item.dueAt ?? '' },
      };
    case 'non_punishment_flags':
      return { userId, kind: 'non_punishment_flagged', subjectType: 'case', subjectId: id, facts: { reference } };
    case 'self_reports_new':
      return { userId, kind: 'self_report_received', subjectType: 'self_report', subjectId: id, facts: { reference } };
    default:
      return null;
  }
}

/** A demo account as the queues see it (the session's user, agency and actor). */
async function authOf(deps: AppDeps, username: string): Promise<AuthContext | null> {
  const [row] = await deps.db
    .select({ user: users, agency: agencies })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(eq(users.username, username));
  if (!row) return null;
  const { user, agency } = row;
  return {
    user,
    agency: { id: agency.id, type: agency.type },
    actor: { userId: user.id, role: user.role, agencyId: user.agencyId, jurisdiction: jurisdictionOf(user) },
  } as unknown as AuthContext;
}

export async function seedWorkNotices(deps: AppDeps): Promise<number> {
  const now = deps.now();
  let written = 0;
  for (const username of ACCOUNTS) {
    const auth = await authOf(deps, username);
    if (!auth) continue;
    const { queues } = await workOf(
      deps,
      auth,
      WORK_QUEUES.filter((q) => QUEUES.has(q.id)),
      (queue, err) => {
        throw new Error(`work queue ${queue} failed`, { cause: err });
      },
    );
    const notices = queues.flatMap((q) => q.items.map((i) => noticeOf(q.id, i, auth.actor.userId))).filter((n): n is Notice => n !== null);
    const chosen = notices.slice(0, PER_ACCOUNT);
    // Oldest last in the list: the first notice is the most recent.
    for (const [k, n] of chosen.entries()) await notify(deps.db, [n], new Date(now.getTime() - (k + 1) * 47 * MINUTE));
    written += chosen.length;
    // The oldest one she has already read: the bell counts only the others.
    if (chosen.length > 1) {
      const [oldest] = await deps.db
        .select({ id: notifications.id })
        .from(notifications)
        .where(eq(notifications.userId, auth.actor.userId))
        .orderBy(asc(notifications.createdAt))
        .limit(1);
      if (oldest) await deps.db.update(notifications).set({ readAt: now }).where(eq(notifications.id, oldest.id));
    }
  }
  return written;
}
