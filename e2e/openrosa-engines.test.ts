import { randomBytes, randomUUID } from 'node:crypto';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { deviceKeys, screenings, users } from '../apps/server/src/db/schema.ts';
import { deviceKeyHash } from '../apps/server/src/modules/openrosa/device-keys.service.ts';
import { describeInChromium, useQorgauBrowser } from './support/suite.ts';

/**
 * The screening XForm in ODK's own engines (issue #14), in Chromium, the browser they are built
 * for (Enketo's transformer needs the browser's XSLT; ODK Web Forms' engine its DOM):
 * - Enketo's transformer (enketo-transformer) turns the form Qorgau serves into a web form;
 * - ODK Web Forms' engine (@getodk/xforms-engine) loads it, is filled in as a screener would,
 *   and produces the submission;
 * - that submission is posted to Qorgau as ODK Collect posts it, and becomes a screening.
 */

/** Both engines bundled for the page, as a web app would ship them. */
async function engineBundle(): Promise<string> {
  // Resolved from this workspace, where both engines are dev dependencies.
  const e2eDir = dirname(fileURLToPath(import.meta.url));
  const out = await build({
    stdin: {
      contents: `import { transform } from 'enketo-transformer/web';
import { createInstance } from '@getodk/xforms-engine';
window.odk = { transform, createInstance };`,
      resolveDir: e2eDir,
      loader: 'js',
    },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    // Only the Node build of Enketo's transformer needs the native libxslt; the browser has XSLT.
    external: ['libxslt'],
    logLevel: 'silent',
  });
  return out.outputFiles[0]?.text ?? '';
}

interface PageApi {
  odk: {
    transform(o: { xform: string }): Promise<{ form: string; model: string; languageMap: Record<string, string> }>;
    createInstance(xform: string): Promise<{ root: EngineNode & { prepareInstancePayload(): Promise<{ status: string; data: [FormData] }> } }>;
  };
}
interface EngineNode {
  currentState: { reference: string; children: EngineNode[] | null };
  setValue?(v: unknown): void;
  selectValue?(v: string): void;
  selectValues?(v: string[]): void;
}

