import { and, eq, sql } from 'drizzle-orm';
import {
  criminalCaseRefusal,
  DomainError,
  hasPermission,
  roleMayTakeCriminalCaseAction,
  type Actor,
  type CriminalCaseAction,
  type CriminalStage,
  type FieldIssue,
} from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { appendAudit, type AuditContext } from '../../audit/audit.repository.ts';
import type { AuthContext } from '../../auth/auth.plugin.ts';
import type { DbOrTx } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { criminalCaseEvents, criminalCases } from '../../db/schema.ts';
import { criminalCaseScope } from './criminal-case-scope.ts';

export type CriminalCaseRow = typeof criminalCases.$inferSelect;

/**
 * A criminal case in the actor's `criminal_case.read` scope (null: not found, which is also
 * "no access"), with `mayAct`: whether it is in her `criminal_case.act` scope too.
 */
export async function loadCriminalCase(q: DbOrTx, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
  const mayAct = hasPermission(actor.role, 'criminal_case.act') ? sql<boolean>`${criminalCaseScope(actor, 'criminal_case.act')}` : sql<boolean>`false`;
  const query = q
    .select({ cc: criminalCases, mayAct })
    .from(criminalCases)
    .where(and(eq(criminalCases.id, id), criminalCaseScope(actor, 'criminal_case.read')));
  const [row] = await (opts.forUpdate ? query.for('update', { of: criminalCases }) : query);
  return row ? { cc: row.cc, mayAct: Boolean(row.mayAct) } : null;
}

/** The case whose event has this client id (an action's idempotency key), if any. */
async function caseOfEvent(q: DbOrTx, clientId: string): Promise<string | null> {
  const [row] = await q.select({ id: criminalCaseEvents.criminalCaseId }).from(criminalCaseEvents).where(eq(criminalCaseEvents.clientId, clientId));
  return row?.id ?? null;
}

/** Field-level refusal: nothing is written (thrown inside the transaction). */
export function refuseIssues(issues: (FieldIssue | null)[]): void {
  const list = issues.filter((i): i is FieldIssue => i !== null);
  if (list.length) throw new DomainError('validation_failed', list);
}

export interface ActResult {
  /** Non-identifying facts for the event and the audit entry: codes, ids, dates, amounts. */
  details: Record<string, unknown>;
  /** A free-text note or reason, already encrypted by the caller, for the event. */
  noteEnc?: string | null;
}

/**
 * One action on a criminal case (issue #11): authority from core's table (the role before the
 * lookup, like a route; out of read scope = not found; outside the act scope or not the role's
 * = forbidden; the stage = invalid_transition), then the action's own rules and writes (`run`),
 * its event and its audit entry, all in one transaction: nothing half-written. Idempotent on
 * the client id: a replay writes nothing and returns `replayed: true`.
 */
export async function actOnCriminalCase(
  deps: Pick<AppDeps, 'db' | 'now'>,
  auth: AuthContext,
  audit: AuditContext,
  id: string,
  action: CriminalCaseAction,
  clientId: string,
  run: (tx: DbOrTx, cc: CriminalCaseRow, now: Date) => Promise<ActResult>,
): Promise<{ replayed: boolean }> {
  if (!roleMayTakeCriminalCaseAction(auth.actor.role, action)) throw new DomainError('forbidden');
  if ((await caseOfEvent(deps.db, clientId)) === id) return { replayed: true };
  try {
    await deps.db.transaction(async (tx) => {
      const found = await loadCriminalCase(tx, auth.actor, id, { forUpdate: true });
      if (!found) throw new DomainError('not_found');
      const refusal = criminalCaseRefusal(auth.actor, action, { stage: found.cc.stage as CriminalStage, mayAct: found.mayAct });
      if (refusal) throw new DomainError(refusal);
      const now = deps.now();
      const result = await run(tx, found.cc, now);
      await tx.insert(criminalCaseEvents).values({
        clientId,
        criminalCaseId: id,
        type: action,
        details: result.details,
        noteEnc: result.noteEnc ?? null,
        actorId: auth.user.id,
        agencyId: auth.user.agencyId,
        at: now,
      });
      await tx.update(criminalCases).set({ updatedAt: now }).where(eq(criminalCases.id, id));
      await appendAudit(tx, audit, {
        operation: 'criminal_case.acted',
        recordType: 'criminal_case',
        recordId: id,
        details: { type: action, ...result.details },
      });
    });
  } catch (e) {
    if (!isUniqueViolation(e) || (await caseOfEvent(deps.db, clientId)) !== id) throw e;
    return { replayed: true };
  }
  return { replayed: false };
}
