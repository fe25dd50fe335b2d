import { and, arrayContains, asc, count, desc, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import { hasPermission, type Actor, type LocalizedName } from '@qorgau/core';
import { caseColumns, caseColumnsFor, caseScope, visibleIf } from '../../auth/scope-filter.ts';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import { agencies, caseActions, cases, persons, users } from '../../db/schema.ts';
import { agencyNameSelect } from '../agencies/agency-name.ts';
import { personScope } from '../persons/persons.repository.ts';

/** A case as the workflow reads it: the HTCDS fields an import kept are read by the HTCDS import and export alone. */
export type CaseRow = Omit<typeof cases.$inferSelect, 'htcdsExtraEnc' | 'htcdsRowKey'>;
export type CaseActionRow = typeof caseActions.$inferSelect;

export async function nextCaseReference(tx: DbOrTx, year: number): Promise<string> {
  const rows = rowsOf<{ n: string | number }>(await tx.execute(sql`SELECT nextval('case_reference_seq') AS n`));
  return `QRG-${year}-${String(rows[0]?.n).padStart(6, '0')}`;
}

export async function insertCase(tx: DbOrTx, row: typeof cases.$inferInsert): Promise<void> {
  await tx.insert(cases).values(row);
}

export async function insertCaseAction(tx: DbOrTx, row: typeof caseActions.$inferInsert): Promise<void> {
  await tx.insert(caseActions).values(row);
}

export async function findCaseIdByClientId(tx: DbOrTx, clientId: string): Promise<string | null> {
  const [row] = await tx.select({ id: cases.id }).from(cases).where(eq(cases.clientId, clientId));
  return row?.id ?? null;
}

export async function findActionCaseByClientId(tx: DbOrTx, clientId: string): Promise<string | null> {
  const [row] = await tx.select({ caseId: caseActions.caseId }).from(caseActions).where(eq(caseActions.clientId, clientId));
  return row?.caseId ?? null;
}

const summaryColumns = (actor: Actor) => ({
  case: cases,
  pseudonym: persons.pseudonym,
  person: persons,
  ownerAgencyName: agencyNameSelect(agencies),
  // Through a referral, only what its consent shares (issue #10): the identity, the history's texts.
  identityVisible: sql<boolean>`${visibleIf(actor, 'person.read_identity', caseColumnsFor(actor.userId, actor.agencyId, 'identity'))}`,
  historyVisible: sql<boolean>`${visibleIf(actor, 'case.read', caseColumnsFor(actor.userId, actor.agencyId, 'case_history'))}`,
  canAct: sql<boolean>`${visibleIf(actor, 'case.act', caseColumns(actor))}`,
  assigned: sql<boolean>`${caseColumns(actor).assigned}`,
});
export type CaseSummaryRow = {
  case: CaseRow;
  pseudonym: string;
  person: typeof persons.$inferSelect;
  ownerAgencyName: LocalizedName;
  identityVisible: boolean;
  /** False when the actor sees the case only through a referral whose consent does not share its history. */
  historyVisible?: boolean;
  canAct: boolean;
  /** Whether the actor is assigned to the case: with the row, the facts core's action rules need. */
  assigned: boolean;
};

export async function getCase(db: DbOrTx, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}): Promise<CaseSummaryRow | null> {
  const q = db
    .select(summaryColumns(actor))
    .from(cases)
    .innerJoin(persons, eq(persons.id, cases.personId))
    .innerJoin(agencies, eq(agencies.id, cases.ownerAgencyId))
    .where(and(eq(cases.id, id), caseScope(actor, opts.forUpdate ? 'case.act' : 'case.read')));
  const [row] = opts.forUpdate ? await q.for('update', { of: cases }) : await q;
  return row ?? null;
}

export async function listCaseActions(db: DbOrTx, caseId: string) {
  return db
    .select({ action: caseActions, actorName: users.displayName, agencyName: agencyNameSelect(agencies) })
    .from(caseActions)
    .innerJoin(users, eq(users.id, caseActions.actorId))
    .innerJoin(agencies, eq(agencies.id, caseActions.agencyId))
    .where(eq(caseActions.caseId, caseId))
    .orderBy(asc(caseActions.seq));
}

export interface CaseFilter {
  status?: string;
  regionCode?: string;
  nameIndex?: string[];
  /**
   * `identification`: open cases with a due date, in the actor's act scope, soonest first.
   * `non_punishment`: cases flagged for non-punishment and not yet reviewed (the prosecutors' queue).
   */
  queue?: 'identification' | 'non_punishment';
}

