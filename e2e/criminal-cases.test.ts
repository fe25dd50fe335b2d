import { mkdirSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { users } from '../apps/server/src/db/schema.ts';
import { layoutDone, settle } from './support/page-checks.ts';
import { signIn } from './support/sign-in.ts';
import { describeInChromium, useQorgauBrowser } from './support/suite.ts';

const SHOTS = process.env.JUSTICE_SHOTS ?? '/tmp/shots-criminal-cases';
const ERDR = '262750031000128';

/**
 * Criminal cases in Chromium (issue #11 item 1): the demo prosecutor registers an Art. 128 case
 * through the form, opens it and moves it to investigation (the stage form offers only her
 * stages); an investigator of another region does not see it in her list. The pages are
 * checked at 1366 and 390 px (nothing wider than the screen) and photographed.
 */
describeInChromium('criminal cases in Chromium (issue #11)', () => {
  const qorgau = useQorgauBrowser({ persons: 4 });

  beforeAll(async () => {
    // The demo investigator works in Almaty city; here she is moved to Karaganda region (KZ-35).
    await qorgau.q.runtime.deps.db
      .update(users)
      .set({ regions: ['KZ-35'] })
      .where(eq(users.username, 'investigator'));
    mkdirSync(SHOTS, { recursive: true });
  }, 60_000);

  async function fits(page: Page, name: string): Promise<void> {
    await settle(page);
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await layoutDone(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} @${width}`).toBeLessThanOrEqual(width);
      await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1366, height: 900 });
  }

  it('a prosecutor registers an Art. 128 case, opens it and moves it to investigation; an investigator of another region does not see it', async () => {
    const { q, browser } = qorgau;
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await signIn(page, q, 'prosecutor', { language: 'ru' });
    await page.goto(`${q.url}/criminal-cases`);
    await page.getByTestId('register-criminal-case').click();
    await page.getByTestId('criminal-case-erdr').waitFor();
    await fits(page, 'register');
    // Nothing chosen: the form says what is missing and sends nothing.
    await page.getByTestId('criminal-case-submit').click();
    await expect.poll(() => page.getByText('Введите 15 цифр номера ЕРДР.').count()).toBe(1);
    await page.getByTestId('criminal-case-erdr').fill(ERDR);
    await page.getByTestId('criminal-case-article-128').check();
    await page.getByTestId('criminal-case-exploitation-ForcedLabour').check();
    // Her jurisdiction is one region: it is chosen for her.
    expect(await page.getByTestId('criminal-case-region').inputValue()).toBe('KZ-75');
    await page.getByTestId('criminal-case-summary').fill('Две женщины завербованы для работы в кафе');
    await page.getByTestId('criminal-case-submit').click();

    await page.getByTestId('criminal-case-erdr-number').waitFor();
    expect(await page.getByTestId('criminal-case-erdr-number').textContent()).toBe(ERDR);
    expect(await page.getByTestId('criminal-case-stage').textContent()).toBe('Зарегистрировано');
    expect(await page.getByTestId('criminal-case-articles').textContent()).toContain('Торговля людьми');
    expect(await page.getByTestId('criminal-case-prosecutor').textContent()).toBe('Даурен Қасымов');
    expect(await page.getByTestId('criminal-case-event').count()).toBe(1);
    const caseUrl = page.url();
    expect(caseUrl).toMatch(/\/criminal-cases\/[0-9a-f-]{36}$/);
    await fits(page, 'case-registered');

    // The prosecutor's stages from "registered": investigation, suspension, termination; never the court's.
    const offered = await page
      .getByTestId('stage-to')
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(offered).toEqual(['investigation', 'suspended', 'terminated']);
    await page.getByTestId('stage-to').selectOption('suspended');
    await page.getByTestId('stage-reason').waitFor();
    await page.getByTestId('stage-to').selectOption('investigation');
    expect(await page.getByTestId('stage-reason').count()).toBe(0);
    await page.getByTestId('stage-submit').click();
    await expect.poll(() => page.getByTestId('criminal-case-stage').textContent()).toBe('Расследование');
    await expect.poll(() => page.getByTestId('criminal-case-event').count()).toBe(2);
    await fits(page, 'case-investigation');

    // Back in the list, the case is there for her.
    await page.goto(`${q.url}/criminal-cases`);
    await page.getByTestId('criminal-case-row').first().waitFor();
    expect(await page.getByTestId('criminal-case-link').allTextContents()).toContain(ERDR);
    await fits(page, 'list');

    // An investigator of another region: no register button for her cases here, and no such case in her list.
    const other = await (await browser.newContext({ viewport: { width: 390, height: 900 } })).newPage();
    await signIn(other, q, 'investigator', { language: 'kk' });
    await other.goto(`${q.url}/criminal-cases`);
    await other.getByTestId('register-criminal-case').waitFor();
    await other.getByTestId('criminal-cases-empty').or(other.getByTestId('criminal-case-row').first()).waitFor();
    expect(await other.getByTestId('criminal-case-link').allTextContents()).not.toContain(ERDR);
    // Nor by its address: not found, as if it did not exist.
    await other.goto(caseUrl);
    await other.getByText('Табылмады.').waitFor();
    expect(await other.getByTestId('criminal-case-erdr-number').count()).toBe(0);
  }, 240_000);
});
