import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { agencies, users } from '../../db/schema.ts';

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
