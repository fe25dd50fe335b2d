import { createHash, randomBytes } from 'node:crypto';
import { eq, lt, or } from 'drizzle-orm';
import type { SessionStage } from '@qorgau/core';
import type { DbOrTx } from '../db/client.ts';
import { agencies, sessions, users } from '../db/schema.ts';

export const tokenHashOf = (token: string): string => createHash('sha256').update(token).digest('hex');

export async function createSession(
  tx: DbOrTx,
  input: { userId: string; stage: SessionStage; ip: string | null; absoluteMs: number },
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await tx.insert(sessions).values({
    tokenHash: tokenHashOf(token),
    userId: input.userId,
    csrfToken,
    stage: input.stage,
    ip: input.ip,
    expiresAt: new Date(Date.now() + input.absoluteMs),
  });
  return { token, csrfToken };
}

/** One query per request: the session with its user and agency. */
export async function findSession(db: DbOrTx, tokenHash: string) {
  const [row] = await db
    .select({ session: sessions, user: users, agency: agencies })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(eq(sessions.tokenHash, tokenHash));
  return row ?? null;
}
export type SessionRow = NonNullable<Awaited<ReturnType<typeof findSession>>>;

export async function touchSession(db: DbOrTx, tokenHash: string, now: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
}

export async function setSessionStage(db: DbOrTx, tokenHash: string, stage: SessionStage): Promise<void> {
  await db.update(sessions).set({ stage }).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(db: DbOrTx, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteUserSessions(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: DbOrTx, now: Date, idleMs: number): Promise<void> {
  await db.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, new Date(now.getTime() - idleMs))));
}