export async function listCases(db: DbOrTx, actor: Actor, filter: CaseFilter, page: number, pageSize: number) {
  const conds: SQL[] = [caseScope(actor, 'case.read')];
  if (filter.status) conds.push(eq(cases.status, filter.status));
  if (filter.regionCode) conds.push(eq(cases.regionCode, filter.regionCode));
  if (filter.nameIndex?.length) {
    conds.push(arrayContains(persons.nameIndex, filter.nameIndex), personScope(actor, 'person.read_identity', 'identity'));
  }
  if (filter.queue === 'identification') {
    conds.push(eq(cases.status, 'open'), isNotNull(cases.identificationDue), caseScope(actor, 'case.act'));
  }
  if (filter.queue === 'non_punishment') {
    conds.push(nonPunishmentFlagOpen);
  }
  const where = and(...conds);
  const order =
    filter.queue === 'identification'
      ? [asc(cases.identificationDue), asc(cases.id)]
      : filter.queue
        ? [asc(cases.updatedAt), asc(cases.id)]
        : [desc(cases.updatedAt), desc(cases.id)];
  const [rows, [total]] = await Promise.all([
    db
      .select(summaryColumns(actor))
      .from(cases)
      .innerJoin(persons, eq(persons.id, cases.personId))
      .innerJoin(agencies, eq(agencies.id, cases.ownerAgencyId))
      .where(where)
      .orderBy(...order)
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    // The person is joined only for a name search (every case has its person): otherwise the
    // count would read a person row for each of a region's ~170,000 cases (docs/benchmarks.md §8).
    filter.nameIndex?.length
      ? db.select({ n: count() }).from(cases).innerJoin(persons, eq(persons.id, cases.personId)).where(where)
      : db.select({ n: count() }).from(cases).where(where),
  ]);
  return { rows: rows as CaseSummaryRow[], total: total?.n ?? 0 };
}

export async function listCaseRefsOfPerson(db: DbOrTx, actor: Actor, personId: string) {
  // The criminal-procedure roles read persons without NRM cases (DOMAIN.md §2.2: two tracks).
  if (!hasPermission(actor.role, 'case.read')) return [];
  const rows = await db
    .select({ id: cases.id, reference: cases.reference, status: cases.status, createdAt: cases.createdAt })
    .from(cases)
    .where(and(eq(cases.personId, personId), caseScope(actor, 'case.read')))
    .orderBy(desc(cases.createdAt));
  return rows.map((r) => ({ id: r.id, reference: r.reference, status: r.status, openedAt: r.createdAt.toISOString() }));
}

export async function updateCaseState(
  tx: DbOrTx,
  id: string,
  state: { status: string; traffickingStatus: string; exploitationTypes?: string[]; identificationDue?: string | null },
): Promise<void> {
  await tx
    .update(cases)
    .set({ ...state, updatedAt: new Date() })
    .where(eq(cases.id, id));
}

export async function agencyExists(db: DbOrTx, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(eq(agencies.id, id), eq(agencies.disabled, false)));
  return Boolean(row);
}

export async function countCasesByStatus(db: DbOrTx, actor: Actor): Promise<Record<string, number>> {
  const rows = await db.select({ status: cases.status, n: count() }).from(cases).where(caseScope(actor, 'case.read')).groupBy(cases.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** A handover: the receiving agency owns the case, and its creator keeps no access to it. */
export async function transferCase(tx: DbOrTx, id: string, toAgencyId: string, identificationDue: string): Promise<void> {
  await tx.update(cases).set({ ownerAgencyId: toAgencyId, creatorAccessEnded: true, identificationDue, updatedAt: new Date() }).where(eq(cases.id, id));
}

export async function setIdentificationDue(tx: DbOrTx, id: string, due: string): Promise<void> {
  await tx.update(cases).set({ identificationDue: due }).where(eq(cases.id, id));
}

/**
 * The case has a non-punishment flag not yet reviewed (DOMAIN.md §2.7: the prosecutors' queue).
 * Why a set gathered once per statement (`= ANY(ARRAY(…))`) and not a correlated EXISTS: the open
 * flags are few, the cases of a region many; a per-case subquery made PostgreSQL read every case
 * of the prosecutor's region (150–270 ms at 1,000,000 persons, docs/benchmarks.md §8), the set
 * lets it start from the flags (the partial index on flag and review actions).
 */
export const nonPunishmentFlagOpen = sql`${cases.id} = ANY(ARRAY(SELECT f.case_id FROM ${caseActions} f WHERE f.type = 'non_punishment_flagged'
  AND NOT EXISTS (SELECT 1 FROM ${caseActions} r WHERE r.case_id = f.case_id AND r.type = 'non_punishment_reviewed' AND r.seq > f.seq)))`;
