import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { scopeOf, type Actor, type Permission } from '@qorgau/core';
import type { DbOrTx } from '../../db/client.ts';
import { agencies, criminalCases, legalAidAssignments, legalServices, persons, proceedingVictims, users } from '../../db/schema.ts';
import { criminalCaseScope } from '../justice/criminal-case-scope.ts';
import { personScope } from '../persons/persons.repository.ts';

export type AssignmentRow = typeof legalAidAssignments.$inferSelect;
export type ServiceRow = typeof legalServices.$inferSelect;

/** Whether the person is in the actor's scope of `permission` (false, not an error, when the role lacks it). */
export async function personInScope(tx: DbOrTx, actor: Actor, personId: string, permission: Permission): Promise<boolean> {
  if (!scopeOf(actor.role, permission)) return false;
  const [row] = await tx
    .select({ id: persons.id })
    .from(persons)
    .where(and(eq(persons.id, personId), personScope(actor, permission)));
  return row !== undefined;
}

/** Serialises writes on one person's legal aid (two assignments of the same lawyer racing). */
export async function lockPerson(tx: DbOrTx, personId: string): Promise<void> {
  await tx.select({ id: persons.id }).from(persons).where(eq(persons.id, personId)).for('update');
}

/** The person's assignments with the lawyer, her agency and the linked criminal case, oldest first. */
export async function listAssignments(tx: DbOrTx, personId: string, onlyLawyerId?: string) {
  return tx
    .select({
      a: legalAidAssignments,
      lawyerName: users.displayName,
      agency: { kk: agencies.nameKk, ru: agencies.nameRu, en: agencies.nameEn },
      erdrNumber: criminalCases.erdrNumber,
    })
    .from(legalAidAssignments)
    .innerJoin(users, eq(users.id, legalAidAssignments.lawyerId))
    .innerJoin(agencies, eq(agencies.id, legalAidAssignments.lawyerAgencyId))
    .leftJoin(criminalCases, eq(criminalCases.id, legalAidAssignments.criminalCaseId))
    .where(and(eq(legalAidAssignments.personId, personId), onlyLawyerId ? eq(legalAidAssignments.lawyerId, onlyLawyerId) : undefined))
    .orderBy(asc(legalAidAssignments.assignedOn), asc(legalAidAssignments.createdAt));
}

export async function listServices(tx: DbOrTx, assignmentIds: string[]): Promise<ServiceRow[]> {
  if (assignmentIds.length === 0) return [];
  return tx
    .select()
    .from(legalServices)
    .where(inArray(legalServices.assignmentId, assignmentIds))
    .orderBy(asc(legalServices.deliveredOn), asc(legalServices.createdAt));
}

export async function getAssignment(tx: DbOrTx, id: string, opts: { forUpdate?: boolean } = {}): Promise<AssignmentRow | null> {
  const q = tx.select().from(legalAidAssignments).where(eq(legalAidAssignments.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function findAssignmentByClientId(tx: DbOrTx, clientId: string): Promise<AssignmentRow | null> {
  const [row] = await tx.select().from(legalAidAssignments).where(eq(legalAidAssignments.clientId, clientId));
  return row ?? null;
}

export async function findServiceByClientId(tx: DbOrTx, clientId: string): Promise<ServiceRow | null> {
  const [row] = await tx.select().from(legalServices).where(eq(legalServices.clientId, clientId));
  return row ?? null;
}

/** An active lawyer account (not disabled, approved): the only one a victim may be assigned to. */
export async function getActiveLawyer(tx: DbOrTx, id: string) {
  const [row] = await tx
    .select({ id: users.id, agencyId: users.agencyId })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(and(eq(users.id, id), eq(users.role, 'lawyer'), eq(users.disabled, false), eq(users.approved, true), eq(agencies.disabled, false)));
  return row ?? null;
}

export async function openAssignmentOf(tx: DbOrTx, personId: string, lawyerId: string): Promise<AssignmentRow | null> {
  const [row] = await tx
    .select()
    .from(legalAidAssignments)
    .where(and(eq(legalAidAssignments.personId, personId), eq(legalAidAssignments.lawyerId, lawyerId), isNull(legalAidAssignments.endedOn)));
  return row ?? null;
}

/** The criminal case in the actor's read scope with this person as a victim in it. */
export async function caseFacts(tx: DbOrTx, actor: Actor, criminalCaseId: string, personId: string) {
  const [row] = await tx
    .select({
      id: criminalCases.id,
      victim: sql<boolean>`EXISTS (SELECT 1 FROM ${proceedingVictims} pv WHERE pv.criminal_case_id = ${criminalCaseId}::uuid AND pv.person_id = ${personId}::uuid)`,
    })
    .from(criminalCases)
    .where(and(eq(criminalCases.id, criminalCaseId), criminalCaseScope(actor, 'criminal_case.read')));
  return row ?? null;
}

/** Active lawyers for the assign form; `region`: those working there (or nationally). */
export async function listLawyers(tx: DbOrTx, region?: string) {
  return tx
    .select({
      id: users.id,
      name: users.displayName,
      agency: { kk: agencies.nameKk, ru: agencies.nameRu, en: agencies.nameEn },
      regions: users.regions,
      national: users.national,
    })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(
      and(
        eq(users.role, 'lawyer'),
        eq(users.disabled, false),
        eq(users.approved, true),
        eq(agencies.disabled, false),
        region ? sql`(${users.national} OR ${region}::text = ANY(${users.regions}))` : undefined,
      ),
    )
    .orderBy(asc(users.displayName), asc(users.id))
    .limit(500);
}

/** A lawyer's open assignments with the client and her last service, newest assignment first. */
export async function listClients(tx: DbOrTx, lawyerId: string) {
  return tx
    .select({
      a: legalAidAssignments,
      person: persons,
      lastServiceOn: sql<string | null>`(SELECT max(s.delivered_on) FROM ${legalServices} s WHERE s.assignment_id = ${legalAidAssignments.id})`,
    })
    .from(legalAidAssignments)
    .innerJoin(persons, eq(persons.id, legalAidAssignments.personId))
    .where(and(eq(legalAidAssignments.lawyerId, lawyerId), isNull(legalAidAssignments.endedOn)))
    .orderBy(desc(legalAidAssignments.assignedOn), asc(legalAidAssignments.id))
    .limit(500);
}

/** The criminal cases of these persons (as victims) that the actor may read. */
export async function clientCriminalCases(tx: DbOrTx, actor: Actor, personIds: string[]) {
  if (personIds.length === 0) return [];
  return tx
    .select({ personId: proceedingVictims.personId, id: criminalCases.id, erdrNumber: criminalCases.erdrNumber, stage: criminalCases.stage })
    .from(proceedingVictims)
    .innerJoin(criminalCases, eq(criminalCases.id, proceedingVictims.criminalCaseId))
    .where(and(inArray(proceedingVictims.personId, personIds), criminalCaseScope(actor, 'criminal_case.read')))
    .orderBy(asc(criminalCases.registeredOn), asc(criminalCases.id));
}
