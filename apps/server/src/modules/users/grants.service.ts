import { DomainError, mayDecideGrant, needsApproval, type AccessGrant, type Jurisdiction, type Role } from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { appendAudit, type AuditContext } from '../../audit/audit.repository.ts';
import { jurisdictionOf, type AuthContext } from '../../auth/auth.plugin.ts';
import { deleteUserSessions } from '../../auth/session.repository.ts';
import type { DbOrTx } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { decideGrant, insertGrant, listGrants, lockGrant, pendingGrantOf, type GrantWithNames } from './grants.repository.ts';
import { patchUser } from './users.repository.ts';

const pendingConflict = () => new DomainError('conflict', [{ path: 'role', code: 'grant_pending' }]);

export interface AccessRequest {
  role: Role;
  jurisdiction: Jurisdiction;
  agencyId?: string;
}

/**
 * Asks for a grant when core `needsApproval` says the request waits for a second person (four
 * eyes, issue #8), in the caller's transaction: returns true when it does (the caller must then
 * leave the account's role and jurisdiction as they are), false when it may take effect now.
 * One pending grant per account: a second request while one waits is a conflict.
 */
export async function requestIfNeeded(
  tx: DbOrTx,
  audit: AuditContext,
  requestedBy: string,
  userId: string,
  previous: AccessRequest | null,
  requested: AccessRequest,
): Promise<boolean> {
  if (previous && (await pendingGrantOf(tx, userId))) throw pendingConflict();
  if (!needsApproval(previous, requested)) return false;
  await insertPending(
    tx,
    audit,
    {
      userId,
      newAccount: previous === null,
      role: requested.role,
      national: requested.jurisdiction.national,
      regions: requested.jurisdiction.regions,
      previousRole: previous?.role ?? null,
      previousNational: previous?.jurisdiction.national ?? null,
      previousRegions: previous?.jurisdiction.regions ?? null,
      // Only a move is recorded: a new account's agency is its own from the start.
      ...(previous && requested.agencyId && requested.agencyId !== previous.agencyId
        ? { agencyId: requested.agencyId, previousAgencyId: previous.agencyId ?? null }
        : {}),
      requestedBy,
    },
    { userId, newAccount: previous === null, role: requested.role },
  );
  return true;
}

/**
 * Inserts a pending grant and audits the request. One pending grant per account (unique index):
 * a second, even one racing this at the same moment, is a conflict.
 */
async function insertPending(tx: DbOrTx, audit: AuditContext, row: Parameters<typeof insertGrant>[1], details: Record<string, unknown>): Promise<void> {
  const id = await insertGrant(tx, row).catch((e: unknown) => {
    throw isUniqueViolation(e) ? pendingConflict() : e;
  });
  await appendAudit(tx, audit, { operation: 'grant.requested', recordType: 'grant', recordId: id, details });
}

/**
 * Records a reset of an account's password and second factor as a grant waiting for a second
 * person (core `resetNeedsApproval`), in the caller's transaction; the caller makes the account
 * unable to sign in until it is approved.
 */
export async function requestReset(tx: DbOrTx, audit: AuditContext, requestedBy: string, user: { id: string } & AccessRequest): Promise<void> {
  const access = { role: user.role, national: user.jurisdiction.national, regions: user.jurisdiction.regions };
  await insertPending(
    tx,
    audit,
    {
      userId: user.id,
      newAccount: false,
      reset: true,
      ...access,
      previousRole: access.role,
      previousNational: access.national,
      previousRegions: access.regions,
      requestedBy,
    },
    { userId: user.id, reset: true, role: user.role },
  );
}

/** A joined agency that is gone (never, with the foreign keys): shown as blank, not as a crash. */
const NO_NAME = { kk: '', ru: '', en: '' };

function grantView(r: GrantWithNames, viewer: { userId: string; role: Role }): AccessGrant {
  const g = r.grant;
  const access = (role: string, national: boolean, regions: string[]) => ({ role: role as Role, jurisdiction: jurisdictionOf({ national, regions }) });
  return {
    id: g.id,
    user: { id: g.userId, username: r.username, displayName: r.displayName, agencyName: r.agencyName },
    newAccount: g.newAccount,
    reset: g.reset,
    agencyMove: g.agencyId ? { from: r.previousAgencyName ?? NO_NAME, to: r.requestedAgencyName ?? NO_NAME } : null,
    requested: access(g.role, g.national, g.regions),
    previous: g.previousRole ? access(g.previousRole, g.previousNational ?? false, g.previousRegions ?? []) : null,
    status: g.status as AccessGrant['status'],
    requestedBy: { id: g.requestedBy, displayName: r.requesterName },
    requestedAt: g.requestedAt.toISOString(),
    decidedBy: g.decidedBy ? { id: g.decidedBy, displayName: r.deciderName ?? '' } : null,
    decidedAt: g.decidedAt?.toISOString() ?? null,
    canDecide: g.status === 'pending' && mayDecideGrant(viewer, g),
  };
}

export function createGrantsService(deps: AppDeps) {
  const { db } = deps;
  return {
    async list(auth: AuthContext, status: 'pending' | 'decided', page: number, pageSize: number) {
      const { rows, total } = await listGrants(db, status, page, pageSize);
      return { items: rows.map((r) => grantView(r, { userId: auth.user.id, role: auth.actor.role })), total, page, pageSize };
    },

    /**
     * Approves or rejects a pending grant. Approval makes it take effect (a new account may sign
     * in; a change replaces the role and jurisdiction and ends the account's sessions); a
     * rejected new account stays unable to sign in (disabled). Both are audited.
     */
    async decide(auth: AuthContext, audit: AuditContext, id: string, decision: 'approved' | 'rejected'): Promise<void> {
      await db.transaction(async (tx) => {
        const g = await lockGrant(tx, id);
        if (!g) throw new DomainError('not_found');
        if (!mayDecideGrant({ userId: auth.user.id, role: auth.actor.role }, g)) throw new DomainError('forbidden', [{ path: 'id', code: 'own_grant' }]);
        if (g.status !== 'pending') throw new DomainError('conflict');
        await decideGrant(tx, id, decision, auth.user.id, deps.now());
        // A new account and a reset account wait unable to sign in: approval lets them, a
        // rejection disables them (a reset nobody would vouch for is a takeover attempt).
        const waitsToSignIn = g.newAccount || g.reset;
        if (decision === 'approved') {
          await patchUser(
            tx,
            g.userId,
            waitsToSignIn ? { approved: true } : { role: g.role, national: g.national, regions: g.regions, ...(g.agencyId ? { agencyId: g.agencyId } : {}) },
          );
          if (!waitsToSignIn) await deleteUserSessions(tx, g.userId);
        } else if (waitsToSignIn) {
          await patchUser(tx, g.userId, { disabled: true });
        }
        const operation = decision === 'approved' ? 'grant.approved' : 'grant.rejected';
        await appendAudit(tx, audit, {
          operation,
          recordType: 'grant',
          recordId: id,
          details: { userId: g.userId, newAccount: g.newAccount, reset: g.reset, role: g.role },
        });
      });
    },
  };
}
