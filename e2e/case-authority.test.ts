import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { caseActions, cases, persons, users } from '../apps/server/src/db/schema.ts';
import { encryptPerson } from '../apps/server/src/modules/persons/persons.service.ts';
import { browserAvailable, launchChromium } from './support/browser.ts';
import { startQorgau, type RunningQorgau } from './support/qorgau-server.ts';
import { signIn } from './support/sign-in.ts';

/** Screenshots for a person to look at, never committed. */
const SHOTS = process.env.QORGAU_E2E_SHOTS ?? '/tmp';

describe.skipIf(!browserAvailable())('authority per case action in Chromium (issue #8)', () => {
  let q: RunningQorgau;
  let browser: Browser;
  beforeAll(async () => {
    [q, browser] = await Promise.all([startQorgau({ persons: 10 }), launchChromium()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await q?.stop();
  });

  /** A case held by the agency of `username`, opened by that user, in Almaty (KZ-75). */
  async function caseHeldBy(username: string, secondName: string): Promise<string> {
    const db = q.runtime.deps.db;
    const [u] = await db.select().from(users).where(eq(users.username, username));
    if (!u) throw new Error(`no demo user ${username}`);
    const person = encryptPerson(
      q.runtime.deps.cipher,
      { clientId: randomUUID(), firstName: 'Айгерім', secondName, gender: 'Feminine', citizenship: 'KZ', regionCode: 'KZ-75' },
      { createdBy: u.id, ownerAgencyId: u.agencyId },
    );
    await db.insert(persons).values(person);
    const id = randomUUID();
    await db.insert(cases).values({
      id,
      clientId: randomUUID(),
      reference: `QRG-E2E-${id.slice(0, 6)}`,
      personId: person.id as string,
      regionCode: 'KZ-75',
      exploitationTypes: ['ForcedLabour'],
      status: 'open',
      traffickingStatus: 'PossibleVictimOfTrafficking',
      createdBy: u.id,
      ownerAgencyId: u.agencyId,
    });
    await db.insert(caseActions).values({ clientId: randomUUID(), caseId: id, seq: 1, type: 'opened', details: {}, actorId: u.id, agencyId: u.agencyId });
    return id;
  }

  const offered = async (page: Page): Promise<string[]> => {
    const select = page.getByTestId('case-action-type');
    if ((await select.count()) === 0) return [];
    return select.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
  };

  it('a case worker is not offered identification decisions; the identification officer of the holding unit is, decides, and the history shows the derived organisation', async () => {
    const ngoCase = await caseHeldBy('caseworker', 'Нұрғалиева');
    const unitCase = await caseHeldBy('identification', 'Жұмабаева');

    const workerCtx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const worker = await workerCtx.newPage();
    await signIn(worker, q, 'caseworker', { language: 'kk' });
    await worker.goto(`${q.url}/cases/${ngoCase}`);
    await worker.getByTestId('case-action-type').waitFor();
    const workerOffers = await offered(worker);
    expect(workerOffers).toContain('note_added');
    expect(workerOffers).toContain('referred');
    for (const type of ['identification_decided', 'identification_reviewed', 'non_punishment_reviewed', 'deportation_hold_lifted'])
      expect(workerOffers).not.toContain(type);
    await workerCtx.close();

    const officerCtx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const officer = await officerCtx.newPage();
    await signIn(officer, q, 'identification', { language: 'kk' });
    // The NGO's case is in the officer's region: she may annotate it but it is not her unit's to decide.
    await officer.goto(`${q.url}/cases/${ngoCase}`);
    await officer.getByTestId('case-action-type').waitFor();
    expect(await offered(officer)).not.toContain('identification_decided');
    // Her unit's case: the decision is offered, the organisation is shown, not asked for.
    await officer.goto(`${q.url}/cases/${unitCase}`);
    await officer.getByTestId('case-action-type').waitFor();
    expect(await offered(officer)).toContain('identification_decided');
    await officer.getByTestId('case-action-type').selectOption('identification_decided');
    // Nothing to choose: the organisation is text, not a select or input the officer could change.
    expect(await officer.getByTestId('case-action-decided-by').locator('select, input').count()).toBe(0);
    await expect.poll(() => officer.getByTestId('case-action-decided-by').textContent()).toContain('Полиция');
    await officer.getByTestId('case-action-outcome').selectOption('ActualVictimOfTrafficking');
    await officer.getByTestId('case-action-text').fill('Сұхбат пен бағалау: құжаттары ұсталған, жалақы төленбеген');
    await officer.screenshot({ path: `${SHOTS}/qorgau-case-authority-form-1366.png`, fullPage: true });
    await officer.getByTestId('case-action-submit').click();
    // The history shows the decision with the organisation derived from her agency (police).
    const decided = officer.getByTestId('case-action').filter({ hasText: 'Шешім қабылдаған: Полиция' });
    await expect.poll(() => decided.count(), { timeout: 15_000 }).toBe(1);
    const kase = await (await officer.request.get(`${q.url}/api/v1/cases/${unitCase}`)).json();
    expect(kase.traffickingStatus).toBe('ActualVictimOfTrafficking');
    expect(kase.actions.at(-1).details.decidedBy).toBe('Police');

    // The case page in Kazakh, wide and narrow, for a person to look at.
    await officer.screenshot({ path: `${SHOTS}/qorgau-case-authority-1366.png`, fullPage: true });
    await officer.setViewportSize({ width: 390, height: 844 });
    await officer.reload();
    await officer.getByTestId('case-reference').waitFor();
    await officer.getByTestId('case-action').first().waitFor();
    await officer.screenshot({ path: `${SHOTS}/qorgau-case-authority-390.png`, fullPage: true });
    await officerCtx.close();
  });
});
