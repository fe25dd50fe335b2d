import { and, desc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { agencies, deviceKeys, users } from '../../db/schema.ts';

export async function insertDeviceKey(q: DbOrTx, row: typeof deviceKeys.$inferInsert): Promise<void> {
  await q.insert(deviceKeys).values(row);
}

export async function listDeviceKeys(q: DbOrTx, userId: string) {
  return q.select().from(deviceKeys).where(eq(deviceKeys.userId, userId)).orderBy(desc(deviceKeys.createdAt));
}

/** Revokes one of the user's own keys; false when she has no such key (or it was revoked before). */
export async function revokeDeviceKey(q: DbOrTx, userId: string, id: string, at: Date): Promise<boolean> {
  const rows = await q
    .update(deviceKeys)
    .set({ revokedAt: at })
    .where(and(eq(deviceKeys.id, id), eq(deviceKeys.userId, userId), isNull(deviceKeys.revokedAt)))
    .returning({ id: deviceKeys.id });
  return rows.length > 0;
}

/** The active account a live key of this username opens, with her agency; null for anything else. */
export async function findDeviceAccount(q: DbOrTx, username: string, keyHash: string) {
  const [row] = await q
    .select({ key: deviceKeys, user: users, agency: agencies })
    .from(deviceKeys)
    .innerJoin(users, eq(users.id, deviceKeys.userId))
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(and(eq(deviceKeys.keyHash, keyHash), eq(users.username, username), isNull(deviceKeys.revokedAt), eq(users.disabled, false)));
  return row ?? null;
}

export async function touchDeviceKey(q: DbOrTx, id: string, at: Date): Promise<void> {
  await q.update(deviceKeys).set({ lastUsedAt: at }).where(eq(deviceKeys.id, id));
}
