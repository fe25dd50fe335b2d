import { and, asc, eq, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import { WORK_COUNT_CAP, type Urgency } from '@qorgau/core';
import { referrals } from '../../db/schema.ts';
import type { WorkQueueDef } from '../work/work-queues.ts';
import { boundedCounts, HOUR_MS, urgencySql } from '../work/queues/queue-sql.ts';

/** A referral's answer is "due soon" in its last hours (a 24-hour deadline: the last quarter). */
const SOON_MS = 6 * HOUR_MS;

async function load(deps: Parameters<WorkQueueDef['load']>[0], where: SQL | undefined, urgency: SQL<Urgency>, limit: number) {
  const [rows, counted] = await Promise.all([
    deps.db
      .select({
        id: referrals.id,
        reference: referrals.reference,
        dueAt: referrals.dueAt,
        status: referrals.status,
        escalated: isNotNull(referrals.escalatedAt),
        urgency,
      })
      .from(referrals)
      .where(where)
      .orderBy(asc(referrals.dueAt), asc(referrals.id))
      .limit(limit),
    boundedCounts(
      deps.db,
      deps.db
        .select({ u: urgency.as('u') })
        .from(referrals)
        .where(where)
        .orderBy(asc(referrals.dueAt))
        .limit(WORK_COUNT_CAP),
    ),
  ]);
  return {
    ...counted,
    items: rows.map((r) => ({ href: `/referrals/${r.id}`, label: r.reference, dueAt: r.dueAt.toISOString(), urgency: r.urgency, facts: { status: r.status } })),
  };
}

/**
 * Referrals waiting for MY agency's answer (issue #10 item 5: "referrals waiting for an answer"):
 * the receiving provider's shelter managers and case workers; past the deadline is overdue.
 */
export const referralsToAnswerQueue: WorkQueueDef = {
  id: 'referrals_to_answer',
  roles: ['shelter_manager', 'case_worker'],
  listHref: '/referrals?box=received',
  async load(deps, auth, limit) {
    const now = deps.now();
    const where = and(eq(referrals.providerAgencyId, auth.actor.agencyId), eq(referrals.status, 'sent'));
    return load(deps, where, urgencySql(referrals.dueAt, { overdueBelow: now, soonUpTo: new Date(now.getTime() + SOON_MS) }), limit);
  },
};

/**
 * Referrals my agency sent that need the sender's eye: still waiting (escalated ones overdue)
 * or declined (the person needs another provider).
 */
export const referralsSentQueue: WorkQueueDef = {
  id: 'referrals_sent',
  roles: ['identification_officer', 'case_worker'],
  listHref: '/referrals?box=sent',
  async load(deps, auth, limit) {
    const now = deps.now();
    const where = and(
      eq(referrals.referringAgencyId, auth.actor.agencyId),
      or(
        eq(referrals.status, 'sent'),
        and(eq(referrals.status, 'declined'), sql`${referrals.updatedAt} > ${new Date(now.getTime() - 14 * 24 * HOUR_MS).toISOString()}::timestamptz`),
      ),
      inArray(referrals.status, ['sent', 'declined']),
    );
    const urgency = sql<Urgency>`CASE WHEN ${referrals.status} = 'declined' OR ${referrals.escalatedAt} IS NOT NULL THEN 'overdue' ELSE ${urgencySql(
      referrals.dueAt,
      {
        overdueBelow: now,
        soonUpTo: new Date(now.getTime() + SOON_MS),
      },
    )} END`;
    return load(deps, where, urgency, limit);
  },
};
