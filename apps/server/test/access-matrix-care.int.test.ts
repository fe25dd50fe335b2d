import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  canAccessRecord,
  CLOSURE_REASONS,
  CONSENT_SHARES,
  hasPermission,
  PROTECTION_ACTIONS,
  protectionRefusal,
  referralActionRefusal,
  roleMayTakeProtection,
  ROLES,
  SUPPORT_PLAN_TYPES,
  type Actor,
  type ProtectionAction,
  type ReferralActionType,
  type ReferralFacts,
  type ReferralStatus,
} from '@qorgau/core';
import { caseAccess, caseActions, cases, consents, persons, providers, referralActions, referrals } from '../src/db/schema.ts';
import { encryptPerson } from '../src/modules/persons/persons.service.ts';
import { createTestApp, type Session, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

const REGION = 'KZ-75';
const ELSEWHERE = 'KZ-71';
const TODAY = '2026-11-25';

/** Core's refusal as the HTTP status the error handler gives it (error-handler.ts). */
const statusOf = (refusal: 'forbidden' | 'not_found' | 'invalid_transition' | null) =>
  refusal === 'forbidden' ? 403 : refusal === 'not_found' ? 404 : refusal === 'invalid_transition' ? 409 : 200;

/** Where the acting user stands to the referral. */
type Side = 'sender' | 'receiver' | 'region' | 'elsewhere';
const SIDES: readonly Side[] = ['sender', 'receiver', 'region', 'elsewhere'];

/** Every client action, the status it needs (referral-status.ts REFERRAL_TRANSITIONS) and a valid body. */
const CLIENT_ACTIONS = {
  accepted: { from: 'sent', input: () => ({ type: 'accepted' }) },
  declined: { from: 'sent', input: () => ({ type: 'declined', text: 'No free beds' }) },
  completed: { from: 'accepted', input: () => ({ type: 'completed' }) },
  withdrawn: { from: 'sent', input: () => ({ type: 'withdrawn', text: 'She went home' }) },
  transferred: {
    from: 'sent',
    input: (to: { providerId: string; consentId: string }) => ({ type: 'transferred', text: 'Closer to her family', ...to }),
  },
} as const satisfies Partial<Record<ReferralActionType, { from: ReferralStatus; input: (to: { providerId: string; consentId: string }) => object }>>;
type ClientAction = keyof typeof CLIENT_ACTIONS;
const CLIENT_ACTION_TYPES = Object.keys(CLIENT_ACTIONS) as ClientAction[];

describeEachDb('access matrix, care: every referral and protection action as core decides', (kind) => {
  let t: TestApp;
  const actorOf = (s: Session, national = false): Actor => ({
    userId: s.user.id,
    role: s.user.role,
    agencyId: s.user.agencyId,
    jurisdiction: national ? { national: true, regions: [] } : { national: false, regions: [REGION] },
  });

  const addProvider = async (agencyId: string, regionCode: string) => {
    const [row] = await t.deps.db
      .insert(providers)
      .values({
        agencyId,
        nameKk: `Баспана ${regionCode}`,
        nameRu: `Приют ${regionCode}`,
        nameEn: `Shelter ${regionCode}`,
        kind: 'shelter',
        services: ['shelter', 'medical', 'psychological'],
        regionCode,
        settlement: 'urban',
        eligibility: ['adults', 'women', 'men', 'foreign_nationals'],
        capacity: 1000,
        occupancy: 0,
        languages: ['kk', 'ru'],
        funding: 'private',
      })
      .returning({ id: providers.id });
    return row!.id;
  };

  /** An adult woman with an open case held by `holder` (user and agency) in `regionCode`. */
  const caseOf = async (holder: { id: string; agencyId: string }, regionCode: string) => {
    const row = encryptPerson(
      t.deps.cipher,
      { clientId: randomUUID(), firstName: 'Асель', secondName: 'Серікова', gender: 'Feminine', citizenship: 'KZ', regionCode: regionCode as 'KZ-75' },
      { createdBy: holder.id, ownerAgencyId: holder.agencyId },
    );
    await t.deps.db.insert(persons).values(row);
    const personId = row.id as string;
    const caseId = randomUUID();
    await t.deps.db.insert(cases).values({
      id: caseId,
      clientId: randomUUID(),
      reference: `T-${caseId}`,
      personId,
      regionCode,
      exploitationTypes: ['ForcedLabour'],
      status: 'open',
      traffickingStatus: 'PossibleVictimOfTrafficking',
      createdBy: holder.id,
      creatorAccessEnded: false,
      ownerAgencyId: holder.agencyId,
    });
    await t.deps.db
      .insert(caseActions)
      .values({ clientId: randomUUID(), caseId, seq: 1, type: 'opened', details: {}, actorId: holder.id, agencyId: holder.agencyId });
    return { personId, caseId };
  };

  /** A referral of that case to `provider`, in `status`, with its log and the access it opened, as the workflow writes them. */
  const referralOf = async (
    holder: { id: string; agencyId: string },
    c: { personId: string; caseId: string },
    provider: { id: string; agencyId: string; regionCode: string },
    status: ReferralStatus,
  ) => {
    const at = t.deps.now();
    const [r] = await t.deps.db
      .insert(referrals)
      .values({
        clientId: randomUUID(),
        reference: `QRG-R-M-${randomUUID()}`,
        personId: c.personId,
        caseId: c.caseId,
        providerId: provider.id,
        providerAgencyId: provider.agencyId,
        regionCode: provider.regionCode,
        services: ['shelter'],
        status,
        dueAt: new Date(at.getTime() + 86_400_000),
        referredBy: holder.id,
        referringAgencyId: holder.agencyId,
      })
      .returning({ id: referrals.id });
    const referralId = r!.id;
    const log = status === 'sent' ? ['sent'] : ['sent', status];
    await t.deps.db
      .insert(referralActions)
      .values(log.map((type, i) => ({ clientId: randomUUID(), referralId, seq: i + 1, type, details: {}, actorId: holder.id, agencyId: holder.agencyId, at })));
    await t.deps.db
      .insert(caseAccess)
      .values({ caseId: c.caseId, personId: c.personId, agencyId: provider.agencyId, referralId, shares: [...CONSENT_SHARES], startsAt: at });
    return referralId;
  };

  const consentOf = async (holder: { id: string; agencyId: string }, personId: string, providerId: string) => {
    const [row] = await t.deps.db
      .insert(consents)
      .values({
        clientId: randomUUID(),
        personId,
        providerId,
        shares: ['identity', 'case_history'],
        validUntil: '2099-12-31',
        givenBy: 'person',
        recordedBy: holder.id,
        agencyId: holder.agencyId,
        recordedAt: t.deps.now(),
      })
      .returning({ id: consents.id });
    return row!.id;
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    const clock = new Date(`${TODAY}T06:00:00Z`);
    t.deps.now = () => clock;
  });
  afterAll(() => t.close());

  it('referral actions: every role x side x action on a referral in the status the action needs, and on an ended one', async () => {
    // The sending unit, the providers the referrals go to by default and the transfer target.
    const unit = await t.createUser({ role: 'identification_officer', agencyId: await t.createAgency({ type: 'police', regionCode: REGION }) });
    const farUnit = await t.createUser({ role: 'identification_officer', agencyId: await t.createAgency({ type: 'police', regionCode: ELSEWHERE }) });
    const shelterAgency = await t.createAgency({ type: 'shelter', regionCode: REGION });
    const farAgency = await t.createAgency({ type: 'shelter', regionCode: ELSEWHERE });
    const near = { id: await addProvider(shelterAgency, REGION), agencyId: shelterAgency, regionCode: REGION };
    const far = { id: await addProvider(farAgency, ELSEWHERE), agencyId: farAgency, regionCode: ELSEWHERE };
    const target = await addProvider(await t.createAgency({ type: 'ngo', regionCode: REGION }), REGION);

    const actors: { session: Session; actor: Actor; sides: readonly Side[] }[] = [];
    for (const role of ROLES) {
      const s = await t.as(role, { agencyId: await t.createAgency({ type: 'ngo', regionCode: REGION }), regions: [REGION] });
      actors.push({ session: s, actor: actorOf(s), sides: SIDES });
    }
    const coordinator = await t.as('national_coordinator', { regions: 'national' });
    actors.push({ session: coordinator, actor: actorOf(coordinator, true), sides: ['region', 'elsewhere'] });

    const failures: string[] = [];
    const tally = new Set<number>();
    const taken = new Set<string>();
    for (const { session: s, actor, sides } of actors) {
      const own = await addProvider(s.user.agencyId, REGION);
      for (const side of sides) {
        const holder = side === 'sender' ? { id: s.user.id, agencyId: s.user.agencyId } : side === 'elsewhere' ? farUnit : unit;
        const caseRegion = side === 'elsewhere' ? ELSEWHERE : REGION;
        const provider = side === 'receiver' ? { id: own, agencyId: s.user.agencyId, regionCode: REGION } : side === 'elsewhere' ? far : near;
        const facts: ReferralFacts = {
          referringAgencyId: holder.agencyId,
          caseOwnerAgencyId: holder.agencyId,
          providerAgencyId: provider.agencyId,
          regionCodes: [provider.regionCode, caseRegion],
        };
        for (const type of CLIENT_ACTION_TYPES) {
          // The status the action needs, and an ended referral (nothing follows `declined`).
          for (const status of [CLIENT_ACTIONS[type].from, 'declined'] as const) {
            const c = await caseOf(holder, caseRegion);
            const id = await referralOf(holder, c, provider, status);
            const to = { providerId: target, consentId: await consentOf(holder, c.personId, target) };
            const res = await s.inject({
              method: 'POST',
              url: `/api/v1/referrals/${id}/actions`,
              payload: { clientId: randomUUID(), action: CLIENT_ACTIONS[type].input(to) },
            });
            const state = { status, escalated: false, consentWithdrawn: false };
            const expected = hasPermission(actor.role, 'referral.act') ? statusOf(referralActionRefusal(actor, type, facts, state)) : 403;
            tally.add(res.statusCode);
            if (res.statusCode !== expected)
              failures.push(
                `${actor.role}${actor.jurisdiction.national ? ' (national)' : ''} ${side} ${type} on ${status}: ${res.statusCode}, core says ${expected} ${res.body.slice(0, 160)}`,
              );
            if (res.statusCode === 200) taken.add(type);
            if (res.statusCode === 200 && res.json().status !== type) failures.push(`${actor.role} ${side} ${type}: the referral is ${res.json().status}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    // Not vacuous: actions were taken, refused as not the actor's side, out of scope and in the wrong status.
    expect([...tally].sort()).toEqual([200, 403, 404, 409]);
    expect([...taken].sort()).toEqual([...CLIENT_ACTION_TYPES].sort());
  }, 600_000);

  it('protection actions: every role of the owning agency, the care staff of another agency and the coordinator, on open and closed cases', async () => {
    const unit = await t.createUser({ role: 'identification_officer', agencyId: await t.createAgency({ type: 'police', regionCode: REGION }) });
    const owner = await t.createAgency({ type: 'shelter', regionCode: REGION });
    const other = await t.createAgency({ type: 'shelter', regionCode: REGION });
    const shelter = { id: await addProvider(owner, REGION), agencyId: owner, regionCode: REGION };
    const manager = await t.as('shelter_manager', { agencyId: owner, regions: [REGION] });
    // Every role of the owning agency (the role's rule), the care staff of another agency in the
    // same region (the scope), and the national coordinator (reads, never acts).
    const actors: Session[] = [manager];
    for (const role of ROLES) if (role !== 'shelter_manager') actors.push(await t.as(role, { agencyId: owner, regions: [REGION] }));
    actors.push(
      await t.as('shelter_manager', { agencyId: other, regions: [REGION] }),
      await t.as('case_worker', { agencyId: other, regions: [REGION] }),
      await t.as('national_coordinator', { regions: 'national' }),
    );
    const post = (s: Session, id: string, what: string, payload: object) =>
      s.inject({ method: 'POST', url: `/api/v1/protection-cases/${id}/${what}`, payload: { clientId: randomUUID(), ...payload } });

    /** A protection case opened by the owner's manager from an accepted referral; closed on request (with its follow-ups). */
    const protectionCase = async (status: 'open' | 'closed', stay: boolean) => {
      const c = await caseOf(unit, REGION);
      const referralId = await referralOf(unit, c, shelter, 'accepted');
      const opened = await manager.inject({ method: 'POST', url: '/api/v1/protection-cases', payload: { clientId: randomUUID(), referralId } });
      if (opened.statusCode !== 200) throw new Error(`open: ${opened.statusCode} ${opened.body}`);
      let pc = opened.json();
      if (stay) pc = (await post(manager, pc.id, 'stays', { providerId: shelter.id, admittedOn: TODAY })).json();
      if (status === 'closed') pc = (await post(manager, pc.id, 'close', { reason: CLOSURE_REASONS[0] })).json();
      if (pc.status !== status) throw new Error(`fixture: ${JSON.stringify(pc).slice(0, 200)}`);
      return pc as { id: string; openedBy?: string; stays: { id: string }[]; followUps: { id: string }[] };
    };

    const ROUTE: Record<ProtectionAction, (pc: { stays: { id: string }[]; followUps: { id: string }[] }) => [string, object]> = {
      assess_needs: () => ['needs', { needs: [{ area: 'safety', level: 'high' }] }],
      set_plan: () => ['plan', { type: SUPPORT_PLAN_TYPES[0], objectives: 'Safe housing', actionPlan: 'Shelter, then a job', plannedEndDate: '2027-05-25' }],
      record_service: () => [
        'services',
        { date: TODAY, providerId: shelter.id, service: 'medical', quantity: 1, unit: 'consultation', costTenge: 15000, paidBy: 'state_budget' },
      ],
      admit: () => ['stays', { providerId: shelter.id, admittedOn: TODAY }],
      discharge: (pc) => ['discharge', { stayId: pc.stays[0]?.id ?? randomUUID(), dischargedOn: TODAY }],
      close: () => ['close', { reason: CLOSURE_REASONS[0] }],
      record_follow_up: (pc) => ['follow-ups', { followUpId: pc.followUps[0]?.id ?? randomUUID(), contacted: true, riskLevel: 'low' }],
    };

    const failures: string[] = [];
    const tally = new Set<number>();
    const taken = new Set<string>();
    for (const s of actors) {
      const actor = actorOf(s, s.user.role === 'national_coordinator');
      for (const action of PROTECTION_ACTIONS) {
        // A role that never takes the action is refused before the lookup: one status is enough.
        for (const status of roleMayTakeProtection(actor.role, action) ? (['open', 'closed'] as const) : (['open'] as const)) {
          const pc = await protectionCase(status, action === 'discharge' && status === 'open');
          const [what, body] = ROUTE[action](pc);
          const res = await post(s, pc.id, what, body);
          // Route permission first, then the role's rule, then the read scope (not found), then core's refusal.
          const readable = canAccessRecord(actor, 'protection.read', {
            createdBy: manager.user.id,
            ownerAgencyId: owner,
            regionCode: REGION,
            assignedUserIds: [],
            creatorAccessEnded: false,
          });
          const refusal = protectionRefusal(actor, action, { agencyId: owner, status });
          const expected =
            !hasPermission(actor.role, 'protection.act') || !roleMayTakeProtection(actor.role, action) ? 403 : !readable ? 404 : statusOf(refusal);
          tally.add(res.statusCode);
          if (res.statusCode === 200) taken.add(action);
          if (res.statusCode !== expected)
            failures.push(
              `${actor.role} of ${actor.agencyId === owner ? 'the owner' : 'another agency'} ${action} on ${status}: ${res.statusCode}, core says ${expected} ${res.body.slice(0, 160)}`,
            );
        }
      }
    }
    expect(failures).toEqual([]);
    expect([...tally].sort()).toEqual([200, 403, 404, 409]);
    expect([...taken].sort()).toEqual([...PROTECTION_ACTIONS].sort());
  }, 600_000);
});
