import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, criminalCases, legalAidAssignments, legalServices, proceedingVictims } from '../src/db/schema.ts';
import { rowsOf } from '../src/db/client.ts';
import { criminalCaseScope } from '../src/modules/justice/criminal-case-scope.ts';
import { createTestApp, personBody, type Session, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

/** Legal aid (issue #11 items 5 and 6): a lawyer sees her client through her open assignment only. */
describeEachDb('legal aid', (kind) => {
  let t: TestApp;
  let worker: Session;
  let lawyer: Session;
  let otherLawyer: Session;
  let screener: Session;
  let client: string;
  let stranger: string;
  let assignmentId: string;
  const clock = new Date('2026-11-25T06:00:00Z');

  const assign = (s: Session, personId: string, over: object = {}) =>
    s.inject({
      method: 'POST',
      url: `/api/v1/persons/${personId}/legal-aid`,
      payload: { clientId: randomUUID(), lawyerId: lawyer.user.id, funding: 'pro_bono', assignedOn: '2026-11-20', ...over },
    });
  const serve = (s: Session, id: string, over: object = {}) =>
    s.inject({
      method: 'POST',
      url: `/api/v1/legal-aid/${id}/services`,
      payload: { clientId: randomUUID(), deliveredOn: '2026-11-24', service: 'consultation', hours: 1.5, ...over },
    });
  const count = async (table: typeof legalServices | typeof legalAidAssignments) =>
    Number(rowsOf<{ n: number }>(await t.deps.db.execute(sql`SELECT count(*)::int AS n FROM ${table}`))[0]?.n);
  const audits = async (operation: string) =>
    (await t.deps.db.select({ details: auditLog.details }).from(auditLog).where(eq(auditLog.operation, operation))).map(
      (r) => r.details as Record<string, unknown>,
    );

  beforeAll(async () => {
    t = await createTestApp(kind);
    t.deps.now = () => clock;
    const ngo = await t.createAgency({ type: 'ngo', regionCode: 'KZ-75' });
    worker = await t.as('case_worker', { agencyId: ngo, regions: ['KZ-75'] });
    const bar = await t.createAgency({ type: 'ngo', regionCode: 'KZ-75', name: 'Legal clinic' });
    lawyer = await t.as('lawyer', { agencyId: bar, regions: ['KZ-75'] });
    otherLawyer = await t.as('lawyer', { agencyId: bar, regions: ['KZ-75'] });
    screener = await t.as('screener', { regions: ['KZ-75'] });
    client = (await worker.inject({ method: 'POST', url: '/api/v1/persons', payload: personBody({ firstName: 'Айгүл' }) })).json().id;
    stranger = (await worker.inject({ method: 'POST', url: '/api/v1/persons', payload: personBody({ firstName: 'Сәуле' }) })).json().id;
  });
  afterAll(() => t.close());

  describe('in order', () => {
    it('before any assignment the lawyer sees nobody', async () => {
      expect((await lawyer.inject({ method: 'GET', url: `/api/v1/persons/${client}` })).statusCode).toBe(404);
      expect((await lawyer.inject({ method: 'GET', url: `/api/v1/persons/${client}/legal-aid` })).statusCode).toBe(404);
      expect((await lawyer.inject({ method: 'GET', url: '/api/v1/clients' })).json().items).toEqual([]);
    });

    it('refuses a screener (403), a non-lawyer (400 lawyerId), a future date; nothing written', async () => {
      const before = await count(legalAidAssignments);
      const auditsBefore = (await audits('redress.acted')).length;
      const byScreener = await assign(screener, client);
      expect(byScreener.statusCode).toBe(403);
      const notLawyer = await assign(worker, client, { lawyerId: screener.user.id });
      expect(notLawyer.statusCode).toBe(400);
      expect(notLawyer.json().error.fields).toEqual([expect.objectContaining({ path: 'lawyerId', code: 'not_a_lawyer' })]);
      const future = await assign(worker, client, { assignedOn: '2026-11-26' });
      expect(future.statusCode).toBe(400);
      expect(future.json().error.fields[0]).toMatchObject({ path: 'assignedOn', code: 'date_in_future' });
      // A criminal case outside the case worker's reading (she reads none) is not found, field-level.
      const noCase = await assign(worker, client, { criminalCaseId: randomUUID() });
      expect(noCase.json().error.fields[0]).toMatchObject({ path: 'criminalCaseId', code: 'not_found' });
      expect(await count(legalAidAssignments)).toBe(before);
      expect((await audits('redress.acted')).length).toBe(auditsBefore);
    });

    it('the lawyer list for the assign form holds active lawyers of the region only', async () => {
      const far = await t.as('lawyer', { regions: ['KZ-71'] });
      const ids = (await worker.inject({ method: 'GET', url: '/api/v1/lawyers?region=KZ-75' })).json().items.map((l: { id: string }) => l.id);
      expect(ids).toEqual(expect.arrayContaining([lawyer.user.id, otherLawyer.user.id]));
      expect(ids).not.toContain(far.user.id);
      expect(ids).not.toContain(screener.user.id);
      const l = (await worker.inject({ method: 'GET', url: '/api/v1/lawyers' })).json().items.find((x: { id: string }) => x.id === lawyer.user.id);
      expect(l.agencyName.en).toBe('Legal clinic');
      expect((await screener.inject({ method: 'GET', url: '/api/v1/lawyers' })).statusCode).toBe(403);
    });

    it('a case worker assigns the lawyer (pro bono) to a victim of her agency; the same again is a conflict; a replay is not', async () => {
      const clientId = randomUUID();
      const res = await assign(worker, client, { clientId });
      expect(res.statusCode).toBe(200);
      const view = res.json();
      expect(view.allowedActions).toEqual(['assign_lawyer']);
      expect(view.assignments).toHaveLength(1);
      const a = view.assignments[0];
      assignmentId = a.id;
      expect(a).toMatchObject({ lawyer: { id: lawyer.user.id }, funding: 'pro_bono', assignedOn: '2026-11-20', endedOn: null, criminalCase: null });
      expect(a.allowedActions).toEqual(['end_assignment']);
      const replay = await assign(worker, client, { clientId });
      expect(replay.statusCode).toBe(200);
      expect(replay.json().assignments).toHaveLength(1);
      const again = await assign(worker, client);
      expect(again.statusCode).toBe(409);
      expect(again.json().error.fields[0]).toMatchObject({ path: 'lawyerId', code: 'already_assigned' });
      expect(await audits('redress.acted')).toContainEqual(expect.objectContaining({ type: 'assign_lawyer', funding: 'pro_bono' }));
    });

    it('the lawyer now sees her client by name, no other person, and her client in her list and her queue', async () => {
      const person = await lawyer.inject({ method: 'GET', url: `/api/v1/persons/${client}` });
      expect(person.statusCode).toBe(200);
      expect(person.json().identity.firstName).toBe('Айгүл');
      expect((await lawyer.inject({ method: 'GET', url: `/api/v1/persons/${stranger}` })).statusCode).toBe(404);
      expect((await lawyer.inject({ method: 'GET', url: `/api/v1/persons/${stranger}/legal-aid` })).statusCode).toBe(404);
      const list = (await lawyer.inject({ method: 'GET', url: '/api/v1/persons' })).json();
      expect(list.items.map((p: { id: string }) => p.id)).toEqual([client]);
      const clients = (await lawyer.inject({ method: 'GET', url: '/api/v1/clients' })).json().items;
      expect(clients).toHaveLength(1);
      expect(clients[0]).toMatchObject({ personId: client, assignmentId, funding: 'pro_bono', assignedOn: '2026-11-20', lastServiceOn: null });
      expect(clients[0].name).toContain('Айгүл');
      expect((await otherLawyer.inject({ method: 'GET', url: `/api/v1/persons/${client}` })).statusCode).toBe(404);
      expect((await worker.inject({ method: 'GET', url: '/api/v1/clients' })).statusCode).toBe(403);
      // Five days without a service: not yet due (the first service is due after seven).
      const queue = (await lawyer.inject({ method: 'GET', url: '/api/v1/work' })).json().queues.find((q: { id: string }) => q.id === 'my_clients');
      expect(queue.counts).toEqual({ overdue: 0, due_soon: 0, waiting: 1 });
      expect(queue.items[0]).toMatchObject({ href: `/persons/${client}`, urgency: 'waiting', facts: { since: '2026-11-20' } });
    });

    it('records services on her own assignment only; totals add up; bad input refused with nothing written', async () => {
      const firstId = randomUUID();
      const first = await serve(lawyer, assignmentId, { clientId: firstId, hours: 1.5, note: 'Explained the civil claim' });
      expect(first.statusCode).toBe(200);
      // A replay (the same client id: a lost answer sent again) records nothing more.
      const replay = await serve(lawyer, assignmentId, { clientId: firstId, hours: 1.5, note: 'Explained the civil claim' });
      expect(replay.statusCode).toBe(200);
      expect(replay.json().assignments[0].totals).toEqual({ services: 1, hours: 1.5 });
      const second = await serve(lawyer, assignmentId, { service: 'document_drafting', deliveredOn: '2026-11-25', hours: 2.25 });
      expect(second.statusCode).toBe(200);
      const view = second.json();
      expect(view.assignments[0].services.map((s: { service: string; hours: number }) => [s.service, s.hours])).toEqual([
        ['consultation', 1.5],
        ['document_drafting', 2.25],
      ]);
      expect(view.assignments[0].services[0].note).toBe('Explained the civil claim');
      expect(view.assignments[0].totals).toEqual({ services: 2, hours: 3.75 });
      expect(view.totals).toEqual({ services: 2, hours: 3.75 });
      expect(view.assignments[0].allowedActions).toEqual(['end_assignment', 'record_legal_service']);
      expect(view.allowedActions).toEqual([]);
      // The note is stored encrypted.
      const [row] = await t.deps.db.select().from(legalServices).where(eq(legalServices.service, 'consultation'));
      expect(row?.noteEnc).toBeTruthy();
      expect(row?.noteEnc).not.toContain('civil claim');
      expect(await audits('redress.acted')).toContainEqual(
        expect.objectContaining({ type: 'record_legal_service', funding: 'pro_bono', service: 'consultation' }),
      );

      const before = await count(legalServices);
      expect((await serve(otherLawyer, assignmentId)).statusCode).toBe(404);
      expect((await serve(worker, assignmentId)).statusCode).toBe(403);
      const early = await serve(lawyer, assignmentId, { deliveredOn: '2026-11-19' });
      expect(early.json().error.fields[0]).toMatchObject({ path: 'deliveredOn', code: 'before_assignment' });
      const tooLong = await serve(lawyer, assignmentId, { hours: 25 });
      expect(tooLong.json().error.fields[0]).toMatchObject({ path: 'hours', code: 'hours_too_many' });
      const precise = await serve(lawyer, assignmentId, { hours: 1.255 });
      expect(precise.json().error.fields[0]).toMatchObject({ path: 'hours', code: 'hours_precision' });
      expect(await count(legalServices)).toBe(before);

      // The worker sees the services (codes, dates, hours) but not the lawyer's notes.
      const seen = (await worker.inject({ method: 'GET', url: `/api/v1/persons/${client}/legal-aid` })).json();
      expect(seen.totals).toEqual({ services: 2, hours: 3.75 });
      expect(seen.assignments[0].services[0].note).toBeNull();
      expect(await audits('redress.read')).toContainEqual(expect.objectContaining({ part: 'legal_aid' }));
      // The legal-aid figures fall out of the data: services and hours by funding.
      const figures = rowsOf<{ funding: string; services: number; hours: string }>(
        await t.deps.db.execute(
          sql`SELECT a.funding, count(*)::int AS services, sum(s.hours)::text AS hours FROM ${legalServices} s JOIN ${legalAidAssignments} a ON a.id = s.assignment_id GROUP BY a.funding`,
        ),
      );
      expect(figures.map((f) => [f.funding, f.services, Number(f.hours)])).toEqual([['pro_bono', 2, 3.75]]);
      expect((await lawyer.inject({ method: 'GET', url: '/api/v1/clients' })).json().items[0].lastServiceOn).toBe('2026-11-25');
    });

    it("the lawyer sees her client's criminal case, and no other", async () => {
      const prosecutor = await t.as('prosecutor', { regions: ['KZ-75'] });
      const insertCase = async (erdr: string) => {
        const [c] = await t.deps.db
          .insert(criminalCases)
          .values({
            clientId: randomUUID(),
            erdrNumber: erdr,
            articles: ['128'],
            articlesVersion: '2014.1',
            regionCode: 'KZ-75',
            ownerAgencyId: prosecutor.user.agencyId,
            createdBy: prosecutor.user.id,
            stage: 'investigation',
            stageOn: '2026-11-01',
            registeredOn: '2026-11-01',
          })
          .returning({ id: criminalCases.id });
        return c?.id as string;
      };
      const hers = await insertCase(`26750000${randomUUID().slice(0, 7)}`);
      const other = await insertCase(`26750001${randomUUID().slice(0, 7)}`);
      const link = (caseId: string, personId: string) =>
        t.deps.db
          .insert(proceedingVictims)
          .values({ clientId: randomUUID(), criminalCaseId: caseId, personId, proceduralRole: 'victim', linkedOn: '2026-11-02', linkedBy: prosecutor.user.id });
      await link(hers, client);
      await link(other, stranger);
      const actor = {
        userId: lawyer.user.id,
        role: 'lawyer' as const,
        agencyId: lawyer.user.agencyId,
        jurisdiction: { national: false as const, regions: ['KZ-75'] },
      };
      const visible = await t.deps.db.select({ id: criminalCases.id }).from(criminalCases).where(criminalCaseScope(actor, 'criminal_case.read'));
      expect(visible.map((v) => v.id)).toEqual([hers]);
      // And through the criminal-case route (H1's): her client's case opens, another victim's is not found.
      expect((await lawyer.inject({ method: 'GET', url: `/api/v1/criminal-cases/${hers}` })).statusCode).toBe(200);
      expect((await lawyer.inject({ method: 'GET', url: `/api/v1/criminal-cases/${other}` })).statusCode).toBe(404);
      const clients = (await lawyer.inject({ method: 'GET', url: '/api/v1/clients' })).json().items;
      expect(clients[0].criminalCases).toEqual([{ id: hers, erdrNumber: expect.any(String), stage: 'investigation' }]);

      // The prosecutor (state legal aid) assigns the other lawyer for this case: the case must have her as a victim.
      const wrongCase = await assign(prosecutor, client, { lawyerId: otherLawyer.user.id, funding: 'state_legal_aid', criminalCaseId: other });
      expect(wrongCase.statusCode).toBe(400);
      expect(wrongCase.json().error.fields[0]).toMatchObject({ path: 'criminalCaseId', code: 'not_a_victim_in_case' });
      const state = await assign(prosecutor, client, { lawyerId: otherLawyer.user.id, funding: 'state_legal_aid', criminalCaseId: hers });
      expect(state.statusCode).toBe(200);
      expect(state.json().assignments.find((a: { lawyer: { id: string } }) => a.lawyer.id === otherLawyer.user.id)).toMatchObject({
        funding: 'state_legal_aid',
        criminalCase: { id: hers },
      });
      // Each lawyer's panel shows her own assignment only.
      const mine = (await lawyer.inject({ method: 'GET', url: `/api/v1/persons/${client}/legal-aid` })).json();
      expect(mine.assignments.map((a: { id: string }) => a.id)).toEqual([assignmentId]);
    });

    it('after the end the lawyer loses the client: 404 on the person, 409 on a new service', async () => {
      const early = await worker.inject({
        method: 'POST',
        url: `/api/v1/legal-aid/${assignmentId}/end`,
        payload: { clientId: randomUUID(), endedOn: '2026-11-19' },
      });
      expect(early.json().error.fields[0]).toMatchObject({ path: 'endedOn', code: 'ended_before_assigned' });
      expect(
        (await otherLawyer.inject({ method: 'POST', url: `/api/v1/legal-aid/${assignmentId}/end`, payload: { clientId: randomUUID(), endedOn: '2026-11-25' } }))
          .statusCode,
      ).toBe(404);
      const ended = await worker.inject({
        method: 'POST',
        url: `/api/v1/legal-aid/${assignmentId}/end`,
        payload: { clientId: randomUUID(), endedOn: '2026-11-25' },
      });
      expect(ended.statusCode).toBe(200);
      expect(ended.json()).toEqual({ id: assignmentId, personId: client, endedOn: '2026-11-25' });
      // Ending again with the same date (a replay) answers the same; the table keeps the first end.
      const again = await worker.inject({
        method: 'POST',
        url: `/api/v1/legal-aid/${assignmentId}/end`,
        payload: { clientId: randomUUID(), endedOn: '2026-11-25' },
      });
      expect(again.json()).toEqual({ id: assignmentId, personId: client, endedOn: '2026-11-25' });
      expect((await lawyer.inject({ method: 'GET', url: `/api/v1/persons/${client}` })).statusCode).toBe(404);
      expect((await lawyer.inject({ method: 'GET', url: `/api/v1/persons/${client}/legal-aid` })).statusCode).toBe(404);
      expect((await lawyer.inject({ method: 'GET', url: '/api/v1/clients' })).json().items).toEqual([]);
      const actor = {
        userId: lawyer.user.id,
        role: 'lawyer' as const,
        agencyId: lawyer.user.agencyId,
        jurisdiction: { national: false as const, regions: ['KZ-75'] },
      };
      expect(await t.deps.db.select({ id: criminalCases.id }).from(criminalCases).where(criminalCaseScope(actor, 'criminal_case.read'))).toEqual([]);
      const [theirCase] = rowsOf<{ id: string }>(
        await t.deps.db.execute(sql`SELECT criminal_case_id AS id FROM proceeding_victims WHERE person_id = ${client}::uuid`),
      );
      expect((await lawyer.inject({ method: 'GET', url: `/api/v1/criminal-cases/${theirCase?.id}` })).statusCode).toBe(404);
      // 409, not 404: the assignment is her own record of work (she knows of it); the refusal
      // says it has ended and reveals nothing of the client (legal-aid.service.ts recordService).
      const before = await count(legalServices);
      const late = await serve(lawyer, assignmentId, { deliveredOn: '2026-11-25' });
      expect(late.statusCode).toBe(409);
      expect(late.json().error.code).toBe('invalid_transition');
      expect(await count(legalServices)).toBe(before);
      // Ending twice with another date is a conflict of state; the services stay counted.
      const twice = await worker.inject({
        method: 'POST',
        url: `/api/v1/legal-aid/${assignmentId}/end`,
        payload: { clientId: randomUUID(), endedOn: '2026-11-24' },
      });
      expect(twice.statusCode).toBe(409);
      const seen = (await worker.inject({ method: 'GET', url: `/api/v1/persons/${client}/legal-aid` })).json();
      const a = seen.assignments.find((x: { id: string }) => x.id === assignmentId);
      expect(a).toMatchObject({ endedOn: '2026-11-25', allowedActions: [], totals: { services: 2, hours: 3.75 } });
      expect(await audits('redress.acted')).toContainEqual(expect.objectContaining({ type: 'end_assignment', funding: 'pro_bono' }));
      const [stored] = await t.deps.db
        .select()
        .from(legalAidAssignments)
        .where(and(eq(legalAidAssignments.id, assignmentId)));
      expect(stored?.endedBy).toBe(worker.user.id);
    });

    it('the lawyer may end her own assignment; the queue marks a client without service for 7 days as due', async () => {
      const fresh = (await worker.inject({ method: 'POST', url: '/api/v1/persons', payload: personBody({ firstName: 'Дана' }) })).json().id;
      const view = (await assign(worker, fresh, { assignedOn: '2026-11-10' })).json();
      const id = view.assignments[0].id;
      const queue = (await lawyer.inject({ method: 'GET', url: '/api/v1/work' })).json().queues.find((q: { id: string }) => q.id === 'my_clients');
      expect(queue.counts).toEqual({ overdue: 0, due_soon: 1, waiting: 0 });
      expect(queue.items[0]).toMatchObject({ href: `/persons/${fresh}`, urgency: 'due_soon' });
      const own = await lawyer.inject({ method: 'POST', url: `/api/v1/legal-aid/${id}/end`, payload: { clientId: randomUUID(), endedOn: '2026-11-25' } });
      expect(own.statusCode).toBe(200);
      expect((await lawyer.inject({ method: 'GET', url: `/api/v1/persons/${fresh}` })).statusCode).toBe(404);
    });
  });
});
