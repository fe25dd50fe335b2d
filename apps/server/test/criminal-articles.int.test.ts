import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadShippedCriminalArticles } from '../src/modules/justice/criminal-articles.store.ts';
import { createTestApp, type Session, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

/**
 * The Criminal Code articles are versioned reference data (issue #11 item 1): a national
 * administrator uploads an amendment, a case is checked against the version in force on the day
 * it was registered, and a bad document is refused field by field with nothing recorded.
 */
describeEachDb('criminal code articles as uploadable reference data', (kind) => {
  let t: TestApp;
  let admin: Session;
  let prosecutor: Session;
  const shipped = loadShippedCriminalArticles()[0]!;
  // A later version that adds an article (a made-up 128-1 for the test) from 1 July 2026.
  const amended = {
    ...shipped,
    version: '2026.1',
    effectiveFrom: '2026-07-01',
    articles: [
      ...shipped.articles,
      { code: '128-1', title: { kk: 'Жаңа бап', ru: 'Новая статья', en: 'A new article' }, trafficking: true, verification: 'provisional' },
    ],
  };
  const register = (registeredOn: string, articles: string[]) =>
    prosecutor.inject({
      method: 'POST',
      url: '/api/v1/criminal-cases',
      payload: {
        clientId: randomUUID(),
        erdrNumber: String(Math.floor(Math.random() * 1e15)).padStart(15, '0'),
        articles,
        exploitationTypes: [],
        regionCode: 'KZ-75',
        registeredOn,
      },
    });

  beforeAll(async () => {
    t = await createTestApp(kind);
    t.deps.now = () => new Date('2026-11-25T06:00:00Z');
    admin = await t.as('administrator', { regions: 'national' });
    prosecutor = await t.as('prosecutor', { agencyId: await t.createAgency({ type: 'prosecutor', regionCode: 'KZ-75' }), regions: ['KZ-75'] });
  });
  afterAll(() => t.close());

  it('an uploaded amendment applies to cases registered from its date, not before; the upload is audited', async () => {
    expect((await register('2026-08-01', ['128-1'])).statusCode).toBe(400);
    const res = await admin.inject({ method: 'POST', url: '/api/v1/reference/criminal-articles', payload: amended });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as { sets: { version: string }[] }).sets.map((s) => s.version)).toEqual([shipped.version, '2026.1']);
    expect((await register('2026-08-01', ['128-1'])).statusCode).toBe(200);
    const before = await register('2026-06-01', ['128-1']);
    expect(before.statusCode).toBe(400);
    expect(before.json().error.fields[0]).toMatchObject({ path: 'articles.0', code: 'unknown_article' });
    const audit = await admin.inject({ method: 'GET', url: '/api/v1/audit?operation=reference.updated' });
    expect(audit.body).toContain('criminal_articles');
  });

  it('a bad document is refused field by field and nothing is recorded; only an administrator uploads', async () => {
    const bad = { ...amended, version: '2026.2', articles: [{ ...amended.articles[0], code: 'Art 128' }, amended.articles[0]] };
    const res = await admin.inject({ method: 'POST', url: '/api/v1/reference/criminal-articles', payload: bad });
    expect(res.statusCode).toBe(400);
    expect((res.json().error.fields as { path: string }[]).map((f) => f.path)).toContain('articles.0.code');
    const sets = await prosecutor.inject({ method: 'GET', url: '/api/v1/reference/criminal-articles' });
    expect((sets.json() as { sets: { version: string }[] }).sets.map((s) => s.version)).not.toContain('2026.2');
    expect((await prosecutor.inject({ method: 'POST', url: '/api/v1/reference/criminal-articles', payload: amended })).statusCode).toBe(403);
  });
});
