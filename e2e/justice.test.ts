import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { addCalendarMonths, kazakhstanDate } from '@qorgau/core';
import { caseActions, cases, persons, users } from '../apps/server/src/db/schema.ts';
import { recomputeEntitlements } from '../apps/server/src/modules/entitlements/entitlements.service.ts';
import { encryptPerson } from '../apps/server/src/modules/persons/persons.service.ts';
import { layoutDone, settle } from './support/page-checks.ts';
import { signIn } from './support/sign-in.ts';
import { describeInChromium, useQorgauBrowser } from './support/suite.ts';

/** Screenshots of the justice pages in Kazakh for a reviewer (QORGAU_SHOTS_DIR, e.g. /tmp/shots-justice). */
const shotsDir = process.env.QORGAU_SHOTS_DIR;
async function bothWidths(page: Page, name: string): Promise<void> {
  await settle(page);
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await layoutDone(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} @${width}`).toBeLessThanOrEqual(width);
    if (shotsDir) {
      mkdirSync(shotsDir, { recursive: true });
      await page.screenshot({ path: join(shotsDir, `${name}-kk-${width}.png`), fullPage: true });
    }
  }
  await page.setViewportSize({ width: 1366, height: 900 });
  await layoutDone(page);
}

const ERDR = '262750031000777';

/** Moves the open case page to `stage` through the stage form and waits for the new history entry. */
async function moveTo(page: Page, stage: string): Promise<void> {
  const before = await page.getByTestId('criminal-case-event').count();
  await page.getByTestId('stage-to').selectOption(stage);
  await page.getByTestId('stage-submit').click();
  await expect.poll(() => page.getByTestId('criminal-case-event').count()).toBe(before + 1);
}

describeInChromium('justice and redress in Chromium (issue #11)', () => {
  const qorgau = useQorgauBrowser({ persons: 4 });

  it('a prosecutor registers an Art. 128 case and links two victims, one an Uzbek national whose reflection period then runs until the proceedings are final; the court clerk records the final verdict and the extension ends; the compensation reminder shows until the right is explained in Uzbek', async () => {
    const { q, browser } = qorgau;
    const db = q.runtime.deps.db;
    const [worker] = await db.select().from(users).where(eq(users.username, 'caseworker'));
    if (!worker) throw new Error('no demo case worker');

    // Two victims her NGO identified ten days ago in Almaty: a citizen and a citizen of Uzbekistan.
    const identifiedAt = new Date(Date.now() - 10 * 86_400_000);
    const victim = async (firstName: string, secondName: string, citizenship: string) => {
      const person = encryptPerson(
        q.runtime.deps.cipher,
        { clientId: randomUUID(), firstName, secondName, gender: 'Feminine', citizenship, regionCode: 'KZ-75', birthdate: '1996-04-02' },
        { createdBy: worker.id, ownerAgencyId: worker.agencyId },
      );
      await db.insert(persons).values(person);
      const caseId = randomUUID();
      await db.insert(cases).values({
        id: caseId,
        clientId: randomUUID(),
        reference: `QRG-E2E-${caseId.slice(0, 6)}`,
        personId: person.id as string,
        regionCode: 'KZ-75',
        exploitationTypes: ['ForcedLabour'],
        status: 'identified',
        traffickingStatus: 'ActualVictimOfTrafficking',
        createdBy: worker.id,
        ownerAgencyId: worker.agencyId,
      });
      await db.insert(caseActions).values([
        { clientId: randomUUID(), caseId, seq: 1, type: 'opened', details: {}, actorId: worker.id, agencyId: worker.agencyId, at: identifiedAt },
        {
          clientId: randomUUID(),
          caseId,
          seq: 2,
          type: 'identification_decided',
          details: { outcome: 'ActualVictimOfTrafficking', decidedBy: 'NGO' },
          actorId: worker.id,
          agencyId: worker.agencyId,
          at: identifiedAt,
        },
      ]);
      await recomputeEntitlements(db, q.runtime.deps, person.id as string);
      return person.id as string;
    };
    const foreignId = await victim('Dilnoza', 'Rahimova', 'UZ');
    const citizenId = await victim('Әсел', 'Жанұзақова', 'KZ');
    const sixMonths = addCalendarMonths(kazakhstanDate(identifiedAt), 6);

    const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    const reflection = async () => {
      const res = await page.request.get(`${q.url}/api/v1/persons/${foreignId}/entitlements`);
      const item = ((await res.json()) as { items: { kind: string; end: string | null }[] }).items.find((e) => e.kind === 'reflection_period');
      if (!item) throw new Error('no reflection period');
      return item.end;
    };

    // 1. The Almaty prosecutor registers an Art. 128 case and opens the investigation.
    await signIn(page, q, 'prosecutor', { language: 'kk' });
    await page.goto(`${q.url}/criminal-cases/new`);
    await page.getByTestId('criminal-case-erdr').fill(ERDR);
    await page.getByTestId('criminal-case-article-128').check();
    await page.getByTestId('criminal-case-exploitation-ForcedLabour').check();
    await bothWidths(page, 'criminal-case-register');
    await page.getByTestId('criminal-case-submit').click();
    await page.getByTestId('criminal-case-erdr-number').waitFor();
    const caseUrl = page.url();
    await moveTo(page, 'investigation');

    // 2. She links both women, found by name among the persons of her region.
    for (const [name, id] of [
      ['Rahimova', foreignId],
      ['Жанұзақова', citizenId],
    ] as const) {
      await page.getByTestId('victim-link').click();
      await page.getByTestId('victim-person-search').fill(name);
      await expect.poll(() => page.getByTestId('victim-person').locator(`option[value="${id}"]`).count()).toBe(1);
      await page.getByTestId('victim-person').selectOption(id);
      await page.getByTestId('victim-link-submit').click();
      await page.getByTestId('victim-link-form').waitFor({ state: 'detached' });
    }
    await expect.poll(() => page.getByTestId('victim-row').count()).toBe(2);
    // 3. The foreign victim's reflection period now runs until the proceedings are final.
    expect(await reflection()).toBeNull();
    await expect.poll(() => page.getByTestId('victim-foreign').count()).toBe(1);
    await bothWidths(page, 'criminal-case-victims');

    // 4. She sends the case to court; the court clerk records the verdict, and then that it is final.
    await moveTo(page, 'sent_to_court');
    const clerk = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await signIn(clerk, q, 'clerk', { language: 'kk' });
    await clerk.goto(caseUrl);
    await clerk.getByTestId('stage-to').waitFor();
    await moveTo(clerk, 'first_instance_verdict');
    await moveTo(clerk, 'final');
    await bothWidths(clerk, 'criminal-case-final');
    // The clerk sees the victims only by pseudonym.
    expect(await clerk.getByTestId('victim-row').allTextContents()).not.toContain(expect.stringContaining('Rahimova'));

    // 5. The extension ends with the final judgement: her six months from identification hold, no longer open-ended.
    await expect.poll(reflection).toBe(sixMonths);

    // 6. The case worker is reminded to explain the right to compensation until she records it, in Uzbek.
    const cw = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await signIn(cw, q, 'caseworker', { language: 'kk' });
    await cw.goto(`${q.url}/persons/${foreignId}`);
    await cw.getByTestId('compensation-reminder').waitFor();
    await cw.getByTestId('redress-panel').scrollIntoViewIfNeeded();
    await bothWidths(cw, 'person-redress-reminder');
    await cw.getByTestId('redress-record-informed').click();
    await cw.getByTestId('informed-language').selectOption('uz');
    await cw.getByTestId('informed-save').click();
    await cw.getByTestId('informed-line').waitFor();
    expect(await cw.getByTestId('compensation-reminder').count()).toBe(0);
    // The other woman has not been told yet: her reminder still shows.
    await cw.goto(`${q.url}/persons/${citizenId}`);
    await cw.getByTestId('compensation-reminder').waitFor();

    // 7. The year's figures count the case, both victims (persons) and the notice.
    await page.goto(`${q.url}/justice/figures`);
    await page.getByTestId('figure-registered').waitFor();
    await bothWidths(page, 'justice-figures');
  }, 300_000);
});
