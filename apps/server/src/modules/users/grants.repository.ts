import { and, asc, count, desc, eq, ne, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.ts';
import type { LocalizedName } from '@qorgau/core';
import { accessGrants, agencies, users } from '../../db/schema.ts';
import { agencyNameSelect } from '../agencies/agency-name.ts';

export type GrantRow = typeof accessGrants.$inferSelect;

export async function insertGrant(tx: DbOrTx, row: typeof accessGrants.$inferInsert): Promise<string> {
  const [r] = await tx.insert(accessGrants).values(row).returning({ id: accessGrants.id });
  return r?.id as string;
}

export async function pendingGrantOf(db: DbOrTx, userId: string): Promise<GrantRow | null> {
  const [r] = await db
    .select()
    .from(accessGrants)
    .where(and(eq(accessGrants.userId, userId), eq(accessGrants.status, 'pending')));
  return r ?? null;
}

export async function lockGrant(tx: DbOrTx, id: string): Promise<GrantRow | null> {
  const [r] = await tx.select().from(accessGrants).where(eq(accessGrants.id, id)).for('update');
  return r ?? null;
}

export async function decideGrant(tx: DbOrTx, id: string, status: 'approved' | 'rejected', decidedBy: string, at: Date): Promise<void> {
  await tx.update(accessGrants).set({ status, decidedBy, decidedAt: at }).where(eq(accessGrants.id, id));
}

const subject = alias(users, 'grant_subject');
const requester = alias(users, 'grant_requester');
const decider = alias(users, 'grant_decider');
const requestedAgency = alias(agencies, 'grant_requested_agency');
const previousAgency = alias(agencies, 'grant_previous_agency');

export interface GrantWithNames {
  grant: GrantRow;
  username: string;
  displayName: string;
  agencyName: LocalizedName;
  requesterName: string;
  deciderName: string | null;
  requestedAgencyName: LocalizedName | null;
  previousAgencyName: LocalizedName | null;
}

/** Pending grants oldest first (the queue), decided ones newest first (the recent history). */
export async function listGrants(db: DbOrTx, status: 'pending' | 'decided', page: number, pageSize: number) {
  const where: SQL = status === 'pending' ? eq(accessGrants.status, 'pending') : ne(accessGrants.status, 'pending');
  const order = status === 'pending' ? [asc(accessGrants.requestedAt), asc(accessGrants.id)] : [desc(accessGrants.decidedAt), desc(accessGrants.id)];
  const [rows, [total]] = await Promise.all([
    db
      .select({
        grant: accessGrants,
        username: subject.username,
        displayName: subject.displayName,
        agencyName: agencyNameSelect(agencies),
        requesterName: requester.displayName,
        deciderName: decider.displayName,
        requestedAgencyName: agencyNameSelect(requestedAgency),
        previousAgencyName: agencyNameSelect(previousAgency),
      })
      .from(accessGrants)
      .innerJoin(subject, eq(subject.id, accessGrants.userId))
      .innerJoin(agencies, eq(agencies.id, subject.agencyId))
      .innerJoin(requester, eq(requester.id, accessGrants.requestedBy))
      .leftJoin(decider, eq(decider.id, accessGrants.decidedBy))
      .leftJoin(requestedAgency, eq(requestedAgency.id, accessGrants.agencyId))
      .leftJoin(previousAgency, eq(previousAgency.id, accessGrants.previousAgencyId))
      .where(where)
      .orderBy(...order)
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(accessGrants).where(where),
  ]);
  return { rows: rows as GrantWithNames[], total: total?.n ?? 0 };
}
