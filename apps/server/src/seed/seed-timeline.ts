/**
 * Runs the demo's workflows through the real services at historic moments: each step sets the
 * clock the services read (deps.now()) to its own time, so every row, reference, deadline and
 * encrypted text is written exactly as a request at that moment would write it. Steps run in
 * time order across all scenarios, so references are issued in the order events happened.
 */
import type { AppDeps } from '../app-deps.ts';
import type { AuditContext } from '../audit/audit.repository.ts';
import type { AuthContext } from '../auth/auth.plugin.ts';
import { jurisdictionOf } from '../auth/auth.plugin.ts';
import { createSession, deleteSession, findSession, tokenHashOf } from '../auth/session.repository.ts';
import type { Role, SessionStage } from '@qorgau/core';
import type { DirectoryAgency } from './demo-directory.ts';
import type { RecordLanguage } from './demo-staff.ts';

/** A member of staff as the services see a signed-in request of theirs. */
export interface StaffActor {
  username: string;
  auth: AuthContext;
  audit: AuditContext;
  /** The language their agency writes in. */
  lang: RecordLanguage;
}

/**
 * Signs the given accounts in for the seed: a real session row read back by the same query a
 * request's authentication uses, so the context is the one the auth hook builds. `close()`
 * removes the sessions again.
 */
export async function openStaffActors(deps: AppDeps, dir: DirectoryAgency[], usernames: readonly string[]) {
  const actors = new Map<string, StaffActor>();
  const tokens: string[] = [];
  for (const username of usernames) {
    const agency = dir.find((a) => a.users.some((u) => u.username === username));
    const user = agency?.users.find((u) => u.username === username);
    if (!agency || !user) throw new Error(`demo account ${username} is missing: seed organisations first`);
    const { token } = await createSession(deps.db, { userId: user.id, stage: 'active', ip: null, absoluteMs: 3_600_000 });
    const row = await findSession(deps.db, tokenHashOf(token));
    if (!row) throw new Error(`no session for ${username}`);
    tokens.push(row.session.tokenHash);
    const auth: AuthContext = {
      tokenHash: row.session.tokenHash,
      csrfToken: row.session.csrfToken,
      stage: row.session.stage as SessionStage,
      user: row.user,
      agency: row.agency,
      notice: null,
      actor: { userId: row.user.id, role: row.user.role as Role, agencyId: row.user.agencyId, jurisdiction: jurisdictionOf(row.user) },
    };
    const audit: AuditContext = { actor: { id: user.id, username, role: user.role, agencyId: user.agencyId }, ip: null };
    actors.set(username, { username, auth, audit, lang: agency.language });
  }
  return {
    get(username: string): StaffActor {
      const a = actors.get(username);
      if (!a) throw new Error(`${username} was not opened for the seed`);
      return a;
    },
    async close() {
      for (const t of tokens) await deleteSession(deps.db, t);
    },
  };
}

/** Steps at moments in time, run in time order (ties in the order they were added). */
export class Timeline {
  private readonly steps: { at: Date; n: number; run: () => Promise<void> }[] = [];

  add(at: Date, run: () => Promise<void>): Date {
    this.steps.push({ at, n: this.steps.length, run });
    return at;
  }

  get size(): number {
    return this.steps.length;
  }

  /** Runs every step with `clock.now` set to the step's moment. */
  async run(clock: { now: Date }): Promise<void> {
    const ordered = [...this.steps].sort((a, b) => a.at.getTime() - b.at.getTime() || a.n - b.n);
    for (const step of ordered) {
      clock.now = step.at;
      await step.run();
    }
  }
}
