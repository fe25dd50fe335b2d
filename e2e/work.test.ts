import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { users } from '../apps/server/src/db/schema.ts';
import { axeViolations, inPageChecks, layoutDone, settle } from './support/page-checks.ts';
import { signIn } from './support/sign-in.ts';
import { describeInChromium, useQorgauBrowser } from './support/suite.ts';

const SHOTS = '/tmp/shots-work';
const WIDTHS = [1366, 390] as const;

const count = async (page: Page, selector: string) => Number((await page.locator(selector).first().getAttribute('data-count')) ?? '0');
const bellCount = (page: Page) => count(page, '[data-testid="bell-count"]');
mkdirSync(SHOTS, { recursive: true });

describeInChromium('home pages lead with work; the bell (issue #10 item 5)', () => {
  const qorgau = useQorgauBrowser({ demo: true, persons: 20, env: { QORGAU_SIGNIN_RATE_PER_MINUTE: '120' } });

  it('the identification officer sees her queues with counts, opens the most urgent item; marking a notice read lowers the bell', async () => {
    const { q, browser } = qorgau;
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await signIn(page, q, 'identification', { language: 'kk' });
    const deadlines = page.locator('[data-testid="work-queue"][data-queue="identification_deadlines"]');
    await deadlines.waitFor();
    // Overdue work first: her first card has an overdue count, in red.
    expect(await count(page, '[data-testid="work-queue"]:first-child [data-testid="work-count-overdue"]')).toBeGreaterThan(0);
    expect(await count(page, '[data-queue="identification_deadlines"] [data-testid="work-count-overdue"]')).toBeGreaterThan(0);
    expect(await count(page, '[data-queue="identification_deadlines"] [data-testid="work-count-due_soon"]')).toBeGreaterThan(0);
    // The work comes before the page buttons.
    const workTop = (await page.getByTestId('work').boundingBox())?.y ?? 0;
    const actionsTop = (await page.locator('[data-home-link]').first().boundingBox())?.y ?? 0;
    expect(workTop).toBeLessThan(actionsTop);
    // The most urgent row is overdue, with its due date written in Kazakh; it opens the case.
    const row = deadlines.getByTestId('work-item').first();
    expect(await row.getAttribute('data-urgency')).toBe('overdue');
    expect(await row.getByTestId('work-item-due').textContent()).toMatch(/Мерзімі: \d{2}\.\d{2}\.\d{4}/);
    const href = (await row.getAttribute('href')) as string;
    expect(href).toMatch(/^\/cases\/[0-9a-f-]{36}$/);
    await row.click();
    await page.waitForURL(`${q.url}${href}`);
    await page.getByTestId('deadline-badge').first().waitFor();
    expect(await page.getByTestId('deadline-badge').first().getAttribute('data-deadline')).toBe('overdue');

    // The bell: unread notices; one marked read lowers the count, by the server's own count.
    await expect.poll(() => bellCount(page)).toBeGreaterThan(0);
    const before = await bellCount(page);
    await page.getByTestId('bell').click();
    await page.getByTestId('bell-dropdown').getByTestId('notice').first().waitFor();
    const unread = page.getByTestId('bell-dropdown').locator('[data-testid="notice"][data-unread="true"]');
    expect(await unread.first().textContent()).toMatch(/\b(QRG|HR|P)-[0-9A-Z-]+/);
    await unread.first().getByTestId('notice-read').click();
    await expect.poll(() => bellCount(page)).toBe(before - 1);
    const api = await (await page.request.get(`${q.url}/api/v1/notifications/unread-count`)).json();
    expect(api.unread).toBe(before - 1);
    await page.screenshot({ path: `${SHOTS}/bell-identification-1366.png` });
    // The page of every notice, and "mark all read".
    await page.getByTestId('bell-all').click();
    await page.waitForURL(`${q.url}/notifications`);
    await page.getByTestId('notices-read-all').click();
    await expect.poll(() => bellCount(page)).toBe(0);
    // The list is read again after the change: every row turns read.
    await expect.poll(() => page.locator('[data-testid="notice"][data-unread="true"]').count()).toBe(0);
  });

  it("the prosecutor's justice queues (issue #11): pre-trial deadlines overdue first with the stage in words, victims awaiting measures, cases in court", async () => {
    const { q, browser } = qorgau;
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await signIn(page, q, 'prosecutor', { language: 'ru' });
    const deadlines = page.locator('[data-testid="work-queue"][data-queue="criminal_case_deadlines"]');
    await deadlines.waitFor();
    expect(await count(page, '[data-queue="criminal_case_deadlines"] [data-testid="work-count-overdue"]')).toBeGreaterThan(0);
    expect(await count(page, '[data-queue="criminal_case_deadlines"] [data-testid="work-count-due_soon"]')).toBeGreaterThan(0);
    const row = deadlines.getByTestId('work-item').first();
    expect(await row.getAttribute('data-urgency')).toBe('overdue');
    // The ERDR number and the stage in words, never its code; the row opens the criminal case.
    expect(await row.textContent()).toMatch(/\d{15}.*Расследуется/);
    expect(await row.getAttribute('href')).toMatch(/^\/criminal-cases\/[0-9a-f-]{36}$/);
    const measure = page.locator('[data-queue="measures_awaiting"] [data-testid="work-item"]').first();
    expect(await measure.textContent()).toContain('Личная охрана');
    expect(await page.locator('[data-queue="criminal_cases_in_court"]').textContent()).toMatch(/Направлено в суд|Приговор первой инстанции/);
    await page.context().close();
  });

  it('each role home page in Kazakh at 1366 and 390 px: work first, no overflow, no raw code, no serious axe finding (screenshots)', async () => {
    const { q, browser } = qorgau;
    const identifiers = ['Qorgau', ...(await q.runtime.deps.db.select({ username: users.username }).from(users)).map((u) => u.username)];
    for (const username of ['identification', 'shelter', 'caseworker', 'prosecutor', 'investigator', 'clerk', 'coordinator']) {
      const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
      await signIn(page, q, username, { language: 'kk' });
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(q.url);
        await page.getByTestId('work').waitFor();
        await settle(page);
        await layoutDone(page);
        await page.screenshot({ path: `${SHOTS}/home-${username}-${width}.png`, fullPage: true });
        const problems = [...(await page.evaluate(inPageChecks, { lang: 'kk' as const, identifiers })), ...(await axeViolations(page))];
        expect(problems, `${username} at ${width}px`).toEqual([]);
      }
      if (username === 'identification') {
        // The notices page too (reached from the bell, so the page walk does not find it).
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 900 });
          await page.goto(`${q.url}/notifications`);
          await page.getByTestId('notice').first().waitFor();
          await settle(page);
          await layoutDone(page);
          await page.screenshot({ path: `${SHOTS}/notifications-${username}-${width}.png`, fullPage: true });
          const problems = [...(await page.evaluate(inPageChecks, { lang: 'kk' as const, identifiers })), ...(await axeViolations(page))];
          expect(problems, `/notifications at ${width}px`).toEqual([]);
        }
      }
      await page.context().close();
    }
  }, 240_000);
});
