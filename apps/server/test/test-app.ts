import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { LocalizedName, Role } from '@qorgau/core';
import type { AppDeps } from '../src/app-deps.ts';
import { buildApp } from '../src/app.ts';
import { currentTotp, newTotpSecret } from '../src/auth/totp.ts';
import { loadConfig, type Config } from '../src/config.ts';
import { openKeyring } from '../src/crypto/key-setup.ts';
import { hashPassword } from '../src/auth/passwords.ts';
import { agencies, users } from '../src/db/schema.ts';
import { createTranslator } from '../src/http/i18n.ts';
import { createReferenceStore } from '../src/reference/reference-store.ts';
import { loadScreeningReference, loadWorkingCalendar } from '../src/reference/screening-reference.ts';
import { createTestDatabase, type DbKind, type TestDatabase } from './test-db.ts';

export const TEST_PASSWORD = 'Correct-Horse-Battery-9';

export interface TestUser {
  id: string;
  username: string;
  role: Role;
  agencyId: string;
  totpSecret: string;
}

export interface Session {
  user: TestUser;
  cookie: string;
  csrf: string;
  /** Injects a request with this session's cookie and CSRF token. */
  inject(opts: InjectOptions): Promise<LightMyRequestResponse>;
}

export interface TestApp {
  app: FastifyInstance;
  deps: AppDeps;
  db: TestDatabase;
  config: Config;
  /** A string name is used in all three languages. */
  createAgency(input?: { type?: string; regionCode?: string | null; name?: string | LocalizedName }): Promise<string>;
  createUser(input: { role: Role; agencyId?: string; regions?: string[] | 'national'; totp?: boolean; mustChangePassword?: boolean }): Promise<TestUser>;
  signIn(user: TestUser): Promise<Session>;
  /** A new user of `role` (own agency unless given), signed in. */
  as(role: Role, input?: { agencyId?: string; regions?: string[] | 'national' }): Promise<Session>;
  close(): Promise<void>;
}

export async function createTestApp(kind: DbKind, opts: { logStream?: NodeJS.WritableStream; env?: NodeJS.ProcessEnv } = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'qorgau-test-'));
  const config = loadConfig({
    QORGAU_DATA_DIR: dir,
    QORGAU_SEED: 'none',
    QORGAU_SIGNIN_RATE_PER_MINUTE: '100000',
    LOG_LEVEL: opts.logStream ? 'info' : (process.env.QORGAU_TEST_LOG ?? 'silent'),
    // Tests that capture the log read its JSON lines.
    LOG_FORMAT: opts.logStream ? 'json' : 'text',
    ...opts.env,
  });
  const db = await createTestDatabase(kind);
  const { cipher } = await openKeyring(db.database.db, config.keyFile, { allowCreate: true });
  await db.database.useAppRole();
  const deps: AppDeps = {
    db: db.database.db,
    cipher,
    config,
    translator: await createTranslator(),
    reference: createReferenceStore(db.database.db, loadScreeningReference()),
    calendar: loadWorkingCalendar(),
    now: () => new Date(),
  };
  const app = await buildApp(deps, { logStream: opts.logStream });
  const passwordHash = await hashPassword(TEST_PASSWORD);
  let n = 0;

  const createAgency: TestApp['createAgency'] = async (input = {}) => {
    const id = randomUUID();
    const name = input.name ?? `Agency ${++n}`;
    const names = typeof name === 'string' ? { nameKk: name, nameRu: name, nameEn: name } : { nameKk: name.kk, nameRu: name.ru, nameEn: name.en };
    await deps.db.insert(agencies).values({ id, ...names, type: input.type ?? 'ngo', regionCode: input.regionCode === undefined ? 'KZ-75' : input.regionCode });
    return id;
  };

  const createUser: TestApp['createUser'] = async (input) => {
    const id = randomUUID();
    const agencyId = input.agencyId ?? (await createAgency());
    const totpSecret = newTotpSecret();
    const username = `u${++n}-${id.slice(0, 6)}`;
    const regions = input.regions ?? ['KZ-75'];
    await deps.db.insert(users).values({
      id,
      username,
      displayName: `User ${n}`,
      role: input.role,
      agencyId,
      national: regions === 'national',
      regions: regions === 'national' ? [] : regions,
      passwordHash,
      mustChangePassword: input.mustChangePassword ?? false,
      totpEnabled: input.totp ?? true,
      totpSecretEnc: input.totp === false ? null : cipher.encrypt(totpSecret, `users.totp_secret:${id}`),
    });
    return { id, username, role: input.role, agencyId, totpSecret };
  };

  const signIn: TestApp['signIn'] = async (user) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { username: user.username, password: TEST_PASSWORD, code: currentTotp(user.totpSecret, user.username) },
    });
    if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'qorgau_session');
    if (!cookie) throw new Error('no session cookie');
    const csrf = (res.json() as { csrfToken: string }).csrfToken;
    const cookieHeader = `qorgau_session=${cookie.value}`;
    return {
      user,
      cookie: cookieHeader,
      csrf,
      inject: (o) => app.inject({ ...o, headers: { cookie: cookieHeader, 'x-csrf-token': csrf, ...(o.headers ?? {}) } }),
    };
  };

  return {
    app,
    deps,
    db,
    config,
    createAgency,
    createUser,
    signIn,
    as: async (role, input = {}) => signIn(await createUser({ role, ...input })),
    async close() {
      await app.close();
      await db.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A valid person body with a fresh client id. */
export function personBody(overrides: Record<string, unknown> = {}) {
  return {
    clientId: randomUUID(),
    firstName: 'Әйгерім',
    secondName: 'Нұрланқызы',
    gender: 'Feminine',
    citizenship: 'KZ',
    regionCode: 'KZ-75',
    birthdate: '1999-04-12',
    ...overrides,
  };
}

/**
 * A valid screening body with consent and a fresh client id: a labour inspection on a farm in
 * Turkistan region (KZ-61), two short-form indicators, an adult Uzbek woman.
 */
export function screeningBody(overrides: Record<string, unknown> = {}) {
  return {
    clientId: randomUUID(),
    encounterDate: '2026-11-20',
    regionCode: 'KZ-61',
    setting: 'farm',
    language: 'kk',
    interpreterUsed: false,
    observed: ['short_form.documents_withheld', 'short_form.wages_withheld'],
    ageYears: 34,
    gender: 'Feminine',
    citizenship: 'UZ',
    exploitationTypes: ['ForcedLabour'],
    consent: 'identified',
    person: { firstName: 'Dilnoza', secondName: 'Gʻulomova', birthdate: '1992-05-01' },
    narrative: 'Met during a labour inspection on a cotton farm',
    ...overrides,
  };
}
