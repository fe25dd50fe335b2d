import { parse } from 'csv-parse/sync';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { Actor, StatisticsRecords, YearStatistics } from '@qorgau/core';
import { rowsOf } from '../src/db/client.ts';
import { victimRecords } from '../src/modules/statistics/victims.repository.ts';
import { auditLog, officialFigures, personClusters } from '../src/db/schema.ts';
import { createTestApp, screeningBody, type Session, type TestApp } from './test-app.ts';
import { identifyThroughApi } from './identification-fixture.ts';
import { describeEachDb } from './test-db.ts';

/**
 * Issue #13's counting rules through the API: a person found by two agencies in two scripts
 * counts once; anonymous notifications never count as persons; the year is that of the first
 * positive decision; the previous year comes from the register or from an official figure;
 * a regional reader counts her region; the records behind a figure are a separate permission.
 */
describeEachDb('national statistics', (kind) => {
  let t: TestApp;
  let almaty: Session;
  let astana: Session;
  let coordinator: Session;
  let analyst: Session;
  let regional: Session;

  const at = (day: string) => {
    t.deps.now = () => new Date(`${day}T06:00:00Z`);
  };

  /** A person recorded, a case opened and a positive decision taken, on `day`, by `s`. */
  const identify = (s: Session, day: string, person: Record<string, unknown>, forms: string[], regionCode: string) =>
    identifyThroughApi(t, s, { day, regionCode, person, forms });

  const year = async (s: Session, query: string) => {
    const res = await s.inject({ method: 'GET', url: `/api/v1/statistics/year?${query}` });
    expect(res.statusCode).toBe(200);
    return res.json() as YearStatistics;
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    almaty = await t.as('identification_officer', { regions: ['KZ-75'] });
    astana = await t.as('identification_officer', { agencyId: await t.createAgency({ type: 'police', regionCode: 'KZ-71' }), regions: ['KZ-71'] });
    coordinator = await t.as('national_coordinator', { regions: 'national' });
    analyst = await t.as('analyst', { regions: 'national' });
    regional = await t.as('prosecutor', { regions: ['KZ-71'] });

    // 2021: one victim in Almaty. 2022: three more, and the first woman found again in Astana.
    await identify(
      almaty,
      '2021-05-10',
      { firstName: 'Гүлнар', secondName: 'Тоқтарова', birthdate: '1990-02-01', gender: 'Feminine' },
      ['SexualExploitation'],
      'KZ-75',
    );
    const aigerim = { birthdate: '1996-03-14', gender: 'Feminine', identityDocumentType: 'kz_iin', identityNumber: '960314450123' };
    await identify(almaty, '2022-02-01', { firstName: 'Айгерім', secondName: 'Серікова', ...aigerim }, ['SexualExploitation'], 'KZ-75');
    await identify(astana, '2022-03-01', { firstName: 'Aigerim', secondName: 'Serikova', ...aigerim }, ['SexualExploitation'], 'KZ-71');
    await identify(
      astana,
      '2022-04-01',
      { firstName: 'Dilnoza', secondName: 'Karimova', citizenship: 'UZ', birthdate: '1988-07-07' },
      ['ForcedLabour'],
      'KZ-71',
    );
    await identify(
      astana,
      '2022-05-01',
      { firstName: 'Бахыт', secondName: 'Омаров', gender: 'Masculine', birthdate: '2008-01-20' },
      ['ForcedLabour', 'ForcedBegging'],
      'KZ-71',
    );
    // An adult who declined: an anonymous notification, never a person.
    at('2022-06-01');
    const anonymous = await astana.inject({
      method: 'POST',
      url: '/api/v1/screenings',
      payload: screeningBody({ encounterDate: '2022-06-01', regionCode: 'KZ-71', consent: 'declined', person: undefined }),
    });
    expect(anonymous.statusCode).toBe(200);
    at('2026-12-06');
  });
  afterAll(() => t.close());

  it('counts a person found by two agencies in two scripts once, by her first decision', async () => {
    const clustered = await t.deps.db.select().from(personClusters);
    expect(new Set(clustered.map((c) => c.clusterId)).size).toBe(1);
    const y = await year(coordinator, 'year=2022');
    expect(y.victims.total).toBe(3);
    // Aigerim's first decision was in Almaty (a police unit), Dilnoza and Bakhyt were found in Astana.
    expect(y.victims.byRegion).toEqual([
      { category: 'KZ-71', n: 2 },
      { category: 'KZ-75', n: 1 },
    ]);
    expect(y.victims.byForm).toEqual([
      { category: 'ForcedLabour', n: 1 },
      { category: 'SexualExploitation', n: 1 },
      { category: 'Multiple', n: 1 },
    ]);
    expect(y.victims.formByCitizenGroup.find((f) => f.form === 'ForcedLabour')).toEqual({ form: 'ForcedLabour', citizen: 0, foreign: 1 });
    expect(y.victims.byAgeGroup).toEqual([
      { category: 'child', n: 1 },
      { category: 'adult', n: 2 },
    ]);
    expect(y.victims.bySex.find((s) => s.category === 'male')?.n).toBe(1);
  });

  it('keeps anonymous notifications apart from persons', async () => {
    const y = await year(coordinator, 'year=2022');
    expect(y.notifications.anonymousScreenings).toBe(1);
    expect(y.victims.total).toBe(3);
  });

  it('compares with the register, or with the official figure of a year before it', async () => {
    const y2022 = await year(coordinator, 'year=2022');
    expect(y2022.previous).toEqual({ year: 2021, victims: 1, source: 'register' });
    const y2021 = await year(coordinator, 'year=2021');
    expect(y2021.previous).toBeNull();
    await t.deps.db.insert(officialFigures).values({ year: 2020, figure: 'victims_identified', value: 20, source: 'TIP 2021', enteredBy: coordinator.user.id });
    expect((await year(coordinator, 'year=2021')).previous).toEqual({ year: 2020, victims: 20, source: 'official' });
    const trend = (await coordinator.inject({ method: 'GET', url: '/api/v1/statistics/trend?from=2019&to=2022' })).json();
    expect(trend.points).toEqual([
      { year: 2019, victims: null, source: null },
      { year: 2020, victims: 20, source: 'official' },
      { year: 2021, victims: 1, source: 'register' },
      { year: 2022, victims: 3, source: 'register' },
    ]);
  });

  it('filters by category, and a regional reader counts her region only', async () => {
    expect((await year(coordinator, 'year=2022&citizenGroup=foreign')).victims.total).toBe(1);
    expect((await year(coordinator, 'year=2022&ageGroup=child&region=KZ-71')).victims.total).toBe(1);
    const mine = await year(regional, 'year=2022');
    expect(mine.regions).toEqual(['KZ-71']);
    // Aigerim's first-decision record is in Almaty: the Astana prosecutor counts the two found there.
    expect(mine.victims.total).toBe(2);
    expect(mine.notifications.anonymousScreenings).toBe(1);
  });

  it('keeps what it counted for a regional reader for her alone: her own records elsewhere count for her, not for a colleague', async () => {
    // Another unit of the same region (her own agency's records would be in scope through the agency).
    const colleague = await t.as('identification_officer', { agencyId: await t.createAgency({ type: 'police', regionCode: 'KZ-71' }), regions: ['KZ-71'] });
    const before = (await year(astana, 'year=2023')).victims.total;
    expect((await year(colleague, 'year=2023')).victims.total).toBe(before);
    // The Astana officer records a victim met in Almaty: in her scope as its author, not in her colleague's.
    await identify(
      astana,
      '2023-03-03',
      { firstName: 'Malika', secondName: 'Yusupova', citizenship: 'UZ', birthdate: '1995-05-05' },
      ['ForcedLabour'],
      'KZ-75',
    );
    at('2026-12-06');
    expect((await year(astana, 'year=2023')).victims.total).toBe(before + 1);
    expect((await year(colleague, 'year=2023')).victims.total).toBe(before);
  });

  it('shows the map per region with the coverage gap', async () => {
    const res = (await coordinator.inject({ method: 'GET', url: '/api/v1/statistics/regions?year=2022' })).json();
    expect(res.regions).toHaveLength(20);
    const astanaRow = res.regions.find((r: { region: string }) => r.region === 'KZ-71');
    // Three NRM cases were opened there (Aigerim's second record among them); she counts as a victim in Almaty.
    expect(astanaRow).toMatchObject({ victims: 2, cases: 3, providers: 0, victimsWithoutLocalService: 2 });
  });

  it('lists the records behind a figure for those who may open them, audited', async () => {
    const res = await coordinator.inject({ method: 'GET', url: '/api/v1/statistics/records?year=2022&form=ForcedLabour' });
    expect(res.statusCode).toBe(200);
    const page = res.json() as StatisticsRecords;
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ region: 'KZ-71', form: 'ForcedLabour', identifiedOn: '2022-04-01' });
    expect(page.items[0]?.pseudonym).not.toBe('');
    expect(JSON.stringify(page)).not.toContain('Dilnoza');
    const audited = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.operation, 'statistics.records_listed'), eq(auditLog.actorId, coordinator.user.id)));
    expect(audited).toHaveLength(1);
    // The analyst counts but never lists; the Astana prosecutor lists only what she may open.
    expect((await analyst.inject({ method: 'GET', url: '/api/v1/statistics/records?year=2022' })).statusCode).toBe(403);
    expect((await year(analyst, 'year=2022')).victims.total).toBe(3);
    const hers = (await regional.inject({ method: 'GET', url: '/api/v1/statistics/records?year=2022' })).json() as StatisticsRecords;
    expect(hers.items.map((i) => i.region)).toEqual(['KZ-71', 'KZ-71']);
  });

  it('lists as many records as each figure counts, page by page (filtered and paged in the database)', async () => {
    const figures = (await year(coordinator, 'year=2022')).victims;
    const dimensions = [
      ['form', figures.byForm],
      ['citizenGroup', figures.byCitizenGroup],
      ['sex', figures.bySex],
      ['ageGroup', figures.byAgeGroup],
      ['region', figures.byRegion],
      ['agencyType', figures.byAgencyType],
    ] as const;
    for (const [dimension, breakdown] of dimensions) {
      for (const { category, n } of breakdown) {
        const res = await coordinator.inject({ method: 'GET', url: `/api/v1/statistics/records?year=2022&${dimension}=${category}&pageSize=100` });
        expect(res.statusCode, `${dimension}=${category}`).toBe(200);
        const listed = res.json() as StatisticsRecords;
        // The total, and the records actually listed (filtered in SQL), both match the figure.
        expect(listed.total, `${dimension}=${category}`).toBe(n);
        expect(listed.items, `${dimension}=${category}`).toHaveLength(n);
      }
    }
    // The list's own count (used when a reader lists in a narrower scope than she counts in) agrees with the figure too.
    const actor: Actor = {
      userId: coordinator.user.id,
      role: coordinator.user.role,
      agencyId: coordinator.user.agencyId,
      jurisdiction: { national: true, regions: [] },
    };
    for (const [dimension, breakdown] of dimensions) {
      for (const { category, n } of breakdown) {
        const own = await victimRecords(t.deps.db, actor, 2022, { [dimension]: category }, { page: 1, pageSize: 1 });
        expect(own.total, `${dimension}=${category}`).toBe(n);
      }
    }
    const whole = (await coordinator.inject({ method: 'GET', url: '/api/v1/statistics/records?year=2022' })).json() as StatisticsRecords;
    const walked: string[] = [];
    for (let p = 1; p <= whole.total + 1; p++) {
      const page = (await coordinator.inject({ method: 'GET', url: `/api/v1/statistics/records?year=2022&pageSize=1&page=${p}` })).json() as StatisticsRecords;
      expect(page.total).toBe(whole.total);
      walked.push(...page.items.map((i) => i.personId));
    }
    expect(walked).toEqual(whole.items.map((i) => i.personId));
    expect(whole.items.map((i) => i.identifiedOn)).toEqual([...whole.items.map((i) => i.identifiedOn)].sort().reverse());
  });

  it('publishes the tables suppressed and formula-safe, for those who may generate reports only', async () => {
    const csv = await coordinator.inject({ method: 'GET', url: '/api/v1/statistics/tables?year=2022&format=csv&lang=ru' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const rows = parse(csv.body.replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];
    // Three victims in all: every non-zero count is "<11" or hidden, and the truth (1, 2, 3) never appears.
    const counts = rows
      .slice(2)
      .map((r) => r[r.length - 1])
      .filter((v) => v !== undefined && v !== '');
    expect(counts.length).toBeGreaterThan(10);
    for (const v of counts.filter((v) => /^\d+$/.test(v as string))) expect(v).toBe('0');
    expect(counts).toContain('<11');
    expect(csv.body).toContain('По форме эксплуатации и гражданству');
    const xlsx = await analyst.inject({ method: 'GET', url: '/api/v1/statistics/tables?year=2022' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await regional.inject({ method: 'GET', url: '/api/v1/statistics/tables?year=2022' })).statusCode).toBe(403);
  });

  it('refuses a future year and a bad range with field messages', async () => {
    const future = await coordinator.inject({ method: 'GET', url: '/api/v1/statistics/year?year=2027' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields[0]).toMatchObject({ path: 'year', code: 'year_in_future' });
    const range = await coordinator.inject({ method: 'GET', url: '/api/v1/statistics/trend?from=2022&to=2020' });
    expect(range.statusCode).toBe(400);
    const bad = await coordinator.inject({ method: 'GET', url: '/api/v1/statistics/year?year=twenty' });
    expect(bad.statusCode).toBe(400);
  });

  it('counts again as soon as the register changes (the cached cube follows the data version)', async () => {
    expect((await year(coordinator, 'year=2022')).victims.total).toBe(3);
    await identify(
      astana,
      '2022-09-01',
      { firstName: 'Zarina', secondName: 'Tokhirova', citizenship: 'TJ', birthdate: '1999-09-09' },
      ['ForcedLabour'],
      'KZ-71',
    );
    at('2026-12-06');
    const after = await year(coordinator, 'year=2022');
    expect(after.victims.total).toBe(4);
    expect(after.victims.byCitizenship.find((c) => c.category === 'TJ')?.n).toBe(1);
  });

  // Only a server runs transactions side by side: the embedded database has one connection.
  it.runIf(kind === 'postgres')('forgets what it counted while a write was running, once the write commits', async () => {
    const before = await year(coordinator, 'year=2022');
    const screenings = before.screenings.total;
    const reversed = await t.deps.db.transaction(async (tx) => {
      // Inside the writing transaction, before it commits: the figure counted now cannot see it.
      const [row] = rowsOf<{ id: string }>(
        await tx.execute(sql`UPDATE cases SET trafficking_status = 'NotAVictimOfTrafficking'
          WHERE id = (SELECT case_id FROM victim_first_identifications WHERE on_day LIKE '2022-%' ORDER BY on_day DESC LIMIT 1) RETURNING id`),
      );
      expect((await year(coordinator, 'year=2022')).victims.total).toBe(before.victims.total);
      return row?.id as string;
    });
    // The commit's notice arrives asynchronously: the kept figure is then forgotten.
    await vi.waitFor(async () => expect((await year(coordinator, 'year=2022')).victims.total).toBe(before.victims.total - 1), { timeout: 10_000 });
    await t.deps.db.execute(sql`UPDATE cases SET trafficking_status = 'ActualVictimOfTrafficking' WHERE id = ${reversed}`);
    await vi.waitFor(async () => expect((await year(coordinator, 'year=2022')).victims.total).toBe(before.victims.total), { timeout: 10_000 });
    expect((await year(coordinator, 'year=2022')).screenings.total).toBe(screenings);
  });
});
