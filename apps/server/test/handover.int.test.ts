import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addWorkingDays } from '@qorgau/core';
import { cases } from '../src/db/schema.ts';
import { kazakhstanDate } from '../src/util/kazakhstan-date.ts';
import { createTestApp, screeningBody as sharedScreeningBody, type Session, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

const screeningBody = (overrides: Record<string, unknown> = {}) =>
  sharedScreeningBody({
    language: 'ru',
    observed: ['short_form.documents_withheld'],
    ageYears: 28,
    gender: 'Masculine',
    citizenship: 'TJ',
    person: { firstName: 'Firuz', secondName: 'Saidov', birthdate: '1998-07-07' },
    narrative: undefined,
    ...overrides,
  });

/** Issue #8: a handover goes only to an identification unit that may receive it, and never pushes a running clock back. */
describeEachDb('handover target and due date', (kind) => {
  let t: TestApp;
  let screener: Session;
  const unit = {} as Record<'police61' | 'ngoNational' | 'police75' | 'shelter61' | 'prosecutor' | 'disabled', string>;
  beforeAll(async () => {
    t = await createTestApp(kind);
    const migration = await t.createAgency({ type: 'migration_service', regionCode: 'KZ-61' });
    unit.police61 = await t.createAgency({ type: 'police', regionCode: 'KZ-61', name: 'Police unit KZ-61' });
    unit.ngoNational = await t.createAgency({ type: 'ngo', regionCode: null, name: 'National NGO' });
    unit.police75 = await t.createAgency({ type: 'police', regionCode: 'KZ-75', name: 'Police unit KZ-75' });
    unit.shelter61 = await t.createAgency({ type: 'shelter', regionCode: 'KZ-61', name: 'Shelter KZ-61' });
    unit.prosecutor = await t.createAgency({ type: 'prosecutor', regionCode: null, name: 'Prosecutor' });
    unit.disabled = await t.createAgency({ type: 'ngo', regionCode: 'KZ-61', name: 'Closed NGO' });
    const { agencies } = await import('../src/db/schema.ts');
    await t.deps.db.update(agencies).set({ disabled: true }).where(eq(agencies.id, unit.disabled));
    screener = await t.as('screener', { agencyId: migration, regions: ['KZ-61'] });
  });
  afterAll(() => t.close());

  const screen = async (overrides: Record<string, unknown> = {}) =>
    (await screener.inject({ method: 'POST', url: '/api/v1/screenings', payload: screeningBody(overrides) })).json();
  const handOver = (id: string, toAgencyId: string, s: Session = screener) =>
    s.inject({ method: 'POST', url: `/api/v1/screenings/${id}/handover`, payload: { toAgencyId }, headers: { 'accept-language': 'en' } });

  it('lists only identification units of the region or national ones as targets', async () => {
    const s = await screen();
    const res = await screener.inject({ method: 'GET', url: `/api/v1/screenings/${s.id}/handover-targets` });
    expect(res.statusCode).toBe(200);
    const ids = res.json().items.map((a: { id: string }) => a.id);
    expect(ids).toEqual(expect.arrayContaining([unit.police61, unit.ngoNational]));
    for (const out of [unit.police75, unit.shelter61, unit.prosecutor, unit.disabled, screener.user.agencyId]) expect(ids).not.toContain(out);
    // Another screener's screening: the same 404 as one that does not exist.
    const other = await t.as('screener', { regions: ['KZ-61'] });
    expect((await other.inject({ method: 'GET', url: `/api/v1/screenings/${s.id}/handover-targets` })).statusCode).toBe(404);
    expect((await other.inject({ method: 'GET', url: `/api/v1/screenings/${randomUUID()}/handover-targets` })).statusCode).toBe(404);
  });

  it('refuses any other agency with a translated message on the target field, and changes nothing', async () => {
    const s = await screen();
    const cases_: [string, string][] = [
      [unit.shelter61, 'not_identification_unit'],
      [unit.prosecutor, 'not_identification_unit'],
      [screener.user.agencyId, 'not_identification_unit'],
      [unit.police75, 'outside_region'],
      [unit.disabled, 'not_found'],
      [randomUUID(), 'not_found'],
    ];
    for (const [agency, code] of cases_) {
      const res = await handOver(s.id, agency);
      expect(res.statusCode, code).toBe(400);
      const [field] = res.json().error.fields;
      expect(field).toMatchObject({ path: 'toAgencyId', code });
      expect(field.message.length).toBeGreaterThan(5);
      expect(field.message).not.toBe(code);
    }
    // Still the screener's: she can open the case, and hand it to a unit that may receive it.
    expect((await screener.inject({ method: 'GET', url: `/api/v1/cases/${s.caseId}` })).statusCode).toBe(200);
    expect((await handOver(s.id, unit.ngoNational)).statusCode).toBe(200);
  });

  it("a national identification unit and one of the person's region may receive it", async () => {
    const s = await screen();
    const res = await handOver(s.id, unit.police61);
    expect(res.statusCode).toBe(200);
    expect(res.json().handover).toMatchObject({ toAgencyId: unit.police61 });
  });

  for (const setting of ['pre_deportation', 'detention_police_operation']) {
    it(`after a ${setting} screening the handover keeps the earlier identification due date`, async () => {
      const s = await screen({ setting });
      const [before] = await t.deps.db.select({ due: cases.identificationDue }).from(cases).where(eq(cases.id, s.caseId));
      expect(before?.due).toBe(addWorkingDays(kazakhstanDate(new Date()), t.config.identificationDays, t.deps.calendar));
      // The screening was a few days ago: its clock is due sooner than one started today.
      await t.deps.db.update(cases).set({ identificationDue: '2026-01-05' }).where(eq(cases.id, s.caseId));
      expect((await handOver(s.id, unit.police61)).statusCode).toBe(200);
      const [after] = await t.deps.db.select({ due: cases.identificationDue }).from(cases).where(eq(cases.id, s.caseId));
      expect(after?.due).toBe('2026-01-05');
    });
  }

  it('after any other screening the handover starts the clock', async () => {
    const s = await screen({ setting: 'farm' });
    expect((await handOver(s.id, unit.police61)).statusCode).toBe(200);
    const [after] = await t.deps.db.select({ due: cases.identificationDue }).from(cases).where(eq(cases.id, s.caseId));
    expect(after?.due).toBe(addWorkingDays(kazakhstanDate(new Date()), t.config.identificationDays, t.deps.calendar));
  });
});
