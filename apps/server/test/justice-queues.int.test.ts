import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fromDayNumber, kazakhstanDate, toDayNumber, type WorkOverview, type WorkQueue } from '@qorgau/core';
import { cases, criminalCases, proceedingVictims, protectiveMeasures } from '../src/db/schema.ts';
import { createTestApp, screeningBody, type Session, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

const day = (offset: number) => fromDayNumber(toDayNumber(kazakhstanDate(new Date())) + offset);

/**
 * Issue #11 items 4 and 6: the prosecutor's home page shows her region's criminal cases by
 * stage and deadline and the victims awaiting protective measures; the investigator's shows
 * her own cases; the court clerk's the cases in court; a non-punishment flag names the
 * criminal case the person is a victim in, when the prosecutor may read that case.
 */
describeEachDb('justice queues on the home page (GET /api/v1/work)', (kind) => {
  let t: TestApp;
  let prosecutor75: Session;
  let prosecutor61: Session;
  let investigatorA: Session;
  let investigatorB: Session;
  let clerk75: Session;
  let lawyer: Session;
  const cc = {} as Record<'overdue' | 'dueSoon' | 'later' | 'suspended' | 'sent' | 'appeal' | 'final' | 'other', string>;
  const erdr = {} as Record<keyof typeof cc, string>;
  const flagged = {} as Record<'linked' | 'linkedElsewhere' | 'unlinked', { caseId: string; personId: string }>;
  const measure = {} as Record<'late' | 'fresh' | 'granted' | 'other', string>;

  const queue = async (s: Session, id: string): Promise<WorkQueue | undefined> => {
    const res = await s.inject({ method: 'GET', url: '/api/v1/work' });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as WorkOverview).queues.find((q) => q.id === id);
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    const police75 = await t.createAgency({ type: 'police', regionCode: 'KZ-75', name: 'Police KZ-75' });
    const policeB = await t.createAgency({ type: 'police', regionCode: 'KZ-75', name: 'Police KZ-75, district unit' });
    const police61 = await t.createAgency({ type: 'police', regionCode: 'KZ-61', name: 'Police KZ-61' });
    const office75 = await t.createAgency({ type: 'prosecutor', regionCode: 'KZ-75' });
    const office61 = await t.createAgency({ type: 'prosecutor', regionCode: 'KZ-61' });
    prosecutor75 = await t.as('prosecutor', { agencyId: office75, regions: ['KZ-75'] });
    prosecutor61 = await t.as('prosecutor', { agencyId: office61, regions: ['KZ-61'] });
    investigatorA = await t.as('investigator', { agencyId: police75, regions: ['KZ-75'] });
    investigatorB = await t.as('investigator', { agencyId: policeB, regions: ['KZ-75'] });
    clerk75 = await t.as('court_clerk', { agencyId: await t.createAgency({ type: 'court', regionCode: 'KZ-75' }), regions: ['KZ-75'] });
    lawyer = await t.as('lawyer', { agencyId: await t.createAgency({ type: 'legal_aid', regionCode: 'KZ-75' }), regions: ['KZ-75'] });
    const screener = await t.as('screener', { regions: ['KZ-75'] });
    const officer = await t.as('identification_officer', { agencyId: police75, regions: ['KZ-75'] });

    // Criminal cases, written directly (registration is another module's).
    const spec: [keyof typeof cc, Partial<typeof criminalCases.$inferInsert>][] = [
      ['overdue', { stage: 'investigation', deadlineOn: day(-2), investigatorId: investigatorA.user.id }],
      ['dueSoon', { stage: 'investigation', deadlineOn: day(5), investigatorId: investigatorB.user.id, ownerAgencyId: policeB }],
      ['later', { stage: 'registered', deadlineOn: day(40), investigatorId: investigatorA.user.id }],
      ['suspended', { stage: 'suspended', deadlineOn: null, stageReason: 'suspect_absconded' }],
      ['sent', { stage: 'sent_to_court', stageOn: day(-30), deadlineOn: day(-60) }],
      ['appeal', { stage: 'appeal', stageOn: day(-100), deadlineOn: day(-200) }],
      ['final', { stage: 'final', stageOn: day(-10), endedOn: day(-10), deadlineOn: day(-300), investigatorId: investigatorA.user.id }],
      ['other', { stage: 'investigation', deadlineOn: day(-9), regionCode: 'KZ-61', ownerAgencyId: police61, createdBy: prosecutor61.user.id }],
    ];
    let n = 0;
    for (const [key, over] of spec) {
      erdr[key] = `2026${String(750_000_000 + ++n).padStart(11, '0')}`;
      const [row] = await t.deps.db
        .insert(criminalCases)
        .values({
          clientId: randomUUID(),
          erdrNumber: erdr[key],
          articles: ['128.1'],
          articlesVersion: '2014.1',
          exploitationTypes: ['ForcedLabour'],
          regionCode: 'KZ-75',
          ownerAgencyId: police75,
          createdBy: prosecutor75.user.id,
          stageOn: day(-20),
          registeredOn: day(-400),
          ...over,
          stage: over.stage as string,
        })
        .returning({ id: criminalCases.id });
      cc[key] = row?.id as string;
    }

    // Persons with an NRM case in KZ-75, each flagged for non-punishment by the police.
    const person = async () => {
      const s = await screener.inject({ method: 'POST', url: '/api/v1/screenings', payload: screeningBody({ regionCode: 'KZ-75' }) });
      expect(s.statusCode, s.body).toBe(200);
      const { id, caseId } = s.json() as { id: string; caseId: string };
      const h = await screener.inject({ method: 'POST', url: `/api/v1/screenings/${id}/handover`, payload: { toAgencyId: police75 } });
      expect(h.statusCode, h.body).toBe(200);
      const flag = await officer.inject({
        method: 'POST',
        url: `/api/v1/cases/${caseId}/actions`,
        payload: { clientId: randomUUID(), action: { type: 'non_punishment_flagged', text: 'Fined for working without a permit' } },
      });
      expect(flag.statusCode, flag.body).toBe(200);
      const [c] = await t.deps.db.select({ personId: cases.personId }).from(cases).where(eq(cases.id, caseId));
      return { caseId, personId: c?.personId as string };
    };
    flagged.linked = await person();
    flagged.linkedElsewhere = await person();
    flagged.unlinked = await person();
    const link = async (caseKey: keyof typeof cc, personId: string) => {
      const [row] = await t.deps.db
        .insert(proceedingVictims)
        .values({ clientId: randomUUID(), criminalCaseId: cc[caseKey], personId, proceduralRole: 'victim', linkedOn: day(-15), linkedBy: prosecutor75.user.id })
        .returning({ id: proceedingVictims.id });
      return row?.id as string;
    };
    const pvOverdue = await link('overdue', flagged.linked.personId);
    // A later case of the same person that the KZ-75 prosecutor may read too: the most recently registered is named.
    await t.deps.db
      .update(criminalCases)
      .set({ registeredOn: day(-500) })
      .where(eq(criminalCases.id, cc.overdue));
    await link('later', flagged.linked.personId);
    const pvOther = await link('other', flagged.linkedElsewhere.personId);
    const pvDueSoon = await link('dueSoon', flagged.linkedElsewhere.personId);
    const addMeasure = async (key: keyof typeof measure, pv: string, caseKey: keyof typeof cc, personId: string, status: string, requestedOn: string) => {
      const [row] = await t.deps.db
        .insert(protectiveMeasures)
        .values({
          clientId: randomUUID(),
          proceedingVictimId: pv,
          criminalCaseId: cc[caseKey],
          personId,
          measure: key === 'late' ? 'ppcp_programme' : 'personal_security',
          status,
          requestedOn,
          requestedBy: investigatorA.user.id,
        })
        .returning({ id: protectiveMeasures.id });
      measure[key] = row?.id as string;
    };
    await addMeasure('late', pvOverdue, 'overdue', flagged.linked.personId, 'requested', day(-5));
    await addMeasure('fresh', pvDueSoon, 'dueSoon', flagged.linkedElsewhere.personId, 'requested', day(-1));
    await addMeasure('granted', pvOverdue, 'overdue', flagged.linked.personId, 'granted', day(-30));
    await addMeasure('other', pvOther, 'other', flagged.linkedElsewhere.personId, 'requested', day(-20));
  }, 120_000);
  afterAll(() => t?.close());

  it("the prosecutor's pre-trial cases of her region: overdue, due within 14 days, later, by deadline; nothing in court or closed", async () => {
    const q = await queue(prosecutor75, 'criminal_case_deadlines');
    expect(q?.counts).toEqual({ overdue: 1, due_soon: 1, waiting: 2 });
    expect(q?.listHref).toBe('/criminal-cases');
    expect(q?.items.map((i) => [i.href, i.label, i.urgency, i.dueAt, i.facts.stage])).toEqual([
      [`/criminal-cases/${cc.overdue}`, erdr.overdue, 'overdue', day(-2), 'investigation'],
      [`/criminal-cases/${cc.dueSoon}`, erdr.dueSoon, 'due_soon', day(5), 'investigation'],
      [`/criminal-cases/${cc.later}`, erdr.later, 'waiting', day(40), 'registered'],
      [`/criminal-cases/${cc.suspended}`, erdr.suspended, 'waiting', null, 'suspended'],
    ]);
    // Another region's prosecutor sees only her region's case.
    const other = await queue(prosecutor61, 'criminal_case_deadlines');
    expect(other?.counts).toEqual({ overdue: 1, due_soon: 0, waiting: 0 });
    expect(other?.items.map((i) => i.label)).toEqual([erdr.other]);
  });

  it('a case that moves to court leaves the deadlines and joins the cases in court', async () => {
    await t.deps.db
      .update(criminalCases)
      .set({ stage: 'sent_to_court', stageOn: day(-1) })
      .where(eq(criminalCases.id, cc.later));
    try {
      expect((await queue(prosecutor75, 'criminal_case_deadlines'))?.counts).toEqual({ overdue: 1, due_soon: 1, waiting: 1 });
      expect((await queue(clerk75, 'criminal_cases_in_court'))?.items.map((i) => i.label)).toEqual([erdr.appeal, erdr.sent, erdr.later]);
    } finally {
      await t.deps.db
        .update(criminalCases)
        .set({ stage: 'registered', stageOn: day(-20) })
        .where(eq(criminalCases.id, cc.later));
    }
  });

  it('cases in court, longest in their stage first, for the prosecutor and the court clerk of the region', async () => {
    for (const s of [prosecutor75, clerk75]) {
      const q = await queue(s, 'criminal_cases_in_court');
      expect(q?.counts).toEqual({ overdue: 0, due_soon: 0, waiting: 2 });
      expect(q?.items.map((i) => [i.href, i.urgency, i.facts.stage, i.facts.since])).toEqual([
        [`/criminal-cases/${cc.appeal}`, 'waiting', 'appeal', day(-100)],
        [`/criminal-cases/${cc.sent}`, 'waiting', 'sent_to_court', day(-30)],
      ]);
    }
    expect((await queue(prosecutor61, 'criminal_cases_in_court'))?.counts).toEqual({ overdue: 0, due_soon: 0, waiting: 0 });
    // The clerk has no pre-trial queue.
    expect(await queue(clerk75, 'criminal_case_deadlines')).toBeUndefined();
  });

  it('victims awaiting a protective measure: oldest request first, overdue after three days; granted ones and other regions left out', async () => {
    const q = await queue(prosecutor75, 'measures_awaiting');
    expect(q?.counts).toEqual({ overdue: 1, due_soon: 1, waiting: 0 });
    expect(q?.items.map((i) => [i.href, i.label, i.urgency, i.facts.measure, i.facts.since, i.dueAt])).toEqual([
      [`/criminal-cases/${cc.overdue}`, erdr.overdue, 'overdue', 'ppcp_programme', day(-5), day(-2)],
      [`/criminal-cases/${cc.dueSoon}`, erdr.dueSoon, 'due_soon', 'personal_security', day(-1), day(2)],
    ]);
    expect(q?.items[0]?.facts.pseudonym).toEqual(expect.any(String));
    expect(JSON.stringify(q)).not.toContain('Dilnoza');
    const other = await queue(prosecutor61, 'measures_awaiting');
    expect(other?.counts).toEqual({ overdue: 1, due_soon: 0, waiting: 0 });
    // The investigator acts on her own unit's cases: B's unit owns only the due-soon case.
    expect((await queue(investigatorB, 'measures_awaiting'))?.items.map((i) => i.label)).toEqual([erdr.dueSoon]);
    // A decision takes the measure out of the queue.
    await t.deps.db
      .update(protectiveMeasures)
      .set({ status: 'granted', decidedOn: day(0) })
      .where(eq(protectiveMeasures.id, measure.late));
    try {
      expect((await queue(prosecutor75, 'measures_awaiting'))?.counts).toEqual({ overdue: 0, due_soon: 1, waiting: 0 });
    } finally {
      await t.deps.db.update(protectiveMeasures).set({ status: 'requested', decidedOn: null }).where(eq(protectiveMeasures.id, measure.late));
    }
  });

  it("the investigator's own open cases only, by deadline", async () => {
    const a = await queue(investigatorA, 'my_criminal_cases');
    expect(a?.counts).toEqual({ overdue: 1, due_soon: 0, waiting: 1 });
    expect(a?.items.map((i) => [i.label, i.urgency])).toEqual([
      [erdr.overdue, 'overdue'],
      [erdr.later, 'waiting'],
    ]);
    const b = await queue(investigatorB, 'my_criminal_cases');
    expect(b?.items.map((i) => [i.label, i.urgency])).toEqual([[erdr.dueSoon, 'due_soon']]);
    // The prosecutor and the lawyer have no such queue; the lawyer no prosecutor's queue either.
    expect(await queue(prosecutor75, 'my_criminal_cases')).toBeUndefined();
    expect(await queue(lawyer, 'criminal_case_deadlines')).toBeUndefined();
  });

  it('a non-punishment flag names the criminal case the person is a victim in, only when the prosecutor may read that case', async () => {
    const q = await queue(prosecutor75, 'non_punishment_flags');
    expect(q?.counts.waiting).toBe(3);
    const byHref = new Map(q?.items.map((i) => [i.href, i.facts]));
    // Linked to two KZ-75 cases: the most recently registered one is named.
    expect(byHref.get(`/cases/${flagged.linked.caseId}`)?.criminalCase).toBe(erdr.later);
    // Linked to a KZ-61 case (outside her scope) and a KZ-75 one: only the readable one shows.
    expect(byHref.get(`/cases/${flagged.linkedElsewhere.caseId}`)?.criminalCase).toBe(erdr.dueSoon);
    expect(byHref.get(`/cases/${flagged.unlinked.caseId}`)).toBeDefined();
    expect(byHref.get(`/cases/${flagged.unlinked.caseId}`)?.criminalCase).toBeUndefined();
    // The readable case moves to another region (and was registered there): the KZ-61 cases are not named to her.
    await t.deps.db.update(criminalCases).set({ regionCode: 'KZ-61', createdBy: prosecutor61.user.id }).where(eq(criminalCases.id, cc.dueSoon));
    try {
      const again = new Map((await queue(prosecutor75, 'non_punishment_flags'))?.items.map((i) => [i.href, i.facts]));
      expect(again.get(`/cases/${flagged.linkedElsewhere.caseId}`)).toBeDefined();
      expect(again.get(`/cases/${flagged.linkedElsewhere.caseId}`)?.criminalCase).toBeUndefined();
      expect(again.get(`/cases/${flagged.linked.caseId}`)?.criminalCase).toBe(erdr.later);
    } finally {
      await t.deps.db.update(criminalCases).set({ regionCode: 'KZ-75', createdBy: prosecutor75.user.id }).where(eq(criminalCases.id, cc.dueSoon));
    }
  });
});
