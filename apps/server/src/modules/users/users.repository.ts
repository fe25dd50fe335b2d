import { asc, count, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { LocalizedName, User } from '@qorgau/core';
import { jurisdictionOf } from '../../auth/auth.plugin.ts';
import type { DbOrTx } from '../../db/client.ts';
import { agencies, signInFailures, users } from '../../db/schema.ts';
import { agencyNameSelect } from '../agencies/agency-name.ts';

/**
 * Sign-in locks are per account and address (auth.service.ts): the administrator sees the
 * latest lock over every address, so she knows a password reset (which clears them) may help.
 */
const rowAt = (now: Date) => ({
  user: users,
  agencyName: agencyNameSelect(agencies),
  addressLockedUntil:
    sql`(SELECT max(${signInFailures.lockedUntil}) FROM ${signInFailures} WHERE ${signInFailures.userId} = ${users.id} AND ${signInFailures.lockedUntil} > ${now.toISOString()}::timestamptz)`.mapWith(
      signInFailures.lockedUntil,
    ),
});

export function userView(r: { user: typeof users.$inferSelect; agencyName: LocalizedName; addressLockedUntil: Date | null }): User {
  const u = r.user;
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role as User['role'],
    agencyId: u.agencyId,
    agencyName: r.agencyName,
    jurisdiction: jurisdictionOf(u),
    disabled: u.disabled,
    twoFactorEnabled: u.totpEnabled,
    lockedUntil: r.addressLockedUntil?.toISOString() ?? null,
    lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
  };
}

export async function getUser(db: DbOrTx, id: string, now: Date): Promise<User | null> {
  const [r] = await db.select(rowAt(now)).from(users).innerJoin(agencies, eq(agencies.id, users.agencyId)).where(eq(users.id, id));
  return r ? userView(r) : null;
}

export async function listUsers(db: DbOrTx, q: string | undefined, page: number, pageSize: number, now: Date) {
  const where: SQL | undefined = q ? or(ilike(users.username, `%${q}%`), ilike(users.displayName, `%${q}%`)) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select(rowAt(now))
      .from(users)
      .innerJoin(agencies, eq(agencies.id, users.agencyId))
      .where(where)
      .orderBy(asc(users.username))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { items: rows.map(userView), total: total?.n ?? 0, page, pageSize };
}

export async function insertUser(db: DbOrTx, values: typeof users.$inferInsert): Promise<void> {
  await db.insert(users).values(values);
}

export async function patchUser(db: DbOrTx, id: string, patch: Partial<typeof users.$inferInsert>): Promise<void> {
  await db.update(users).set(patch).where(eq(users.id, id));
}
