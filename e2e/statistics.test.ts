import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { RegionsStatistics, StatisticsRecords, YearStatistics } from '@qorgau/core';
import { pdfText } from '../apps/server/test/documents-fixtures.ts';
import { REGION_PATHS } from '../apps/web/src/features/providers/region-map-paths.ts';
import { seedProviders } from '../apps/server/src/seed/seed-providers.ts';
import { users } from '../apps/server/src/db/schema.ts';
import { axeViolations, inPageChecks, layoutDone, settle } from './support/page-checks.ts';
import { signIn } from './support/sign-in.ts';
import { describeInChromium, useQorgauBrowser } from './support/suite.ts';

/** Screenshots of the dashboard for a reviewer, when QORGAU_SHOTS_DIR names a folder. */
const shotsDir = process.env.QORGAU_SHOTS_DIR;
async function shot(page: Page, name: string): Promise<void> {
  if (!shotsDir) return;
  mkdirSync(shotsDir, { recursive: true });
  // From the top: the fixed header would otherwise be drawn over the middle of a full-page shot.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(shotsDir, `${name}.png`), fullPage: true });
}

/** The API's answer as the signed-in page sees it (same session cookie), parsed by its contract. */
async function api<T>(page: Page, url: string, parser: { parse(d: unknown): T }): Promise<T> {
  const res = await page.context().request.get(url);
  expect(res.status(), url).toBe(200);
  return parser.parse(await res.json());
}

/** Clicks a region on the map where a user would: at its label point (a city's marker), not its box's centre. */
async function clickRegion(page: Page, code: string): Promise<void> {
  const at = REGION_PATHS.find((r) => r.code === code);
  if (!at) throw new Error(`no outline for ${code}`);
  await page.getByTestId('statistics-map').scrollIntoViewIfNeeded();
  const { x, y } = await page.getByTestId('statistics-map').evaluate((svg, p) => {
    const m = (svg as SVGSVGElement).getScreenCTM();
    if (!m) throw new Error('map not drawn');
    return { x: m.a * p.cx + m.c * p.cy + m.e, y: m.b * p.cx + m.d * p.cy + m.f };
  }, at);
  await page.mouse.click(x, y);
}

/** Every chart on the page has been drawn by ECharts (it arrives in its own chunk, after the page). */
async function chartsDrawn(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const charts = [...document.querySelectorAll('.statistics-chart')];
    return charts.length > 0 && charts.every((c) => c.getAttribute('data-ready') === 'true' && c.querySelector('svg'));
  });
}

/**
 * The national statistics dashboard in Chromium (issue #13 item 3): the national coordinator opens
 * it in Russian, clicks a region on the map, sees its figures and the records behind one of them,
 * and downloads the annual report as PDF; the analyst sees the same figures but no records. The
 * page is checked in Kazakh at 1366 and 390 px (overflow, raw codes, axe).
 */
