import { and, asc, eq, inArray, isNotNull, lte, notInArray, sql } from 'drizzle-orm';
import {
  ENTITLEMENT_KINDS,
  kazakhstanDate,
  MEDICAL_PAYERS,
  type EntitlementExtension,
  type EntitlementFacts,
  type Entitlement,
  type MedicalPayer,
  type TraffickingStatus,
} from '@qorgau/core';
import { insertMany } from '../../db/bulk-insert.ts';
import type { DbOrTx } from '../../db/client.ts';
import { caseActions, cases, entitlementActions, entitlements, persons } from '../../db/schema.ts';

export type EntitlementActionRow = typeof entitlementActions.$inferInsert;
export type EntitlementRow = typeof entitlements.$inferInsert;

/** Rows of persons who have none yet (new persons an import creates), a few thousand a statement. */
export async function insertNewEntitlementRows(tx: DbOrTx, rows: readonly EntitlementRow[]): Promise<void> {
  await insertMany(tx, entitlements, rows);
}

/** The person's facts for core deriveEntitlements, and the case they come from. */
export interface PersonEntitlementFacts {
  facts: EntitlementFacts;
  caseId: string | null;
}

/**
 * When each case's current status began: the identification it rests on (Kazakhstan dates). A
 * decision's day is the day it was taken (`occurred_on`): a decision entered late, or taken by
 * another organisation and imported, starts its clocks then, as the statistics count it then;
 * for one recorded as it was taken, that is the Kazakhstan day it was recorded.
 */
function caseIdentification(opened: Date, log: { type: string; details: Record<string, unknown>; occurredOn: string | null; at: Date }[]) {
  let identifiedOn: string | null = null;
  let status: TraffickingStatus = 'PossibleVictimOfTrafficking';
  for (const a of log) {
    if (a.type !== 'identification_decided' && a.type !== 'identification_reviewed') continue;
    const outcome = a.details.outcome as TraffickingStatus;
    // A review confirming the status keeps the date it began; a reversal starts (or ends) it.
    if (outcome === 'ActualVictimOfTrafficking' && status !== outcome) identifiedOn = a.occurredOn ?? kazakhstanDate(a.at);
    if (outcome !== 'ActualVictimOfTrafficking') identifiedOn = null;
    status = outcome;
  }
  return { status, identifiedOn, since: kazakhstanDate(opened) };
}

export async function loadEntitlementFacts(q: DbOrTx, personId: string): Promise<PersonEntitlementFacts | null> {
  const [person] = await q.select({ citizenship: persons.citizenship }).from(persons).where(eq(persons.id, personId));
  if (!person) return null;
  const caseRows = await q.select({ id: cases.id, createdAt: cases.createdAt }).from(cases).where(eq(cases.personId, personId)).orderBy(asc(cases.createdAt));
  const log = caseRows.length
    ? await q
        .select({ caseId: caseActions.caseId, type: caseActions.type, details: caseActions.details, occurredOn: caseActions.occurredOn, at: caseActions.at })
        .from(caseActions)
        .where(
          and(
            inArray(
              caseActions.caseId,
              caseRows.map((c) => c.id),
            ),
            inArray(caseActions.type, ['identification_decided', 'identification_reviewed']),
          ),
        )
        .orderBy(asc(caseActions.seq))
    : [];
  const perCase = caseRows.map((c) => ({
    id: c.id,
    ...caseIdentification(
      c.createdAt,
      log.filter((l) => l.caseId === c.id),
    ),
  }));
  // The person is a victim when any of her cases says so, from its earliest identification.
  const actual = perCase.filter((c) => c.status === 'ActualVictimOfTrafficking').sort((a, b) => String(a.identifiedOn).localeCompare(String(b.identifiedOn)));
  const possible = perCase.filter((c) => c.status === 'PossibleVictimOfTrafficking');
  const status: TraffickingStatus = actual.length
    ? 'ActualVictimOfTrafficking'
    : possible.length || !perCase.length
      ? 'PossibleVictimOfTrafficking'
      : 'NotAVictimOfTrafficking';
  const source = actual[0] ?? possible[0] ?? perCase.at(-1) ?? null;

  const recorded = await q
    .select({ kind: entitlementActions.kind, type: entitlementActions.type, details: entitlementActions.details })
    .from(entitlementActions)
    .where(eq(entitlementActions.personId, personId))
    .orderBy(asc(entitlementActions.at), asc(entitlementActions.id));
  let medicalPayer: MedicalPayer | null = null;
  let proceedings: EntitlementFacts['proceedings'] = { open: false };
  const extensions: EntitlementExtension[] = [];
  for (const r of recorded) {
    const d = r.details;
    if (r.type === 'record_medical_payer' && (MEDICAL_PAYERS as readonly string[]).includes(String(d.payer))) medicalPayer = d.payer as MedicalPayer;
    if (r.type === 'record_extension') extensions.push({ kind: r.kind as EntitlementExtension['kind'], until: typeof d.until === 'string' ? d.until : null });
    if (r.type === 'proceedings_recorded') proceedings = { open: d.open === true, ...(typeof d.finalOn === 'string' ? { finalOn: d.finalOn } : {}) };
  }
  return {
    caseId: source?.id ?? null,
    facts: {
      citizenship: person.citizenship,
      traffickingStatus: status,
      possibleVictimSince: perCase[0]?.since ?? null,
      identifiedOn: actual[0]?.identifiedOn ?? null,
      proceedings,
      extensions,
      medicalPayer,
    },
  };
}

