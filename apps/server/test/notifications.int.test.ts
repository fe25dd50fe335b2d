import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { notifications, outboundMessages } from '../src/db/schema.ts';
import { configureMessages, messageSender } from '../src/modules/notifications/messages.ts';
import { isUrgentNotice, notify } from '../src/modules/notifications/notify.ts';
import { createTestApp, type Session, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

type Item = { id: string; kind: string; facts: Record<string, string>; href: string | null; readAt: string | null; createdAt: string };

/** Issue #10 item 5: the bell. A user only ever sees, counts and marks her own notices. */
describeEachDb('notifications (the bell) and the messages adapter', (kind) => {
  let t: TestApp;
  let ann: Session;
  let bob: Session;
  const caseId = randomUUID();

  const list = async (s: Session, query = '') => {
    const res = await s.inject({ method: 'GET', url: `/api/v1/notifications${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Item[]; total: number };
  };
  const unread = async (s: Session) => (await s.inject({ method: 'GET', url: '/api/v1/notifications/unread-count' })).json().unread as number;
  const markRead = (s: Session, payload: object) => s.inject({ method: 'POST', url: '/api/v1/notifications/read', payload });

  beforeAll(async () => {
    t = await createTestApp(kind);
    ann = await t.as('identification_officer');
    bob = await t.as('identification_officer');
    const at = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    await notify(
      t.deps.db,
      [
        {
          userId: ann.user.id,
          kind: 'identification_due_soon',
          subjectType: 'case',
          subjectId: caseId,
          facts: { reference: 'QRG-2026-000001', date: '2026-12-08' },
        },
      ],
      at(30),
    );
    await notify(
      t.deps.db,
      [{ userId: ann.user.id, kind: 'non_punishment_flagged', subjectType: 'case', subjectId: caseId, facts: { reference: 'QRG-2026-000001' } }],
      at(10),
    );
    await notify(
      t.deps.db,
      [{ userId: bob.user.id, kind: 'non_punishment_flagged', subjectType: 'case', subjectId: caseId, facts: { reference: 'QRG-2026-000002' } }],
      at(5),
    );
  });
  afterAll(() => t.close());

  it('lists her own notices, newest first, paged, each linking to its subject', async () => {
    const page = await list(ann);
    expect(page.total).toBe(2);
    expect(page.items.map((i) => i.kind)).toEqual(['non_punishment_flagged', 'identification_due_soon']);
    expect(page.items[0]).toMatchObject({ href: `/cases/${caseId}`, readAt: null, facts: { reference: 'QRG-2026-000001' } });
    const first = await list(ann, '?page=1&pageSize=1');
    expect(first).toMatchObject({ total: 2, items: [{ kind: 'non_punishment_flagged' }] });
    expect((await list(ann, '?page=2&pageSize=1')).items.map((i) => i.kind)).toEqual(['identification_due_soon']);
    // Bob's notice is his alone.
    expect(JSON.stringify(page)).not.toContain('QRG-2026-000002');
    expect((await list(bob)).items.map((i) => i.facts.reference)).toEqual(['QRG-2026-000002']);
  });

  it("marking read touches only her own notices: another user's ids match nothing", async () => {
    expect(await unread(ann)).toBe(2);
    const [bobs] = (await list(bob)).items;
    const foreign = await markRead(ann, { ids: [bobs?.id] });
    expect(foreign.statusCode).toBe(200);
    expect(foreign.json()).toEqual({ marked: 0, unread: 2 });
    expect(await unread(bob)).toBe(1);
    const [newest] = (await list(ann)).items;
    expect((await markRead(ann, { ids: [newest?.id] })).json()).toEqual({ marked: 1, unread: 1 });
    expect((await list(ann, '?unread=1')).items.map((i) => i.kind)).toEqual(['identification_due_soon']);
    expect((await markRead(ann, { all: true })).json()).toEqual({ marked: 1, unread: 0 });
    expect((await list(ann)).items.every((i) => i.readAt !== null)).toBe(true);
    expect(await unread(bob)).toBe(1);
  });

  it('refuses a request that names nothing to mark, and any request without a session', async () => {
    expect((await markRead(ann, {})).statusCode).toBe(400);
    expect((await markRead(ann, { ids: [] })).statusCode).toBe(400);
    expect((await markRead(ann, { all: false })).statusCode).toBe(400);
    for (const url of ['/api/v1/notifications', '/api/v1/notifications/unread-count'])
      expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
  });

  it('an urgent notice also records an e-mail and an SMS copy in Kazakh, once, with the reference and no name', async () => {
    const subjectId = randomUUID();
    const notice = {
      userId: bob.user.id,
      kind: 'identification_overdue',
      subjectType: 'case' as const,
      subjectId,
      facts: { reference: 'QRG-2026-000777', date: '2026-12-01' },
      urgent: true,
    };
    await notify(t.deps.db, [notice], new Date());
    await notify(t.deps.db, [notice], new Date()); // a sweep that runs twice
    const [n] = await t.deps.db.select().from(notifications).where(eq(notifications.subjectId, subjectId));
    const sent = await t.deps.db
      .select()
      .from(outboundMessages)
      .where(eq(outboundMessages.notificationId, n?.id as string));
    expect(sent.map((m) => m.channel).sort()).toEqual(['email', 'sms']);
    for (const m of sent) {
      expect(m).toMatchObject({ userId: bob.user.id, status: 'recorded' });
      expect(m.body).toContain('QRG-2026-000777');
      expect(m.body).toContain('сәйкестендіру мерзімі өтіп кетті');
    }
    // A notice that is not urgent stays in the app.
    const quiet = randomUUID();
    await notify(t.deps.db, [{ ...notice, subjectId: quiet, urgent: undefined, kind: 'identification_due_soon' }], new Date());
    const [q] = await t.deps.db.select().from(notifications).where(eq(notifications.subjectId, quiet));
    expect(
      await t.deps.db
        .select()
        .from(outboundMessages)
        .where(eq(outboundMessages.notificationId, q?.id as string)),
    ).toEqual([]);
  });

  it("a notice links to its subject's page where it has one", async () => {
    const { notificationView } = await import('../src/modules/notifications/notifications.view.ts');
    const row = { id: randomUUID(), userId: ann.user.id, kind: 'k', subjectId: caseId, facts: {}, dedupeKey: 'k', createdAt: new Date(), readAt: null };
    expect(notificationView({ ...row, subjectType: 'referral' }).href).toBe(`/referrals/${caseId}`);
    expect(notificationView({ ...row, subjectType: 'protection_case' }).href).toBe(`/protection/${caseId}`);
    expect(notificationView({ ...row, subjectType: 'self_report' }).href).toBe(`/self-reports/${caseId}`);
    expect(notificationView({ ...row, subjectType: 'entitlement' }).href).toBeNull();
  });

  it('urgent kinds: an escalated referral, a re-identification, an entitlement lapsing within a day', () => {
    expect(isUrgentNotice({ kind: 'referral_escalated' })).toBe(true);
    expect(isUrgentNotice({ kind: 'reidentified' })).toBe(true);
    expect(isUrgentNotice({ kind: 'entitlement_lapsing', facts: { days: 1 } })).toBe(true);
    expect(isUrgentNotice({ kind: 'entitlement_lapsing', facts: { days: 7 } })).toBe(false);
    expect(isUrgentNotice({ kind: 'entitlement_lapsing', facts: { daysBefore: 1 } })).toBe(true);
    expect(isUrgentNotice({ kind: 'entitlement_lapsing', facts: { daysBefore: 30 } })).toBe(false);
    expect(isUrgentNotice({ kind: 'referral_received' })).toBe(false);
    expect(isUrgentNotice({ kind: 'referral_escalated', urgent: false })).toBe(false);
  });

  it("the 'log' adapter writes the message to the log and records it as logged", async () => {
    const lines: string[] = [];
    configureMessages({ log: (e) => lines.push(JSON.stringify(e)) });
    const result = await messageSender(t.deps.db, 'log').send({ userId: ann.user.id, notificationId: null, channel: 'sms', body: 'Qorgau: QRG-2026-000888' });
    expect(result).toBe('sent');
    expect(lines.join('\n')).toContain('QRG-2026-000888');
    const rows = await t.deps.db.select().from(outboundMessages).where(eq(outboundMessages.userId, ann.user.id));
    expect(rows.map((r) => [r.status, r.body])).toEqual([['logged', 'Qorgau: QRG-2026-000888']]);
  });

  it('QORGAU_MESSAGES is validated at start-up: record by default, log, nothing else', () => {
    expect(loadConfig({ QORGAU_SEED: 'none' }).messages).toBe('record');
    expect(loadConfig({ QORGAU_SEED: 'none', QORGAU_MESSAGES: 'log' }).messages).toBe('log');
    expect(() => loadConfig({ QORGAU_SEED: 'none', QORGAU_MESSAGES: 'smtp' })).toThrow(/QORGAU_MESSAGES/);
  });
});
