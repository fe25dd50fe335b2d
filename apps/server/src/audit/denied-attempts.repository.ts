import { and, count, desc, eq, gte, isNotNull, sql } from 'drizzle-orm';
import type { DeniedAttempts } from '@qorgau/core';
import type { DbOrTx } from '../db/client.ts';
import { auditLog } from '../db/schema.ts';
import { kazakhstanDate } from '../util/kazakhstan-date.ts';

const DAY_MS = 86_400_000;
/** Kazakhstan is UTC+5 all year (since 1 March 2024): a day there starts at 19:00 UTC. */
const KZ_OFFSET = sql.raw(`interval '5 hours'`);

/** Refused attempts (`access.denied`) per user per day in Kazakhstan, the last `days` days up to `now`. */
export async function deniedAttemptsPerUserDay(db: DbOrTx, now: Date, days: number): Promise<DeniedAttempts> {
  const since = kazakhstanDate(new Date(now.getTime() - (days - 1) * DAY_MS));
  // The day's start in Kazakhstan, as an instant: since 00:00 UTC+5 = previous day 19:00 UTC.
  const sinceInstant = new Date(Date.parse(`${since}T00:00:00Z`) - 5 * 3_600_000);
  const day = sql<string>`to_char((${auditLog.at} AT TIME ZONE 'UTC') + ${KZ_OFFSET}, 'YYYY-MM-DD')`;
  const rows = await db
    .select({ day, actorId: auditLog.actorId, actorUsername: auditLog.actorUsername, actorRole: auditLog.actorRole, n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.operation, 'access.denied'), gte(auditLog.at, sinceInstant), isNotNull(auditLog.actorId)))
    .groupBy(day, auditLog.actorId, auditLog.actorUsername, auditLog.actorRole)
    .orderBy(desc(day), desc(count()))
    .limit(500);
  return {
    since,
    items: rows.map((r) => ({
      day: r.day,
      actorId: r.actorId as string,
      actorUsername: r.actorUsername,
      // The display name is added by the audit route, for all rows in one lookup.
      actorName: null,
      actorRole: r.actorRole as DeniedAttempts['items'][number]['actorRole'],
      count: Number(r.n),
    })),
  };
}
