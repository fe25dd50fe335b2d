import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { YearStatistics } from '@qorgau/core';
import { fieldContext } from '../apps/server/src/crypto/field-cipher.ts';
import { rowsOf } from '../apps/server/src/db/client.ts';
import { users } from '../apps/server/src/db/schema.ts';
import { checkKazakhPage } from './support/page-checks.ts';
import { signIn } from './support/sign-in.ts';
import { describeInChromium, useQorgauBrowser } from './support/suite.ts';

/** Screenshots for a reviewer, when QORGAU_SHOTS_DIR names a folder. */
const shotsDir = process.env.QORGAU_SHOTS_DIR;
const TEMPLATE = new URL('../reference/htcds/htcds-template-single-select-v2.0.xlsx', import.meta.url);

type Row = Record<string, string | Date>;

/** The official single-select template, filled as an NGO keeps it (drop-down labels, Excel dates). */
async function workbook(rows: Row[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(TEMPLATE) as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('Case Sheet') as ExcelJS.Worksheet;
  const at = new Map<string, number>();
  sheet.getRow(1).eachCell((c, n) => at.set(String(c.value), n));
  at.set('prs_IdentityNumber', sheet.getRow(1).cellCount + 1);
  sheet.getRow(1).getCell(at.get('prs_IdentityNumber') as number).value = 'prs_IdentityNumber';
  rows.forEach((values, i) => {
    for (const [code, v] of Object.entries(values)) sheet.getRow(3 + i).getCell(at.get(code) as number).value = v;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * An NGO analyst takes in her organisation's HTCDS workbook in Chromium (issue #14), in Kazakh:
 * three rows are refused with their row, column and reason (the report on screen and as CSV),
 * the good rows are kept; she fixes the three and uploads the file again, and the persons
 * appear in the year's count, a woman the police already identified counted once.
 */
describeInChromium('HTCDS import in Chromium (issue #14)', () => {
  const qorgau = useQorgauBrowser({ persons: 40 });
  let identifiers: string[];
  let known: { first: string; second: string; birthdate: string; iin: string; citizenship: string; day: string };

  beforeAll(async () => {
    const { db, cipher } = qorgau.q.runtime.deps;
    identifiers = ['Qorgau', 'HTCDS', ...(await db.select({ username: users.username }).from(users)).map((u) => u.username)];
    // The demo's analyst works for the Almaty NGO in this journey (an NGO's own data analyst).
    const [caseworker] = await db.select({ agencyId: users.agencyId }).from(users).where(eq(users.username, 'caseworker'));
    await db
      .update(users)
      .set({ agencyId: caseworker?.agencyId as string })
      .where(eq(users.username, 'analyst'));
    // A victim already in the register, with her identity number: the file holds her too.
    const [v] = rowsOf<Record<string, string>>(
      await db.execute(sql`
        SELECT p.id, p.first_name_enc, p.second_name_enc, p.birthdate_enc, p.identity_number_enc, p.citizenship, f.on_day
        FROM victim_first_identifications f JOIN persons p ON p.id = f.person_id
        WHERE p.identity_number_enc IS NOT NULL AND p.birthdate_enc IS NOT NULL ORDER BY f.on_day DESC LIMIT 1`),
    );
    if (!v) throw new Error('the demo register has no identified victim with an identity number');
    const dec = (column: string, value: string | undefined) => cipher.decrypt(value as string, fieldContext('persons', column, v.id as string));
    known = {
      first: dec('first_name', v.first_name_enc),
      second: dec('second_name', v.second_name_enc),
      birthdate: dec('birthdate', v.birthdate_enc),
      iin: dec('identity_number', v.identity_number_enc),
      citizenship: v.citizenship as string,
      day: v.on_day as string,
    };
  }, 60_000);

  const check = async (page: Page, name: string) => expect(await checkKazakhPage(page, name, identifiers, shotsDir), name).toEqual([]);
  const upload = (page: Page, bytes: Buffer) =>
    page
      .locator('section[aria-labelledby="htcds-import-title"] input[type=file]')
      .setInputFiles({ name: 'ngo-cases.xlsx', mimeType: 'application/octet-stream', buffer: bytes });

  it('uploads a workbook with three bad rows, reads the report, fixes them, re-imports, and the persons are counted once', async () => {
    const { q, browser } = qorgau;
    const year = Number(known.day.slice(0, 4));
    const row = (first: string, second: string, extra: Row = {}): Row => ({
      prs_FirstName: first,
      prs_SecondName: second,
      prs_Birthdate: new Date(Date.UTC(1994, 6, 3)),
      prs_Gender: 'Feminine',
      prs_Citizenship: 'UZ',
      vic_TraffickingStatus: 'Actual victim of trafficking',
      vic_TraffickinStatusDecisionMakingOrg: 'NGO',
      vic_TypeOfExploitation: 'Forced labour',
      cas_IncomingReferralDate: `${known.day.slice(8, 10)}.${known.day.slice(5, 7)}.${year}`,
      ...extra,
    });
    const [y, m, d] = known.birthdate.split('-');
    const good = [
      row('Гулнора', 'Тошматова'),
      row('Mohira', 'Qodirova', { prs_Gender: 'Feminine', prs_Citizenship: 'UZB' }),
      row('Дильбар', 'Абдуллаева', { vic_TypeOfExploitation: 'Sexual exploitation' }),
      row('Zulfiya', 'Rashidova', { vic_TraffickingStatus: 'Possible victim of trafficking' }),
      row('Айжан', 'Бекмұратова', { prs_Citizenship: 'KZ', prs_Birthdate: '21.09.2001' }),
      row(known.first, known.second, { prs_Birthdate: `${d}.${m}.${y}`, prs_Citizenship: known.citizenship, prs_IdentityNumber: known.iin }),
    ];
    const bad = [
      row('Нигора', 'Саидова', { prs_Birthdate: '07/03/1990' }),
      row('Шахло', 'Юнусова', { prs_Gender: 'Female' }),
      row('Feruza', 'Karimova', { vic_TypeOfExploitation: 'Forced Labor' }),
    ];
    const fixed = [row('Нигора', 'Саидова', { prs_Birthdate: '07.03.1990' }), row('Шахло', 'Юнусова'), row('Feruza', 'Karimova')];

    const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true })).newPage();
    const victims = async () =>
      YearStatistics.parse(await (await page.context().request.get(`${q.url}/api/v1/statistics/year?year=${year}`)).json()).victims.total;
    await signIn(page, q, 'analyst', { language: 'kk' });
    const before = await victims();
    await page.getByTestId('nav-exchange').click();
    // One item of the navigation is lit: Data exchange, not Statistics as well.
    await page.locator('[aria-current="page"]').first().waitFor();
    expect(await page.locator('nav [aria-current="page"]').evaluateAll((links) => links.map((a) => a.getAttribute('data-testid')))).toEqual(['nav-exchange']);

    // Checked first: the three bad rows listed, nothing written.
    await upload(page, await workbook([...good.slice(0, 3), ...bad, ...good.slice(3)]));
    await page.getByTestId('htcds-check').click();
    await page.getByTestId('htcds-issues').waitFor();
    const issueRows = page.getByTestId('htcds-issues').locator('tbody tr');
    expect(await issueRows.count()).toBe(3);
    expect(await issueRows.nth(0).locator('td').first().textContent()).toBe('6');
    expect(await page.getByTestId('htcds-issues').textContent()).toContain('Forced Labor');
    expect(await victims()).toBe(before);

    // Imported: the good rows kept, the report still there to download.
    await page.getByTestId('htcds-import').click();
    await expect.poll(() => page.getByTestId('htcds-result').getAttribute('data-dry'), { timeout: 30_000 }).toBe('false');
    expect(await page.getByTestId('htcds-counts').textContent()).toMatch(/6\D.*1\D/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('htcds-report').click()]);
    const report = readFileSync((await download.path()) as string, 'utf8');
    expect(report).toContain('Жол,Баған,Код,Мәселе');
    expect(report.trim().split('\r\n')).toHaveLength(2 + 3);
    await check(page, 'htcds-import-report');

    // Fixed and uploaded again: only the three new rows are created.
    await upload(page, await workbook([...good.slice(0, 3), ...fixed, ...good.slice(3)]));
    await page.getByTestId('htcds-import').click();
    await expect.poll(() => page.getByTestId('htcds-counts').textContent(), { timeout: 30_000 }).toMatch(/^\D*3\D/);
    expect(await page.getByTestId('htcds-issues').count()).toBe(0);

    // Seven victims more, not eight: the woman already identified is counted once (and the
    // possible victim not at all).
    expect(await victims()).toBe(before + 7);
    await check(page, 'htcds-import-done');

    // On a phone the navigation folds behind the menu button; opened, it lights the same one item.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('button[aria-controls="main-navigation"]').click();
    await page.getByTestId('nav-exchange').waitFor({ state: 'visible' });
    expect(await page.locator('nav [aria-current="page"]').evaluateAll((links) => links.map((a) => a.getAttribute('data-testid')))).toEqual(['nav-exchange']);
    if (shotsDir) await page.screenshot({ path: `${shotsDir}/htcds-import-menu-390.png` });
  });
});
