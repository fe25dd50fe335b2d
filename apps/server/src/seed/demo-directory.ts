import { eq } from 'drizzle-orm';
import type { Role } from '@qorgau/core';
import type { AppDeps } from '../app-deps.ts';
import { agencies, users } from '../db/schema.ts';
import { languageOfAgency, type RecordLanguage } from './demo-staff.ts';

export interface DirectoryUser {
  id: string;
  username: string;
  role: Role;
  agencyId: string;
  national: boolean;
  regions: string[];
}

export interface DirectoryAgency {
  id: string;
  /** The agency's key in DEMO_AGENCIES, known from its staff account (`staff.<key>`); null for others. */
  key: string | null;
  type: string;
  regionCode: string | null;
  language: RecordLanguage;
  users: DirectoryUser[];
}

/** The agencies and the approved accounts that do their work, as the seed finds them in the database. */
export async function loadDirectory(deps: AppDeps): Promise<DirectoryAgency[]> {
  const rows = await deps.db
    .select({ agencyId: agencies.id, type: agencies.type, regionCode: agencies.regionCode, user: users })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    // An account awaiting approval (the pending demo grant) has done no work yet.
    .where(eq(users.approved, true))
    .orderBy(users.username);
  const byId = new Map<string, DirectoryAgency>();
  for (const r of rows) {
    let a = byId.get(r.agencyId);
    if (!a) byId.set(r.agencyId, (a = { id: r.agencyId, key: null, type: r.type, regionCode: r.regionCode, language: 'ru', users: [] }));
    const u = r.user;
    const staffKey = /^staff\.(.+?)(\.\d+)?$/.exec(u.username)?.[1];
    if (staffKey) {
      a.key = staffKey;
      a.language = languageOfAgency(staffKey);
    }
    a.users.push({ id: u.id, username: u.username, role: u.role as Role, agencyId: u.agencyId, national: u.national, regions: u.regions });
  }
  return [...byId.values()].sort((x, y) => (x.key ?? x.id).localeCompare(y.key ?? y.id));
}

export const agencyByKey = (dir: DirectoryAgency[], key: string): DirectoryAgency => {
  const a = dir.find((x) => x.key === key);
  if (!a) throw new Error(`demo agency ${key} is missing: seed organisations first`);
  return a;
};

export const userByName = (dir: DirectoryAgency[], username: string): DirectoryUser => {
  for (const a of dir) for (const u of a.users) if (u.username === username) return u;
  throw new Error(`demo account ${username} is missing: seed organisations first`);
};
