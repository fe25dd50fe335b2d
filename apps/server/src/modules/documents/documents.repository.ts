import { and, desc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { scopeOf, type Actor, type ConsentShare, type Permission } from '@qorgau/core';
import type { DbOrTx } from '../../db/client.ts';
import { agencies, attachments, cases, consents, persons, providers, referrals } from '../../db/schema.ts';
import { personScope } from '../persons/persons.repository.ts';
import { referralScope } from '../referrals/referrals.repository.ts';

export type AttachmentRow = typeof attachments.$inferSelect;
export type NewAttachmentRow = typeof attachments.$inferInsert;

/**
 * The person is in the actor's scope for `permission`, and when the actor sees her only through
 * a referral (an open `case_access` row for the actor's agency), that access carries `share`
 * (the consent's `documents` for attachments, `identity` for a name): persons.repository
 * `personScope` with a share. Withdrawal or the end of the referral closes it at once.
 * `false` when the role lacks the permission.
 */
export function personWithShare(actor: Actor, permission: Permission, share: ConsentShare): SQL {
  return scopeOf(actor.role, permission) ? personScope(actor, permission, share) : sql`false`;
}

export interface DocumentPerson {
  id: string;
  pseudonym: string;
  citizenship: string;
  firstNameEnc: string;
  secondNameEnc: string;
  middleNameEnc: string | null;
  identityVisible: boolean;
}

/** The person if `visible` holds for her (a scope predicate over `persons`), with whether her name may be shown. */
export async function findPerson(db: DbOrTx, actor: Actor, id: string, visible: SQL): Promise<DocumentPerson | null> {
  const [row] = await db
    .select({
      id: persons.id,
      pseudonym: persons.pseudonym,
      citizenship: persons.citizenship,
      firstNameEnc: persons.firstNameEnc,
      secondNameEnc: persons.secondNameEnc,
      middleNameEnc: persons.middleNameEnc,
      identityVisible: sql<boolean>`${personWithShare(actor, 'person.read_identity', 'identity')}`,
    })
    .from(persons)
    .where(and(eq(persons.id, id), visible));
  return row ?? null;
}

export const personReadable = (actor: Actor): SQL => personScope(actor, 'document.read');

export async function insertAttachment(tx: DbOrTx, row: NewAttachmentRow): Promise<void> {
  await tx.insert(attachments).values(row);
}

export async function findAttachmentByClientId(tx: DbOrTx, clientId: string): Promise<AttachmentRow | null> {
  const [row] = await tx.select().from(attachments).where(eq(attachments.clientId, clientId));
  return row ?? null;
}

/** The person's attachments, newest first, without their contents. */
export async function listAttachments(db: DbOrTx, personId: string) {
  const { contentEnc: _c, dekEnc: _d, ...cols } = getTableColumns(attachments);
  return db.select(cols).from(attachments).where(eq(attachments.personId, personId)).orderBy(desc(attachments.createdAt), desc(attachments.id));
}

/** One attachment whose person the actor may read documents of (with the `documents` share through a referral). */
export async function findReadableAttachment(db: DbOrTx, actor: Actor, id: string): Promise<AttachmentRow | null> {
  const [row] = await db
    .select({ a: attachments })
    .from(attachments)
    .innerJoin(persons, eq(persons.id, attachments.personId))
    .where(and(eq(attachments.id, id), personWithShare(actor, 'document.read', 'documents')));
  return row?.a ?? null;
}

/** A referral for its letter, in the actor's referral scope (the referrals module's `referralScope`: the same who-sees as the referral page). */
export async function findReferralForLetter(db: DbOrTx, actor: Actor, id: string) {
  const referring = alias(agencies, 'referring_agency');
  const [row] = await db
    .select({ referral: referrals, provider: providers, referring: referring })
    .from(referrals)
    .innerJoin(cases, eq(cases.id, referrals.caseId))
    .innerJoin(providers, eq(providers.id, referrals.providerId))
    .innerJoin(referring, eq(referring.id, referrals.referringAgencyId))
    .where(and(eq(referrals.id, id), referralScope(actor, 'referral.read')));
  return row ?? null;
}

/** Whether the referral's consent is in force now: given, not withdrawn, not lapsed (`today`: Kazakhstan's ISO date). */
export async function consentState(db: DbOrTx, consentId: string | null, today: string): Promise<'none' | 'active' | 'withdrawn' | 'expired'> {
  if (!consentId) return 'none';
  const [c] = await db.select({ withdrawnAt: consents.withdrawnAt, validUntil: consents.validUntil }).from(consents).where(eq(consents.id, consentId));
  if (!c) return 'none';
  if (c.withdrawnAt) return 'withdrawn';
  return c.validUntil < today ? 'expired' : 'active';
}
