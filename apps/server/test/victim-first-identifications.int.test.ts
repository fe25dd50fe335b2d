import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { EXPLOITATION_TYPES, GENDERS, ageGroupOf, citizenGroupOf, formCategoryOf, sexCategoryOf } from '@qorgau/core';
import { rowsOf } from '../src/db/client.ts';
import { ageGroupSql, citizenGroupSql, formCategorySql, sexCategorySql } from '../src/modules/statistics/categories.sql.ts';
import { positiveDecisionsBetween } from '../src/modules/statistics/victims.repository.ts';
import { identifyThroughApi } from './identification-fixture.ts';
import { createTestApp, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

/**
 * Migration 0027 keeps each victim's first standing positive identification on write. Whatever
 * happens to the register (decisions and reviews, late entries, reversals, records joining and
 * leaving clusters, a whole re-clustering), the kept table must equal the rule computed from
 * scratch: for every victim (cluster, or record of her own) her earliest standing positive
 * decision. Random histories on the real triggers, checked after every statement.
 */
describeEachDb('victim first identifications kept on write', (kind) => {
  let t: TestApp;
  let people: { personId: string; caseId: string }[] = [];

  beforeAll(async () => {
    t = await createTestApp(kind);
    const officer = await t.as('identification_officer', { regions: ['KZ-75'] });
    people = [];
    for (let i = 0; i < 5; i++) {
      people.push(
        await identifyThroughApi(t, officer, {
          day: `2022-0${i + 1}-1${i}`,
          regionCode: 'KZ-75',
          person: { firstName: `Name${'abcde'[i]}`, secondName: 'Test', gender: 'Feminine', birthdate: `199${i}-01-01` },
          forms: [EXPLOITATION_TYPES[i % EXPLOITATION_TYPES.length] as string],
        }),
      );
    }
  });
  afterAll(() => t?.close());

  const who = fc.integer({ min: 0, max: 4 });
  const day = fc.integer({ min: 0, max: 1500 }).map((d) => new Date(Date.UTC(2020, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
  const step = fc.oneof(
    fc.record({ op: fc.constant('decide' as const), who, positive: fc.boolean(), review: fc.boolean(), day }),
    fc.record({ op: fc.constant('status' as const), who, victim: fc.boolean() }),
    fc.record({ op: fc.constant('join' as const), who, cluster: who }),
    fc.record({ op: fc.constant('leave' as const), who }),
    fc.record({ op: fc.constant('recluster' as const), groups: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 5, maxLength: 5 }) }),
  );
  type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

  class Rollback extends Error {}

  it('equals the rule computed from scratch after every write', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        await t.deps.db
          .transaction(async (tx) => {
            const run = (q: ReturnType<typeof sql>) => tx.execute(q);
            for (const s of steps) {
              await apply(run, s);
              const kept = rowsOf<Record<string, string>>(
                await tx.execute(sql`SELECT victim_key::text AS v, person_id::text, case_id::text, seq, on_day FROM victim_first_identifications ORDER BY 1`),
              );
              const scratch = rowsOf<Record<string, string>>(
                await tx.execute(sql`SELECT DISTINCT ON (d.v) d.v::text AS v, d.person_id::text, d.case_id::text, d.seq, d.on_day
                  FROM (${positiveDecisionsBetween('0000-01-01', '9999-12-31')}) d ORDER BY d.v, d.on_day, d.case_id, d.seq`),
              );
              expect(kept).toEqual(scratch);
            }
            throw new Rollback();
          })
          .catch((e: unknown) => {
            if (!(e instanceof Rollback)) throw e;
          });
      }),
      { numRuns: 25 },
    );
  });

  async function apply(run: (q: ReturnType<typeof sql>) => Promise<unknown>, s: Step) {
    if (s.op === 'decide') {
      const { caseId } = people[s.who] as { caseId: string };
      const details = { outcome: s.positive ? 'ActualVictimOfTrafficking' : 'NotAVictimOfTrafficking', occurredOn: s.day };
      await run(sql`INSERT INTO case_actions (client_id, case_id, seq, type, details, actor_id, agency_id, at)
        SELECT gen_random_uuid(), a.case_id, (SELECT max(seq) + 1 FROM case_actions WHERE case_id = a.case_id),
          ${s.review ? 'identification_reviewed' : 'identification_decided'}, ${JSON.stringify(details)}::jsonb, a.actor_id, a.agency_id, now()
        FROM case_actions a WHERE a.case_id = ${caseId} ORDER BY a.seq LIMIT 1`);
    } else if (s.op === 'status') {
      const { caseId } = people[s.who] as { caseId: string };
      await run(sql`UPDATE cases SET trafficking_status = ${s.victim ? 'ActualVictimOfTrafficking' : 'NotAVictimOfTrafficking'} WHERE id = ${caseId}`);
    } else if (s.op === 'join') {
      const p = (people[s.who] as { personId: string }).personId;
      const c = (people[s.cluster] as { personId: string }).personId;
      const values = p === c ? sql`(${c}::uuid, ${c}::uuid)` : sql`(${c}::uuid, ${c}::uuid), (${p}::uuid, ${c}::uuid)`;
      await run(sql`INSERT INTO person_clusters (person_id, cluster_id) VALUES ${values}
        ON CONFLICT (person_id) DO UPDATE SET cluster_id = excluded.cluster_id`);
    } else if (s.op === 'leave') {
      await run(sql`DELETE FROM person_clusters WHERE person_id = ${(people[s.who] as { personId: string }).personId}`);
    } else {
      // A whole re-clustering, as the bulk linkage job writes it: everything out, then the new clusters in.
      await run(sql`DELETE FROM person_clusters`);
      const rows = people.map(
        (p, i) => sql`(${p.personId}::uuid, ${(people[s.groups.indexOf(s.groups[i] as number)] as { personId: string }).personId}::uuid)`,
      );
      await run(sql`INSERT INTO person_clusters (person_id, cluster_id) VALUES ${sql.join(rows, sql`, `)}`);
    }
  }

  it("states core's categories in SQL, for every input", async () => {
    const genders = [...GENDERS, 'Unexpected', null];
    for (const g of genders) {
      const [row] = rowsOf<{ c: string }>(await t.deps.db.execute(sql`SELECT ${sexCategorySql(sql`${g}::text`)} AS c`));
      expect(row?.c, String(g)).toBe(sexCategoryOf(g));
    }
    for (const c of ['KZ', 'UZ', 'KG', 'XX', null]) {
      const [row] = rowsOf<{ c: string }>(await t.deps.db.execute(sql`SELECT ${citizenGroupSql(sql`${c}::text`)} AS c`));
      expect(row?.c, String(c)).toBe(citizenGroupOf(c));
    }
    for (const b of [null, 1950, 2003, 2004, 2005, 2021, 2022, 2023]) {
      const [row] = rowsOf<{ c: string }>(await t.deps.db.execute(sql`SELECT ${ageGroupSql(sql`${b}::int`, 2022)} AS c`));
      expect(row?.c, String(b)).toBe(ageGroupOf(b, 2022));
    }
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...EXPLOITATION_TYPES, 'sexual', 'Unknown'), { maxLength: 4 }), async (forms) => {
        const [row] = rowsOf<{ c: string }>(await t.deps.db.execute(sql`SELECT ${formCategorySql(sql`${sql.param(forms)}::text[]`)} AS c`));
        expect(row?.c).toBe(formCategoryOf(forms));
      }),
      { numRuns: 40 },
    );
  });
});
