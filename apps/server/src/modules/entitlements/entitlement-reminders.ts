import { errorClassOf } from '../../http/error-handler.ts';
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { fromDayNumber, kazakhstanDate, LAPSING_WITHIN_DAYS, toDayNumber } from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { caseAccess, caseAssignments, cases, persons, users } from '../../db/schema.ts';
import type { DbOrTx } from '../../db/client.ts';
import { notify, type Notice } from '../notifications/notify.ts';
import { personsWithEndsBy } from './entitlements.repository.ts';
import { recomputeEntitlements } from './entitlements.service.ts';

/** Roles reminded: those who act on entitlements (core ENTITLEMENT_ACTION_RULES). */
const REMINDED_ROLES = ['identification_officer', 'case_worker'];

/**
 * Who is reminded about a person's entitlements: the staff of the unit holding her case (its
 * identification officers and case workers), the users assigned to the case by name, and the
 * case workers of an agency a referral opened the case to (her case worker at the NGO).
 */
async function recipients(q: DbOrTx, caseId: string): Promise<string[]> {
  const rows = await q
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.disabled, false),
        or(
          and(inArray(users.role, REMINDED_ROLES), sql`${users.agencyId} = (SELECT ${cases.ownerAgencyId} FROM ${cases} WHERE ${cases.id} = ${caseId})`),
          sql`${users.id} IN (SELECT ${caseAssignments.userId} FROM ${caseAssignments} WHERE ${caseAssignments.caseId} = ${caseId})`,
          and(
            eq(users.role, 'case_worker'),
            sql`${users.agencyId} IN (SELECT ${caseAccess.agencyId} FROM ${caseAccess} WHERE ${caseAccess.caseId} = ${caseId} AND ${isNull(caseAccess.endsAt)} AND ${isNull(caseAccess.revokedAt)})`,
          ),
        ),
      ),
    );
  return rows.map((r) => r.id);
}

/**
 * The daily sweep (a timer in the server, and `qorgau entitlements remind`): recomputes every
 * person with a clock ending within 30 days (so states move to lapsing and lapsed), and
 * notifies 30, 7 and 1 days before an end. A reminder is one notice per user, entitlement, end
 * date and step (the dedupe key), so running the sweep twice, or on a later day that still
 * finds the same step due, does not notify twice; an extension (a new end) reminds afresh.
 */
export async function entitlementReminders(deps: Pick<AppDeps, 'db' | 'now'>): Promise<{ persons: number; notices: number }> {
  const today = kazakhstanDate(deps.now());
  const until = fromDayNumber(toDayNumber(today) + LAPSING_WITHIN_DAYS);
  const personIds = await personsWithEndsBy(deps.db, until);
  let notices = 0;
  for (const personId of personIds) {
    await deps.db.transaction(async (tx) => {
      const result = await recomputeEntitlements(tx, deps, personId);
      const [row] = await tx
        .select({ pseudonym: persons.pseudonym, caseId: sql<string | null>`(SELECT e.case_id FROM entitlements e WHERE e.person_id = ${persons.id} LIMIT 1)` })
        .from(persons)
        .where(eq(persons.id, personId));
      if (!result || !row?.caseId) return;
      const due = result.items.filter((e) => e.reminderDue !== null && e.end);
      if (!due.length) return;
      const to = await recipients(tx, row.caseId);
      const batch: Notice[] = to.flatMap((userId) =>
        due.map((e) => ({
          userId,
          kind: 'entitlement_lapsing',
          subjectType: 'person' as const,
          subjectId: personId,
          facts: { pseudonym: row.pseudonym, entitlement: e.kind, date: e.end as string, daysBefore: e.reminderDue as number },
          dedupeKey: `entitlement_lapsing:${personId}:${e.kind}:${e.end}:${e.reminderDue}`,
        })),
      );
      await notify(tx, batch, deps.now());
      notices += batch.length;
    });
  }
  return { persons: personIds.length, notices };
}

const SWEEP_EVERY_MS = 6 * 60 * 60 * 1000;

/** Runs the sweep now and every six hours (a day never passes without it); `stop()` on shutdown. */
export function startEntitlementReminders(deps: Pick<AppDeps, 'db' | 'now'>, log: { warn(o: unknown, m?: string): void }): { stop(): void } {
  const run = () =>
    entitlementReminders(deps).catch((err) => log.warn({ ...errorClassOf(err), event: 'entitlement_reminders_failed' }, 'entitlement reminders failed'));
  const first = setTimeout(run, 10_000);
  const timer = setInterval(run, SWEEP_EVERY_MS);
  timer.unref();
  first.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
