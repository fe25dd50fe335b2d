import { createHash, randomBytes } from 'node:crypto';
import { eq, lt, or, sql } from 'drizzle-orm';
import type { LocalizedName, SessionStage } from '@qorgau/core';
import type { Db, DbOrTx } from '../db/client.ts';
import { queryPrepared } from '../db/prepared.ts';
import { agencies, sessions, users } from '../db/schema.ts';

export const tokenHashOf = (token: string): string => createHash('sha256').update(token).digest('hex');

export async function createSession(
  tx: DbOrTx,
  input: { userId: string; stage: SessionStage; ip: string | null; absoluteMs: number; notice?: SignInNotice | null },
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
    failedSignIns: input.notice?.count ?? 0,
    lastFailedSignInAt: input.notice?.lastAt ?? null,
  });
  return { token, csrfToken };
}

/** Failed sign-ins the owner is told of for the length of a session. */
export interface SignInNotice {
  count: number;
  lastAt: Date | null;
}

/** The acting user as a request needs it: no password hash or second-factor secret. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: string;
  agencyId: string;
  national: boolean;
  regions: string[];
  totpEnabled: boolean;
  mustChangePassword: boolean;
  disabled: boolean;
}

export interface SessionRow {
  session: { tokenHash: string; csrfToken: string; stage: string; lastSeenAt: Date; expiresAt: Date; notice: SignInNotice | null };
  user: SessionUser;
  agency: { id: string; name: LocalizedName; type: string };
}

/** One prepared query per request: the session with its user and agency. */
export async function findSession(db: Db, tokenHash: string): Promise<SessionRow | null> {
  const [r] = await queryPrepared<Record<string, unknown>>(
    db,
    sql`SELECT s.token_hash, s.csrf_token, s.stage, s.last_seen_at, s.expires_at, s.failed_sign_ins, s.last_failed_sign_in_at,
               u.id, u.username, u.display_name, u.role, u.agency_id, u.national, u.regions,
               u.totp_enabled, u.must_change_password, u.disabled, a.name_kk AS agency_name_kk, a.name_ru AS agency_name_ru, a.name_en AS agency_name_en, a.type AS agency_type
          FROM ${sessions} s
          JOIN ${users} u ON u.id = s.user_id
          JOIN ${agencies} a ON a.id = u.agency_id
         WHERE s.token_hash = ${tokenHash}`,
  );
  if (!r) return null;
  return {
    session: {
      tokenHash: r.token_hash as string,
      csrfToken: r.csrf_token as string,
      stage: r.stage as string,
      lastSeenAt: new Date(r.last_seen_at as string | Date),
      expiresAt: new Date(r.expires_at as string | Date),
      notice:
        (r.failed_sign_ins as number) > 0
          ? { count: r.failed_sign_ins as number, lastAt: r.last_failed_sign_in_at == null ? null : new Date(r.last_failed_sign_in_at as string | Date) }
          : null,
    },
    user: {
      id: r.id as string,
      username: r.username as string,
      displayName: r.display_name as string,
      role: r.role as string,
      agencyId: r.agency_id as string,
      national: r.national as boolean,
      regions: r.regions as string[],
      totpEnabled: r.totp_enabled as boolean,
      mustChangePassword: r.must_change_password as boolean,
      disabled: r.disabled as boolean,
    },
    agency: {
      id: r.agency_id as string,
      name: { kk: r.agency_name_kk as string, ru: r.agency_name_ru as string, en: r.agency_name_en as string },
      type: r.agency_type as string,
    },
  };
}

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
