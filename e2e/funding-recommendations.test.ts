import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { FundingOverview, kazakhstanDate } from '@qorgau/core';
import { seedProviders } from '../apps/server/src/seed/seed-providers.ts';
import { users } from '../apps/server/src/db/schema.ts';
import { checkKazakhPage } from './support/page-checks.ts';
import { signIn } from './support/sign-in.ts';
import { describeInChromium, useQorgauBrowser } from './support/suite.ts';

/** Screenshots for a reviewer, when QORGAU_SHOTS_DIR names a folder. */
const shotsDir = process.env.QORGAU_SHOTS_DIR;

async function api<T>(page: Page, url: string, parser: { parse(d: unknown): T }): Promise<T> {
  const res = await page.context().request.get(url);
  expect(res.status(), url).toBe(200);
  return parser.parse(await res.json());
}

/**
 * Funding and the recommendations tracker in Chromium (issue #13 items 4 and 5), in Kazakh: the
 * national coordinator states the year's rate, allocates the shelter money to one region, sees
 * the region where most victims were found flagged as short, and sets a recommendation's status.
 * Both pages are checked at 1366 and 390 px (overflow, raw codes, axe) and photographed.
 */
describeInChromium('funding and recommendations in Chromium (issue #13)', () => {
  const qorgau = useQorgauBrowser({ persons: 60 });
  let identifiers: string[];
  beforeAll(async () => {
    await seedProviders(qorgau.q.runtime.deps);
    identifiers = ['Qorgau', ...(await qorgau.q.runtime.deps.db.select({ username: users.username }).from(users)).map((u) => u.username)];
  }, 60_000);

  const check = async (page: Page, name: string) => expect(await checkKazakhPage(page, name, identifiers, shotsDir), name).toEqual([]);

  it('the coordinator states the rate, allocates the money, sees the shortfall and sets a recommendation status', async () => {
    const { q, browser } = qorgau;
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await signIn(page, q, 'coordinator', { language: 'kk' });
    // The year of the demo caseload with the most identified victims (this year or the last).
    const thisYear = Number(kazakhstanDate(new Date()).slice(0, 4));
    const overviews = await Promise.all([thisYear, thisYear - 1].map((y) => api(page, `${q.url}/api/v1/statistics/funding?year=${y}`, FundingOverview)));
    const victims = (o: FundingOverview) => o.rows.reduce((s, r) => s + r.victims, 0);
    const before = victims(overviews[0]!) >= victims(overviews[1]!) ? overviews[0]! : overviews[1]!;
    const year = before.year;
    const top = [...before.rows].sort((a, b) => b.victims - a.victims || a.region.localeCompare(b.region))[0];
    if (!top || top.victims === 0) throw new Error('the demo caseload has no identified victims');
    const other = before.rows.find((r) => r.region !== top.region)?.region ?? (top.region === 'KZ-75' ? 'KZ-71' : 'KZ-75');

    await page.getByTestId('nav-statistics').click();
    await page.getByTestId('nav-funding').click();
    await page.getByTestId('funding-year').selectOption(String(year));
    await page.getByTestId('rate-form').waitFor();

    // The rate for the year, then all the shelter money to another region.
    await page.getByTestId('rate-value').fill('462.54');
    await page.getByTestId('rate-source').fill('АҚШ Мемлекеттік департаментінің 2023 жылғы баяндамасы');
    await page.getByTestId('rate-save').click();
    await expect.poll(() => page.getByTestId('funding-rate').textContent()).toContain('462');
    const form = page.getByTestId('allocation-form');
    await form.getByTestId('allocation-region').selectOption(other);
    await form.getByTestId('allocation-amount').fill('101000000');
    await form.getByTestId('allocation-source').fill('Бюджеттік бағдарлама');
    await form.getByTestId('allocation-save').click();
    await expect.poll(() => page.getByTestId('funding-total').textContent()).toContain('101');
    // 101,000,000 tenge at 462.54: the dollars the TIP report writes ($218,360 to ten, $218,359 whole).
    expect(await page.getByTestId('funding-total-usd').textContent()).toBe('$218\u00a0359');

    // The region where most victims were found got nothing: short for its victims.
    await page.getByTestId(`shortfall-${top.region}-victims_per_case`).waitFor();
    const after = await api(page, `${q.url}/api/v1/statistics/funding?year=${year}`, FundingOverview);
    expect(after.rows.find((r) => r.region === top.region)?.shortfalls).toContain('victims_per_case');
    expect(after.rows.find((r) => r.region === other)?.shortfalls ?? []).not.toContain('victims_per_case');
    await check(page, 'funding');

    // The recommendations tracker: a status for the year, shown as a badge.
    await page.getByTestId('nav-recommendations').click();
    await page.getByTestId('recommendations-year').selectOption(String(year));
    const card = page.getByTestId('recommendation-TIP2023-03');
    await card.waitFor();
    expect(await page.getByTestId('status-TIP2023-03').textContent()).toBe('Мәртебесі жоқ');
    await card.getByTestId('status-edit-TIP2023-03').click();
    await card.getByTestId('status-select-TIP2023-03').selectOption('partly_met');
    await card.locator('textarea').fill('Баспаналар құрбандар санына қарай қаржыландырылмайды');
    await card.getByTestId('status-save-TIP2023-03').click();
    await expect.poll(() => page.getByTestId('status-TIP2023-03').textContent()).toBe('Ішінара орындалды');
    expect(await page.getByTestId('indicator-TIP2023-09').textContent()).toContain(String(year));
    await check(page, 'recommendations');
  });
});
