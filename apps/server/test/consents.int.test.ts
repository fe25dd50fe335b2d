import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditLog, caseAccess, consents } from '../src/db/schema.ts';
import { childCase, consentBody, recordConsent, referralBody, referralScene } from './referral-fixtures.ts';
import { createTestApp, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

describeEachDb('consents', (kind) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof referralScene>>;
  beforeAll(async () => {
    t = await createTestApp(kind);
    s = await referralScene(t);
  });
  afterAll(() => t.close());

  const list = (personId: string, as = s.officer) => as.inject({ method: 'GET', url: `/api/v1/persons/${personId}/consents` });

  it('records a consent for one provider, lists it with its state, and refuses a last day in the past', async () => {
    const { personId } = await childCase(s.officer);
    const past = await s.officer.inject({
      method: 'POST',
      url: `/api/v1/persons/${personId}/consents`,
      payload: consentBody(s.childShelter, { validUntil: '2020-01-01' }),
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.fields.map((f: { path: string; code: string }) => `${f.path}:${f.code}`)).toEqual(['validUntil:date_in_past']);
    const body = consentBody(s.childShelter);
    const first = await s.officer.inject({ method: 'POST', url: `/api/v1/persons/${personId}/consents`, payload: body });
    const replay = await s.officer.inject({ method: 'POST', url: `/api/v1/persons/${personId}/consents`, payload: body });
    expect(replay.json().id).toBe(first.json().id);
    const items = (await list(personId)).json().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      providerId: s.childShelter,
      state: 'valid',
      givenBy: 'guardian',
      shares: ['identity', 'case_history'],
      canWithdraw: true,
    });
    const [audit] = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.recordId, first.json().id), eq(auditLog.operation, 'consent.recorded')));
    expect(audit).toBeDefined();
  });

  it('a person out of scope is not found: her consents are neither listed nor recorded', async () => {
    const { personId } = await childCase(s.officer);
    expect((await list(personId, s.adultManager)).statusCode).toBe(404);
    const res = await s.adultManager.inject({ method: 'POST', url: `/api/v1/persons/${personId}/consents`, payload: consentBody(s.adultShelter) });
    expect(res.statusCode).toBe(403);
    const consentId = await recordConsent(s.officer, personId, s.childShelter);
    expect((await s.adultManager.inject({ method: 'POST', url: `/api/v1/consents/${consentId}/withdraw` })).statusCode).toBe(404);
  });

  it("the provider's manager may record a withdrawal the person tells her; it is applied once and audited", async () => {
    const { personId, caseId } = await childCase(s.officer);
    const consentId = await recordConsent(s.officer, personId, s.childShelter);
    const r = (await s.officer.inject({ method: 'POST', url: '/api/v1/referrals', payload: referralBody(caseId, s.childShelter, { consentId }) })).json();
    const mine = (await list(personId, s.manager)).json().items;
    expect(mine.map((c: { id: string; canWithdraw: boolean }) => [c.id, c.canWithdraw])).toEqual([[consentId, true]]);
    const first = await s.manager.inject({ method: 'POST', url: `/api/v1/consents/${consentId}/withdraw` });
    expect(first.statusCode).toBe(200);
    // Her access went with it: a second withdrawal is not hers to make any more.
    expect((await s.manager.inject({ method: 'POST', url: `/api/v1/consents/${consentId}/withdraw` })).statusCode).toBe(404);
    const again = await s.officer.inject({ method: 'POST', url: `/api/v1/consents/${consentId}/withdraw` });
    expect(again.json()).toMatchObject({ state: 'withdrawn', canWithdraw: false });
    const [row] = await t.deps.db.select().from(consents).where(eq(consents.id, consentId));
    expect(row?.withdrawnBy).toBe(s.manager.user.id);
    const entries = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.recordId, consentId), eq(auditLog.operation, 'consent.withdrawn')));
    expect(entries).toHaveLength(1);
    expect(entries[0]?.details).toMatchObject({ referrals: [r.id] });
  });

  it('a lapsed consent shares nothing: the access it opened closes at the end of its last day', async () => {
    const { personId, caseId } = await childCase(s.officer);
    const consentId = await recordConsent(s.officer, personId, s.childShelter);
    await s.officer.inject({ method: 'POST', url: '/api/v1/referrals', payload: referralBody(caseId, s.childShelter, { consentId }) });
    expect((await s.manager.inject({ method: 'GET', url: `/api/v1/persons/${personId}` })).statusCode).toBe(200);
    // The last moment passed (as if the day were over).
    await t.deps.db
      .update(caseAccess)
      .set({ until: new Date(Date.now() - 1000) })
      .where(eq(caseAccess.consentId, consentId));
    expect((await s.manager.inject({ method: 'GET', url: `/api/v1/persons/${personId}` })).statusCode).toBe(404);
    expect((await s.manager.inject({ method: 'GET', url: `/api/v1/cases/${caseId}` })).statusCode).toBe(404);
  });

  it('replays of a consent body with another client id make a second consent, not a change of the first', async () => {
    const { personId } = await childCase(s.officer);
    await recordConsent(s.officer, personId, s.childShelter);
    await recordConsent(s.officer, personId, s.childShelter, { clientId: randomUUID(), shares: ['identity'] });
    expect((await list(personId)).json().items).toHaveLength(2);
  });
});
