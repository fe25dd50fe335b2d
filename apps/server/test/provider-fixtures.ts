import { randomUUID } from 'node:crypto';

/** A valid create body for POST /api/v1/providers: an adult women's shelter run by `agencyId` (override any field). */
export function providerBody(agencyId: string, regionCode = 'KZ-75', overrides: Record<string, unknown> = {}) {
  const tag = randomUUID().slice(0, 8);
  return {
    name: { kk: `Сенім баспанасы ${tag}`, ru: `Приют «Сенім» ${tag}`, en: `Senim shelter ${tag}` },
    agencyId,
    kind: 'shelter',
    services: ['shelter', 'psychological'],
    regionCode,
    district: null,
    settlement: 'urban',
    eligibility: ['adults', 'women'],
    capacity: 10,
    occupancy: 4,
    languages: ['kk', 'ru'],
    funding: 'government',
    phone: '+77011234567',
    email: 'info@senim.kz',
    address: null,
    ...overrides,
  };
}
