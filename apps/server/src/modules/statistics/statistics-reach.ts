import { scopeOf, type Actor } from '@qorgau/core';
import { scopeValues } from '../../auth/scope-filter.ts';

/**
 * How far a reader's `statistics.read` reaches: the whole country, her regions, or her agency
 * (and, below the regional level, her own assignments). One reading of the scope for the two
 * places that need it as values rather than a person predicate: rows with no person
 * (screenings, self-reports) and the key under which what was counted for her is kept.
 */
export type StatisticsReach =
  | { kind: 'national' }
  | { kind: 'regions'; regions: string[] }
  | { kind: 'agency'; agencyId: string; userId: string }
  | { kind: 'none'; userId: string };

export function statisticsReach(actor: Actor): StatisticsReach {
  const v = scopeValues(actor, scopeOf(actor.role, 'statistics.read'));
  if (v.rank >= 4 || (v.rank >= 3 && v.national)) return { kind: 'national' };
  if (v.rank >= 3) return { kind: 'regions', regions: [...v.regions].sort() };
  if (v.rank >= 2) return { kind: 'agency', agencyId: v.agencyId, userId: v.userId };
  return { kind: 'none', userId: v.userId };
}
