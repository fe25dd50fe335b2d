import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { caseActions, cases, persons, providers, users } from '../apps/server/src/db/schema.ts';
import { recomputeEntitlements } from '../apps/server/src/modules/entitlements/entitlements.service.ts';
import { encryptPerson } from '../apps/server/src/modules/persons/persons.service.ts';
import { pdfText } from '../apps/server/test/documents-fixtures.ts';
import { layoutDone, settle } from './support/page-checks.ts';
import { signIn } from './support/sign-in.ts';
import { describeInChromium, useQorgauBrowser } from './support/suite.ts';

/** Screenshots of the referral pages for a reviewer (QORGAU_SHOTS_DIR, e.g. /tmp/shots-referrals). */
const shotsDir = process.env.QORGAU_SHOTS_DIR;
async function shot(page: Page, name: string): Promise<void> {
  if (!shotsDir) return;
  mkdirSync(shotsDir, { recursive: true });
  await settle(page);
  await page.screenshot({ path: join(shotsDir, `${name}.png`), fullPage: true });
}
async function bothWidths(page: Page, name: string): Promise<void> {
  await shot(page, `${name}-kk-1366`);
  await page.setViewportSize({ width: 390, height: 844 });
  await layoutDone(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(390);
  await shot(page, `${name}-kk-390`);
  await page.setViewportSize({ width: 1366, height: 900 });
  await layoutDone(page);
}
/** A read through the API in the signed-in page (its cookie): the status only. */
const status = (page: Page, url: string) => page.evaluate(async (u) => (await fetch(u)).status, url);

describeInChromium('referrals in Chromium (issue #10)', () => {
  const qorgau = useQorgauBrowser({ persons: 5 });

  it("a case worker refers an unaccompanied Uzbek girl to a child shelter with her guardian's consent; the shelter sees her only then, accepts and admits her; her reflection period and residency show their end dates; the Uzbek rights sheet says so; withdrawing the consent ends the shelter's access", async () => {
    const { q, browser } = qorgau;
    const db = q.runtime.deps.db;
    const user = async (username: string) => {
      const [u] = await db.select().from(users).where(eq(users.username, username));
      if (!u) throw new Error(`no demo user ${username}`);
      return u;
    };
    const worker = await user('caseworker');
    const manager = await user('shelter');
    // The demo shelter manager's agency also runs a children's shelter here; an adult-only shelter next to it.
    const childShelter = randomUUID();
    const adultShelter = randomUUID();
    const provider = (id: string, agencyId: string, en: string, eligibility: string[]) => ({
      id,
      agencyId,
      nameKk: `${en} (kk)`,
      nameRu: `${en} (ru)`,
      nameEn: en,
      kind: 'shelter',
      services: ['shelter', 'psychological'],
      regionCode: 'KZ-75',
      settlement: 'urban',
      eligibility,
      capacity: 10,
      occupancy: 3,
      languages: ['kk', 'ru', 'uz'],
      funding: 'private',
    });
    await db
      .insert(providers)
      .values([
        provider(childShelter, manager.agencyId, 'Bolashak Children Shelter E2E', ['children', 'women', 'men', 'foreign_nationals']),
        provider(adultShelter, worker.agencyId, 'Adult Women Shelter E2E', ['adults', 'women', 'foreign_nationals']),
      ]);
    // The girl (15, a citizen of Uzbekistan) and her case, held by the case worker's NGO.
    const person = encryptPerson(
      q.runtime.deps.cipher,
      {
        clientId: randomUUID(),
        firstName: 'Dilnoza',
        secondName: 'Karimova',
        gender: 'Feminine',
        citizenship: 'UZ',
        regionCode: 'KZ-75',
        birthdate: '2011-03-14',
      },
      { createdBy: worker.id, ownerAgencyId: worker.agencyId },
    );
    await db.insert(persons).values(person);
    const personId = person.id as string;
    const caseId = randomUUID();
    await db.insert(cases).values({
      id: caseId,
      clientId: randomUUID(),
      reference: `QRG-E2E-${caseId.slice(0, 6)}`,
      personId,
      regionCode: 'KZ-75',
      exploitationTypes: [],
      status: 'identified',
      traffickingStatus: 'ActualVictimOfTrafficking',
      createdBy: worker.id,
      ownerAgencyId: worker.agencyId,
    });
    // Identified ten days ago (how a decision is taken is the case journeys'): her entitlements start then.
    const identifiedAt = new Date(Date.now() - 10 * 86_400_000);
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
    await recomputeEntitlements(db, q.runtime.deps, personId);

    const shelterCtx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'kk-KZ' });
    const shelterPage = await shelterCtx.newPage();
    await signIn(shelterPage, q, 'shelter', { language: 'kk' });
    // Before the referral the children's shelter does not see the child: not found, and not listed.
    expect(await status(shelterPage, `/api/v1/persons/${personId}`)).toBe(404);
    expect(await status(shelterPage, `/api/v1/cases/${caseId}`)).toBe(404);

    const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'kk-KZ' });
    const page = await ctx.newPage();
    await signIn(page, q, 'caseworker', { language: 'kk' });
    await page.goto(`${q.url}/cases/${caseId}`);
    await page.getByTestId('refer-open').click();
    await page.getByTestId('referral-form').waitFor();
    await page.locator(`[data-testid="eligible-provider"][data-provider-id="${childShelter}"]`).waitFor();
    // The rules are data on the server: the adult-only shelter is not offered for a child.
    expect(await page.locator(`[data-provider-id="${adultShelter}"]`).count()).toBe(0);
    await page.locator(`[data-testid="eligible-provider"][data-provider-id="${childShelter}"]`).check();
    // No consent yet: the guardian's is recorded here (a child cannot consent alone).
    await page.getByTestId('referral-consent-form').waitFor();
    expect(await page.getByTestId('consent-given-by').inputValue()).toBe('guardian');
    await bothWidths(page, 'referral-form');
    await page.getByTestId('record-consent').click();
    await page.getByTestId('referral-consent-ok').waitFor();
    await page.getByTestId('referral-submit').click();
    await page.getByTestId('referral-reference').waitFor();
    const referralId = page.url().split('/referrals/')[1] as string;
    expect(await page.getByTestId('referral-status').getAttribute('data-status')).toBe('sent');
    await bothWidths(page, 'referral-sent');

    // The shelter now sees the child, and the referral waiting for its answer; it accepts.
    expect(await status(shelterPage, `/api/v1/persons/${personId}`)).toBe(200);
    await shelterPage.goto(`${q.url}/referrals?box=received`);
    await shelterPage.locator(`[data-testid="referral-row"][data-referral-id="${referralId}"]`).waitFor();
    await bothWidths(shelterPage, 'referrals-received');
    await shelterPage.goto(`${q.url}/referrals/${referralId}`);
    await shelterPage.getByTestId('referral-action-accepted').click();
    await expect.poll(() => shelterPage.getByTestId('referral-status').getAttribute('data-status')).toBe('accepted');
    await shelterPage.getByTestId('referral-hooks').waitFor();
    await bothWidths(shelterPage, 'referral-accepted');

    // She opens the protection case from the accepted referral and admits the girl: a bed is taken.
    const occupancy = async () => (await db.select().from(providers).where(eq(providers.id, childShelter)))[0]?.occupancy;
    expect(await occupancy()).toBe(3);
    await shelterPage.goto(`${q.url}/persons/${personId}`);
    await shelterPage.getByTestId('open-protection').click();
    await shelterPage.getByTestId('protection-reference').waitFor();
    await shelterPage.getByTestId('admit').click();
    await shelterPage.getByTestId('stay-row').waitFor();
    await expect.poll(occupancy).toBe(4);

    // The case worker sees the reflection period and the residency with their end dates (a foreign victim).
    const ends = (await (await page.request.get(`${q.url}/api/v1/persons/${personId}/entitlements`)).json()) as {
      items: { kind: string; end: string | null }[];
    };
    const endOf = (kind: string) => {
      const iso = ends.items.find((e) => e.kind === kind)?.end;
      if (!iso) throw new Error(`no end date for ${kind}`);
      const [y, m, d] = iso.split('-');
      return `${d}.${m}.${y}`;
    };
    await page.goto(`${q.url}/persons/${personId}`);
    for (const kind of ['reflection_period', 'temporary_residency']) {
      const row = page.getByTestId(`entitlement-${kind}`);
      await row.waitFor();
      expect(await row.getByTestId('entitlement-end').textContent(), kind).toBe(endOf(kind));
    }

    // The rights sheet, in Uzbek (her citizenship), downloads as a PDF whose text says what she is entitled to.
    expect(await page.getByTestId('rights-sheet-lang').inputValue()).toBe('uz');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('rights-sheet').click()]);
    const sheet = await pdfText(readFileSync(await download.path()));
    expect(sheet).toContain('Maʼlumot varaqasi: huquqlaringiz va kafolatlaringiz');
    expect(sheet).toContain('Oʻylab koʻrish muddati');
    expect(sheet).toContain(endOf('reflection_period'));

    // The guardian withdraws the consent: the shelter's access ends at once.
    await page.goto(`${q.url}/persons/${personId}`);
    await page.getByTestId('consent-withdraw').click();
    await page.getByTestId('confirm').click();
    await page.locator('[data-testid="consent-item"][data-state="withdrawn"]').waitFor();
    await page.getByTestId('consents-panel').scrollIntoViewIfNeeded();
    await bothWidths(page, 'consents-withdrawn');
    expect(await status(shelterPage, `/api/v1/persons/${personId}`)).toBe(404);
    expect(await status(shelterPage, `/api/v1/cases/${caseId}`)).toBe(404);
    await shelterPage.goto(`${q.url}/referrals/${referralId}`);
    await shelterPage.getByTestId('referral-consent-withdrawn').waitFor();
    expect(await shelterPage.getByTestId('referral-person').textContent()).not.toContain('Karimova');
    await ctx.close();
    await shelterCtx.close();
  }, 240_000);
});
