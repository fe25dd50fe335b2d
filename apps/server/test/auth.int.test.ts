import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { currentTotp } from '../src/auth/totp.ts';
import { sessions, users } from '../src/db/schema.ts';
import { LOCK_AFTER } from '@qorgau/core';
import { createTestApp, TEST_PASSWORD, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

describeEachDb('accounts and sessions', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  const signIn = (payload: object, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload, headers });

  it('signs in with password and TOTP; the cookie is httpOnly and SameSite=Strict', async () => {
    const u = await t.createUser({ role: 'case_worker' });
    const noCode = await signIn({ username: u.username, password: TEST_PASSWORD });
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().error.code).toBe('two_factor_required');
    const ok = await signIn({ username: u.username, password: TEST_PASSWORD, code: currentTotp(u.totpSecret, u.username) });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ username: u.username, role: 'case_worker', stage: 'active' });
    const cookie = ok.cookies.find((c) => c.name === 'qorgau_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    // A TOTP code works once: replaying it is refused.
    const replay = await signIn({ username: u.username, password: TEST_PASSWORD, code: currentTotp(u.totpSecret, u.username) });
    expect(replay.json().error.code).toBe('two_factor_invalid');
  });

  it('does not tell an unknown user from a wrong password', async () => {
    const u = await t.createUser({ role: 'screener' });
    const wrong = await signIn({ username: u.username, password: 'nope-nope-nope' });
    const unknown = await signIn({ username: 'nobody-here', password: 'nope-nope-nope' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe(unknown.json().error.code);
  });

  it(`locks the address out of the account after ${LOCK_AFTER} failures, even for the right password (sign-in-lockout.int.test.ts has the rest)`, async () => {
    const u = await t.createUser({ role: 'screener' });
    for (let i = 0; i < LOCK_AFTER; i++) {
      expect((await signIn({ username: u.username, password: `wrong-${i}-password` })).statusCode).toBe(401);
    }
    const locked = await signIn({ username: u.username, password: TEST_PASSWORD, code: currentTotp(u.totpSecret, u.username) });
    expect(locked.statusCode).toBe(401);
    expect(locked.json().error.code).toBe('invalid_credentials');
  });

  it('a role that sees personal data must enrol 2FA before anything else', async () => {
    const u = await t.createUser({ role: 'identification_officer', totp: false });
    const res = await signIn({ username: u.username, password: TEST_PASSWORD });
    expect(res.json().stage).toBe('enroll_totp');
    const cookie = `qorgau_session=${res.cookies.find((c) => c.name === 'qorgau_session')?.value}`;
    const csrf = res.json().csrfToken as string;
    const headers = { cookie, 'x-csrf-token': csrf };
    const blocked = await t.app.inject({ method: 'GET', url: '/api/v1/persons', headers });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('two_factor_not_enrolled');
    const enrol = await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/enroll', headers, payload: {} });
    expect(enrol.statusCode).toBe(200);
    const { secret, otpauthUri, qrSvg } = enrol.json();
    expect(otpauthUri).toContain('otpauth://totp/');
    expect(qrSvg).toContain('<svg');
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/confirm', headers, payload: { code: '000000' } });
    expect(bad.statusCode).toBe(401);
    const good = await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/confirm', headers, payload: { code: currentTotp(secret, u.username) } });
    expect(good.json()).toMatchObject({ stage: 'active', twoFactorEnabled: true });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/persons', headers })).statusCode).toBe(200);
  });

  it('after an administrator reset the user must change the password, under the policy', async () => {
    const admin = await t.as('administrator', { regions: 'national' });
    const u = await t.createUser({ role: 'analyst', totp: false });
    const reset = await admin.inject({ method: 'POST', url: `/api/v1/users/${u.id}/reset-password`, payload: {} });
    expect(reset.statusCode).toBe(200);
    const temp = reset.json().temporaryPassword as string;
    const res = await signIn({ username: u.username, password: temp });
    expect(res.json().stage).toBe('change_password');
    const headers = { cookie: `qorgau_session=${res.cookies[0]?.value}`, 'x-csrf-token': res.json().csrfToken, 'accept-language': 'ru' };
    const weak = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers, payload: { currentPassword: temp, newPassword: 'short' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('password_policy');
    expect(weak.json().error.fields[0].path).toBe('newPassword');
    expect(weak.json().error.fields[0].message).toMatch(/[а-яА-Я]/);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers,
      payload: { currentPassword: temp, newPassword: 'Steppe-Wind-2026!' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().stage).toBe('active');
    // The old session ended with the change.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers })).statusCode).toBe(401);
  });

  it('requires the CSRF token on writes', async () => {
    const s = await t.as('case_worker');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: { cookie: s.cookie }, payload: {} });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
  });

  it('ends idle sessions and signs out', async () => {
    const s = await t.as('case_worker');
    expect((await s.inject({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
    await t.deps.db.update(sessions).set({ lastSeenAt: new Date(Date.now() - t.config.session.idleMs - 1000) });
    expect((await s.inject({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    const s2 = await t.as('case_worker');
    expect((await s2.inject({ method: 'POST', url: '/api/v1/auth/sign-out', payload: {} })).statusCode).toBe(200);
    expect((await s2.inject({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
  });

  it('a disabled user is signed out at once', async () => {
    const admin = await t.as('administrator', { regions: 'national' });
    const s = await t.as('lawyer');
    const res = await admin.inject({ method: 'PATCH', url: `/api/v1/users/${s.user.id}`, payload: { disabled: true } });
    expect(res.statusCode).toBe(200);
    expect((await s.inject({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    const [row] = await t.deps.db.select().from(users).where(eq(users.id, s.user.id));
    expect(row?.disabled).toBe(true);
  });

  it('sends security headers with a strict script policy', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('rate-limits sign-in', async () => {
    const limited = await createTestApp(kind, { env: { QORGAU_SIGNIN_RATE_PER_MINUTE: '3' } });
    try {
      const codes = [];
      for (let i = 0; i < 5; i++) {
        codes.push((await limited.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username: 'x', password: 'y' } })).statusCode);
      }
      expect(codes.slice(0, 3)).toEqual([401, 401, 401]);
      expect(codes.slice(3)).toEqual([429, 429]);
    } finally {
      await limited.close();
    }
  });
});
