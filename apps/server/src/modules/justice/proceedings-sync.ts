import { desc, and, eq } from 'drizzle-orm';
import { proceedingsFactsOf, type CriminalStage } from '@qorgau/core';
import type { DbOrTx } from '../../db/client.ts';
import { criminalCases, entitlementActions, proceedingVictims } from '../../db/schema.ts';
import { recordProceedings, type EntitlementDeps } from '../entitlements/entitlements.service.ts';

/**
 * Brings a victim's entitlements in line with her criminal proceedings (issue #11 item 3), in
 * the caller's transaction: called when she is linked to a case and when a case she is in
 * changes stage. While any of her cases is open the reflection period (and residency) of a
 * foreign victim runs on; the final judgement (or termination) of the last one ends it.
 * Records a `proceedings_recorded` fact only when the state changed, so the history says when.
 */
export async function syncProceedings(tx: DbOrTx, deps: EntitlementDeps, personId: string, actor: { userId: string; agencyId: string }) {
  const rows = await tx
    .select({ stage: criminalCases.stage, endedOn: criminalCases.endedOn })
    .from(proceedingVictims)
    .innerJoin(criminalCases, eq(criminalCases.id, proceedingVictims.criminalCaseId))
    .where(eq(proceedingVictims.personId, personId));
  const facts = proceedingsFactsOf(rows.map((r) => ({ stage: r.stage as CriminalStage, endedOn: r.endedOn })));
  if (!facts) return null;
  const [last] = await tx
    .select({ details: entitlementActions.details })
    .from(entitlementActions)
    .where(and(eq(entitlementActions.personId, personId), eq(entitlementActions.type, 'proceedings_recorded')))
    .orderBy(desc(entitlementActions.at), desc(entitlementActions.id))
    .limit(1);
  if (last && last.details.open === facts.open && (last.details.finalOn ?? null) === (facts.finalOn ?? null)) return null;
  return recordProceedings(tx, deps, personId, facts, actor);
}

/** Every victim of a case, after its stage changed. */
export async function syncCaseVictims(tx: DbOrTx, deps: EntitlementDeps, criminalCaseId: string, actor: { userId: string; agencyId: string }) {
  const victims = await tx.select({ personId: proceedingVictims.personId }).from(proceedingVictims).where(eq(proceedingVictims.criminalCaseId, criminalCaseId));
  for (const v of victims) await syncProceedings(tx, deps, v.personId, actor);
}
