import { and, eq, sql } from 'drizzle-orm';
import { lockoutMs } from '@qorgau/core';
import type { DbOrTx } from '../../db/client.ts';
import { agencies, signInFailures, users } from '../../db/schema.ts';

export type UserRow = typeof users.$inferSelect;

export async function findUserByUsername(db: DbOrTx, username: string) {
  const [row] = await db
    .select({ user: users, agency: agencies })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(eq(users.username, username.trim().toLowerCase()));
  return row ?? null;
}

export async function updateUser(db: DbOrTx, id: string, patch: Partial<typeof users.$inferInsert>): Promise<void> {
  await db.update(users).set(patch).where(eq(users.id, id));
}

export async function findUserSecrets(db: DbOrTx, id: string) {
  const [row] = await db.select({ passwordHash: users.passwordHash, totpSecretEnc: users.totpSecretEnc }).from(users).where(eq(users.id, id));
  return row ?? null;
}

/** The time until which this address may not sign in to this account, if any. */
export async function findAddressLock(db: DbOrTx, userId: string, ip: string): Promise<Date | null> {
  const [row] = await db
    .select({ lockedUntil: signInFailures.lockedUntil })
    .from(signInFailures)
    .where(and(eq(signInFailures.userId, userId), eq(signInFailures.ip, ip)));
  return row?.lockedUntil ?? null;
}

/**
 * Counts a failed sign-in against the account (for its owner's notice) and against the pair
 * (account, address), locking the pair as lockoutMs says. One upsert: concurrent failures all count.
 */
export async function recordSignInFailure(tx: DbOrTx, userId: string, ip: string, now: Date): Promise<void> {
  const [row] = await tx
    .insert(signInFailures)
    .values({ userId, ip, failures: 1, lastFailedAt: now })
    .onConflictDoUpdate({ target: [signInFailures.userId, signInFailures.ip], set: { failures: sql`${signInFailures.failures} + 1`, lastFailedAt: now } })
    .returning({ failures: signInFailures.failures });
  const ms = lockoutMs(row?.failures ?? 1);
  if (ms > 0)
    await tx
      .update(signInFailures)
      .set({ lockedUntil: new Date(now.getTime() + ms) })
      .where(and(eq(signInFailures.userId, userId), eq(signInFailures.ip, ip)));
  await tx
    .update(users)
    .set({ failedAttempts: sql`${users.failedAttempts} + 1`, lastFailedSignInAt: now })
    .where(eq(users.id, userId));
}

/** A successful sign-in from an address clears that address's count (not other addresses'). */
export async function clearAddressFailures(tx: DbOrTx, userId: string, ip: string): Promise<void> {
  await tx.delete(signInFailures).where(and(eq(signInFailures.userId, userId), eq(signInFailures.ip, ip)));
}

export async function clearAllAddressFailures(tx: DbOrTx, userId: string): Promise<void> {
  await tx.delete(signInFailures).where(eq(signInFailures.userId, userId));
}
