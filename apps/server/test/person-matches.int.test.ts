import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditLog } from '../src/db/schema.ts';
import { createTestApp, personBody, type Session, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

describeEachDb('duplicate check at intake', (kind) => {
  let t: TestApp;
  let worker: Session;
  let existing: { id: string };
  beforeAll(async () => {
    t = await createTestApp(kind);
    worker = await t.as('case_worker');
    existing = (await worker.inject({ method: 'POST', url: '/api/v1/persons', payload: personBody({ identityNumber: '990412400123' }) })).json();
    // Same given name, different surname: a different person who must not be proposed.
    await worker.inject({ method: 'POST', url: '/api/v1/persons', payload: personBody({ secondName: 'Серікова', birthdate: '1985-01-01' }) });
  });
  afterAll(() => t.close());

  const matches = (probe: object, s = worker) => s.inject({ method: 'POST', url: '/api/v1/persons/matches', payload: probe });

  it('proposes the existing record for another spelling of the name, ranked by agreement', async () => {
    const res = await matches({ firstName: 'AIGERIM', secondName: 'NURLANKYZY', birthdate: '1999-04-12' });
    expect(res.statusCode).toBe(200);
    const [top, ...rest] = res.json().candidates;
    expect(top.person.id).toBe(existing.id);
    expect(top.reasons).toEqual(expect.arrayContaining(['all_name_parts', 'birthdate']));
    expect(rest.every((c: { score: number }) => c.score <= top.score)).toBe(true);
  });

  it('a shared given name alone is not a match; a document number is', async () => {
    const weak = (await matches({ firstName: 'Әйгерім', secondName: 'Жақсыбекова' })).json();
    expect(weak.candidates).toEqual([]);
    const doc = (await matches({ firstName: 'Zarina', secondName: 'Other', identityNumber: '9904 1240 0123' })).json();
    expect(doc.candidates[0]).toMatchObject({ person: { id: existing.id }, reasons: ['document'] });
  });

  it("never proposes persons outside the officer's identity scope", async () => {
    const stranger = await t.as('case_worker', { regions: ['KZ-71'] });
    const res = (await matches({ firstName: 'Aigerim', secondName: 'Nurlankyzy' }, stranger)).json();
    expect(res.candidates).toEqual([]);
  });

  it("records the officer's decision in the audit log", async () => {
    const res = await worker.inject({ method: 'POST', url: '/api/v1/persons/match-decisions', payload: { candidateId: existing.id, decision: 'same' } });
    expect(res.statusCode).toBe(200);
    const [entry] = await t.deps.db.select().from(auditLog).where(eq(auditLog.operation, 'person.match_decided')).orderBy(desc(auditLog.id)).limit(1);
    expect(entry).toMatchObject({ recordId: existing.id, details: { decision: 'same' }, actorId: worker.user.id });
  });
});