describeInChromium('national statistics dashboard in Chromium (issue #13)', () => {
  const qorgau = useQorgauBrowser({ persons: 200 });
  let identifiers: string[];
  beforeAll(async () => {
    // Shelters and services in some regions only: the others where victims were found show the gap.
    await seedProviders(qorgau.q.runtime.deps);
    identifiers = ['Qorgau', ...(await qorgau.q.runtime.deps.db.select({ username: users.username }).from(users)).map((u) => u.username)];
  }, 60_000);

  it('the coordinator drills into a region, opens the records behind its figure and downloads the annual report', async () => {
    const { q, browser } = qorgau;
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true })).newPage();
    await signIn(page, q, 'coordinator', { language: 'ru' });
    await page.getByTestId('nav-statistics').click();
    await page.getByTestId('statistics-map').waitFor();
    await settle(page);
    expect(await page.locator('h1').textContent()).toBe('Национальная статистика');

    // The year it opens on, and the national figures the server counts for it.
    const year = Number(await page.getByTestId('statistics-year').inputValue());
    const national = await api(page, `${q.url}/api/v1/statistics/year?year=${year}`, YearStatistics);
    expect(national.victims.total, 'the demo caseload has victims in the year the dashboard opens on').toBeGreaterThan(0);
    expect(await page.getByTestId('statistics-victims').textContent()).toBe(national.victims.total.toLocaleString('ru'));
    // Notifications are shown apart, never inside the victims.
    expect(Number(await page.getByTestId('statistics-anonymous').textContent())).toBe(national.notifications.anonymousScreenings);
    await chartsDrawn(page);
    expect(await page.getByTestId('statistics-trend').getAttribute('aria-label')).toContain(`${year} ${national.victims.total}`);

    // The map: the region where most victims were found.
    const regions = await api(page, `${q.url}/api/v1/statistics/regions?year=${year}`, RegionsStatistics);
    const top = [...regions.regions].sort((a, b) => b.victims - a.victims || a.region.localeCompare(b.region))[0];
    if (!top) throw new Error('no regions');
    const region = page.getByTestId(`statistics-region-${top.region}`);
    expect(await region.getAttribute('data-value')).toBe(String(top.victims));
    // Regions where victims were found with no service of their own are marked on the map.
    for (const r of regions.regions) {
      const gap = await page.getByTestId(`statistics-region-${r.region}`).getAttribute('data-gap');
      expect(gap === 'true', r.region).toBe(r.victimsWithoutLocalService > 0);
    }
    await clickRegion(page, top.region);

    // Its figures: the panel from the map's counts, the headline recounted for the region.
    const panel = page.getByTestId('statistics-region-panel');
    await panel.waitFor();
    expect(await panel.getAttribute('data-region')).toBe(top.region);
    expect(await page.getByTestId('statistics-region-victims').textContent()).toBe(String(top.victims));
    expect(await page.getByTestId('statistics-region-rural').textContent()).toBe(String(top.ruralProviders));
    expect(await page.getByTestId('statistics-region-gap').textContent()).toBe(String(top.victimsWithoutLocalService));
    const inRegion = await api(page, `${q.url}/api/v1/statistics/year?year=${year}&region=${top.region}`, YearStatistics);
    await expect.poll(() => page.getByTestId('statistics-victims').textContent()).toBe(inRegion.victims.total.toLocaleString('ru'));
    expect(inRegion.victims.total).toBe(top.victims);
    expect(new URL(page.url()).searchParams.get('region')).toBe(top.region);
    expect(await region.getAttribute('aria-pressed')).toBe('true');
    await shot(page, 'statistics-region-ru-1366');

    // The records behind the region's figure: pseudonyms she may open, each linked to its person and case.
    await page.getByTestId('statistics-region-records').click();
    const listed = page.getByTestId('statistics-records');
    await listed.getByTestId('statistics-record').first().waitFor();
    const records = await api(page, `${q.url}/api/v1/statistics/records?year=${year}&region=${top.region}&pageSize=20`, StatisticsRecords);
    expect(records.total).toBe(top.victims);
    const first = records.items[0];
    if (!first) throw new Error('no records');
    const link = listed.getByTestId('statistics-record-person').first();
    expect(await link.textContent()).toBe(first.pseudonym);
    expect(await link.getAttribute('href')).toBe(`/persons/${first.personId}`);
    expect(await listed.getByTestId('statistics-record').count()).toBe(Math.min(20, records.total));
    await shot(page, 'statistics-records-ru-1366');

    // The annual report of the year, as PDF in Russian (the UI's language), official edition.
    expect(await page.getByTestId('statistics-report-edition').inputValue()).toBe('official');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('statistics-report-download').click()]);
    const pdf = await pdfText(readFileSync(await download.path()));
    // The same report as data from the server: the PDF prints its title, headings and sentences,
    // and it counts the national figure the dashboard showed.
    const report = await api(page, `${q.url}/api/v1/statistics/report?year=${year}&lang=ru&format=json&edition=official`, {
      parse: (d) =>
        d as { facts: { identification: { victims: unknown } | null }; text: { title: string; sections: { heading: string; paragraphs: string[] }[] } },
    });
    const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
    expect(report.text.title).toBe(`Казахстан: ежегодный доклад о торговле людьми за ${year} год`);
    expect(report.facts.identification?.victims).toBe(national.victims.total);
    expect(pdf).toContain(report.text.title);
    for (const section of report.text.sections) {
      expect(pdf).toContain(section.heading);
      const first = section.paragraphs[0];
      if (first) expect(pdf).toContain(flat(first));
    }
    expect(pdf).toContain('Уголовное преследование');

    // The same page in Kazakh, at both widths: nothing overflows, no raw code, no axe violation.
    await page.getByTestId('statistics-records-close').click();
    await page.getByTestId('language-switch').selectOption('kk');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Ұлттық статистика');
    await chartsDrawn(page);
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.mouse.move(width - 1, 899);
      await layoutDone(page);
      await settle(page);
      await shot(page, `statistics-kk-${width}`);
      expect(await page.evaluate(inPageChecks, { lang: 'kk' as const, identifiers }), `statistics @${width}`).toEqual([]);
      if (width === 1366) expect(await axeViolations(page)).toEqual([]);
    }
    // The print layout (A4's width): the figures and charts, not the navigation or the controls.
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    await layoutDone(page);
    expect(await page.getByTestId('statistics-year').isVisible()).toBe(false);
    expect(await page.getByTestId('nav-statistics').isVisible()).toBe(false);
    expect(await page.getByTestId('statistics-print-summary').isVisible()).toBe(true);
    expect(await page.getByTestId('statistics-chart-form').isVisible()).toBe(true);
    await shot(page, 'statistics-print-kk');
    await page.emulateMedia({ media: 'screen' });
    // The keyboard: a region is a button; Enter on the selected one clears the region.
    await page.setViewportSize({ width: 1366, height: 900 });
    await region.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('statistics-region-panel').waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.get('region')).toBeNull();
  });

  it('the analyst sees the figures and may download the report, but opens no records', async () => {
    const { q, browser } = qorgau;
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await signIn(page, q, 'analyst', { language: 'en' });
    await page.goto(`${q.url}/statistics`);
    await page.getByTestId('statistics-map').waitFor();
    await settle(page);
    expect(Number((await page.getByTestId('statistics-victims').textContent())?.replace(/\D/g, ''))).toBeGreaterThan(0);
    expect(await page.getByTestId('statistics-report-download').count()).toBe(1);
    expect(await page.getByTestId('statistics-victims-records').count()).toBe(0);
    const busiest = await page.locator('[data-testid^="statistics-region-KZ-"]:not([data-value="0"])').first().getAttribute('data-region');
    await clickRegion(page, busiest ?? '');
    await page.getByTestId('statistics-region-panel').waitFor();
    expect(await page.getByTestId('statistics-region-records').count()).toBe(0);
    const res = await page.context().request.get(`${q.url}/api/v1/statistics/records?year=${new Date().getFullYear()}`);
    expect(res.status()).toBe(403);
  });
});
