import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import { notifications } from '../../db/schema.ts';

export type NotificationRow = typeof notifications.$inferSelect;

/** Every query here is the owner's: `userId` is always the signed-in user, never a parameter of the request. */
export async function listOwn(db: DbOrTx, userId: string, opts: { unreadOnly: boolean; page: number; pageSize: number }) {
  const where = and(eq(notifications.userId, userId), opts.unreadOnly ? isNull(notifications.readAt) : undefined);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize),
    db.select({ n: count() }).from(notifications).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** The bell's number, bounded: a badge says "99+" past that, so counting further is wasted work. */
export const UNREAD_CAP = 100;

export async function unreadCount(db: DbOrTx, userId: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await db.execute(
      sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${notifications} WHERE ${notifications.userId} = ${userId}::uuid AND ${notifications.readAt} IS NULL LIMIT ${UNREAD_CAP}) s`,
    ),
  );
  return Number(row?.n ?? 0);
}

/** Marks the owner's unread notices read (those of `ids`, or all); another user's ids match nothing. */
export async function markRead(tx: DbOrTx, userId: string, ids: string[] | 'all', at: Date): Promise<number> {
  const rows = await tx
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), ids === 'all' ? undefined : inArray(notifications.id, ids)))
    .returning({ id: notifications.id });
  return rows.length;
}
