import { randomUUID } from 'node:crypto';
import {
  CASE_STATUSES,
  actionRefusal,
  applyAction,
  decisionOrgOf,
  roleMayTake,
  deriveCaseState,
  DomainError,
  INITIAL_CASE_STATE,
  occurredOnIssues,
  type AppendCaseActionBody,
  type Case,
  type CaseOverview as CaseOverviewT,
  type CreateCaseBody,
} from '@qorgau/core';
import type { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { appendAudit, type AuditContext } from '../../audit/audit.repository.ts';
import type { AuthContext } from '../../auth/auth.plugin.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { FieldCipher } from '../../crypto/field-cipher.ts';
import { writeOnce } from '../../db/errors.ts';
import { nameIndexOf } from '../persons/persons.service.ts';
import { getPerson } from '../persons/persons.repository.ts';
import { readCaseAudited } from './case-read.repository.ts';
import { splitAction, toCoreAction, type ActionDetails } from './case-actions.ts';
import { earlierEventDays } from './late-entry.ts';
import * as repo from './cases.repository.ts';
import { recomputeEntitlements } from '../entitlements/entitlements.service.ts';
import { actionTextContext, caseFactsOf, caseSummary, caseView, type DeadlineContext } from './cases.view.ts';
import { kazakhstanDate, kazakhstanYear } from '../../util/kazakhstan-date.ts';

/** `at`: the injected clock's time (issue #8), never the database's: the history's dates are legal facts. */
export async function insertAction(
  tx: DbOrTx,
  cipher: FieldCipher,
  auth: AuthContext,
  caseId: string,
  seq: number,
  clientId: string,
  parts: { type: string; details: ActionDetails; text: string | undefined },
  at: Date,
) {
  const id = randomUUID();
  await repo.insertCaseAction(tx, {
    id,
    at,
    clientId,
    caseId,
    seq,
    type: parts.type,
    details: parts.details,
    textEnc: parts.text ? cipher.encrypt(parts.text, actionTextContext(id)) : null,
    actorId: auth.user.id,
    agencyId: auth.user.agencyId,
  });
}

/**
 * Opens a case for a person the caller may see (checked by the caller): the case row, its
 * first action `opened` (with the narrative, encrypted) and the audit entry, in `tx`.
 */
export async function openCase(
  tx: DbOrTx,
  cipher: FieldCipher,
  auth: AuthContext,
  audit: AuditContext,
  body: CreateCaseBody,
  now: Date,
  openedDetails: Record<string, string> = {},
): Promise<string> {
  const id = randomUUID();
  await repo.insertCase(tx, {
    id,
    clientId: body.clientId,
    // The injected clock's year in Kazakhstan, not the server's UTC year.
    reference: await repo.nextCaseReference(tx, kazakhstanYear(now)),
    personId: body.personId,
    regionCode: body.regionCode,
    exploitationTypes: body.exploitationTypes,
    status: INITIAL_CASE_STATE.status,
    traffickingStatus: INITIAL_CASE_STATE.traffickingStatus,
    createdBy: auth.user.id,
    ownerAgencyId: auth.user.agencyId,
    createdAt: now,
  });
  await insertAction(tx, cipher, auth, id, 1, randomUUID(), { type: 'opened', details: openedDetails, text: body.narrative }, now);
  await appendAudit(tx, audit, { operation: 'case.created', recordType: 'case', recordId: id, details: { personId: body.personId } });
  return id;
}

export function createCasesService(deps: AppDeps) {
  const { db, cipher } = deps;
  // The calendar in force (an administrator may have uploaded a newer version than the shipped file).
  const when = async (q?: DbOrTx): Promise<DeadlineContext> => ({ today: kazakhstanDate(deps.now()), calendar: await deps.reference.calendar(q) });

  async function read(auth: AuthContext, audit: AuditContext, id: string): Promise<Case> {
    const found = await readCaseAudited(db, auth.actor, id, audit);
    if (!found) throw new DomainError('not_found');
    return caseView(cipher, found.row, found.actions, await when(), auth.actor);
  }

  /** Runs `write` once per client id (db/errors.ts writeOnce) and answers with the case. */
  const idempotent = async (find: () => Promise<string | null>, write: () => Promise<string>, auth: AuthContext, audit: AuditContext) =>
    read(auth, audit, await writeOnce(find, write));

  return {
    read,

    /** Aggregates only: not a read of personal data, so not audited entry by entry. */
    async overview(auth: AuthContext): Promise<CaseOverviewT> {
      const counts = await repo.countCasesByStatus(db, auth.actor);
      const byStatus = Object.fromEntries(CASE_STATUSES.map((s) => [s, counts[s] ?? 0])) as CaseOverviewT['byStatus'];
      return { total: Object.values(byStatus).reduce((a, b) => a + b, 0), byStatus };
    },

    create: (auth: AuthContext, audit: AuditContext, body: CreateCaseBody) =>
      idempotent(
        () => repo.findCaseIdByClientId(db, body.clientId),
        () =>
          db.transaction(async (tx) => {
            if (!(await getPerson(tx, auth.actor, body.personId))) throw new DomainError('not_found', [{ path: 'personId', code: 'not_found' }]);
            return openCase(tx, cipher, auth, audit, body, deps.now());
          }),
        auth,
        audit,
      ),

    /** Appends to the log under a row lock, so concurrent actions see each other's status. */
    append: (auth: AuthContext, audit: AuditContext, caseId: string, body: z.infer<typeof AppendCaseActionBody>) =>
      idempotent(
        () => repo.findActionCaseByClientId(db, body.clientId),
        () =>
          db.transaction(async (tx) => {
            // A role that never takes this action is refused like a route it lacks: before the lookup.
            if (!roleMayTake(auth.actor.role, body.action.type)) throw new DomainError('forbidden');
            const row = await repo.getCase(tx, auth.actor, caseId, { forUpdate: true });
            if (!row) throw new DomainError('not_found');
            const log = await repo.listCaseActions(tx, caseId);
            const state = deriveCaseState(log.map((l) => toCoreAction(l.action.type, l.action.details)));
            // Authority per action (core CASE_ACTION_RULES): out of scope is 404 (the row was not
            // found above); a case the actor may act on but not with this action (another unit
            // holds it) is 403.
            const refusal = actionRefusal(auth.actor, body.action.type, caseFactsOf(row, auth.actor), state);
            if (refusal === 'forbidden') throw new DomainError('forbidden');
            const parts = splitAction(body.action, decisionOrgOf(auth.agency.type));
            const at = deps.now();
            // A decision recorded after the fact carries its day, bounded (core occurred-on.ts).
            const occurredOn = 'occurredOn' in body.action ? body.action.occurredOn : undefined;
            if (occurredOn !== undefined) {
              const issues = occurredOnIssues(occurredOn, { today: kazakhstanDate(at), earlier: await earlierEventDays(tx, log) }, 'action.occurredOn');
              if (issues.length) throw new DomainError('validation_failed', issues);
            }
            if (body.action.type === 'referred' && !(await repo.agencyExists(tx, body.action.toAgencyId))) {
              throw new DomainError('validation_failed', [{ path: 'action.toAgencyId', code: 'not_found' }]);
            }
            const next = applyAction(state, parts.action);
            await insertAction(
              tx,
              cipher,
              auth,
              caseId,
              log.length + 1,
              body.clientId,
              { type: parts.action.type, details: parts.details, text: parts.text },
              at,
            );
            const findings = body.action.type === 'identification_decided' ? body.action.exploitationTypes : undefined;
            await repo.updateCaseState(tx, caseId, {
              status: next.status,
              traffickingStatus: next.traffickingStatus,
              ...(findings ? { exploitationTypes: findings } : {}),
            });
            // Entitlements start (or end) with the identification (issue #10 item 4), in the same transaction.
            if (body.action.type === 'identification_decided' || body.action.type === 'identification_reviewed')
              await recomputeEntitlements(tx, deps, row.case.personId);
            await appendAudit(tx, audit, {
              operation: 'case.action_appended',
              recordType: 'case',
              recordId: caseId,
              // Both dates of a late entry: the day it happened (in the details) and the day it was recorded.
              details: { type: parts.action.type, ...parts.details, ...(occurredOn ? { recordedOn: kazakhstanDate(at) } : {}) },
            });
            return caseId;
          }),
        auth,
        audit,
      ),

    async list(
      auth: AuthContext,
      audit: AuditContext,
      query: { status?: string; regionCode?: string; q?: string; queue?: 'identification' | 'non_punishment'; page: number; pageSize: number },
    ) {
      const nameIndex = query.q ? nameIndexOf(cipher, query.q) : undefined;
      return db.transaction(async (tx) => {
        const { rows, total } = await repo.listCases(
          tx,
          auth.actor,
          { status: query.status, regionCode: query.regionCode, nameIndex, queue: query.queue },
          query.page,
          query.pageSize,
        );
        const deadlines = await when(tx);
        const items = rows.map((r) => caseSummary(cipher, r, deadlines));
        await appendAudit(tx, audit, {
          operation: 'case.list',
          recordType: 'case',
          details: { shown: items.filter((i) => i.personName !== null).map((i) => i.id), total, searched: Boolean(query.q) },
        });
        return { items, total, page: query.page, pageSize: query.pageSize };
      });
    },
  };
}