describeInChromium('the screening XForm in ODK engines (issue #14)', () => {
  const qorgau = useQorgauBrowser({ persons: 5 });
  let bundle: string;
  let authorization: string;
  let screenerId: string;

  beforeAll(async () => {
    bundle = await engineBundle();
    const { db } = qorgau.q.runtime.deps;
    const [screener] = await db.select({ id: users.id, username: users.username }).from(users).where(eq(users.username, 'screener'));
    if (!screener) throw new Error('no demo screener');
    screenerId = screener.id;
    // A key as the account page makes one (only its hash is kept).
    const key = randomBytes(32).toString('base64url');
    await db.insert(deviceKeys).values({ id: randomUUID(), userId: screener.id, label: 'e2e phone', keyHash: deviceKeyHash(key), createdAt: new Date() });
    authorization = `Basic ${Buffer.from(`${screener.username}:${key}`).toString('base64')}`;
  }, 120_000);

  const openRosa = (page: Page, path: string) => page.context().request.get(`${qorgau.q.url}${path}`, { headers: { authorization } });

  it('Enketo transforms the form, the ODK engine fills it, and its submission is recorded as a screening', async () => {
    const { q, browser } = qorgau;
    const page = await (await browser.newContext()).newPage();
    // A page of its own, served by the browser's router: Qorgau's pages forbid scripts of other
    // origins (CSP), as they should, and the engine needs a secure context (localhost is one).
    await page.route('http://localhost/odk/**', (route) =>
      route.request().url().endsWith('/engines.js')
        ? route.fulfill({ contentType: 'text/javascript', body: bundle })
        : route.fulfill({
            contentType: 'text/html',
            body: '<!doctype html><html lang="en"><head><title>ODK engines</title><script type="module" src="/odk/engines.js"></script></head><body></body></html>',
          }),
    );
    await page.goto('http://localhost/odk/');
    const list = await openRosa(page, '/api/v1/openrosa/formList');
    expect(list.status()).toBe(200);
    const downloadUrl = /<downloadUrl>([^<]+)<\/downloadUrl>/.exec(await list.text())?.[1] as string;
    const xform = await (await openRosa(page, new URL(downloadUrl).pathname)).text();

    await page.waitForFunction(() => 'odk' in window, undefined, { timeout: 60_000 });

    // Enketo: an HTML form with every language and the questions Qorgau asks.
    const enketo = await page.evaluate(async (x) => {
      const r = await (window as unknown as PageApi).odk.transform({ xform: x });
      return { form: r.form, languages: Object.keys(r.languageMap) };
    }, xform);
    expect(enketo.languages.sort()).toEqual(['English (en)', 'Русский (ru)', 'Қазақша (kk)'].sort());
    expect(enketo.form).toContain('name="/data/encounter/encounter_date"');
    expect(enketo.form).toContain('Кездесу күні');
    expect(enketo.form).toContain('/data/indicators/list_short_form/i_short_form__documents_withheld');

    // ODK Web Forms' engine: filled in, then the instance it would submit.
    const instanceXml = await page.evaluate(async (x) => {
      const { createInstance } = (window as unknown as PageApi).odk;
      const instance = await createInstance(x);
      const answers: Record<string, string | string[]> = {
        '/data/encounter/encounter_date': new Date().toISOString().slice(0, 10),
        '/data/encounter/region': 'KZ-61',
        '/data/encounter/setting': 'farm',
        '/data/encounter/language': 'uz',
        '/data/encounter/interpreter': 'yes',
        '/data/about/age_years': '29',
        '/data/about/gender': 'Feminine',
        '/data/about/citizenship': 'UZ',
        '/data/about/exploitation': ['ForcedLabour'],
        '/data/indicators/list_short_form/i_short_form__documents_withheld': 'yes',
        '/data/indicators/list_short_form/i_short_form__wages_withheld': 'yes',
        '/data/consent': 'identified',
        '/data/person/first_name': 'Nilufar',
        '/data/person/second_name': 'Ergasheva',
      };
      const visit = (node: EngineNode) => {
        const answer = answers[node.currentState.reference];
        if (answer !== undefined) {
          if (Array.isArray(answer)) node.selectValues?.(answer);
          else if (node.selectValue) node.selectValue(answer);
          else node.setValue?.(answer);
        }
        for (const child of node.currentState.children ?? []) visit(child);
      };
      visit(instance.root);
      const payload = await instance.root.prepareInstancePayload();
      const file = payload.data[0].get('xml_submission_file') as File;
      return { status: payload.status, xml: await file.text() };
    }, xform);
    expect(instanceXml.status).toBe('ready');
    expect(instanceXml.xml).toContain('<first_name>Nilufar</first_name>');
    expect(instanceXml.xml).toMatch(/<instanceID>uuid:[0-9a-f-]{36}<\/instanceID>/);

    // Posted as ODK Collect posts it.
    const res = await page.context().request.post(`${q.url}/api/v1/openrosa/submission`, {
      headers: { authorization, 'accept-language': 'kk' },
      multipart: { xml_submission_file: { name: 'submission.xml', mimeType: 'text/xml', buffer: Buffer.from(instanceXml.xml) } },
    });
    expect(res.status()).toBe(201);
    expect(await res.text()).toContain('submit_success');
    const instanceId = /<instanceID>uuid:([0-9a-f-]{36})<\/instanceID>/.exec(instanceXml.xml)?.[1] as string;
    const [row] = await q.runtime.deps.db.select().from(screenings).where(eq(screenings.clientId, instanceId));
    expect(row).toMatchObject({ screenerId, regionCode: 'KZ-61', setting: 'farm', anonymous: false });
    expect(row?.level).not.toBe('none');
  });
});
