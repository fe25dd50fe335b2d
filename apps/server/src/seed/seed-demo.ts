/**
 * The demo seed: what the first `npm start` puts in an empty database (docs/demo.md), so that
 * every demo account finds work waiting when it signs in. `seedDemo` runs, in this order:
 *
 * 1. `seedOrganisations`: agencies of every type, one sign-in account per role, and named staff
 *    of every agency who author the records;
 * 2. `seedPersons`: the background caseload, written in bulk with plausible histories spread
 *    over the past months and years (seed-persons.ts);
 * 3. the bulk linkage run, as the national coordinator would start it;
 * 4. `seedWorkflows`: every workflow in motion, through the real services at historic moments
 *    (seed-workflows.ts): screenings, identification deadlines, decisions, reviews, holds,
 *    non-punishment, hotline reports, possible duplicates.
 *
 * Convention: each later capability adds its own part of the demo, as a scenario in
 * seed-workflows.ts (or its own `seed-<feature>.ts` called from `seedDemo`) that drives the
 * feature's service with a historic clock, so its pages are never empty in the demo. Texts are
 * written sentences in the acting agency's language (seed-narratives.ts), never form codes; all
 * randomness comes from the seed number (core `Rng`), so a seed gives the same demo every time.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import type { Role } from '@qorgau/core';
import type { AppDeps } from '../app-deps.ts';
import { hashPassword } from '../auth/passwords.ts';
import { newTotpSecret, otpauthUri } from '../auth/totp.ts';
import { accessGrants, agencies, users } from '../db/schema.ts';
import { linkageJobFor } from '../modules/linkage/linkage-job.ts';
import { DEMO_AGENCIES, DEMO_USERS } from './demo-agencies.ts';
import { loadDirectory } from './demo-directory.ts';
import { DEMO_STAFF } from './demo-staff.ts';
import { seedJustice } from './seed-justice.ts';
import { seedPersons } from './seed-persons.ts';
import { seedExchange } from './seed-exchange.ts';
import { seedProviders } from './seed-providers.ts';
import { seedStatisticsReference, seedVictimHistory } from './seed-statistics.ts';
import { seedWorkflows, type WorkflowSummary } from './seed-workflows.ts';

export interface DemoCredentials {
  password: string;
  accounts: { username: string; role: Role; totpSecret: string; otpauthUri: string }[];
}

export const credentialsPath = (dataDir: string) => join(dataDir, 'demo-credentials.json');

export async function isSeeded(deps: AppDeps): Promise<boolean> {
  const [row] = await deps.db.select({ n: count() }).from(users);
  return (row?.n ?? 0) > 0;
}

/**
 * Agencies of every type, one sign-in account per role (with 2FA already enrolled, so a
 * newcomer only adds the printed secret to an authenticator app), and one staff author per
 * agency for synthetic records. Demo only: the credentials file is written to the data dir.
 */
