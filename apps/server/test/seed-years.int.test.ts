import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rowsOf } from '../src/db/client.ts';
import { seedOrganisations } from '../src/seed/seed-demo.ts';
import { seedPersons } from '../src/seed/seed-persons.ts';
import { createTestApp, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

/** `qorgau seed --years N` (issue #13): the synthetic caseload spread over N years, growing, for statistics at scale. */
const NOW = new Date('2026-12-07T06:30:00Z');

describeEachDb('qorgau seed --years spreads cases and decisions over the years', (kind) => {
  let t: TestApp;
  type Row = { opened: string; decided: string | null; outcome: string | null };
  let years5: Row[];
  let evenly: Row[];

  const read = async (from: string) =>
    rowsOf<Row>(
      await t.deps.db.execute(sql`
        SELECT to_char(c.created_at AT TIME ZONE 'Asia/Almaty', 'YYYY-MM-DD') AS opened,
               to_char(a.at AT TIME ZONE 'Asia/Almaty', 'YYYY-MM-DD') AS decided, a.details->>'outcome' AS outcome
        FROM cases c JOIN persons p ON p.id = c.person_id
        LEFT JOIN case_actions a ON a.case_id = c.id AND a.type = 'identification_decided'
        WHERE p.created_at >= ${from}::timestamptz ORDER BY c.created_at`),
    );

  beforeAll(async () => {
    t = await createTestApp(kind);
    t.deps.now = () => NOW;
    await seedOrganisations(t.deps);
    // The default (no --years): the last 900 days, evenly, as before.
    const mark = new Date(0).toISOString();
    await seedPersons(t.deps, { count: 60, seed: 7 });
    evenly = await read(mark);
    await t.deps.db.execute(sql`UPDATE persons SET created_at = created_at - interval '100 years'`);
    await seedPersons(t.deps, { count: 120, seed: 7, start: 60, history: { minDaysAgo: 2, maxDaysAgo: Math.round(5 * 365.25), growth: true } });
    years5 = await read('1990-01-01');
  }, 120_000);
  afterAll(() => t?.close());

  const yearOf = (d: string) => Number(d.slice(0, 4));

  it('without --years every record opens within the last 900 days', () => {
    expect(evenly).toHaveLength(60);
    const earliest = new Date(NOW.getTime() - 901 * 86_400_000).toISOString().slice(0, 10);
    for (const r of evenly) expect(r.opened >= earliest).toBe(true);
  });

  it('with --years 5 records and decisions fall in each of the last five years, more in the later years, none in the future', () => {
    expect(years5).toHaveLength(120);
    const today = '2026-12-07';
    for (const r of years5) {
      expect(r.opened >= '2021-12-01' && r.opened <= today).toBe(true);
      if (r.decided) expect(r.decided >= r.opened && r.decided <= today).toBe(true);
    }
    const decided = years5.filter((r) => r.outcome === 'ActualVictimOfTrafficking').map((r) => yearOf(r.decided as string));
    expect(new Set(decided)).toEqual(new Set([2022, 2023, 2024, 2025, 2026]));
    const opened = years5.map((r) => yearOf(r.opened));
    const inYears = (ys: number[]) => opened.filter((y) => ys.includes(y)).length;
    expect(inYears([2025, 2026])).toBeGreaterThan(2 * inYears([2022, 2023]));
  });
});
