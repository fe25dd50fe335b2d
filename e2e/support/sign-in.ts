import type { Page } from 'playwright-core';
import { currentTotp } from '../../apps/server/src/auth/totp.ts';
import type { RunningQorgau } from './qorgau-server.ts';

export function demoAccount(q: RunningQorgau, username: string) {
  const a = q.credentials.accounts.find((x) => x.username === username);
  if (!a) throw new Error(`no demo account ${username}`);
  return a;
}

/** Signs a demo account in through the UI: password, then the TOTP code step. */
export async function signIn(page: Page, q: RunningQorgau, username: string, opts: { language?: 'kk' | 'ru' | 'en' } = {}): Promise<void> {
  const account = demoAccount(q, username);
  await page.goto(q.url);
  if (opts.language) await page.getByTestId('language-switch').selectOption(opts.language);
  await page.getByTestId('username').fill(username);
  await page.getByTestId('password').fill(q.credentials.password);
  await page.getByTestId('sign-in').click();
  await page.getByTestId('totp-code').fill(currentTotp(account.totpSecret, username));
  await page.getByTestId('sign-in').click();
  await page.getByTestId('sign-out').waitFor();
}
