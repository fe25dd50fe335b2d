import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { hasPermission, type Actor, type Permission } from '@qorgau/core';
import type { DbOrTx } from '../../db/client.ts';
import { criminalCases, entitlements, persons, proceedingVictims, protectiveMeasures, victimInterviews } from '../../db/schema.ts';
import { personScope } from '../persons/persons.repository.ts';
import { criminalCaseScope } from './criminal-case-scope.ts';

export type ProceedingVictimRow = typeof proceedingVictims.$inferSelect;
export type InterviewRow = typeof victimInterviews.$inferSelect;
export type MeasureRow = typeof protectiveMeasures.$inferSelect;

/** Whether the person is in the actor's scope for `permission` (false when the role lacks it). */
export const personScopeOr = (actor: Actor, permission: Permission) =>
  hasPermission(actor.role, permission)
    ? sql<boolean>`${personScope(actor, permission, permission === 'person.read_identity' ? 'identity' : undefined)}`
    : sql<boolean>`false`;

/** The victims of a case, with the person, and what the reader may see of her. */
export async function victimsOfCase(q: DbOrTx, actor: Actor, criminalCaseId: string) {
  return q
    .select({
      pv: proceedingVictims,
      person: persons,
      identityVisible: personScopeOr(actor, 'person.read_identity'),
      entitlementsVisible: personScopeOr(actor, 'entitlement.read'),
    })
    .from(proceedingVictims)
    .innerJoin(persons, eq(persons.id, proceedingVictims.personId))
    .where(eq(proceedingVictims.criminalCaseId, criminalCaseId))
    .orderBy(asc(proceedingVictims.linkedOn), asc(proceedingVictims.createdAt), asc(proceedingVictims.id));
}

export async function interviewsOf(q: DbOrTx, victimIds: string[]): Promise<InterviewRow[]> {
  if (!victimIds.length) return [];
  return q
    .select()
    .from(victimInterviews)
    .where(inArray(victimInterviews.proceedingVictimId, victimIds))
    .orderBy(asc(victimInterviews.heldOn), asc(victimInterviews.createdAt), asc(victimInterviews.id));
}

export async function measuresOf(q: DbOrTx, victimIds: string[]): Promise<MeasureRow[]> {
  if (!victimIds.length) return [];
  return q
    .select()
    .from(protectiveMeasures)
    .where(inArray(protectiveMeasures.proceedingVictimId, victimIds))
    .orderBy(asc(protectiveMeasures.requestedOn), asc(protectiveMeasures.createdAt), asc(protectiveMeasures.id));
}

/** The person, if she is in the actor's scope for `permission`. */
export async function personInScope(q: DbOrTx, actor: Actor, personId: string, permission: Permission) {
  if (!hasPermission(actor.role, permission)) return null;
  const [row] = await q
    .select({ id: persons.id })
    .from(persons)
    .where(and(eq(persons.id, personId), personScope(actor, permission)));
  return row ?? null;
}

export async function victimOfCase(q: DbOrTx, criminalCaseId: string, victimId: string): Promise<ProceedingVictimRow | null> {
  const [row] = await q
    .select()
    .from(proceedingVictims)
    .where(and(eq(proceedingVictims.id, victimId), eq(proceedingVictims.criminalCaseId, criminalCaseId)))
    .for('update');
  return row ?? null;
}

export async function linkOf(q: DbOrTx, criminalCaseId: string, personId: string): Promise<ProceedingVictimRow | null> {
  const [row] = await q
    .select()
    .from(proceedingVictims)
    .where(and(eq(proceedingVictims.criminalCaseId, criminalCaseId), eq(proceedingVictims.personId, personId)));
  return row ?? null;
}

export async function measureOf(q: DbOrTx, victimId: string, measureId: string): Promise<MeasureRow | null> {
  const [row] = await q
    .select()
    .from(protectiveMeasures)
    .where(and(eq(protectiveMeasures.id, measureId), eq(protectiveMeasures.proceedingVictimId, victimId)))
    .for('update');
  return row ?? null;
}

/** A person's part in criminal proceedings, with whether the reader may open each case. */
export async function proceedingsOfPerson(q: DbOrTx, actor: Actor, personId: string) {
  const mayOpen = hasPermission(actor.role, 'criminal_case.read') ? sql<boolean>`${criminalCaseScope(actor, 'criminal_case.read')}` : sql<boolean>`false`;
  return q
    .select({
      pv: proceedingVictims,
      cc: {
        id: criminalCases.id,
        erdrNumber: criminalCases.erdrNumber,
        articles: criminalCases.articles,
        stage: criminalCases.stage,
        stageOn: criminalCases.stageOn,
      },
      mayOpen,
    })
    .from(proceedingVictims)
    .innerJoin(criminalCases, eq(criminalCases.id, proceedingVictims.criminalCaseId))
    .where(eq(proceedingVictims.personId, personId))
    .orderBy(asc(proceedingVictims.linkedOn), asc(proceedingVictims.id));
}

/**
 * The reflection periods of these persons as last derived (the `entitlements` cache, recomputed
 * in the transaction that changes a fact, the proceedings included, and by the daily sweep):
 * one query for a case's victims instead of deriving each from the rules on every read.
 */
export async function reflectionPeriodsOf(q: DbOrTx, personIds: string[]) {
  if (!personIds.length) return new Map<string, { endsOn: string | null; state: string }>();
  const rows = await q
    .select({ personId: entitlements.personId, endsOn: entitlements.endsOn, state: entitlements.state })
    .from(entitlements)
    .where(and(inArray(entitlements.personId, personIds), eq(entitlements.kind, 'reflection_period')));
  return new Map(rows.map((r) => [r.personId, { endsOn: r.endsOn, state: r.state }]));
}
