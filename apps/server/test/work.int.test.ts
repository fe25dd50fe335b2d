import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { kazakhstanDate, type WorkOverview, type WorkQueue } from '@qorgau/core';
import { cases, screenings, selfReports } from '../src/db/schema.ts';
import type { AuthContext } from '../src/auth/auth.plugin.ts';
import { dueSoonUpTo } from '../src/modules/work/queues/case-queues.ts';
import type { WorkQueueDef } from '../src/modules/work/work-queues.ts';
import { workOf } from '../src/modules/work/work.service.ts';
import { createTestApp, screeningBody, type Session, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

const DAY = 86_400_000;
const day = (offset: number) => kazakhstanDate(new Date(Date.now() + offset * DAY));
const MY_QUEUES = ['identification_deadlines', 'non_punishment_flags', 'self_reports_new', 'linkage_reviews', 'grants_to_approve', 'screenings_to_hand_over'];

/** Issue #10 item 5: every role's queues on the home page, counted in the user's scope, most urgent first. */
describeEachDb('work queues (GET /api/v1/work)', (kind) => {
  let t: TestApp;
  let screener61: Session;
  let screener75: Session;
  let officer61: Session;
  let officer75: Session;
  let hotline: Session;
  let police61: string;
  const deadline = {} as Record<'overdue' | 'dueSoon' | 'ok' | 'other', string>;
  let notHandedOver: string;

  const work = async (s: Session): Promise<WorkOverview> => {
    const res = await s.inject({ method: 'GET', url: '/api/v1/work' });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const queue = async (s: Session, id: string): Promise<WorkQueue | undefined> => (await work(s)).queues.find((q) => q.id === id);

  const screen = async (s: Session, regionCode: string) => {
    const res = await s.inject({ method: 'POST', url: '/api/v1/screenings', payload: screeningBody({ regionCode }) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { id: string; caseId: string };
  };
  const handOver = async (s: Session, id: string, to: string) =>
    expect((await s.inject({ method: 'POST', url: `/api/v1/screenings/${id}/handover`, payload: { toAgencyId: to } })).statusCode).toBe(200);

  beforeAll(async () => {
    t = await createTestApp(kind, { env: { QORGAU_SELF_REPORT_RATE_PER_10_MIN: '1000' } });
    police61 = await t.createAgency({ type: 'police', regionCode: 'KZ-61', name: 'Police KZ-61' });
    const police75 = await t.createAgency({ type: 'police', regionCode: 'KZ-75', name: 'Police KZ-75' });
    const inspectorate = await t.createAgency({ type: 'labour_inspectorate', regionCode: 'KZ-61' });
    screener61 = await t.as('screener', { agencyId: inspectorate, regions: ['KZ-61'] });
    screener75 = await t.as('screener', { regions: ['KZ-75'] });
    officer61 = await t.as('identification_officer', { agencyId: police61, regions: ['KZ-61'] });
    officer75 = await t.as('identification_officer', { agencyId: police75, regions: ['KZ-75'] });
    hotline = await t.as('screener', { agencyId: await t.createAgency({ type: 'hotline', regionCode: null }), regions: 'national' });
    // Three cases handed to police KZ-61, one to police KZ-75, one kept by the screener.
    for (const k of ['overdue', 'dueSoon', 'ok'] as const) {
      const s = await screen(screener61, 'KZ-61');
      await handOver(screener61, s.id, police61);
      deadline[k] = s.caseId;
    }
    const other = await screen(screener75, 'KZ-75');
    await handOver(screener75, other.id, police75);
    deadline.other = other.caseId;
    notHandedOver = (await screen(screener61, 'KZ-61')).id;
    const today = kazakhstanDate(new Date());
    const set = (id: string, due: string) => t.deps.db.update(cases).set({ identificationDue: due }).where(eq(cases.id, id));
    await set(deadline.overdue, day(-3));
    await set(deadline.dueSoon, today);
    await set(deadline.ok, day(20));
    await set(deadline.other, day(-3));
  }, 60_000);
  afterAll(() => t.close());

  it("counts the identification officer's deadlines in her region only, overdue, due soon and within time, soonest first", async () => {
    const q = await queue(officer61, 'identification_deadlines');
    expect(q?.counts).toEqual({ overdue: 1, due_soon: 1, waiting: 1 });
    expect(q?.items.map((i) => [i.href, i.urgency])).toEqual([
      [`/cases/${deadline.overdue}`, 'overdue'],
      [`/cases/${deadline.dueSoon}`, 'due_soon'],
      [`/cases/${deadline.ok}`, 'waiting'],
    ]);
    expect(q?.items[0]?.label).toMatch(/^QRG-\d{4}-\d{6}$/);
    expect(q?.items[0]?.facts.pseudonym).toEqual(expect.any(String));
    expect(q?.items[0]?.dueAt).toBe(day(-3));
    // The KZ-75 officer sees only the KZ-75 case.
    const other = await queue(officer75, 'identification_deadlines');
    expect(other?.counts).toEqual({ overdue: 1, due_soon: 0, waiting: 0 });
    expect(other?.items.map((i) => i.href)).toEqual([`/cases/${deadline.other}`]);
    // No row names the person: the screened person's name is nowhere in the answer.
    expect(JSON.stringify(await work(officer61))).not.toContain('Dilnoza');
  });

  it('decided cases leave the queue', async () => {
    const before = (await queue(officer61, 'identification_deadlines'))?.counts.waiting;
    await t.deps.db.update(cases).set({ status: 'identified' }).where(eq(cases.id, deadline.ok));
    expect((await queue(officer61, 'identification_deadlines'))?.counts.waiting).toBe((before ?? 0) - 1);
    await t.deps.db.update(cases).set({ status: 'open' }).where(eq(cases.id, deadline.ok));
  });

  it("the due-soon bound follows the case page's rule (one working day)", async () => {
    const today = kazakhstanDate(new Date());
    const bound = dueSoonUpTo(today, await t.deps.reference.calendar());
    expect(bound >= today).toBe(true);
    expect(Date.parse(bound) - Date.parse(today)).toBeLessThan(6 * DAY);
  });

  it("a non-punishment flag waits in the prosecutor's queue of its region until reviewed", async () => {
    const prosecutor61 = await t.as('prosecutor', { regions: ['KZ-61'] });
    const prosecutor75 = await t.as('prosecutor', { regions: ['KZ-75'] });
    const flag = await officer61.inject({
      method: 'POST',
      url: `/api/v1/cases/${deadline.overdue}/actions`,
      payload: { clientId: randomUUID(), action: { type: 'non_punishment_flagged', text: 'Fined for working without a permit' } },
    });
    expect(flag.statusCode, flag.body).toBe(200);
    const q = await queue(prosecutor61, 'non_punishment_flags');
    expect(q?.counts).toEqual({ overdue: 0, due_soon: 0, waiting: 1 });
    expect(q?.items[0]).toMatchObject({ href: `/cases/${deadline.overdue}`, urgency: 'waiting' });
    expect(q?.items[0]?.facts.since).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect((await queue(prosecutor75, 'non_punishment_flags'))?.counts).toEqual({ overdue: 0, due_soon: 0, waiting: 0 });
    const reviewed = await prosecutor61.inject({
      method: 'POST',
      url: `/api/v1/cases/${deadline.overdue}/actions`,
      payload: { clientId: randomUUID(), action: { type: 'non_punishment_reviewed', decision: 'penalties_waived', text: 'No penalty' } },
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect((await queue(prosecutor61, 'non_punishment_flags'))?.counts.waiting).toBe(0);
  });

  it('new self-reports: the hotline sees all, an identification officer those of her region; a day old is overdue', async () => {
    const submit = async (regionCode: string) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/self-reports',
        payload: { reporter: 'self', language: 'kk', regionCode, whatHappened: 'Жұмыс беруші паспортымды алды', safeToContact: false },
      });
      return res.json().reference as string;
    };
    const old = await submit('KZ-61');
    await submit('KZ-61');
    await submit('KZ-75');
    await t.deps.db
      .update(selfReports)
      .set({ createdAt: new Date(Date.now() - 30 * 3_600_000) })
      .where(eq(selfReports.reference, old));
    expect((await queue(officer61, 'self_reports_new'))?.counts).toEqual({ overdue: 1, due_soon: 0, waiting: 1 });
    expect((await queue(officer75, 'self_reports_new'))?.counts).toEqual({ overdue: 0, due_soon: 0, waiting: 1 });
    const all = await queue(hotline, 'self_reports_new');
    expect(all?.counts).toEqual({ overdue: 1, due_soon: 0, waiting: 2 });
    expect(all?.items[0]).toMatchObject({ label: old, urgency: 'overdue' });
    // A labour inspector works no hotline: the queue is not hers at all.
    expect(await queue(screener61, 'self_reports_new')).toBeUndefined();
  });

  it("the screener's screenings not yet handed over, hers only", async () => {
    const q = await queue(screener61, 'screenings_to_hand_over');
    expect(q?.items.map((i) => i.href)).toEqual([`/screenings/${notHandedOver}`]);
    expect(q?.counts).toEqual({ overdue: 0, due_soon: 0, waiting: 1 });
    await t.deps.db
      .update(screenings)
      .set({ createdAt: new Date(Date.now() - 20 * 3_600_000) })
      .where(eq(screenings.id, notHandedOver));
    expect((await queue(screener61, 'screenings_to_hand_over'))?.counts).toEqual({ overdue: 0, due_soon: 1, waiting: 0 });
    expect((await queue(screener75, 'screenings_to_hand_over'))?.counts).toEqual({ overdue: 0, due_soon: 0, waiting: 0 });
  });

  it('queues come most urgent first; each role has only its own', async () => {
    const ids = (await work(officer61)).queues.map((q) => q.id);
    // Both have an overdue item; the deadlines also have one due soon.
    expect(ids.indexOf('identification_deadlines')).toBeLessThan(ids.indexOf('self_reports_new'));
    expect(ids.indexOf('self_reports_new')).toBeLessThan(ids.indexOf('linkage_reviews'));
    const counts = (await work(officer61)).queues.map((q) => q.counts);
    for (let i = 1; i < counts.length; i++) expect(counts[i - 1]!.overdue).toBeGreaterThanOrEqual(counts[i]!.overdue);
    const mine = async (s: Session) => (await work(s)).queues.map((q) => q.id).filter((id) => MY_QUEUES.includes(id));
    expect(await mine(officer61)).toEqual(expect.arrayContaining(['identification_deadlines', 'self_reports_new', 'linkage_reviews']));
    expect(await mine(screener61)).toEqual(['screenings_to_hand_over']);
    expect(await mine(await t.as('case_worker'))).toEqual([]);
    expect(await mine(await t.as('administrator', { regions: 'national' }))).toEqual(['grants_to_approve']);
    expect(await mine(await t.as('national_coordinator', { regions: 'national' }))).toEqual(['grants_to_approve']);
  });

  it('a queue that fails is marked failed and logged; the others still show, most urgent first', async () => {
    const auth = {
      actor: { userId: randomUUID(), role: 'screener' },
      user: { id: randomUUID(), role: 'screener' },
      agency: { type: 'ngo' },
    } as unknown as AuthContext;
    const none = { overdue: 0, due_soon: 0, waiting: 0 };
    const registry: WorkQueueDef[] = [
      { id: 'broken', roles: ['screener'], load: async () => Promise.reject(new Error('boom')) },
      { id: 'calm', roles: ['screener'], load: async () => ({ counts: { ...none, waiting: 4 }, items: [] }) },
      { id: 'late', roles: ['screener'], load: async () => ({ counts: { ...none, overdue: 1 }, items: [] }) },
      { id: 'other_role', roles: ['prosecutor'], load: async () => ({ counts: { ...none, overdue: 9 }, items: [] }) },
    ];
    const errors: string[] = [];
    const r = await workOf(t.deps, auth, registry, (q) => errors.push(q));
    expect(r.queues.map((q) => [q.id, q.failed])).toEqual([
      ['late', false],
      ['calm', false],
      ['broken', true],
    ]);
    expect(errors).toEqual(['broken']);
  });

  it('answers 401 without a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/work' })).statusCode).toBe(401);
  });

  it('counts only linkage pairs whose two records the officer may see', async () => {
    // The screened person is the same in every screening: her KZ-61 records pair up in KZ-61 only.
    const q61 = await queue(officer61, 'linkage_reviews');
    const q75 = await queue(officer75, 'linkage_reviews');
    expect(q61?.counts.waiting).toBeGreaterThan(0);
    expect(q61?.items[0]?.href).toMatch(/^\/linkage\/reviews\/[0-9a-f-]{36}$/);
    expect(q61?.items[0]?.label).toMatch(/^P-\w+ · P-\w+$/);
    expect(q75?.counts).toEqual({ overdue: 0, due_soon: 0, waiting: 0 });
  });
});
