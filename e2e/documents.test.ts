import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { EXE, PNG, pdfText } from '../apps/server/test/documents-fixtures.ts';
import { axeViolations, layoutDone, settle } from './support/page-checks.ts';
import { signIn } from './support/sign-in.ts';
import { describeInChromium, useQorgauBrowser } from './support/suite.ts';

/** Screenshots for a reviewer, when QORGAU_SHOTS_DIR names a folder. */
const shotsDir = process.env.QORGAU_SHOTS_DIR;
async function shot(page: Page, name: string): Promise<void> {
  if (!shotsDir) return;
  mkdirSync(shotsDir, { recursive: true });
  await page.getByTestId('documents-panel').screenshot({ path: join(shotsDir, `${name}.png`) });
  await page.screenshot({ path: join(shotsDir, `${name}-page.png`), fullPage: true });
}

describeInChromium('documents in Chromium', () => {
  // A small limit, so a file over it is cheap to make.
  const env = useQorgauBrowser({ env: { QORGAU_ATTACHMENT_MAX_BYTES: '65536' } });

  it('an officer attaches a scan to an Uzbek woman`s record in Kazakh, is told why an executable is refused, and downloads her rights sheet in Uzbek', async () => {
    const { q, browser } = env;
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'kk-KZ', acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, q, 'identification', { language: 'kk' });

    await page.goto(`${q.url}/persons/new`);
    await page.getByTestId('person-firstName').fill('Dilnoza');
    await page.getByTestId('person-secondName').fill('Karimova');
    await page.getByTestId('person-gender').selectOption('Feminine');
    await page.getByTestId('person-citizenship').selectOption('UZ');
    await page.getByTestId('person-region').selectOption('KZ-75');
    await page.getByTestId('person-submit').click();
    await expect.poll(() => page.getByTestId('person-name').textContent()).toContain('Dilnoza');
    const panel = page.getByTestId('documents-panel');
    await panel.waitFor();

    // A PNG named .pdf is accepted as what it is.
    await panel.locator('input[type=file]').setInputFiles({ name: 'pasport.pdf', mimeType: 'application/pdf', buffer: PNG });
    await page.getByTestId('attachment-upload').click();
    await page.getByTestId('attachment-row').filter({ hasText: 'pasport.pdf' }).waitFor();

    // A file over the limit is refused before it is sent, in the server's words.
    await panel.locator('input[type=file]').setInputFiles({ name: 'big.png', mimeType: 'image/png', buffer: Buffer.concat([PNG, Buffer.alloc(70_000)]) });
    expect(await page.getByTestId('attachment-refused').textContent()).toContain('Файл тым үлкен');
    expect(await page.getByTestId('attachment-upload').isDisabled()).toBe(true);

    // An executable renamed .pdf is refused with the server's Kazakh message.
    await panel.locator('input[type=file]').setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: EXE });
    await page.getByTestId('attachment-upload').click();
    const refused = page.getByTestId('attachment-refused');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('Мұндай файл қабылданбайды');
    expect(await page.getByTestId('attachment-row').count()).toBe(1);
    await settle(page);
    await shot(page, 'documents-kk-1366');

    // The rights sheet: Uzbek is offered first for a citizen of Uzbekistan.
    expect(await page.getByTestId('rights-sheet-lang').inputValue()).toBe('uz');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('rights-sheet').click()]);
    const path = await download.path();
    const text = await pdfText(readFileSync(path));
    expect(text).toContain('Maʼlumot varaqasi: huquqlaringiz va kafolatlaringiz');
    expect(text).toContain('Oʻylab koʻrish muddati');
    if (shotsDir) writeFileSync(join(shotsDir, 'rights-uz.pdf'), readFileSync(path));

    // On a phone: the panel fits 390 px, and has no serious accessibility problem.
    await page.setViewportSize({ width: 390, height: 844 });
    await layoutDone(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'documents-kk-390');
    // Only the panel's own elements: the page's frame (header, bell) is checked by the page walk.
    const inPanel = async (detail: string) => {
      const selector = detail.replace(/^\d+ element\(s\): /, '').split(' — ')[0] ?? '';
      return page.evaluate((sel) => !!document.querySelector(sel)?.closest('[data-testid="documents-panel"]'), selector);
    };
    const mine = [];
    for (const p of await axeViolations(page)) if (await inPanel(p.detail)) mine.push(p);
    expect(mine).toEqual([]);
    await context.close();
  }, 180_000);
});
