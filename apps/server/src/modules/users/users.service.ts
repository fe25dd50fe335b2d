import { randomUUID } from 'node:crypto';
import { DomainError, type User } from '@qorgau/core';
import type { z } from 'zod';
import type { CreateUserBody, UpdateUserBody } from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { appendAudit, type AuditContext } from '../../audit/audit.repository.ts';
import { hashPassword, temporaryPassword } from '../../auth/passwords.ts';
import { deleteUserSessions } from '../../auth/session.repository.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { agencyExists } from '../cases/cases.repository.ts';
import { getUser, insertUser, listUsers, patchUser } from './users.repository.ts';

export function createUsersService(deps: AppDeps) {
  const { db } = deps;

  async function mustGet(id: string): Promise<User> {
    const u = await getUser(db, id);
    if (!u) throw new DomainError('not_found');
    return u;
  }

  return {
    list: (q: string | undefined, page: number, pageSize: number) => listUsers(db, q, page, pageSize),

    /** New accounts get a one-time password and must choose their own at first sign-in. */
    async create(audit: AuditContext, body: z.infer<typeof CreateUserBody>) {
      if (!(await agencyExists(db, body.agencyId))) throw new DomainError('validation_failed', [{ path: 'agencyId', code: 'not_found' }]);
      const password = temporaryPassword();
      const id = randomUUID();
      const passwordHash = await hashPassword(password);
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
          });
          await appendAudit(tx, audit, { operation: 'user.created', recordType: 'user', recordId: id, details: { role: body.role } });
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw new DomainError('conflict', [{ path: 'username', code: 'taken' }]);
        throw e;
      }
      return { user: await mustGet(id), temporaryPassword: password };
    },

    async update(audit: AuditContext, id: string, body: z.infer<typeof UpdateUserBody>) {
      await mustGet(id);
      if (body.agencyId && !(await agencyExists(db, body.agencyId))) throw new DomainError('validation_failed', [{ path: 'agencyId', code: 'not_found' }]);
      await db.transaction(async (tx) => {
        await patchUser(tx, id, {
          displayName: body.displayName,
          role: body.role,
          agencyId: body.agencyId,
          disabled: body.disabled,
          ...(body.jurisdiction ? { national: body.jurisdiction.national, regions: body.jurisdiction.regions } : {}),
        });
        // A changed role, agency or jurisdiction takes effect at once: end the user's sessions.
        if (body.role || body.agencyId || body.jurisdiction || body.disabled) await deleteUserSessions(tx, id);
        await appendAudit(tx, audit, { operation: 'user.updated', recordType: 'user', recordId: id, details: { fields: Object.keys(body) } });
      });
      return mustGet(id);
    },

    /** Resets the password and the second factor (a lost phone), and ends the user's sessions. */
    async resetPassword(audit: AuditContext, id: string) {
      await mustGet(id);
      const password = temporaryPassword();
      const passwordHash = await hashPassword(password);
      await db.transaction(async (tx) => {
        await patchUser(tx, id, { passwordHash, mustChangePassword: true, totpEnabled: false, totpSecretEnc: null, totpLastStep: null, failedAttempts: 0, lockedUntil: null });
        await deleteUserSessions(tx, id);
        await appendAudit(tx, audit, { operation: 'user.password_reset', recordType: 'user', recordId: id });
      });
      return { user: await mustGet(id), temporaryPassword: password };
    },
  };
}
