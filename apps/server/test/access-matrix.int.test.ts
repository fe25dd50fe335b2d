import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { canAccessRecord, hasPermission, ROLES, type Actor, type Permission, type Role } from '@qorgau/core';
import { caseAssignments, cases, persons } from '../src/db/schema.ts';
import { encryptPerson } from '../src/modules/persons/persons.service.ts';
import { createTestApp, type Session, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

/** Every route the app registers must appear here with a request that exercises its guard. */
const ID = '00000000-0000-4000-8000-000000000000';
const concrete = (url: string) => url.replace(/:id/g, ID);

describeEachDb('access matrix: every route x role x scope', (kind) => {
  let t: TestApp;
  const sessions = new Map<Role, Session>();
  beforeAll(async () => {
    t = await createTestApp(kind);
    for (const role of ROLES) sessions.set(role, await t.as(role, { regions: ['KZ-75'] }));
  });
  afterAll(() => t.close());

  it('every API route declares its access', () => {
    expect(t.app.declaredRoutes.length).toBeGreaterThanOrEqual(20);
    for (const r of t.app.declaredRoutes) expect(r.access, `${r.method} ${r.url}`).toBeTruthy();
  });

  it('route level: a role without the permission is refused before anything else; anonymous callers get 401', async () => {
    // Sign-out ends the session: exercise it last.
    const routes = [...t.app.declaredRoutes].sort((a, b) => Number(a.url.endsWith('sign-out')) - Number(b.url.endsWith('sign-out')));
    for (const route of routes) {
      const req = { method: route.method as 'GET', url: concrete(route.url), payload: route.method === 'GET' ? undefined : {} };
      const anon = await t.app.inject(req);
      if (route.access === 'public') {
        expect(anon.statusCode, `${route.method} ${route.url}`).not.toBe(401);
        continue;
      }
      expect(anon.statusCode, `anonymous ${route.method} ${route.url}`).toBe(401);
      for (const role of ROLES) {
        const res = await (sessions.get(role) as Session).inject(req);
        const allowed = route.access === 'authenticated' || hasPermission(role, route.access as Permission);
        const label = `${role} ${route.method} ${route.url} -> ${res.statusCode} ${res.body.slice(0, 80)}`;
        if (allowed) expect(res.statusCode, label).not.toBe(403);
        else expect(res.json().error.code, label).toBe('forbidden');
      }
    }
  });

  it('record level: each role sees exactly the records its scope allows (own, assigned, agency, region, none, handed over)', async () => {
    const otherAgency = await t.createAgency({ regionCode: 'KZ-71' });
    const stranger = await t.createUser({ role: 'case_worker', agencyId: otherAgency, regions: ['KZ-71'] });
    for (const role of ROLES) {
      // Fresh sessions: the route-level test signed the first ones out.
      const s = await t.as(role, { regions: ['KZ-75'] });
      const actor: Actor = { userId: s.user.id, role, agencyId: s.user.agencyId, jurisdiction: { national: false, regions: ['KZ-75'] } };
      const kinds = {
        own: { createdBy: s.user.id, ownerAgencyId: s.user.agencyId, regionCode: 'KZ-71', assigned: false },
        assigned: { createdBy: stranger.id, ownerAgencyId: otherAgency, regionCode: 'KZ-71', assigned: true },
        agency: { createdBy: stranger.id, ownerAgencyId: s.user.agencyId, regionCode: 'KZ-71', assigned: false },
        region: { createdBy: stranger.id, ownerAgencyId: otherAgency, regionCode: 'KZ-75', assigned: false },
        none: { createdBy: stranger.id, ownerAgencyId: otherAgency, regionCode: 'KZ-71', assigned: false },
        handedOver: { createdBy: s.user.id, ownerAgencyId: otherAgency, regionCode: 'KZ-71', assigned: false, ended: true },
      };
      for (const [name, f] of Object.entries(kinds) as [string, (typeof kinds)['own'] & { ended?: boolean }][]) {
        const personRow = encryptPerson(
          t.deps.cipher,
          { clientId: randomUUID(), firstName: 'Асель', secondName: 'Серікова', gender: 'Feminine', citizenship: 'KZ', regionCode: f.regionCode as 'KZ-75' },
          { createdBy: f.createdBy, ownerAgencyId: f.ownerAgencyId },
        );
        await t.deps.db.insert(persons).values({ ...personRow, creatorAccessEnded: f.ended ?? false });
        const caseId = randomUUID();
        await t.deps.db.insert(cases).values({
          id: caseId,
          clientId: randomUUID(),
          reference: `T-${caseId}`,
          personId: personRow.id as string,
          regionCode: f.regionCode,
          exploitationTypes: [],
          status: 'open',
          traffickingStatus: 'PossibleVictimOfTrafficking',
          createdBy: f.createdBy,
          creatorAccessEnded: f.ended ?? false,
          ownerAgencyId: f.ownerAgencyId,
        });
        if (f.assigned) await t.deps.db.insert(caseAssignments).values({ caseId, userId: s.user.id });
        const facts = { createdBy: f.createdBy, ownerAgencyId: f.ownerAgencyId, regionCode: f.regionCode, assignedUserIds: f.assigned ? [s.user.id] : [], creatorAccessEnded: f.ended ?? false };
        const checks: [Permission, string, 'GET' | 'POST'][] = [
          ['case.read', `/api/v1/cases/${caseId}`, 'GET'],
          ['person.read', `/api/v1/persons/${personRow.id}`, 'GET'],
        ];
        for (const [perm, url, method] of checks) {
          const res = await s.inject({ method, url });
          const expected = canAccessRecord(actor, perm, facts) ? 200 : hasPermission(role, perm) ? 404 : 403;
          expect(res.statusCode, `${role} ${name} ${perm}`).toBe(expected);
          if (res.statusCode === 200 && perm === 'person.read') {
            expect(res.json().identity !== null, `${role} ${name} identity`).toBe(canAccessRecord(actor, 'person.read_identity', facts));
          }
        }
        const acted = await s.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/actions`, payload: { clientId: randomUUID(), action: { type: 'note_added', text: 'x' } } });
        const expected = canAccessRecord(actor, 'case.act', facts) ? 200 : hasPermission(role, 'case.act') ? 404 : 403;
        expect(acted.statusCode, `${role} ${name} case.act`).toBe(expected);
      }
    }
  });
});
