import type { Role } from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import type { AuthContext } from '../../auth/auth.plugin.ts';

/**
 * The home page's work (issue #10 item 5): each feature contributes its queues here, and the
 * home page shows, for the signed-in user, every queue her role has, with counts, sorted by
 * urgency. A queue reads only what the user's scope allows (its repository takes the scope).
 */
export type Urgency = 'overdue' | 'due_soon' | 'waiting';

export interface WorkItem {
  /** What the row opens: `/referrals/:id`, `/cases/:id`, ... (the web route). */
  href: string;
  /** A reference or pseudonym: never a name on a list that may be shown on a shared screen. */
  label: string;
  /** ISO date-time the work falls due, or null. */
  dueAt: string | null;
  urgency: Urgency;
  /** Non-identifying facts the row's sentence interpolates. */
  facts: Record<string, string | number>;
}

export interface WorkQueueDef {
  /** i18n key suffix: `work.queue.<id>`. */
  id: string;
  roles: readonly Role[];
  /** The counts by urgency and the most urgent items (at most `limit`), for this user now. */
  load(deps: AppDeps, auth: AuthContext, limit: number): Promise<{ counts: Record<Urgency, number>; items: WorkItem[] }>;
}

/** Every queue; each feature appends its own (one import and one entry). */
export const WORK_QUEUES: WorkQueueDef[] = [];
