import { randomUUID } from 'node:crypto';
import { INPUT_MARK } from '@qorgau/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, personBody, type Session, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

type JsonSchema = { type?: string | string[]; enum?: unknown[]; const?: unknown; format?: string; [k: string]: unknown };

/**
 * Every string a request may carry (path, query, body, at any depth) is built from the core's
 * input primitives (or is an enum or a uuid): the structural guarantee that no route forgets
 * NUL bytes, lone surrogates, NFC, trimming and length bounds. Lists the offending places.
 */
export function bareStrings(doc: {
  paths: Record<
    string,
    Record<string, { parameters?: { in: string; name: string; schema: JsonSchema }[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } }>
  >;
}): string[] {
  const bad: string[] = [];
  const walk = (s: unknown, at: string): void => {
    if (!s || typeof s !== 'object') return;
    if (Array.isArray(s)) {
      s.forEach((x, i) => walk(x, `${at}[${i}]`));
      return;
    }
    const node = s as JsonSchema;
    const types = Array.isArray(node.type) ? node.type : [node.type];
    if (types.includes('string') && !node.enum && node.const === undefined && node.format !== 'uuid' && !(INPUT_MARK in node)) bad.push(at);
    for (const [k, v] of Object.entries(node)) if (typeof v === 'object') walk(v, `${at}/${k}`);
  };
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      for (const p of op.parameters ?? []) walk(p.schema, `${method.toUpperCase()} ${path} ${p.in}:${p.name}`);
      for (const [type, c] of Object.entries(op.requestBody?.content ?? {})) walk(c.schema, `${method.toUpperCase()} ${path} body(${type})`);
    }
  }
  return bad;
}

const fieldsOf = (res: { json(): unknown }) => (res.json() as { error: { fields: { path: string; code: string; message: string }[] } }).error.fields;

describe('the OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(() => t.close());

  it('has no request string built without the input primitives', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const bare = bareStrings(doc);
    expect(bare, bare.join('\n')).toEqual([]);
    // And the walk does find a bare string when there is one.
    const probe = {
      paths: { '/x': { post: { requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { a: { type: 'string' } } } } } } } } },
    };
    expect(bareStrings(probe)).toEqual(['POST /x body(application/json)/properties/a']);
  });
});

