import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  actionRefusal,
  allowedActionsFor,
  applyAction,
  canAccessRecord,
  CASE_ACTION_RULES,
  CASE_ACTION_TYPES,
  deriveCaseState,
  hasPermission,
  ROLES,
  type Actor,
  type AgencyType,
  type CaseAction,
  type CaseActionType,
  type CaseFacts,
  type Permission,
  type Role,
} from '@qorgau/core';
import { caseActions, caseAssignments, cases, personLinkProposals, persons, screenings, selfReports } from '../src/db/schema.ts';
import { encryptPerson } from '../src/modules/persons/persons.service.ts';
import { ROUTES, screeningBody, type MatrixContext } from './access-matrix.routes.ts';
import { createTestApp, type Session, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

const REGION = 'KZ-75';
const ELSEWHERE = 'KZ-71';
const MISSING = '00000000-0000-4000-8000-000000000000';
const concrete = (url: string) => url.replace(/:id/g, MISSING);

/** The agency each role works for in the matrix (a realistic one: the rules may depend on it). */
const AGENCY_OF = {
  screener: 'labour_inspectorate',
  identification_officer: 'police',
  case_worker: 'ngo',
  shelter_manager: 'shelter',
  investigator: 'police',
  prosecutor: 'prosecutor',
  court_clerk: 'court',
  lawyer: 'legal_aid',
  national_coordinator: 'national_coordination',
  analyst: 'national_coordination',
  administrator: 'administration',
} as const satisfies Record<Role, AgencyType>;

/**
 * A valid client input for every case action type. `Record<CaseActionType, ...>`: a new action
 * type without an entry here does not compile. System actions are not in the input contract.
 */
const ACTION_INPUT = {
  opened: () => ({ type: 'opened' }),
  handed_over: (unit: string) => ({ type: 'handed_over', toAgencyId: unit }),
  note_added: () => ({ type: 'note_added', text: 'Called the shelter' }),
  non_punishment_reviewed: () => ({ type: 'non_punishment_reviewed', decision: 'penalties_waived', text: 'Acts compelled by the trafficker' }),
  non_punishment_flagged: () => ({ type: 'non_punishment_flagged', text: 'Fined for working without a permit' }),
  deportation_hold_lifted: () => ({ type: 'deportation_hold_lifted', text: 'Identification decided' }),
  deportation_hold: () => ({ type: 'deportation_hold', text: 'Indicators present' }),
  identification_decided: () => ({ type: 'identification_decided', outcome: 'ActualVictimOfTrafficking', reasons: 'Interview and assessment' }),
  identification_reviewed: () => ({ type: 'identification_reviewed', kind: 'review', outcome: 'ActualVictimOfTrafficking', reasons: 'Reviewed' }),
  referred: (unit: string) => ({ type: 'referred', toAgencyId: unit, text: 'To the shelter' }),
  closed: () => ({ type: 'closed', text: 'Services completed' }),
  reopened: () => ({ type: 'reopened', text: 'New information' }),
} satisfies Record<CaseActionType, (unit: string) => object>;
/** The order actions are tried on each case (so that each finds a status in which it may follow). */
const ACTION_ORDER = Object.keys(ACTION_INPUT) as CaseActionType[];

const coreActionOf = (input: { type: string }): CaseAction => ({ ...input, decidedBy: 'Police' }) as unknown as CaseAction;

/** Record kinds, seen from the acting user; `other` is `none` for a regional user and `national` for a national one. */
type Kind = 'own' | 'assigned' | 'agency' | 'region' | 'other' | 'handedOver';

describeEachDb('access matrix: every route x role x scope x action', (kind) => {
  let t: TestApp;
  let unitAgencyId: string;
  let stranger: { id: string; agencyId: string };
  const sessions = new Map<Role, Session>();
  const agencyOfRole = new Map<Role, string>();
  const actorOf = (s: Session, national = false): Actor => ({
    userId: s.user.id,
    role: s.user.role,
    agencyId: s.user.agencyId,
    jurisdiction: national ? { national: true, regions: [] } : { national: false, regions: [REGION] },
  });

  async function insertPerson(owner: { createdBy: string; ownerAgencyId: string }, regionCode: string, ended = false, secondName = 'Серікова') {
    const row = encryptPerson(
      t.deps.cipher,
      { clientId: randomUUID(), firstName: 'Асель', secondName, gender: 'Feminine', citizenship: 'KZ', regionCode: regionCode as 'KZ-75' },
      owner,
    );
    await t.deps.db.insert(persons).values({ ...row, creatorAccessEnded: ended });
    return row.id as string;
  }

  const context = (role: Role, session: Session): MatrixContext => ({
    t,
    role,
    session,
    missingId: MISSING,
    region: REGION,
    unitAgencyId,
    ownPerson: () => insertPerson({ createdBy: session.user.id, ownerAgencyId: session.user.agencyId }, REGION),
    ownScreening: async () => {
      const res = await session.inject({ method: 'POST', url: '/api/v1/screenings', payload: screeningBody() });
      if (res.statusCode !== 200) throw new Error(`screening: ${res.statusCode} ${res.body}`);
      return res.json();
    },
  });

  beforeAll(async () => {
    t = await createTestApp(kind, { env: { QORGAU_SELF_REPORT_RATE_PER_10_MIN: '1000' } });
    unitAgencyId = await t.createAgency({ type: 'police', regionCode: REGION, name: 'Anti-trafficking unit' });
    const otherAgency = await t.createAgency({ type: 'ngo', regionCode: ELSEWHERE });
    const u = await t.createUser({ role: 'case_worker', agencyId: otherAgency, regions: [ELSEWHERE] });
    stranger = { id: u.id, agencyId: otherAgency };
    for (const role of ROLES) {
      const agencyId = await t.createAgency({ type: AGENCY_OF[role], regionCode: REGION });
      agencyOfRole.set(role, agencyId);
      sessions.set(role, await t.as(role, { agencyId, regions: [REGION] }));
    }
  });
  afterAll(() => t.close());

  it("route level: every declared route has a row; each role gets its exact status, or 403 without the route's access; anonymous 401", async () => {
    const declared = t.app.declaredRoutes.map((r) => `${r.method} ${r.url}`);
    expect(
      declared.filter((k) => !ROUTES[k]),
      'routes with no row in access-matrix.routes.ts',
    ).toEqual([]);
    expect(
      Object.keys(ROUTES).filter((k) => !declared.includes(k)),
      'rows for routes that are not declared',
    ).toEqual([]);
    const failures: string[] = [];
    for (const route of t.app.declaredRoutes) {
      const key = `${route.method} ${route.url}`;
      const row = ROUTES[key]!;
      const method = route.method as 'GET';
      if (route.access === 'public') {
        const req = await row.request(context('screener', sessions.get('screener')!));
        const res = await t.app.inject({ method, url: req.url ?? concrete(route.url), payload: req.payload, headers: req.headers });
        if (res.statusCode !== row.anonymous) failures.push(`anonymous ${key} -> ${res.statusCode} (expected ${row.anonymous}) ${res.body.slice(0, 120)}`);
        continue;
      }
      const anon = await t.app.inject({ method, url: concrete(route.url), payload: method === 'GET' ? undefined : {} });
      if (anon.statusCode !== 401) failures.push(`anonymous ${key} -> ${anon.statusCode} (expected 401)`);
      for (const role of ROLES) {
        const allowed = route.access === 'authenticated' || hasPermission(role, route.access as Permission);
        let session = sessions.get(role)!;
        if (!allowed) {
          const res = await session.inject({ method, url: concrete(route.url), payload: method === 'GET' ? undefined : {} });
          if (res.statusCode !== 403 || res.json().error?.code !== 'forbidden') failures.push(`${role} ${key} -> ${res.statusCode} (expected 403 forbidden)`);
          continue;
        }
        if (row.fresh) session = await t.as(role, { agencyId: agencyOfRole.get(role), regions: [REGION] });
        const ctx = context(role, session);
        const req = await row.request(ctx);
        const expected = typeof row.expect === 'number' ? row.expect : row.expect(role, ctx);
        const res = await session.inject({ method, url: req.url ?? concrete(route.url), payload: req.payload, headers: req.headers });
        if (res.statusCode !== expected) failures.push(`${role} ${key} -> ${res.statusCode} (expected ${expected}) ${res.body.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);

  /** Status of a record route for a permission, derived from core: 200 in scope, 404 out of it, 403 without the permission. */
  const recordStatus = (actor: Actor, perm: Permission, facts: CaseFacts) =>
    canAccessRecord(actor, perm, facts) ? 200 : hasPermission(actor.role, perm) ? 404 : 403;

  let seq = 0;
  // One test per role (each runs in seconds; together they make the matrix's record level).
  it.each(ROLES)(
    'record level and case actions, %s: reads, lists, searches, links and every case action type in every scope, as core decides',
    async (role) => {
      const failures: string[] = [];
      const check = (label: string, got: unknown, want: unknown) => {
        if (JSON.stringify(got) !== JSON.stringify(want)) failures.push(`${label}: got ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
      };
      const regional = sessions.get(role)!;
      const national = await t.as(role, { agencyId: await t.createAgency({ type: AGENCY_OF[role], regionCode: REGION }), regions: 'national' });
      const actors: { session: Session; actor: Actor; kinds: Kind[] }[] = [
        { session: regional, actor: actorOf(regional), kinds: ['own', 'assigned', 'agency', 'region', 'other', 'handedOver'] },
        { session: national, actor: actorOf(national, true), kinds: ['other'] },
      ];
      const tally = new Set<number>();
      for (const { session: s, actor, kinds } of actors) {
        const scopeName = (k: Kind) => (k === 'other' ? (actor.jurisdiction.national ? 'national' : 'none') : k);
        const records: { k: Kind; caseId: string; personId: string; name: string; facts: CaseFacts }[] = [];
        for (const k of kinds) {
          const f = {
            createdBy: k === 'own' || k === 'handedOver' ? s.user.id : stranger.id,
            ownerAgencyId: k === 'agency' ? s.user.agencyId : stranger.agencyId,
            regionCode: k === 'region' ? REGION : ELSEWHERE,
            assignedUserIds: k === 'assigned' ? [s.user.id] : [],
            creatorAccessEnded: k === 'handedOver',
          };
          const name = `Matrixova${String.fromCharCode(97 + (seq % 26))}${String.fromCharCode(97 + (Math.floor(seq / 26) % 26))}q`;
          seq++;
          const personId = await insertPerson(f, f.regionCode, f.creatorAccessEnded, name);
          const caseId = randomUUID();
          await t.deps.db.insert(cases).values({
            id: caseId,
            clientId: randomUUID(),
            reference: `T-${caseId}`,
            personId,
            regionCode: f.regionCode,
            exploitationTypes: [],
            status: 'open',
            traffickingStatus: 'PossibleVictimOfTrafficking',
            createdBy: f.createdBy,
            creatorAccessEnded: f.creatorAccessEnded,
            ownerAgencyId: f.ownerAgencyId,
          });
          // A case held for deportation and flagged for non-punishment: most action types may follow.
          const log = ['opened', 'deportation_hold', 'non_punishment_flagged'];
          await t.deps.db
            .insert(caseActions)
            .values(
              log.map((type, i) => ({ clientId: randomUUID(), caseId, seq: i + 1, type, details: {}, actorId: stranger.id, agencyId: stranger.agencyId })),
            );
          if (k === 'assigned') await t.deps.db.insert(caseAssignments).values({ caseId, userId: s.user.id });
          records.push({ k, caseId, personId, name, facts: f });
        }
        // Lists first: these are the newest records, so page 1 holds every one the actor may see.
        const caseList = hasPermission(role, 'case.read')
          ? (await s.inject({ method: 'GET', url: '/api/v1/cases?pageSize=100' })).json().items.map((i: { id: string }) => i.id)
          : null;
        const personList = hasPermission(role, 'person.read')
          ? (await s.inject({ method: 'GET', url: '/api/v1/persons?pageSize=100' })).json().items.map((i: { id: string }) => i.id)
          : null;
        for (const r of records) {
          const label = `${role} ${scopeName(r.k)}`;
          if (caseList) check(`${label} case list`, caseList.includes(r.caseId), canAccessRecord(actor, 'case.read', r.facts));
          if (personList) check(`${label} person list`, personList.includes(r.personId), canAccessRecord(actor, 'person.read', r.facts));
          // A name search is a use of identity: a hit needs the record and its identity in scope.
          const caseSearch = await s.inject({ method: 'GET', url: `/api/v1/cases?q=${encodeURIComponent(r.name)}` });
          check(`${label} case search status`, caseSearch.statusCode, hasPermission(role, 'case.read') ? 200 : 403);
          if (caseSearch.statusCode === 200)
            check(
              `${label} case search`,
              caseSearch.json().items.some((i: { id: string }) => i.id === r.caseId),
              canAccessRecord(actor, 'case.read', r.facts) && canAccessRecord(actor, 'person.read_identity', r.facts),
            );
          const personSearch = await s.inject({ method: 'GET', url: `/api/v1/persons?q=${encodeURIComponent(r.name)}` });
          check(`${label} person search status`, personSearch.statusCode, hasPermission(role, 'person.read') ? 200 : 403);
          if (personSearch.statusCode === 200)
            check(
              `${label} person search`,
              personSearch.json().items.some((i: { id: string }) => i.id === r.personId),
              canAccessRecord(actor, 'person.read_identity', r.facts),
            );
          // The duplicate check at intake is a name search too: a candidate only within the identity scope.
          const probe = await s.inject({ method: 'POST', url: '/api/v1/persons/matches', payload: { firstName: 'Асель', secondName: r.name } });
          check(`${label} duplicate check status`, probe.statusCode, hasPermission(role, 'person.create') ? 200 : 403);
          if (probe.statusCode === 200)
            check(
              `${label} duplicate check`,
              probe.json().candidates.some((c: { person: { id: string } }) => c.person.id === r.personId),
              canAccessRecord(actor, 'person.read_identity', r.facts),
            );
          const person = await s.inject({ method: 'GET', url: `/api/v1/persons/${r.personId}` });
          check(`${label} person read`, person.statusCode, recordStatus(actor, 'person.read', r.facts));
          if (person.statusCode === 200)
            check(`${label} identity shown`, person.json().identity !== null, canAccessRecord(actor, 'person.read_identity', r.facts));
          const links = await s.inject({ method: 'GET', url: `/api/v1/persons/${r.personId}/links` });
          check(`${label} links`, links.statusCode, recordStatus(actor, 'person.read', r.facts));
          // A proposed pair is shown to a reviewer only when both records are in her identity scope:
          // a pair within this scope, and a pair of this record with one outside every scope but national.
          const pairVisible = (...fs: CaseFacts[]) => fs.every((f) => canAccessRecord(actor, 'person.read_identity', f));
          const strangerFacts: CaseFacts = {
            createdBy: stranger.id,
            ownerAgencyId: stranger.agencyId,
            regionCode: ELSEWHERE,
            assignedUserIds: [],
            creatorAccessEnded: false,
          };
          const pairs: [string, string, boolean][] = [
            // The partner has no case, so no assignment reaches it.
            [
              'pair',
              await insertPerson(r.facts, r.facts.regionCode as string, r.facts.creatorAccessEnded),
              pairVisible(r.facts, { ...r.facts, assignedUserIds: [] }),
            ],
            ['mixed pair', await insertPerson(strangerFacts, ELSEWHERE), pairVisible(r.facts, strangerFacts)],
          ];
          for (const [what, partner, visible] of pairs) {
            const [a, b] = [r.personId, partner].sort();
            const proposalId = randomUUID();
            await t.deps.db
              .insert(personLinkProposals)
              .values({ id: proposalId, personA: a!, personB: b!, modelDecision: 'review', score: 1, probability: 0.5, explanation: [] });
            const proposal = await s.inject({ method: 'GET', url: `/api/v1/linkage/proposals/${proposalId}` });
            check(`${label} linkage ${what}`, proposal.statusCode, !hasPermission(role, 'linkage.review') ? 403 : visible ? 200 : 404);
          }
          const kase = await s.inject({ method: 'GET', url: `/api/v1/cases/${r.caseId}` });
          check(`${label} case read`, kase.statusCode, recordStatus(actor, 'case.read', r.facts));
          let state = deriveCaseState(['opened', 'deportation_hold', 'non_punishment_flagged'].map((type) => ({ type }) as CaseAction));
          // allowedActions is exactly what core allows this user on this case now.
          if (kase.statusCode === 200) {
            const want = canAccessRecord(actor, 'case.act', r.facts) ? allowedActionsFor(actor, r.facts, state) : [];
            check(`${label} allowedActions`, kase.json().allowedActions, want);
          }
          for (const type of ACTION_ORDER) {
            const input = ACTION_INPUT[type](unitAgencyId);
            const res = await s.inject({ method: 'POST', url: `/api/v1/cases/${r.caseId}/actions`, payload: { clientId: randomUUID(), action: input } });
            const refusal = hasPermission(role, 'case.act') ? actionRefusal(actor, type, r.facts, state) : 'route';
            const expected =
              refusal === 'route'
                ? 403
                : 'system' in CASE_ACTION_RULES[type]
                  ? 400
                  : refusal === 'not_found'
                    ? 404
                    : refusal === 'forbidden'
                      ? 403
                      : refusal === 'invalid_transition'
                        ? 409
                        : 200;
            check(`${label} ${type} (${state.status})`, res.statusCode, expected);
            tally.add(res.statusCode);
            if (res.statusCode === 200) state = applyAction(state, coreActionOf(input));
          }
        }
      }
      expect(failures).toEqual([]);
      // Not vacuous: a role that acts on cases had actions accepted, refused as not its own and out of scope.
      if (hasPermission(role, 'case.act')) expect([...tally].sort()).toEqual(expect.arrayContaining([200, 403, 404]));
    },
    180_000,
  );

  it('every case action type has a rule and an input here (a new type without one fails)', () => {
    expect([...ACTION_ORDER].sort()).toEqual([...CASE_ACTION_TYPES].sort());
    for (const type of CASE_ACTION_TYPES) expect(CASE_ACTION_RULES[type], type).toBeDefined();
  });

  it('screenings: a screener reads only her own screening; after a handover it stays readable as a receipt without the person or case', async () => {
    const failures: string[] = [];
    for (const role of ROLES) {
      const s = sessions.get(role)!;
      if (!hasPermission(role, 'case.create')) {
        const res = await s.inject({ method: 'GET', url: `/api/v1/screenings/${MISSING}` });
        if (res.statusCode !== 403) failures.push(`${role} screening read -> ${res.statusCode} (expected 403)`);
        continue;
      }
      const ctx = context(role, s);
      const own = await ctx.ownScreening();
      const handed = await ctx.ownScreening();
      await s.inject({ method: 'POST', url: `/api/v1/screenings/${handed.id}/handover`, payload: { toAgencyId: unitAgencyId } });
      const colleague = await t.createUser({ role, agencyId: s.user.agencyId });
      const [row] = await t.deps.db.select().from(screenings).where(eq(screenings.id, own.id));
      const copy = async (screenerId: string, agencyId: string, regionCode: string) => {
        const id = randomUUID();
        await t.deps.db
          .insert(screenings)
          .values({ ...row!, id, clientId: randomUUID(), reference: `S-${id}`, screenerId, agencyId, regionCode, personId: null, caseId: null });
        return id;
      };
      const cases_: [string, string, number][] = [
        ['own', own.id, 200],
        ['handed-over', handed.id, 200],
        ['agency', await copy(colleague.id, s.user.agencyId, REGION), 404],
        ['region', await copy(stranger.id, stranger.agencyId, REGION), 404],
        ['none', await copy(stranger.id, stranger.agencyId, ELSEWHERE), 404],
      ];
      // National jurisdiction widens nothing: a screening is its screener's alone.
      const national = await t.as(role, { agencyId: s.user.agencyId, regions: 'national' });
      for (const [name, id] of cases_) {
        const res = await national.inject({ method: 'GET', url: `/api/v1/screenings/${id}` });
        if (res.statusCode !== 404) failures.push(`${role} (national) screening ${name} -> ${res.statusCode} (expected 404)`);
      }
      const list = (await s.inject({ method: 'GET', url: '/api/v1/screenings?pageSize=100' })).json().items.map((i: { id: string }) => i.id);
      for (const [name, id, want] of cases_) {
        const res = await s.inject({ method: 'GET', url: `/api/v1/screenings/${id}` });
        if (res.statusCode !== want) failures.push(`${role} screening ${name} -> ${res.statusCode} (expected ${want})`);
        if (list.includes(id) !== (want === 200)) failures.push(`${role} screening list ${name}: listed ${list.includes(id)}`);
        if (name === 'handed-over' && res.statusCode === 200 && (res.json().personId !== null || res.json().caseId !== null))
          failures.push(`${role} handed-over receipt shows the person or case`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('self-reports: the hotline sees every report, identification officers those in their jurisdiction, everyone else none', async () => {
    const submit = async (regionCode: string) => {
      const { reference } = (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/self-reports',
          payload: { reporter: 'self', language: 'kk', regionCode, whatHappened: 'Төлемеді', safeToContact: false },
        })
      ).json();
      const [row] = await t.deps.db.select({ id: selfReports.id }).from(selfReports).where(eq(selfReports.reference, reference));
      return row!;
    };
    const near = await submit(REGION);
    const far = await submit(ELSEWHERE);
    const hotline = await t.as('screener', { agencyId: await t.createAgency({ type: 'hotline', regionCode: REGION }), regions: [REGION] });
    const nationalOfficer = await t.as('identification_officer', { regions: 'national' });
    const viewers: [string, Session, (region: string) => boolean][] = [
      ...ROLES.map((role): [string, Session, (region: string) => boolean] => [
        role,
        sessions.get(role)!,
        (region) => role === 'identification_officer' && region === REGION,
      ]),
      ['screener (hotline)', hotline, () => true],
      ['identification_officer (national)', nationalOfficer, () => true],
    ];
    const failures: string[] = [];
    for (const [name, s, sees] of viewers) {
      const may = hasPermission(s.user.role, 'self_report.read');
      const list = await s.inject({ method: 'GET', url: '/api/v1/self-reports?pageSize=100' });
      if (list.statusCode !== (may ? 200 : 403)) failures.push(`${name} self-report list -> ${list.statusCode}`);
      for (const [region, report] of [
        [REGION, near],
        [ELSEWHERE, far],
      ] as const) {
        const want = !may ? 403 : sees(region) ? 200 : 404;
        const res = await s.inject({ method: 'GET', url: `/api/v1/self-reports/${report.id}` });
        if (res.statusCode !== want) failures.push(`${name} self-report in ${region} -> ${res.statusCode} (expected ${want})`);
        if (may && list.json().items.some((i: { id: string }) => i.id === report.id) !== sees(region)) failures.push(`${name} self-report list ${region}`);
      }
      // Working the queue: only a report the viewer may see can change status (a fresh one each time).
      for (const region of [REGION, ELSEWHERE]) {
        const fresh = await submit(region);
        const want = !hasPermission(s.user.role, 'self_report.update') ? 403 : sees(region) ? 200 : 404;
        const res = await s.inject({ method: 'POST', url: `/api/v1/self-reports/${fresh.id}/status`, payload: { status: 'in_progress' } });
        if (res.statusCode !== want) failures.push(`${name} self-report status in ${region} -> ${res.statusCode} (expected ${want})`);
      }
    }
    expect(failures).toEqual([]);
  });
});
