import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { selfReports } from '../apps/server/src/db/schema.ts';
import { QUICK_EXIT_URL } from '../apps/web/src/report/quick-exit.ts';
import { BUDGETS, measureBundles, overBudget } from '../bench/lib/bundle-size.ts';
import { signIn } from './support/sign-in.ts';
import { describeInChromium, useQorgauBrowser } from './support/suite.ts';

const TEXT = 'Qurilishda ishlaydigan qoʻshnimning pasportini olib qoʻyishgan, unga pul toʻlashmayapti';

describeInChromium('public self-report and the hotline queue in Chromium (issue #3 item 6)', () => {
  const qorgau = useQorgauBrowser({ persons: 5 });

  it('the report page and the staff app stay within their size budgets (issue #9)', () => {
    const { q } = qorgau;
    const figures = measureBundles(q.webDist);
    expect(overBudget(figures)).toEqual([]);
    expect(figures.report.js).toBeLessThanOrEqual(BUDGETS.reportJs);
    expect(figures.staff.js).toBeLessThanOrEqual(BUDGETS.staffInitialJs);
    // The build wrote brotli copies, which the server sends to browsers that accept them.
    expect(figures.report.jsBrotli).toBeLessThan(figures.report.js);
    // Five languages: Kazakh inside the page's own script, the others loaded when chosen.
    expect(Object.keys(figures.report.languages).sort()).toEqual(['en', 'ky', 'ru', 'uz']);
  });

  it('a witness reports in Uzbek without signing in, leaving nothing in the browser; quick exit leaves no history entry; the hotline operator takes the report', async () => {
    const { q, browser } = qorgau;
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await ctx.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    // The neutral exit page, served locally: the sandbox has no internet.
    await page.route(`${new URL(QUICK_EXIT_URL).origin}/**`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Weather</title><p>Weather</p>' }),
    );

    // Directly by address, with no session: the page's own small entry, none of the staff app's code…
    await page.goto(`${q.url}/report`);
    await page.getByTestId('report-what').waitFor();
    const scripts = requests.filter((u) => u.endsWith('.js')).map((u) => new URL(u).pathname.slice(1));
    expect(scripts.sort()).toEqual(
      measureBundles(q.webDist)
        .report.files.map((f) => f.file)
        .sort(),
    );
    // …and from the sign-in page's discreet link: the entry before /report is Qorgau's own.
    await page.goto(q.url);
    await page.getByTestId('report-link').click();
    await page.getByTestId('report-language').waitFor();
    expect(new URL(page.url()).pathname).toBe('/report');
    await page.getByTestId('report-language').selectOption('uz');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Nima boʻlganini bizga aytib bering');
    expect(await page.getByTestId('quick-exit').textContent()).toBe('Tezkor chiqish');
    // The button's accessible name is its visible text (WCAG 2.5.3); the title and language follow the switch.
    expect(await page.getByRole('button', { name: 'Tezkor chiqish', exact: true }).count()).toBe(1);
    expect(await page.title()).toBe('Nima boʻlganini bizga aytib bering');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('uz');

    // The form refuses an empty report in the chosen language.
    await page.getByTestId('report-submit').click();
    await expect.poll(() => page.getByText('Bu kim haqida ekanini tanlang.').count()).toBe(1);

    await page.getByTestId('report-reporter-witness').check();
    await page.getByTestId('report-what').fill(TEXT);
    await page.getByTestId('report-situation-documents_taken').check();
    await page.getByTestId('report-situation-not_paid').check();
    await page.getByTestId('report-region').selectOption('KZ-79');
    expect(await page.getByTestId('report-region').locator('option:checked').textContent()).toBe('Chimkent shahri');
    await page.getByTestId('report-contact').fill('+7 700 000 00 00, kechqurun');
    await page.getByTestId('report-safe').check();
    await page.getByTestId('report-submit').click();
    await page.getByTestId('report-reference').waitFor();
    const reference = (await page.getByTestId('report-reference').textContent())?.trim() ?? '';
    expect(reference).toMatch(/^HR-\d{4}-\d{6}$/);
    await page.getByText('Rahmat. Xabaringiz qabul qilindi.').waitFor();

    // Nothing stored in the browser, nothing asked of other sites.
    const stored = await page.evaluate(async () => ({
      local: localStorage.length,
      session: sessionStorage.length,
      cookie: document.cookie,
      idb: 'databases' in indexedDB ? (await indexedDB.databases()).length : 0,
    }));
    expect(stored).toEqual({ local: 0, session: 0, cookie: '', idb: 0 });
    expect(await ctx.cookies(q.url)).toEqual([]);
    expect(requests.filter((u) => !u.startsWith(q.url) && !u.startsWith('data:'))).toEqual([]);

    const [row] = await q.runtime.deps.db.select().from(selfReports).where(eq(selfReports.reference, reference));
    expect(row).toMatchObject({ reporter: 'witness', language: 'uz', regionCode: 'KZ-79', safeToContact: true, status: 'new' });
    expect(row?.whatHappenedEnc).not.toContain('pasport');

    // Quick exit replaces this page's history entry: the length does not grow, and Back skips /report.
    const before = await page.evaluate(() => history.length);
    await page.getByTestId('quick-exit').click();
    await page.waitForURL((u) => u.href.startsWith(QUICK_EXIT_URL));
    expect(await page.evaluate(() => history.length)).toBe(before);
    await page.goBack();
    expect(new URL(page.url()).pathname).not.toBe('/report');
    expect(page.url().startsWith(q.url)).toBe(true);
    await ctx.close();

    // The hotline operator finds the report in the queue, reads it and takes it.
    const opCtx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const op = await opCtx.newPage();
    await signIn(op, q, 'hotline', { language: 'en' });
    await op.getByTestId('nav-self-reports').click();
    await op.getByTestId('self-report-row').filter({ hasText: reference }).click();
    await expect.poll(() => op.getByTestId('self-report-text').textContent()).toBe(TEXT);
    await op.getByTestId('self-report-take').click();
    await expect.poll(() => op.getByTestId('self-report-status').textContent()).toBe('In progress');
    expect(await op.getByTestId('self-report-screen').getAttribute('href')).toBe(`/screenings/new?fromReport=${row?.id}`);
    const [after] = await q.runtime.deps.db.select().from(selfReports).where(eq(selfReports.reference, reference));
    expect(after?.status).toBe('in_progress');
    await opCtx.close();
  }, 120_000);
});
