import { PassThrough } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditLog, selfReports } from '../src/db/schema.ts';
import { createTestApp, type Session, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

const SECRET = 'Менің паспортымды алып қойды, Шымкенттегі құрылыста';
const PHONE = '+7 701 555 12 34';
const report = (overrides: Record<string, unknown> = {}) => ({
  reporter: 'self',
  language: 'kk',
  regionCode: 'KZ-79',
  whatHappened: SECRET,
  contact: PHONE,
  safeToContact: true,
  situation: ['documents_taken', 'not_paid'],
  website: '',
  ...overrides,
});

describeEachDb('self-reports and the hotline queue', (kind) => {
  let t: TestApp;
  let logs = '';
  let operator: Session;
  beforeAll(async () => {
    const stream = new PassThrough();
    stream.on('data', (c: Buffer) => {
      logs += c.toString('utf8');
    });
    t = await createTestApp(kind, { logStream: stream, env: { QORGAU_SELF_REPORT_RATE_PER_10_MIN: '1000' } });
    const hotline = await t.createAgency({ type: 'hotline', regionCode: null, name: 'National hotline' });
    operator = await t.as('screener', { agencyId: hotline, regions: 'national' });
  });
  afterAll(() => t.close());

  const submit = (body: object, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url: '/api/v1/self-reports', payload: body, headers });

  it('anyone can report without a session; the answer is a reference and nothing else', async () => {
    const res = await submit(report());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ reference: expect.stringMatching(/^HR-\d{4}-\d{6}$/) });
    expect(res.cookies).toEqual([]);
  });

  it('stores the free text and the contact as ciphertext, bound to the row', async () => {
    const { reference } = (await submit(report())).json();
    const [row] = await t.deps.db.select().from(selfReports).where(eq(selfReports.reference, reference));
    expect(row?.whatHappenedEnc).toMatch(/^v1\./);
    expect(row?.contactEnc).toMatch(/^v1\./);
    const raw = JSON.stringify(row);
    expect(raw).not.toContain('паспорт');
    expect(raw).not.toContain('555 12 34');
    expect(row).toMatchObject({ status: 'new', reporter: 'self', language: 'kk', regionCode: 'KZ-79', situation: ['documents_taken', 'not_paid'] });
  });

  it('a filled honeypot gets a plausible reference and stores nothing', async () => {
    const before = await t.deps.db.select({ n: sql<number>`count(*)::int` }).from(selfReports);
    const res = await submit(report({ website: 'http://spam.example' }));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ reference: expect.stringMatching(/^HR-\d{4}-\d{6}$/) });
    const after = await t.deps.db.select({ n: sql<number>`count(*)::int` }).from(selfReports);
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it('refuses invalid input field by field, translated', async () => {
    const res = await submit(report({ whatHappened: '', reporter: 'neighbour', situation: ['aliens'], contact: 'x'.repeat(201) }), { 'accept-language': 'ru' });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields as { path: string; code: string; message: string }[];
    expect(fields.map((f) => f.path).sort()).toEqual(['contact', 'reporter', 'situation.0', 'whatHappened'].sort());
    expect(fields.find((f) => f.path === 'whatHappened')?.message).toMatch(/[а-я]/i);
    expect(res.json().error.message).toMatch(/[а-я]/i);
  });

  it('refuses a large body', async () => {
    const res = await submit(report({ whatHappened: 'x'.repeat(20_000) }));
    expect(res.statusCode).toBe(413);
  });

  it('a hotline operator sees the queue oldest first, opens a report, moves it on; every read is audited', async () => {
    const { reference } = (await submit(report({ reporter: 'witness', regionCode: undefined, contact: undefined }))).json();
    const queue = await operator.inject({ method: 'GET', url: '/api/v1/self-reports?pageSize=100' });
    expect(queue.statusCode).toBe(200);
    const items = queue.json().items as { id: string; reference: string; createdAt: string; whatHappened: string }[];
    const mine = items.find((i) => i.reference === reference);
    expect(mine).toMatchObject({ whatHappened: SECRET, contact: null, regionCode: null, reporter: 'witness', status: 'new' });
    expect(items.map((i) => i.createdAt)).toEqual([...items.map((i) => i.createdAt)].sort());
    const id = mine!.id;
    const one = await operator.inject({ method: 'GET', url: `/api/v1/self-reports/${id}` });
    expect(one.json().whatHappened).toBe(SECRET);
    const moved = await operator.inject({ method: 'POST', url: `/api/v1/self-reports/${id}/status`, payload: { status: 'in_progress' } });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ status: 'in_progress', assignedTo: operator.user.id });
    const noScreening = await operator.inject({
      method: 'POST',
      url: `/api/v1/self-reports/${id}/status`,
      payload: { status: 'screened', screeningReference: 'SCR-2026-999999' },
    });
    expect(noScreening.statusCode).toBe(400);
    expect(noScreening.json().error.fields[0]).toMatchObject({ path: 'screeningReference', code: 'unknown_screening' });
    const closed = await operator.inject({ method: 'POST', url: `/api/v1/self-reports/${id}/status`, payload: { status: 'closed' } });
    expect(closed.json().status).toBe('closed');
    const back = await operator.inject({ method: 'POST', url: `/api/v1/self-reports/${id}/status`, payload: { status: 'in_progress' } });
    expect(back.statusCode).toBe(409);
    const after = (await operator.inject({ method: 'GET', url: '/api/v1/self-reports?pageSize=100' })).json();
    expect(after.items.map((i: { id: string }) => i.id)).not.toContain(id);

    const entries = await t.deps.db.select().from(auditLog).where(eq(auditLog.recordId, id));
    expect(entries.map((e) => e.operation).sort()).toEqual(
      ['self_report.read', 'self_report.read', 'self_report.read', 'self_report.received', 'self_report.status_changed', 'self_report.status_changed'].sort(),
    );
    const received = entries.find((e) => e.operation === 'self_report.received');
    expect(received).toMatchObject({ actorId: null, ip: null, details: { reporter: 'witness', language: 'kk', regionCode: null } });
    const listed = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.operation, 'self_report.list'), eq(auditLog.actorId, operator.user.id)));
    expect(listed.some((e) => (e.details.ids as string[]).includes(id))).toBe(true);
    const all = JSON.stringify(await t.deps.db.select().from(auditLog));
    expect(all).not.toContain('паспорт');
    expect(all).not.toContain('555 12 34');
  });

  it("marks a report screened with the operator's own screening", async () => {
    const { reference } = (await submit(report())).json();
    const [row] = await t.deps.db.select().from(selfReports).where(eq(selfReports.reference, reference));
    const screening = await operator.inject({
      method: 'POST',
      url: '/api/v1/screenings',
      payload: {
        clientId: randomUUID(),
        encounterDate: '2026-11-20',
        regionCode: 'KZ-79',
        setting: 'hotline',
        language: 'kk',
        interpreterUsed: false,
        observed: [],
        ageYears: 30,
        gender: 'Feminine',
        citizenship: 'KZ',
        exploitationTypes: [],
        consent: 'declined',
      },
    });
    expect(screening.statusCode, screening.body).toBe(200);
    const res = await operator.inject({
      method: 'POST',
      url: `/api/v1/self-reports/${row!.id}/status`,
      payload: { status: 'screened', screeningReference: screening.json().reference },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'screened', screeningId: screening.json().id });
  });

  it('an NGO case worker is refused; a screener outside the hotline sees an empty queue and 404s; an identification officer sees reports in their regions', async () => {
    const { reference } = (await submit(report({ regionCode: 'KZ-79' }))).json();
    const [row] = await t.deps.db.select().from(selfReports).where(eq(selfReports.reference, reference));
    const id = row!.id;
    const caseWorker = await t.as('case_worker');
    expect((await caseWorker.inject({ method: 'GET', url: '/api/v1/self-reports' })).statusCode).toBe(403);
    expect((await caseWorker.inject({ method: 'GET', url: `/api/v1/self-reports/${id}` })).statusCode).toBe(403);
    const inspector = await t.as('screener', { agencyId: await t.createAgency({ type: 'labour_inspectorate' }), regions: ['KZ-79'] });
    expect((await inspector.inject({ method: 'GET', url: '/api/v1/self-reports' })).json()).toMatchObject({ items: [], total: 0 });
    expect((await inspector.inject({ method: 'GET', url: `/api/v1/self-reports/${id}` })).statusCode).toBe(404);
    expect((await inspector.inject({ method: 'POST', url: `/api/v1/self-reports/${id}/status`, payload: { status: 'closed' } })).statusCode).toBe(404);
    const near = await t.as('identification_officer', { regions: ['KZ-79'] });
    expect((await near.inject({ method: 'GET', url: `/api/v1/self-reports/${id}` })).statusCode).toBe(200);
    const far = await t.as('identification_officer', { regions: ['KZ-75'] });
    expect((await far.inject({ method: 'GET', url: `/api/v1/self-reports/${id}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/self-reports' })).statusCode).toBe(401);
  });

  it('the logs never contain report text or contact details', () => {
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).not.toContain('паспорт');
    expect(logs).not.toContain('555 12');
    expect(logs).not.toContain('spam.example');
  });
});

describeEachDb('self-report rate limit', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { env: { QORGAU_SELF_REPORT_RATE_PER_10_MIN: '3' } });
  });
  afterAll(() => t.close());

  it('answers 429, translated, after N reports from one address in 10 minutes', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 4; i++)
      codes.push((await t.app.inject({ method: 'POST', url: '/api/v1/self-reports', payload: report(), headers: { 'accept-language': 'en' } })).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/self-reports', payload: report(), headers: { 'accept-language': 'en' } });
    expect(res.json().error).toMatchObject({ code: 'rate_limited' });
    const [n] = await t.deps.db.select({ n: sql<number>`count(*)::int` }).from(selfReports);
    expect(n?.n).toBe(3);
  });
});
