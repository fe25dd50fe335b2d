import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../access/roles.ts';
import { hasPermission } from '../../access/role-grants.ts';
import { allowedProtectionActions, PROTECTION_ACTION_RULES, PROTECTION_ACTIONS, protectionRefusal } from './protection-authority.ts';
import { PROTECTION_STATUSES } from './protection-values.ts';

describe('protection action table', () => {
  it('only roles holding protection.act take an action', () => {
    for (const a of PROTECTION_ACTIONS) for (const r of PROTECTION_ACTION_RULES[a].roles) expect(hasPermission(r, 'protection.act')).toBe(true);
  });
  it('the owning agency case worker may assess, admit and close an open case; follow-up only after closure', () => {
    const actor = { role: 'case_worker' as const, agencyId: 'a' };
    expect(allowedProtectionActions(actor, { agencyId: 'a', status: 'open' })).toEqual([
      'assess_needs',
      'set_plan',
      'record_service',
      'admit',
      'discharge',
      'close',
    ]);
    expect(allowedProtectionActions(actor, { agencyId: 'a', status: 'closed' })).toEqual(['record_service', 'record_follow_up']);
    expect(protectionRefusal(actor, 'close', { agencyId: 'a', status: 'closed' })).toBe('invalid_transition');
  });
  it('property: another agency, or a role without the care side, may do nothing', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ROLES), fc.boolean(), fc.constantFrom(...PROTECTION_STATUSES), (role, own, status) => {
        const allowed = allowedProtectionActions({ role, agencyId: 'x' }, { agencyId: own ? 'x' : 'y', status });
        if (!own || !['case_worker', 'shelter_manager'].includes(role)) expect(allowed).toEqual([]);
        for (const a of allowed) expect(protectionRefusal({ role, agencyId: 'x' }, a, { agencyId: own ? 'x' : 'y', status })).toBeNull();
      }),
    );
  });
});
