import { mkdirSync } from 'node:fs';
import { kazakhstanDate } from '@qorgau/core';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { fieldContext } from '../apps/server/src/crypto/field-cipher.ts';
import { cases, criminalCases, entitlements, persons, proceedingVictims, users } from '../apps/server/src/db/schema.ts';
import { layoutDone, settle } from './support/page-checks.ts';
import { signIn } from './support/sign-in.ts';
import { describeInChromium, useQorgauBrowser } from './support/suite.ts';

const SHOTS = process.env.PROCEEDINGS_SHOTS ?? '/tmp/shots-proceedings';

/**
 * Victims in proceedings in Chromium (issue #11 items 2 and 3): the demo prosecutor links two
 * victims to an Art. 128 case before the court through the form (one a foreign national formally
 * identified, with a reflection period); the foreign victim's period is shown extended until the
 * proceedings are final; the court clerk records the verdict and the final judgement; the
 * extension ends (the period ends on the later of that day and its six months).
 */
describeInChromium('victims in proceedings in Chromium (issue #11)', () => {
  const qorgau = useQorgauBrowser({ demo: true });
  let caseId: string;
  const victims: { personId: string; surname: string; baseEnd: string | null }[] = [];

  beforeAll(async () => {
    const { db, cipher, now } = qorgau.q.runtime.deps;
    const [prosecutor] = await db.select().from(users).where(eq(users.username, 'prosecutor'));
    if (!prosecutor) throw new Error('fixture: the demo prosecutor');
    // Two persons of Almaty identified as victims, in no criminal case yet: a foreign national whose
    // reflection period runs (six months from identification), and a citizen.
    const candidates = (foreign: boolean) =>
      db
        .select({ person: persons, endsOn: entitlements.endsOn })
        .from(persons)
        .innerJoin(entitlements, and(eq(entitlements.personId, persons.id), eq(entitlements.kind, foreign ? 'reflection_period' : 'legal')))
        .where(
          and(
            foreign ? sql`${persons.citizenship} <> 'KZ'` : eq(persons.citizenship, 'KZ'),
            foreign ? isNotNull(entitlements.endsOn) : sql`true`,
            sql`${entitlements.state} IN ('active', 'lapsing')`,
            sql`EXISTS (SELECT 1 FROM ${cases} c WHERE c.person_id = ${persons.id} AND c.region_code = 'KZ-75')`,
            sql`NOT EXISTS (SELECT 1 FROM ${proceedingVictims} pv WHERE pv.person_id = ${persons.id})`,
          ),
        )
        .limit(1);
    const [foreign] = await candidates(true);
    const [citizen] = await candidates(false);
    if (!foreign || !citizen) throw new Error('fixture: identified victims in Almaty');
    for (const r of [foreign, citizen]) {
      victims.push({
        personId: r.person.id,
        surname: cipher.decrypt(r.person.secondNameEnc, fieldContext('persons', 'second_name', r.person.id)),
        baseEnd: r.person.citizenship === 'KZ' ? null : r.endsOn,
      });
    }
    const day = (n: number) => kazakhstanDate(new Date(now().getTime() + n * 86_400_000));
    const [row] = await db
      .insert(criminalCases)
      .values({
        clientId: crypto.randomUUID(),
        erdrNumber: '262750031000911',
        articles: ['128'],
        articlesVersion: '2014.1',
        exploitationTypes: ['SexualExploitation'],
        regionCode: 'KZ-75',
        ownerAgencyId: prosecutor.agencyId,
        createdBy: prosecutor.id,
        prosecutorId: prosecutor.id,
        stage: 'sent_to_court',
        stageOn: day(-5),
        registeredOn: day(-60),
      })
      .returning({ id: criminalCases.id });
    caseId = row?.id as string;
    mkdirSync(SHOTS, { recursive: true });
  }, 60_000);

  async function fits(page: Page, name: string): Promise<void> {
    await settle(page);
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await layoutDone(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} @${width}`).toBeLessThanOrEqual(width);
      await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1366, height: 900 });
  }

  const reflectionOf = async (personId: string) => {
    const [r] = await qorgau.q.runtime.deps.db
      .select({ endsOn: entitlements.endsOn })
      .from(entitlements)
      .where(and(eq(entitlements.personId, personId), eq(entitlements.kind, 'reflection_period')));
    return r?.endsOn ?? null;
  };

  it('links two victims; the foreign victim`s reflection period extends, and ends with the final judgement', async () => {
    const { q, browser } = qorgau;
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await signIn(page, q, 'prosecutor', { language: 'en' });
    await page.goto(`${q.url}/criminal-cases/${caseId}`);
    await page.getByTestId('victims-empty').waitFor();

    for (const v of victims) {
      await page.getByTestId('victim-link').click();
      await page.getByTestId('victim-person-search').fill(v.surname);
      await page.locator(`[data-testid="victim-person"] option[value="${v.personId}"]`).waitFor({ state: 'attached' });
      await page.getByTestId('victim-person').selectOption(v.personId);
      await page.getByTestId('victim-link-submit').click();
      await page.getByTestId('victim-link-form').waitFor({ state: 'detached' });
    }
    await expect.poll(() => page.getByTestId('victim-row').count()).toBe(2);
    const foreignRow = page.getByTestId('victim-row').filter({ has: page.getByTestId('victim-foreign') });
    expect(await foreignRow.count()).toBe(1);
    expect(await foreignRow.getByTestId('victim-reflection').textContent()).toBe('Extended until the proceedings are final');
    expect(await reflectionOf(victims[0]?.personId as string)).toBeNull();
    await fits(page, 'victims-linked');

    // The interview form warns once her testimony is on video.
    const details = page.getByTestId('victim-details').first();
    await details.getByTestId('victim-interview').click();
    expect(await page.getByTestId('repeat-interview-warning').count()).toBe(0);
    await page.getByTestId('interview-video').check();
    await page.getByTestId('interview-submit').click();
    await page.getByTestId('interview-form').waitFor({ state: 'detached' });
    await details.getByTestId('victim-interview').click();
    await page.getByTestId('repeat-interview-warning').waitFor();
    await fits(page, 'repeat-warning');

    // The court clerk records the verdict and the final judgement today.
    const clerk = await (await browser.newContext({ viewport: { width: 390, height: 900 } })).newPage();
    await signIn(clerk, q, 'clerk', { language: 'en' });
    await clerk.goto(`${q.url}/criminal-cases/${caseId}`);
    for (const [to, label] of [
      ['first_instance_verdict', 'First-instance verdict'],
      ['final', 'Final judgement'],
    ] as const) {
      await clerk.getByTestId('stage-to').selectOption(to);
      await clerk.getByTestId('stage-submit').click();
      await expect.poll(() => clerk.getByTestId('criminal-case-stage').textContent()).toBe(label);
    }

    // The extension ends: on the later of the final judgement and her six months.
    const today = kazakhstanDate(q.runtime.deps.now());
    const base = victims[0]?.baseEnd as string;
    const expected = [base, today].sort().at(-1);
    await expect.poll(() => reflectionOf(victims[0]?.personId as string)).toBe(expected);
    await page.reload();
    await page.getByTestId('victim-row').first().waitFor();
    const text = (await foreignRow.getByTestId('victim-reflection').textContent()) ?? '';
    expect(text.startsWith('Ends ')).toBe(true);
    expect(text).toContain((expected ?? '').slice(0, 4));
    await fits(page, 'victims-final');
  }, 300_000);
});
