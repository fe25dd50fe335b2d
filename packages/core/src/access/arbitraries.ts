import fc from 'fast-check';
import type { Actor, RecordAccessFacts } from './policy.ts';
import { ROLES } from './roles.ts';

/**
 * fast-check generators of actors and records over a few users, agencies and regions, shared by
 * the property tests of the access policy and of authority per action. Test support only:
 * nothing outside *.test.ts imports this file (fast-check is a dev dependency).
 */
const ids = fc.constantFrom('u1', 'u2', 'u3');
const agencies = fc.constantFrom('a1', 'a2');

export function actorArbitrary(regions: readonly string[]): fc.Arbitrary<Actor> {
  const region = fc.constantFrom(...regions);
  return fc.record({
    userId: ids,
    role: fc.constantFrom(...ROLES),
    agencyId: agencies,
    jurisdiction: fc.oneof(
      fc.constant({ national: true as const, regions: [] as [] }),
      fc.uniqueArray(region, { minLength: 1 }).map((r) => ({ national: false as const, regions: r })),
    ),
  }) as fc.Arbitrary<Actor>;
}

export function recordArbitrary(regions: readonly string[], opts: { handedOver?: boolean } = {}): fc.Arbitrary<RecordAccessFacts> {
  return fc.record({
    createdBy: ids,
    ownerAgencyId: agencies,
    regionCode: fc.option(fc.constantFrom(...regions), { nil: null }),
    assignedUserIds: fc.uniqueArray(ids),
    ...(opts.handedOver ? { creatorAccessEnded: fc.boolean() } : {}),
  }) as fc.Arbitrary<RecordAccessFacts>;
}
