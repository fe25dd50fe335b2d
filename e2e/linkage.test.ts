import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchChromium } from './support/browser.ts';
import { startQorgau, type RunningQorgau } from './support/qorgau-server.ts';
import { signIn } from './support/sign-in.ts';

interface Entry {
  secondName: string;
  firstName: string;
  middleName: string;
  birthdate: string;
}

/** Fills the person form as an officer on a phone would, and returns the new record's id. */
async function recordPerson(page: Page, q: RunningQorgau, p: Entry): Promise<string> {
  await page.goto(`${q.url}/persons/new`);
  await page.getByTestId('person-secondName').fill(p.secondName);
  await page.getByTestId('person-firstName').fill(p.firstName);
  await page.getByTestId('person-middleName').fill(p.middleName);
  await page.getByTestId('person-birthdate').fill(p.birthdate);
  await page.getByTestId('person-gender').selectOption('Feminine');
  await page.getByTestId('person-citizenship').selectOption('KZ');
  await page.getByTestId('person-region').selectOption('KZ-75');
  await page.getByTestId('person-submit').click();
  await page.waitForURL(/\/persons\/[0-9a-f-]{36}$/);
  return page.url().split('/').pop() as string;
}

async function personCount(page: Page, q: RunningQorgau): Promise<{ persons: number; records: number }> {
  await page.goto(q.url);
  const read = async (id: string) => Number(await page.getByTestId(id).textContent());
  await page.getByTestId('count-persons').waitFor();
  return { persons: await read('count-persons'), records: await read('count-records') };
}

describe.skipIf(!browserAvailable())('one person, two spellings: linkage journey in Chromium (issue #4)', () => {
  let q: RunningQorgau;
  let browser: Browser;
  // One signed-in coordinator for both journeys: a TOTP code is accepted once only.
  let coordinator: Page;
  beforeAll(async () => {
    [q, browser] = await Promise.all([startQorgau({ persons: 20 }), launchChromium()]);
    coordinator = await (await browser.newContext()).newPage();
    await signIn(coordinator, q, 'coordinator', { language: 'en' });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await q?.stop();
  });

  it('police enter a woman in Russian, an NGO in Kazakh Latin; the pair is proposed at intake, confirmed side by side, and she is counted once', async () => {
    const before = await personCount(coordinator, q);

    const policeCtx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const police = await policeCtx.newPage();
    await signIn(police, q, 'identification', { language: 'ru' });
    const policeId = await recordPerson(police, q, { secondName: 'Сарсенова', firstName: 'Айгерим', middleName: 'Нурлановна', birthdate: '1998-03-14' });

    // The NGO worker, on a phone, sees no record of another agency (minimal disclosure) ...
    const ngoCtx = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const ngo = await ngoCtx.newPage();
    await signIn(ngo, q, 'caseworker', { language: 'kk' });
    const ngoId = await recordPerson(ngo, q, { secondName: 'Sarsenova', firstName: 'Aıgerım', middleName: 'Nurlanqyzy', birthdate: '1998-03-14' });
    // Her record is linked to the police one (counted once below), but that link is not the NGO's to see.
    const ngoLinks = await (await ngo.request.get(`${q.url}/api/v1/persons/${ngoId}/links`)).json();
    expect(ngoLinks).toEqual({ linked: [] });

    // ... but her record was proposed at intake to the region's identification officer.
    await police.goto(q.url);
    await police.getByTestId('review-links').click();
    const row = police.getByTestId('link-proposal-row').filter({ hasText: 'Aıgerım' }).filter({ hasText: 'Айгерим' });
    await row.first().click();
    const table = police.getByTestId('link-side-by-side');
    await expect.poll(() => table.textContent()).toContain('Nurlanqyzy');
    expect(await table.textContent()).toContain('Нурлановна');
    // The reasons: the birth dates agree (in Russian: «Совпадает»), with a positive weight.
    const birthRow = police.getByTestId('link-reasons').locator('tr', { hasText: 'Дата рождения' });
    expect(await birthRow.textContent()).toMatch(/Совпадает.*\+\d/);
    await police.getByTestId('link-same').click();
    await police.waitForURL(/\/linkage\/reviews$/);
    await expect.poll(() => police.getByTestId('link-proposal-row').filter({ hasText: 'Aıgerım' }).count()).toBe(0);

    // Her police record now lists the NGO's record as the same person.
    await police.goto(`${q.url}/persons/${policeId}`);
    await expect.poll(() => police.getByTestId('linked-records').textContent()).toContain('Sarsenova Aıgerım');
    expect(await police.getByTestId('linked-records').locator(`a[href="/persons/${ngoId}"]`).count()).toBe(1);

    // Two records, one person in the national count.
    await expect.poll(() => personCount(coordinator, q)).toEqual({ persons: before.persons + 1, records: before.records + 2 });
    await Promise.all([policeCtx.close(), ngoCtx.close()]);
  });

  it('the national coordinator links all records and follows the run to its end; repeat sightings in the register count once', async () => {
    const before = await personCount(coordinator, q);
    await coordinator.getByTestId('linkage-run-start').click();
    await expect.poll(() => coordinator.getByTestId('linkage-run-status').textContent(), { timeout: 60_000 }).toContain('Finished');
    // The seeded register (seed 11) holds repeat sightings no intake check saw: the run links them.
    await expect.poll(async () => (await personCount(coordinator, q)).persons < before.persons).toBe(true);
    const after = await personCount(coordinator, q);
    expect(after.records).toBe(before.records);
  });
});
