import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditLog, persons } from '../src/db/schema.ts';
import { createTestApp, personBody, type Session, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

describeEachDb('persons', (kind) => {
  let t: TestApp;
  let worker: Session;
  beforeAll(async () => {
    t = await createTestApp(kind);
    worker = await t.as('case_worker');
  });
  afterAll(() => t.close());

  it('creates a person named in Kazakh Cyrillic and finds her by Latin spellings', async () => {
    const res = await worker.inject({ method: 'POST', url: '/api/v1/persons', payload: personBody() });
    expect(res.statusCode).toBe(200);
    const person = res.json();
    expect(person.identity).toMatchObject({ firstName: 'Әйгерім', secondName: 'Нұрланқызы' });
    expect(person.pseudonym).toMatch(/^P-[0-9A-Z]{10}$/);
    for (const q of ['Aigerim', 'AIGERIM NURLANKYZY', 'Айгерим', 'Aygerim Nurlanqyzy']) {
      const found = await worker.inject({ method: 'GET', url: `/api/v1/persons?q=${encodeURIComponent(q)}` });
      expect(
        found.json().items.map((p: { id: string }) => p.id),
        q,
      ).toContain(person.id);
    }
    const other = await worker.inject({ method: 'GET', url: `/api/v1/persons?q=${encodeURIComponent('Aigul')}` });
    expect(other.json().items.map((p: { id: string }) => p.id)).not.toContain(person.id);
  });

  it('stores personal fields encrypted: no name, birth date or document in clear', async () => {
    const body = personBody({ identityNumber: '990412400123', mobilePhone: '+77011234567', address: 'Абай даңғылы 10' });
    const res = await worker.inject({ method: 'POST', url: '/api/v1/persons', payload: body });
    const id = res.json().id as string;
    const raw = await t.deps.db.execute(sql`SELECT row_to_json(p)::text AS j FROM persons p WHERE id = ${id}`);
    const text = JSON.stringify(raw);
    for (const secret of ['Әйгерім', 'Нұрланқызы', '1999-04-12', '990412400123', '+77011234567', 'Абай']) {
      expect(text).not.toContain(secret);
    }
    const [row] = await t.deps.db.select().from(persons).where(eq(persons.id, id));
    expect(row?.firstNameEnc).toMatch(/^v1\.k1\./);
    expect(row?.birthYear).toBe(1999);
  });

  it('a replayed create returns the first person instead of a duplicate', async () => {
    const body = personBody();
    const a = await worker.inject({ method: 'POST', url: '/api/v1/persons', payload: body });
    const b = await worker.inject({ method: 'POST', url: '/api/v1/persons', payload: body });
    expect(b.json().id).toBe(a.json().id);
    const [n] = await t.deps.db.select({ n: sql<number>`count(*)::int` }).from(persons).where(eq(persons.clientId, body.clientId));
    expect(n?.n).toBe(1);
  });

  it('rejects bad input field by field, translated, writing nothing', async () => {
    const before = await t.deps.db.select({ n: sql<number>`count(*)::int` }).from(persons);
    const res = await worker.inject({
      method: 'POST',
      url: '/api/v1/persons',
      headers: { 'accept-language': 'ru' },
      payload: personBody({ firstName: '', regionCode: 'KZ-99', birthdate: '31.12.1999' }),
    });
    expect(res.statusCode).toBe(400);
    const err = res.json().error;
    expect(err.code).toBe('validation_failed');
    expect(err.fields.map((f: { path: string }) => f.path).sort()).toEqual(['birthdate', 'firstName', 'regionCode']);
    for (const f of err.fields) expect(f.message).toMatch(/[а-яА-ЯёЁ]/);
    const after = await t.deps.db.select({ n: sql<number>`count(*)::int` }).from(persons);
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it('the national coordinator sees persons by pseudonym only; another agency sees nothing', async () => {
    const created = (await worker.inject({ method: 'POST', url: '/api/v1/persons', payload: personBody() })).json();
    const coordinator = await t.as('national_coordinator', { regions: 'national' });
    const seen = await coordinator.inject({ method: 'GET', url: `/api/v1/persons/${created.id}` });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().identity).toBeNull();
    expect(seen.json().displayName).toBeNull();
    expect(seen.json().pseudonym).toBe(created.pseudonym);
    // Name search needs identity access: the coordinator cannot probe names.
    const probe = await coordinator.inject({ method: 'GET', url: '/api/v1/persons?q=Aigerim' });
    expect(probe.json().total).toBe(0);
    const stranger = await t.as('case_worker', { regions: ['KZ-71'] });
    const hidden = await stranger.inject({ method: 'GET', url: `/api/v1/persons/${created.id}` });
    const missing = await stranger.inject({ method: 'GET', url: `/api/v1/persons/00000000-0000-4000-8000-000000000000` });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toEqual(missing.json());
  });

  it('audits the creation and each read of personal data in the same transaction', async () => {
    const created = (await worker.inject({ method: 'POST', url: '/api/v1/persons', payload: personBody() })).json();
    const entries = await t.deps.db.select().from(auditLog).where(eq(auditLog.recordId, created.id));
    expect(entries.map((e) => e.operation).sort()).toEqual(['person.created', 'person.read']);
    expect(entries.every((e) => e.actorId === worker.user.id)).toBe(true);
    expect(JSON.stringify(entries)).not.toContain('Әйгерім');
  });
});
