import { compareQueueUrgency, WORK_ITEMS_PER_QUEUE, type WorkOverview, type WorkQueue } from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import type { AuthContext } from '../../auth/auth.plugin.ts';
import { WORK_QUEUES, type WorkQueueDef } from './work-queues.ts';

/** The queues of the user's role (and, where a queue narrows further, of her agency or unit). */
export function queuesOf(auth: AuthContext, registry: readonly WorkQueueDef[] = WORK_QUEUES): WorkQueueDef[] {
  return registry.filter((q) => q.roles.includes(auth.actor.role) && (q.applies?.(auth) ?? true));
}

/**
 * The signed-in user's work: every queue her role has, with counts and the most urgent items,
 * the most urgent queue first (`compareQueueUrgency`), registry order among equals. The rows
 * show references and pseudonyms only, so reading them is not an audited read of personal data.
 */
export async function workOf(
  deps: AppDeps,
  auth: AuthContext,
  registry: readonly WorkQueueDef[] = WORK_QUEUES,
  onError: (queue: string, err: unknown) => void = () => {},
): Promise<WorkOverview> {
  const defs = queuesOf(auth, registry);
  const loaded = await Promise.all(
    defs.map(async (def): Promise<WorkQueue> => {
      const listHref = typeof def.listHref === 'function' ? def.listHref(auth) : (def.listHref ?? null);
      try {
        const r = await def.load(deps, auth, WORK_ITEMS_PER_QUEUE);
        return { id: def.id, counts: r.counts, capped: r.capped ?? false, items: r.items.slice(0, WORK_ITEMS_PER_QUEUE), listHref, failed: false };
      } catch (err) {
        // One queue that fails must not blank the whole home page: it says so, the others show.
        onError(def.id, err);
        return { id: def.id, counts: { overdue: 0, due_soon: 0, waiting: 0 }, capped: false, items: [], listHref, failed: true };
      }
    }),
  );
  return {
    queues: loaded
      .map((q, i) => ({ q, i }))
      .sort((a, b) => compareQueueUrgency(a.q.counts, b.q.counts) || a.i - b.i)
      .map((x) => x.q),
  };
}
