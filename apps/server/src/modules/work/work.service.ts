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
export async function workOf(deps: AppDeps, auth: AuthContext, registry: readonly WorkQueueDef[] = WORK_QUEUES): Promise<WorkOverview> {
  const defs = queuesOf(auth, registry);
  const loaded = await Promise.all(
    defs.map(async (def): Promise<WorkQueue> => {
      const r = await def.load(deps, auth, WORK_ITEMS_PER_QUEUE);
      const listHref = typeof def.listHref === 'function' ? def.listHref(auth) : (def.listHref ?? null);
      return { id: def.id, counts: r.counts, capped: r.capped ?? false, items: r.items.slice(0, WORK_ITEMS_PER_QUEUE), listHref };
    }),
  );
  return {
    queues: loaded
      .map((q, i) => ({ q, i }))
      .sort((a, b) => compareQueueUrgency(a.q.counts, b.q.counts) || a.i - b.i)
      .map((x) => x.q),
  };
}
