import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseActions, cases, persons, screenings } from '../src/db/schema.ts';
import { kazakhstanDate, kazakhstanYear } from '../src/util/kazakhstan-date.ts';
import { createTestApp, personBody, type Session, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

/** 19:30 UTC on 31 December 2025 is 00:30 on 1 January 2026 in Kazakhstan (UTC+5). */
const NEW_YEAR_IN_ASTANA = new Date('2025-12-31T19:30:00Z');
/** One second before midnight in Kazakhstan: still 2025 there. */
const LAST_SECOND_OF_2025 = new Date('2025-12-31T18:59:59Z');

describe('Kazakhstan date and year from a clock', () => {
  it('turns the day and the year at 19:00 UTC', () => {
    expect(kazakhstanDate(LAST_SECOND_OF_2025)).toBe('2025-12-31');
    expect(kazakhstanDate(NEW_YEAR_IN_ASTANA)).toBe('2026-01-01');
    expect(kazakhstanYear(LAST_SECOND_OF_2025)).toBe(2025);
    expect(kazakhstanYear(NEW_YEAR_IN_ASTANA)).toBe(2026);
    expect(kazakhstanDate(new Date('2026-06-15T18:59:59.999Z'))).toBe('2026-06-15');
    expect(kazakhstanDate(new Date('2026-06-15T19:00:00Z'))).toBe('2026-06-16');
  });
});

/**
 * Reference numbers, "today" checks and timestamps come from the injected clock in Kazakhstan's
 * time, never from the server's own clock or UTC: run at a fixed instant around New Year.
 */
describeEachDb('the injected clock around New Year in Kazakhstan', (kind) => {
  let t: TestApp;
  let worker: Session;
  let inspector: Session;
  let idUnit: string;
  const at = (instant: Date) => {
    t.deps.now = () => new Date(instant);
  };
  const screeningBody = (overrides: Record<string, unknown> = {}) => ({
    clientId: randomUUID(),
    encounterDate: '2025-12-30',
    regionCode: 'KZ-61',
    setting: 'farm',
    language: 'kk',
    interpreterUsed: false,
    observed: ['short_form.documents_withheld'],
    ageYears: 34,
    gender: 'Feminine',
    citizenship: 'UZ',
    exploitationTypes: ['ForcedLabour'],
    consent: 'identified',
    person: { firstName: 'Дильноза', secondName: 'Гуломова', birthdate: '1992-05-01' },
    ...overrides,
  });

  beforeAll(async () => {
    t = await createTestApp(kind);
    worker = await t.as('case_worker');
    const inspectorate = await t.createAgency({ type: 'labour_inspectorate', regionCode: 'KZ-61' });
    idUnit = await t.createAgency({ type: 'police', regionCode: 'KZ-61', name: 'Anti-trafficking unit' });
    inspector = await t.as('screener', { agencyId: inspectorate, regions: ['KZ-61'] });
  });
  afterAll(() => t.close());

  const openCase = async () => {
    const person = await worker.inject({ method: 'POST', url: '/api/v1/persons', payload: personBody() });
    expect(person.statusCode, person.body).toBeLessThan(300);
    const kase = await worker.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: { clientId: randomUUID(), personId: person.json().id, regionCode: 'KZ-75' },
    });
    expect(kase.statusCode, kase.body).toBeLessThan(300);
    return kase.json() as { id: string; reference: string };
  };

  it('case, screening and self-report references take the year in Kazakhstan: 2026 at 19:30 UTC on 31 December', async () => {
    at(NEW_YEAR_IN_ASTANA);
    expect((await openCase()).reference).toMatch(/^QRG-2026-\d{6}$/);
    const screening = await inspector.inject({ method: 'POST', url: '/api/v1/screenings', payload: screeningBody() });
    expect(screening.statusCode, screening.body).toBe(200);
    expect(screening.json().reference).toMatch(/^SCR-2026-\d{6}$/);
    const report = await t.app.inject({
      method: 'POST',
      url: '/api/v1/self-reports',
      payload: { reporter: 'self', language: 'kk', regionCode: 'KZ-79', whatHappened: 'Жұмыс беруші төлқұжатымды алып қойды', safeToContact: false },
    });
    expect(report.statusCode, report.body).toBe(200);
    expect(report.json().reference).toMatch(/^HR-2026-\d{6}$/);

    at(LAST_SECOND_OF_2025);
    expect((await openCase()).reference).toMatch(/^QRG-2025-\d{6}$/);
  });

  it('"today" for an encounter date is Kazakhstan\'s date of the injected clock', async () => {
    at(LAST_SECOND_OF_2025);
    const early = await inspector.inject({ method: 'POST', url: '/api/v1/screenings', payload: screeningBody({ encounterDate: '2026-01-01' }) });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields).toEqual([expect.objectContaining({ path: 'encounterDate' })]);
    at(NEW_YEAR_IN_ASTANA);
    const onTime = await inspector.inject({ method: 'POST', url: '/api/v1/screenings', payload: screeningBody({ encounterDate: '2026-01-01' }) });
    expect(onTime.statusCode, onTime.body).toBe(200);
    expect((await inspector.inject({ method: 'POST', url: '/api/v1/screenings', payload: screeningBody({ encounterDate: '2026-01-02' }) })).statusCode).toBe(
      400,
    );
  });

  it("a handover is stamped with the injected clock, and the identification clock starts on Kazakhstan's date", async () => {
    // 19:30 UTC on Thursday 8 January 2026 is already Friday 9 January in Kazakhstan.
    const fridayInAstana = new Date('2026-01-08T19:30:00Z');
    at(fridayInAstana);
    const s = (await inspector.inject({ method: 'POST', url: '/api/v1/screenings', payload: screeningBody() })).json();
    const handed = await inspector.inject({ method: 'POST', url: `/api/v1/screenings/${s.id}/handover`, payload: { toAgencyId: idUnit } });
    expect(handed.statusCode, handed.body).toBe(200);
    const [row] = await t.deps.db.select().from(screenings).where(eq(screenings.id, s.id));
    expect(row?.handedOverAt?.toISOString()).toBe(fridayInAstana.toISOString());
    expect(row?.createdAt.toISOString()).toBe(fridayInAstana.toISOString());
    const [person] = await t.deps.db
      .select()
      .from(persons)
      .where(eq(persons.id, row?.personId as string));
    expect(person?.createdAt.toISOString()).toBe(fridayInAstana.toISOString());
    // 5 working days from Friday 9 January (12-16 January), not from the UTC date, Thursday 8 January (→ 15 January).
    const [kase] = await t.deps.db.select().from(cases).where(eq(cases.id, s.caseId));
    expect(kase?.identificationDue).toBe('2026-01-16');
    // The case and every entry of its history carry the injected clock's time, not the database's.
    expect(kase?.createdAt.toISOString()).toBe(fridayInAstana.toISOString());
    const log = await t.deps.db.select().from(caseActions).where(eq(caseActions.caseId, s.caseId));
    expect(log.map((a) => [a.type, a.at.toISOString()])).toEqual([
      ['opened', fridayInAstana.toISOString()],
      ['handed_over', fridayInAstana.toISOString()],
    ]);
  });
});
