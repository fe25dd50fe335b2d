import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditLog, caseAccess, notifications, referralActions, referrals } from '../src/db/schema.ts';
import { escalateOverdueReferrals } from '../src/modules/referrals/referral-escalation.ts';
import { childCase, recordConsent, referralBody, referralScene } from './referral-fixtures.ts';
import { createTestApp, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

describeEachDb('referrals', (kind) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof referralScene>>;
  beforeAll(async () => {
    t = await createTestApp(kind);
    s = await referralScene(t);
  });
  afterAll(() => t.close());

  const refer = (body: object, as = s.officer) => as.inject({ method: 'POST', url: '/api/v1/referrals', payload: body });
  const act = (id: string, action: object, as = s.manager) =>
    as.inject({ method: 'POST', url: `/api/v1/referrals/${id}/actions`, payload: { clientId: randomUUID(), action } });
  const fields = (res: { json(): { error: { fields: { path: string; code: string }[] } } }) => res.json().error.fields.map((f) => `${f.path}:${f.code}`);
  const referralsOfCase = async (caseId: string) => (await t.deps.db.select().from(referrals).where(eq(referrals.caseId, caseId))).length;

  it('offers only providers the placement rules allow: no adult shelter for a child', async () => {
    const { caseId } = await childCase(s.officer);
    const res = await s.officer.inject({ method: 'GET', url: `/api/v1/referrals/eligible-providers?caseId=${caseId}` });
    expect(res.statusCode).toBe(200);
    const ids = res.json().items.map((p: { id: string }) => p.id);
    expect(ids).toContain(s.childShelter);
    expect(ids).not.toContain(s.adultShelter);
    expect(res.json()).toMatchObject({ child: true, mayOverride: true });
  });

  it('refuses ineligible placements with field-level codes and writes nothing', async () => {
    const { personId, caseId } = await childCase(s.officer);
    const consentId = await recordConsent(s.officer, personId, s.adultShelter);
    const res = await refer(referralBody(caseId, s.adultShelter, { consentId }));
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toContain('providerId:provider_not_for_children');
    expect(await referralsOfCase(caseId)).toBe(0);
    const c = (await s.officer.inject({ method: 'GET', url: `/api/v1/cases/${caseId}` })).json();
    expect(c.actions.map((a: { type: string }) => a.type)).toEqual(['opened']);
  });

  it("requires a guardian for a child's consent, and a consent or a permitted override with a reason", async () => {
    const { personId, caseId } = await childCase(s.officer);
    const byChild = await s.officer.inject({
      method: 'POST',
      url: `/api/v1/persons/${personId}/consents`,
      payload: { clientId: randomUUID(), providerId: s.childShelter, shares: ['identity'], validUntil: '2099-12-31', givenBy: 'person' },
    });
    expect(byChild.statusCode).toBe(400);
    expect(fields(byChild)).toEqual(['givenBy:consent_guardian_required']);
    const noReason = await refer(referralBody(caseId, s.childShelter));
    expect(fields(noReason)).toEqual(['overrideReason:override_reason_required']);
    // A case worker holds no override: without consent she is refused whatever she writes.
    const worker = await t.as('case_worker', { regions: ['KZ-75'] });
    const own = await childCase(worker);
    const res = await refer(referralBody(own.caseId, s.childShelter, { overrideReason: 'Urgent' }), worker);
    expect(fields(res)).toEqual(['consentId:consent_required']);
    expect(await referralsOfCase(own.caseId)).toBe(0);
  });

  it("opens access for the provider's staff only after the referral, within the consent, and closes it on withdrawal", async () => {
    const { personId, caseId } = await childCase(s.officer);
    // Before the referral the shelter does not see the child at all.
    expect((await s.manager.inject({ method: 'GET', url: `/api/v1/persons/${personId}` })).statusCode).toBe(404);
    expect((await s.manager.inject({ method: 'GET', url: `/api/v1/cases/${caseId}` })).statusCode).toBe(404);
    const consentId = await recordConsent(s.officer, personId, s.childShelter);
    const created = await refer(referralBody(caseId, s.childShelter, { consentId }));
    expect(created.statusCode).toBe(200);
    const r = created.json();
    expect(r).toMatchObject({ status: 'sent', override: false, shares: ['identity', 'case_history'] });
    expect(r.reference).toMatch(/^QRG-R-\d{4}-\d{6}$/);
    expect(r.allowedActions).toEqual(['withdrawn', 'transferred']);
    const c = (await s.officer.inject({ method: 'GET', url: `/api/v1/cases/${caseId}` })).json();
    expect(c.actions.map((a: { type: string }) => a.type)).toEqual(['opened', 'referred']);
    // The provider's manager: notified, sees the child by name and the case history.
    const notices = await t.deps.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, s.manager.user.id), eq(notifications.subjectId, r.id)));
    expect(notices.map((n) => n.kind)).toEqual(['referral_received']);
    const person = (await s.manager.inject({ method: 'GET', url: `/api/v1/persons/${personId}` })).json();
    expect(person.displayName).toBe('Karimova Dilnoza');
    const seen = (await s.manager.inject({ method: 'GET', url: `/api/v1/cases/${caseId}` })).json();
    expect(seen.actions[0].text).toBe('Found alone at the bus station');
    const received = (await s.manager.inject({ method: 'GET', url: '/api/v1/referrals?box=received' })).json();
    expect(received.items.map((i: { id: string }) => i.id)).toContain(r.id);
    const mine = (await s.manager.inject({ method: 'GET', url: `/api/v1/referrals/${r.id}` })).json();
    expect(mine.allowedActions).toEqual(['accepted', 'declined']);
    expect((await act(r.id, { type: 'accepted' })).json().status).toBe('accepted');
    // The other shelter sees nothing.
    expect((await s.adultManager.inject({ method: 'GET', url: `/api/v1/referrals/${r.id}` })).statusCode).toBe(404);

    const withdrawn = await s.officer.inject({ method: 'POST', url: `/api/v1/consents/${consentId}/withdraw` });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json().state).toBe('withdrawn');
    expect((await s.manager.inject({ method: 'GET', url: `/api/v1/persons/${personId}` })).statusCode).toBe(404);
    expect((await s.manager.inject({ method: 'GET', url: `/api/v1/cases/${caseId}` })).statusCode).toBe(404);
    const persons = (await s.manager.inject({ method: 'GET', url: '/api/v1/persons' })).json();
    expect(persons.items.map((p: { id: string }) => p.id)).not.toContain(personId);
    const after = (await s.manager.inject({ method: 'GET', url: '/api/v1/referrals?box=received' })).json();
    const item = after.items.find((i: { id: string }) => i.id === r.id);
    expect(item.personName).toBeNull();
    const view = (await s.officer.inject({ method: 'GET', url: `/api/v1/referrals/${r.id}` })).json();
    expect(view.actions.map((a: { type: string }) => a.type)).toEqual(['sent', 'accepted', 'consent_withdrawn']);
    expect(view).toMatchObject({ consentWithdrawn: true, shares: [] });
    const grants = await t.deps.db.select().from(caseAccess).where(eq(caseAccess.referralId, r.id));
    expect(grants.every((g) => g.revokedAt !== null)).toBe(true);
    // A referral on the withdrawn consent is refused.
    const again = await refer(referralBody(caseId, s.childShelter, { consentId }));
    expect(fields(again)).toEqual(['consentId:consent_withdrawn']);
  });

  it('shows only what the consent shares: without identity the person is a pseudonym, without case history no texts', async () => {
    const { personId, caseId } = await childCase(s.officer);
    const consentId = await recordConsent(s.officer, personId, s.childShelter, { shares: ['health'] });
    expect((await refer(referralBody(caseId, s.childShelter, { consentId }))).statusCode).toBe(200);
    const person = (await s.manager.inject({ method: 'GET', url: `/api/v1/persons/${personId}` })).json();
    expect(person.displayName).toBeNull();
    expect(person.identity).toBeNull();
    const c = (await s.manager.inject({ method: 'GET', url: `/api/v1/cases/${caseId}` })).json();
    expect(c.personName).toBeNull();
    expect(c.actions[0]).toMatchObject({ text: null, hasText: true });
    // Nor can her name be searched for: a search by name is a use of identity.
    const found = (await s.manager.inject({ method: 'GET', url: '/api/v1/persons?q=Karimova' })).json();
    expect(found.items.map((p: { id: string }) => p.id)).not.toContain(personId);
  });

  it('an override needs the permission and a reason, and is audited', async () => {
    const { caseId } = await childCase(s.officer);
    const res = await refer(referralBody(caseId, s.childShelter, { overrideReason: 'Danger to life tonight' }));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      override: true,
      overrideReason: 'Danger to life tonight',
      shares: ['identity', 'contact', 'case_history', 'health', 'documents'],
    });
    const [entry] = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.recordId, res.json().id), eq(auditLog.operation, 'referral.created')));
    expect(entry?.details).toMatchObject({ override: true });
  });

  it('a decline closes the access; answers follow the table and the sides', async () => {
    const { personId, caseId } = await childCase(s.officer);
    const consentId = await recordConsent(s.officer, personId, s.childShelter);
    const r = (await refer(referralBody(caseId, s.childShelter, { consentId }))).json();
    expect((await act(r.id, { type: 'withdrawn', text: 'no' })).statusCode).toBe(403);
    expect((await act(r.id, { type: 'accepted' }, s.officer)).statusCode).toBe(403);
    expect((await act(r.id, { type: 'completed' })).statusCode).toBe(409);
    const declined = await act(r.id, { type: 'declined', text: 'No places for girls this week' });
    expect(declined.json().status).toBe('declined');
    expect((await s.manager.inject({ method: 'GET', url: `/api/v1/persons/${personId}` })).statusCode).toBe(404);
    expect((await act(r.id, { type: 'accepted' })).statusCode).toBe(409);
  });

  it('a transfer creates a new referral, keeps the history on both and moves the access', async () => {
    const { personId, caseId } = await childCase(s.officer);
    const consentId = await recordConsent(s.officer, personId, s.childShelter);
    const r = (await refer(referralBody(caseId, s.childShelter, { consentId, overrideReason: undefined }))).json();
    // A second child shelter, on its own consent.
    const otherAgency = await t.createAgency({ type: 'shelter', regionCode: 'KZ-75' });
    const other = (
      await s.admin.inject({
        method: 'POST',
        url: '/api/v1/providers',
        payload: (
          await import('./provider-fixtures.ts')
        ).providerBody(otherAgency, 'KZ-75', { eligibility: ['children', 'women', 'foreign_nationals'], funding: 'private' }),
      })
    ).json().id;
    const otherConsent = await recordConsent(s.officer, personId, other);
    const moved = await act(r.id, { type: 'transferred', text: 'Closer to her school', providerId: other, consentId: otherConsent }, s.officer);
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ status: 'transferred' });
    const newId = moved.json().transferredTo;
    const next = (await s.officer.inject({ method: 'GET', url: `/api/v1/referrals/${newId}` })).json();
    expect(next).toMatchObject({ status: 'sent', transferredFrom: r.id, providerId: other });
    expect((await s.manager.inject({ method: 'GET', url: `/api/v1/persons/${personId}` })).statusCode).toBe(404);
  });

  it('escalates an unanswered referral once, with notices to the manager and the referring user', async () => {
    const { personId, caseId } = await childCase(s.officer);
    const consentId = await recordConsent(s.officer, personId, s.childShelter);
    const r = (await refer(referralBody(caseId, s.childShelter, { consentId }))).json();
    await t.deps.db
      .update(referrals)
      .set({ dueAt: new Date(Date.now() - 60_000) })
      .where(eq(referrals.id, r.id));
    const first = await escalateOverdueReferrals(t.deps);
    expect(first).toBeGreaterThanOrEqual(1);
    await escalateOverdueReferrals(t.deps);
    const escalations = await t.deps.db
      .select()
      .from(referralActions)
      .where(and(eq(referralActions.referralId, r.id), eq(referralActions.type, 'escalated')));
    expect(escalations).toHaveLength(1);
    const notices = await t.deps.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.subjectId, r.id), eq(notifications.kind, 'referral_escalated')));
    expect(new Set(notices.map((n) => n.userId))).toEqual(new Set([s.manager.user.id, s.officer.user.id]));
    const view = (await s.manager.inject({ method: 'GET', url: `/api/v1/referrals/${r.id}` })).json();
    expect(view).toMatchObject({ status: 'sent', escalated: true, overdue: true });
    // An escalated referral may still be answered.
    expect((await act(r.id, { type: 'accepted' })).json().status).toBe('accepted');
  });

  it("queues: the provider's staff see referrals to answer, the sender sees declined ones", async () => {
    const { personId, caseId } = await childCase(s.officer);
    const consentId = await recordConsent(s.officer, personId, s.childShelter);
    const r = (await refer(referralBody(caseId, s.childShelter, { consentId }))).json();
    const queue = async (who: typeof s.manager, id: string) =>
      (await who.inject({ method: 'GET', url: '/api/v1/work' })).json().queues.find((q: { id: string }) => q.id === id);
    const toAnswer = await queue(s.manager, 'referrals_to_answer');
    expect(toAnswer.items.map((i: { href: string }) => i.href)).toContain(`/referrals/${r.id}`);
    await act(r.id, { type: 'declined', text: 'Full' });
    expect((await queue(s.manager, 'referrals_to_answer')).items.map((i: { href: string }) => i.href)).not.toContain(`/referrals/${r.id}`);
    const sent = await queue(s.officer, 'referrals_sent');
    expect(sent.items.find((i: { href: string }) => i.href === `/referrals/${r.id}`)).toMatchObject({ urgency: 'overdue', facts: { status: 'declined' } });
  });

  it('the placement rules are data: an administrator uploads a version, and the offer follows it (last: it changes the rules)', async () => {
    const { caseId } = await childCase(s.officer);
    const offered = async () =>
      (await s.officer.inject({ method: 'GET', url: `/api/v1/referrals/eligible-providers?caseId=${caseId}` })).json().items.map((p: { id: string }) => p.id);
    expect(await offered()).not.toContain(s.adultShelter);
    const current = (await s.admin.inject({ method: 'GET', url: '/api/v1/reference/referral-rules' })).json();
    const broken = await s.admin.inject({ method: 'POST', url: '/api/v1/reference/referral-rules', payload: { ...current, adultAge: 'eighteen' } });
    expect(broken.statusCode).toBe(400);
    const next = { ...current, version: current.version + 1, versions: [...current.versions, { effectiveFrom: '2024-06-01', rules: [] }] };
    const res = await s.admin.inject({ method: 'POST', url: '/api/v1/reference/referral-rules', payload: next });
    expect(res.statusCode).toBe(200);
    expect(await offered()).toContain(s.adultShelter);
    // Put the shipped rules back for anything after this test.
    await s.admin.inject({ method: 'POST', url: '/api/v1/reference/referral-rules', payload: { ...current, version: current.version + 2 } });
  });

  it('the coordinator sees referrals nationally, pseudonymised', async () => {
    const coordinator = await t.as('national_coordinator', { regions: 'national' });
    const page = (await coordinator.inject({ method: 'GET', url: '/api/v1/referrals' })).json();
    expect(page.total).toBeGreaterThan(0);
    expect(page.items.every((i: { personName: string | null }) => i.personName === null)).toBe(true);
  });
});
