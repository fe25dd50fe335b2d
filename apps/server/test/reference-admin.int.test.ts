import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditLog } from '../src/db/schema.ts';
import { DEFAULT_REFERENCE_DIR } from '../src/reference/screening-reference.ts';
import { createTestApp, type Session, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

const shortForm = () => JSON.parse(readFileSync(`${DEFAULT_REFERENCE_DIR}/indicators/short-form.v1.json`, 'utf8'));

describeEachDb('reference data replaced by a national administrator', (kind) => {
  let t: TestApp;
  let admin: Session;
  let screener: Session;
  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await t.as('administrator', { regions: 'national' });
    screener = await t.as('screener', { regions: ['KZ-61'] });
  });
  afterAll(() => t.close());

  const listsSeenByScreener = async () =>
    (await screener.inject({ method: 'GET', url: '/api/v1/reference/indicators' })).json().lists as {
      id: string;
      version: string;
      verification: string;
      indicators: { id: string }[];
    }[];

  it('marks the provisional ILO/EC list verified; every user sees it at once; the change is audited', async () => {
    expect((await listsSeenByScreener()).find((l) => l.id === 'ilo_ec_2009')?.verification).toBe('provisional');
    const res = await admin.inject({
      method: 'POST',
      url: '/api/v1/reference/verification',
      payload: { kind: 'indicator_list', id: 'ilo_ec_2009', version: '1', verification: 'verified' },
    });
    expect(res.statusCode).toBe(200);
    expect((await listsSeenByScreener()).find((l) => l.id === 'ilo_ec_2009')?.verification).toBe('verified');
    const [entry] = await t.deps.db.select().from(auditLog).where(eq(auditLog.operation, 'reference.updated')).orderBy(desc(auditLog.id)).limit(1);
    expect(entry).toMatchObject({ recordId: 'ilo_ec_2009', actorId: admin.user.id, details: { version: '1', verification: 'verified' } });
    const stale = await admin.inject({
      method: 'POST',
      url: '/api/v1/reference/verification',
      payload: { kind: 'indicator_list', id: 'ilo_ec_2009', version: '0', verification: 'verified' },
    });
    expect(stale.statusCode).toBe(404);
  });

  it('a new version of the short form is used by the next screening; an inconsistent one is refused and changes nothing', async () => {
    const next = shortForm();
    next.version = '2';
    next.indicators.push({ ...next.indicators[0], id: 'short_form.forced_to_beg' });
    const ok = await admin.inject({ method: 'POST', url: '/api/v1/reference/indicator-lists', payload: next });
    expect(ok.statusCode, ok.body).toBe(200);
    const lists = await listsSeenByScreener();
    expect(lists.find((l) => l.id === 'short_form')?.version).toBe('2');
    const screening = await screener.inject({
      method: 'POST',
      url: '/api/v1/screenings',
      payload: {
        clientId: randomUUID(),
        encounterDate: '2026-11-20',
        regionCode: 'KZ-61',
        setting: 'street',
        language: 'ru',
        interpreterUsed: false,
        observed: ['short_form.forced_to_beg'],
        ageYears: 30,
        gender: 'Masculine',
        citizenship: 'TJ',
        exploitationTypes: ['ForcedBegging'],
        consent: 'declined',
      },
    });
    expect(screening.statusCode).toBe(200);
    expect(screening.json().result.fired.map((f: { indicatorId: string }) => f.indicatorId)).toEqual(['short_form.forced_to_beg']);

    const clash = shortForm();
    clash.version = '3';
    const iloId = lists.find((l) => l.id === 'ilo_ec_2009')?.indicators[0]?.id as string;
    clash.indicators.push({ ...clash.indicators[0], id: iloId });
    const refused = await admin.inject({ method: 'POST', url: '/api/v1/reference/indicator-lists', payload: clash });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields.map((f: { code: string }) => f.code)).toContain('duplicate_id');
    expect((await listsSeenByScreener()).find((l) => l.id === 'short_form')?.version).toBe('2');
  });

  it('only administrators may change reference data', async () => {
    const res = await screener.inject({
      method: 'POST',
      url: '/api/v1/reference/verification',
      payload: { kind: 'rules', id: 'screening-rules', version: '1', verification: 'verified' },
    });
    expect(res.statusCode).toBe(403);
  });
});
