import {
  checkPasswordPolicy,
  DomainError,
  PERMISSIONS,
  hasPermission,
  type LocalizedName,
  requiresTwoFactor,
  type Me,
  type Role,
  type SessionStage,
  type SignInBody,
  type TotpEnrolment,
} from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { appendAudit, type AuditContext } from '../../audit/audit.repository.ts';
import { jurisdictionOf, type AuthContext } from '../../auth/auth.plugin.ts';
import { burnVerifyTime, hashPassword, verifyPassword } from '../../auth/passwords.ts';
import { createSession, deleteSession, deleteUserSessions, setSessionStage, type SignInNotice } from '../../auth/session.repository.ts';
import { acceptTotp, newTotpSecret, otpauthQrSvg, otpauthUri } from '../../auth/totp.ts';
import type { SessionUser } from '../../auth/session.repository.ts';
import { agencyNameOf } from '../agencies/agency-name.ts';
import {
  clearAddressFailures,
  findAddressLock,
  findUserByUsername,
  findUserSecrets,
  recordSignInFailure,
  updateUser,
  type UserRow,
} from './auth.repository.ts';
const totpContext = (userId: string) => `users.totp_secret:${userId}`;

export function meOf(
  user: SessionUser,
  agency: { id: string; name: LocalizedName; type: string },
  stage: SessionStage,
  csrfToken: string,
  notice: SignInNotice | null = null,
): Me {
  const role = user.role as Role;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role,
    agency: { id: agency.id, name: agency.name, type: agency.type as Me['agency']['type'] },
    jurisdiction: jurisdictionOf(user),
    permissions: PERMISSIONS.filter((p) => hasPermission(role, p)),
    stage,
    twoFactorEnabled: user.totpEnabled,
    csrfToken,
    failedSignIns: notice && notice.count > 0 && notice.lastAt ? { count: notice.count, lastAt: notice.lastAt.toISOString() } : null,
  };
}

/** The stage a fresh session starts in: enrol 2FA first where required, then change password. */
export function stageFor(user: Pick<SessionUser, 'role' | 'totpEnabled' | 'mustChangePassword'>): SessionStage {
  if (requiresTwoFactor(user.role as Role) && !user.totpEnabled) return 'enroll_totp';
  return user.mustChangePassword ? 'change_password' : 'active';
}

