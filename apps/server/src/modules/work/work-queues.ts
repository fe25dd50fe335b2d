import type { Role, Urgency, WorkItem } from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import type { AuthContext } from '../../auth/auth.plugin.ts';
import { referralsSentQueue, referralsToAnswerQueue } from '../referrals/referral-queues.ts';
import { entitlementsLapsingQueue } from '../entitlements/entitlements.queue.ts';
import { followUpsDueQueue } from '../protection/protection.queues.ts';
import { myClientsQueue } from '../legal-aid/legal-aid.queues.ts';
import { compensationUnexplainedQueue } from '../redress/redress.queues.ts';
import { grantsQueue, linkageReviewsQueue, screeningHandoversQueue, selfReportsQueue } from './queues/intake-queues.ts';
import { identificationDeadlinesQueue, nonPunishmentFlagsQueue } from './queues/case-queues.ts';
import { criminalCaseDeadlinesQueue, criminalCasesInCourtQueue, measuresAwaitingQueue, myCriminalCasesQueue } from '../justice/justice.queues.ts';

export type { Urgency, WorkItem } from '@qorgau/core';

/**
 * The home page's work (issue #10 item 5): each feature contributes its queues here, and the
 * home page shows, for the signed-in user, every queue her role has, with counts, sorted by
 * urgency. A queue reads only what the user's scope allows (its repository takes the scope).
 *
 * Performance (issue #10: p95 ≤ 100 ms at 1,000,000 persons): a queue is one indexed, scoped
 * query for its items (LIMIT) and one for its counts, bounded by `WORK_COUNT_CAP` (count over
 * a LIMITed subquery; see `boundedCounts` in queues/queue-sql.ts).
 */
export interface WorkQueueDef {
  /** i18n key suffix: `work.queue.<id>`. */
  id: string;
  roles: readonly Role[];
  /** Narrower than the role, where the role alone does not decide (a hotline screener, not a nurse). */
  applies?(auth: AuthContext): boolean;
  /** The list page behind "show all" (a web route), if there is one for this user. */
  listHref?: string | ((auth: AuthContext) => string | null);
  /** The counts by urgency and the most urgent items (at most `limit`), for this user now. */
  load(deps: AppDeps, auth: AuthContext, limit: number): Promise<{ counts: Record<Urgency, number>; items: WorkItem[]; capped?: boolean }>;
}

/** Every queue; each feature appends its own (one import and one entry). */
export const WORK_QUEUES: WorkQueueDef[] = [
  entitlementsLapsingQueue,
  identificationDeadlinesQueue,
  nonPunishmentFlagsQueue,
  selfReportsQueue,
  linkageReviewsQueue,
  grantsQueue,
  screeningHandoversQueue,
  followUpsDueQueue,
  myClientsQueue,
  compensationUnexplainedQueue,
  referralsToAnswerQueue,
  referralsSentQueue,
  criminalCaseDeadlinesQueue,
  measuresAwaitingQueue,
  myCriminalCasesQueue,
  criminalCasesInCourtQueue,
];
