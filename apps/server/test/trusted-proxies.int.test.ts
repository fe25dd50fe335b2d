import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseTrustedProxies, proxyWarning } from '../src/config.ts';
import { auditLog } from '../src/db/schema.ts';
import { createTestApp, TEST_PASSWORD, type TestApp, type TestUser } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

describe('QORGAU_TRUSTED_PROXIES', () => {
  it('is none by default, and QORGAU_BEHIND_TLS no longer implies trusting X-Forwarded-For', () => {
    expect(loadConfig({}).trustedProxies).toBe(false);
    expect(loadConfig({ QORGAU_BEHIND_TLS: '1' }).trustedProxies).toBe(false);
    // ... and start-up warns about it, since every client would share the proxy's address.
    expect(proxyWarning(loadConfig({ QORGAU_BEHIND_TLS: '1' }))).toContain('QORGAU_TRUSTED_PROXIES');
    expect(proxyWarning(loadConfig({ QORGAU_BEHIND_TLS: '1', QORGAU_TRUSTED_PROXIES: '127.0.0.1' }))).toBeNull();
  });
  it('takes a hop count or a list of addresses and CIDRs, and refuses anything else at start-up', () => {
    expect(parseTrustedProxies('1')).toBe(1);
    expect(parseTrustedProxies(' 10.0.0.1, 10.1.0.0/16 ,::1, fd00::/8')).toEqual(['10.0.0.1', '10.1.0.0/16', '::1', 'fd00::/8']);
    for (const bad of ['proxy.example', '10.0.0.0/33', '10.0.0.1/8/1', '300.1.1.1', '99']) expect(typeof parseTrustedProxies(bad)).toBe('string');
    expect(() => loadConfig({ QORGAU_TRUSTED_PROXIES: 'everyone' })).toThrow(ConfigError);
  });
});

describeEachDb('client address behind a proxy', (kind) => {
  let t: TestApp;
  let hops: TestApp;
  beforeAll(async () => {
    const env = { QORGAU_SIGNIN_RATE_PER_MINUTE: '3', QORGAU_SELF_REPORT_RATE_PER_10_MIN: '2' };
    // Behind TLS as in production: that alone used to trust any X-Forwarded-For.
    t = await createTestApp(kind, { env: { ...env, QORGAU_BEHIND_TLS: '1', QORGAU_TRUSTED_PROXIES: '10.0.0.1' } });
    hops = await createTestApp(kind, { env: { ...env, QORGAU_TRUSTED_PROXIES: '1' } });
  });
  afterAll(async () => {
    await t.close();
    await hops.close();
  });

  const signIn = (app: TestApp, peer: string, xff: string, u?: TestUser) =>
    app.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      remoteAddress: peer,
      headers: { 'x-forwarded-for': xff },
      payload: { username: u?.username ?? 'nobody', password: u ? TEST_PASSWORD : 'wrong-Password-1' },
    });
  const lastSignInIp = async (app: TestApp, u: TestUser) => {
    const [row] = await app.deps.db
      .select({ ip: auditLog.ip })
      .from(auditLog)
      .where(and(eq(auditLog.actorId, u.id), eq(auditLog.operation, 'auth.sign_in')))
      .orderBy(desc(auditLog.id))
      .limit(1);
    return row?.ip;
  };

  it('a forged X-Forwarded-For from an untrusted peer changes neither the sign-in rate-limit key nor the audited address', async () => {
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await signIn(t, '198.51.100.7', `203.0.113.${i}`)).statusCode);
    expect(codes).toEqual([401, 401, 401, 429]);
    const u = await t.createUser({ role: 'analyst', totp: false });
    expect((await signIn(t, '198.51.100.70', '203.0.113.99', u)).statusCode).toBe(200);
    expect(await lastSignInIp(t, u)).toBe('198.51.100.70');
  });

  it('nor the /self-reports rate-limit key', async () => {
    const report = (xff: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/self-reports',
        remoteAddress: '198.51.100.8',
        headers: { 'x-forwarded-for': xff },
        payload: { reporter: 'self', language: 'ru', whatHappened: 'x', safeToContact: false },
      });
    expect([(await report('1.1.1.1')).statusCode, (await report('1.1.1.2')).statusCode, (await report('1.1.1.3')).statusCode]).toEqual([200, 200, 429]);
  });

  it('from a trusted proxy, X-Forwarded-For names the client: each client has its own limit, and the audit log has its address', async () => {
    for (let i = 0; i < 3; i++) expect((await signIn(t, '10.0.0.1', '203.0.113.50')).statusCode).toBe(401);
    expect((await signIn(t, '10.0.0.1', '203.0.113.50')).statusCode).toBe(429);
    expect((await signIn(t, '10.0.0.1', '203.0.113.51')).statusCode).toBe(401);
    const u = await t.createUser({ role: 'analyst', totp: false });
    expect((await signIn(t, '10.0.0.1', '203.0.113.52', u)).statusCode).toBe(200);
    expect(await lastSignInIp(t, u)).toBe('203.0.113.52');
  });

  it('with a hop count, only the address the nearest proxy saw counts, not what the client put first', async () => {
    const u = await hops.createUser({ role: 'analyst', totp: false });
    expect((await signIn(hops, '10.9.9.9', '6.6.6.6, 203.0.113.77', u)).statusCode).toBe(200);
    expect(await lastSignInIp(hops, u)).toBe('203.0.113.77');
  });
});
