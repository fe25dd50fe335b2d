import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { providerBody } from './provider-fixtures.ts';
import { createTestApp, type Session, type TestApp } from './test-app.ts';
import { identifyThroughApi } from './identification-fixture.ts';
import { describeEachDb } from './test-db.ts';

/**
 * Issue #13 item 2: "With data matching the seed, the protection section must read as
 * ../shared/seeds/tip-2023-kazakhstan-protection.txt does". The data is built through the API
 * (persons, cases and decisions dated in 2022; the 2021 official figures; the year's rates and
 * shelter allocations), then the report is asked for as JSON, text and PDF.
 */
const IDENTIFIED =
  'The government identified 24 trafficking victims, compared with 20 in 2021. Of the 24 victims identified, 21 were sex trafficking victims (20 Kazakhstani citizens and one foreign national) and three were forced labor victims (two Kazakhstani citizens and one foreign national).';
const FUNDING =
  'The government allocated 101 million tenge ($218,360) in 2022, compared with 107 million tenge ($231,330) in 2021, to fund 10 trafficking shelters.';

const GIVEN = ['Айгерім', 'Жанар', 'Гүлмира', 'Салтанат', 'Динара', 'Мадина', 'Әсел', 'Камила', 'Дана', 'Алия', 'Жазира', 'Томирис'];
const FAMILY = ['Сейтқалиева', 'Байжанова', 'Омарова', 'Нұрланова'];

describeEachDb('annual report', (kind) => {
  let t: TestApp;
  let officer: Session;
  let coordinator: Session;

  const at = (day: string) => {
    t.deps.now = () => new Date(`${day}T06:00:00Z`);
  };

  // Distinct people: no two share a name and a birth date, so linkage keeps them apart.
  const identify = (i: number, citizenship: string, forms: string[]) =>
    identifyThroughApi(t, officer, {
      day: `2022-${String(1 + (i % 11)).padStart(2, '0')}-${String(3 + (i % 20)).padStart(2, '0')}`,
      regionCode: 'KZ-75',
      person: {
        firstName: GIVEN[i % GIVEN.length],
        secondName: FAMILY[Math.floor(i / GIVEN.length) % FAMILY.length],
        birthdate: `${1980 + i}-0${1 + (i % 9)}-1${i % 10}`,
        citizenship,
      },
      forms,
    });

  const report = (query: string) => coordinator.inject({ method: 'GET', url: `/api/v1/statistics/report?${query}` });

  beforeAll(async () => {
    t = await createTestApp(kind);
    officer = await t.as('identification_officer', { regions: ['KZ-75'] });
    coordinator = await t.as('national_coordinator', { regions: 'national' });
    const admin = await t.as('administrator', { regions: 'national' });
    // 24 victims in 2022: 21 sexually exploited (20 citizens, one Uzbek), three in forced labour (two citizens, one Kyrgyz).
    let i = 0;
    for (; i < 20; i++) await identify(i, 'KZ', ['SexualExploitation']);
    await identify(i++, 'UZ', ['SexualExploitation']);
    for (; i < 23; i++) await identify(i, 'KZ', ['ForcedLabour']);
    await identify(i++, 'KG', ['ForcedLabour']);
    at('2026-12-06');

    const put = (url: string, payload: object) => coordinator.inject({ method: 'PUT', url, payload });
    for (const [figure, value] of [
      ['victims_identified', 20],
      ['shelter_funding_tenge', 107_000_000],
      ['shelters_funded', 10],
    ] as const) {
      expect((await put('/api/v1/statistics/official-figures', { year: 2021, figure, value, source: 'TIP report 2022' })).statusCode).toBe(200);
    }
    for (const year of [2021, 2022]) {
      expect((await put(`/api/v1/statistics/exchange-rates/${year}`, { tengePerUsd: 462.54, source: 'TIP report 2023' })).statusCode).toBe(200);
    }
    const shelterAgency = await t.createAgency({ type: 'shelter', regionCode: 'KZ-75' });
    for (let s = 0; s < 10; s++) {
      const shelter = await admin.inject({ method: 'POST', url: '/api/v1/providers', payload: providerBody(shelterAgency) });
      expect(shelter.statusCode).toBe(200);
      const allocation = await coordinator.inject({
        method: 'POST',
        url: '/api/v1/statistics/allocations',
        payload: {
          clientId: randomUUID(),
          year: 2022,
          purpose: 'shelter',
          providerId: shelter.json().id,
          regionCode: 'KZ-75',
          amountTenge: 10_100_000,
          source: 'Ministry of Labour',
        },
      });
      expect(allocation.statusCode).toBe(200);
    }
  }, 300_000);
  afterAll(() => t.close());

  it('writes the protection section as the seed does, from data entered through the API', async () => {
    const res = await report('year=2022&lang=en&format=json');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { text: { sections: { key: string; paragraphs: string[] }[] } };
    const protection = body.text.sections.find((s) => s.key === 'protection')?.paragraphs.join(' ') ?? '';
    expect(protection).toContain(IDENTIFIED);
    expect(protection).toContain(FUNDING);
  });

  it('gives the same text as plain text and as a PDF, and in Russian with its own plural forms', async () => {
    const text = await report('year=2022&lang=en&format=text');
    expect(text.headers['content-type']).toContain('text/plain');
    expect(text.body).toContain(IDENTIFIED);
    const pdf = await report('year=2022&lang=kk&format=pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const ru = await report('year=2022&lang=ru&format=text');
    expect(ru.body).toContain('24 жертвы');
    expect(ru.body).toContain('2021');
  });

  it('suppresses small cells in the public edition', async () => {
    const res = await report('year=2022&lang=en&format=json&edition=public');
    const body = res.json() as { facts: { edition: string; identification: { victims: number | string; byForm: { form: string; foreign: unknown }[] } } };
    expect(body.facts.edition).toBe('public');
    expect(body.facts.identification.victims).toBe(24);
    // One foreign national in each form: never printed in the public edition.
    for (const f of body.facts.identification.byForm) expect(typeof f.foreign === 'number' && f.foreign > 0 && f.foreign < 11).toBe(false);
    expect(JSON.stringify(body)).not.toContain('one foreign national');
  });

  it('refuses a future year, a year without data, and an unknown language with field messages', async () => {
    const future = await report('year=2030');
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields[0]).toMatchObject({ path: 'year', code: 'year_in_future' });
    const empty = await report('year=2010');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields[0]).toMatchObject({ path: 'year', code: 'year_without_data' });
    const lang = await report('year=2022&lang=de');
    expect(lang.statusCode).toBe(400);
    expect(lang.json().error.fields[0].path).toBe('lang');
  });
});
