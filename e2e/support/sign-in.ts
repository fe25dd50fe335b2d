import type { Page } from 'playwright-core';
import { currentTotp } from '../../apps/server/src/auth/totp.ts';
import type { RunningQorgau } from './qorgau-server.ts';

export function demoAccount(q: RunningQorgau, username: string) {
  const a = q.credentials.accounts.find((x) => x.username === username);
  if (!a) throw new Error(`no demo account ${username}`);
  return a;
}

const TOTP_STEP_MS = 30_000;
/** The last TOTP time step used per account in this test process. */
const lastStepOf = new Map<string, number>();

/**
 * The server accepts a TOTP code once (replay protection): a second sign-in of the same account
 * within the same 30-second step would be refused, so it waits for the next step.
 */
async function freshTotpStep(username: string): Promise<number> {
  const last = lastStepOf.get(username);
  let now = Date.now();
  if (last !== undefined && Math.floor(now / TOTP_STEP_MS) <= last) {
    await new Promise((r) => setTimeout(r, (last + 1) * TOTP_STEP_MS - now + 50));
    now = Date.now();
  }
  lastStepOf.set(username, Math.floor(now / TOTP_STEP_MS));
  return now;
}

/** Signs a demo account in through the UI: password, then the TOTP code step. */
export async function signIn(page: Page, q: RunningQorgau, username: string, opts: { language?: 'kk' | 'ru' | 'en' } = {}): Promise<void> {
  const account = demoAccount(q, username);
  await page.goto(q.url);
  if (opts.language) await page.getByTestId('language-switch').selectOption(opts.language);
  await page.getByTestId('username').fill(username);
  await page.getByTestId('password').fill(q.credentials.password);
  await page.getByTestId('sign-in').click();
  await page.getByTestId('totp-code').fill(currentTotp(account.totpSecret, username, await freshTotpStep(username)));
  await page.getByTestId('sign-in').click();
  await page.getByTestId('sign-out').waitFor();
}
