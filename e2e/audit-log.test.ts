import { expect, it } from 'vitest';
import { signIn } from './support/sign-in.ts';
import { describeInChromium, useQorgauBrowser } from './support/suite.ts';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describeInChromium('the audit log reads as sentences (issue #9)', () => {
  const qorgau = useQorgauBrowser({ persons: 5 });

  it('the coordinator opens a case, then reads "<her name> … case QRG-…" with the case as a link, and no id in the text (1366 and 390 px)', async () => {
    const { q, browser } = qorgau;
    // One sign-in for both widths: a TOTP code is accepted once, so a second sign-in would wait.
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await signIn(page, q, 'coordinator', { language: 'en' });
    const me = (await page.evaluate(async () => (await fetch('/api/v1/auth/me')).json())) as { displayName: string };
    for (const viewport of [
      { width: 1366, height: 900 },
      { width: 390, height: 844 },
    ]) {
      await page.setViewportSize(viewport);

      await page.goto(`${q.url}/cases`);
      // Opening the case is what the log records (case.read): wait for the case itself to arrive.
      const opened = page.waitForResponse((r) => /\/api\/v1\/cases\/[0-9a-f-]{36}$/.test(new URL(r.url()).pathname) && r.status() === 200);
      await page.getByTestId('case-row').first().click();
      await opened;
      const caseId = new URL(page.url()).pathname.split('/').pop() as string;

      await page.goto(`${q.url}/audit?operation=case.read`);
      const sentence = page.getByTestId('audit-sentence').filter({ hasText: me.displayName }).first();
      await sentence.waitFor();
      expect(await sentence.textContent()).toMatch(new RegExp(`^${me.displayName} viewed case QRG-\\d{4}-\\d{6}$`));
      const link = sentence.getByTestId('audit-record-link');
      expect(await link.getAttribute('href')).toBe(`/cases/${caseId}`);
      expect(await link.textContent()).toMatch(/^case QRG-\d{4}-\d{6}$/);

      // The whole page, filters included: no id anywhere in what a person reads.
      await page.goto(`${q.url}/audit`);
      await page.getByTestId('audit-row').first().waitFor();
      expect(await page.locator('main').textContent()).not.toMatch(UUID);
      await page.screenshot({ path: `${process.env.TMPDIR ?? '/tmp'}/qorgau-e2e-audit-${viewport.width}.png` });
      // Nothing runs off the side of the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    }
    await page.context().close();
  });
});
