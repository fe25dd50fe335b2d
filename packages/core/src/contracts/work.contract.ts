import { z } from 'zod';
import { PageQuery, pageOf } from './common.contract.ts';

/**
 * The home page's work (issue #10 item 5): every queue of the signed-in user's role, with its
 * counts by urgency and its most urgent items. Nothing here names a victim: a row shows a
 * reference or a pseudonym, and facts that identify nobody (a date, a count, a region).
 */
export const URGENCIES = ['overdue', 'due_soon', 'waiting'] as const;
export const Urgency = z.enum(URGENCIES);
export type Urgency = z.infer<typeof Urgency>;

/** Facts a row's or a notice's sentence interpolates: never a name. */
export const WorkFacts = z.record(z.string(), z.union([z.string(), z.number()]));

export const WorkItem = z.object({
  /** The web route the row opens (`/cases/:id`, `/referrals/:id`, ...). */
  href: z.string(),
  /** A reference or a pseudonym. */
  label: z.string(),
  /** When the work falls due: an ISO date (`2026-12-07`) or date-time, or null. */
  dueAt: z.string().nullable(),
  urgency: Urgency,
  facts: WorkFacts,
});
export type WorkItem = z.infer<typeof WorkItem>;

export const WorkCounts = z.object({ overdue: z.number().int(), due_soon: z.number().int(), waiting: z.number().int() });
export type WorkCounts = z.infer<typeof WorkCounts>;

export const WorkQueue = z.object({
  /** The i18n key suffix of the queue's title: `work.queue.<id>`. */
  id: z.string(),
  counts: WorkCounts,
  /** A count reached the bound of what is counted (`WORK_COUNT_CAP`): show it as "1000+". */
  capped: z.boolean(),
  items: z.array(WorkItem),
  /** The list page with every item ("show all"), or null when the items are all there is. */
  listHref: z.string().nullable(),
  /** This queue could not be read now (logged on the server); the others still show. */
  failed: z.boolean(),
});
export type WorkQueue = z.infer<typeof WorkQueue>;

export const WorkOverview = z.object({ queues: z.array(WorkQueue) });
export type WorkOverview = z.infer<typeof WorkOverview>;

/** Counts stop here: a home page needs "a lot", not an exact figure that costs a full scan. */
export const WORK_COUNT_CAP = 1000;
/** The most urgent items shown per queue. */
export const WORK_ITEMS_PER_QUEUE = 5;

/** How urgent a queue is: most overdue first, then most due soon, then most waiting; empty last. */
export function compareQueueUrgency(a: WorkCounts, b: WorkCounts): number {
  return b.overdue - a.overdue || b.due_soon - a.due_soon || b.waiting - a.waiting;
}

// --- notifications (the bell) --------------------------------------------------------------

export const NotificationItem = z.object({
  id: z.uuid(),
  /** The sentence: `notifications.kind.<kind>`, interpolating `facts`. */
  kind: z.string(),
  subjectType: z.string(),
  subjectId: z.uuid(),
  facts: WorkFacts,
  /** The web route of the subject, opened within the reader's own scope. */
  href: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationItem = z.infer<typeof NotificationItem>;

export const NotificationPage = pageOf(NotificationItem);
export type NotificationPage = z.infer<typeof NotificationPage>;

export const NotificationListQuery = PageQuery.extend({ unread: z.enum(['0', '1']).optional() });
export type NotificationListQuery = z.infer<typeof NotificationListQuery>;

/** What the bell polls: small on purpose (a rural phone on a slow network). */
export const UnreadCount = z.object({ unread: z.number().int() });
export type UnreadCount = z.infer<typeof UnreadCount>;

/** Marks the reader's own notices read: some by id, or all of them. */
export const MarkNotificationsRead = z.union([z.object({ ids: z.array(z.uuid()).min(1).max(100) }).strict(), z.object({ all: z.literal(true) }).strict()]);
export type MarkNotificationsRead = z.infer<typeof MarkNotificationsRead>;

export const MarkedRead = z.object({ marked: z.number().int(), unread: z.number().int() });
export type MarkedRead = z.infer<typeof MarkedRead>;
