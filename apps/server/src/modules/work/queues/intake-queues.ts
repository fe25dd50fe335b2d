import { and, asc, desc, eq, inArray, isNotNull, isNull, ne, not, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { WORK_COUNT_CAP } from '@qorgau/core';
import type { AuthContext } from '../../../auth/auth.plugin.ts';
import { handedOverBy } from '../../../auth/scope-filter.ts';
import { accessGrants, personLinkProposals, persons, screenings, selfReports, users } from '../../../db/schema.ts';
import { identityVisibleSql } from '../../linkage/linkage.repository.ts';
import { queueScopeOf } from '../../self-reports/self-reports.service.ts';
import type { WorkQueueDef } from '../work-queues.ts';
import { boundedCounts, HOUR_MS, urgencyAt, urgencySql, waitingSql } from './queue-sql.ts';

/**
 * Work that arrives and waits for a first step, each on a clock of hours from its arrival:
 * a report to the hotline, a screening to hand over, an account to approve. Why 24 hours: the
 * working rule of the referral mechanism is a same-day or next-day first contact (issue #10
 * item 2 answers referrals within 24 hours by default); a queue warns 6 hours before.
 */
const ANSWER_WITHIN_MS = 24 * HOUR_MS;
const WARN_MS = 6 * HOUR_MS;

/** Arrived at `arrived`: due a day later; overdue / due soon bounds on the arrival time itself. */
const arrivalBounds = (now: Date) => ({
  overdueBelow: new Date(now.getTime() - ANSWER_WITHIN_MS),
  soonUpTo: new Date(now.getTime() - ANSWER_WITHIN_MS + WARN_MS),
});
const dueOf = (arrived: Date) => new Date(arrived.getTime() + ANSWER_WITHIN_MS);

function selfReportScope(auth: AuthContext): SQL {
  const scope = queueScopeOf(auth);
  if (scope.kind === 'all') return sql`true`;
  if (scope.kind === 'none' || scope.regions.length === 0) return sql`false`;
  return inArray(selfReports.regionCode, scope.regions);
}

/** New public self-reports (issue #3 item 6): the hotline's, or an identification officer's region's. */
export const selfReportsQueue: WorkQueueDef = {
  id: 'self_reports_new',
  roles: ['screener', 'identification_officer'],
  applies: (auth) => queueScopeOf(auth).kind !== 'none',
  listHref: '/self-reports',
  async load(deps, auth, limit) {
    const now = deps.now();
    const where = and(eq(selfReports.status, 'new'), selfReportScope(auth));
    const [rows, counted] = await Promise.all([
      deps.db
        .select({ id: selfReports.id, reference: selfReports.reference, createdAt: selfReports.createdAt, language: selfReports.language })
        .from(selfReports)
        .where(where)
        .orderBy(asc(selfReports.createdAt), asc(selfReports.id))
        .limit(limit),
      boundedCounts(
        deps.db,
        deps.db
          .select({ u: urgencySql(selfReports.createdAt, arrivalBounds(now)).as('u') })
          .from(selfReports)
          .where(where)
          .orderBy(asc(selfReports.createdAt))
          .limit(WORK_COUNT_CAP),
      ),
    ]);
    return {
      ...counted,
      items: rows.map((r) => ({
        href: `/self-reports/${r.id}`,
        label: r.reference,
        dueAt: dueOf(r.createdAt).toISOString(),
        urgency: urgencyAt(dueOf(r.createdAt), now, WARN_MS),
        facts: { language: r.language },
      })),
    };
  },
};

/** The screener's own screenings with a case, not yet handed to an identification unit. */
export const screeningHandoversQueue: WorkQueueDef = {
  id: 'screenings_to_hand_over',
  roles: ['screener'],
  listHref: '/screenings',
  async load(deps, auth, limit) {
    const now = deps.now();
    const where = and(
      eq(screenings.screenerId, auth.user.id),
      isNotNull(screenings.caseId),
      isNull(screenings.handedOverAt),
      isNotNull(screenings.personId),
      not(handedOverBy(auth.user.id, screenings.personId)),
    );
    const [rows, counted] = await Promise.all([
      deps.db
        .select({ id: screenings.id, reference: screenings.reference, createdAt: screenings.createdAt, level: screenings.level })
        .from(screenings)
        .where(where)
        .orderBy(asc(screenings.createdAt), asc(screenings.id))
        .limit(limit),
      boundedCounts(
        deps.db,
        deps.db
          .select({ u: urgencySql(screenings.createdAt, arrivalBounds(now)).as('u') })
          .from(screenings)
          .where(where)
          .orderBy(asc(screenings.createdAt))
          .limit(WORK_COUNT_CAP),
      ),
    ]);
    return {
      ...counted,
      items: rows.map((r) => ({
        href: `/screenings/${r.id}`,
        label: r.reference,
        dueAt: dueOf(r.createdAt).toISOString(),
        urgency: urgencyAt(dueOf(r.createdAt), now, WARN_MS),
        facts: { level: r.level },
      })),
    };
  },
};

const personA = alias(persons, 'work_pair_a');
const personB = alias(persons, 'work_pair_b');

/**
 * How far the linkage card counts. Why not WORK_COUNT_CAP: a pair is listed only when BOTH its
 * records are in the officer's identity scope, which no index can answer; nationally about 3 %
 * of open pairs are hers, so counting to 1,000 inspected nearly every open pair (40,000 at
 * national scale: 340 ms, docs/benchmarks.md §8). "100+" is all a home card needs; the review
 * page lists them all.
 */
const LINKAGE_COUNT_CAP = 100;

/** Open record-linkage pairs (issue #4) whose two records are both in the officer's identity scope. */
export const linkageReviewsQueue: WorkQueueDef = {
  id: 'linkage_reviews',
  roles: ['identification_officer'],
  listHref: '/linkage/reviews',
  async load(deps, auth, limit) {
    const p = personLinkProposals;
    const where = and(eq(p.status, 'open'), identityVisibleSql(auth.actor, p.personA), identityVisibleSql(auth.actor, p.personB));
    const [rows, counted] = await Promise.all([
      deps.db
        .select({ id: p.id, a: personA.pseudonym, b: personB.pseudonym, probability: p.probability })
        .from(p)
        .innerJoin(personA, eq(personA.id, p.personA))
        .innerJoin(personB, eq(personB.id, p.personB))
        .where(where)
        .orderBy(sql`(${p.modelDecision} = 'review') DESC`, desc(p.probability), asc(p.id))
        .limit(limit),
      boundedCounts(
        deps.db,
        deps.db
          .select({ u: waitingSql.as('u') })
          .from(p)
          .where(where)
          .limit(LINKAGE_COUNT_CAP),
        LINKAGE_COUNT_CAP,
      ),
    ]);
    return {
      ...counted,
      items: rows.map((r) => ({
        href: `/linkage/reviews/${r.id}`,
        label: `${r.a} · ${r.b}`,
        dueAt: null,
        urgency: 'waiting' as const,
        facts: { percent: Math.round(Number(r.probability) * 100) },
      })),
    };
  },
};

/**
 * Access grants waiting for a second person (issue #8, four eyes): never the approver's own
 * request nor a grant to herself (core `mayDecideGrant`), so the queue holds only what she may decide.
 */
export const grantsQueue: WorkQueueDef = {
  id: 'grants_to_approve',
  roles: ['national_coordinator', 'administrator'],
  listHref: (auth) => (auth.actor.role === 'administrator' ? '/admin/users' : null),
  async load(deps, auth, limit) {
    const now = deps.now();
    const g = accessGrants;
    const where = and(eq(g.status, 'pending'), ne(g.requestedBy, auth.user.id), ne(g.userId, auth.user.id));
    const href = auth.actor.role === 'administrator' ? '/admin/users' : '#grants';
    const [rows, counted] = await Promise.all([
      deps.db
        .select({ id: g.id, username: users.username, role: g.role, requestedAt: g.requestedAt })
        .from(g)
        .innerJoin(users, eq(users.id, g.userId))
        .where(where)
        .orderBy(asc(g.requestedAt), asc(g.id))
        .limit(limit),
      boundedCounts(
        deps.db,
        deps.db
          .select({ u: urgencySql(g.requestedAt, arrivalBounds(now)).as('u') })
          .from(g)
          .where(where)
          .orderBy(asc(g.requestedAt))
          .limit(WORK_COUNT_CAP),
      ),
    ]);
    return {
      ...counted,
      items: rows.map((r) => ({
        href,
        label: r.username,
        dueAt: dueOf(r.requestedAt).toISOString(),
        urgency: urgencyAt(dueOf(r.requestedAt), now, WARN_MS),
        facts: { role: r.role },
      })),
    };
  },
};
