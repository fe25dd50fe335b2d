import { PassThrough } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, personBody, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

describeEachDb('platform', (kind) => {
  let t: TestApp;
  let logs = '';
  beforeAll(async () => {
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => {
      logs += chunk.toString('utf8');
    });
    t = await createTestApp(kind, { logStream: stream });
  });
  afterAll(() => t.close());

  it('serves health, readiness and an OpenAPI 3.1 document generated from the contracts', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ method: 'GET', url: '/ready' })).json()).toEqual({ status: 'ok' });
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/persons', '/api/v1/cases/{id}', '/api/v1/auth/sign-in']));
    const body = doc.paths['/api/v1/persons'].post.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(expect.arrayContaining(['firstName', 'secondName', 'gender', 'regionCode']));
  });

  it('unknown API routes answer 404 with the standard error body', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it('malformed JSON is a 400, not a 500', async () => {
    const s = await t.as('case_worker');
    const res = await s.inject({ method: 'POST', url: '/api/v1/persons', headers: { 'content-type': 'application/json' }, payload: '{"firstName": ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
  });

  it('never writes personal data to the logs', async () => {
    const s = await t.as('case_worker');
    const body = personBody({ firstName: 'Гүлжан', secondName: 'Тоқтарова', identityNumber: '870101400555', mobilePhone: '+77015550000' });
    const created = await s.inject({ method: 'POST', url: '/api/v1/persons', payload: body });
    expect(created.statusCode).toBe(200);
    await s.inject({ method: 'GET', url: `/api/v1/persons?q=${encodeURIComponent('Gulzhan Toktarova')}` });
    await s.inject({ method: 'POST', url: '/api/v1/persons', payload: { ...body, regionCode: 'bad', clientId: 'not-a-uuid' } });
    await new Promise((r) => setTimeout(r, 50));
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).toContain('/api/v1/persons');
    for (const secret of ['Гүлжан', 'Тоқтарова', 'Gulzhan', 'Toktarova', '870101400555', '+77015550000', 'qorgau_session=', s.csrf]) {
      expect(logs).not.toContain(secret);
    }
  });
});

describeEachDb('a failing database', (kind) => {
  it('answers 500 with a generic, translated message; no SQL, stack or personal data in the response or the logs', async () => {
    let logs = '';
    const stream = new PassThrough();
    stream.on('data', (c: Buffer) => {
      logs += c.toString('utf8');
    });
    const t = await createTestApp(kind, { logStream: stream });
    try {
      const s = await t.as('case_worker');
      await t.deps.db.transaction(async (tx) => {
        await tx.execute(sql`RESET ROLE`);
        await tx.execute(sql`ALTER TABLE case_assignments RENAME TO case_assignments_gone`);
        await tx.execute(sql`SET ROLE qorgau_app`);
      });
      const res = await s.inject({ method: 'GET', url: '/api/v1/persons?q=Айгерим', headers: { 'accept-language': 'ru' } });
      expect(res.statusCode).toBe(500);
      expect(res.json().error).toMatchObject({ code: 'internal', fields: [] });
      expect(res.json().error.message).toMatch(/[а-яА-Я]/);
      for (const leak of ['case_assignments', 'select', 'SELECT', ' at ', 'Айгерим']) {
        expect(res.body).not.toContain(leak);
        expect(logs).not.toContain(leak);
      }
      expect(logs).toContain('unhandled error');
      // The cause can be found: the error's class, its cause's, and PostgreSQL's SQLSTATE (undefined_table).
      const line = JSON.parse(logs.split('\n').find((l) => l.includes('unhandled error')) ?? '{}');
      expect(line).toMatchObject({ errClass: 'DrizzleQueryError', causeClass: expect.any(String), sqlState: '42P01' });
      expect(line).not.toHaveProperty('message');
    } finally {
      await t.close();
    }
  });
});
