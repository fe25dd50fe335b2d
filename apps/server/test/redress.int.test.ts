import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  auditLog,
  cases,
  civilClaims,
  compensationNotices,
  compensationPayments,
  criminalCases,
  legalAidAssignments,
  proceedingVictims,
  protectionCases,
  providers,
} from '../src/db/schema.ts';
import { overAwardReasonContext } from '../src/modules/redress/redress.service.ts';
import { createTestApp, personBody, type Session, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

describeEachDb('compensation (redress)', (kind) => {
  let t: TestApp;
  let worker: Session;
  let otherWorker: Session;
  let prosecutor: Session;
  let clerk: Session;
  let lawyer: Session;
  let screener: Session;
  let ngo: string;
  let providerId: string;
  let victim: string;
  let criminalCaseId: string;
  let farCaseId: string;
  const clock = new Date('2026-11-25T06:00:00Z');

  const url = (personId: string, tail = '') => `/api/v1/persons/${personId}/redress${tail}`;
  const get = (s: Session, personId: string) => s.inject({ method: 'GET', url: url(personId) });
  const post = (s: Session, personId: string, tail: string, payload: object) =>
    s.inject({ method: 'POST', url: url(personId, tail), payload: { clientId: randomUUID(), ...payload } });
  const queue = async (s: Session) =>
    (await s.inject({ method: 'GET', url: '/api/v1/work' })).json().queues.find((q: { id: string }) => q.id === 'compensation_unexplained');
  const acted = async (personId: string) =>
    (
      await t.deps.db
        .select({ n: count() })
        .from(auditLog)
        .where(and(eq(auditLog.operation, 'redress.acted'), eq(auditLog.recordId, personId)))
    )[0]?.n ?? 0;

  /** A person of the case worker's agency with an open protection case opened on `openedOn`. */
  const protectedPerson = async (openedOn: string) => {
    const personId = (await worker.inject({ method: 'POST', url: '/api/v1/persons', payload: personBody() })).json().id as string;
    const caseRes = await worker.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: { clientId: randomUUID(), personId, regionCode: 'KZ-75', exploitationTypes: ['ForcedLabour'] },
    });
    expect(caseRes.statusCode).toBe(200);
    await t.deps.db.insert(protectionCases).values({
      clientId: randomUUID(),
      reference: `QRG-P-2026-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
      personId,
      caseId: caseRes.json().id as string,
      providerId,
      agencyId: ngo,
      regionCode: 'KZ-75',
      status: 'open',
      openedBy: worker.user.id,
      openedOn,
    });
    return personId;
  };
  const criminalCase = async (regionCode: string, owner: Session) => {
    const [row] = await t.deps.db
      .insert(criminalCases)
      .values({
        clientId: randomUUID(),
        erdrNumber: String(Math.floor(Math.random() * 1e15)).padStart(15, '0'),
        articles: ['128'],
        articlesVersion: '2014.1',
        regionCode,
        ownerAgencyId: owner.user.agencyId,
        createdBy: owner.user.id,
        stage: 'investigation',
        stageOn: '2026-10-01',
        registeredOn: '2026-10-01',
      })
      .returning({ id: criminalCases.id });
    return row?.id as string;
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    t.deps.now = () => clock;
    ngo = await t.createAgency({ type: 'ngo', regionCode: 'KZ-75' });
    worker = await t.as('case_worker', { agencyId: ngo, regions: ['KZ-75'] });
    otherWorker = await t.as('case_worker', { regions: ['KZ-75'] });
    prosecutor = await t.as('prosecutor', { regions: ['KZ-75'] });
    clerk = await t.as('court_clerk', { regions: ['KZ-75'] });
    lawyer = await t.as('lawyer', { regions: ['KZ-75'] });
    screener = await t.as('screener', { regions: ['KZ-75'] });
    const [p] = await t.deps.db
      .insert(providers)
      .values({
        agencyId: ngo,
        nameKk: 'Баспана',
        nameRu: 'Приют',
        nameEn: 'Shelter',
        kind: 'shelter',
        services: ['shelter'],
        regionCode: 'KZ-75',
        settlement: 'urban',
        eligibility: ['adults', 'women'],
        capacity: 5,
        occupancy: 0,
        languages: ['kk', 'ru'],
        funding: 'ngo',
      })
      .returning({ id: providers.id });
    providerId = p?.id as string;
    // Protected since 1 October: the right unexplained for more than 30 days is overdue.
    victim = await protectedPerson('2026-10-01');
    criminalCaseId = await criminalCase('KZ-75', prosecutor);
    // Another region's case, of another prosecutor's office: outside this prosecutor's scope.
    farCaseId = await criminalCase('KZ-71', await t.as('prosecutor', { regions: ['KZ-71'] }));
  });
  afterAll(() => t.close());

  it('reminds the case worker until the right is recorded as explained in the victim’s language', async () => {
    const recent = await protectedPerson('2026-11-20');
    const q = await queue(worker);
    const mine = q.items.filter((i: { href: string }) => i.href === `/persons/${victim}` || i.href === `/persons/${recent}`);
    expect(mine.map((i: { href: string; urgency: string }) => [i.href, i.urgency])).toEqual([
      [`/persons/${victim}`, 'overdue'],
      [`/persons/${recent}`, 'waiting'],
    ]);
    expect(mine[0].facts).toMatchObject({ since: '2026-10-01' });
    expect(mine[0].label).toMatch(/^QRG-P-2026-\d{6}$/);
    expect(mine[0].dueAt).toBe('2026-10-31');
    expect(typeof mine[0].facts.pseudonym).toBe('string');
    // Another agency's case worker is not reminded of persons she does not hold.
    expect((await queue(otherWorker)).items.some((i: { href: string }) => i.href === `/persons/${victim}`)).toBe(false);

    const before = (await get(worker, victim)).json();
    expect(before).toMatchObject({ reminder: true, informed: [], claims: [], totals: { claimed: 0, awarded: 0, paid: 0 } });
    expect(before.allowedActions).toEqual(['record_informed', 'record_payment']);

    const future = await post(worker, victim, '/informed', { informedOn: '2026-11-26', language: 'uz' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields[0]).toMatchObject({ path: 'informedOn', code: 'date_in_future' });
    const badLanguage = await post(worker, victim, '/informed', { informedOn: '2026-11-25', language: 'xx' });
    expect(badLanguage.statusCode).toBe(400);
    expect(badLanguage.json().error.fields[0].path).toBe('language');

    const clientId = randomUUID();
    const res = await worker.inject({ method: 'POST', url: url(victim, '/informed'), payload: { clientId, informedOn: '2026-11-24', language: 'uz' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().reminder).toBe(false);
    expect(res.json().informed).toEqual([
      { id: expect.any(String), informedOn: '2026-11-24', language: 'uz', byRole: 'case_worker', agencyName: expect.any(Object) },
    ]);
    // A replay writes nothing more.
    const replay = await worker.inject({ method: 'POST', url: url(victim, '/informed'), payload: { clientId, informedOn: '2026-11-24', language: 'uz' } });
    expect(replay.json().informed).toHaveLength(1);
    expect((await t.deps.db.select({ n: count() }).from(compensationNotices).where(eq(compensationNotices.personId, victim)))[0]?.n).toBe(1);
    expect(await acted(victim)).toBe(1);
    // The same client id for another person is refused, not written twice.
    const reused = await worker.inject({ method: 'POST', url: url(recent, '/informed'), payload: { clientId, informedOn: '2026-11-24', language: 'uz' } });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error.fields[0]).toMatchObject({ path: 'clientId', code: 'duplicate_id' });
    expect((await get(worker, recent)).json().reminder).toBe(true);
    const after = await queue(worker);
    expect(after.items.some((i: { href: string }) => i.href === `/persons/${victim}`)).toBe(false);
    expect(after.items.some((i: { href: string }) => i.href === `/persons/${recent}`)).toBe(true);
  });

  it('reminds her of a person her agency identified as a victim, not of one merely suspected', async () => {
    const personId = (await worker.inject({ method: 'POST', url: '/api/v1/persons', payload: personBody() })).json().id as string;
    const caseRes = await worker.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: { clientId: randomUUID(), personId, regionCode: 'KZ-75', exploitationTypes: ['SexualExploitation'] },
    });
    expect(caseRes.statusCode).toBe(200);
    const listed = async () => (await queue(worker)).items.some((i: { href: string }) => i.href === `/persons/${personId}`);
    expect(await listed()).toBe(false);
    // The identification decision's cached status (the case workflow's own tests cover the decision).
    await t.deps.db
      .update(cases)
      .set({ traffickingStatus: 'ActualVictimOfTrafficking' })
      .where(eq(cases.id, caseRes.json().id as string));
    expect(await listed()).toBe(true);
    expect((await get(worker, personId)).json().reminder).toBe(true);
  });

  it('a lawyer sees and acts only for her client; the screener and out-of-scope readers are refused', async () => {
    expect((await get(lawyer, victim)).statusCode).toBe(404);
    expect((await post(lawyer, victim, '/claims', { mode: 'separate_civil', filedOn: '2026-11-01', claimedTenge: 1 })).statusCode).toBe(404);
    await t.deps.db.insert(legalAidAssignments).values({
      clientId: randomUUID(),
      personId: victim,
      lawyerId: lawyer.user.id,
      lawyerAgencyId: lawyer.user.agencyId,
      funding: 'pro_bono',
      assignedOn: '2026-11-20',
      assignedBy: worker.user.id,
    });
    const seen = await get(lawyer, victim);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().allowedActions).toEqual(['record_informed', 'file_claim', 'record_payment']);
    const filed = await post(lawyer, victim, '/claims', { mode: 'separate_civil', filedOn: '2026-11-02', claimedTenge: 300_000 });
    expect(filed.statusCode).toBe(200);
    expect(filed.json().claims).toHaveLength(1);
    expect(filed.json().claims[0]).toMatchObject({ mode: 'separate_civil', criminalCase: null, claimedTenge: 300_000, awardedTenge: null });

    // The screener holds no redress permission; another agency's case worker does not hold the person.
    expect((await get(screener, victim)).statusCode).toBe(403);
    expect((await post(screener, victim, '/informed', { informedOn: '2026-11-24', language: 'kk' })).statusCode).toBe(403);
    expect((await get(otherWorker, victim)).statusCode).toBe(404);
    expect((await post(otherWorker, victim, '/informed', { informedOn: '2026-11-24', language: 'kk' })).statusCode).toBe(404);
    // The case worker reads the person but may not file a claim (the action table): 403, nothing written.
    const refused = await post(worker, victim, '/claims', { mode: 'separate_civil', filedOn: '2026-11-02', claimedTenge: 1 });
    expect(refused.statusCode).toBe(403);
    expect((await get(worker, victim)).json().claims).toHaveLength(1);
  });

  it('a claim with the criminal case, the award and payments: totals fall out of the data; bad input is refused with nothing written', async () => {
    // The victim is a party to the criminal case: the prosecutor's form offers it; the case worker (no criminal-case access) is offered none.
    await t.deps.db.insert(proceedingVictims).values({
      clientId: randomUUID(),
      criminalCaseId,
      personId: victim,
      proceduralRole: 'victim',
      linkedOn: '2026-10-05',
      linkedBy: prosecutor.user.id,
    });
    expect((await get(prosecutor, victim)).json().criminalCases).toEqual([{ id: criminalCaseId, erdrNumber: expect.any(String) }]);
    expect((await get(worker, victim)).json().criminalCases).toEqual([]);
    // The prosecutor also explains the right, in Russian, in this case; not in a case she cannot open.
    const farNotice = await post(prosecutor, victim, '/informed', { informedOn: '2026-11-25', language: 'ru', criminalCaseId: farCaseId });
    expect(farNotice.statusCode).toBe(400);
    expect(farNotice.json().error.fields[0]).toMatchObject({ path: 'criminalCaseId', code: 'invalid_reference' });
    const notice = await post(prosecutor, victim, '/informed', { informedOn: '2026-11-25', language: 'ru', criminalCaseId });
    expect(notice.json().informed.map((n: { language: string; byRole: string }) => [n.language, n.byRole])).toEqual([
      ['uz', 'case_worker'],
      ['ru', 'prosecutor'],
    ]);
    const actedBefore = await acted(victim);
    const noCase = await post(prosecutor, victim, '/claims', { mode: 'with_criminal_case', filedOn: '2026-11-01', claimedTenge: 1_000_000 });
    expect(noCase.statusCode).toBe(400);
    expect(noCase.json().error.fields[0]).toMatchObject({ path: 'criminalCaseId', code: 'claim_needs_criminal_case' });
    const farCase = await post(prosecutor, victim, '/claims', {
      mode: 'with_criminal_case',
      criminalCaseId: farCaseId,
      filedOn: '2026-11-01',
      claimedTenge: 1,
    });
    expect(farCase.statusCode).toBe(400);
    expect(farCase.json().error.fields[0]).toMatchObject({ path: 'criminalCaseId', code: 'invalid_reference' });
    const negative = await post(prosecutor, victim, '/claims', { mode: 'with_criminal_case', criminalCaseId, filedOn: '2026-11-01', claimedTenge: -5 });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.fields[0]).toMatchObject({ path: 'claimedTenge', code: 'amount_negative' });
    expect(await acted(victim)).toBe(actedBefore);

    const filed = await post(prosecutor, victim, '/claims', { mode: 'with_criminal_case', criminalCaseId, filedOn: '2026-11-01', claimedTenge: 1_000_000 });
    expect(filed.statusCode).toBe(200);
    const claim = filed.json().claims.find((c: { mode: string }) => c.mode === 'with_criminal_case');
    expect(claim.criminalCase).toMatchObject({ id: criminalCaseId });
    expect(claim.criminalCase.erdrNumber).toMatch(/^\d{15}$/);

    // A payment needs an award first.
    const early = await post(worker, victim, `/claims/${claim.id}/payments`, { paidOn: '2026-11-20', amountTenge: 100, source: 'state_fund' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields[0]).toMatchObject({ path: 'amountTenge', code: 'no_award' });
    // The award: the court clerk's; not before the claim was filed.
    expect((await post(prosecutor, victim, `/claims/${claim.id}/award`, { awardedTenge: 1, awardedOn: '2026-11-10' })).statusCode).toBe(403);
    const beforeFiling = await post(clerk, victim, `/claims/${claim.id}/award`, { awardedTenge: 800_000, awardedOn: '2026-10-31' });
    expect(beforeFiling.statusCode).toBe(400);
    expect(beforeFiling.json().error.fields[0]).toMatchObject({ path: 'awardedOn', code: 'award_before_filing' });
    const otherClaim = await post(clerk, victim, `/claims/${randomUUID()}/award`, { awardedTenge: 1, awardedOn: '2026-11-10' });
    expect(otherClaim.statusCode).toBe(404);
    const awarded = await post(clerk, victim, `/claims/${claim.id}/award`, { awardedTenge: 800_000, awardedOn: '2026-11-10' });
    expect(awarded.statusCode).toBe(200);
    expect(awarded.json().allowedActions).toEqual(['record_award']);

    const paid = await post(worker, victim, `/claims/${claim.id}/payments`, { paidOn: '2026-11-20', amountTenge: 500_000, source: 'state_fund' });
    expect(paid.statusCode).toBe(200);
    const paymentsBefore = (await t.deps.db.select({ n: count() }).from(compensationPayments).where(eq(compensationPayments.claimId, claim.id)))[0]?.n;
    const actedMid = await acted(victim);
    const beyond = await post(worker, victim, `/claims/${claim.id}/payments`, { paidOn: '2026-11-24', amountTenge: 400_000, source: 'offender' });
    expect(beyond.statusCode).toBe(400);
    expect(beyond.json().error.fields[0]).toMatchObject({ path: 'overAwardReason', code: 'payment_beyond_award_needs_reason' });
    expect((await t.deps.db.select({ n: count() }).from(compensationPayments).where(eq(compensationPayments.claimId, claim.id)))[0]?.n).toBe(paymentsBefore);
    expect(await acted(victim)).toBe(actedMid);

    const reason = 'Court-ordered interest for late payment';
    const withReason = await post(worker, victim, `/claims/${claim.id}/payments`, {
      paidOn: '2026-11-24',
      amountTenge: 400_000,
      source: 'offender',
      overAwardReason: reason,
    });
    expect(withReason.statusCode).toBe(200);
    const view = withReason.json();
    const c = view.claims.find((x: { id: string }) => x.id === claim.id);
    expect(c).toMatchObject({ awardedTenge: 800_000, awardedOn: '2026-11-10', paidTenge: 900_000 });
    expect(c.payments).toEqual([
      { id: expect.any(String), paidOn: '2026-11-20', amountTenge: 500_000, source: 'state_fund', overAward: false },
      { id: expect.any(String), paidOn: '2026-11-24', amountTenge: 400_000, source: 'offender', overAward: true },
    ]);
    // The lawyer's separate claim (300,000 claimed) and this one.
    expect(view.totals).toEqual({ claimed: 1_300_000, awarded: 800_000, paid: 900_000 });
    // The reason is personal data: stored encrypted under its own context.
    const [row] = await t.deps.db
      .select({ id: compensationPayments.id, enc: compensationPayments.overAwardReasonEnc })
      .from(compensationPayments)
      .where(and(eq(compensationPayments.claimId, claim.id), eq(compensationPayments.source, 'offender')));
    expect(row?.enc).not.toContain('interest');
    expect(t.deps.cipher.decrypt(row?.enc as string, overAwardReasonContext(row?.id as string))).toBe(reason);

    // The audit says what was done, by codes and amounts; reading is audited too.
    const [entry] = await t.deps.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.operation, 'redress.acted'), eq(auditLog.recordId, victim)))
      .orderBy(auditLog.id)
      .limit(1)
      .offset((await acted(victim)) - 1);
    expect(entry?.details).toMatchObject({ type: 'record_payment', amountTenge: 400_000, source: 'offender', overAward: true });
    const reads = await t.deps.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.operation, 'redress.read'), eq(auditLog.recordId, victim)));
    expect(reads[0]?.n).toBeGreaterThan(0);
    // The database holds exactly what the view totals.
    const claims = await t.deps.db.select().from(civilClaims).where(eq(civilClaims.personId, victim));
    expect(claims.reduce((s, x) => s + x.claimedTenge, 0)).toBe(1_300_000);
  });
});
