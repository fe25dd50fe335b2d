import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditLog, users } from '../src/db/schema.ts';
import { createTestApp, type Session, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

/**
 * Four-eyes grants (issue #8): an account that may see personal data, a role change to one, or
 * a wider jurisdiction takes effect only when a second administrator or the national
 * coordinator approves it; the requester never approves her own request.
 */
describeEachDb('four-eyes grants', (kind) => {
  let t: TestApp;
  let adminA: Session;
  let adminB: Session;
  let coordinator: Session;
  let agencyId: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    agencyId = await t.createAgency({ type: 'ngo', regionCode: 'KZ-75' });
    const adminAgency = await t.createAgency({ type: 'administration', regionCode: null });
    adminA = await t.as('administrator', { agencyId: adminAgency, regions: 'national' });
    adminB = await t.as('administrator', { agencyId: adminAgency, regions: 'national' });
    coordinator = await t.as('national_coordinator', { regions: 'national' });
  });
  afterAll(() => t.close());

  let n = 0;
  const createAccount = async (role: string, jurisdiction: object = { national: false, regions: ['KZ-75'] }, by = adminA) => {
    const res = await by.inject({
      method: 'POST',
      url: '/api/v1/users',
      payload: { username: `four.eyes.${++n}`, displayName: `Four Eyes ${n}`, role, agencyId, jurisdiction },
    });
    expect(res.statusCode).toBe(200);
    return res.json() as { user: { id: string; username: string }; temporaryPassword: string };
  };
  const signIn = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username, password } });
  const pending = async (s: Session = coordinator) =>
    (await s.inject({ method: 'GET', url: '/api/v1/grants?status=pending&pageSize=100' })).json().items as {
      id: string;
      user: { id: string };
      canDecide: boolean;
      requested: { role: string; jurisdiction: { national: boolean; regions: string[] } };
      previous: unknown;
    }[];
  const grantOf = async (userId: string) => (await pending()).find((g) => g.user.id === userId);
  const decide = (s: Session, id: string, what: 'approve' | 'reject') => s.inject({ method: 'POST', url: `/api/v1/grants/${id}/${what}`, payload: {} });
  const userRow = async (id: string) => (await t.deps.db.select().from(users).where(eq(users.id, id)))[0];
  const audited = async (operation: string, recordId: string) =>
    t.deps.db
      .select({ actorId: auditLog.actorId, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.operation, operation), eq(auditLog.recordId, recordId)));

  it('a new case-worker account cannot sign in until a second person approves it; the answer is that of a wrong password', async () => {
    const { user, temporaryPassword } = await createAccount('case_worker');
    const refused = await signIn(user.username, temporaryPassword);
    const wrong = await signIn(user.username, 'Not-The-Password-123');
    const unknown = await signIn('nobody.at.all', temporaryPassword);
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toEqual(wrong.json());
    expect(refused.json()).toEqual(unknown.json());
    // The audit log keeps the real reason; only the wrong password counts toward a lock.
    const reasons = await t.deps.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.actorId, user.id), eq(auditLog.operation, 'auth.sign_in')));
    expect(reasons.map((r) => (r.details as { reason?: string }).reason).sort()).toEqual(['awaiting_approval', 'invalid_credentials']);
    expect((await userRow(user.id))?.failedAttempts).toBe(1);
    const grant = await grantOf(user.id);
    expect(grant).toMatchObject({ newAccount: true, requested: { role: 'case_worker' }, previous: null, canDecide: true, requestedBy: { id: adminA.user.id } });
    // The requester sees it but may not decide it.
    expect((await pending(adminA)).find((g) => g.id === grant?.id)?.canDecide).toBe(false);
    expect((await decide(adminA, grant!.id, 'approve')).statusCode).toBe(403);
    expect((await userRow(user.id))?.approved).toBe(false);
    expect((await decide(coordinator, grant!.id, 'approve')).statusCode).toBe(200);
    const ok = await signIn(user.username, temporaryPassword);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().stage).toBe('enroll_totp');
    expect(await audited('grant.requested', grant!.id)).toEqual([expect.objectContaining({ actorId: adminA.user.id })]);
    expect(await audited('grant.approved', grant!.id)).toEqual([
      expect.objectContaining({ actorId: coordinator.user.id, details: expect.objectContaining({ userId: user.id }) }),
    ]);
    // Decided once only.
    expect((await decide(adminB, grant!.id, 'reject')).statusCode).toBe(409);
  });

  it('an account without access to personal data needs no approval; an administrator account does', async () => {
    const analyst = await createAccount('analyst');
    expect((await userRow(analyst.user.id))?.approved).toBe(true);
    expect(await grantOf(analyst.user.id)).toBeUndefined();
    expect((await signIn(analyst.user.username, analyst.temporaryPassword)).statusCode).toBe(200);
    // Otherwise an administrator could create a second administrator and approve from there.
    const admin = await createAccount('administrator', { national: true, regions: [] });
    expect((await signIn(admin.user.username, admin.temporaryPassword)).statusCode).toBe(401);
    expect(await grantOf(admin.user.id)).toMatchObject({ requested: { role: 'administrator' } });
  });

  it('a rejected account stays unable to sign in', async () => {
    const { user, temporaryPassword } = await createAccount('identification_officer');
    const grant = await grantOf(user.id);
    expect((await decide(adminB, grant!.id, 'reject')).statusCode).toBe(200);
    expect((await signIn(user.username, temporaryPassword)).statusCode).toBe(401);
    expect((await userRow(user.id))?.disabled).toBe(true);
    expect(await audited('grant.rejected', grant!.id)).toEqual([expect.objectContaining({ actorId: adminB.user.id })]);
  });

  it('a role change to one that sees personal data is pending: the old role stays in force until approval', async () => {
    const analyst = await t.createUser({ role: 'analyst', agencyId });
    const res = await adminA.inject({ method: 'PATCH', url: `/api/v1/users/${analyst.id}`, payload: { role: 'prosecutor', displayName: 'Renamed Analyst' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ role: 'analyst', displayName: 'Renamed Analyst' });
    const s = await t.signIn(analyst);
    expect((await s.inject({ method: 'GET', url: '/api/v1/auth/me' })).json().role).toBe('analyst');
    expect((await s.inject({ method: 'GET', url: '/api/v1/cases' })).statusCode).toBe(403);
    const grant = await grantOf(analyst.id);
    expect(grant).toMatchObject({ newAccount: false, requested: { role: 'prosecutor' }, previous: { role: 'analyst' } });
    // A second request while one waits is a conflict, not a silent replacement.
    const again = await adminB.inject({ method: 'PATCH', url: `/api/v1/users/${analyst.id}`, payload: { role: 'case_worker' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields).toEqual([expect.objectContaining({ code: 'grant_pending' })]);
    expect((await decide(adminB, grant!.id, 'approve')).statusCode).toBe(200);
    expect((await userRow(analyst.id))?.role).toBe('prosecutor');
    // The approval ends the account's sessions: the new role comes with a new sign-in.
    expect((await s.inject({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
  });

  it("moving a case worker to another agency waits: she keeps her own agency's records, not the new one's, until approval", async () => {
    const otherAgency = await t.createAgency({ type: 'ngo', regionCode: 'KZ-75', name: 'Another shelter NGO' });
    const worker = await t.createUser({ role: 'case_worker', agencyId });
    const res = await adminA.inject({ method: 'PATCH', url: `/api/v1/users/${worker.id}`, payload: { agencyId: otherAgency } });
    expect(res.statusCode).toBe(200);
    expect(res.json().agencyId).toBe(agencyId);
    const s = await t.signIn(worker);
    const grant = await grantOf(worker.id);
    expect(grant).toMatchObject({ newAccount: false, reset: false, agencyMove: { to: { en: 'Another shelter NGO' } }, requested: { role: 'case_worker' } });
    expect((await decide(adminA, grant!.id, 'approve')).statusCode).toBe(403);
    expect((await decide(coordinator, grant!.id, 'approve')).statusCode).toBe(200);
    expect((await userRow(worker.id))?.agencyId).toBe(otherAgency);
    // The move ends her sessions: the new agency's records come with a new sign-in.
    expect((await s.inject({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    // An analyst (no personal data) moves at once.
    const analyst = await t.createUser({ role: 'analyst', agencyId });
    await adminA.inject({ method: 'PATCH', url: `/api/v1/users/${analyst.id}`, payload: { agencyId: otherAgency } });
    expect((await userRow(analyst.id))?.agencyId).toBe(otherAgency);
  });

  it('widening a jurisdiction waits; narrowing it takes effect at once', async () => {
    const worker = await t.createUser({ role: 'case_worker', agencyId, regions: ['KZ-75', 'KZ-71'] });
    const narrow = await adminA.inject({
      method: 'PATCH',
      url: `/api/v1/users/${worker.id}`,
      payload: { jurisdiction: { national: false, regions: ['KZ-75'] } },
    });
    expect(narrow.json().jurisdiction).toEqual({ national: false, regions: ['KZ-75'] });
    expect(await grantOf(worker.id)).toBeUndefined();
    const wider = await adminA.inject({
      method: 'PATCH',
      url: `/api/v1/users/${worker.id}`,
      payload: { jurisdiction: { national: false, regions: ['KZ-75', 'KZ-61'] } },
    });
    expect(wider.json().jurisdiction).toEqual({ national: false, regions: ['KZ-75'] });
    const grant = await grantOf(worker.id);
    expect(grant?.requested.jurisdiction).toEqual({ national: false, regions: ['KZ-75', 'KZ-61'] });
    expect((await decide(coordinator, grant!.id, 'reject')).statusCode).toBe(200);
    expect((await userRow(worker.id))?.regions).toEqual(['KZ-75']);
    // National is the widest of all.
    await adminA.inject({ method: 'PATCH', url: `/api/v1/users/${worker.id}`, payload: { jurisdiction: { national: true, regions: [] } } });
    const national = await grantOf(worker.id);
    expect(national?.requested.jurisdiction).toEqual({ national: true, regions: [] });
    expect((await decide(adminB, national!.id, 'approve')).statusCode).toBe(200);
    expect((await userRow(worker.id))?.national).toBe(true);
  });

  it('two requests for one account at the same moment: one waits, the other is a conflict, never a 500', async () => {
    const worker = await t.createUser({ role: 'case_worker', agencyId, regions: ['KZ-75'] });
    const widen = (regions: string[], by: Session) =>
      by.inject({ method: 'PATCH', url: `/api/v1/users/${worker.id}`, payload: { jurisdiction: { national: false, regions } } });
    const answers = await Promise.all([widen(['KZ-75', 'KZ-61'], adminA), widen(['KZ-75', 'KZ-71'], adminB)]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await pending()).filter((g) => g.user.id === worker.id)).toHaveLength(1);
  });

  it('nobody approves a grant about her own account, and roles without grant.approve cannot list or decide', async () => {
    const adminAgency = await t.createAgency({ type: 'administration', regionCode: null });
    const adminC = await t.as('administrator', { agencyId: adminAgency, regions: ['KZ-75'] });
    await adminA.inject({ method: 'PATCH', url: `/api/v1/users/${adminC.user.id}`, payload: { jurisdiction: { national: true, regions: [] } } });
    const grant = await grantOf(adminC.user.id);
    expect(grant?.canDecide).toBe(true);
    expect((await pending(adminC)).find((g) => g.id === grant?.id)?.canDecide).toBe(false);
    expect((await decide(adminC, grant!.id, 'approve')).statusCode).toBe(403);
    const worker = await t.as('case_worker', { agencyId });
    expect((await worker.inject({ method: 'GET', url: '/api/v1/grants' })).statusCode).toBe(403);
    expect((await decide(worker, grant!.id, 'approve')).statusCode).toBe(403);
    expect((await decide(coordinator, '00000000-0000-4000-8000-000000000000', 'approve')).statusCode).toBe(404);
  });

  it('a password reset of an account that sees personal data waits for a second person: the resetting administrator cannot take the account over', async () => {
    const officer = await t.createUser({ role: 'identification_officer', agencyId });
    const reset = await adminA.inject({ method: 'POST', url: `/api/v1/users/${officer.id}/reset-password`, payload: {} });
    expect(reset.statusCode).toBe(200);
    expect(reset.json().awaitingApproval).toBe(true);
    const temporary = reset.json().temporaryPassword as string;
    // The second factor was cleared, but the temporary password alone opens nothing yet.
    const refused = await signIn(officer.username, temporary);
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toEqual((await signIn(officer.username, 'Not-The-Password-123')).json());
    const grant = await grantOf(officer.id);
    expect(grant).toMatchObject({ reset: true, newAccount: false, requested: { role: 'identification_officer' }, requestedBy: { id: adminA.user.id } });
    expect((await decide(adminA, grant!.id, 'approve')).statusCode).toBe(403);
    // A second reset while one waits is a conflict, not a second way in.
    expect((await adminB.inject({ method: 'POST', url: `/api/v1/users/${officer.id}/reset-password`, payload: {} })).statusCode).toBe(409);
    expect((await decide(adminB, grant!.id, 'approve')).statusCode).toBe(200);
    const ok = await signIn(officer.username, temporary);
    expect(ok.statusCode, ok.body).toBe(200);
    // The owner starts again: a new second factor (the old one was cleared), then her own password.
    expect(ok.json().stage).toBe('enroll_totp');

    // A reset nobody vouches for: rejected, the account is disabled.
    const again = await adminA.inject({ method: 'POST', url: `/api/v1/users/${officer.id}/reset-password`, payload: {} });
    const second = await grantOf(officer.id);
    expect((await decide(coordinator, second!.id, 'reject')).statusCode).toBe(200);
    expect((await userRow(officer.id))?.disabled).toBe(true);
    expect((await signIn(officer.username, again.json().temporaryPassword)).statusCode).toBe(401);
    expect((await audited('grant.requested', second!.id))[0]?.details).toMatchObject({ reset: true, userId: officer.id });
  });

  it('a reset of an account without personal data (analyst) takes effect at once', async () => {
    const analyst = await t.createUser({ role: 'analyst', totp: false });
    const reset = await adminA.inject({ method: 'POST', url: `/api/v1/users/${analyst.id}/reset-password`, payload: {} });
    expect(reset.json().awaitingApproval).toBe(false);
    expect(await grantOf(analyst.id)).toBeUndefined();
    expect((await signIn(analyst.username, reset.json().temporaryPassword)).statusCode).toBe(200);
  });

  it('recent decisions are listed newest first for the coordinator', async () => {
    const res = await coordinator.inject({ method: 'GET', url: '/api/v1/grants?status=decided' });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { status: string; decidedAt: string; canDecide: boolean }[];
    expect(items.length).toBeGreaterThan(2);
    expect(items.every((g) => g.status !== 'pending' && !g.canDecide)).toBe(true);
    expect([...items].sort((a, b) => b.decidedAt.localeCompare(a.decidedAt))).toEqual(items);
  });
});
