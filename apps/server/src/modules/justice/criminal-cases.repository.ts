import { aliasedTable, and, asc, count, desc, eq, inArray, like, sql } from 'drizzle-orm';
import type { Actor } from '@qorgau/core';
import type { DbOrTx } from '../../db/client.ts';
import { agencies, criminalCaseEvents, criminalCases, defendants, proceedingVictims, users } from '../../db/schema.ts';
import { criminalCaseScope } from './criminal-case-scope.ts';

/** Drizzle queries of criminal cases (issue #11 item 1); every read takes the scope. */

export async function findCaseByClientId(q: DbOrTx, clientId: string): Promise<string | null> {
  const [row] = await q.select({ id: criminalCases.id }).from(criminalCases).where(eq(criminalCases.clientId, clientId));
  return row?.id ?? null;
}

export async function findCaseByErdr(q: DbOrTx, erdrNumber: string): Promise<string | null> {
  const [row] = await q.select({ id: criminalCases.id }).from(criminalCases).where(eq(criminalCases.erdrNumber, erdrNumber));
  return row?.id ?? null;
}

const agencyName = { id: agencies.id, nameKk: agencies.nameKk, nameRu: agencies.nameRu, nameEn: agencies.nameEn };

export async function listCriminalCases(q: DbOrTx, actor: Actor, filter: { stage?: string; regionCode?: string; q?: string }, page: number, pageSize: number) {
  const where = and(
    criminalCaseScope(actor, 'criminal_case.read'),
    filter.stage ? eq(criminalCases.stage, filter.stage) : undefined,
    filter.regionCode ? eq(criminalCases.regionCode, filter.regionCode) : undefined,
    // Digits only (the contract's pattern), so no LIKE metacharacter reaches the pattern.
    filter.q ? like(criminalCases.erdrNumber, `${filter.q}%`) : undefined,
  );
  const rows = await q
    .select({ cc: criminalCases, agency: agencyName })
    .from(criminalCases)
    .innerJoin(agencies, eq(agencies.id, criminalCases.ownerAgencyId))
    .where(where)
    .orderBy(desc(criminalCases.registeredOn), desc(criminalCases.createdAt), asc(criminalCases.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await q.select({ n: count() }).from(criminalCases).where(where);
  return { rows, total: Number(total?.n ?? 0) };
}

const investigator = aliasedTable(users, 'investigator');
const prosecutor = aliasedTable(users, 'prosecutor');

/** The people, agency and counts of a case already found in scope. */
export async function caseDetails(q: DbOrTx, id: string) {
  const [row] = await q
    .select({
      agency: agencyName,
      investigator: { id: investigator.id, name: investigator.displayName },
      prosecutor: { id: prosecutor.id, name: prosecutor.displayName },
      defendants: sql<number>`(SELECT count(*)::int FROM ${defendants} d WHERE d.criminal_case_id = ${criminalCases.id})`,
      victims: sql<number>`(SELECT count(*)::int FROM ${proceedingVictims} v WHERE v.criminal_case_id = ${criminalCases.id})`,
    })
    .from(criminalCases)
    .innerJoin(agencies, eq(agencies.id, criminalCases.ownerAgencyId))
    .leftJoin(investigator, eq(investigator.id, criminalCases.investigatorId))
    .leftJoin(prosecutor, eq(prosecutor.id, criminalCases.prosecutorId))
    .where(eq(criminalCases.id, id));
  if (!row) throw new Error(`criminal case ${id} vanished`);
  return row;
}

export async function caseEvents(q: DbOrTx, id: string) {
  return q
    .select({ e: criminalCaseEvents, actorRole: users.role, agency: agencyName })
    .from(criminalCaseEvents)
    .innerJoin(users, eq(users.id, criminalCaseEvents.actorId))
    .innerJoin(agencies, eq(agencies.id, criminalCaseEvents.agencyId))
    .where(eq(criminalCaseEvents.criminalCaseId, id))
    .orderBy(asc(criminalCaseEvents.at), asc(criminalCaseEvents.id));
}

/** Active users of these roles whose jurisdiction covers the region: who may be assigned to a case there. */
export async function assignableUsers(q: DbOrTx, regionCode: string, roles: string[], ids?: string[]) {
  return q
    .select({ id: users.id, name: users.displayName, role: users.role })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(
      and(
        inArray(users.role, roles),
        eq(users.disabled, false),
        eq(agencies.disabled, false),
        sql`(${users.national} OR ${regionCode}::text = ANY(${users.regions}))`,
        ids ? inArray(users.id, ids) : undefined,
      ),
    )
    .orderBy(asc(users.displayName), asc(users.id))
    .limit(200);
}
