import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Allocation, FundingOverview } from '@qorgau/core';
import { auditLog, criminalCases, protectionCases, shelterStays } from '../src/db/schema.ts';
import { providerBody } from './provider-fixtures.ts';
import { createTestApp, type Session, type TestApp } from './test-app.ts';
import { identifyThroughApi } from './identification-fixture.ts';
import { describeEachDb } from './test-db.ts';

/**
 * Issue #13 item 4 through the API: allocations in tenge and dollars at the year's stated rate,
 * the three formulas side by side for the same total, the shortfall where a region's cases hold
 * many victims, validation, idempotency, and a regional reader who sees only her region.
 */
const NAMES = [
  ['Әсел', 'Қасымова'],
  ['Бауыржан', 'Жұмабаев'],
  ['Гүлзат', 'Нұрланова'],
  ['Ерлан', 'Сейітов'],
  ['Мадина', 'Әбенова'],
  ['Тимур', 'Оспанов'],
] as const;

describeEachDb('funding', (kind) => {
  let t: TestApp;
  let coordinator: Session;
  let analyst: Session;
  let regional: Session;
  let admin: Session;
  const shelters: Record<string, string> = {};

  const at = (day: string) => {
    t.deps.now = () => new Date(`${day}T06:00:00Z`);
  };

  /** A person identified as a victim on `day` in `regionCode`; returns her person and case. */
  const identify = (s: Session, day: string, regionCode: string, n: number, forms = ['ForcedLabour']) =>
    identifyThroughApi(t, s, {
      day,
      regionCode,
      person: { firstName: NAMES[n]![0], secondName: NAMES[n]![1], birthdate: `19${70 + n}-0${n + 1}-1${n}` },
      forms,
    });

  async function criminalCase(by: Session, regionCode: string, registeredOn: string) {
    await t.deps.db.insert(criminalCases).values({
      clientId: randomUUID(),
      erdrNumber: String(Math.floor(Math.random() * 1e15)).padStart(15, '0'),
      articles: ['128'],
      articlesVersion: '2014.1',
      regionCode,
      ownerAgencyId: by.user.agencyId,
      createdBy: by.user.id,
      stage: 'investigation',
      stageOn: registeredOn,
      registeredOn,
    });
  }

  async function stay(by: Session, v: { personId: string; caseId: string }, providerId: string, regionCode: string, admittedOn: string, dischargedOn: string) {
    const [pc] = await t.deps.db
      .insert(protectionCases)
      .values({
        clientId: randomUUID(),
        reference: `QRG-P-2022-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
        personId: v.personId,
        caseId: v.caseId,
        providerId,
        agencyId: by.user.agencyId,
        regionCode,
        status: 'open',
        openedBy: by.user.id,
        openedOn: admittedOn,
      })
      .returning({ id: protectionCases.id });
    await t.deps.db
      .insert(shelterStays)
      .values({ protectionCaseId: pc!.id, personId: v.personId, providerId, admittedOn, dischargedOn, admittedBy: by.user.id });
  }

  const allocate = (s: Session, body: Record<string, unknown>) =>
    s.inject({
      method: 'POST',
      url: '/api/v1/statistics/allocations',
      payload: { clientId: randomUUID(), year: 2022, purpose: 'shelter', source: 'Budget programme 2022', ...body },
    });

  const overview = async (s: Session, year = 2022) => {
    const res = await s.inject({ method: 'GET', url: `/api/v1/statistics/funding?year=${year}` });
    expect(res.statusCode).toBe(200);
    return res.json() as FundingOverview;
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    coordinator = await t.as('national_coordinator', { regions: 'national' });
    analyst = await t.as('analyst', { regions: 'national' });
    regional = await t.as('prosecutor', { regions: ['KZ-61'] });
    admin = await t.as('administrator', { regions: 'national' });
    const turkistanUnit = await t.as('identification_officer', { agencyId: await t.createAgency({ type: 'police', regionCode: 'KZ-61' }), regions: ['KZ-61'] });
    const almatyUnit = await t.as('identification_officer', { agencyId: await t.createAgency({ type: 'police', regionCode: 'KZ-75' }), regions: ['KZ-75'] });
    for (const region of ['KZ-61', 'KZ-75']) {
      const res = await admin.inject({
        method: 'POST',
        url: '/api/v1/providers',
        payload: providerBody(await t.createAgency({ type: 'shelter', regionCode: region }), region),
      });
      expect(res.statusCode).toBe(200);
      shelters[region] = res.json().id;
    }
    const service = await admin.inject({
      method: 'POST',
      url: '/api/v1/providers',
      payload: providerBody(await t.createAgency({ regionCode: 'KZ-75' }), 'KZ-75', {
        kind: 'service',
        services: ['psychological'],
        capacity: 0,
        occupancy: 0,
      }),
    });
    expect(service.statusCode).toBe(200);
    shelters.service = service.json().id;

    // 2022: one criminal case in each region. Turkistan's holds four victims (a rural field
    // crew, with long stays), Almaty's one. Today's rule funds them equally.
    const rural = [];
    for (let i = 0; i < 4; i++) rural.push(await identify(turkistanUnit, `2022-03-0${i + 1}`, 'KZ-61', i));
    const city = await identify(almatyUnit, '2022-04-01', 'KZ-75', 5, ['SexualExploitation']);
    await criminalCase(turkistanUnit, 'KZ-61', '2022-03-10');
    await criminalCase(almatyUnit, 'KZ-75', '2022-04-10');
    for (const v of rural) await stay(turkistanUnit, v, shelters['KZ-61']!, 'KZ-61', '2022-03-15', '2022-06-13'); // 90 nights each
    await stay(almatyUnit, city, shelters['KZ-75']!, 'KZ-75', '2022-04-15', '2022-05-15'); // 30 nights
    at('2026-12-06');
  });
  afterAll(() => t.close());

  it('states the year rate and gives the TIP figure: 101,000,000 tenge over 10 shelters at 462.54 is $218,359.49 ($218,360 rounded to ten)', async () => {
    const rate = await coordinator.inject({
      method: 'PUT',
      url: '/api/v1/statistics/exchange-rates/2022',
      payload: { tengePerUsd: 462.54, source: 'TIP 2023' },
    });
    expect(rate.statusCode).toBe(200);
    expect(rate.json().tengePerUsd).toBe(462.54);
    const a = await allocate(coordinator, { providerId: shelters['KZ-61'], regionCode: 'KZ-61', amountTenge: 50_500_000, casesBasis: 1 });
    expect(a.statusCode).toBe(200);
    expect((a.json() as Allocation).amountUsd).toBe(109_179.75);
    expect((await allocate(coordinator, { providerId: shelters['KZ-75'], regionCode: 'KZ-75', amountTenge: 50_500_000, casesBasis: 1 })).statusCode).toBe(200);
    const o = await overview(analyst);
    expect(o.rate).toEqual({ tengePerUsd: 462.54, source: 'TIP 2023' });
    expect(o.totals.shelterTenge).toBe(101_000_000);
    expect(o.totals.shelterUsd).toBe(218_359.49);
    expect(o.totals.sheltersFunded).toBe(2);
    const rates = await analyst.inject({ method: 'GET', url: '/api/v1/statistics/exchange-rates' });
    expect(rates.json().items.map((r: { year: number }) => r.year)).toEqual([2022]);
    const audit = await t.deps.db.select({ op: auditLog.operation }).from(auditLog).where(eq(auditLog.actorId, coordinator.user.id));
    expect(audit.map((r) => r.op)).toEqual(expect.arrayContaining(['funding.rate_set', 'funding.allocation_created']));
  });

  it('sets the three formulas side by side and flags the region whose case holds many victims', async () => {
    const o = await overview(coordinator);
    const turkistan = o.rows.find((r) => r.region === 'KZ-61')!;
    const almaty = o.rows.find((r) => r.region === 'KZ-75')!;
    expect([turkistan.cases, turkistan.victims, turkistan.bedDays]).toEqual([1, 4, 360]);
    expect([almaty.cases, almaty.victims, almaty.bedDays]).toEqual([1, 1, 30]);
    // Per case: half each. Per victim: 4/5 and 1/5. Per bed-day: 360/390 and 30/390. Each adds up to the total.
    expect([turkistan.perCase.tenge, almaty.perCase.tenge]).toEqual([50_500_000, 50_500_000]);
    expect([turkistan.perVictim.tenge, almaty.perVictim.tenge]).toEqual([80_800_000, 20_200_000]);
    expect((turkistan.perBedDay.tenge ?? 0) + (almaty.perBedDay.tenge ?? 0)).toBe(101_000_000);
    expect(turkistan.victimsPerCase).toBe(4);
    // At 20,200,000 a victim, Turkistan's 50,500,000 covers 2.5 of its 4 victims.
    expect(turkistan.uncoveredVictims).toBeCloseTo(1.5, 6);
    expect(turkistan.shortfalls).toEqual(['victims_per_case', 'bed_days']);
    expect(almaty.shortfalls).toEqual([]);
    expect(turkistan.labourVictims).toBe(4);
    expect(almaty.labourVictims).toBe(0);
    expect(almaty.providersUrban).toBe(2);
    expect(o.national.averageStayDays).toBe(78);
  });

  it('refuses bad input field by field, and loses nothing', async () => {
    const shelter = await allocate(coordinator, { providerId: shelters['KZ-75'], regionCode: 'KZ-61', amountTenge: 1_000 });
    expect(shelter.statusCode).toBe(400);
    expect(shelter.json().error.fields).toEqual([{ path: 'providerId', code: 'provider_other_region', message: 'Бұл баспана басқа өңірде орналасқан.' }]);
    const service = await allocate(coordinator, { providerId: shelters.service, regionCode: 'KZ-75', amountTenge: 1_000 });
    expect(service.json().error.fields.map((f: { code: string }) => f.code)).toEqual(['provider_not_shelter']);
    const future = await allocate(coordinator, { year: 2027, regionCode: 'KZ-75', amountTenge: 1_000 });
    expect(future.json().error.fields.map((f: { path: string; code: string }) => [f.path, f.code])).toEqual([['year', 'year_in_future']]);
    const zero = await allocate(coordinator, { regionCode: 'KZ-75', amountTenge: 0 });
    expect(zero.statusCode).toBe(400);
    expect(zero.json().error.fields[0].path).toBe('amountTenge');
    const ru = await coordinator.inject({
      method: 'PUT',
      url: '/api/v1/statistics/exchange-rates/2027',
      headers: { 'accept-language': 'ru' },
      payload: { tengePerUsd: 470, source: 'x' },
    });
    expect(ru.json().error.fields).toEqual([{ path: 'year', code: 'year_in_future', message: 'Этот год ещё не наступил.' }]);
    expect((await overview(coordinator)).totals.shelterTenge).toBe(101_000_000);
  });

  it('is idempotent on the client id', async () => {
    const clientId = randomUUID();
    const first = await allocate(coordinator, { clientId, year: 2021, regionCode: 'KZ-75', amountTenge: 107_000_000 });
    const again = await allocate(coordinator, { clientId, year: 2021, regionCode: 'KZ-75', amountTenge: 107_000_000 });
    expect(again.json().id).toBe(first.json().id);
    expect((await overview(coordinator, 2021)).totals.shelterTenge).toBe(107_000_000);
    // No rate for 2021: no dollar figure is guessed.
    expect((await overview(coordinator, 2021)).totals.shelterUsd).toBeNull();
  });

  it('shows a regional reader only her region, with the formulas of the national total', async () => {
    const o = await overview(regional);
    expect(o.regions).toEqual(['KZ-61']);
    expect(o.rows.map((r) => r.region)).toEqual(['KZ-61']);
    expect(o.allocations.map((a) => a.regionCode)).toEqual(['KZ-61']);
    expect(o.totals.shelterTenge).toBe(50_500_000);
    expect(o.rows[0]?.perVictim.tenge).toBe(80_800_000);
    // Entering money is the coordinator's.
    expect((await allocate(regional, { regionCode: 'KZ-61', amountTenge: 5 })).statusCode).toBe(403);
  });
});
