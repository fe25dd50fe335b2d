import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, screeningBody as sharedScreeningBody, type Session, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

const screeningBody = (overrides: Record<string, unknown> = {}) =>
  sharedScreeningBody({
    observed: ['short_form.documents_withheld'],
    ageYears: 30,
    person: { firstName: 'Mohira', secondName: 'Rahimova', birthdate: '1996-02-03', identityNumber: 'AA1234567' },
    narrative: 'Met on a farm',
    ...overrides,
  });

/**
 * Minimal disclosure (DOMAIN.md §1, ADR 0004, issue #8): after a handover the screener keeps the
 * receipt and nothing else. Each path back to the person is tried: a second case opened before
 * the handover, a second screening of the same person, a new case after it, the person and case
 * lists and searches, the duplicate check at intake, and attaching a new screening to her.
 */
describeEachDb('minimal disclosure after handover', (kind) => {
  let t: TestApp;
  let screener: Session;
  let idUnit: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    const inspectorate = await t.createAgency({ type: 'labour_inspectorate', regionCode: 'KZ-61' });
    idUnit = await t.createAgency({ type: 'police', regionCode: 'KZ-61', name: 'Anti-trafficking unit' });
    screener = await t.as('screener', { agencyId: inspectorate, regions: ['KZ-61'] });
  });
  afterAll(() => t.close());

  const get = (url: string, s = screener) => s.inject({ method: 'GET', url: `/api/v1${url}` });
  const post = (url: string, payload: object, s = screener) => s.inject({ method: 'POST', url: `/api/v1${url}`, payload });
  const handOver = (id: string) => post(`/screenings/${id}/handover`, { toAgencyId: idUnit });
  const newCase = (personId: string) => post('/cases', { clientId: randomUUID(), personId, regionCode: 'KZ-61', exploitationTypes: ['ForcedLabour'] });

  /** Every way back to the person the screener might try; each must come back empty or 404. */
  async function expectNoPathBack(personId: string, caseIds: string[], name: { firstName: string; secondName: string; identityNumber: string }, s = screener) {
    const get = (url: string) => s.inject({ method: 'GET', url: `/api/v1${url}` });
    const post = (url: string, payload: object) => s.inject({ method: 'POST', url: `/api/v1${url}`, payload });
    const newCase = (id: string) => post('/cases', { clientId: randomUUID(), personId: id, regionCode: 'KZ-61', exploitationTypes: ['ForcedLabour'] });
    expect((await get(`/persons/${personId}`)).statusCode).toBe(404);
    expect((await get(`/persons/${personId}/links`)).statusCode).toBe(404);
    expect((await post('/persons/match-decisions', { candidateId: personId, decision: 'same' })).statusCode).toBe(404);
    for (const id of caseIds) expect((await get(`/cases/${id}`)).statusCode).toBe(404);
    const again = await newCase(personId);
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('not_found');
    const persons = (await get('/persons?pageSize=100')).json();
    expect(persons.items.map((p: { id: string }) => p.id)).not.toContain(personId);
    const search = (await get(`/persons?q=${encodeURIComponent(name.secondName)}`)).json();
    expect(search.items.map((p: { id: string }) => p.id)).not.toContain(personId);
    const cases = (await get('/cases?pageSize=100')).json();
    expect(cases.items.map((c: { id: string }) => c.id).filter((id: string) => caseIds.includes(id))).toEqual([]);
    const caseSearch = (await get(`/cases?q=${encodeURIComponent(name.secondName)}`)).json();
    expect(caseSearch.items.filter((c: { personId: string }) => c.personId === personId)).toEqual([]);
    const matches = (await post('/persons/matches', name)).json();
    expect(matches.candidates.map((c: { person: { id: string } }) => c.person.id)).not.toContain(personId);
    const attached = await post('/screenings', screeningBody({ person: undefined, existingPersonId: personId }));
    expect(attached.statusCode).toBe(400);
    expect(attached.json().error.fields).toEqual([expect.objectContaining({ path: 'existingPersonId', code: 'not_found' })]);
  }

  it('a second case opened before the handover is no way back to the person', async () => {
    const name = { firstName: 'Mohira', secondName: 'Rahimova', identityNumber: 'AA1234567' };
    const s = (await post('/screenings', screeningBody())).json();
    const second = await newCase(s.personId);
    expect(second.statusCode).toBe(200);
    // Before the handover the screener finds her own record at the duplicate check.
    const before = (await post('/persons/matches', name)).json();
    expect(before.candidates.map((c: { person: { id: string } }) => c.person.id)).toContain(s.personId);
    expect((await handOver(s.id)).statusCode).toBe(200);
    await expectNoPathBack(s.personId, [s.caseId, second.json().id], name);
    // The receipt stays.
    const receipt = (await get(`/screenings/${s.id}`)).json();
    expect(receipt).toMatchObject({ personId: null, caseId: null, handover: { toAgencyId: idUnit } });
  });

  it('a second screening of the same person is no way back either, and its own handover still goes through', async () => {
    const name = { firstName: 'Shahlo', secondName: 'Yusupova', identityNumber: 'AB7654321' };
    const first = (await post('/screenings', screeningBody({ person: { ...name, birthdate: '1990-01-01' } }))).json();
    const second = (await post('/screenings', screeningBody({ person: undefined, existingPersonId: first.personId }))).json();
    expect(second.caseId).not.toBe(first.caseId);
    expect((await handOver(first.id)).statusCode).toBe(200);
    await expectNoPathBack(first.personId, [first.caseId, second.caseId], name);
    // The receipt of the second screening no longer points at the person or her case.
    const receipt = (await get(`/screenings/${second.id}`)).json();
    expect(receipt).toMatchObject({ personId: null, caseId: null, handover: null });
    // The second screening's case can still be handed to the unit (it must not be stranded).
    const handed = await handOver(second.id);
    expect(handed.statusCode).toBe(200);
    const officer = await t.as('identification_officer', { agencyId: idUnit, regions: ['KZ-61'] });
    expect((await get(`/cases/${second.caseId}`, officer)).json().ownerAgencyName.en).toBe('Anti-trafficking unit');
  });

  it('after the handover no new case can be opened for the person, as for anyone she cannot see', async () => {
    const name = { firstName: 'Gulnora', secondName: 'Karimova', identityNumber: 'AC1112223' };
    const s = (await post('/screenings', screeningBody({ person: { ...name, birthdate: '1988-08-08' } }))).json();
    expect((await handOver(s.id)).statusCode).toBe(200);
    await expectNoPathBack(s.personId, [s.caseId], name);
    const unknown = await newCase(randomUUID());
    expect(unknown.statusCode).toBe(404);
    expect((await newCase(s.personId)).json().error).toEqual(unknown.json().error);
  });

  it('an identification officer who screened outside her regions and handed over keeps no way back either', async () => {
    const name = { firstName: 'Zarina', secondName: 'Ergasheva', identityNumber: 'AE9998887' };
    const officer = await t.as('identification_officer', { regions: ['KZ-75'] });
    const s = (await post('/screenings', screeningBody({ person: { ...name, birthdate: '1991-01-01' } }), officer)).json();
    expect((await get(`/persons/${s.personId}`, officer)).statusCode).toBe(200);
    expect((await post(`/screenings/${s.id}/handover`, { toAgencyId: idUnit }, officer)).statusCode).toBe(200);
    await expectNoPathBack(s.personId, [s.caseId], name, officer);
  });

  it('a reviewer who handed a person over is no longer shown pairs with that person in the linkage queue', async () => {
    const officer = await t.as('identification_officer', { agencyId: await t.createAgency({ type: 'police', regionCode: 'KZ-75' }), regions: ['KZ-75'] });
    const screened = { firstName: 'Айгерим', secondName: 'Сарсенова', middleName: 'Нурлановна', birthdate: '1998-03-14' };
    const s = (await post('/screenings', screeningBody({ person: screened }), officer)).json();
    // The same woman recorded again by the officer (her own record, Kazakh Latin spelling).
    const other = await post(
      '/persons',
      {
        clientId: randomUUID(),
        firstName: 'Aıgerım',
        secondName: 'Sarsenova',
        middleName: 'Nurlanqyzy',
        birthdate: '1998-03-14',
        gender: 'Feminine',
        citizenship: 'KZ',
        regionCode: 'KZ-61',
      },
      officer,
    );
    expect(other.statusCode).toBe(200);
    const pairOf = (page: { items: { id: string; a: { id: string }; b: { id: string } }[] }) => page.items.find((p) => [p.a.id, p.b.id].includes(s.personId));
    const before = pairOf((await get('/linkage/proposals?pageSize=100', officer)).json());
    expect(before).toBeDefined();
    expect((await post(`/screenings/${s.id}/handover`, { toAgencyId: idUnit }, officer)).statusCode).toBe(200);
    expect(pairOf((await get('/linkage/proposals?pageSize=100', officer)).json())).toBeUndefined();
    expect((await get(`/linkage/proposals/${before?.id}`, officer)).statusCode).toBe(404);
    const decision = await post('/linkage/decisions', { clientId: randomUUID(), personA: s.personId, personB: other.json().id, decision: 'same' }, officer);
    expect(decision.statusCode).toBe(404);
  });

  it("the person moves to the receiving unit with the case: the screener's agency colleagues keep no way back", async () => {
    const name = { firstName: 'Malika', secondName: 'Tursunova', identityNumber: 'AF1231231' };
    const ngo = await t.createAgency({ type: 'ngo', regionCode: 'KZ-75' });
    const worker = await t.as('case_worker', { agencyId: ngo, regions: ['KZ-75'] });
    const colleague = await t.as('case_worker', { agencyId: ngo, regions: ['KZ-75'] });
    const s = (await post('/screenings', screeningBody({ person: { ...name, birthdate: '1994-04-04' } }), worker)).json();
    expect((await get(`/persons/${s.personId}`, colleague)).statusCode).toBe(200);
    expect((await post(`/screenings/${s.id}/handover`, { toAgencyId: idUnit }, worker)).statusCode).toBe(200);
    await expectNoPathBack(s.personId, [s.caseId], name, worker);
    expect((await get(`/persons/${s.personId}`, colleague)).statusCode).toBe(404);
    const officer = await t.as('identification_officer', { agencyId: idUnit, regions: ['KZ-61'] });
    expect((await get(`/persons/${s.personId}`, officer)).json().identity.secondName).toBe('Tursunova');
  });

  it('a case opened by the screener after her handover (a race) still grants her nothing', async () => {
    const name = { firstName: 'Dildora', secondName: 'Nazarova', identityNumber: 'AD5556667' };
    const s = (await post('/screenings', screeningBody({ person: { ...name, birthdate: '1993-03-03' } }))).json();
    expect((await handOver(s.id)).statusCode).toBe(200);
    // Simulates a case insert that passed its visibility check just before the handover committed.
    const { cases } = await import('../src/db/schema.ts');
    const raced = randomUUID();
    await t.deps.db.insert(cases).values({
      id: raced,
      clientId: randomUUID(),
      reference: `QRG-RACE-${raced.slice(0, 6)}`,
      personId: s.personId,
      regionCode: 'KZ-61',
      exploitationTypes: [],
      status: 'open',
      traffickingStatus: 'PossibleVictimOfTrafficking',
      createdBy: screener.user.id,
      ownerAgencyId: screener.user.agencyId,
    });
    await expectNoPathBack(s.personId, [s.caseId, raced], name);
  });
});
