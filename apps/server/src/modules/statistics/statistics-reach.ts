import { scopeOf, type Actor } from '@qorgau/core';
import { scopeValues } from '../../auth/scope-filter.ts';

/**
 * How far a reader's `statistics.read` reaches: the whole country, her regions, or her agency
 * (a person predicate also follows her own records; auth/scope-filter.ts). One reading of the scope for the two
 * places that need it as values rather than a person predicate: rows with no person
 * (screenings, self-reports), and whether what was counted for her may be shared (national only).
 */
export type StatisticsReach = { kind: 'national' } | { kind: 'regions'; regions: string[] } | { kind: 'agency'; agencyId: string } | { kind: 'none' };

export function statisticsReach(actor: Actor): StatisticsReach {
  const v = scopeValues(actor, scopeOf(actor.role, 'statistics.read'));
  if (v.rank >= 4 || (v.rank >= 3 && v.national)) return { kind: 'national' };
  if (v.rank >= 3) return { kind: 'regions', regions: [...v.regions].sort() };
  if (v.rank >= 2) return { kind: 'agency', agencyId: v.agencyId };
  return { kind: 'none' };
}
