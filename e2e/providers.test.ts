import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { seedProviders } from '../apps/server/src/seed/seed-providers.ts';
import { users } from '../apps/server/src/db/schema.ts';
import { axeViolations, inPageChecks, layoutDone, settle } from './support/page-checks.ts';
import { signIn } from './support/sign-in.ts';
import { describeInChromium, useQorgauBrowser } from './support/suite.ts';

const SHOTS = process.env.PROVIDER_SHOTS ?? '/tmp/shots-providers';
const NAME = { kk: 'Ұлытау әйелдер баспанасы', ru: 'Женский приют Улытау', en: 'Ulytau Women’s Shelter' };

/**
 * The provider directory and the capacity board in Chromium (issue #10): an administrator adds
 * a shelter; the demo shelter manager updates her occupancy from a 390 px phone; the capacity
 * board shows the new free places in its table and on the map. Pages are checked in Kazakh at
 * 1366 and 390 px (overflow, raw codes, axe) and photographed into /tmp/shots-providers/.
 */
describeInChromium('provider directory and capacity board in Chromium (issue #10)', () => {
  const qorgau = useQorgauBrowser({ persons: 5 });
  let identifiers: string[];
  beforeAll(async () => {
    await seedProviders(qorgau.q.runtime.deps);
    identifiers = ['Qorgau', ...(await qorgau.q.runtime.deps.db.select({ username: users.username }).from(users)).map((u) => u.username)];
    mkdirSync(SHOTS, { recursive: true });
  }, 60_000);

  async function check(page: Page, name: string): Promise<void> {
    await settle(page);
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.mouse.move(width - 1, 899);
      await layoutDone(page);
      await page.screenshot({ path: `${SHOTS}/kk-${name}-${width}.png`, fullPage: true });
      expect(await page.evaluate(inPageChecks, { lang: 'kk' as const, identifiers }), `${name} @${width}`).toEqual([]);
      if (width === 1366) expect(await axeViolations(page), name).toEqual([]);
    }
  }

  it('the administrator adds a shelter; the shelter manager updates her places at 390 px; the board shows them in the table and on the map', async () => {
    const { q, browser } = qorgau;
    const admin = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await signIn(admin, q, 'admin', { language: 'kk' });
    await admin.goto(`${q.url}/providers`);
    await admin.getByTestId('new-provider').click();
    for (const l of ['kk', 'ru', 'en'] as const) await admin.getByTestId(`provider-name-${l}`).fill(NAME[l]);
    await admin.getByTestId('provider-agency').selectOption({ label: '«Родник» қоғамдық қоры' });
    await admin.getByTestId('provider-region').selectOption('KZ-62');
    // Children with adults in one shelter is refused on its field (children are placed separately).
    await admin.getByTestId('provider-eligibility-children').check();
    await admin.getByTestId('provider-capacity').fill('6');
    await admin.getByTestId('provider-occupancy').fill('2');
    await admin.getByTestId('provider-phone').fill('+7 710 255 00 11');
    await admin.getByTestId('provider-save').click();
    // The message under the field, besides the help text that says the same rule beforehand.
    await expect.poll(() => admin.getByText(/Ілесіп жүрусіз балалар бөлек орналастырылады/).count()).toBe(2);
    await admin.getByTestId('provider-eligibility-children').uncheck();
    await admin.getByTestId('provider-save').click();
    await admin.getByTestId('provider-title').waitFor();
    expect(await admin.getByTestId('provider-title').textContent()).toBe(NAME.kk);
    expect(await admin.getByTestId('provider-free').getAttribute('data-free')).toBe('4');
    await check(admin, 'provider-new-details');

    // The shelter manager, on a phone: her shelter first on the directory, the quick form fits 390 px.
    const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
    await signIn(phone, q, 'shelter', { language: 'kk' });
    await phone.goto(`${q.url}/providers`);
    const form = phone.getByTestId('my-shelter').getByTestId('occupancy-form');
    await form.getByTestId('occupancy-occupancy').fill('12');
    expect(await form.getByTestId('occupancy-free').textContent()).toContain('8');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await form.getByTestId('occupancy-save').click();
    await phone.getByTestId('occupancy-saved').waitFor();
    await phone.screenshot({ path: `${SHOTS}/kk-shelter-manager-phone-390.png`, fullPage: true });
    // Another agency's shelter offers her no form.
    await phone.goto(`${q.url}/providers?regionCode=KZ-62`);
    await phone.getByRole('link', { name: NAME.kk }).click();
    await phone.getByTestId('provider-title').waitFor();
    expect(await phone.getByTestId('occupancy-form').count()).toBe(0);
    expect(await phone.getByTestId('provider-edit').count()).toBe(0);

    // The board: Almaty (her shelter, 20 places) 8 free; Ulytau 4 free, in the table and on the map.
    await admin.goto(`${q.url}/capacity`);
    await admin.getByTestId('capacity-map').waitFor();
    const row = (code: string) => admin.locator(`[data-testid="capacity-row"][data-region="${code}"]`);
    await expect.poll(() => row('KZ-75').getAttribute('data-free')).toBe('8');
    expect(await row('KZ-62').getAttribute('data-free')).toBe('4');
    const region = (code: string) => admin.getByTestId(`map-region-${code}`);
    expect(await region('KZ-75').getAttribute('data-free')).toBe('8');
    expect(await region('KZ-62').getAttribute('data-free')).toBe('4');
    expect(await region('KZ-62').locator('title').textContent()).toContain('Ұлытау облысы: 4');
    expect(await admin.getByTestId('map-attribution').textContent()).toContain('CC BY 4.0');
    await check(admin, 'capacity');

    await admin.goto(`${q.url}/providers`);
    await check(admin, 'providers');
    await admin.goto(`${q.url}/providers?free=1&eligibility=children`);
    await settle(admin);
    const names = await admin.getByTestId('provider-row').allTextContents();
    expect(names.join(' ')).toContain('«Родник» балалар баспанасы');
    expect(names.join(' ')).not.toContain('«Бақытты отбасы»'); // full
    await phone.goto(`${q.url}/providers`);
    await settle(phone);
    await phone.getByTestId('my-shelter').getByRole('link').first().click();
    await check(phone, 'provider-own');
  });
});
