import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { users } from '../apps/server/src/db/schema.ts';
import { checkKazakhPage } from './support/page-checks.ts';
import { signIn } from './support/sign-in.ts';
import { describeInChromium, useQorgauBrowser } from './support/suite.ts';

/** Screenshots for a reviewer, when QORGAU_SHOTS_DIR names a folder. */
const shotsDir = process.env.QORGAU_SHOTS_DIR;
const SOURCE = 'ІІМ жылдық есебі, 2021';

/**
 * Official figures of years before the register in Chromium (issue #13 item 7), in Kazakh: the
 * national coordinator enters 2021's identified victims with their breakdown by sex, then
 * checks a CSV with a bad row (refused row by row, nothing written) and imports a good one.
 * The page is checked at 1366 and 390 px (overflow, raw codes, axe) and photographed.
 */
describeInChromium('official figures in Chromium (issue #13 item 7)', () => {
  const qorgau = useQorgauBrowser({ persons: 5 });
  let identifiers: string[];
  beforeAll(async () => {
    identifiers = ['Qorgau', ...(await qorgau.q.runtime.deps.db.select({ username: users.username }).from(users)).map((u) => u.username)];
  }, 60_000);

  const check = async (page: Page, name: string) => expect(await checkKazakhPage(page, name, identifiers, shotsDir), name).toEqual([]);

  const upload = (page: Page, text: string) =>
    page
      .locator('section[aria-labelledby="official-import-title"] input[type=file]')
      .setInputFiles({ name: 'figures.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });

  it('the coordinator enters a figure with its breakdown, sees a bad file refused row by row, and imports a good one', async () => {
    const { q, browser } = qorgau;
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await signIn(page, q, 'coordinator', { language: 'kk' });
    await page.goto(`${q.url}/statistics/official-figures`);
    await page.getByTestId('official-year').fill('2021');
    await page.getByTestId('official-figure').selectOption('victims_identified');
    await page.getByTestId('official-value').fill('20');
    await page.getByTestId('official-source').fill(SOURCE);
    await page.getByTestId('official-dimension').selectOption('sex');
    await page.getByTestId('official-part-female').fill('14');
    await page.getByTestId('official-part-male').fill('6');
    await page.getByTestId('official-save').click();
    await page.getByTestId('official-saved').waitFor();
    const year2021 = page.getByTestId('official-year-2021');
    await year2021.waitFor();
    expect(await year2021.textContent()).toContain(SOURCE);
    expect(await year2021.getByRole('row').count()).toBe(4);

    // A file with a bad row: refused, the row and column named, nothing written.
    await upload(
      page,
      'жыл,көрсеткіш,бөлініс,санат,мән,дереккөз\n2020,victims_identified,,,18,ІІМ 2020\n2020,victims_identified,ageGroup,child,"1,5",ІІМ 2020\n2019,convictions,,,7,\n',
    );
    await page.getByTestId('official-check').click();
    const issues = page.getByTestId('official-import-issues');
    await issues.waitFor();
    const rows = await issues.locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^3Мәні/);
    expect(rows[1]).toMatch(/^4Дереккөз/);
    expect(await page.getByTestId('official-import').isDisabled()).toBe(true);
    await check(page, 'official-figures-refused');
    expect(await page.getByTestId('official-year-2020').count()).toBe(0);

    // The corrected file: previewed, then imported.
    await upload(
      page,
      'year,figure,dimension,category,value,source\n2020,victims_identified,,,18,ІІМ 2020\n2020,victims_identified,ageGroup,child,5,ІІМ 2020\n',
    );
    await page.getByTestId('official-check').click();
    await page.getByTestId('official-import-result').waitFor();
    await check(page, 'official-figures-preview');
    await page.getByTestId('official-import').click();
    await page.getByTestId('official-year-2020').waitFor();
    expect(await page.getByTestId('official-year-2020').getByRole('row').count()).toBe(3);
    await check(page, 'official-figures');
  });
});