export async function seedOrganisations(deps: AppDeps): Promise<DemoCredentials> {
  const password = `Demo-${randomBytes(6).toString('base64url')}-2026`;
  const passwordHash = await hashPassword(password);
  const agencyIds = new Map(DEMO_AGENCIES.map((a) => [a.key, randomUUID()]));
  const accounts: DemoCredentials['accounts'] = [];
  const userIds = new Map<string, string>();
  await deps.db.transaction(async (tx) => {
    await tx.insert(agencies).values(
      DEMO_AGENCIES.map((a) => ({
        id: agencyIds.get(a.key) as string,
        nameKk: a.name.kk,
        nameRu: a.name.ru,
        nameEn: a.name.en,
        type: a.type,
        regionCode: a.regionCode,
      })),
    );
    for (const u of DEMO_USERS) {
      const id = randomUUID();
      userIds.set(u.username, id);
      const secret = newTotpSecret();
      accounts.push({ username: u.username, role: u.role, totpSecret: secret, otpauthUri: otpauthUri(secret, u.username) });
      await tx.insert(users).values({
        id,
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        agencyId: agencyIds.get(u.agency) as string,
        national: u.regions === 'national',
        regions: u.regions === 'national' ? [] : u.regions,
        passwordHash,
        totpEnabled: true,
        totpSecretEnc: deps.cipher.encrypt(secret, `users.totp_secret:${id}`),
        // The demo's own accounts come approved (four eyes applies to accounts made in the app).
        approved: true,
      });
    }
    // Authors of the demo's records: real accounts nobody can sign in to (unknown password).
    const unusable = await hashPassword(randomBytes(24).toString('base64url'));
    await tx.insert(users).values(
      DEMO_STAFF.map((s) => {
        const agency = DEMO_AGENCIES.find((a) => a.key === s.agency);
        if (!agency) throw new Error(`demo staff ${s.username}: no agency ${s.agency}`);
        return {
          username: s.username,
          displayName: s.displayName,
          role: s.role,
          agencyId: agencyIds.get(s.agency) as string,
          national: agency.regionCode === null,
          regions: agency.regionCode ? [agency.regionCode] : [],
          passwordHash: unusable,
          disabled: false,
        };
      }),
    );
    // The four-eyes workflow in motion: one account the administrator asked for, waiting on the
    // coordinator's home page (nobody knows its password; approving it shows the flow only).
    const pendingId = randomUUID();
    await tx.insert(users).values({
      id: pendingId,
      username: 'caseworker.astana',
      displayName: 'Әсел Қайратқызы',
      role: 'case_worker',
      agencyId: agencyIds.get('ngo-astana') as string,
      regions: ['KZ-71'],
      passwordHash: unusable,
      mustChangePassword: true,
      approved: false,
    });
    await tx.insert(accessGrants).values({
      userId: pendingId,
      newAccount: true,
      role: 'case_worker',
      national: false,
      regions: ['KZ-71'],
      requestedBy: userIds.get('admin') as string,
    });
  });
  const creds = { password, accounts };
  await writeFile(credentialsPath(deps.config.dataDir), `${JSON.stringify(creds, null, 2)}\n`, { mode: 0o600 });
  return creds;
}

export function readDemoCredentials(dataDir: string): DemoCredentials | null {
  const p = credentialsPath(dataDir);
  return existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as DemoCredentials) : null;
}

export interface DemoSeedOptions {
  /** How many persons the background caseload has (QORGAU_SEED_PERSONS, 300 by default). */
  persons: number;
  /** The seed number: the same number gives the same demo (references, people, texts). */
  seed: number;
}

/** Seeds the whole demo into an empty database (see the top of this file). */
export async function seedDemo(deps: AppDeps, opts: DemoSeedOptions): Promise<{ credentials: DemoCredentials; persons: number; workflows: WorkflowSummary }> {
  const credentials = await seedOrganisations(deps);
  // The provider directory (issue #10): the workflows refer persons to it.
  await seedProviders(deps);
  const { persons } = await seedPersons(deps, { count: opts.persons, seed: opts.seed });
  // Statistics (issue #13): victims of past years, so the trend has several years (seed-statistics.ts).
  await seedVictimHistory(deps, { persons: opts.persons, seed: opts.seed, start: opts.persons });
  // Link the caseload so the person count is right and the review queue has its first pairs;
  // the workflows' records are then linked at intake, as in real use.
  const job = linkageJobFor(deps);
  await job.start({ actor: null, ip: null });
  await job.idle();
  const workflows = await seedWorkflows(deps, await loadDirectory(deps), { seed: opts.seed });
  // Justice (issue #11): criminal cases at every stage, their victims, measures, compensation and legal aid.
  await seedJustice(deps, await loadDirectory(deps));
  // The figures no record holds: official 2021 figures, exchange rates, shelter funding (illustrative).
  await seedStatisticsReference(deps);
  // Data exchange (issue #14): an NGO's HTCDS file taken in (two rows refused) and a screening from a phone.
  await seedExchange(deps, opts.seed);
  return { credentials, persons, workflows };
}
