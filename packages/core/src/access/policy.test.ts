import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from './permissions.ts';
import { requiresTwoFactor, ROLE_GRANTS, scopeOf } from './role-grants.ts';
import { actorArbitrary, recordArbitrary } from './arbitraries.ts';
import { canAccessRecord } from './policy.ts';
import { ROLES, SCOPES } from './roles.ts';

const actor = actorArbitrary(['KZ-75', 'KZ-71', 'KZ-61']);
const record = recordArbitrary(['KZ-75', 'KZ-71', 'KZ-61']);

describe('access policy', () => {
  it('a role without a permission never reaches a record with it', () => {
    fc.assert(
      fc.property(actor, record, fc.constantFrom(...PERMISSIONS), (a, r, p) => {
        if (scopeOf(a.role, p) === undefined) expect(canAccessRecord(a, p, r)).toBe(false);
      }),
    );
  });

  it('the creator always reaches a record the role may touch at all; national scope reaches everything', () => {
    fc.assert(
      fc.property(actor, record, fc.constantFrom(...PERMISSIONS), (a, r, p) => {
        const scope = scopeOf(a.role, p);
        if (scope && r.createdBy === a.userId) expect(canAccessRecord(a, p, r)).toBe(true);
        if (scope === 'national') expect(canAccessRecord(a, p, r)).toBe(true);
      }),
    );
  });

  it('identity is never visible more widely than the record itself', () => {
    fc.assert(
      fc.property(actor, record, (a, r) => {
        if (canAccessRecord(a, 'person.read_identity', r)) expect(canAccessRecord(a, 'person.read', r)).toBe(true);
      }),
    );
  });

  it('administrators and analysts have no access to personal data; everyone else who sees it needs two factors', () => {
    for (const role of ['administrator', 'analyst'] as const) {
      expect(scopeOf(role, 'person.read')).toBeUndefined();
      expect(scopeOf(role, 'case.read')).toBeUndefined();
    }
    for (const role of ROLES) if (scopeOf(role, 'person.read')) expect(requiresTwoFactor(role)).toBe(true);
    for (const grants of Object.values(ROLE_GRANTS)) for (const s of Object.values(grants)) expect(SCOPES).toContain(s);
  });

  it('after a handover, being the creator grants nothing: only a wider scope still reaches the record', () => {
    fc.assert(
      fc.property(actor, record, fc.constantFrom(...PERMISSIONS), (a, r, p) => {
        const handedOver = { ...r, createdBy: a.userId, creatorAccessEnded: true };
        if (scopeOf(a.role, p) === 'own') expect(canAccessRecord(a, p, handedOver)).toBe(false);
        // Never more access after a handover than before it.
        if (canAccessRecord(a, p, handedOver)) expect(canAccessRecord(a, p, { ...handedOver, creatorAccessEnded: false })).toBe(true);
      }),
    );
  });
});
