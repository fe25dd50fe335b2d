import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningQorgau } from './support/qorgau-server.ts';
import { signIn } from './support/sign-in.ts';
import { describeInChromium, useQorgauBrowser } from './support/suite.ts';

const USERNAME = 'new.caseworker';

/** Signs in with a username and password only (an account with no second factor yet). */
async function signInWithPassword(page: Page, q: RunningQorgau, username: string, password: string): Promise<void> {
  await page.goto(q.url);
  await page.getByTestId('username').fill(username);
  await page.getByTestId('password').fill(password);
  await page.getByTestId('sign-in').click();
}

describeInChromium('four-eyes grants in Chromium (issue #8)', () => {
  const qorgau = useQorgauBrowser({ persons: 5 });

  it('an administrator creates a case-worker account; it cannot sign in until the national coordinator approves it on her home page', async () => {
    const { q, browser } = qorgau;
    // The administrator asks for the account.
    const admin = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await signIn(admin, q, 'admin', { language: 'en' });
    await admin.goto(`${q.url}/admin/users`);
    await admin.getByTestId('new-user').click();
    await admin.getByTestId('user-username').fill(USERNAME);
    await admin.getByTestId('user-displayName').fill('Жұлдыз Серікқызы');
    await admin.getByTestId('user-role').selectOption('case_worker');
    // The English page names the agency in English (issue #9).
    const agency = await admin.locator('[data-testid="user-agency"] option', { hasText: 'Sana Sezim Public Foundation' }).getAttribute('value');
    await admin.getByTestId('user-agency').selectOption(agency as string);
    await admin.locator('input[type="checkbox"][value="KZ-75"]').check();
    await admin.getByTestId('user-submit').click();
    const password = ((await admin.getByTestId('temporary-password').textContent()) ?? '').trim();
    expect(password.length).toBeGreaterThan(11);
    await admin.getByTestId('temporary-password-done').click();
    // The users page shows the account awaiting approval, and the administrator may not approve it herself.
    await admin.getByTestId('awaiting-approval').first().waitFor();
    const ownRow = admin.locator(`[data-testid="grant-row"][data-username="${USERNAME}"]`);
    await ownRow.waitFor();
    expect(await ownRow.getByTestId('grant-approve').count()).toBe(0);

    // The new account cannot sign in: the same answer as a wrong password.
    const newcomer = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await signInWithPassword(newcomer, q, USERNAME, password);
    await newcomer.getByRole('alert').first().waitFor();
    const refusal = await newcomer.getByRole('alert').first().textContent();
    await signInWithPassword(newcomer, q, USERNAME, 'Wrong-Password-12345');
    await newcomer.getByRole('alert').first().waitFor();
    expect(await newcomer.getByRole('alert').first().textContent()).toBe(refusal);
    expect(await newcomer.getByTestId('sign-out').count()).toBe(0);

    // The national coordinator approves it from her home page.
    const coordinator = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await signIn(coordinator, q, 'coordinator', { language: 'en' });
    const row = coordinator.locator(`[data-testid="grants-panel"] [data-testid="grant-row"][data-username="${USERNAME}"]`).first();
    await row.getByTestId('grant-approve').click();
    await coordinator.getByTestId('confirm').click();
    await expect.poll(() => row.getByTestId('grant-status').textContent()).toBe('Approved');

    // Now the account signs in (and goes on to set up its second factor).
    await signInWithPassword(newcomer, q, USERNAME, password);
    await newcomer.getByTestId('totp-secret').waitFor();
    expect(await newcomer.getByTestId('sign-out').count()).toBe(1);
  }, 120_000);
});
