import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { addCalendarMonths, kazakhstanDate, type ProceedingVictimsView } from '@qorgau/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, criminalCaseEvents, criminalCases, legalAidAssignments, proceedingVictims, protectiveMeasures, victimInterviews } from '../src/db/schema.ts';
import { syncCaseVictims } from '../src/modules/justice/proceedings-sync.ts';
import { createTestApp, personBody, type Session, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

type Entitlement = { kind: string; state: string; end: string | null; extended: boolean };

describeEachDb('victims in criminal proceedings', (kind) => {
  let t: TestApp;
  let officer: Session;
  let prosecutor: Session;
  let investigator: Session;
  let farInvestigator: Session;
  let coordinator: Session;
  let lawyer: Session;
  let clerk: Session;
  let clock = new Date('2026-03-10T06:00:00Z');
  const today = () => kazakhstanDate(clock);

  beforeAll(async () => {
    t = await createTestApp(kind);
    t.deps.now = () => clock;
    officer = await t.as('identification_officer', { regions: ['KZ-75'] });
    prosecutor = await t.as('prosecutor', { regions: ['KZ-75'] });
    investigator = await t.as('investigator', { regions: ['KZ-75'], agencyId: prosecutor.user.agencyId });
    farInvestigator = await t.as('investigator', { regions: ['KZ-11'] });
    coordinator = await t.as('national_coordinator', { regions: 'national' });
    lawyer = await t.as('lawyer', { regions: ['KZ-75'] });
    clerk = await t.as('court_clerk', { regions: ['KZ-75'] });
  });
  afterAll(() => t.close());

  /** A person the officer recorded and, when `identify`, formally identified as a victim of trafficking. */
  const person = async (citizenship: string, identify: boolean, s = officer, regionCode = 'KZ-75') => {
    const personId = (await s.inject({ method: 'POST', url: '/api/v1/persons', payload: personBody({ citizenship, regionCode }) })).json().id as string;
    if (!identify) return personId;
    const caseId = (
      await s.inject({
        method: 'POST',
        url: '/api/v1/cases',
        payload: { clientId: randomUUID(), personId, regionCode, exploitationTypes: ['SexualExploitation'], narrative: 'Recruited for a job abroad' },
      })
    ).json().id as string;
    const decided = await s.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/actions`,
      payload: {
        clientId: randomUUID(),
        action: { type: 'identification_decided', outcome: 'ActualVictimOfTrafficking', reasons: 'Interview and assessment' },
      },
    });
    expect(decided.statusCode).toBe(200);
    return personId;
  };

  /** An Art. 128 case registered by the prosecutor's unit (H1's registration route is tested in its own suite). */
  const criminalCase = async (registeredOn = today()) => {
    const [row] = await t.deps.db
      .insert(criminalCases)
      .values({
        clientId: randomUUID(),
        erdrNumber: `26750${randomUUID().replace(/\D/g, '').slice(0, 10)}`,
        articles: ['128'],
        articlesVersion: '2014.1',
        exploitationTypes: ['SexualExploitation'],
        regionCode: 'KZ-75',
        ownerAgencyId: prosecutor.user.agencyId,
        createdBy: prosecutor.user.id,
        prosecutorId: prosecutor.user.id,
        stage: 'investigation',
        stageOn: registeredOn,
        registeredOn,
      })
      .returning({ id: criminalCases.id });
    return row?.id as string;
  };

  /** The case moves to a stage as the court clerk's route would: the row, then the victims' entitlements. */
  const moveTo = async (id: string, stage: string, on: string) =>
    t.deps.db.transaction(async (tx) => {
      await tx
        .update(criminalCases)
        .set({ stage, stageOn: on, endedOn: stage === 'final' || stage === 'terminated' ? on : null })
        .where(eq(criminalCases.id, id));
      await syncCaseVictims(tx, t.deps, id, { userId: prosecutor.user.id, agencyId: prosecutor.user.agencyId });
    });

  const victims = (s: Session, id: string) => s.inject({ method: 'GET', url: `/api/v1/criminal-cases/${id}/victims` });
  const link = (s: Session, id: string, personId: string, extra: Record<string, unknown> = {}) =>
    s.inject({
      method: 'POST',
      url: `/api/v1/criminal-cases/${id}/victims`,
      payload: { clientId: randomUUID(), personId, proceduralRole: 'victim', linkedOn: today(), ...extra },
    });
  const post = (s: Session, url: string, body: Record<string, unknown>) => s.inject({ method: 'POST', url, payload: { clientId: randomUUID(), ...body } });
  const reflection = async (personId: string) => {
    const res = await officer.inject({ method: 'GET', url: `/api/v1/persons/${personId}/entitlements` });
    expect(res.statusCode).toBe(200);
    return (res.json().items as Entitlement[]).find((e) => e.kind === 'reflection_period') as Entitlement;
  };
  const counts = async (caseId: string) => ({
    victims: (await t.deps.db.select().from(proceedingVictims).where(eq(proceedingVictims.criminalCaseId, caseId))).length,
    interviews: (await t.deps.db.select().from(victimInterviews).where(eq(victimInterviews.criminalCaseId, caseId))).length,
    measures: (await t.deps.db.select().from(protectiveMeasures).where(eq(protectiveMeasures.criminalCaseId, caseId))).length,
    events: (await t.deps.db.select().from(criminalCaseEvents).where(eq(criminalCaseEvents.criminalCaseId, caseId))).length,
  });

  describe('linking victims and the reflection period', () => {
    let caseId: string;
    let citizen: string;
    let foreigner: string;
    const identifiedOn = '2026-03-10';

    it('a prosecutor links two victims to an open Art. 128 case; the foreign victim`s reflection period runs on until the proceedings are final', async () => {
      citizen = await person('KZ', false);
      foreigner = await person('KG', true);
      const before = await reflection(foreigner);
      expect(before).toMatchObject({ state: 'active', end: addCalendarMonths(identifiedOn, 6), extended: false });

      clock = new Date('2026-03-20T06:00:00Z');
      caseId = await criminalCase('2026-03-15');
      const a = await link(prosecutor, caseId, citizen, { proceduralRole: 'victim_witness' });
      expect(a.statusCode).toBe(200);
      const b = await link(prosecutor, caseId, foreigner);
      expect(b.statusCode).toBe(200);
      const view = b.json() as ProceedingVictimsView;
      const byPerson = (id: string) => view.items.find((v) => v.personId === id);
      expect(view.items).toHaveLength(2);
      expect(byPerson(citizen)).toMatchObject({ proceduralRole: 'victim_witness', foreign: false });
      expect(byPerson(foreigner)).toMatchObject({ proceduralRole: 'victim', foreign: true });
      // The prosecutor sees names in her region.
      expect(view.items.every((v) => typeof v.name === 'string' && v.name.length > 0)).toBe(true);
      expect(view.allowedActions).toEqual(['link_victim', 'update_victim', 'record_interview', 'request_measure', 'decide_measure']);
      // Her reflection period is extended: no end date while the case is open.
      expect(await reflection(foreigner)).toMatchObject({ state: 'active', end: null, extended: true });
      expect(byPerson(foreigner)?.reflectionPeriod).toEqual({ endsOn: null, extended: true });
      expect(byPerson(citizen)?.reflectionPeriod).toBeUndefined();
      // The event and the audit entry carry codes and ids, never a name.
      const events = await t.deps.db.select().from(criminalCaseEvents).where(eq(criminalCaseEvents.criminalCaseId, caseId));
      expect(events.map((e) => e.type)).toEqual(['link_victim', 'link_victim']);
      expect(JSON.stringify(events.map((e) => e.details))).not.toMatch(/Әйгерім|Нұрланқызы/);
    });

    it('the final judgement on day D ends it on max(D, six months after identification)', async () => {
      // Final within the six months: the period keeps its six months.
      const early = '2026-05-01';
      clock = new Date('2026-05-02T06:00:00Z');
      await moveTo(caseId, 'final', early);
      const base = addCalendarMonths(identifiedOn, 6);
      expect(await reflection(foreigner)).toMatchObject({ end: base > early ? base : early });
      expect((await reflection(foreigner)).end).toBe('2026-09-10');

      // A second case of hers, final after the six months: it ends on that day.
      clock = new Date('2026-05-03T06:00:00Z');
      const later = await criminalCase('2026-05-03');
      expect((await link(prosecutor, later, foreigner)).statusCode).toBe(200);
      expect(await reflection(foreigner)).toMatchObject({ end: null, extended: true });
      // This time through the stage route (criminal-cases.service.ts syncs her entitlements in its transaction).
      const D = '2026-11-20';
      clock = new Date('2026-11-21T06:00:00Z');
      const stage = (s: Session, to: string, on: string) => post(s, `/api/v1/criminal-cases/${later}/stage`, { to, on });
      expect((await stage(prosecutor, 'sent_to_court', '2026-10-01')).statusCode).toBe(200);
      expect((await stage(clerk, 'first_instance_verdict', '2026-11-01')).statusCode).toBe(200);
      expect(await reflection(foreigner)).toMatchObject({ end: null, extended: true });
      expect((await stage(clerk, 'final', D)).statusCode).toBe(200);
      const r = await reflection(foreigner);
      expect(r).toMatchObject({ end: base > D ? base : D, extended: true });
      expect(r.end).toBe(D);
    });

    it('refuses a person outside her scope (field personId), a second link (409) and a link before registration; nothing half-written', async () => {
      const otherOfficer = await t.as('identification_officer', { regions: ['KZ-11'] });
      const elsewhere = await person('KZ', false, otherOfficer, 'KZ-11');
      clock = new Date('2026-05-10T06:00:00Z');
      const open = await criminalCase('2026-05-05');
      const before = await counts(open);

      const out = await link(prosecutor, open, elsewhere);
      expect(out.statusCode).toBe(400);
      expect(out.json().error.fields).toMatchObject([{ path: 'personId', code: 'person_out_of_scope' }]);
      expect(out.json().error.fields[0].message).not.toBe('person_out_of_scope');

      const early = await link(prosecutor, open, citizen, { linkedOn: '2026-05-04' });
      expect(early.statusCode).toBe(400);
      expect(early.json().error.fields).toMatchObject([{ path: 'linkedOn', code: 'before_case_registered' }]);
      expect(await counts(open)).toEqual(before);

      expect((await link(prosecutor, open, citizen)).statusCode).toBe(200);
      const twice = await link(prosecutor, open, citizen);
      expect(twice.statusCode).toBe(409);
      expect(twice.json().error.fields).toMatchObject([{ path: 'personId', code: 'already_linked' }]);
      expect(await counts(open)).toEqual({ ...before, victims: 1, events: 1 });

      // Idempotent on the client id.
      const clientId = randomUUID();
      const p = await person('KZ', false);
      const body = { clientId, personId: p, proceduralRole: 'witness', linkedOn: today() };
      expect((await prosecutor.inject({ method: 'POST', url: `/api/v1/criminal-cases/${open}/victims`, payload: body })).statusCode).toBe(200);
      expect((await prosecutor.inject({ method: 'POST', url: `/api/v1/criminal-cases/${open}/victims`, payload: body })).statusCode).toBe(200);
      expect(await counts(open)).toEqual({ ...before, victims: 2, events: 2 });

      // Two links of one person at once: one is written, the other refused as a duplicate.
      const q = await person('KZ', false);
      const both = await Promise.all([link(prosecutor, open, q), link(investigator, open, q)]);
      expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      expect(both.find((r) => r.statusCode === 409)?.json().error.fields).toMatchObject([{ path: 'personId', code: 'already_linked' }]);
      expect(await counts(open)).toEqual({ ...before, victims: 3, events: 3 });

      // A closed case takes no new victims.
      expect((await link(prosecutor, caseId, p)).statusCode).toBe(409);
    });
  });

  describe('interviews, measures and her circumstances', () => {
    let caseId: string;
    let victimId: string;
    let personId: string;
    const base = () => `/api/v1/criminal-cases/${caseId}/victims/${victimId}`;

    beforeAll(async () => {
      clock = new Date('2026-06-10T06:00:00Z');
      caseId = await criminalCase('2026-06-01');
      personId = await person('UZ', true);
      const res = await link(investigator, caseId, personId, { linkedOn: '2026-06-02' });
      expect(res.statusCode).toBe(200);
      victimId = (res.json() as ProceedingVictimsView).items[0]?.id as string;
    });

    it('a repeat interview after a video-recorded testimony needs a reason; the reason is encrypted', async () => {
      const first = await post(investigator, `${base()}/interviews`, {
        heldOn: '2026-06-03',
        place: 'shelter',
        videoRecorded: true,
        socialWorkerPresent: true,
        interpreterPresent: true,
        language: 'uz',
      });
      expect(first.statusCode).toBe(200);
      expect((first.json() as ProceedingVictimsView).items[0]).toMatchObject({
        videoTestimonyRecorded: true,
        interviews: [{ place: 'shelter', language: 'uz', repeat: false }],
      });

      const before = await counts(caseId);
      const again = await post(investigator, `${base()}/interviews`, {
        heldOn: '2026-06-05',
        place: 'police_station',
        videoRecorded: false,
        socialWorkerPresent: false,
        interpreterPresent: true,
      });
      expect(again.statusCode).toBe(400);
      expect(again.json().error.fields).toMatchObject([{ path: 'repeatReason', code: 'repeat_interview_needs_reason' }]);
      expect(await counts(caseId)).toEqual(before);

      const reason = 'Жаңа дәлелдер: куәгердің айғақтарымен салыстыру';
      const withReason = await post(investigator, `${base()}/interviews`, {
        heldOn: '2026-06-05',
        place: 'police_station',
        videoRecorded: false,
        socialWorkerPresent: false,
        interpreterPresent: true,
        repeatReason: reason,
      });
      expect(withReason.statusCode).toBe(200);
      const second = (withReason.json() as ProceedingVictimsView).items[0]?.interviews[1];
      expect(second).toMatchObject({ repeat: true, repeatReason: reason, place: 'police_station' });
      const [stored] = await t.deps.db
        .select()
        .from(victimInterviews)
        .where(eq(victimInterviews.id, second?.id as string));
      expect(stored?.repeatReasonEnc).toBeTruthy();
      expect(stored?.repeatReasonEnc).not.toContain('дәлелдер');
      // Dates within her proceedings.
      const future = await post(investigator, `${base()}/interviews`, {
        heldOn: '2026-06-11',
        place: 'shelter',
        videoRecorded: false,
        socialWorkerPresent: true,
        interpreterPresent: false,
        repeatReason: 'x',
      });
      expect(future.json().error.fields).toMatchObject([{ path: 'heldOn', code: 'date_in_future' }]);
    });

    it('a PPCP measure is requested, granted with its cost, ended; ended -> granted is refused', async () => {
      const req = await post(prosecutor, `${base()}/measures`, { measure: 'ppcp_programme', requestedOn: '2026-06-04' });
      expect(req.statusCode).toBe(200);
      const measureId = (req.json() as ProceedingVictimsView).items[0]?.measures[0]?.id as string;
      expect((req.json() as ProceedingVictimsView).items[0]?.measures[0]).toMatchObject({ measure: 'ppcp_programme', status: 'requested', costTenge: null });

      const decision = (body: Record<string, unknown>) => post(prosecutor, `${base()}/measures/${measureId}/decision`, body);
      const early = await decision({ decision: 'granted', on: '2026-06-03', costTenge: 240000 });
      expect(early.statusCode).toBe(400);
      expect(early.json().error.fields).toMatchObject([{ path: 'on', code: 'before_measure_requested' }]);
      const negative = await decision({ decision: 'granted', on: '2026-06-06', costTenge: -5 });
      expect(negative.json().error.fields).toMatchObject([{ path: 'costTenge', code: 'cost_negative' }]);

      const granted = await decision({ decision: 'granted', on: '2026-06-06', costTenge: 240000 });
      expect(granted.statusCode).toBe(200);
      expect((granted.json() as ProceedingVictimsView).items[0]?.measures[0]).toMatchObject({ status: 'granted', decidedOn: '2026-06-06', costTenge: 240000 });
      const ended = await decision({ decision: 'ended', on: '2026-06-09' });
      expect((ended.json() as ProceedingVictimsView).items[0]?.measures[0]).toMatchObject({ status: 'ended', endedOn: '2026-06-09', costTenge: 240000 });

      const before = await counts(caseId);
      const back = await decision({ decision: 'granted', on: '2026-06-09' });
      expect(back.statusCode).toBe(409);
      expect(back.json().error.code).toBe('invalid_transition');
      expect(await counts(caseId)).toEqual(before);
      const [m] = await t.deps.db.select().from(protectiveMeasures).where(eq(protectiveMeasures.id, measureId));
      expect(m).toMatchObject({ status: 'ended', costTenge: 240000 });
    });

    it('records that she took part, left the country with the case continuing under counsel, and took a job', async () => {
      const counselAlone = await post(investigator, `${base()}/update`, { counselContinues: true });
      expect(counselAlone.statusCode).toBe(400);
      expect(counselAlone.json().error.fields).toMatchObject([{ path: 'counselContinues', code: 'counsel_without_departure' }]);
      const res = await post(investigator, `${base()}/update`, {
        participated: true,
        leftCountryOn: '2026-06-08',
        counselContinues: true,
        employedSince: '2026-06-07',
      });
      expect(res.statusCode).toBe(200);
      expect((res.json() as ProceedingVictimsView).items[0]).toMatchObject({
        participated: true,
        leftCountryOn: '2026-06-08',
        counselContinues: true,
        employedSince: '2026-06-07',
      });
      const tooEarly = await post(investigator, `${base()}/update`, { employedSince: '2026-06-01' });
      expect(tooEarly.json().error.fields).toMatchObject([{ path: 'employedSince', code: 'before_victim_linked' }]);
      // Clearing the departure clears counsel.
      const back = await post(investigator, `${base()}/update`, { leftCountryOn: null });
      expect((back.json() as ProceedingVictimsView).items[0]).toMatchObject({ leftCountryOn: null, counselContinues: false });
    });

    it('the person page lists her proceedings; the reads are audited', async () => {
      const res = await prosecutor.inject({ method: 'GET', url: `/api/v1/persons/${personId}/proceedings` });
      expect(res.statusCode).toBe(200);
      expect(res.json().items).toMatchObject([
        {
          criminalCaseId: caseId,
          articles: ['128'],
          stage: 'investigation',
          interviews: 2,
          videoTestimonyRecorded: true,
          measures: [{ status: 'ended', costTenge: 240000 }],
        },
      ]);
      const audits = await t.deps.db.select().from(auditLog).where(eq(auditLog.recordId, personId));
      expect(audits.some((a) => a.operation === 'proceedings.read')).toBe(true);
      // Out of the reader's scope: not found.
      expect((await farInvestigator.inject({ method: 'GET', url: `/api/v1/persons/${personId}/proceedings` })).statusCode).toBe(404);
    });
  });

  describe('who sees what', () => {
    let caseId: string;
    let client: string;
    let other: string;
    beforeAll(async () => {
      clock = new Date('2026-07-01T06:00:00Z');
      caseId = await criminalCase('2026-07-01');
      client = await person('KZ', false);
      other = await person('UZ', true);
      expect((await link(prosecutor, caseId, client)).statusCode).toBe(200);
      expect((await link(prosecutor, caseId, other)).statusCode).toBe(200);
      await t.deps.db.insert(legalAidAssignments).values({
        clientId: randomUUID(),
        personId: client,
        lawyerId: lawyer.user.id,
        lawyerAgencyId: lawyer.user.agencyId,
        funding: 'state_legal_aid',
        criminalCaseId: caseId,
        assignedOn: '2026-07-01',
        assignedBy: prosecutor.user.id,
      });
    });

    it('the coordinator sees pseudonyms only; a lawyer names her client alone; neither may act', async () => {
      const c = await victims(coordinator, caseId);
      expect(c.statusCode).toBe(200);
      const cv = c.json() as ProceedingVictimsView;
      expect(cv.items).toHaveLength(2);
      expect(cv.items.every((v) => v.name === null && v.pseudonym.length > 0)).toBe(true);
      expect(cv.allowedActions).toEqual([]);
      // The coordinator's entitlement view is pseudonymised too, but she may read it.
      expect(cv.items.find((v) => v.personId === other)?.reflectionPeriod).toEqual({ endsOn: null, extended: true });

      const l = await victims(lawyer, caseId);
      expect(l.statusCode).toBe(200);
      const lv = l.json() as ProceedingVictimsView;
      expect(lv.items.find((v) => v.personId === client)?.name).toBeTruthy();
      expect(lv.items.find((v) => v.personId === other)?.name).toBeNull();
      expect(lv.allowedActions).toEqual([]);
      expect((await link(lawyer, caseId, client)).statusCode).toBe(403);
    });

    it('an investigator of another region gets 404, reading or acting', async () => {
      expect((await victims(farInvestigator, caseId)).statusCode).toBe(404);
      expect((await link(farInvestigator, caseId, client)).statusCode).toBe(404);
    });

    it('the person page: the coordinator reads the proceedings nationally; a role without proceedings.read is refused', async () => {
      const item = (await prosecutor.inject({ method: 'GET', url: `/api/v1/persons/${other}/proceedings` })).json().items[0];
      expect(item).toMatchObject({ criminalCaseId: caseId, stage: 'investigation' });
      const viaCoordinator = await coordinator.inject({ method: 'GET', url: `/api/v1/persons/${other}/proceedings` });
      expect(viaCoordinator.statusCode).toBe(200);
      expect(viaCoordinator.json().items[0]).toMatchObject({ criminalCaseId: caseId, articles: ['128'] });
      // The officer has no proceedings.read: the route refuses by role.
      expect((await officer.inject({ method: 'GET', url: `/api/v1/persons/${other}/proceedings` })).statusCode).toBe(403);
    });
  });
});
