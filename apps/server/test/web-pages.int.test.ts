import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gunzipSync, gzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { spaPageOf } from '../src/http/error-handler.ts';
import { openRuntime, type Runtime } from '../src/runtime/runtime.ts';

const STAFF = '<!doctype html><title>staff</title><script type="module" src="/assets/main.js"></script>';
const REPORT = '<!doctype html><title>report</title><script type="module" src="/assets/report.js"></script>';
const SCRIPT = 'document.title = "report";';

/**
 * The web app's two pages (issue #9): /report gets the public report page's own small entry,
 * every other path outside /api the staff app, both with the strict script policy.
 */
describe('web pages: the report entry at /report, the staff app elsewhere', () => {
  let dir: string;
  let runtime: Runtime;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'qorgau-web-pages-'));
    const webDist = join(dir, 'web');
    mkdirSync(join(webDist, 'assets'), { recursive: true });
    writeFileSync(join(webDist, 'index.html'), STAFF);
    writeFileSync(join(webDist, 'report.html'), REPORT);
    writeFileSync(join(webDist, 'assets', 'report.js'), SCRIPT);
    writeFileSync(join(webDist, 'assets', 'report.js.gz'), gzipSync(SCRIPT));
    const config = { ...loadConfig({ QORGAU_DATA_DIR: join(dir, 'data'), QORGAU_SEED: 'none', LOG_LEVEL: 'silent' }), webDist };
    runtime = await openRuntime(config, { allowCreateKey: true });
    app = await buildApp(runtime.deps);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await runtime?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const strictScripts = (csp: unknown) => {
    expect(String(csp)).toContain("script-src 'self'");
    expect(String(csp)).not.toMatch(/script-src[^;]*unsafe-inline/);
  };

  it.each(['/report', '/report?lang=uz', '/report/'])('GET %s is the report page, with the strict CSP', async (url) => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toBe(REPORT);
    strictScripts(res.headers['content-security-policy']);
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it.each(['/', '/persons/7', '/reports', '/report/x', '/admin/users'])('GET %s is the staff app, with the strict CSP', async (url) => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(STAFF);
    strictScripts(res.headers['content-security-policy']);
  });

  it("serves the report page's script as a file, and answers an unknown API path with a 404 error body", async () => {
    const script = await app.inject({ method: 'GET', url: '/assets/report.js' });
    expect(script.statusCode).toBe(200);
    expect(script.body).toContain('report');
    const api = await app.inject({ method: 'GET', url: '/api/v1/report' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: { code: 'not_found' } });
    const post = await app.inject({ method: 'POST', url: '/report', payload: {} });
    expect(post.statusCode).toBe(404);
  });

  it("sends the build's precompressed file to a browser that accepts it, the plain one otherwise", async () => {
    const gz = await app.inject({ method: 'GET', url: '/assets/report.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect(gz.statusCode).toBe(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['content-type']).toMatch(/javascript/);
    expect(gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT);
    const plain = await app.inject({ method: 'GET', url: '/assets/report.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
    // A page without a compressed copy is sent as it is.
    const page = await app.inject({ method: 'GET', url: '/report', headers: { 'accept-encoding': 'gzip' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toBe(REPORT);
  });

  it('spaPageOf picks the page by path only', () => {
    expect(spaPageOf('/report')).toBe('report.html');
    expect(spaPageOf('/report?x=/persons')).toBe('report.html');
    expect(spaPageOf('/reports')).toBe('index.html');
    expect(spaPageOf('/persons?next=/report')).toBe('index.html');
  });
});
