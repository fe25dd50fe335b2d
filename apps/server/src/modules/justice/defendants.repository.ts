import { and, asc, eq, inArray, max, sql } from 'drizzle-orm';
import { hasPermission, type Actor } from '@qorgau/core';
import type { DbOrTx } from '../../db/client.ts';
import { criminalCaseEvents, criminalCases, defendants } from '../../db/schema.ts';
import { criminalCaseScope } from './criminal-case-scope.ts';

export type DefendantRow = typeof defendants.$inferSelect;

/** The defendants of a case, in the order they were added. */
export function listDefendants(q: DbOrTx, criminalCaseId: string): Promise<DefendantRow[]> {
  return q.select().from(defendants).where(eq(defendants.criminalCaseId, criminalCaseId)).orderBy(asc(defendants.seq));
}

/** One defendant of this case (another case's defendant is not found). */
export async function getDefendant(q: DbOrTx, criminalCaseId: string, id: string): Promise<DefendantRow | null> {
  const [row] = await q
    .select()
    .from(defendants)
    .where(and(eq(defendants.id, id), eq(defendants.criminalCaseId, criminalCaseId)));
  return row ?? null;
}

/** The next number of a defendant in the case (called under the case row's lock). */
export async function nextSeq(q: DbOrTx, criminalCaseId: string): Promise<number> {
  const [row] = await q
    .select({ m: max(defendants.seq) })
    .from(defendants)
    .where(eq(defendants.criminalCaseId, criminalCaseId));
  return (row?.m ?? 0) + 1;
}

/** The events that set a defendant's charges: her addition (the initial charge) and each reclassification. */
export function chargeEvents(q: DbOrTx, criminalCaseId: string) {
  return q
    .select({ type: criminalCaseEvents.type, details: criminalCaseEvents.details, at: criminalCaseEvents.at })
    .from(criminalCaseEvents)
    .where(and(eq(criminalCaseEvents.criminalCaseId, criminalCaseId), inArray(criminalCaseEvents.type, ['add_defendant', 'charge'])))
    .orderBy(asc(criminalCaseEvents.at));
}

/** How many times this defendant's charges were set already (the next charge's number). */
export async function chargeCount(q: DbOrTx, criminalCaseId: string, defendantId: string): Promise<number> {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(criminalCaseEvents)
    .where(
      and(
        eq(criminalCaseEvents.criminalCaseId, criminalCaseId),
        inArray(criminalCaseEvents.type, ['add_defendant', 'charge']),
        sql`${criminalCaseEvents.details}->>'defendantId' = ${defendantId}`,
      ),
    );
  return Number(row?.n ?? 0);
}

/**
 * Whether the case is in the actor's `suspect.read_identity` scope too: only then are the
 * defendants' names decrypted (the national coordinator and lawyers read codes and numbers).
 */
export async function mayReadSuspects(q: DbOrTx, actor: Actor, criminalCaseId: string): Promise<boolean> {
  if (!hasPermission(actor.role, 'suspect.read_identity')) return false;
  const [row] = await q
    .select({ id: criminalCases.id })
    .from(criminalCases)
    .where(and(eq(criminalCases.id, criminalCaseId), criminalCaseScope(actor, 'suspect.read_identity')));
  return Boolean(row);
}
