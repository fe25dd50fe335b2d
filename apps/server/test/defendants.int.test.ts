import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditLog, criminalCaseEvents, criminalCases, defendants, legalAidAssignments, proceedingVictims } from '../src/db/schema.ts';
import { createTestApp, personBody, type Session, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

describeEachDb('defendants of a criminal case', (kind) => {
  let t: TestApp;
  let prosecutor: Session;
  let investigator: Session;
  let clerk: Session;
  let coordinator: Session;
  let elsewhere: Session;
  let agencyId: string;
  const clock = new Date('2026-11-20T06:00:00Z');
  const PERSON = 'Серік Бекұлы Ахметов';
  const BUSINESS = 'ТОО «Шолпан Тревел»';

  /** A criminal case of the prosecutor's office, registered on 1 March, at `stage` (inserted directly). */
  const newCase = async (stage = 'investigation') => {
    const [row] = await t.deps.db
      .insert(criminalCases)
      .values({
        clientId: randomUUID(),
        erdrNumber: String(Math.floor(Math.random() * 1e15)).padStart(15, '0'),
        articles: ['128'],
        articlesVersion: '2014.1',
        regionCode: 'KZ-75',
        ownerAgencyId: agencyId,
        createdBy: prosecutor.user.id,
        investigatorId: investigator.user.id,
        stage,
        stageOn: '2026-03-01',
        registeredOn: '2026-03-01',
      })
      .returning({ id: criminalCases.id });
    return row?.id as string;
  };
  const setStage = (id: string, stage: string) => t.deps.db.update(criminalCases).set({ stage, stageOn: '2026-10-01' }).where(eq(criminalCases.id, id));
  const url = (id: string, rest = '') => `/api/v1/criminal-cases/${id}/defendants${rest}`;
  const add = (s: Session, id: string, body: object) => s.inject({ method: 'POST', url: url(id), payload: { clientId: randomUUID(), ...body } });
  const act = (s: Session, id: string, defendantId: string, what: string, body: object) =>
    s.inject({ method: 'POST', url: url(id, `/${defendantId}/${what}`), payload: { clientId: randomUUID(), ...body } });
  const counts = async (id: string) => ({
    defendants: (await t.deps.db.select({ id: defendants.id }).from(defendants).where(eq(defendants.criminalCaseId, id))).length,
    events: (await t.deps.db.select({ id: criminalCaseEvents.id }).from(criminalCaseEvents).where(eq(criminalCaseEvents.criminalCaseId, id))).length,
  });
  const fields = (res: { json(): { error: { fields: { path: string; code: string }[] } } }) => res.json().error.fields.map((f) => `${f.path}:${f.code}`);

  beforeAll(async () => {
    t = await createTestApp(kind);
    t.deps.now = () => clock;
    agencyId = await t.createAgency({ type: 'prosecutor', regionCode: 'KZ-75' });
    prosecutor = await t.as('prosecutor', { agencyId, regions: ['KZ-75'] });
    investigator = await t.as('investigator', { agencyId, regions: ['KZ-75'] });
    clerk = await t.as('court_clerk', { regions: ['KZ-75'] });
    coordinator = await t.as('national_coordinator', { regions: 'national' });
    elsewhere = await t.as('investigator', { regions: ['KZ-71'] });
  });
  afterAll(() => t.close());

  it('adds an individual and a business; the complicit police officer is flagged; names are encrypted, shown and audited by scope', async () => {
    const id = await newCase();
    const first = await add(prosecutor, id, {
      kind: 'individual',
      name: PERSON,
      citizenship: 'KZ',
      official: true,
      officialAgencyType: 'police',
      articles: ['128'],
    });
    expect(first.statusCode).toBe(200);
    const second = await add(investigator, id, { kind: 'business', name: BUSINESS, status: 'accused', articles: ['128', '125'] });
    expect(second.statusCode).toBe(200);
    const view = second.json();
    expect(view).toMatchObject({ namesShown: true, canAdd: true });
    expect(view.items.map((d: { seq: number; name: string; kind: string }) => [d.seq, d.name, d.kind])).toEqual([
      [1, PERSON, 'individual'],
      [2, BUSINESS, 'business'],
    ]);
    expect(view.items[0]).toMatchObject({
      official: true,
      officialAgencyType: 'police',
      status: 'suspect',
      charges: [{ reason: 'initial', articles: ['128'], on: '2026-11-20' }],
    });
    expect(view.items[1]).toMatchObject({ official: false, officialAgencyType: null, status: 'accused' });
    expect(view.items[0].allowedActions).toEqual(['update_defendant', 'charge']);

    // Complicity is countable: one official among the case's defendants.
    const officials = await t.deps.db
      .select({ n: sql<number>`count(*)::int` })
      .from(defendants)
      .where(and(eq(defendants.criminalCaseId, id), eq(defendants.official, true)));
    expect(Number(officials[0]?.n)).toBe(1);

    // Neither name is stored, logged or evented in plaintext.
    const stored = await t.deps.db.select({ nameEnc: defendants.nameEnc }).from(defendants).where(eq(defendants.criminalCaseId, id));
    expect(stored).toHaveLength(2);
    for (const r of stored) for (const name of [PERSON, BUSINESS, 'Ахметов', 'Шолпан']) expect(r.nameEnc).not.toContain(name);
    const events = await t.deps.db
      .select({ type: criminalCaseEvents.type, details: criminalCaseEvents.details })
      .from(criminalCaseEvents)
      .where(eq(criminalCaseEvents.criminalCaseId, id));
    expect(events.map((e) => e.type)).toEqual(['add_defendant', 'add_defendant']);
    const audits = await t.deps.db.select({ operation: auditLog.operation, details: auditLog.details }).from(auditLog).where(eq(auditLog.recordId, id));
    for (const text of [JSON.stringify(events), JSON.stringify(audits)]) expect(text).not.toMatch(/Ахметов|Шолпан/);
    expect(audits.filter((a) => a.operation === 'criminal_case.acted').map((a) => a.details.type)).toEqual(['add_defendant', 'add_defendant']);

    // The prosecutor reads names (audited names: true); the coordinator sees the case, numbers only.
    const read = await prosecutor.inject({ method: 'GET', url: url(id) });
    expect(read.json().items.map((d: { name: string }) => d.name)).toEqual([PERSON, BUSINESS]);
    const seen = await coordinator.inject({ method: 'GET', url: url(id) });
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ namesShown: false, canAdd: false });
    expect(
      seen.json().items.map((d: { seq: number; name: null; official: boolean; allowedActions: string[] }) => [d.seq, d.name, d.official, d.allowedActions]),
    ).toEqual([
      [1, null, true, []],
      [2, null, false, []],
    ]);
    const reads = await t.deps.db
      .select({ actorId: auditLog.actorId, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.recordId, id), eq(auditLog.operation, 'criminal_case.read')));
    expect(reads.filter((r) => r.actorId === prosecutor.user.id).map((r) => r.details)).toContainEqual({ part: 'defendants', names: true });
    expect(reads.filter((r) => r.actorId === coordinator.user.id).map((r) => r.details)).toEqual([{ part: 'defendants', names: false }]);

    // Another region's investigator: not found, reading or writing, and nothing written.
    const before = await counts(id);
    expect((await elsewhere.inject({ method: 'GET', url: url(id) })).statusCode).toBe(404);
    expect((await add(elsewhere, id, { kind: 'individual', name: 'X Y', articles: ['128'] })).statusCode).toBe(404);
    expect(await counts(id)).toEqual(before);

    // A replay of the same client id writes nothing.
    const clientId = randomUUID();
    const once = await prosecutor.inject({ method: 'POST', url: url(id), payload: { clientId, kind: 'individual', name: 'Асқар Төлеуов', articles: ['128'] } });
    const twice = await prosecutor.inject({
      method: 'POST',
      url: url(id),
      payload: { clientId, kind: 'individual', name: 'Асқар Төлеуов', articles: ['128'] },
    });
    expect([once.statusCode, twice.statusCode]).toEqual([200, 200]);
    expect((await counts(id)).defendants).toBe(before.defendants + 1);
  });

  it('refuses inconsistent defendants field by field, writing nothing', async () => {
    const id = await newCase();
    const business = await add(prosecutor, id, { kind: 'business', name: BUSINESS, official: true, officialAgencyType: 'police', articles: ['128'] });
    expect(business.statusCode).toBe(400);
    expect(fields(business)).toEqual(['official:business_not_official']);
    const noAgency = await add(prosecutor, id, { kind: 'individual', name: PERSON, official: true, articles: ['128', '999'] });
    expect(fields(noAgency)).toEqual(['officialAgencyType:official_agency_required', 'articles.1:unknown_article']);
    expect(await counts(id)).toEqual({ defendants: 0, events: 0 });
    // Clearing the flag clears the agency type; an agency without the flag is refused.
    const d = (
      await add(prosecutor, id, { kind: 'individual', name: PERSON, official: true, officialAgencyType: 'migration_service', articles: ['128'] })
    ).json().items[0];
    const wrong = await act(prosecutor, id, d.id, 'update', { official: false, officialAgencyType: 'police' });
    expect(fields(wrong)).toEqual(['officialAgencyType:agency_without_official']);
    const cleared = await act(investigator, id, d.id, 'update', { official: false, status: 'accused' });
    expect(cleared.json().items[0]).toMatchObject({ official: false, officialAgencyType: null, status: 'accused' });
    // Another case's defendant is not found through this case.
    const other = await newCase();
    expect((await act(prosecutor, other, d.id, 'update', { status: 'defendant' })).statusCode).toBe(404);
  });

  it('reclassifies 128 -> 128, 125 keeping the history; the court records the outcome only once the case is in court', async () => {
    const id = await newCase();
    const d = (await add(prosecutor, id, { kind: 'individual', name: PERSON, articles: ['128'] })).json().items[0];

    const reclassified = await act(investigator, id, d.id, 'charge', {
      articles: ['128', '125'],
      reason: 'reclassified_by_investigator',
      on: '2026-05-01',
      note: 'Новые доказательства',
    });
    expect(reclassified.statusCode).toBe(200);
    expect(reclassified.json().items[0]).toMatchObject({
      articles: ['128', '125'],
      charges: [
        { reason: 'initial', articles: ['128'], on: '2026-11-20' },
        { reason: 'reclassified_by_investigator', articles: ['128', '125'], on: '2026-05-01' },
      ],
    });
    const before = await counts(id);
    const unchanged = await act(prosecutor, id, d.id, 'charge', { articles: ['125', '128'], reason: 'reclassified_by_prosecutor', on: '2026-05-02' });
    expect(fields(unchanged)).toEqual(['articles:articles_unchanged']);
    const courtReason = await act(prosecutor, id, d.id, 'charge', { articles: ['128'], reason: 'reclassified_by_court', on: '2026-02-01' });
    expect(fields(courtReason)).toEqual(['reason:reason_not_for_role', 'on:before_case_registered']);

    // Pre-trial, the outcome is not the court's yet: 409, whoever asks with the right role.
    const early = await act(clerk, id, d.id, 'outcome', { outcome: 'convicted', on: '2026-10-05', sentenceKind: 'custodial', sentenceMonths: 96 });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('invalid_transition');
    expect(await counts(id)).toEqual(before);

    await setStage(id, 'first_instance_verdict');
    expect((await act(investigator, id, d.id, 'outcome', { outcome: 'acquitted', on: '2026-10-05' })).statusCode).toBe(403);
    const bad = [
      [{ outcome: 'convicted', on: '2026-10-05' }, ['sentenceKind:sentence_required']],
      [{ outcome: 'acquitted', on: '2026-10-05', sentenceMonths: 12 }, ['sentenceMonths:not_with_outcome']],
      [{ outcome: 'convicted', on: '2026-10-05', sentenceKind: 'fine', fineTenge: -5 }, ['fineTenge:fine_range']],
      [
        { outcome: 'convicted', on: '2026-11-21', sentenceKind: 'custodial', sentenceMonths: 601 },
        ['sentenceMonths:sentence_months_range', 'on:date_in_future'],
      ],
    ] as const;
    for (const [body, expected] of bad) {
      const res = await act(clerk, id, d.id, 'outcome', body);
      expect(res.statusCode).toBe(400);
      expect(fields(res)).toEqual(expected);
    }
    expect(await counts(id)).toEqual(before);
    const [row] = await t.deps.db.select().from(defendants).where(eq(defendants.id, d.id));
    expect(row).toMatchObject({ outcome: null, sentenceKind: null, sentenceMonths: null, fineTenge: null });

    const sentenced = await act(clerk, id, d.id, 'outcome', { outcome: 'convicted', on: '2026-10-05', sentenceKind: 'custodial', sentenceMonths: 96 });
    expect(sentenced.statusCode).toBe(200);
    expect(sentenced.json().items[0]).toMatchObject({
      outcome: 'convicted',
      outcomeOn: '2026-10-05',
      sentenceKind: 'custodial',
      sentenceMonths: 96,
      fineTenge: null,
    });
    expect(sentenced.json().items[0].allowedActions).toEqual(['charge', 'record_outcome']);
    // The court may reclassify with its own reason; adding a defendant is over once in court.
    const byCourt = await act(clerk, id, d.id, 'charge', { articles: ['125'], reason: 'reclassified_by_court', on: '2026-10-05' });
    expect(byCourt.json().items[0].charges.map((c: { reason: string }) => c.reason)).toEqual([
      'initial',
      'reclassified_by_investigator',
      'reclassified_by_court',
    ]);
    expect((await add(prosecutor, id, { kind: 'individual', name: 'Late One', articles: ['128'] })).statusCode).toBe(409);
    const outcomeEvent = await t.deps.db
      .select({ details: criminalCaseEvents.details })
      .from(criminalCaseEvents)
      .where(and(eq(criminalCaseEvents.criminalCaseId, id), eq(criminalCaseEvents.type, 'record_outcome')));
    expect(outcomeEvent.map((e) => e.details)).toEqual([
      { defendantId: d.id, seq: 1, outcome: 'convicted', on: '2026-10-05', sentenceKind: 'custodial', sentenceMonths: 96 },
    ]);
  });

  it("a lawyer reads her client's case through her assignment: defendants by number only", async () => {
    const id = await newCase();
    await add(prosecutor, id, { kind: 'individual', name: PERSON, articles: ['128'] });
    const officer = await t.as('identification_officer', { regions: ['KZ-75'] });
    const personId = (await officer.inject({ method: 'POST', url: '/api/v1/persons', payload: personBody() })).json().id as string;
    const lawyer = await t.as('lawyer', { regions: ['KZ-75'] });
    // Before she is assigned, the case is not hers.
    expect((await lawyer.inject({ method: 'GET', url: url(id) })).statusCode).toBe(404);
    await t.deps.db
      .insert(proceedingVictims)
      .values({ clientId: randomUUID(), criminalCaseId: id, personId, proceduralRole: 'victim', linkedOn: '2026-03-05', linkedBy: prosecutor.user.id });
    await t.deps.db.insert(legalAidAssignments).values({
      clientId: randomUUID(),
      personId,
      lawyerId: lawyer.user.id,
      lawyerAgencyId: lawyer.user.agencyId,
      funding: 'state_legal_aid',
      criminalCaseId: id,
      assignedOn: '2026-03-06',
      assignedBy: prosecutor.user.id,
    });
    const seen = await lawyer.inject({ method: 'GET', url: url(id) });
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ namesShown: false, canAdd: false, items: [{ seq: 1, name: null, allowedActions: [] }] });
    expect(seen.body).not.toContain('Ахметов');
  });
});
