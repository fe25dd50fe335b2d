/** Signing in to a running server with a demo account (password + TOTP, as a person would). */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Secret, TOTP } from 'otpauth';

export interface DemoAccount {
  username: string;
  role: string;
  totpSecret: string;
}

/** `<data dir>/demo-credentials.json`, written by seedOrganisations (first `start` or `seed`). */
export function demoAccount(dataDir: string, username: string): { password: string; account: DemoAccount } {
  const file = join(dataDir, 'demo-credentials.json');
  const creds = JSON.parse(readFileSync(file, 'utf8')) as { password: string; accounts: DemoAccount[] };
  const account = creds.accounts.find((a) => a.username === username);
  if (!account) throw new Error(`no demo account ${username} in ${file}`);
  return { password: creds.password, account };
}

export const totpNow = (secret: string): string => new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate();

export interface SignedIn {
  /** `qorgau_session=<token>`, for a Cookie header. */
  cookie: string;
  /** sha256 hex of the token: the sessions.token_hash primary key. */
  tokenHash: string;
  csrfToken: string;
}

/** A TOTP code works once per 30 s step, so sign in once and reuse the session. */
export async function signIn(baseUrl: string, username: string, password: string, totpSecret: string): Promise<SignedIn> {
  const res = await fetch(`${baseUrl}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password, code: totpNow(totpSecret) }),
  });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`sign-in as ${username} failed: HTTP ${res.status} ${body.slice(0, 300)}`);
  const token = res.headers
    .getSetCookie()
    .map((c) => /^qorgau_session=([^;]+)/.exec(c)?.[1])
    .find(Boolean);
  if (!token) throw new Error('sign-in answered 200 without a qorgau_session cookie');
  const csrfToken = (JSON.parse(body) as { csrfToken?: string }).csrfToken ?? '';
  return { cookie: `qorgau_session=${token}`, tokenHash: createHash('sha256').update(token).digest('hex'), csrfToken };
}
