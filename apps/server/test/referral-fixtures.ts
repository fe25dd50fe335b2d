import { randomUUID } from 'node:crypto';
import { providerBody } from './provider-fixtures.ts';
import { personBody, type Session, type TestApp } from './test-app.ts';

/**
 * A referral scene (issue #10): an identification unit with a case of an unaccompanied Uzbek
 * girl of 15, a child shelter and an adult women's shelter, each run by its own agency.
 */
export async function referralScene(t: TestApp) {
  const admin = await t.as('administrator', { regions: 'national' });
  const officer = await t.as('identification_officer', { regions: ['KZ-75'] });
  const childAgency = await t.createAgency({ type: 'shelter', regionCode: 'KZ-75' });
  const adultAgency = await t.createAgency({ type: 'shelter', regionCode: 'KZ-75' });
  const provider = async (agencyId: string, overrides: Record<string, unknown>) => {
    const res = await admin.inject({ method: 'POST', url: '/api/v1/providers', payload: providerBody(agencyId, 'KZ-75', overrides) });
    if (res.statusCode !== 200) throw new Error(res.body);
    return res.json().id as string;
  };
  const childShelter = await provider(childAgency, {
    eligibility: ['children', 'women', 'men', 'foreign_nationals'],
    funding: 'private',
    capacity: 8,
    occupancy: 2,
  });
  const adultShelter = await provider(adultAgency, { eligibility: ['adults', 'women', 'foreign_nationals'], funding: 'private' });
  const manager = await t.as('shelter_manager', { agencyId: childAgency, regions: ['KZ-75'] });
  const adultManager = await t.as('shelter_manager', { agencyId: adultAgency, regions: ['KZ-75'] });
  return { admin, officer, childAgency, adultAgency, childShelter, adultShelter, manager, adultManager };
}

export async function childCase(officer: Session) {
  const person = (
    await officer.inject({
      method: 'POST',
      url: '/api/v1/persons',
      payload: personBody({ firstName: 'Dilnoza', secondName: 'Karimova', citizenship: 'UZ', birthdate: '2011-05-01', gender: 'Feminine' }),
    })
  ).json();
  const c = (
    await officer.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: { clientId: randomUUID(), personId: person.id, regionCode: 'KZ-75', narrative: 'Found alone at the bus station' },
    })
  ).json();
  return { personId: person.id as string, caseId: c.id as string };
}

export const consentBody = (providerId: string, overrides: Record<string, unknown> = {}) => ({
  clientId: randomUUID(),
  providerId,
  shares: ['identity', 'case_history'],
  validUntil: '2099-12-31',
  givenBy: 'guardian',
  ...overrides,
});

export async function recordConsent(s: Session, personId: string, providerId: string, overrides: Record<string, unknown> = {}) {
  const res = await s.inject({ method: 'POST', url: `/api/v1/persons/${personId}/consents`, payload: consentBody(providerId, overrides) });
  if (res.statusCode !== 200) throw new Error(res.body);
  return res.json().id as string;
}

export const referralBody = (caseId: string, providerId: string, overrides: Record<string, unknown> = {}) => ({
  clientId: randomUUID(),
  caseId,
  providerId,
  services: ['shelter'],
  ...overrides,
});
