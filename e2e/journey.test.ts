import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { currentTotp } from '../apps/server/src/auth/totp.ts';
import { browserAvailable, launchChromium } from './support/browser.ts';
import { demoAccount, signIn as signInAs } from './support/sign-in.ts';
import { startQorgau, type RunningQorgau } from './support/qorgau-server.ts';

describe.skipIf(!browserAvailable())('journeys in Chromium', () => {
  let q: RunningQorgau;
  let browser: Browser;
  beforeAll(async () => {
    [q, browser] = await Promise.all([startQorgau(), launchChromium()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await q?.stop();
  });

  const account = (username: string) => demoAccount(q, username);
  const signIn = (page: Page, username: string) => signInAs(page, q, username);

  it('an officer signs in with 2FA, records a woman named in Kazakh, finds her by a Latin spelling, switches to Kazakh and opens her record', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US' });
    const page = await context.newPage();
    const cspViolations: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
    await page.goto(q.url);
    await page.getByTestId('language-switch').selectOption('en');
    const officer = account('identification');
    await signIn(page, officer.username);

    await page.goto(`${q.url}/persons/new`);
    await page.getByTestId('person-firstName').fill('Әйгерім');
    await page.getByTestId('person-secondName').fill('Сәрсенбайқызы');
    await page.getByTestId('person-birthdate').fill('2001-03-08');
    await page.getByTestId('person-gender').selectOption('Feminine');
    await page.getByTestId('person-citizenship').selectOption('KZ');
    await page.getByTestId('person-region').selectOption('KZ-75');
    await page.getByTestId('person-submit').click();
    await expect.poll(() => page.getByTestId('person-name').textContent()).toContain('Әйгерім');

    await page.goto(`${q.url}/persons`);
    await page.getByTestId('person-search').fill('AIGERIM SARSENBAYKYZY');
    await page.getByTestId('person-search').press('Enter');
    const row = page.getByTestId('person-row').filter({ hasText: 'Сәрсенбайқызы' });
    await row.first().waitFor();

    await page.getByTestId('language-switch').selectOption('kk');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('kk');
    await expect.poll(() => page.getByTestId('nav-persons').textContent()).toMatch(/[әғқңөұүһі]|Адамдар|Тұлғалар/i);
    await row.first().click();
    await expect.poll(() => page.getByTestId('person-name').textContent()).toContain('Сәрсенбайқызы Әйгерім');
    await page.screenshot({ path: `${process.env.TMPDIR ?? '/tmp'}/qorgau-e2e-person.png` });
    // The choice of language survives a reload.
    await page.reload();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('kk');
    expect(cspViolations).toEqual([]);
    await context.close();
  });

  it('an administrator creates a user; she signs in with the temporary password, enrols 2FA from the shown secret and sets her own password', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const admin = await context.newPage();
    await admin.goto(q.url);
    await admin.getByTestId('language-switch').selectOption('en');
    const a = account('admin');
    await signIn(admin, a.username);
    await admin.getByTestId('nav-users').click();
    await admin.getByTestId('new-user').click();
    await admin.getByTestId('user-username').fill('madina.ngo');
    await admin.getByTestId('user-displayName').fill('Мадина Серікова');
    await admin.getByTestId('user-role').selectOption('case_worker');
    const agencyOptions = await admin
      .getByTestId('user-agency')
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    await admin.getByTestId('user-agency').selectOption(agencyOptions[0] as string);
    await admin.locator('input[type=checkbox][value="KZ-75"]').check();
    await admin.getByTestId('user-submit').click();
    const temporary = (await admin.getByTestId('temporary-password').textContent())?.trim() ?? '';
    expect(temporary.length).toBeGreaterThan(10);
    await context.close();

    // Four eyes (issue #8): a case worker's account waits for a second person's approval.
    const second = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const coordinator = await second.newPage();
    await signIn(coordinator, 'coordinator');
    await coordinator.locator('[data-testid="grant-row"][data-username="madina.ngo"]').getByTestId('grant-approve').click();
    await coordinator.getByTestId('confirm').click();
    await coordinator.locator('[data-testid="grant-row"][data-username="madina.ngo"] [data-testid="grant-approve"]').waitFor({ state: 'detached' });
    await second.close();

    const fresh = await browser.newContext();
    const page = await fresh.newPage();
    await page.goto(q.url);
    await page.getByTestId('username').fill('madina.ngo');
    await page.getByTestId('password').fill(temporary);
    await page.getByTestId('sign-in').click();
    await page.getByTestId('totp-qr').waitFor();
    const secret = (await page.getByTestId('totp-secret').textContent())?.replace(/\s/g, '') ?? '';
    await page.getByTestId('totp-code').fill(currentTotp(secret, 'madina.ngo'));
    await page.getByTestId('totp-confirm').click();
    await page.getByTestId('current-password').fill(temporary);
    await page.getByTestId('new-password').fill('Jetisu-Sunrise-2026!');
    await page.getByTestId('repeat-password').fill('Jetisu-Sunrise-2026!');
    await page.getByTestId('change-password').click();
    await page.getByTestId('sign-out').waitFor();
    await expect.poll(() => page.getByTestId('nav-persons').isVisible()).toBe(true);
    await fresh.close();
  });
});
