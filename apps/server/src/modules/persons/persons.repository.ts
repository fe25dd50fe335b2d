import { and, arrayContains, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { DomainError, hasPermission, scopeOf, type Actor, type ConsentShare, type Permission } from '@qorgau/core';
import { personScopeOf, scopeValues, type PersonScopeSets } from '../../auth/scope-filter.ts';
import type { DbOrTx } from '../../db/client.ts';
import { persons } from '../../db/schema.ts';

export type PersonRow = typeof persons.$inferSelect;
export type NewPersonRow = typeof persons.$inferInsert;

/**
 * A person is in scope through its own columns (who recorded it, which agency owns it, its
 * region) or through any of its cases that is in scope (a shelter that received the case).
 * One predicate without per-row subqueries (auth/scope-filter.ts `personScopeOf`).
 */
export function personScope(actor: Actor, permission: Permission, share?: ConsentShare, sets?: PersonScopeSets): SQL {
  const scope = scopeOf(actor.role, permission);
  if (!scope) throw new DomainError('forbidden');
  return personScopeOf(scopeValues(actor, scope), persons, share, sets);
}

export async function insertPerson(tx: DbOrTx, row: NewPersonRow): Promise<void> {
  await tx.insert(persons).values(row);
}

export async function findPersonIdByClientId(tx: DbOrTx, clientId: string): Promise<string | null> {
  const [row] = await tx.select({ id: persons.id }).from(persons).where(eq(persons.clientId, clientId));
  return row?.id ?? null;
}

/**
 * The identity shown: within `person.read_identity`, and through a referral only if its consent
 * shares `identity` (issue #10: consent honoured by every read); contacts only if it shares `contact`.
 */
const identityColumns = (actor: Actor) => ({
  identityVisible: sql<boolean>`${identityScope(actor, 'identity')}`,
  contactVisible: sql<boolean>`${identityScope(actor, 'contact')}`,
});

/** Within `person.read_identity`; false (not an error) for a role that reads persons only by pseudonym (a court clerk). */
export const identityScope = (actor: Actor, share?: ConsentShare): SQL =>
  hasPermission(actor.role, 'person.read_identity') ? personScope(actor, 'person.read_identity', share) : sql`false`;

/** Loads one person in the actor's read scope, with whether its identity may be shown. */
export async function getPerson(
  db: DbOrTx,
  actor: Actor,
  id: string,
): Promise<{ person: PersonRow; identityVisible: boolean; contactVisible: boolean } | null> {
  const [row] = await db
    .select({ person: persons, ...identityColumns(actor) })
    .from(persons)
    .where(and(eq(persons.id, id), personScope(actor, 'person.read')));
  return row ?? null;
}

export async function listPersons(
  db: DbOrTx,
  actor: Actor,
  filter: { nameIndex?: string[] },
  page: number,
  pageSize: number,
): Promise<{ rows: { person: PersonRow; identityVisible: boolean }[]; total: number }> {
  const conds: SQL[] = [personScope(actor, 'person.read')];
  // Searching by name is a use of identity: only within the identity scope.
  if (filter.nameIndex?.length) {
    conds.push(arrayContains(persons.nameIndex, filter.nameIndex), identityScope(actor, 'identity'));
  }
  const where = and(...conds);
  const [rows, [total]] = await Promise.all([
    db
      .select({ person: persons, identityVisible: sql<boolean>`${identityScope(actor, 'identity')}` })
      .from(persons)
      .where(where)
      .orderBy(desc(persons.createdAt), desc(persons.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(persons).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/**
 * A handover of the person `creatorId` recorded: her access as creator ends, and a person her
 * agency owned moves to the receiving unit with the case, so the agency scope of her colleagues
 * (or her own, for a role wider than `own`) is no way back either. Her agency keeps a person
 * only through another case it holds.
 */
export async function endCreatorAccess(tx: DbOrTx, personId: string, creatorId: string, move: { fromAgencyId: string; toAgencyId: string }): Promise<void> {
  const mine = and(eq(persons.id, personId), eq(persons.createdBy, creatorId));
  await tx.update(persons).set({ creatorAccessEnded: true }).where(mine);
  await tx
    .update(persons)
    .set({ ownerAgencyId: move.toAgencyId })
    .where(and(mine, eq(persons.ownerAgencyId, move.fromAgencyId)));
}
