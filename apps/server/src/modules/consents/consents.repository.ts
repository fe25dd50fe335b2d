import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Actor, Permission } from '@qorgau/core';
import type { DbOrTx } from '../../db/client.ts';
import { agencies, caseAccess, consents, persons, providers, referrals } from '../../db/schema.ts';
import { personScope } from '../persons/persons.repository.ts';

export type ConsentRow = typeof consents.$inferSelect;

export async function getConsent(db: DbOrTx, id: string): Promise<ConsentRow | null> {
  const [r] = await db.select().from(consents).where(eq(consents.id, id));
  return r ?? null;
}

export async function findConsentIdByClientId(db: DbOrTx, clientId: string): Promise<string | null> {
  const [r] = await db.select({ id: consents.id }).from(consents).where(eq(consents.clientId, clientId));
  return r?.id ?? null;
}

/** The person, if she is in the actor's scope of `permission`. */
export async function personInScope(db: DbOrTx, actor: Actor, permission: Permission, id: string) {
  const [r] = await db
    .select()
    .from(persons)
    .where(and(eq(persons.id, id), personScope(actor, permission)));
  return r ?? null;
}

export async function insertConsent(tx: DbOrTx, row: typeof consents.$inferInsert): Promise<void> {
  await tx.insert(consents).values(row);
}

const viewColumns = {
  consent: consents,
  providerName: { kk: providers.nameKk, ru: providers.nameRu, en: providers.nameEn },
  agencyName: { kk: agencies.nameKk, ru: agencies.nameRu, en: agencies.nameEn },
};

export async function listConsentsOfPerson(db: DbOrTx, personId: string) {
  return db
    .select(viewColumns)
    .from(consents)
    .innerJoin(providers, eq(providers.id, consents.providerId))
    .innerJoin(agencies, eq(agencies.id, consents.agencyId))
    .where(eq(consents.personId, personId))
    .orderBy(desc(consents.recordedAt), desc(consents.id));
}

export async function getConsentView(db: DbOrTx, id: string) {
  const [r] = await db
    .select(viewColumns)
    .from(consents)
    .innerJoin(providers, eq(providers.id, consents.providerId))
    .innerJoin(agencies, eq(agencies.id, consents.agencyId))
    .where(eq(consents.id, id));
  return r ?? null;
}

/** Withdraws once: false when it was already withdrawn (a replay). */
export async function markWithdrawn(tx: DbOrTx, id: string, by: string, at: Date): Promise<boolean> {
  const rows = await tx
    .update(consents)
    .set({ withdrawnAt: at, withdrawnBy: by })
    .where(and(eq(consents.id, id), isNull(consents.withdrawnAt)))
    .returning({ id: consents.id });
  return rows.length > 0;
}

/** Revokes every open access grant made with the consent; returns the referrals they belonged to. */
export async function revokeAccessOfConsent(tx: DbOrTx, consentId: string, at: Date): Promise<string[]> {
  const rows = await tx
    .update(caseAccess)
    .set({ revokedAt: at })
    .where(and(eq(caseAccess.consentId, consentId), isNull(caseAccess.revokedAt), isNull(caseAccess.endsAt)))
    .returning({ referralId: caseAccess.referralId });
  return [...new Set(rows.map((r) => r.referralId))];
}

/** The consent's referrals still in progress (sent or accepted). */
export async function activeReferralsOfConsent(tx: DbOrTx, consentId: string) {
  return tx
    .select({ id: referrals.id, reference: referrals.reference, providerAgencyId: referrals.providerAgencyId })
    .from(referrals)
    .where(and(eq(referrals.consentId, consentId), inArray(referrals.status, ['sent', 'accepted'])))
    .for('update');
}

export const personHasConsent = (personId: string) => sql`EXISTS (SELECT 1 FROM ${consents} WHERE ${consents.personId} = ${personId}::uuid)`;
