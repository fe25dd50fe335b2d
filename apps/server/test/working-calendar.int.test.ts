import { randomUUID } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { WorkingCalendar } from '@qorgau/core';
import { auditLog, cases } from '../src/db/schema.ts';
import { createTestApp, type Session, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

/** 19:30 UTC on Thursday 8 January 2026: Friday 9 January in Kazakhstan. */
const FRIDAY_9_JANUARY = new Date('2026-01-08T19:30:00Z');

describeEachDb('working calendar uploaded by a national administrator', (kind) => {
  let t: TestApp;
  let admin: Session;
  let inspector: Session;
  let idUnit: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await t.as('administrator', { regions: 'national' });
    const inspectorate = await t.createAgency({ type: 'labour_inspectorate', regionCode: 'KZ-61' });
    idUnit = await t.createAgency({ type: 'police', regionCode: 'KZ-61', name: 'Anti-trafficking unit' });
    inspector = await t.as('screener', { agencyId: inspectorate, regions: ['KZ-61'] });
    t.deps.now = () => new Date(FRIDAY_9_JANUARY);
  });
  afterAll(() => t.close());

  const inForce = async () => (await inspector.inject({ method: 'GET', url: '/api/v1/reference/working-calendar' })).json() as WorkingCalendar;
  const upload = (calendar: object, as = admin) => as.inject({ method: 'POST', url: '/api/v1/reference/working-calendar', payload: calendar });
  /** Screens with consent and hands over now: the identification due date is set from the calendar in force. */
  const handOver = async () => {
    const s = await inspector.inject({
      method: 'POST',
      url: '/api/v1/screenings',
      payload: {
        clientId: randomUUID(),
        encounterDate: '2026-01-08',
        regionCode: 'KZ-61',
        setting: 'farm',
        language: 'kk',
        interpreterUsed: false,
        observed: ['short_form.documents_withheld'],
        ageYears: 34,
        gender: 'Feminine',
        citizenship: 'UZ',
        exploitationTypes: [],
        consent: 'identified',
        person: { firstName: 'Дильноза', secondName: 'Гуломова', birthdate: '1992-05-01' },
      },
    });
    expect(s.statusCode, s.body).toBe(200);
    const handed = await inspector.inject({
      method: 'POST',
      url: `/api/v1/screenings/${s.json().id}/handover`,
      payload: { toAgencyId: idUnit },
      headers: { 'accept-language': 'en' },
    });
    const [kase] = await t.deps.db.select().from(cases).where(eq(cases.id, s.json().caseId));
    return { handed, due: kase?.identificationDue };
  };

  it('serves the shipped calendar with the 2024 and 2025 transfer decrees', async () => {
    const cal = await inForce();
    expect(cal.version).toBe('2');
    expect(cal.transfers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ date: '2024-05-04', kind: 'working' }),
        expect.objectContaining({ date: '2024-05-08', kind: 'day_off' }),
        expect.objectContaining({ date: '2025-01-03', kind: 'day_off' }),
        expect.objectContaining({ date: '2025-01-05', kind: 'working' }),
      ]),
    );
    // 5 working days from Friday 9 January 2026: 12-16 January.
    expect((await handOver()).due).toBe('2026-01-16');
  });

  it('a new version with a decreed day off is audited and used by the next deadline; only an administrator may upload', async () => {
    const next = {
      ...(await inForce()),
      version: '3',
      transfers: [...(await inForce()).transfers, { date: '2026-01-13', kind: 'day_off', provisional: true, note: 'test decree' }],
    };
    expect((await upload(next, inspector)).statusCode).toBe(403);
    const res = await upload(next);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: '3' });
    expect((await inForce()).version).toBe('3');
    const [entry] = await t.deps.db.select().from(auditLog).where(eq(auditLog.operation, 'reference.updated')).orderBy(desc(auditLog.id)).limit(1);
    expect(entry).toMatchObject({
      recordType: 'working_calendar',
      recordId: 'kz_working_calendar',
      actorId: admin.user.id,
      details: { version: '3', transfers: 5 },
    });
    // Tuesday 13 January is now a day off: 12, 14, 15, 16, 19 January.
    expect((await handOver()).due).toBe('2026-01-19');
  });

  it('refuses a bad version entry by entry and keeps the one in force', async () => {
    const cal = await inForce();
    const bad = await upload({
      ...cal,
      version: '4',
      transfers: [...cal.transfers, { date: '2026-02-30', kind: 'day_off' }, { date: '2024-05-04', kind: 'day_off' }],
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.fields.map((f: { path: string; code: string }) => `${f.path} ${f.code}`);
    expect(fields).toEqual(expect.arrayContaining([expect.stringMatching(/^transfers\.5\.date /)]));
    expect((await inForce()).version).toBe('3');
  });

  it("a deadline past the calendar's coverage is refused with a clear message, not set to a wrong date", async () => {
    const cal = await inForce();
    expect((await upload({ ...cal, version: '5', coverage: { from: cal.coverage.from, to: '2026-01-14' } })).statusCode).toBe(200);
    const { handed, due } = await handOver();
    expect(handed.statusCode).toBe(400);
    expect(handed.json().error.fields).toEqual([
      {
        path: 'calendar',
        code: 'date_outside_calendar',
        message:
          'No working calendar covers 2026-01-19 (the calendar in force covers 2024-01-01 to 2026-01-14). An administrator must upload a working calendar for that year before this deadline can be set.',
      },
    ]);
    // Nothing was handed over: the case keeps no due date.
    expect(due).toBeNull();
  });
});