export function createAuthService(deps: AppDeps) {
  const { db, cipher, config } = deps;

  /**
   * A failed attempt is recorded in its own transaction: it must persist although we refuse.
   * Why a locked address gets `invalid_credentials`: the same status, body and (the password
   * is verified first) time as an unknown user or a wrong password, so a lock tells nobody
   * that the account exists; the audit entry keeps the real reason. The same for an account
   * awaiting approval, whose right password is no guess: it counts toward no lock or notice
   * (else its owner, trying while she waits, would find herself locked out once approved).
   */
  async function refuse(
    audit: AuditContext,
    user: UserRow | null,
    code: 'invalid_credentials' | 'two_factor_invalid' | 'account_locked' | 'account_disabled' | 'awaiting_approval',
  ): Promise<never> {
    const denied = code === 'account_locked' || code === 'account_disabled' || code === 'awaiting_approval';
    await db.transaction(async (tx) => {
      if (user && code !== 'account_disabled' && code !== 'awaiting_approval') await recordSignInFailure(tx, user.id, audit.ip ?? '', deps.now());
      const actor = user ? { id: user.id, username: user.username, role: user.role, agencyId: user.agencyId } : null;
      await appendAudit(tx, { ...audit, actor }, { operation: 'auth.sign_in', outcome: denied ? 'denied' : 'failed', details: { reason: code } });
    });
    throw new DomainError(code === 'account_locked' || code === 'awaiting_approval' ? 'invalid_credentials' : code);
  }

  return {
    async signIn(audit: AuditContext, body: SignInBody): Promise<{ me: Me; token: string }> {
      const found = await findUserByUsername(db, body.username);
      if (!found) {
        await burnVerifyTime(body.password);
        return refuse(audit, null, 'invalid_credentials');
      }
      const { user, agency } = found;
      const lockedUntil = await findAddressLock(db, user.id, audit.ip ?? '');
      const passwordOk = await verifyPassword(user.passwordHash, body.password);
      if (lockedUntil && lockedUntil > deps.now()) return refuse(audit, user, 'account_locked');
      if (!passwordOk) return refuse(audit, user, 'invalid_credentials');
      // Four eyes (issue #8): an account awaiting a second person's approval gets exactly the
      // answer of a wrong password, so sign-in never tells whether a username exists.
      if (!user.approved) return refuse(audit, user, 'awaiting_approval');
      if (user.disabled) return refuse(audit, user, 'account_disabled');
      let totpLastStep = user.totpLastStep;
      if (user.totpEnabled && user.totpSecretEnc) {
        if (!body.code) throw new DomainError('two_factor_required');
        const secret = cipher.decrypt(user.totpSecretEnc, totpContext(user.id));
        const step = acceptTotp(secret, user.username, body.code, user.totpLastStep);
        if (step === null) return refuse(audit, user, 'two_factor_invalid');
        totpLastStep = step;
      }
      const stage = stageFor(user);
      // The owner is told of the failures since her last sign-in, from every address.
      const notice: SignInNotice | null = user.failedAttempts > 0 ? { count: user.failedAttempts, lastAt: user.lastFailedSignInAt } : null;
      const session = await db.transaction(async (tx) => {
        await clearAddressFailures(tx, user.id, audit.ip ?? '');
        await updateUser(tx, user.id, { failedAttempts: 0, lastFailedSignInAt: null, lastSignInAt: deps.now(), totpLastStep });
        const s = await createSession(tx, { userId: user.id, stage, ip: audit.ip, absoluteMs: config.session.absoluteMs, notice });
        await appendAudit(
          tx,
          { ...audit, actor: { id: user.id, username: user.username, role: user.role, agencyId: user.agencyId } },
          { operation: 'auth.sign_in', details: { stage } },
        );
        return s;
      });
      return { me: meOf(user, { id: agency.id, name: agencyNameOf(agency), type: agency.type }, stage, session.csrfToken, notice), token: session.token };
    },

    async signOut(auth: AuthContext, audit: AuditContext): Promise<void> {
      await db.transaction(async (tx) => {
        await deleteSession(tx, auth.tokenHash);
        await appendAudit(tx, audit, { operation: 'auth.sign_out' });
      });
    },

    me: (auth: AuthContext): Me => meOf(auth.user, auth.agency, auth.stage, auth.csrfToken, auth.notice),

    async enrollTotp(auth: AuthContext): Promise<TotpEnrolment> {
      if (auth.user.totpEnabled) throw new DomainError('conflict');
      const secret = newTotpSecret();
      await updateUser(db, auth.user.id, { totpSecretEnc: cipher.encrypt(secret, totpContext(auth.user.id)) });
      const uri = otpauthUri(secret, auth.user.username);
      return { secret, otpauthUri: uri, qrSvg: await otpauthQrSvg(uri) };
    },

    async confirmTotp(auth: AuthContext, audit: AuditContext, code: string): Promise<Me> {
      // Secrets are not in the session's user: read them for this one operation.
      const secrets = await findUserSecrets(db, auth.user.id);
      if (auth.user.totpEnabled || !secrets?.totpSecretEnc) throw new DomainError('conflict');
      const secret = cipher.decrypt(secrets.totpSecretEnc, totpContext(auth.user.id));
      const step = acceptTotp(secret, auth.user.username, code, null);
      if (step === null) throw new DomainError('two_factor_invalid', [{ path: 'code', code: 'two_factor_invalid' }]);
      const user = { ...auth.user, totpEnabled: true, totpLastStep: step };
      const stage = stageFor(user);
      await db.transaction(async (tx) => {
        await updateUser(tx, user.id, { totpEnabled: true, totpLastStep: step });
        await setSessionStage(tx, auth.tokenHash, stage);
        await appendAudit(tx, audit, { operation: 'auth.totp_enrolled', recordType: 'user', recordId: user.id });
      });
      return meOf(user, auth.agency, stage, auth.csrfToken, auth.notice);
    },

    /** Changing the password ends every other session of the account. */
    async changePassword(auth: AuthContext, audit: AuditContext, current: string, next: string): Promise<{ me: Me; token: string }> {
      const secrets = await findUserSecrets(db, auth.user.id);
      if (!secrets || !(await verifyPassword(secrets.passwordHash, current))) {
        throw new DomainError('invalid_credentials', [{ path: 'currentPassword', code: 'invalid_credentials' }]);
      }
      const issues = checkPasswordPolicy(next, auth.user.username);
      if (issues.length) throw new DomainError('password_policy', issues);
      if (current === next) throw new DomainError('password_reused', [{ path: 'newPassword', code: 'password_reused' }]);
      const user = { ...auth.user, mustChangePassword: false };
      const stage = stageFor(user);
      const passwordHash = await hashPassword(next);
      const notice = auth.notice;
      const session = await db.transaction(async (tx) => {
        await updateUser(tx, user.id, { passwordHash, mustChangePassword: false });
        await deleteUserSessions(tx, user.id);
        const s = await createSession(tx, { userId: user.id, stage, ip: audit.ip, absoluteMs: config.session.absoluteMs, notice });
        await appendAudit(tx, audit, { operation: 'auth.password_changed', recordType: 'user', recordId: user.id });
        return s;
      });
      return { me: meOf(user, auth.agency, stage, session.csrfToken, notice), token: session.token };
    },
  };
}
