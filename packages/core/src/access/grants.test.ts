import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayDecideGrant, needsApproval, resetNeedsApproval, roleNeedsFourEyes, widensJurisdiction } from './grants.ts';
import { hasPermission } from './role-grants.ts';
import { ROLES, type Jurisdiction } from './roles.ts';

const regions = fc.constantFrom('KZ-75', 'KZ-71', 'KZ-61', 'KZ-79');
const jurisdiction: fc.Arbitrary<Jurisdiction> = fc.oneof(
  fc.constant({ national: true as const, regions: [] as [] }),
  fc.uniqueArray(regions, { minLength: 1 }).map((r) => ({ national: false as const, regions: r })),
);
const access = fc.record({ role: fc.constantFrom(...ROLES), jurisdiction });

describe('four-eyes grants', () => {
  it('every new account that may see personal data, manage accounts or approve grants waits for approval', () => {
    for (const role of ROLES) {
      const sensitive = hasPermission(role, 'person.read') || hasPermission(role, 'user.manage') || hasPermission(role, 'grant.approve');
      expect(roleNeedsFourEyes(role)).toBe(sensitive);
      expect(needsApproval(null, { role, jurisdiction: { national: false, regions: ['KZ-75'] } })).toBe(sensitive);
    }
    expect(roleNeedsFourEyes('case_worker')).toBe(true);
    expect(roleNeedsFourEyes('administrator')).toBe(true);
    expect(roleNeedsFourEyes('analyst')).toBe(false);
  });

  it('a change waits exactly when it gives a sensitive role, or widens the jurisdiction of one', () => {
    fc.assert(
      fc.property(access, access, (before, after) => {
        const expected = roleNeedsFourEyes(after.role) && (after.role !== before.role || widensJurisdiction(before.jurisdiction, after.jurisdiction));
        expect(needsApproval(before, after)).toBe(expected);
        // Nothing changed: nothing to approve.
        expect(needsApproval(before, before)).toBe(false);
      }),
    );
  });

  it("moving a sensitive account to another agency waits (it reaches that agency's records); keeping the agency does not", () => {
    const agency = fc.constantFrom('a1', 'a2', 'a3');
    fc.assert(
      fc.property(access, agency, agency, (a, from, to) => {
        const before = { ...a, agencyId: from };
        const after = { ...a, agencyId: to };
        expect(needsApproval(before, after)).toBe(roleNeedsFourEyes(a.role) && from !== to);
      }),
    );
  });

  it('a jurisdiction widens by a new region or by becoming national, never by losing regions', () => {
    fc.assert(
      fc.property(jurisdiction, jurisdiction, (a, b) => {
        const reachesMore = !a.national && (b.national || b.regions.some((r) => !a.regions.includes(r)));
        expect(widensJurisdiction(a, b)).toBe(reachesMore);
        if (!a.national && !b.national && b.regions.every((r) => a.regions.includes(r))) expect(widensJurisdiction(a, b)).toBe(false);
      }),
    );
  });

  it('nobody decides a grant she requested or one about her own account', () => {
    const ids = fc.constantFrom('u1', 'u2', 'u3');
    fc.assert(
      fc.property(ids, fc.constantFrom(...ROLES), ids, ids, (userId, role, requestedBy, subject) => {
        const may = mayDecideGrant({ userId, role }, { requestedBy, userId: subject });
        if (userId === requestedBy || userId === subject) expect(may).toBe(false);
        if (may) expect(hasPermission(role, 'grant.approve')).toBe(true);
      }),
    );
    expect(mayDecideGrant({ userId: 'u2', role: 'national_coordinator' }, { requestedBy: 'u1', userId: 'u3' })).toBe(true);
    expect(mayDecideGrant({ userId: 'u2', role: 'administrator' }, { requestedBy: 'u1', userId: 'u3' })).toBe(true);
    expect(mayDecideGrant({ userId: 'u2', role: 'case_worker' }, { requestedBy: 'u1', userId: 'u3' })).toBe(false);
  });
});

describe('four-eyes resets', () => {
  it('a reset waits for a second person for every role that sees personal data or manages accounts, and for no other', () => {
    for (const role of ROLES) {
      const powerful = hasPermission(role, 'person.read') || hasPermission(role, 'user.manage') || hasPermission(role, 'grant.approve');
      expect(resetNeedsApproval(role), role).toBe(powerful);
    }
    expect(resetNeedsApproval('identification_officer')).toBe(true);
    expect(resetNeedsApproval('analyst')).toBe(false);
  });
});
