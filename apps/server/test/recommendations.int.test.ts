import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RecommendationList } from '@qorgau/core';
import { auditLog, recommendations } from '../src/db/schema.ts';
import { ensureRecommendations } from '../src/modules/recommendations/recommendations.repository.ts';
import { createTestApp, type Session, type TestApp } from './test-app.ts';
import { identifyThroughApi } from './identification-fixture.ts';
import { describeEachDb } from './test-db.ts';

/**
 * Issue #13 item 5 through the API: the ten TIP 2023 recommendations and the action plan items,
 * with indicators counted from the data for the year and the year before (within the reader's
 * scope), and a status per year whose latest entry is current.
 */
describeEachDb('recommendations tracker', (kind) => {
  let t: TestApp;
  let coordinator: Session;
  let regional: Session;

  const at = (day: string) => {
    t.deps.now = () => new Date(`${day}T06:00:00Z`);
  };

  const identify = (s: Session, day: string, regionCode: string, person: Record<string, unknown>, forms: string[]) =>
    identifyThroughApi(t, s, { day, regionCode, person, forms });

  const list = async (s: Session, year: number) => {
    const res = await s.inject({ method: 'GET', url: `/api/v1/recommendations?year=${year}` });
    expect(res.statusCode).toBe(200);
    return res.json() as RecommendationList;
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    coordinator = await t.as('national_coordinator', { regions: 'national' });
    regional = await t.as('prosecutor', { regions: ['KZ-75'] });
    const astana = await t.as('identification_officer', { agencyId: await t.createAgency({ type: 'police', regionCode: 'KZ-71' }), regions: ['KZ-71'] });
    const almaty = await t.as('identification_officer', { agencyId: await t.createAgency({ type: 'police', regionCode: 'KZ-75' }), regions: ['KZ-75'] });
    // 2021: one citizen. 2022: a foreign labour victim in Astana, a citizen in Almaty.
    await identify(almaty, '2021-05-10', 'KZ-75', { firstName: 'Гүлнар', secondName: 'Тоқтарова', birthdate: '1990-02-01' }, ['SexualExploitation']);
    await identify(astana, '2022-04-01', 'KZ-71', { firstName: 'Dilnoza', secondName: 'Karimova', citizenship: 'UZ', birthdate: '1988-07-07' }, [
      'ForcedLabour',
    ]);
    await identify(almaty, '2022-05-01', 'KZ-75', { firstName: 'Айгерім', secondName: 'Серікова', birthdate: '1996-03-14' }, ['SexualExploitation']);
    at('2026-12-06');
  });
  afterAll(() => t.close());

  it('lists the ten TIP 2023 recommendations and the action plan items in three languages, seeded once', async () => {
    const l = await list(coordinator, 2022);
    const tip = l.items.filter((i) => i.source === 'tip_2023');
    expect(tip).toHaveLength(10);
    expect(tip[8]?.text.en).toBe('Establish and implement a centralized anti-trafficking data collection system.');
    expect(l.items.filter((i) => i.source === 'action_plan').length).toBeGreaterThan(0);
    for (const i of l.items) for (const lng of ['kk', 'ru', 'en'] as const) expect(i.text[lng].length).toBeGreaterThan(20);
    await ensureRecommendations(t.deps.db);
    expect(await t.deps.db.select({ id: recommendations.id }).from(recommendations)).toHaveLength(l.items.length);
  });

  it('counts the indicators from the data, this year and the year before', async () => {
    const l = await list(coordinator, 2022);
    const by = (code: string) => l.items.find((i) => i.code === code)!;
    expect(by('TIP2023-01')).toMatchObject({ indicator: 'foreign_victims_identified', value: 1, previousValue: 0 });
    expect(by('TIP2023-06')).toMatchObject({ indicator: 'labour_victims_identified', value: 1, previousValue: 0 });
    expect(by('TIP2023-09')).toMatchObject({ indicator: 'victims_identified', value: 2, previousValue: 1 });
    expect(by('TIP2023-04')).toMatchObject({ indicator: null, value: null, previousValue: null });
    // A regional reader's indicators are her region's: Almaty had no foreign victim.
    const mine = await list(regional, 2022);
    expect(mine.regions).toEqual(['KZ-75']);
    expect(mine.items.find((i) => i.code === 'TIP2023-01')?.value).toBe(0);
    expect(mine.items.find((i) => i.code === 'TIP2023-09')?.value).toBe(1);
  });

  it('sets a status per year; the latest is current and the earlier ones stay as history', async () => {
    const id = (await list(coordinator, 2022)).items.find((i) => i.code === 'TIP2023-03')!.id;
    const owner = await t.createAgency({ type: 'national_coordination', regionCode: null, name: 'Ministry of Labour' });
    const put = (year: number, status: string, extra: Record<string, unknown> = {}) =>
      coordinator.inject({ method: 'PUT', url: `/api/v1/recommendations/${id}/status`, payload: { year, status, note: 'Funding reviewed', ...extra } });
    expect((await put(2021, 'not_started')).statusCode).toBe(200);
    expect((await put(2022, 'in_progress', { ownerAgencyId: owner })).statusCode).toBe(200);
    expect((await put(2022, 'partly_met')).statusCode).toBe(200);
    const item = (await list(coordinator, 2022)).items.find((i) => i.id === id)!;
    expect(item.status?.status).toBe('partly_met');
    expect(item.history.map((h) => [h.year, h.status])).toEqual([
      [2022, 'partly_met'],
      [2022, 'in_progress'],
      [2021, 'not_started'],
    ]);
    expect(item.ownerAgency?.name.en).toBe('Ministry of Labour');
    expect((await list(coordinator, 2021)).items.find((i) => i.id === id)?.status?.status).toBe('not_started');
    const audit = await t.deps.db.select({ op: auditLog.operation, details: auditLog.details }).from(auditLog).where(eq(auditLog.recordId, id));
    expect(audit.filter((a) => a.op === 'recommendation.status_set')).toHaveLength(3);
  });

  it('refuses a bad status, a future year and an unknown agency, field by field', async () => {
    const id = (await list(coordinator, 2022)).items[0]!.id;
    const put = (payload: Record<string, unknown>) => coordinator.inject({ method: 'PUT', url: `/api/v1/recommendations/${id}/status`, payload });
    const bad = await put({ year: 2022, status: 'done' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('status');
    const future = await put({ year: 2027, status: 'met', ownerAgencyId: randomUUID() });
    expect(future.json().error.fields.map((f: { path: string; code: string }) => [f.path, f.code])).toEqual([
      ['year', 'year_in_future'],
      ['ownerAgencyId', 'not_found'],
    ]);
    expect(
      (await coordinator.inject({ method: 'PUT', url: `/api/v1/recommendations/${randomUUID()}/status`, payload: { year: 2022, status: 'met' } })).statusCode,
    ).toBe(404);
    expect((await regional.inject({ method: 'PUT', url: `/api/v1/recommendations/${id}/status`, payload: { year: 2022, status: 'met' } })).statusCode).toBe(
      403,
    );
    expect((await list(coordinator, 2022)).items[0]?.status).toBeNull();
  });
});
