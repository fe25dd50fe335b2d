import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { hasPermission, type Actor } from '@qorgau/core';
import type { DbOrTx } from '../../db/client.ts';
import { agencies, civilClaims, compensationNotices, compensationPayments, criminalCases, persons, proceedingVictims, users } from '../../db/schema.ts';
import { criminalCaseScope } from '../justice/criminal-case-scope.ts';
import { personScope } from '../persons/persons.repository.ts';

/** The person in the actor's `redress.read` scope, with whether she is also in her `redress.act` scope; null when out of scope. */
export async function findRedressPerson(q: DbOrTx, actor: Actor, personId: string): Promise<{ mayAct: boolean } | null> {
  const [row] = await q
    .select({ mayAct: hasPermission(actor.role, 'redress.act') ? sql<boolean>`${personScope(actor, 'redress.act')}` : sql<boolean>`false` })
    .from(persons)
    .where(and(eq(persons.id, personId), personScope(actor, 'redress.read')));
  return row ? { mayAct: Boolean(row.mayAct) } : null;
}

/** Whether the criminal case exists in the actor's `criminal_case.read` scope (a claim or a notice may link it). */
export async function criminalCaseReadable(q: DbOrTx, actor: Actor, criminalCaseId: string): Promise<boolean> {
  if (!hasPermission(actor.role, 'criminal_case.read')) return false;
  const [row] = await q
    .select({ id: criminalCases.id })
    .from(criminalCases)
    .where(and(eq(criminalCases.id, criminalCaseId), criminalCaseScope(actor, 'criminal_case.read')));
  return Boolean(row);
}

/** The criminal cases the person is a party to, within the actor's `criminal_case.read` scope. */
export async function personCriminalCases(q: DbOrTx, actor: Actor, personId: string): Promise<{ id: string; erdrNumber: string }[]> {
  if (!hasPermission(actor.role, 'criminal_case.read')) return [];
  return q
    .selectDistinct({ id: criminalCases.id, erdrNumber: criminalCases.erdrNumber })
    .from(proceedingVictims)
    .innerJoin(criminalCases, eq(criminalCases.id, proceedingVictims.criminalCaseId))
    .where(and(eq(proceedingVictims.personId, personId), criminalCaseScope(actor, 'criminal_case.read')))
    .orderBy(asc(criminalCases.erdrNumber));
}

export async function loadNotices(q: DbOrTx, personId: string) {
  return q
    .select({
      id: compensationNotices.id,
      informedOn: compensationNotices.informedOn,
      language: compensationNotices.language,
      byRole: users.role,
      nameKk: agencies.nameKk,
      nameRu: agencies.nameRu,
      nameEn: agencies.nameEn,
    })
    .from(compensationNotices)
    .innerJoin(users, eq(users.id, compensationNotices.informedBy))
    .innerJoin(agencies, eq(agencies.id, compensationNotices.agencyId))
    .where(eq(compensationNotices.personId, personId))
    .orderBy(asc(compensationNotices.informedOn), asc(compensationNotices.createdAt));
}

/** The person's claims, each with its criminal case (its id only when the actor may open it) and its payments in order. */
export async function loadClaims(q: DbOrTx, actor: Actor, personId: string) {
  const caseVisible = hasPermission(actor.role, 'criminal_case.read') ? sql<boolean>`${criminalCaseScope(actor, 'criminal_case.read')}` : sql<boolean>`false`;
  const claims = await q
    .select({
      id: civilClaims.id,
      mode: civilClaims.mode,
      criminalCaseId: civilClaims.criminalCaseId,
      erdrNumber: criminalCases.erdrNumber,
      caseVisible,
      filedOn: civilClaims.filedOn,
      claimedTenge: civilClaims.claimedTenge,
      awardedTenge: civilClaims.awardedTenge,
      awardedOn: civilClaims.awardedOn,
    })
    .from(civilClaims)
    .leftJoin(criminalCases, eq(criminalCases.id, civilClaims.criminalCaseId))
    .where(eq(civilClaims.personId, personId))
    .orderBy(asc(civilClaims.filedOn), asc(civilClaims.createdAt));
  const payments = claims.length
    ? await q
        .select({
          id: compensationPayments.id,
          claimId: compensationPayments.claimId,
          paidOn: compensationPayments.paidOn,
          amountTenge: compensationPayments.amountTenge,
          source: compensationPayments.source,
        })
        .from(compensationPayments)
        .where(
          inArray(
            compensationPayments.claimId,
            claims.map((c) => c.id),
          ),
        )
        .orderBy(asc(compensationPayments.paidOn), asc(compensationPayments.createdAt), asc(compensationPayments.id))
    : [];
  return { claims, payments };
}

/** A claim of the person, locked for the rest of the transaction (payments are summed under the lock). */
export async function lockClaim(tx: DbOrTx, personId: string, claimId: string) {
  const [row] = await tx
    .select({ id: civilClaims.id, filedOn: civilClaims.filedOn, awardedTenge: civilClaims.awardedTenge, awardedOn: civilClaims.awardedOn })
    .from(civilClaims)
    .where(and(eq(civilClaims.id, claimId), eq(civilClaims.personId, personId)))
    .for('update');
  return row ?? null;
}

export async function paidOnClaim(tx: DbOrTx, claimId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<string>`coalesce(sum(${compensationPayments.amountTenge}), 0)` })
    .from(compensationPayments)
    .where(eq(compensationPayments.claimId, claimId));
  return Number(row?.n ?? 0);
}

/** The person a write with this client id already recorded (a replay), per table. */
export async function personOfClientId(q: DbOrTx, table: 'notice' | 'claim' | 'payment', clientId: string): Promise<string | null> {
  const t = table === 'notice' ? compensationNotices : table === 'claim' ? civilClaims : compensationPayments;
  const [row] = await q.select({ personId: t.personId }).from(t).where(eq(t.clientId, clientId));
  return row?.personId ?? null;
}
