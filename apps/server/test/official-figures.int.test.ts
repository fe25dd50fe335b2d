import { randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromDayNumber, kazakhstanDate, type OfficialFigure, toDayNumber } from '@qorgau/core';
import { rowsOf } from '../src/db/client.ts';
import { auditLog, officialFigures as figuresTable, referrals } from '../src/db/schema.ts';
import { officialFigure, officialFigures } from '../src/modules/official-figures/official-figures.repository.ts';
import { childCase, recordConsent, referralBody, referralScene } from './referral-fixtures.ts';
import { createTestApp, personBody, type Session, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

/**
 * Official figures of years before the register and events entered late (issue #13 item 7):
 * the coordinator enters and imports the figures (all rows or none, row by row issues), the
 * statistics engine reads them; a decision recorded after the fact carries its day, bounded.
 */
describeEachDb('official figures and late entries', (kind) => {
  let t: TestApp;
  let coordinator: Session;
  let analyst: Session;
  const URL = '/api/v1/statistics/official-figures';
  const SRC = 'MVD RK annual report 2021';
  const fields = (res: { json(): unknown }) => (res.json() as { error: { fields: { path: string; code: string; message: string }[] } }).error.fields;
  const csv = (lines: string[]) => `year,figure,dimension,category,value,source\n${lines.join('\n')}\n`;
  const importCsv = (s: Session, body: string, dryRun = false) =>
    s.inject({ method: 'POST', url: `${URL}/import${dryRun ? '?dryRun=true' : ''}`, headers: { 'content-type': 'text/csv' }, payload: body });
  const list = async (s: Session, q = '') => ((await s.inject({ method: 'GET', url: `${URL}${q}` })).json() as { items: OfficialFigure[] }).items;
  const lastAudit = async (operation: string) =>
    (
      await t.deps.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.operation, operation as never))
        .orderBy(desc(auditLog.at))
        .limit(1)
    )[0];

  beforeAll(async () => {
    t = await createTestApp(kind);
    const ministry = await t.createAgency({ type: 'administration', regionCode: null });
    coordinator = await t.as('national_coordinator', { agencyId: ministry, regions: 'national' });
    analyst = await t.as('analyst', { agencyId: ministry, regions: 'national' });
  });
  afterAll(() => t.close());

  describe('official figures', () => {
    it("enters 2021's 20 victims with a breakdown, audited with old and new values, and the engine reads them", async () => {
      const res = await coordinator.inject({
        method: 'PUT',
        url: URL,
        payload: {
          year: 2021,
          figure: 'victims_identified',
          value: 20,
          source: SRC,
          breakdown: [
            { dimension: 'sex', category: 'female', value: 14 },
            { dimension: 'sex', category: 'male', value: 6 },
          ],
        },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().registerYear).toBe(false);
      const items = await list(analyst, '?from=2021&to=2021');
      expect(items.map((i) => [i.dimension, i.category, i.value, i.source])).toEqual([
        ['', '', 20, SRC],
        ['sex', 'female', 14, SRC],
        ['sex', 'male', 6, SRC],
      ]);
      expect(await officialFigure(t.deps.db, 2021, 'victims_identified')).toEqual({ value: 20, source: SRC });
      expect(await officialFigure(t.deps.db, 2021, 'victims_identified', 'sex', 'female')).toEqual({ value: 14, source: SRC });
      expect(await officialFigure(t.deps.db, 2020, 'victims_identified')).toBeNull();
      expect([...(await officialFigures(t.deps.db, 2015, 2025, 'victims_identified'))]).toEqual([[2021, { value: 20, source: SRC }]]);

      // A correction: the audit keeps the old and the new value.
      const again = await coordinator.inject({ method: 'PUT', url: URL, payload: { year: 2021, figure: 'victims_identified', value: 21, source: SRC } });
      expect(again.statusCode, again.body).toBe(200);
      const entry = await lastAudit('official_figure.set');
      expect(entry?.details).toMatchObject({ year: 2021, figure: 'victims_identified', changes: [{ dimension: '', category: '', old: 20, new: 21 }] });
      expect(entry?.actorId).toBe(coordinator.user.id);
    });

    it('refuses a breakdown over its total, a future year, a breakdown the figure does not have: field messages, nothing written', async () => {
      const before = await list(analyst);
      const put = (payload: object) => coordinator.inject({ method: 'PUT', url: URL, payload: { figure: 'victims_identified', source: SRC, ...payload } });
      const over = await put({ year: 2020, value: 5, breakdown: [{ dimension: 'ageGroup', category: 'child', value: 6 }] });
      expect(over.statusCode).toBe(400);
      expect(fields(over)).toEqual([expect.objectContaining({ path: 'breakdown.0.value', code: 'breakdown_exceeds_total' })]);
      expect(fields(over)[0]?.message).toContain('6');
      const nextYear = Number(kazakhstanDate(new Date()).slice(0, 4)) + 1;
      const future = await put({ year: nextYear, value: 5 });
      expect(future.statusCode).toBe(400);
      expect(fields(future).map((f) => `${f.path}:${f.code}`)).toEqual(['year:year_in_future']);
      const noBreakdown = await coordinator.inject({
        method: 'PUT',
        url: URL,
        payload: { year: 2020, figure: 'convictions', value: 3, source: SRC, breakdown: [{ dimension: 'sex', category: 'female', value: 1 }] },
      });
      expect(fields(noBreakdown).map((f) => `${f.path}:${f.code}`)).toEqual(['breakdown.0.dimension:figure_has_no_breakdown']);
      expect(await list(analyst)).toEqual(before);
    });

    it('imports a file in one transaction, audited once with its SHA-256; importing it again changes nothing', async () => {
      const file = csv([
        `2019,victims_identified,,,"1 200",${SRC}`,
        `2019,victims_identified,citizenGroup,citizen,1000,${SRC}`,
        `2019,victims_identified,citizenGroup,foreign,150,${SRC}`,
        `2019,convictions,,,12,"Supreme Court, 2019"`,
      ]);
      const dry = await importCsv(coordinator, file, true);
      expect(dry.statusCode, dry.body).toBe(200);
      expect(dry.json()).toMatchObject({ dryRun: true, rows: 4, created: 4, updated: 0, unchanged: 0 });
      expect(await officialFigure(t.deps.db, 2019, 'victims_identified')).toBeNull();

      const first = await importCsv(coordinator, file);
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toMatchObject({ dryRun: false, rows: 4, created: 4 });
      expect(await officialFigure(t.deps.db, 2019, 'victims_identified')).toEqual({ value: 1200, source: SRC });
      expect(await officialFigure(t.deps.db, 2019, 'convictions')).toEqual({ value: 12, source: 'Supreme Court, 2019' });
      const entry = await lastAudit('official_figure.imported');
      expect(entry?.details).toMatchObject({ sha256: first.json().sha256, rows: 4 });
      expect(first.json().sha256).toMatch(/^[0-9a-f]{64}$/);

      const rowsBefore = await t.deps.db.select().from(figuresTable);
      const second = await importCsv(coordinator, file);
      expect(second.json()).toMatchObject({ rows: 4, created: 0, updated: 0, unchanged: 4 });
      const rowsAfter = await t.deps.db.select().from(figuresTable);
      expect(rowsAfter.map((r) => [r.id, r.value]).sort()).toEqual(rowsBefore.map((r) => [r.id, r.value]).sort());
    });

    it('reports a file with several kinds of bad rows row by row, translated, and writes nothing', async () => {
      const before = await t.deps.db.select().from(figuresTable);
      const nextYear = Number(kazakhstanDate(new Date()).slice(0, 4)) + 1;
      const res = await coordinator.inject({
        method: 'POST',
        url: `${URL}/import`,
        headers: { 'content-type': 'text/csv', 'accept-language': 'ru' },
        payload: csv([
          `2018,victims_identified,,,30,${SRC}`,
          `${nextYear},victims_identified,,,5,${SRC}`,
          `2018,victims_found,,,5,${SRC}`,
          `2018,victims_identified,sex,woman,5,${SRC}`,
          `2018,prosecutions,,,"1,200",${SRC}`,
          '2018,investigations,,,4,',
        ]),
      });
      expect(res.statusCode).toBe(400);
      expect(fields(res).map((f) => `${f.path}:${f.code}`)).toEqual([
        'rows.3.year:year_in_future',
        'rows.4.figure:invalid_value',
        'rows.5.category:invalid_value',
        'rows.6.value:value_not_whole_number',
        'rows.7.source:required',
      ]);
      expect(fields(res)[3]?.message).toMatch(/пробел/);
      expect(await t.deps.db.select().from(figuresTable)).toEqual(before);
      expect(await officialFigure(t.deps.db, 2018, 'victims_identified')).toBeNull();
    });

    it('names the row of a file it cannot parse (an unclosed quote)', async () => {
      const res = await importCsv(coordinator, csv(['2016,convictions,,,3,ok', '2016,prosecutions,,,"4,broken']));
      expect(res.statusCode).toBe(400);
      expect(fields(res).map((f) => f.code)).toEqual(['csv_malformed']);
      expect(await officialFigure(t.deps.db, 2016, 'convictions')).toBeNull();
    });

    it('refuses a file without its columns, and an empty file, with a message', async () => {
      const noColumns = await importCsv(coordinator, 'year;value\n2018;3\n');
      expect(fields(noColumns).map((f) => f.code)).toEqual(['column_missing', 'column_missing', 'column_missing', 'column_missing']);
      const empty = await importCsv(coordinator, '');
      expect(empty.statusCode).toBe(400);
    });

    it('refuses a non-coordinator, and lets her delete one figure, audited', async () => {
      const put = await analyst.inject({ method: 'PUT', url: URL, payload: { year: 2017, figure: 'convictions', value: 3, source: SRC } });
      expect(put.statusCode).toBe(403);
      const imp = await importCsv(analyst, csv([`2017,convictions,,,3,${SRC}`]));
      expect(imp.statusCode).toBe(403);
      const [target] = (await list(analyst, '?from=2019&to=2019')).filter((f) => f.figure === 'convictions');
      expect((await analyst.inject({ method: 'DELETE', url: `${URL}/${target?.id}` })).statusCode).toBe(403);
      expect((await coordinator.inject({ method: 'DELETE', url: `${URL}/${target?.id}` })).statusCode).toBe(204);
      expect(await officialFigure(t.deps.db, 2019, 'convictions')).toBeNull();
      expect((await lastAudit('official_figure.deleted'))?.details).toMatchObject({ year: 2019, figure: 'convictions', old: 12 });
    });
  });

  describe('a decision recorded after the fact', () => {
    let officer: Session;
    let caseId: string;
    const today = () => kazakhstanDate(new Date());
    const daysAgo = (n: number) => fromDayNumber(toDayNumber(today()) - n);
    const act = (action: object) => officer.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/actions`, payload: { clientId: randomUUID(), action } });
    const decide = (occurredOn?: string) =>
      act({ type: 'identification_decided', outcome: 'ActualVictimOfTrafficking', reasons: 'Decided on paper', ...(occurredOn ? { occurredOn } : {}) });

    beforeAll(async () => {
      const unit = await t.createAgency({ type: 'police', regionCode: 'KZ-75' });
      officer = await t.as('identification_officer', { agencyId: unit, regions: ['KZ-75'] });
      const personId = (await officer.inject({ method: 'POST', url: '/api/v1/persons', payload: personBody() })).json().id;
      caseId = (
        await officer.inject({
          method: 'POST',
          url: '/api/v1/cases',
          payload: { clientId: randomUUID(), personId, regionCode: 'KZ-75', exploitationTypes: [] },
        })
      ).json().id;
    });

    it('refuses a day in the future or more than a year back with a field message, and writes nothing', async () => {
      const future = await decide(daysAgo(-1));
      expect(future.statusCode).toBe(400);
      expect(fields(future).map((f) => `${f.path}:${f.code}`)).toEqual(['action.occurredOn:date_in_future']);
      const tooEarly = await decide(daysAgo(366));
      expect(tooEarly.statusCode).toBe(400);
      expect(fields(tooEarly)).toEqual([expect.objectContaining({ path: 'action.occurredOn', code: 'occurred_too_early' })]);
      expect(fields(tooEarly)[0]?.message).toContain(daysAgo(365));
      const c = (await officer.inject({ method: 'GET', url: `/api/v1/cases/${caseId}` })).json();
      expect(c.actions.map((a: { type: string }) => a.type)).toEqual(['opened']);
    });

    it('stores the day it happened, audits both dates, shows it in the history, and bounds a later review by it', async () => {
      const day = daysAgo(40);
      const res = await decide(day);
      expect(res.statusCode, res.body).toBe(200);
      const decided = res.json().actions.at(-1);
      expect(decided).toMatchObject({ type: 'identification_decided', details: { occurredOn: day } });
      expect(kazakhstanDate(new Date(decided.at))).toBe(today());
      const [entry] = await t.deps.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.recordId, caseId), eq(auditLog.operation, 'case.action_appended')));
      expect(entry?.details).toMatchObject({ type: 'identification_decided', occurredOn: day, recordedOn: today() });
      // The statistics' year rule reads the same day (coalesce(details->>'occurredOn', the recorded day)).
      const [stored] = rowsOf<{ on_day: string }>(
        await t.deps.db.execute(
          sql`SELECT coalesce(details->>'occurredOn', to_char(at AT TIME ZONE 'Asia/Almaty', 'YYYY-MM-DD')) AS on_day FROM case_actions WHERE case_id = ${caseId} AND type = 'identification_decided'`,
        ),
      );
      expect(stored?.on_day).toBe(day);

      const review = (occurredOn: string) =>
        act({ type: 'identification_reviewed', kind: 'review', outcome: 'ActualVictimOfTrafficking', reasons: 'Confirmed', occurredOn });
      const beforeDecision = await review(daysAgo(41));
      expect(fields(beforeDecision)).toEqual([expect.objectContaining({ path: 'action.occurredOn', code: 'occurred_before_earlier_event' })]);
      const after = await review(daysAgo(10));
      expect(after.statusCode, after.body).toBe(200);
      expect(after.json().actions.at(-1).details).toMatchObject({ kind: 'review', occurredOn: daysAgo(10) });
    });

    it('a referral recorded later carries its day on the referral and the case, audited with both dates; the future is refused', async () => {
      const scene = await referralScene(t);
      const { personId, caseId: childCaseId } = await childCase(scene.officer);
      const consentId = await recordConsent(scene.officer, personId, scene.childShelter);
      const refer = (occurredOn: string) =>
        scene.officer.inject({
          method: 'POST',
          url: '/api/v1/referrals',
          payload: { ...referralBody(childCaseId, scene.childShelter, { consentId }), occurredOn },
        });
      const future = await refer(daysAgo(-2));
      expect(future.statusCode).toBe(400);
      expect(fields(future).map((f) => `${f.path}:${f.code}`)).toEqual(['occurredOn:date_in_future']);
      const res = await refer(daysAgo(3));
      expect(res.statusCode, res.body).toBe(200);
      const referralId = res.json().id as string;
      const c = (await scene.officer.inject({ method: 'GET', url: `/api/v1/cases/${childCaseId}` })).json();
      expect(c.actions.at(-1)).toMatchObject({ type: 'referred', details: { referralId, occurredOn: daysAgo(3) } });
      const [entry] = await t.deps.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.recordId, referralId), eq(auditLog.operation, 'referral.created')));
      expect(entry?.details).toMatchObject({ occurredOn: daysAgo(3), recordedOn: today() });
      // The referral itself holds the day it was made: the statistics count it in that day's year.
      const [row] = await t.deps.db.select({ referredOn: referrals.referredOn }).from(referrals).where(eq(referrals.id, referralId));
      expect(row?.referredOn).toBe(daysAgo(3));
    });
  });
});
