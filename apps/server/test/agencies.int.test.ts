import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, screeningBody, type Session, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

/**
 * Agencies have their name in Kazakh, Russian and English (issue #9): the administrator gives
 * all three, and every view that names an agency carries all three, so the web can show the
 * reader's language instead of whatever language the one name happened to be written in.
 */
describeEachDb('agency names in kk, ru and en', (kind) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp(kind);
    const adminAgency = await t.createAgency({ type: 'administration', regionCode: null });
    admin = await t.as('administrator', { agencyId: adminAgency, regions: 'national' });
  });
  afterAll(() => t.close());

  const police = {
    kk: 'Түркістан облысы ПД, адам саудасына қарсы бөлім',
    ru: 'Отдел по противодействию торговле людьми ДП Туркестанской области',
    en: 'Turkistan Police Anti-Trafficking Unit',
  };
  const inspectorate = { kk: 'Түркістан облысының еңбек инспекциясы', ru: 'Инспекция труда Туркестанской области', en: 'Turkistan Region Labour Inspectorate' };
  const create = (name: unknown, type = 'police', headers: Record<string, string> = {}) =>
    admin.inject({ method: 'POST', url: '/api/v1/agencies', payload: { name, type, regionCode: 'KZ-61' }, headers });
  const fields = (res: { json(): unknown }) => (res.json() as { error: { fields: { path: string; code: string; message: string }[] } }).error.fields;

  it('an agency is created and updated with three names, and listed with them', async () => {
    const res = await create(police);
    expect(res.statusCode).toBe(200);
    const id = res.json().id as string;
    expect(res.json().name).toEqual(police);
    const listed = (await admin.inject({ method: 'GET', url: '/api/v1/agencies' })).json().items.find((a: { id: string }) => a.id === id);
    expect(listed.name).toEqual(police);

    const renamed = { ...police, en: 'Anti-Trafficking Unit, Turkistan Region Police' };
    const patched = await admin.inject({ method: 'PATCH', url: `/api/v1/agencies/${id}`, payload: { name: renamed } });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().name).toEqual(renamed);
    const screener = await t.as('screener', { regions: ['KZ-61'] });
    const directory = (await screener.inject({ method: 'GET', url: '/api/v1/agencies/directory' })).json().items.find((a: { id: string }) => a.id === id);
    expect(directory.name).toEqual(renamed);
  });

  it('a missing or empty name in one language is a 400 on that field, translated', async () => {
    const missing = await create({ kk: police.kk, ru: police.ru }, 'police', { 'accept-language': 'kk' });
    expect(missing.statusCode).toBe(400);
    expect(fields(missing)).toEqual([expect.objectContaining({ path: 'name.en' })]);
    const missingEn = await create({ kk: police.kk, ru: police.ru }, 'police', { 'accept-language': 'en' });
    // The same field's message in the reader's language: Kazakh is not the English text.
    expect(fields(missing)[0]?.message).not.toBe(fields(missingEn)[0]?.message);

    const empty = await create({ kk: '', ru: police.ru, en: police.en });
    expect(empty.statusCode).toBe(400);
    expect(fields(empty)).toEqual([expect.objectContaining({ path: 'name.kk', code: 'too_small' })]);

    // The old one-string name is refused, not stored in one language.
    const single = await create('Отдел полиции');
    expect(single.statusCode).toBe(400);
    expect(fields(single)).toEqual([expect.objectContaining({ path: 'name' })]);

    const id = (await create(police)).json().id as string;
    const partial = await admin.inject({ method: 'PATCH', url: `/api/v1/agencies/${id}`, payload: { name: { kk: 'Жаңа атау', en: 'New name' } } });
    expect(partial.statusCode).toBe(400);
    expect(fields(partial)).toEqual([expect.objectContaining({ path: 'name.ru' })]);
    const after = (await admin.inject({ method: 'GET', url: '/api/v1/agencies' })).json().items.find((a: { id: string }) => a.id === id);
    expect(after.name).toEqual(police);
  });

  it('me, users, screenings, handover targets, the case and its timeline carry all three names', async () => {
    const unit = await t.createAgency({ type: 'police', regionCode: 'KZ-61', name: police });
    const labour = await t.createAgency({ type: 'labour_inspectorate', regionCode: 'KZ-61', name: inspectorate });
    const inspector = await t.as('screener', { agencyId: labour, regions: ['KZ-61'] });

    expect((await inspector.inject({ method: 'GET', url: '/api/v1/auth/me' })).json().agency.name).toEqual(inspectorate);
    const users = (await admin.inject({ method: 'GET', url: `/api/v1/users?q=${inspector.user.username}` })).json().items;
    expect(users.map((u: { agencyName: unknown }) => u.agencyName)).toEqual([inspectorate]);

    const s = (await inspector.inject({ method: 'POST', url: '/api/v1/screenings', payload: screeningBody() })).json();
    expect(s.agencyName).toEqual(inspectorate);
    const targets = (await inspector.inject({ method: 'GET', url: `/api/v1/screenings/${s.id}/handover-targets` })).json().items;
    expect(targets.find((a: { id: string }) => a.id === unit)?.name).toEqual(police);
    const handed = await inspector.inject({ method: 'POST', url: `/api/v1/screenings/${s.id}/handover`, payload: { toAgencyId: unit } });
    expect(handed.json().handover.toAgencyName).toEqual(police);

    const officer = await t.as('identification_officer', { agencyId: unit, regions: ['KZ-61'] });
    const kase = (await officer.inject({ method: 'GET', url: `/api/v1/cases/${s.caseId}` })).json();
    expect(kase.ownerAgencyName).toEqual(police);
    expect(kase.actions.map((a: { agencyName: unknown }) => a.agencyName)).toEqual([inspectorate, inspectorate]);
    const list = (await officer.inject({ method: 'GET', url: '/api/v1/cases' })).json().items;
    expect(list.find((c: { id: string }) => c.id === s.caseId)?.ownerAgencyName).toEqual(police);
  });
});
