/**
 * Issue #12 as its users meet it, in Kazakh: two women who share only a common name are shown
 * to the officer at the duplicate check but never linked by themselves; the national count
 * keeps them as two persons; the pair waits in the review queue marked "needs review", with
 * the new contact and place fields among the reasons; and the bulk run, once finished, shows
 * the sizes of the clusters it formed without joining the pair. With QORGAU_SHOTS_DIR set, the
 * review page and the finished run panel are photographed at 1366 and 390 px.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { layoutDone, settle } from './support/page-checks.ts';
import type { RunningQorgau } from './support/qorgau-server.ts';
import { signIn } from './support/sign-in.ts';
import { describeInChromium, useQorgauBrowser } from './support/suite.ts';

const shotsDir = process.env.QORGAU_SHOTS_DIR;

/** A Kazakh string of the app, by dotted key, so assertions follow the translation rather than copy it. */
const kkStrings: unknown = JSON.parse(readFileSync(new URL('../i18n/kk.json', import.meta.url), 'utf8'));
function kk(key: string, vars: Record<string, string | number> = {}): string {
  let node = kkStrings;
  for (const part of key.split('.')) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  if (typeof node !== 'string') throw new Error(`no Kazakh string ${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? `{{${name}}}`));
}

/** The page, and a close-up of `detail`, at both widths, when a reviewer asked for screenshots. */
async function shoot(page: Page, name: string, detail: Locator): Promise<void> {
  if (!shotsDir) return;
  mkdirSync(shotsDir, { recursive: true });
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    // From the top: a full-page shot of a scrolled page draws the fixed header over its middle.
    await page.evaluate(() => window.scrollTo(0, 0));
    await layoutDone(page);
    await page.screenshot({ path: join(shotsDir, `${name}-${width}.png`), fullPage: true });
    await detail.screenshot({ path: join(shotsDir, `${name}-${width}-detail.png`) });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

async function personCount(page: Page, q: RunningQorgau): Promise<{ persons: number; records: number }> {
  await page.goto(q.url);
  await page.getByTestId('count-persons').waitFor();
  const read = async (id: string) => Number(await page.getByTestId(id).textContent());
  return { persons: await read('count-persons'), records: await read('count-records') };
}

// A common Kazakh name, entered twice without birth date, document or phone.
const NAME = { secondName: 'Ахметова', firstName: 'Гүлнар' };

describeInChromium('a shared name alone links nothing: coherent linkage in Chromium (issue #12)', () => {
  const env = useQorgauBrowser({ persons: 20 });

  it('an officer records two women of the same name and no birth date; they stay two persons, wait for review, and the bulk run reports its cluster sizes', async () => {
    const { q, browser } = env;
    const coordinator = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    const officer = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await Promise.all([signIn(coordinator, q, 'coordinator', { language: 'kk' }), signIn(officer, q, 'identification', { language: 'kk' })]);
    const before = await personCount(coordinator, q);

    const record = async (): Promise<string> => {
      await officer.goto(`${q.url}/persons/new`);
      await officer.getByTestId('person-secondName').fill(NAME.secondName);
      await officer.getByTestId('person-firstName').fill(NAME.firstName);
      await officer.getByTestId('person-gender').selectOption('Feminine');
      await officer.getByTestId('person-region').selectOption('KZ-75');
      await officer.getByTestId('person-submit').click();
      await officer.waitForURL(/\/persons\/[0-9a-f-]{36}$/);
      return officer.url().split('/').pop() as string;
    };
    const first = await record();

    // The second: her duplicate check shows the first woman (same given and family name, her own
    // scope) as "needs review", never "same person"; a shared name never makes the two one person.
    const second = await (async () => {
      await officer.goto(`${q.url}/persons/new`);
      await officer.getByTestId('person-secondName').fill(NAME.secondName);
      await officer.getByTestId('person-firstName').fill(NAME.firstName);
      await officer.getByTestId('person-middleName').focus(); // focus leaves the names: the check runs
      const candidate = officer.getByTestId('person-match').filter({ has: officer.locator(`a[href="/persons/${first}"]`) });
      await candidate.waitFor();
      const badge = await candidate.getByTestId('person-match-probability').textContent();
      expect(badge).toContain(kk('linkage.modelDecision.review'));
      expect(badge).not.toContain(kk('linkage.modelDecision.same'));
      await officer.getByTestId('person-gender').selectOption('Feminine');
      await officer.getByTestId('person-region').selectOption('KZ-75');
      await officer.getByTestId('person-submit').click();
      await officer.waitForURL(/\/persons\/[0-9a-f-]{36}$/);
      return officer.url().split('/').pop() as string;
    })();

    // Not linked: her record has no other record of hers, and the national count grows by two.
    const linksOf = async (id: string) => (await officer.request.get(`${q.url}/api/v1/persons/${id}/links`)).json();
    expect(await linksOf(second)).toEqual({ linked: [] });
    expect(await personCount(coordinator, q)).toEqual({ persons: before.persons + 2, records: before.records + 2 });

    // The pair waits in the officer's review queue, marked for review.
    await officer.goto(`${q.url}/linkage/reviews`);
    const rows = officer.getByTestId('link-proposal-row').filter({ hasText: `${NAME.secondName} ${NAME.firstName}` });
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.getByTestId('link-model-decision').textContent()).toContain(kk('linkage.modelDecision.review'));
    expect(await rows.getByTestId('link-model-decision').textContent()).not.toContain(kk('linkage.modelDecision.same'));
    await rows.click();
    const side = officer.getByTestId('link-side-by-side');
    await side.waitFor();
    for (const id of [first, second]) expect(await side.locator(`a[href="/persons/${id}"]`).count()).toBe(1);
    // The reasons: the names agree, nothing else is there to agree, the new fields are among them.
    const reason = (field: string) => officer.getByTestId('link-reasons').locator('tbody tr', { hasText: kk(`linkage.field.${field}`) });
    expect(await reason('family').textContent()).toContain(kk('linkage.level.exact'));
    for (const field of ['birthDate', 'document', 'contact', 'place']) expect(await reason(field).textContent()).toContain(kk('linkage.level.missing'));
    await settle(officer);
    await shoot(officer, 'link-review', officer.getByTestId('link-reasons'));

    // The coordinator links all records; when the run has finished, its panel shows the cluster sizes.
    await coordinator.goto(q.url);
    await coordinator.getByTestId('linkage-run-start').click();
    await expect.poll(() => coordinator.getByTestId('linkage-run-status').textContent(), { timeout: 45_000 }).toContain(kk('linkage.run.status.done'));
    const current = (await (await coordinator.request.get(`${q.url}/api/v1/linkage/runs/current`)).json()) as {
      run: { clusterSizes: { largest: number; counts: Record<string, number> } | null };
    };
    const sizes = current.run.clusterSizes;
    if (!sizes) throw new Error('a finished run reports its cluster sizes');
    // The seeded register holds repeat sightings (seed 11): some person is recorded more than once.
    expect(sizes.largest).toBeGreaterThanOrEqual(2);
    const clusters = coordinator.getByTestId('linkage-run-clusters');
    expect(await clusters.textContent()).toContain(kk('linkage.run.clusters', { largest: sizes.largest }));
    expect(await clusters.textContent()).toContain(kk('linkage.run.clusterBucket', { size: '2', n: sizes.counts['2'] ?? 0 }));
    await settle(coordinator);
    await shoot(coordinator, 'linkage-run', coordinator.getByTestId('linkage-run'));

    // The run, too, left the two women apart.
    expect(await linksOf(second)).toEqual({ linked: [] });
    expect(await linksOf(first)).toEqual({ linked: [] });
  });
});
