import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { JusticeFigures } from '@qorgau/core';
import {
  civilClaims,
  compensationNotices,
  compensationPayments,
  criminalCaseEvents,
  criminalCases,
  defendants,
  legalAidAssignments,
  legalServices,
  persons,
  proceedingVictims,
  protectiveMeasures,
} from '../src/db/schema.ts';
import { encryptPerson } from '../src/modules/persons/persons.service.ts';
import { createTestApp, type Session, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

/**
 * Issue #11: "legal-aid and compensation figures fall out of the data", and DOMAIN.md §6's
 * justice figures (investigations, prosecutions, convictions, complicit officials, victims who
 * participated, the programme's spending). Each counted by its own date, within the reader's scope.
 */
describeEachDb('justice figures', (kind) => {
  let t: TestApp;
  let prosecutor: Session;
  let coordinator: Session;
  let farProsecutor: Session;

  const person = async (citizenship: string, by: Session) => {
    const row = encryptPerson(
      t.deps.cipher,
      { clientId: randomUUID(), firstName: 'Айгерім', secondName: 'Сәрсенова', gender: 'Feminine', citizenship, regionCode: 'KZ-75' },
      { createdBy: by.user.id, ownerAgencyId: by.user.agencyId },
    );
    await t.deps.db.insert(persons).values(row);
    return row.id as string;
  };

  const criminalCase = async (by: Session, regionCode: string, registeredOn: string, articles: string[], stage = 'investigation') => {
    const [row] = await t.deps.db
      .insert(criminalCases)
      .values({
        clientId: randomUUID(),
        erdrNumber: String(Math.floor(Math.random() * 1e15)).padStart(15, '0'),
        articles,
        articlesVersion: '2014.1',
        regionCode,
        ownerAgencyId: by.user.agencyId,
        createdBy: by.user.id,
        stage,
        stageOn: registeredOn,
        registeredOn,
      })
      .returning({ id: criminalCases.id });
    return row!.id;
  };

  const event = (by: Session, criminalCaseId: string, to: string, on: string) =>
    t.deps.db.insert(criminalCaseEvents).values({
      clientId: randomUUID(),
      criminalCaseId,
      type: 'change_stage',
      details: { from: 'investigation', to, on },
      actorId: by.user.id,
      agencyId: by.user.agencyId,
      at: new Date(`${on}T06:00:00Z`),
    });

  const defendant = (by: Session, criminalCaseId: string, seq: number, extra: Partial<typeof defendants.$inferInsert>) =>
    t.deps.db.insert(defendants).values({
      clientId: randomUUID(),
      criminalCaseId,
      seq,
      kind: 'individual',
      nameEnc: 'not-a-name',
      status: 'defendant',
      articles: ['128'],
      createdBy: by.user.id,
      ...extra,
    });

  beforeAll(async () => {
    t = await createTestApp(kind);
    prosecutor = await t.as('prosecutor', { agencyId: await t.createAgency({ type: 'prosecutor', regionCode: 'KZ-75' }), regions: ['KZ-75'] });
    farProsecutor = await t.as('prosecutor', { agencyId: await t.createAgency({ type: 'prosecutor', regionCode: 'KZ-71' }), regions: ['KZ-71'] });
    coordinator = await t.as('national_coordinator', { regions: 'national' });
    const worker = await t.as('case_worker', { agencyId: await t.createAgency({ type: 'ngo', regionCode: 'KZ-75' }), regions: ['KZ-75'] });
    const lawyer = await t.createUser({ role: 'lawyer', agencyId: await t.createAgency({ type: 'legal_aid', regionCode: 'KZ-75' }), regions: ['KZ-75'] });

    // Almaty: an Art. 128 case of 2026 sent to court and decided; an Art. 309 case of 2026; an Art. 135 case of 2025.
    const c1 = await criminalCase(prosecutor, 'KZ-75', '2026-02-01', ['128', '125'], 'final');
    const c2 = await criminalCase(prosecutor, 'KZ-75', '2026-03-01', ['309']);
    const c3 = await criminalCase(prosecutor, 'KZ-75', '2025-05-01', ['135'], 'sent_to_court');
    // Elsewhere: one 2026 Art. 128 case the Almaty prosecutor does not count.
    const far = await criminalCase(farProsecutor, 'KZ-71', '2026-04-01', ['128'], 'sent_to_court');
    await event(prosecutor, c1, 'sent_to_court', '2026-06-01');
    await event(prosecutor, c3, 'sent_to_court', '2025-12-30');
    await event(farProsecutor, far, 'sent_to_court', '2026-07-01');

    await defendant(prosecutor, c1, 1, {
      outcome: 'convicted',
      outcomeOn: '2026-09-01',
      sentenceKind: 'custodial',
      sentenceMonths: 96,
      official: true,
      officialAgencyType: 'police',
    });
    await defendant(prosecutor, c1, 2, { outcome: 'convicted', outcomeOn: '2026-09-01', sentenceKind: 'fine', fineTenge: 500000 });
    await defendant(prosecutor, c1, 3, { outcome: 'acquitted', outcomeOn: '2026-09-01' });
    await defendant(prosecutor, c2, 1, { status: 'suspect', official: true, officialAgencyType: 'migration_service' });
    await defendant(farProsecutor, far, 1, { outcome: 'convicted', outcomeOn: '2026-10-01', sentenceKind: 'suspended', sentenceMonths: 24 });

    // Victims: a citizen in two cases (counted once), a foreign national; one linked in 2025.
    const citizen = await person('KZ', worker);
    const foreign = await person('UZ', worker);
    const old = await person('KZ', worker);
    const link = async (criminalCaseId: string, personId: string, linkedOn: string, participated: boolean) => {
      const [row] = await t.deps.db
        .insert(proceedingVictims)
        .values({ clientId: randomUUID(), criminalCaseId, personId, proceduralRole: 'victim', linkedOn, participated, linkedBy: prosecutor.user.id })
        .returning({ id: proceedingVictims.id });
      return row!.id;
    };
    const v1 = await link(c1, citizen, '2026-02-10', true);
    await link(c2, citizen, '2026-03-10', true);
    const v2 = await link(c1, foreign, '2026-02-11', false);
    await link(c3, old, '2025-05-10', true);
    const measure = (victimId: string, criminalCaseId: string, personId: string, status: string, decidedOn: string | null, costTenge: number | null) =>
      t.deps.db.insert(protectiveMeasures).values({
        clientId: randomUUID(),
        proceedingVictimId: victimId,
        criminalCaseId,
        personId,
        measure: 'ppcp_programme',
        status,
        requestedOn: '2026-02-12',
        decidedOn,
        costTenge,
        requestedBy: prosecutor.user.id,
      });
    await measure(v1, c1, citizen, 'granted', '2026-02-20', 240000);
    await measure(v2, c1, foreign, 'ended', '2026-02-21', 180000);
    await measure(v2, c1, foreign, 'requested', null, null);

    // Redress: both told of the right in 2026 (the citizen twice: one person), one in 2025.
    const notice = (personId: string, informedOn: string, language: string) =>
      t.deps.db
        .insert(compensationNotices)
        .values({ clientId: randomUUID(), personId, informedOn, language, informedBy: worker.user.id, agencyId: worker.user.agencyId });
    await notice(citizen, '2026-02-15', 'kk');
    await notice(citizen, '2026-03-15', 'kk');
    await notice(foreign, '2026-02-16', 'uz');
    await notice(old, '2025-06-01', 'ru');
    const [claim] = await t.deps.db
      .insert(civilClaims)
      .values({
        clientId: randomUUID(),
        personId: citizen,
        criminalCaseId: c1,
        mode: 'with_criminal_case',
        filedOn: '2026-05-01',
        claimedTenge: 3_000_000,
        awardedTenge: 2_000_000,
        awardedOn: '2026-09-01',
        filedBy: prosecutor.user.id,
      })
      .returning({ id: civilClaims.id });
    const pay = (amountTenge: number, source: string, paidOn: string) =>
      t.deps.db
        .insert(compensationPayments)
        .values({ clientId: randomUUID(), claimId: claim!.id, personId: citizen, paidOn, amountTenge, source, recordedBy: worker.user.id });
    await pay(500_000, 'state_fund', '2026-10-01');
    await pay(250_000, 'offender', '2026-11-01');
    await pay(100_000, 'offender', '2027-01-10');
    const [aid] = await t.deps.db
      .insert(legalAidAssignments)
      .values({
        clientId: randomUUID(),
        personId: foreign,
        lawyerId: lawyer.id,
        lawyerAgencyId: lawyer.agencyId,
        funding: 'pro_bono',
        assignedOn: '2026-02-12',
        assignedBy: worker.user.id,
      })
      .returning({ id: legalAidAssignments.id });
    await t.deps.db.insert(legalAidAssignments).values({
      clientId: randomUUID(),
      personId: citizen,
      lawyerId: lawyer.id,
      lawyerAgencyId: lawyer.agencyId,
      funding: 'state_legal_aid',
      assignedOn: '2026-04-01',
      assignedBy: prosecutor.user.id,
    });
    const service = (deliveredOn: string, hours: string) =>
      t.deps.db
        .insert(legalServices)
        .values({ clientId: randomUUID(), assignmentId: aid!.id, personId: foreign, deliveredOn, service: 'consultation', hours, recordedBy: lawyer.id });
    await service('2026-02-13', '1.5');
    await service('2026-03-01', '2');
  });
  afterAll(() => t.close());

  const figures = async (s: Session, year: number) => {
    const res = await s.inject({ method: 'GET', url: `/api/v1/justice/figures?year=${year}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as JusticeFigures;
  };

  it("the Almaty prosecutor's 2026: her region's cases, outcomes, victims as persons, the programme's cost, compensation and legal aid", async () => {
    const f = await figures(prosecutor, 2026);
    expect(f.investigations).toEqual({ registered: 2, trafficking: 1 });
    expect(f.prosecutions).toEqual({ cases: 1 });
    expect(f.outcomes).toEqual({ convicted: 2, acquitted: 1, chargesDropped: 0, custodial: 1, suspended: 0, fine: 1 });
    expect(f.complicitOfficials).toEqual({ suspects: 2, convicted: 1 });
    expect(f.victims).toEqual({ linked: 2, participated: 1, foreign: 1 });
    expect(f.protectionProgramme).toEqual({ persons: 2, citizens: 1, foreign: 1, costTenge: 420000 });
    expect(f.compensation).toEqual({
      informed: 2,
      claims: 1,
      claimedTenge: 3_000_000,
      awardedTenge: 2_000_000,
      paidTenge: 750_000,
      paidByStateFundTenge: 500_000,
      paidByOffenderTenge: 250_000,
    });
    expect(f.legalAid).toEqual({ assignments: 2, stateLegalAid: 1, proBono: 1, ngoFunded: 0, persons: 2, services: 2, hours: 3.5 });
  });

  it('counts each fact in its own year, and the coordinator counts the whole country', async () => {
    const before = await figures(prosecutor, 2025);
    expect(before.investigations).toEqual({ registered: 1, trafficking: 1 });
    expect(before.prosecutions.cases).toBe(1);
    expect(before.victims.linked).toBe(1);
    expect(before.compensation.informed).toBe(1);
    expect((await figures(prosecutor, 2027)).compensation.paidTenge).toBe(100_000);
    const national = await figures(coordinator, 2026);
    expect(national.investigations).toEqual({ registered: 3, trafficking: 2 });
    expect(national.prosecutions.cases).toBe(2);
    expect(national.outcomes.suspended).toBe(1);
    // The Karaganda prosecutor counts only her region's case, and none of the Almaty victims' redress.
    const farOnes = await figures(farProsecutor, 2026);
    expect(farOnes.investigations.registered).toBe(1);
    expect(farOnes.compensation.informed).toBe(0);
  });

  it('refuses a year outside the range field by field, and a role without criminal cases', async () => {
    const res = await prosecutor.inject({ method: 'GET', url: '/api/v1/justice/figures?year=1990' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('year');
    const screener = await t.as('screener');
    expect((await screener.inject({ method: 'GET', url: '/api/v1/justice/figures?year=2026' })).statusCode).toBe(403);
  });
});
