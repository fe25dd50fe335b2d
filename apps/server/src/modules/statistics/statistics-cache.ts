import { sql } from 'drizzle-orm';
import type { Actor } from '@qorgau/core';
import { commitNoticesOf } from '../../db/commit-notices.ts';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import { statisticsReach } from './statistics-reach.ts';

/**
 * What national statistics counted, kept per database while nothing it was counted from has
 * changed: the dashboard's and the report's repeated questions cost one cheap read instead of
 * a count over a year of the register. A figure is never served stale:
 *
 * - `statistics_data_version` (migrations 0026, 0028) advances with every statement that
 *   writes a table the statistics read;
 * - on a server, the commit epoch (db/commit-notices.ts) advances when such a write commits,
 *   so a figure counted while a write was running but not yet visible is forgotten when it is;
 * - anything else (a transaction handle, a server whose notices are not being heard) is
 *   counted afresh every time.
 */
const STORES = new WeakMap<object, Map<string, { version: string; value: unknown }>>();
const MAX_ENTRIES = 2000;

/** The version a value counted now is valid under; null when nothing may be kept. */
export async function statisticsVersion(q: DbOrTx): Promise<string | null> {
  const epoch = commitNoticesOf(q)?.epoch();
  if (epoch === undefined || epoch === null) return null;
  const [row] = rowsOf<{ v: string }>(await q.execute(sql`SELECT last_value::text || ':' || is_called::text AS v FROM statistics_data_version`));
  return `${row?.v ?? ''}|${epoch}`;
}

/** The kept value under `key` if counted at `version`. */
export function keptValue<T>(q: DbOrTx, version: string | null, key: string): T | undefined {
  if (version === null) return undefined;
  const kept = STORES.get(q)?.get(key);
  return kept?.version === version ? (kept.value as T) : undefined;
}

export function keepValue(q: DbOrTx, version: string | null, key: string, value: unknown): void {
  if (version === null) return;
  let store = STORES.get(q);
  if (!store) STORES.set(q, (store = new Map()));
  if (store.size >= MAX_ENTRIES) store.delete(store.keys().next().value as string);
  store.set(key, { version, value });
}

/** `compute()`, or what it gave under the same key at the same version. */
export async function keptOrCounted<T>(q: DbOrTx, key: string, compute: () => Promise<T>): Promise<T> {
  const version = await statisticsVersion(q);
  const kept = keptValue<T>(q, version, key);
  if (kept !== undefined) return kept;
  const value = await compute();
  keepValue(q, version, key, value);
  return value;
}

/**
 * Readers whose `statistics.read` scopes count the same rows share what was counted: every
 * national reader. Any other reader's person scope also follows her own records (those she
 * recorded, was assigned or handed over; auth/scope-filter.ts), wherever they are, so what is
 * counted for her is kept for her alone, even beside a colleague of the same region.
 */
export function readerKey(actor: Actor): string {
  const reach = statisticsReach(actor);
  return reach.kind === 'national' ? 'national' : `user:${actor.userId}`;
}
