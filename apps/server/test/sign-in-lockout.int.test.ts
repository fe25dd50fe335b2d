import { and, desc, eq } from 'drizzle-orm';
import { LOCK_AFTER, LOCK_BASE_MS } from '@qorgau/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { currentTotp } from '../src/auth/totp.ts';
import { auditLog } from '../src/db/schema.ts';
import { createTestApp, TEST_PASSWORD, type TestApp, type TestUser } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

const ATTACKER = '203.0.113.66';
const OWNER = '198.51.100.7';

describeEachDb('sign-in lockout per account and address', (kind) => {
  let t: TestApp;
  let clock: Date;
  beforeAll(async () => {
    t = await createTestApp(kind);
    clock = new Date('2026-06-01T06:00:00Z');
    t.deps.now = () => clock;
  });
  afterAll(() => t.close());
  const later = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };

  // Accounts without a second factor here: a TOTP code is accepted once, and these tests sign in repeatedly.
  const signIn = (u: TestUser | string, from: string, password = TEST_PASSWORD) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      remoteAddress: from,
      headers: { 'accept-language': 'en' },
      payload:
        typeof u === 'string' ? { username: u, password, code: '123456' } : { username: u.username, password, code: currentTotp(u.totpSecret, u.username) },
    });
  const fail = async (u: TestUser, from: string, times: number) => {
    for (let i = 0; i < times; i++) expect((await signIn(u, from, `wrong-${i}-Password`)).statusCode).toBe(401);
  };

  it('a locked address gets exactly the answer of an unknown user (status and body), even with the right password', async () => {
    const u = await t.createUser({ role: 'screener', totp: false });
    await fail(u, ATTACKER, LOCK_AFTER);
    const locked = await signIn(u, ATTACKER);
    const unknown = await signIn('nobody-at-all', ATTACKER);
    const wrong = await signIn(u.username, '192.0.2.1', 'wrong-Password-1');
    expect(locked.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(locked.body).toBe(unknown.body);
    expect(wrong.body).toBe(unknown.body);
    // The audit log keeps the real reason.
    const [entry] = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, u.id), eq(auditLog.operation, 'auth.sign_in'), eq(auditLog.ip, ATTACKER)))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(entry).toMatchObject({ outcome: 'denied', details: { reason: 'account_locked' }, ip: ATTACKER });
  });

  it('failures from another address do not lock the owner out of her account, and she is told of them at sign-in', async () => {
    const u = await t.createUser({ role: 'case_worker', totp: false });
    await fail(u, ATTACKER, LOCK_AFTER + 2);
    expect((await signIn(u, ATTACKER)).statusCode).toBe(401);
    later(30_000);
    const owner = await signIn(u, OWNER);
    expect(owner.statusCode).toBe(200);
    const notice = owner.json().failedSignIns;
    // Every failure counts, the one refused by the lock included.
    expect(notice).toEqual({ count: LOCK_AFTER + 3, lastAt: expect.any(String) });
    expect(Date.parse(notice.lastAt)).toBe(clock.getTime() - 30_000);
    // The same notice for the whole session (the home page reads it from /auth/me) ...
    const cookie = `qorgau_session=${owner.cookies.find((c) => c.name === 'qorgau_session')?.value}`;
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.json().failedSignIns).toEqual(notice);
    // ... and not at the next sign-in, when nothing failed in between.
    later(60_000);
    expect((await signIn(u, OWNER)).json().failedSignIns).toBeNull();
    // The attacker's address is still locked.
    expect((await signIn(u, ATTACKER)).statusCode).toBe(401);
  });

  it('backs off exponentially: each failure after a lock doubles the next lock', async () => {
    const u = await t.createUser({ role: 'screener', totp: false });
    await fail(u, ATTACKER, LOCK_AFTER);
    later(LOCK_BASE_MS - 1_000);
    expect((await signIn(u, ATTACKER)).statusCode).toBe(401);
    // That refused attempt counted: the lock now runs 2 × base from it.
    later(LOCK_BASE_MS + 1_000);
    expect((await signIn(u, ATTACKER)).statusCode).toBe(401);
    // Now 4 × base from the last attempt; after it, the right password works from there again.
    later(4 * LOCK_BASE_MS + 1_000);
    const ok = await signIn(u, ATTACKER);
    expect(ok.statusCode, ok.body).toBe(200);
    // A success clears that address's count: one new failure does not lock it.
    await fail(u, ATTACKER, 1);
    expect((await signIn(u, ATTACKER)).statusCode).toBe(200);
  });

  it("an administrator's password reset ends every address's lock on the account", async () => {
    const u = await t.createUser({ role: 'screener', totp: false });
    await fail(u, ATTACKER, LOCK_AFTER);
    const admin = await t.as('administrator', { regions: 'national' });
    // The administrator sees the account locked (from some address) before she resets it.
    const lockedOf = async () => (await admin.inject({ method: 'GET', url: `/api/v1/users?q=${u.username}` })).json().items[0].lockedUntil;
    expect(await lockedOf()).not.toBeNull();
    const reset = await admin.inject({ method: 'POST', url: `/api/v1/users/${u.id}/reset-password`, payload: {} });
    expect(reset.statusCode).toBe(200);
    expect(await lockedOf()).toBeNull();
    // A screener sees personal data: her reset waits for a second person (four eyes).
    const coordinator = await t.as('national_coordinator', { regions: 'national' });
    const grants = (await coordinator.inject({ method: 'GET', url: '/api/v1/grants?status=pending' })).json().items as { id: string; user: { id: string } }[];
    const grant = grants.find((g) => g.user.id === u.id);
    expect((await coordinator.inject({ method: 'POST', url: `/api/v1/grants/${grant?.id}/approve`, payload: {} })).statusCode).toBe(200);
    const res = await signIn(u, ATTACKER, reset.json().temporaryPassword);
    expect(res.statusCode, res.body).toBe(200);
  });
});