describeEachDb('input safety', (kind) => {
  let t: TestApp;
  let admin: Session;
  let worker: Session;
  let auditor: Session;
  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await t.as('administrator', { regions: 'national' });
    worker = await t.as('case_worker');
    auditor = await t.as('national_coordinator', { regions: 'national' });
  });
  afterAll(() => t.close());
  const en = { 'accept-language': 'en' };

  it('a NUL byte in a query string is a 400 with a field message, not a 500 (audit filter, user search, person search)', async () => {
    for (const [s, url, field] of [
      [auditor, `/api/v1/audit?recordId=${encodeURIComponent('a\u0000b')}`, 'recordId'],
      [admin, `/api/v1/users?q=${encodeURIComponent('x\u0000')}`, 'q'],
      [worker, `/api/v1/persons?q=${encodeURIComponent('Ай\u0000')}`, 'q'],
      [worker, `/api/v1/cases?q=${encodeURIComponent('\u0000')}`, 'q'],
    ] as const) {
      const res = await s.inject({ method: 'GET', url, headers: en });
      expect(res.statusCode, url).toBe(400);
      expect(fieldsOf(res)).toEqual([{ path: field, code: 'invalid_characters', message: expect.stringContaining('cannot be stored') }]);
    }
  });

  it('a NUL byte or a lone surrogate in a body is a 400 (agency and user names, narrative, public sign-in)', async () => {
    const agency = await admin.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      payload: { name: { kk: 'Агенттік', ru: 'Agency\u0000', en: 'Agency' }, type: 'ngo', regionCode: 'KZ-75' },
    });
    expect(agency.statusCode).toBe(400);
    expect(fieldsOf(agency)[0]).toMatchObject({ path: 'name.ru', code: 'invalid_characters' });
    const user = await admin.inject({ method: 'PATCH', url: `/api/v1/users/${worker.user.id}`, payload: { displayName: 'A\uD800B' } });
    expect(user.statusCode).toBe(400);
    expect(fieldsOf(user)[0]).toMatchObject({ path: 'displayName', code: 'invalid_characters' });
    const signIn = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username: 'ad\u0000min', password: 'x' } });
    expect(signIn.statusCode).toBe(400);
    const person = await worker.inject({ method: 'POST', url: '/api/v1/persons', payload: personBody({ address: 'street\u0000 1' }) });
    expect(person.statusCode).toBe(400);
    expect(fieldsOf(person)[0]).toMatchObject({ path: 'address', code: 'invalid_characters' });
  });

  it('dates out of range in filters are a 400 naming the field, in the user language', async () => {
    for (const d of ['0000-01-01', '9999-12-31', '1899-12-31']) {
      const res = await auditor.inject({ method: 'GET', url: `/api/v1/audit?from=${d}&to=2026-01-01`, headers: { 'accept-language': 'ru' } });
      expect(res.statusCode, d).toBe(400);
      expect(fieldsOf(res)).toEqual([{ path: 'from', code: 'date_out_of_range', message: 'Дата вне допустимого диапазона.' }]);
    }
    const impossible = await auditor.inject({ method: 'GET', url: '/api/v1/audit?to=2025-02-29' });
    expect(impossible.statusCode).toBe(400);
    expect((await auditor.inject({ method: 'GET', url: '/api/v1/audit?from=1900-01-01&to=2100-12-31' })).statusCode).toBe(200);
  });

  it('a PATCH that sets nothing ({} or only unknown keys) is a 400, not a 500', async () => {
    const agencyId = await t.createAgency();
    for (const [url, payload] of [
      [`/api/v1/users/${worker.user.id}`, {}],
      [`/api/v1/users/${worker.user.id}`, { nickname: 'x', isAdmin: true }],
      [`/api/v1/agencies/${agencyId}`, {}],
      [`/api/v1/agencies/${agencyId}`, { colour: 'red' }],
    ] as const) {
      const res = await admin.inject({ method: 'PATCH', url, payload, headers: en });
      expect(res.statusCode, `${url} ${JSON.stringify(payload)}`).toBe(400);
      expect(fieldsOf(res)).toEqual([{ path: '', code: 'empty_patch', message: expect.stringContaining('Nothing to change') }]);
    }
    expect((await admin.inject({ method: 'PATCH', url: `/api/v1/agencies/${agencyId}`, payload: { disabled: false } })).statusCode).toBe(200);
  });

  it('text is stored NFC and trimmed: a decomposed agency name comes back composed', async () => {
    const res = await admin.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      payload: { name: { kk: 'Qorgau', ru: 'Qorgau', en: '  Cafe\u0301 Qorgau  ' }, type: 'ngo', regionCode: 'KZ-75' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().name.en).toBe('Caf\u00e9 Qorgau');
  });

  it('a name of invisible characters only, or with a bidi override, is refused with its own message', async () => {
    const zwsp = await worker.inject({ method: 'POST', url: '/api/v1/persons', payload: personBody({ firstName: '\u200B' }), headers: en });
    expect(zwsp.statusCode).toBe(400);
    expect(fieldsOf(zwsp)).toEqual([{ path: 'firstName', code: 'name_invisible', message: expect.stringContaining('no letters') }]);
    const soft = await worker.inject({ method: 'POST', url: '/api/v1/persons', payload: personBody({ secondName: '\u00AD\uFEFF\u200D' }) });
    expect(fieldsOf(soft)).toEqual([expect.objectContaining({ path: 'secondName', code: 'name_invisible' })]);
    const rlo = await worker.inject({ method: 'POST', url: '/api/v1/persons', payload: personBody({ firstName: 'Akmaral\u202Eabc' }) });
    expect(fieldsOf(rlo)).toEqual([expect.objectContaining({ path: 'firstName', code: 'bidi_control' })]);
    const agency = await admin.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      payload: { name: { kk: 'Police\u2067 x', ru: 'Полиция', en: 'Police' }, type: 'police', regionCode: 'KZ-75' },
    });
    expect(fieldsOf(agency)).toEqual([expect.objectContaining({ path: 'name.kk', code: 'bidi_control' })]);
    const user = await admin.inject({ method: 'PATCH', url: `/api/v1/users/${worker.user.id}`, payload: { displayName: '\u200B\u200B\u200B' } });
    expect(fieldsOf(user)).toEqual([expect.objectContaining({ path: 'displayName', code: 'name_invisible' })]);
  });

  it('a birth date before 1900 or after today (Kazakhstan time, injected clock) is refused', async () => {
    const early = await worker.inject({ method: 'POST', url: '/api/v1/persons', payload: personBody({ birthdate: '1899-12-31' }) });
    expect(fieldsOf(early)).toEqual([expect.objectContaining({ path: 'birthdate', code: 'date_out_of_range' })]);
    // 2026-03-10 19:30 UTC is already 11 March in Kazakhstan (UTC+5).
    const clock = t.deps.now;
    t.deps.now = () => new Date('2026-03-10T19:30:00Z');
    try {
      const future = await worker.inject({ method: 'POST', url: '/api/v1/persons', payload: personBody({ birthdate: '2026-03-12' }), headers: en });
      expect(future.statusCode).toBe(400);
      expect(fieldsOf(future)).toEqual([{ path: 'birthdate', code: 'date_in_future', message: 'The date cannot be in the future.' }]);
      const today = await worker.inject({ method: 'POST', url: '/api/v1/persons', payload: personBody({ birthdate: '2026-03-11' }) });
      expect(today.statusCode).toBe(200);
    } finally {
      t.deps.now = clock;
    }
  });

  it('an encounter date after today is refused on a screening', async () => {
    const screener = await t.as('screener');
    const clock = t.deps.now;
    t.deps.now = () => new Date('2026-03-10T12:00:00Z');
    try {
      const body = {
        clientId: randomUUID(),
        encounterDate: '2026-03-11',
        regionCode: 'KZ-75',
        setting: 'market',
        language: 'ru',
        interpreterUsed: false,
        observed: [],
        ageYears: 30,
        gender: 'Feminine',
        citizenship: 'KZ',
        exploitationTypes: [],
        consent: 'declined',
      };
      const res = await screener.inject({ method: 'POST', url: '/api/v1/screenings', payload: body });
      expect(res.statusCode).toBe(400);
      expect(fieldsOf(res)).toEqual([expect.objectContaining({ path: 'encounterDate', code: 'date_in_future' })]);
      expect((await screener.inject({ method: 'POST', url: '/api/v1/screenings', payload: { ...body, encounterDate: '2026-03-10' } })).statusCode).toBe(200);
    } finally {
      t.deps.now = clock;
    }
  });
});
