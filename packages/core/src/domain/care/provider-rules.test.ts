import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CreateProviderBody } from '../../contracts/provider.contract.ts';
import { ROLES } from '../../access/roles.ts';
import { freePlaces, mayManageProvider, type PlacementNeed, providerIssues, providerTakes, sexOfGender } from './provider-rules.ts';
import { PROVIDER_ELIGIBILITY, PROVIDER_KINDS, PROVIDER_SERVICES } from './provider-values.ts';

const shelter = { kind: 'shelter' as const, services: ['shelter' as const], eligibility: ['adults' as const, 'women' as const], capacity: 10, occupancy: 4 };
const codes = (p: Parameters<typeof providerIssues>[0]) => providerIssues(p).map((i) => `${i.path}:${i.code}`);

describe('provider rules', () => {
  it('free places are capacity minus occupancy, never negative', () => {
    expect(freePlaces({ capacity: 10, occupancy: 4 })).toBe(6);
    expect(freePlaces({ capacity: 3, occupancy: 5 })).toBe(0);
    fc.assert(fc.property(fc.nat(1000), fc.nat(1000), (c, o) => freePlaces({ capacity: c, occupancy: o }) === Math.max(0, c - o)));
  });

  it('accepts a valid shelter and refuses each broken rule with its field', () => {
    expect(codes(shelter)).toEqual([]);
    expect(codes({ ...shelter, occupancy: 11 })).toEqual(['occupancy:occupancy_over_capacity']);
    expect(codes({ ...shelter, services: ['medical'] })).toEqual(['services:shelter_service_required']);
    expect(codes({ ...shelter, eligibility: ['adults', 'children'] })).toEqual(['eligibility:children_placed_separately']);
    expect(codes({ ...shelter, eligibility: ['women'] })).toEqual(['eligibility:age_group_required']);
    expect(codes({ kind: 'service', services: ['medical'], eligibility: ['adults', 'children'], capacity: 0, occupancy: 0 })).toEqual([]);
    expect(codes({ kind: 'service', services: ['medical', 'shelter'], eligibility: ['adults'], capacity: 5, occupancy: 0 })).toEqual([
      'capacity:service_has_no_beds',
      'services:service_lists_shelter',
    ]);
  });

  it('child shelters take children only; no shelter with both children and adults passes (property)', () => {
    const arb = fc.record({
      kind: fc.constantFrom(...PROVIDER_KINDS),
      services: fc.uniqueArray(fc.constantFrom(...PROVIDER_SERVICES), { minLength: 1 }),
      eligibility: fc.uniqueArray(fc.constantFrom(...PROVIDER_ELIGIBILITY), { minLength: 1 }),
      capacity: fc.nat(50),
      occupancy: fc.nat(50),
    });
    fc.assert(
      fc.property(arb, (p) => {
        const valid = providerIssues(p).length === 0;
        if (!valid) return true;
        // A valid entry never over-fills, a service has no beds, a shelter never mixes ages.
        expect(p.occupancy).toBeLessThanOrEqual(p.capacity);
        if (p.kind === 'service') expect(p.capacity).toBe(0);
        if (p.kind === 'shelter') expect(p.eligibility.includes('adults') && p.eligibility.includes('children')).toBe(false);
        // ...so a valid shelter never takes both an adult and a child.
        if (p.kind === 'shelter') {
          const adult = providerTakes(p, { age: 'adult', sex: 'female', foreign: false }) || providerTakes(p, { age: 'adult', sex: 'male', foreign: false });
          const child = providerTakes(p, { age: 'child', sex: 'female', foreign: false }) || providerTakes(p, { age: 'child', sex: 'male', foreign: false });
          expect(adult && child).toBe(false);
        }
        return true;
      }),
    );
  });

  it('matches a person to what a provider takes', () => {
    const childShelter = { eligibility: ['children', 'foreign_nationals'] as const };
    expect(providerTakes(childShelter, { age: 'child', sex: 'female', foreign: true })).toBe(true);
    expect(providerTakes(childShelter, { age: 'adult', sex: 'female', foreign: false })).toBe(false);
    expect(providerTakes(shelter, { age: 'child', sex: 'female', foreign: false })).toBe(false);
    expect(providerTakes(shelter, { age: 'adult', sex: 'male', foreign: false })).toBe(false);
    expect(providerTakes(shelter, { age: 'adult', sex: 'unknown', foreign: false })).toBe(false);
    expect(providerTakes(shelter, { age: 'adult', sex: 'female', foreign: true })).toBe(false);
    expect(providerTakes({ ...shelter, active: false }, { age: 'adult', sex: 'female', foreign: false })).toBe(false);
    expect(providerTakes({ eligibility: ['adults', 'women', 'men'] }, { age: 'adult', sex: 'unknown', foreign: false })).toBe(true);
    expect(sexOfGender('Feminine')).toBe('female');
    expect(sexOfGender('NonSpecifiedUnknown')).toBe('unknown');
  });

  it('a match implies each eligibility condition (property)', () => {
    const need = fc.record({
      age: fc.constantFrom('adult', 'child'),
      sex: fc.constantFrom('female', 'male', 'unknown'),
      foreign: fc.boolean(),
    }) as fc.Arbitrary<PlacementNeed>;
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...PROVIDER_ELIGIBILITY)), need, (eligibility, n) => {
        if (!providerTakes({ eligibility }, n)) return true;
        expect(eligibility).toContain(n.age === 'child' ? 'children' : 'adults');
        if (n.foreign) expect(eligibility).toContain('foreign_nationals');
        if (n.sex === 'male') expect(eligibility.includes('women') && !eligibility.includes('men')).toBe(false);
        if (n.sex === 'female') expect(eligibility.includes('men') && !eligibility.includes('women')).toBe(false);
        return true;
      }),
    );
  });

  it('only administrators create; a shelter manager manages her agency’s providers only', () => {
    const own = { agencyId: 'a1' };
    for (const role of ROLES) {
      const actor = { role, agencyId: 'a1' };
      expect(mayManageProvider(actor, 'create', own)).toBe(role === 'administrator');
      expect(mayManageProvider(actor, 'occupancy', own)).toBe(role === 'administrator' || role === 'shelter_manager');
      expect(mayManageProvider(actor, 'update', { agencyId: 'a2' })).toBe(role === 'administrator');
    }
  });

  it('the create contract reports rule breaks on their fields', () => {
    const body = {
      name: { kk: 'Үміт баспанасы', ru: 'Приют «Умит»', en: 'Umit shelter' },
      agencyId: '00000000-0000-4000-8000-000000000001',
      kind: 'shelter',
      services: ['shelter'],
      regionCode: 'KZ-75',
      settlement: 'urban',
      eligibility: ['adults', 'children'],
      capacity: 5,
      occupancy: 6,
      languages: ['kk', 'ru'],
      funding: 'government',
      phone: '+77011234567',
      email: 'info@umit.kz',
    };
    const r = CreateProviderBody.safeParse(body);
    expect(r.success).toBe(false);
    const paths = r.error?.issues.map((i) => i.path.join('.')).sort();
    expect(paths).toEqual(['eligibility', 'occupancy']);
    expect(CreateProviderBody.safeParse({ ...body, phone: '8 701 123 45 67' }).success).toBe(false);
    expect(CreateProviderBody.safeParse({ ...body, eligibility: ['children'], occupancy: 5 }).success).toBe(true);
    expect(CreateProviderBody.safeParse({ ...body, eligibility: ['children'], occupancy: 5, capacity: 1001 }).success).toBe(false);
  });
});
