import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import type { AgencyType, Role } from '@qorgau/core';
import type { AppDeps } from '../app-deps.ts';
import { hashPassword } from '../auth/passwords.ts';
import { newTotpSecret, otpauthUri } from '../auth/totp.ts';
import { accessGrants, agencies, users } from '../db/schema.ts';
import { DEMO_AGENCIES, DEMO_USERS } from './demo-agencies.ts';

export interface DemoCredentials {
  password: string;
  accounts: { username: string; role: Role; totpSecret: string; otpauthUri: string }[];
}

export const credentialsPath = (dataDir: string) => join(dataDir, 'demo-credentials.json');

/** Staff role of the synthetic records' authors, by agency type. */
const STAFF_ROLE: Record<AgencyType, Role> = {
  police: 'screener',
  labour_inspectorate: 'screener',
  consulate: 'screener',
  health: 'screener',
  education: 'screener',
  ngo: 'case_worker',
  shelter: 'shelter_manager',
  migration_service: 'screener',
  hotline: 'screener',
  prosecutor: 'prosecutor',
  court: 'prosecutor',
  legal_aid: 'lawyer',
  national_coordination: 'national_coordinator',
  administration: 'administrator',
};

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
    await tx
      .insert(agencies)
      .values(
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
    // Authors of synthetic records: real accounts nobody can sign in to (unknown password).
    const unusable = await hashPassword(randomBytes(24).toString('base64url'));
    await tx.insert(users).values(
      DEMO_AGENCIES.map((a) => ({
        username: `staff.${a.key}`,
        displayName: `Staff ${a.key}`,
        role: STAFF_ROLE[a.type],
        agencyId: agencyIds.get(a.key) as string,
        national: a.regionCode === null,
        regions: a.regionCode ? [a.regionCode] : [],
        passwordHash: unusable,
        disabled: false,
      })),
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

/** Authors for synthetic records: for each agency type, the agencies and their staff users. */
export async function authorsByAgencyType(deps: AppDeps): Promise<Map<string, { agencyId: string; userId: string }[]>> {
  const rows = await deps.db
    .select({ agencyId: agencies.id, type: agencies.type, userId: users.id, username: users.username })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    // An account awaiting approval (the pending demo grant) has done no work yet.
    .where(eq(users.approved, true));
  const byType = new Map<string, { agencyId: string; userId: string }[]>();
  for (const r of rows) {
    // Demo sign-in accounts author records of their agency so they see data when they sign in.
    const list = byType.get(r.type) ?? [];
    list.push({ agencyId: r.agencyId, userId: r.userId });
    byType.set(r.type, list);
  }
  return byType;
}