/** The rows of a person's derived entitlements: only those that apply. */
export function entitlementRows(
  personId: string,
  caseId: string | null,
  rulesVersion: string | null,
  items: readonly Entitlement[],
  at: Date,
): EntitlementRow[] {
  return items
    .filter((e) => e.state !== 'not_applicable')
    .map((e) => ({ personId, caseId, kind: e.kind, state: e.state, startsOn: e.start, endsOn: e.end, paidBy: e.paidBy, rulesVersion, updatedAt: at }));
}

/** Replaces the person's rows with the derived entitlements (only those that apply). */
export async function storeEntitlements(tx: DbOrTx, personId: string, caseId: string | null, rulesVersion: string | null, items: Entitlement[], at: Date) {
  const applying = entitlementRows(personId, caseId, rulesVersion, items, at);
  const kinds = applying.map((e) => e.kind);
  await tx.delete(entitlements).where(and(eq(entitlements.personId, personId), kinds.length ? notInArray(entitlements.kind, kinds) : sql`true`));
  if (!applying.length) return;
  await tx
    .insert(entitlements)
    .values(applying)
    .onConflictDoUpdate({
      target: [entitlements.personId, entitlements.kind],
      set: {
        caseId: sql`excluded.case_id`,
        state: sql`excluded.state`,
        startsOn: sql`excluded.starts_on`,
        endsOn: sql`excluded.ends_on`,
        paidBy: sql`excluded.paid_by`,
        rulesVersion: sql`excluded.rules_version`,
        updatedAt: sql`excluded.updated_at`,
      },
    });
}

export async function insertEntitlementAction(tx: DbOrTx, row: EntitlementActionRow): Promise<void> {
  await tx.insert(entitlementActions).values(row);
}

export async function findEntitlementActionPerson(q: DbOrTx, clientId: string): Promise<string | null> {
  const [row] = await q.select({ personId: entitlementActions.personId }).from(entitlementActions).where(eq(entitlementActions.clientId, clientId));
  return row?.personId ?? null;
}

/** Persons with a clock ending on or before `until` (the sweep: lapsing and just lapsed). */
export async function personsWithEndsBy(q: DbOrTx, until: string): Promise<string[]> {
  const rows = await q
    .selectDistinct({ personId: entitlements.personId })
    .from(entitlements)
    .where(and(isNotNull(entitlements.endsOn), lte(entitlements.endsOn, until), notInArray(entitlements.state, ['lapsed'])));
  return rows.map((r) => r.personId);
}

export const ALL_KINDS = ENTITLEMENT_KINDS;
