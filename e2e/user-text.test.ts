import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { caseActions, cases, persons, users } from '../apps/server/src/db/schema.ts';
import { encryptPerson } from '../apps/server/src/modules/persons/persons.service.ts';
import { signIn } from './support/sign-in.ts';
import { describeInChromium, useQorgauBrowser } from './support/suite.ts';

const RLO = '\u202E';

describeInChromium('typed text cannot fool the reader, in Chromium (issue #8)', () => {
  const qorgau = useQorgauBrowser({ persons: 5 });

  it('a name and a note holding a right-to-left override are each shown inside an isolating element', async () => {
    const { q, browser } = qorgau;
    // A record from before names refused bidi controls (the API refuses them now): written directly.
    const db = q.runtime.deps.db;
    const [u] = await db.select().from(users).where(eq(users.username, 'caseworker'));
    if (!u) throw new Error('no demo user caseworker');
    const person = encryptPerson(
      q.runtime.deps.cipher,
      { clientId: randomUUID(), firstName: 'Айгерім', secondName: `Ақмарал${RLO}вонеке`, gender: 'Feminine', citizenship: 'KZ', regionCode: 'KZ-75' },
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
      exploitationTypes: [],
      status: 'open',
      traffickingStatus: 'PossibleVictimOfTrafficking',
      createdBy: u.id,
      ownerAgencyId: u.agencyId,
    });
    await db.insert(caseActions).values({ clientId: randomUUID(), caseId: id, seq: 1, type: 'opened', details: {}, actorId: u.id, agencyId: u.agencyId });

    const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await ctx.newPage();
    await signIn(page, q, 'caseworker', { language: 'kk' });
    await page.goto(`${q.url}/cases/${id}`);
    // A note typed now may hold the override: notes are free text, shown isolated.
    await page.getByTestId('case-action-type').selectOption('note_added');
    await page.getByTestId('case-action-text').fill(`Келісім ${RLO}ықшам 2026-01-05`);
    await page.getByTestId('case-action-submit').click();
    await page.locator('bdi[data-testid="case-action-shown-text"]').waitFor();

    const places = await page.evaluate((rlo) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const found: { text: string; isolated: boolean }[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.textContent?.includes(rlo)) continue;
        const el = n.parentElement;
        found.push({ text: n.textContent, isolated: !!el?.closest('bdi, [dir="auto"]') });
      }
      return found;
    }, RLO);
    expect(places.filter((p) => p.text.includes('Ақмарал')).length).toBeGreaterThanOrEqual(1);
    expect(places.filter((p) => p.text.includes('Келісім')).length).toBe(1);
    expect(
      places.every((p) => p.isolated),
      JSON.stringify(places),
    ).toBe(true);
    await ctx.close();
  });

  it("the account's owner is told of failed sign-ins at her next sign-in, once", async () => {
    const { q, browser } = qorgau;
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${q.url}/api/v1/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'analyst', password: `wrong-Password-${i}` }),
      });
      expect(res.status).toBe(401);
    }
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await ctx.newPage();
    await signIn(page, q, 'analyst', { language: 'en' });
    const notice = page.getByTestId('sign-in-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Failed sign-in attempts since your last sign-in: 2.');
    await notice.getByRole('button').click();
    await notice.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByTestId('sign-out').waitFor();
    expect(await page.getByTestId('sign-in-notice').count()).toBe(0);
    await ctx.close();
  });
});
