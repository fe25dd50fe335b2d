import { mkdirSync } from 'node:fs';
import { CONSENT_SHARES } from '@qorgau/core';
import { and, asc, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { caseAccess, cases, persons, providers, referrals, users } from '../apps/server/src/db/schema.ts';
import { seedProviders } from '../apps/server/src/seed/seed-providers.ts';
import { axeViolations, inPageChecks, layoutDone, settle } from './support/page-checks.ts';
import { signIn } from './support/sign-in.ts';
import { describeInChromium, useQorgauBrowser } from './support/suite.ts';

const SHOTS = process.env.PROTECTION_SHOTS ?? '/tmp/shots-protection';
const SHELTER = 'Almaty Crisis Centre Shelter';

/**
 * The protection case in Chromium (issue #10 item 3): the demo shelter manager opens the
 * protection case of a woman referred to her shelter (the referral accepted), admits her (free
 * places go down), records a service with its cost, discharges her; then, her shelter full, an
 * admission shows the free alternatives nearby. Pages checked in Kazakh at 1366 and 390 px and
 * photographed into /tmp/shots-protection/.
 */
describeInChromium('protection case in Chromium (issue #10)', () => {
  const qorgau = useQorgauBrowser({ persons: 12 });
  let identifiers: string[];
  let personId: string;
  let shelterId: string;

  beforeAll(async () => {
    const { db } = qorgau.q.runtime.deps;
    await seedProviders(qorgau.q.runtime.deps);
    identifiers = ['Qorgau', ...(await db.select({ username: users.username }).from(users)).map((u) => u.username)];
    const [shelter] = await db.select().from(providers).where(eq(providers.nameEn, SHELTER));
    const [manager] = await db.select().from(users).where(eq(users.username, 'shelter'));
    const [c] = await db
      .select({ caseId: cases.id, personId: cases.personId, createdBy: cases.createdBy, owner: cases.ownerAgencyId })
      .from(cases)
      .innerJoin(persons, eq(persons.id, cases.personId))
      .where(and(eq(persons.gender, 'Feminine')))
      .orderBy(asc(cases.createdAt))
      .limit(1);
    if (!shelter || !manager || !c) throw new Error('fixture: shelter, manager or case missing');
    shelterId = shelter.id;
    personId = c.personId;
    // A referral the shelter accepted (the referral workflow's own tests cover how it got there) and the access it opened.
    const [r] = await db
      .insert(referrals)
      .values({
        clientId: crypto.randomUUID(),
        reference: 'QRG-R-2026-000901',
        personId: c.personId,
        caseId: c.caseId,
        providerId: shelter.id,
        providerAgencyId: shelter.agencyId,
        regionCode: shelter.regionCode,
        services: ['shelter', 'psychological'],
        status: 'accepted',
        dueAt: new Date(),
        referredBy: c.createdBy,
        referringAgencyId: c.owner,
      })
      .returning({ id: referrals.id });
    await db.insert(caseAccess).values({
      caseId: c.caseId,
      personId: c.personId,
      agencyId: shelter.agencyId,
      referralId: r?.id as string,
      shares: [...CONSENT_SHARES],
      startsAt: new Date(),
    });
    mkdirSync(SHOTS, { recursive: true });
  }, 60_000);

  const free = async () => {
    const [p] = await qorgau.q.runtime.deps.db.select().from(providers).where(eq(providers.id, shelterId));
    return (p?.capacity ?? 0) - (p?.occupancy ?? 0);
  };

  async function check(page: Page, name: string): Promise<void> {
    await settle(page);
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.mouse.move(width - 1, 899);
      await layoutDone(page);
      expect(await page.evaluate(inPageChecks, { lang: 'kk' as const, identifiers }), `${name} @${width}`).toEqual([]);
      if (width === 1366) expect(await axeViolations(page), name).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/kk-${name}-${width}.png`, fullPage: true });
    }
  }

  it('the shelter manager opens the protection case, admits her, records a service with its cost, discharges; a full shelter shows the alternatives', async () => {
    const { q, browser } = qorgau;
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await signIn(page, q, 'shelter', { language: 'kk' });
    await page.goto(`${q.url}/persons/${personId}`);
    await page.getByTestId('person-protection').waitFor();
    // The person page as a whole is the page walk's; here, the protection panel at both widths.
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await layoutDone(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.getByTestId('person-protection').screenshot({ path: `${SHOTS}/kk-person-panel-${width}.png` });
    }
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.getByTestId('open-protection').click();
    await page.getByTestId('protection-reference').waitFor();
    expect(await page.getByTestId('protection-reference').textContent()).toMatch(/^QRG-P-\d{4}-\d{6}$/);

    const before = await free();
    await page.getByTestId('admit').click();
    await page.getByTestId('stay-row').waitFor();
    await expect.poll(free).toBe(before - 1);
    expect(await page.getByTestId('stay-bed-days').textContent()).toBe('1');

    const form = page.getByTestId('service-form');
    await form.getByTestId('service-kind').selectOption('psychological');
    await form.getByTestId('service-cost').fill('-500');
    await form.getByTestId('save-service').click();
    await expect.poll(() => form.getByText('Құны теріс болмайды.').count()).toBe(1);
    await form.getByTestId('service-cost').fill('25000');
    await form.getByTestId('save-service').click();
    await page.getByTestId('service-row').waitFor();
    expect((await page.getByTestId('services-total').textContent())?.replace(/\s/g, '')).toBe('25000₸');
    await check(page, 'case-in-shelter');

    await page.getByTestId('discharge').click();
    await page.getByTestId('admit').waitFor();
    await expect.poll(free).toBe(before);

    // Her shelter full: the admission is refused with the shelters that have a free place for her.
    await qorgau.q.runtime.deps.db.update(providers).set({ occupancy: 20, capacity: 20 }).where(eq(providers.id, shelterId));
    await page.getByTestId('admit').click();
    await page.getByTestId('shelter-full').waitFor();
    expect(await page.getByTestId('shelter-alternative').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('stay-row').count()).toBe(1);
    await check(page, 'shelter-full');

    await page.goto(`${q.url}/protection`);
    await page.getByTestId('protection-row').waitFor();
    await check(page, 'list');
  });
});
