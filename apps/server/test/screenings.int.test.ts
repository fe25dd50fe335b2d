import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addWorkingDays } from '@qorgau/core';
import { cases, persons, screenings } from '../src/db/schema.ts';
import { kazakhstanDate } from '../src/util/kazakhstan-date.ts';
import { createTestApp, screeningBody, type Session, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

describeEachDb('screenings', (kind) => {
  let t: TestApp;
  let inspector: Session;
  let idUnit: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    const inspectorate = await t.createAgency({ type: 'labour_inspectorate', regionCode: 'KZ-61' });
    idUnit = await t.createAgency({ type: 'police', regionCode: 'KZ-61', name: 'Anti-trafficking unit' });
    inspector = await t.as('screener', { agencyId: inspectorate, regions: ['KZ-61'] });
  });
  afterAll(() => t.close());

  const screen = (body: object, s = inspector) => s.inject({ method: 'POST', url: '/api/v1/screenings', payload: body });

  it('serves the versioned indicator lists and rules, verified and provisional', async () => {
    const res = await inspector.inject({ method: 'GET', url: '/api/v1/reference/indicators' });
    expect(res.statusCode).toBe(200);
    const verification = res.json().lists.map((l: { verification: string }) => l.verification);
    expect(verification).toEqual(expect.arrayContaining(['verified', 'provisional']));
  });

  it('a screening with consent records the result that fired, creates the person and opens a case', async () => {
    const res = await screen(screeningBody());
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.reference).toMatch(/^SCR-\d{4}-\d{6}$/);
    expect(s.result.level).not.toBe('none');
    expect(s.result.fired.map((f: { indicatorId: string }) => f.indicatorId)).toContain('short_form.documents_withheld');
    expect(s.result.reasons).toContain('control_indicator');
    expect(s.anonymous).toBe(false);
    expect((await inspector.inject({ method: 'GET', url: `/api/v1/persons/${s.personId}` })).json().identity.secondName).toBe('Gʻulomova');
    const kase = (await inspector.inject({ method: 'GET', url: `/api/v1/cases/${s.caseId}` })).json();
    expect(kase).toMatchObject({ status: 'open', traffickingStatus: 'PossibleVictimOfTrafficking', regionCode: 'KZ-61' });
    expect(kase.actions[0].text).toBe('Met during a labour inspection on a cotton farm');
  });

  it('an adult who declines leaves an anonymous notification with no identity at all', async () => {
    const before = await t.deps.db.select({ n: sql<number>`count(*)::int` }).from(persons);
    const res = await screen(screeningBody({ consent: 'declined', person: undefined, narrative: undefined }));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ anonymous: true, personId: null, caseId: null, ageGroup: 'adult', gender: 'Feminine', citizenship: 'UZ' });
    const after = await t.deps.db.select({ n: sql<number>`count(*)::int` }).from(persons);
    expect(after[0]?.n).toBe(before[0]?.n);
    const [row] = await t.deps.db.select().from(screenings).where(eq(screenings.id, res.json().id));
    expect(row?.personId).toBeNull();
    expect(row?.exploitationTypes).toEqual(['ForcedLabour']);
  });

  it('refuses contradictory answers field by field: a declining child, a missing identity, an unknown indicator', async () => {
    const child = await screen(screeningBody({ consent: 'declined', person: undefined, ageYears: 15 }));
    expect(child.statusCode).toBe(400);
    expect(child.json().error.fields).toEqual([expect.objectContaining({ path: 'consent', code: 'child_requires_referral' })]);
    const noPerson = await screen(screeningBody({ person: undefined }));
    expect(noPerson.json().error.fields).toEqual([expect.objectContaining({ path: 'person', code: 'required' })]);
    const unknown = await screen(screeningBody({ observed: ['short_form.no_such_thing'] }));
    expect(unknown.statusCode).toBe(400);
  });

  it('a person of unknown age is presumed a child: declining is refused, the child rule applies, the age limit comes from the rules in force', async () => {
    const unknownAge = await screen(screeningBody({ consent: 'declined', person: undefined, ageYears: null }));
    expect(unknownAge.statusCode).toBe(400);
    expect(unknownAge.json().error.fields).toEqual([{ path: 'consent', code: 'age_unknown_requires_referral', message: expect.stringContaining('18') }]);
    const identified = await screen(screeningBody({ ageYears: null }));
    expect(identified.statusCode, identified.body).toBe(200);
    expect(identified.json()).toMatchObject({ ageGroup: 'unknown', result: { ruleApplied: 'child' } });

    // An administrator's rules version with another child age is what the server applies.
    const { rules } = await t.deps.reference.current();
    await t.deps.db.transaction((tx) =>
      t.deps.reference.replace(tx, 'rules', { ...rules, version: `${rules.version}-16`, childAgeYears: 16 }, inspector.user.id),
    );
    try {
      expect((await screen(screeningBody({ consent: 'declined', person: undefined, ageYears: 17 }))).statusCode).toBe(200);
      const fifteen = await screen(screeningBody({ consent: 'declined', person: undefined, ageYears: 15 }));
      expect(fifteen.json().error.fields).toEqual([{ path: 'consent', code: 'child_requires_referral', message: expect.stringContaining('16') }]);
    } finally {
      await t.deps.db.transaction((tx) => t.deps.reference.replace(tx, 'rules', rules, inspector.user.id));
    }
  });

  it('a replayed submission is recorded once', async () => {
    const body = screeningBody();
    const a = await screen(body);
    const b = await screen(body);
    expect(b.json().id).toBe(a.json().id);
    expect(b.json().personId).toBe(a.json().personId);
  });

  it('after handover the screener keeps a receipt but can no longer open the person or the case; the receiving unit can', async () => {
    const s = (await screen(screeningBody())).json();
    const handed = await inspector.inject({ method: 'POST', url: `/api/v1/screenings/${s.id}/handover`, payload: { toAgencyId: idUnit } });
    expect(handed.statusCode).toBe(200);
    expect(handed.json()).toMatchObject({ personId: null, caseId: null, handover: { toAgencyId: idUnit, toAgencyName: { en: 'Anti-trafficking unit' } } });
    expect((await inspector.inject({ method: 'GET', url: `/api/v1/persons/${s.personId}` })).statusCode).toBe(404);
    expect((await inspector.inject({ method: 'GET', url: `/api/v1/cases/${s.caseId}` })).statusCode).toBe(404);
    const list = (await inspector.inject({ method: 'GET', url: '/api/v1/screenings' })).json();
    expect(list.items.find((i: { id: string }) => i.id === s.id)?.handover?.toAgencyId).toBe(idUnit);
    const officer = await t.as('identification_officer', { agencyId: idUnit, regions: ['KZ-61'] });
    const kase = (await officer.inject({ method: 'GET', url: `/api/v1/cases/${s.caseId}` })).json();
    expect(kase.ownerAgencyName.en).toBe('Anti-trafficking unit');
    expect(kase.actions.map((a: { type: string }) => a.type)).toEqual(['opened', 'handed_over']);
    expect(kase.status).toBe('open');
    const again = await inspector.inject({ method: 'POST', url: `/api/v1/screenings/${s.id}/handover`, payload: { toAgencyId: idUnit } });
    expect(again.statusCode).toBe(409);
  });

  it("another screener cannot see someone else's screening", async () => {
    const s = (await screen(screeningBody())).json();
    const other = await t.as('screener', { regions: ['KZ-61'] });
    expect((await other.inject({ method: 'GET', url: `/api/v1/screenings/${s.id}` })).statusCode).toBe(404);
  });

  it("the referral starts a 5-working-day identification clock that shows in the officer's queue, late cases first", async () => {
    const officer = await t.as('identification_officer', { agencyId: idUnit, regions: ['KZ-61'] });
    const first = (await screen(screeningBody())).json();
    const second = (await screen(screeningBody())).json();
    for (const s of [first, second]) {
      await inspector.inject({ method: 'POST', url: `/api/v1/screenings/${s.id}/handover`, payload: { toAgencyId: idUnit } });
    }
    const today = kazakhstanDate(new Date());
    const expected = addWorkingDays(today, 5, t.deps.calendar);
    await t.deps.db.update(cases).set({ identificationDue: '2026-01-05' }).where(eq(cases.id, second.caseId));
    const queue = (await officer.inject({ method: 'GET', url: '/api/v1/cases?queue=identification&pageSize=100' })).json();
    const ids = queue.items.map((c: { id: string }) => c.id);
    expect(ids.indexOf(second.caseId)).toBeLessThan(ids.indexOf(first.caseId));
    const byId = (id: string) => queue.items.find((c: { id: string }) => c.id === id);
    expect(byId(first.caseId)).toMatchObject({ identificationDue: expected, deadline: 'ok' });
    expect(byId(second.caseId)).toMatchObject({ identificationDue: '2026-01-05', deadline: 'overdue' });
    // The case page shows the same clock (issue #9): the case view carries the due date and where it stands.
    const view = (await officer.inject({ method: 'GET', url: `/api/v1/cases/${second.caseId}` })).json();
    expect(view).toMatchObject({ identificationDue: '2026-01-05', deadline: 'overdue' });
    // A decision takes the case off the queue.
    await officer.inject({
      method: 'POST',
      url: `/api/v1/cases/${second.caseId}/actions`,
      payload: {
        clientId: randomUUID(),
        action: { type: 'identification_decided', outcome: 'ActualVictimOfTrafficking', decidedBy: 'Police', reasons: 'Interview and assessment' },
      },
    });
    const after = (await officer.inject({ method: 'GET', url: '/api/v1/cases?queue=identification&pageSize=100' })).json();
    expect(after.items.map((c: { id: string }) => c.id)).not.toContain(second.caseId);
    // Decided: the case view no longer shows a clock.
    expect((await officer.inject({ method: 'GET', url: `/api/v1/cases/${second.caseId}` })).json().deadline).toBeNull();
  });

  it('a positive screening before deportation puts the deportation on hold and starts identification at once', async () => {
    const migration = await t.createAgency({ type: 'migration_service', regionCode: 'KZ-61' });
    const officer = await t.as('screener', { agencyId: migration, regions: ['KZ-61'] });
    const s = (await screen(screeningBody({ setting: 'pre_deportation', consent: 'identified' }), officer)).json();
    const kase = (await officer.inject({ method: 'GET', url: `/api/v1/cases/${s.caseId}` })).json();
    expect(kase.actions.map((a: { type: string }) => a.type)).toEqual(['opened', 'deportation_hold']);
    expect(kase.identificationDue).toBe(addWorkingDays(kazakhstanDate(new Date()), 5, t.deps.calendar));
    // The migration officer who screened does not lift the hold (core CASE_ACTION_RULES, issue #8).
    expect(kase.allowedActions).not.toContain('deportation_hold_lifted');
    const idOfficer = await t.as('identification_officer', { regions: ['KZ-61'] });
    const queue = (await idOfficer.inject({ method: 'GET', url: '/api/v1/cases?queue=identification&pageSize=100' })).json();
    expect(queue.items.map((c: { id: string }) => c.id)).toContain(s.caseId);
    expect((await idOfficer.inject({ method: 'GET', url: `/api/v1/cases/${s.caseId}` })).json().allowedActions).toContain('deportation_hold_lifted');
    // Nothing observed: no hold, no clock.
    const clear = (await screen(screeningBody({ setting: 'pre_deportation', observed: [] }), officer)).json();
    expect(clear.result.level).toBe('none');
    const plain = (await officer.inject({ method: 'GET', url: `/api/v1/cases/${clear.caseId}` })).json();
    expect(plain.actions.map((a: { type: string }) => a.type)).toEqual(['opened']);
    expect(plain.identificationDue).toBeNull();
  });

  it('a screening can attach to an existing person recognised at intake, never to one the officer may not see', async () => {
    const first = (await screen(screeningBody())).json();
    const again = await screen(screeningBody({ person: undefined, existingPersonId: first.personId }));
    expect(again.statusCode).toBe(200);
    expect(again.json().personId).toBe(first.personId);
    expect(again.json().caseId).not.toBe(first.caseId);
    const both = await screen(screeningBody({ existingPersonId: first.personId }));
    expect(both.json().error.fields.map((f: { path: string }) => f.path)).toContain('existingPersonId');
    const stranger = await t.as('screener', { regions: ['KZ-61'] });
    const hidden = await screen(screeningBody({ person: undefined, existingPersonId: first.personId }), stranger);
    expect(hidden.statusCode).toBe(400);
    expect(hidden.json().error.fields).toEqual([expect.objectContaining({ path: 'existingPersonId', code: 'not_found' })]);
  });
});
