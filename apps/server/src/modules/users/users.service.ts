import { randomUUID } from 'node:crypto';
import { DomainError, needsApproval, resetNeedsApproval, type User } from '@qorgau/core';
import type { z } from 'zod';
import type { CreateUserBody, UpdateUserBody } from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { appendAudit, type AuditContext } from '../../audit/audit.repository.ts';
import { jurisdictionOf, type AuthContext } from '../../auth/auth.plugin.ts';
import { hashPassword, temporaryPassword } from '../../auth/passwords.ts';
import { deleteUserSessions } from '../../auth/session.repository.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { agencyExists } from '../cases/cases.repository.ts';
import { requestIfNeeded, requestReset } from './grants.service.ts';
import { getUser, insertUser, listUsers, patchUser } from './users.repository.ts';
import { clearAllAddressFailures } from '../auth/auth.repository.ts';

export function createUsersService(deps: AppDeps) {
  const { db } = deps;

  async function mustGet(id: string): Promise<User> {
    const u = await getUser(db, id, deps.now());
    if (!u) throw new DomainError('not_found');
    return u;
  }

  return {
    list: (q: string | undefined, page: number, pageSize: number) => listUsers(db, q, page, pageSize, deps.now()),

    /**
     * New accounts get a one-time password and must choose their own at first sign-in. One that
     * may see personal data cannot sign in until a second person approves it (four eyes).
     */
    async create(auth: AuthContext, audit: AuditContext, body: z.infer<typeof CreateUserBody>) {
      if (!(await agencyExists(db, body.agencyId))) throw new DomainError('validation_failed', [{ path: 'agencyId', code: 'not_found' }]);
      const password = temporaryPassword();
      const id = randomUUID();
      const passwordHash = await hashPassword(password);
      const access = { role: body.role, jurisdiction: jurisdictionOf(body.jurisdiction) };
      const awaitingApproval = needsApproval(null, access);
      try {
        await db.transaction(async (tx) => {
          await insertUser(tx, {
            id,
            username: body.username,
            displayName: body.displayName,
            role: body.role,
            agencyId: body.agencyId,
            national: body.jurisdiction.national,
            regions: body.jurisdiction.regions,
            passwordHash,
            mustChangePassword: true,
            approved: !awaitingApproval,
          });
          await appendAudit(tx, audit, { operation: 'user.created', recordType: 'user', recordId: id, details: { role: body.role } });
          await requestIfNeeded(tx, audit, auth.user.id, id, null, access);
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw new DomainError('conflict', [{ path: 'username', code: 'taken' }]);
        throw e;
      }
      return { user: await mustGet(id), temporaryPassword: password, awaitingApproval };
    },

    /**
     * A role, agency or jurisdiction change that gives more access to personal data waits for a
     * second person (four eyes): the account keeps its old role, agency and jurisdiction until
     * approval; the other fields of the same request take effect at once.
     */
    async update(auth: AuthContext, audit: AuditContext, id: string, body: z.infer<typeof UpdateUserBody>) {
      const current = await mustGet(id);
      if (body.agencyId && !(await agencyExists(db, body.agencyId))) throw new DomainError('validation_failed', [{ path: 'agencyId', code: 'not_found' }]);
      await db.transaction(async (tx) => {
        // Only a real change counts (the edit form sends every field, changed or not).
        const sameJurisdiction = (j: User['jurisdiction']) =>
          j.national === current.jurisdiction.national && [...j.regions].sort().join() === [...current.jurisdiction.regions].sort().join();
        const movesAgency = body.agencyId !== undefined && body.agencyId !== current.agencyId;
        const access =
          (body.role !== undefined && body.role !== current.role) || movesAgency || (body.jurisdiction !== undefined && !sameJurisdiction(body.jurisdiction));
        const waits = access
          ? await requestIfNeeded(
              tx,
              audit,
              auth.user.id,
              id,
              { role: current.role, jurisdiction: jurisdictionOf(current.jurisdiction), agencyId: current.agencyId },
              {
                role: body.role ?? current.role,
                jurisdiction: jurisdictionOf(body.jurisdiction ?? current.jurisdiction),
                agencyId: body.agencyId ?? current.agencyId,
              },
            )
          : false;
        const patch = Object.fromEntries(
          Object.entries({
            displayName: body.displayName,
            role: waits ? undefined : body.role,
            agencyId: waits ? undefined : body.agencyId,
            disabled: body.disabled,
            ...(body.jurisdiction && !waits ? { national: body.jurisdiction.national, regions: body.jurisdiction.regions } : {}),
          }).filter(([, v]) => v !== undefined),
        );
        if (Object.keys(patch).length) await patchUser(tx, id, patch);
        // A changed role, agency or jurisdiction takes effect at once: end the user's sessions.
        if ((access && !waits) || body.disabled) await deleteUserSessions(tx, id);
        await appendAudit(tx, audit, { operation: 'user.updated', recordType: 'user', recordId: id, details: { fields: Object.keys(body) } });
      });
      return mustGet(id);
    },

    /**
     * Resets the password and the second factor (a lost phone), and ends the user's sessions. For
     * an account that may see personal data (or manage accounts) the account then waits for a
     * second person's approval before it can sign in (core `resetNeedsApproval`).
     */
    async resetPassword(auth: AuthContext, audit: AuditContext, id: string) {
      const current = await mustGet(id);
      const awaitingApproval = resetNeedsApproval(current.role);
      const password = temporaryPassword();
      const passwordHash = await hashPassword(password);
      await db.transaction(async (tx) => {
        if (awaitingApproval) await requestReset(tx, audit, auth.user.id, { id, role: current.role, jurisdiction: jurisdictionOf(current.jurisdiction) });
        await patchUser(tx, id, {
          passwordHash,
          mustChangePassword: true,
          totpEnabled: false,
          totpSecretEnc: null,
          totpLastStep: null,
          failedAttempts: 0,
          ...(awaitingApproval ? { approved: false } : {}),
        });
        // A new password ends every address's lock on the account (the old guesses are moot).
        await clearAllAddressFailures(tx, id);
        await deleteUserSessions(tx, id);
        await appendAudit(tx, audit, { operation: 'user.password_reset', recordType: 'user', recordId: id });
      });
      return { user: await mustGet(id), temporaryPassword: password, awaitingApproval };
    },
  };
}
