import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditLog } from '../src/db/schema.ts';
import { createTestApp, personBody, type Session, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

describeEachDb('refused attempts are audited (access.denied)', (kind) => {
  let t: TestApp;
  let owner: Session;
  let prober: Session;
  let personId: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    owner = await t.as('case_worker', { regions: ['KZ-71'] });
    prober = await t.as('case_worker', { regions: ['KZ-75'] });
    const res = await owner.inject({ method: 'POST', url: '/api/v1/persons', payload: personBody({ regionCode: 'KZ-71' }) });
    expect(res.statusCode).toBe(200);
    personId = res.json().id;
  });
  afterAll(() => t.close());

  const missing = randomUUID();
  const deniedOf = (actorId: string) =>
    t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.operation, 'access.denied'), eq(auditLog.actorId, actorId)));

  it('a 404 on a record that exists out of scope is audited with ids only; a 404 on an id that exists nowhere is not', async () => {
    expect((await prober.inject({ method: 'GET', url: `/api/v1/persons/${missing}` })).statusCode).toBe(404);
    const probe = await prober.inject({ method: 'GET', url: `/api/v1/persons/${personId}` });
    expect(probe.statusCode).toBe(404);
    // The entry is written after the answer (so the answer's timing does not tell): wait for it.
    await expect.poll(async () => (await deniedOf(prober.user.id)).length).toBe(1);
    const [entry] = await deniedOf(prober.user.id);
    expect(entry).toMatchObject({ outcome: 'denied', recordType: 'person', recordId: personId });
    expect(entry?.details).toEqual({ method: 'GET', route: '/api/v1/persons/:id', status: 404 });
    expect(JSON.stringify(entry)).not.toContain('Әйгерім');
    // The same 404 body either way: nothing tells the prober the record exists.
    const again = await prober.inject({ method: 'GET', url: `/api/v1/persons/${missing}` });
    expect(again.body).toBe(probe.body);
  });

  it("opening a case for someone else's person is a probe too", async () => {
    const res = await prober.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: { clientId: randomUUID(), personId, regionCode: 'KZ-75', exploitationTypes: [] },
    });
    expect(res.statusCode).toBe(404);
    await expect.poll(async () => (await deniedOf(prober.user.id)).filter((e) => e.details.route === '/api/v1/cases').length).toBe(1);
  });

  it('a 403 is audited with the route; the coordinator sees denied attempts per user per day', async () => {
    const analyst = await t.as('analyst');
    expect((await analyst.inject({ method: 'GET', url: `/api/v1/persons/${personId}` })).statusCode).toBe(403);
    expect((await analyst.inject({ method: 'GET', url: '/api/v1/users' })).statusCode).toBe(403);
    await expect.poll(async () => (await deniedOf(analyst.user.id)).length).toBe(2);
    const entries = await deniedOf(analyst.user.id);
    expect(entries.map((e) => e.details.status)).toEqual([403, 403]);
    expect(entries.find((e) => e.details.route === '/api/v1/persons/:id')?.recordId).toBe(personId);

    const coordinator = await t.as('national_coordinator', { regions: 'national' });
    const summary = await coordinator.inject({ method: 'GET', url: '/api/v1/audit/denied?days=7' });
    expect(summary.statusCode).toBe(200);
    const items = summary.json().items as { actorId: string; count: number; day: string; actorRole: string }[];
    expect(items.find((i) => i.actorId === analyst.user.id)).toMatchObject({ count: 2, actorRole: 'analyst' });
    expect(items.find((i) => i.actorId === prober.user.id)?.count).toBe(2);
    expect(items.find((i) => i.actorId === owner.user.id)).toBeUndefined();
    expect(items[0]?.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // A case worker may not look at who was refused.
    expect((await prober.inject({ method: 'GET', url: '/api/v1/audit/denied' })).statusCode).toBe(403);
    // By now every earlier answer's hook has long finished: the id that exists nowhere was never logged.
    expect((await t.deps.db.select().from(auditLog).where(eq(auditLog.recordId, missing))).length).toBe(0);
  });
});
