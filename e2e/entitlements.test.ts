import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { entitlements } from '../apps/server/src/db/schema.ts';
import { axeViolations, layoutDone, settle } from './support/page-checks.ts';
import { signIn } from './support/sign-in.ts';
import { describeInChromium, useQorgauBrowser } from './support/suite.ts';

/** Screenshots for a reviewer, when QORGAU_SHOTS_DIR names a folder. */
const shotsDir = process.env.QORGAU_SHOTS_DIR;
async function shot(page: Page, name: string): Promise<void> {
  if (!shotsDir) return;
  mkdirSync(shotsDir, { recursive: true });
  // The sticky header would cover the panel's title in an element screenshot.
  await page.addStyleTag({ content: 'header { position: static !important; }' });
  await page.getByTestId('entitlements-panel').screenshot({ path: join(shotsDir, `${name}.png`) });
  await page.screenshot({ path: join(shotsDir, `${name}-page.png`), fullPage: true });
}

describeInChromium('entitlements in Chromium', () => {
  const env = useQorgauBrowser({ demo: true });

  it('an officer sees a foreign victim`s reflection period and residency lapse soon, in Kazakh, records who pays for her medical care, on a phone too', async () => {
    const { q, browser } = env;
    const db = q.runtime.deps.db;
    // A foreign victim of the demo whose reflection period lapses within 30 days and whose medical care has no payer yet.
    const [lapsing] = await db
      .select({ personId: entitlements.personId, endsOn: entitlements.endsOn, caseId: entitlements.caseId })
      .from(entitlements)
      .where(
        and(
          eq(entitlements.kind, 'reflection_period'),
          eq(entitlements.state, 'lapsing'),
          sql`NOT EXISTS (SELECT 1 FROM entitlements m WHERE m.person_id = ${entitlements.personId} AND m.kind = 'medical' AND m.paid_by IS NOT NULL)`,
        ),
      )
      .orderBy(entitlements.endsOn)
      .limit(1);
    expect(lapsing).toBeDefined();
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'kk-KZ' });
    const page = await context.newPage();
    await signIn(page, q, 'identification', { language: 'kk' });
    await page.goto(`${q.url}/persons/${lapsing?.personId}`);
    const panel = page.getByTestId('entitlements-panel');
    await panel.waitFor();
    const reflection = page.getByTestId('entitlement-reflection_period');
    const residency = page.getByTestId('entitlement-temporary_residency');
    expect(await reflection.getAttribute('data-state')).toBe('lapsing');
    // The end date as the reader's language writes it (kk: 31.12.2026).
    const [y, m, d] = (lapsing?.endsOn ?? '').split('-');
    expect(await reflection.getByTestId('entitlement-end').textContent()).toBe(`${d}.${m}.${y}`);
    expect(await residency.getByTestId('entitlement-end').textContent()).toBe(`${d}.${m}.${y}`);
    expect(await reflection.getByTestId('entitlement-state').textContent()).toBe('Мерзімі аяқталуда');
    expect(await panel.textContent()).toContain('ынтымақтасуға байланысты емес');

    // Medical care is not free for a foreign victim: the officer records who pays.
    const medical = page.getByTestId('entitlement-medical');
    expect(await medical.getByTestId('entitlement-paid-by').textContent()).toBe('Кім төлейтіні жазылмаған');
    await medical.getByTestId('entitlement-action-record_medical_payer').click();
    await medical.getByTestId('entitlement-payer').selectOption('ngo');
    await medical.getByTestId('entitlement-save').click();
    await expect.poll(() => medical.getByTestId('entitlement-paid-by').textContent()).toBe('Кім төлейді: ҮЕҰ');
    await settle(page);
    await shot(page, 'entitlements-kk-1366');

    // On a phone: the panel fits 390 px, and has no serious accessibility problem.
    await page.setViewportSize({ width: 390, height: 844 });
    await layoutDone(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'entitlements-kk-390');
    const inPanel = async (detail: string) => {
      const selector = detail.replace(/^\d+ element\(s\): /, '').split(' — ')[0] ?? '';
      return page.evaluate((sel) => !!document.querySelector(sel)?.closest('[data-testid="entitlements-panel"]'), selector);
    };
    const mine = [];
    for (const p of await axeViolations(page)) if (await inPanel(p.detail)) mine.push(p);
    expect(mine).toEqual([]);

    // The case page shows the same panel.
    await page.goto(`${q.url}/cases/${lapsing?.caseId}`);
    await page.getByTestId('entitlement-reflection_period').waitFor();
    expect(await page.getByTestId('entitlement-reflection_period').getByTestId('entitlement-end').textContent()).toBe(`${d}.${m}.${y}`);
    await settle(page);
    await shot(page, 'entitlements-case-kk-390');
    await context.close();
  }, 300_000);

  it('the administrator sees the entitlement rule versions on the reference page and may upload one, on a phone', async () => {
    const { q, browser } = env;
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'kk-KZ' });
    const page = await context.newPage();
    await signIn(page, q, 'admin', { language: 'kk' });
    await page.goto(`${q.url}/admin/reference`);
    const row = page.getByTestId('entitlement-rules-row');
    await row.first().waitFor();
    expect(await row.first().textContent()).toContain('2022.1');
    expect(await page.locator('option[value="entitlement_rules"]').count()).toBe(1);
    await layoutDone(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    if (shotsDir) await page.screenshot({ path: join(shotsDir, 'reference-admin-kk-390.png'), fullPage: true });
    await context.close();
  }, 120_000);
});
