import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CONSENT_SHARES } from '@qorgau/core';
import { caseAccess, notifications, providers, referrals, shelterStays, serviceDeliveries } from '../src/db/schema.ts';
import { createTestApp, personBody, screeningBody, type Session, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

describeEachDb('protection cases', (kind) => {
  let t: TestApp;
  let officer: Session;
  let manager: Session;
  let coordinator: Session;
  let shelterAgency: string;
  let clock = new Date('2026-11-25T06:00:00Z');
  const shelter: Record<'own' | 'full' | 'near' | 'far' | 'children', string> = { own: '', full: '', near: '', far: '', children: '' };

  const addShelter = async (agencyId: string, region: string, capacity: number, occupancy: number, eligibility = ['adults', 'women']) => {
    const [row] = await t.deps.db
      .insert(providers)
      .values({
        agencyId,
        nameKk: `Баспана ${region} ${capacity}`,
        nameRu: `Приют ${region} ${capacity}`,
        nameEn: `Shelter ${region} ${capacity}`,
        kind: 'shelter',
        services: ['shelter', 'medical', 'psychological'],
        regionCode: region,
        settlement: 'urban',
        eligibility,
        capacity,
        occupancy,
        languages: ['kk', 'ru'],
        funding: 'government',
      })
      .returning({ id: providers.id });
    return row?.id as string;
  };
  const occupancy = async (id: string) => (await t.deps.db.select({ o: providers.occupancy }).from(providers).where(eq(providers.id, id)))[0]?.o;

  /** A person identified by the officer, with a case and a referral to `providerId` in `status`. */
  const referredPerson = async (status = 'accepted', person: Record<string, unknown> = {}) => {
    const personId = (await officer.inject({ method: 'POST', url: '/api/v1/persons', payload: personBody(person) })).json().id as string;
    const caseId = (
      await officer.inject({
        method: 'POST',
        url: '/api/v1/cases',
        payload: { clientId: randomUUID(), personId, regionCode: 'KZ-75', exploitationTypes: ['ForcedLabour'] },
      })
    ).json().id as string;
    const [r] = await t.deps.db
      .insert(referrals)
      .values({
        clientId: randomUUID(),
        reference: `QRG-R-2026-${randomUUID().slice(0, 6)}`,
        personId,
        caseId,
        providerId: shelter.own,
        providerAgencyId: shelterAgency,
        regionCode: 'KZ-75',
        services: ['shelter'],
        status,
        dueAt: clock,
        referredBy: officer.user.id,
        referringAgencyId: officer.user.agencyId,
      })
      .returning({ id: referrals.id });
    // The access an accepted referral opens to the shelter's agency (the referral workflow writes it).
    await t.deps.db
      .insert(caseAccess)
      .values({ caseId, personId, agencyId: shelterAgency, referralId: r?.id as string, shares: [...CONSENT_SHARES], startsAt: clock });
    return { personId, caseId, referralId: r?.id as string };
  };
  const open = async (referralId: string) =>
    manager.inject({ method: 'POST', url: '/api/v1/protection-cases', payload: { clientId: randomUUID(), referralId } });
  const post = (id: string, what: string, payload: object) =>
    manager.inject({ method: 'POST', url: `/api/v1/protection-cases/${id}/${what}`, payload: { clientId: randomUUID(), ...payload } });
  const service = (over: object = {}) => ({
    date: '2026-11-25',
    providerId: shelter.own,
    service: 'medical',
    quantity: 1,
    unit: 'consultation',
    costTenge: 15000,
    paidBy: 'state_budget',
    ...over,
  });

  beforeAll(async () => {
    t = await createTestApp(kind);
    t.deps.now = () => clock;
    officer = await t.as('identification_officer', { regions: ['KZ-75'] });
    shelterAgency = await t.createAgency({ type: 'shelter', regionCode: 'KZ-75' });
    manager = await t.as('shelter_manager', { agencyId: shelterAgency, regions: ['KZ-75'] });
    coordinator = await t.as('national_coordinator', { regions: 'national' });
    const other = await t.createAgency({ type: 'ngo', regionCode: 'KZ-75' });
    shelter.own = await addShelter(shelterAgency, 'KZ-75', 3, 0);
    shelter.full = await addShelter(shelterAgency, 'KZ-75', 2, 2);
    shelter.far = await addShelter(other, 'KZ-71', 20, 2);
    shelter.near = await addShelter(other, 'KZ-75', 4, 3);
    shelter.children = await addShelter(other, 'KZ-75', 10, 0, ['children']);
  });
  afterAll(() => t.close());

  it('opens from an accepted referral only; the coordinator reads it pseudonymised and read-only', async () => {
    const { referralId, personId } = await referredPerson();
    const res = await open(referralId);
    expect(res.statusCode).toBe(200);
    const pc = res.json();
    expect(pc).toMatchObject({ status: 'open', personId, referralId, provider: { id: shelter.own } });
    expect(pc.reference).toMatch(/^QRG-P-2026-\d{6}$/);
    expect(pc.allowedActions).toContain('admit');
    const seen = (await coordinator.inject({ method: 'GET', url: `/api/v1/protection-cases/${pc.id}` })).json();
    expect(seen.personName).toBeNull();
    expect(seen.allowedActions).toEqual([]);
    const again = await open(referralId);
    expect(again.json().error.fields[0]).toMatchObject({ path: 'referralId', code: 'already_opened' });
    // The audit log names it by its reference (never the person), and the coordinator may open it.
    const audit = (await coordinator.inject({ method: 'GET', url: `/api/v1/audit?recordId=${pc.id}&operation=protection.opened` })).json();
    expect(audit.items[0].record).toMatchObject({ type: 'protection_case', reference: pc.reference, linkable: true });
    const sent = await referredPerson('sent');
    const refused = await open(sent.referralId);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields[0]).toMatchObject({ path: 'referralId', code: 'referral_not_accepted' });
  });

  it('admits and discharges keeping occupancy; bed-days count the admission day, not the discharge day; stays may not overlap', async () => {
    const pc = (await open((await referredPerson()).referralId)).json();
    const before = await occupancy(shelter.own);
    const admitted = await post(pc.id, 'stays', { providerId: shelter.own, admittedOn: '2026-11-22' });
    expect(admitted.statusCode).toBe(400);
    expect(admitted.json().error.fields[0]).toMatchObject({ path: 'admittedOn', code: 'before_case_opened' });
    const ok = (await post(pc.id, 'stays', { providerId: shelter.own, admittedOn: '2026-11-25' })).json();
    expect(await occupancy(shelter.own)).toBe((before ?? 0) + 1);
    expect(ok.stays[0]).toMatchObject({ dischargedOn: null, bedDays: 1 });
    expect(ok.inShelter).toBe(true);
    const overlap = await post(pc.id, 'stays', { providerId: shelter.own, admittedOn: '2026-11-25' });
    expect(overlap.statusCode).toBe(400);
    expect(overlap.json().error.fields[0]).toMatchObject({ path: 'admittedOn', code: 'stay_overlaps' });
    clock = new Date('2026-11-29T06:00:00Z');
    expect((await manager.inject({ method: 'GET', url: `/api/v1/protection-cases/${pc.id}` })).json().stays[0].bedDays).toBe(5);
    const out = (await post(pc.id, 'discharge', { stayId: ok.stays[0].id, dischargedOn: '2026-11-28' })).json();
    expect(out.stays[0]).toMatchObject({ dischargedOn: '2026-11-28', bedDays: 3 });
    expect(out.totalBedDays).toBe(3);
    expect(await occupancy(shelter.own)).toBe(before);
  });

  it('refuses an admission to a full shelter with the free alternatives nearby, and writes nothing', async () => {
    const pc = (await open((await referredPerson()).referralId)).json();
    const stays = async () => (await t.deps.db.select().from(shelterStays).where(eq(shelterStays.protectionCaseId, pc.id))).length;
    const res = await post(pc.id, 'stays', { providerId: shelter.full, admittedOn: clock.toISOString().slice(0, 10) });
    expect(res.statusCode).toBe(409);
    const body = res.json();
    expect(body.error.fields).toEqual([expect.objectContaining({ path: 'providerId', code: 'shelter_full' })]);
    expect(body.error.fields[0].message).toBeTruthy();
    // The same region first; the child shelter never (an adult); her own agency's full shelter not.
    expect(body.alternatives.map((a: { id: string }) => a.id)).toEqual([shelter.own, shelter.near, shelter.far]);
    expect(body.alternatives[1]).toMatchObject({ regionCode: 'KZ-75', free: 1 });
    expect(await stays()).toBe(0);
    expect(await occupancy(shelter.full)).toBe(2);
  });

  it('refuses negative or absurd costs field by field, and services dated after closure', async () => {
    const pc = (await open((await referredPerson()).referralId)).json();
    const today = clock.toISOString().slice(0, 10);
    const negative = await post(pc.id, 'services', service({ date: today, costTenge: -500 }));
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.fields).toEqual([expect.objectContaining({ path: 'costTenge', code: 'cost_negative' })]);
    const absurd = await post(pc.id, 'services', service({ date: today, costTenge: 99_000_000_000 }));
    expect(absurd.json().error.fields).toEqual([expect.objectContaining({ path: 'costTenge', code: 'cost_absurd' })]);
    const count = async () => (await t.deps.db.select().from(serviceDeliveries).where(eq(serviceDeliveries.protectionCaseId, pc.id))).length;
    expect(await count()).toBe(0);
    const ok = (await post(pc.id, 'services', service({ date: today, costTenge: 15000 }))).json();
    expect(ok.totalCostTenge).toBe(15000);
    expect((await post(pc.id, 'close', { reason: 'goals_achieved' })).statusCode).toBe(200);
    clock = new Date(clock.getTime() + 3 * 86_400_000);
    const later = new Date(clock.getTime()).toISOString().slice(0, 10);
    const after = await post(pc.id, 'services', service({ date: later }));
    expect(after.statusCode).toBe(400);
    expect(after.json().error.fields[0]).toMatchObject({ path: 'date', code: 'after_case_closed' });
    // Late paperwork for a service before the closure is still accepted.
    expect((await post(pc.id, 'services', service({ date: today, costTenge: 2000 }))).json().totalCostTenge).toBe(17000);
    expect(await count()).toBe(2);
  });

  it('closing schedules the follow-up (1, 3, 6, 12 months and a risk reassessment); an outcome is recorded once', async () => {
    const pc = (await open((await referredPerson()).referralId)).json();
    await post(pc.id, 'needs', { needs: [{ area: 'safety', level: 'high', note: 'Recruiter knows her address' }] });
    const closed = (await post(pc.id, 'close', { reason: 'reintegrated' })).json();
    expect(closed.status).toBe('closed');
    expect(closed.followUps.map((f: { kind: string }) => f.kind)).toEqual(['contact', 'contact', 'contact', 'risk_reassessment', 'contact']);
    expect(closed.allowedActions).toEqual(['record_service', 'record_follow_up']);
    const seen = (await coordinator.inject({ method: 'GET', url: `/api/v1/protection-cases/${pc.id}` })).json();
    expect(seen.needs[0]).toEqual({ area: 'safety', level: 'high', note: null });
    const f = closed.followUps[0];
    const done = (await post(pc.id, 'follow-ups', { followUpId: f.id, contacted: true, riskLevel: 'low', outcome: 'Working in Shymkent' })).json();
    expect(done.followUps[0]).toMatchObject({ riskLevel: 'low', outcome: 'Working in Shymkent' });
    const twice = await post(pc.id, 'follow-ups', { followUpId: f.id, contacted: true, riskLevel: 'low' });
    expect(twice.json().error.fields[0].code).toBe('no_open_follow_up');
    const reopenAdmit = await post(pc.id, 'stays', { providerId: shelter.own, admittedOn: clock.toISOString().slice(0, 10) });
    expect(reopenAdmit.statusCode).toBe(409);
    expect(reopenAdmit.json().error.code).toBe('invalid_transition');
  });

  it('notifies the last case worker when the same person, written differently, is screened again; the screener learns nothing', async () => {
    const who = { firstName: 'Айгүл', secondName: 'Серікқызы', birthdate: '1995-03-14' };
    const pc = (await open((await referredPerson('accepted', who)).referralId)).json();
    await post(pc.id, 'close', { reason: 'returned_home' });
    const screener = await t.as('screener', { regions: ['KZ-61'] });
    const res = await screener.inject({
      method: 'POST',
      url: '/api/v1/screenings',
      payload: screeningBody({
        encounterDate: clock.toISOString().slice(0, 10),
        citizenship: 'KZ',
        person: { firstName: 'Aigul', secondName: 'Serikkyzy', birthdate: '1995-03-14' },
      }),
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(pc.reference);
    const notices = await t.deps.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, 'reidentified'), eq(notifications.subjectId, pc.id)));
    expect(notices.map((n) => n.userId)).toEqual([manager.user.id]);
    expect(notices[0]?.facts).toEqual({ reference: pc.reference });
    const screenerNotices = await t.deps.db.select().from(notifications).where(eq(notifications.userId, screener.user.id));
    expect(screenerNotices).toEqual([]);
  });

  it('lists in scope and on the person page; another agency sees nothing', async () => {
    const { personId, referralId } = await referredPerson();
    const before = (await manager.inject({ method: 'GET', url: `/api/v1/persons/${personId}/protection` })).json();
    expect(before.openable.map((o: { referralId: string }) => o.referralId)).toEqual([referralId]);
    const pc = (await open(referralId)).json();
    expect((await manager.inject({ method: 'GET', url: `/api/v1/persons/${personId}/protection` })).json().openable).toEqual([]);
    const list = (await manager.inject({ method: 'GET', url: '/api/v1/protection-cases' })).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(pc.id);
    const panel = (await officer.inject({ method: 'GET', url: `/api/v1/persons/${personId}/protection` })).json();
    expect(panel.items.map((i: { id: string }) => i.id)).toEqual([pc.id]);
    const stranger = await t.as('case_worker', { regions: ['KZ-75'] });
    expect((await stranger.inject({ method: 'GET', url: `/api/v1/protection-cases/${pc.id}` })).statusCode).toBe(404);
    expect(
      (await stranger.inject({ method: 'POST', url: `/api/v1/protection-cases/${pc.id}/close`, payload: { clientId: randomUUID(), reason: 'other' } }))
        .statusCode,
    ).toBe(404);
  });
});
