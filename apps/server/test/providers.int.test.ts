import { afterAll, beforeAll, expect, it } from 'vitest';
import { type CapacityBoard, freePlaces, KZ_REGIONS, PROVIDER_ELIGIBILITY, type Provider } from '@qorgau/core';
import { listEligibleProviders } from '../src/modules/providers/providers.repository.ts';
import { providerBody } from './provider-fixtures.ts';
import { createTestApp, type Session, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

/**
 * The provider directory and the capacity board (issue #10): filters, field-level rules, the
 * shelter manager who keeps her own entry (and only hers) current, and a board that equals a recount.
 */
describeEachDb('provider directory and capacity board', (kind) => {
  let t: TestApp;
  let admin: Session;
  let manager: Session;
  let caseWorker: Session;
  let shelterAgency: string;
  let otherAgency: string;
  const ids: Record<string, string> = {};

  const fields = (res: { json(): unknown }) =>
    (res.json() as { error: { fields: { path: string; code: string; message: string }[] } }).error.fields.map((f) => `${f.path}:${f.code}`).sort();
  const create = async (key: string, agencyId: string, overrides: Record<string, unknown>) => {
    const res = await admin.inject({ method: 'POST', url: '/api/v1/providers', payload: providerBody(agencyId, 'KZ-75', overrides) });
    expect(res.statusCode, res.body).toBe(200);
    ids[key] = (res.json() as Provider).id;
    return res.json() as Provider;
  };
  const list = async (s: Session, query: string) =>
    (await s.inject({ method: 'GET', url: `/api/v1/providers?pageSize=100&${query}` })).json() as { items: Provider[]; total: number };

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await t.as('administrator', { agencyId: await t.createAgency({ type: 'administration', regionCode: null }), regions: 'national' });
    shelterAgency = await t.createAgency({ type: 'ngo', name: 'Umit NGO' });
    otherAgency = await t.createAgency({ type: 'ngo', name: 'Zhardem NGO' });
    manager = await t.as('shelter_manager', { agencyId: shelterAgency });
    caseWorker = await t.as('case_worker');
    await create('women', shelterAgency, { name: { kk: 'Үміт баспанасы', ru: 'Приют «Умит»', en: 'Umit shelter' }, capacity: 10, occupancy: 4 });
    await create('children', otherAgency, {
      regionCode: 'KZ-71',
      eligibility: ['children', 'foreign_nationals'],
      capacity: 6,
      occupancy: 6,
      settlement: 'rural',
    });
    await create('men', otherAgency, { regionCode: 'KZ-71', eligibility: ['adults', 'men', 'foreign_nationals'], capacity: 5, occupancy: 1 });
    await create('legal', otherAgency, {
      kind: 'service',
      services: ['legal', 'interpretation'],
      eligibility: ['adults', 'children', 'foreign_nationals'],
      capacity: 0,
      occupancy: 0,
    });
  });
  afterAll(() => t.close());

  it('filters by region, kind, service, eligibility, free places and name in any language', async () => {
    const names = async (q: string) => (await list(caseWorker, q)).items.map((p) => p.id).sort();
    expect(await names('regionCode=KZ-71')).toEqual([ids.children, ids.men].sort());
    expect(await names('kind=service')).toEqual([ids.legal]);
    expect(await names('service=interpretation')).toEqual([ids.legal]);
    expect(await names('eligibility=children')).toEqual([ids.children, ids.legal].sort());
    expect(await names('kind=shelter&freeOnly=true')).toEqual([ids.women, ids.men].sort());
    expect(await names('q=%D2%AE%D0%BC%D1%96%D1%82')).toEqual([ids.women]); // "Үміт"
    expect(await names('q=Umit')).toEqual([ids.women]);
    expect(await names('q=%25')).toEqual([]); // a literal "%", not "everything"
    const full = (await list(caseWorker, 'regionCode=KZ-71')).items.find((p) => p.id === ids.children);
    expect(full?.free).toBe(0);
    expect(full?.allowedActions).toEqual([]);
  });

  it('refuses broken entries with field-level errors', async () => {
    const bad = await admin.inject({
      method: 'POST',
      url: '/api/v1/providers',
      payload: providerBody(shelterAgency, 'KZ-75', { eligibility: ['adults', 'children'], capacity: 3, occupancy: 5, phone: '8 701 000', email: 'nope' }),
    });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toEqual([
      'eligibility:children_placed_separately',
      'email:invalid_format',
      'occupancy:occupancy_over_capacity',
      'phone:invalid_format',
    ]);
    const service = await admin.inject({
      method: 'POST',
      url: '/api/v1/providers',
      payload: providerBody(shelterAgency, 'KZ-75', { kind: 'service', services: ['medical'], capacity: 4, occupancy: 0 }),
    });
    expect(fields(service)).toEqual(['capacity:service_has_no_beds']);
    // A patch is checked on the entry as it will be.
    const over = await admin.inject({ method: 'PATCH', url: `/api/v1/providers/${ids.women}`, payload: { capacity: 2 } });
    expect(over.statusCode).toBe(400);
    expect(fields(over)).toEqual(['occupancy:occupancy_over_capacity']);
    const ghost = await admin.inject({ method: 'POST', url: '/api/v1/providers', payload: providerBody(crypto.randomUUID()) });
    expect(fields(ghost)).toEqual(['agencyId:not_found']);
  });

  it('a shelter manager keeps her own entry current, and finds no other; she never adds one', async () => {
    const mine = await list(manager, 'mine=true');
    expect(mine.items.map((p) => p.id)).toEqual([ids.women]);
    expect(mine.items[0]?.allowedActions).toEqual(['update', 'occupancy']);
    const upd = await manager.inject({ method: 'PATCH', url: `/api/v1/providers/${ids.women}/occupancy`, payload: { occupancy: 9 } });
    expect(upd.statusCode, upd.body).toBe(200);
    expect((upd.json() as Provider).free).toBe(1);
    const phone = await manager.inject({ method: 'PATCH', url: `/api/v1/providers/${ids.women}`, payload: { phone: '+77010000001' } });
    expect((phone.json() as Provider).contacts.phone).toBe('+77010000001');
    for (const url of [`/api/v1/providers/${ids.men}`, `/api/v1/providers/${ids.men}/occupancy`]) {
      const other = await manager.inject({ method: 'PATCH', url, payload: { occupancy: 0 } });
      expect(other.statusCode).toBe(404);
    }
    const handOver = await manager.inject({ method: 'PATCH', url: `/api/v1/providers/${ids.women}`, payload: { agencyId: otherAgency } });
    expect(fields(handOver)).toEqual(['agencyId:not_your_agency']);
    const add = await manager.inject({ method: 'POST', url: '/api/v1/providers', payload: providerBody(shelterAgency) });
    expect(add.statusCode).toBe(403);
    const audit = await admin.inject({ method: 'GET', url: `/api/v1/audit?recordId=${ids.women}&pageSize=50` });
    const ops = (audit.json() as { items: { operation: string }[] }).items.map((e) => e.operation);
    expect(ops.filter((o) => o === 'provider.updated').length).toBe(2);
    expect(ops).toContain('provider.created');
  });

  it('the capacity board has every region and equals a recount of the shelters', async () => {
    const board = (await caseWorker.inject({ method: 'GET', url: '/api/v1/providers/capacity-board' })).json() as CapacityBoard;
    expect(board.rows.map((r) => r.regionCode)).toEqual(KZ_REGIONS.map((r) => r.code));
    const shelters = (await list(admin, 'kind=shelter')).items;
    for (const row of board.rows) {
      const here = shelters.filter((p) => p.regionCode === row.regionCode);
      expect(row.shelters).toBe(here.length);
      expect(row.free).toBe(here.reduce((a, p) => a + freePlaces(p), 0));
      for (const g of PROVIDER_ELIGIBILITY) expect(row.freeBy[g]).toBe(here.filter((p) => p.eligibility.includes(g)).reduce((a, p) => a + p.free, 0));
    }
    expect(board.totals.free).toBe(shelters.reduce((a, p) => a + p.free, 0));
    expect(board.rows.find((r) => r.regionCode === 'KZ-71')?.freeBy).toMatchObject({ children: 0, men: 4, foreign_nationals: 4 });
    expect(board.rows.find((r) => r.regionCode === 'KZ-10')?.free).toBe(0);
  });

  it('lists the providers that take a person (for referrals)', async () => {
    const child = await listEligibleProviders(t.deps.db, { need: { age: 'child', sex: 'female', foreign: true } });
    expect(child.map((p) => p.id).sort()).toEqual([ids.children, ids.legal].sort());
    const man = await listEligibleProviders(t.deps.db, { need: { age: 'adult', sex: 'male', foreign: true }, kind: 'shelter' });
    expect(man.map((p) => p.id)).toEqual([ids.men]);
    const free = await listEligibleProviders(t.deps.db, { need: { age: 'child', sex: 'male', foreign: false }, kind: 'shelter', freeOnly: true });
    expect(free).toEqual([]);
    const legal = await listEligibleProviders(t.deps.db, { need: { age: 'adult', sex: 'female', foreign: false }, services: ['legal', 'interpretation'] });
    expect(legal.map((p) => p.id)).toEqual([ids.legal]);
  });
});
