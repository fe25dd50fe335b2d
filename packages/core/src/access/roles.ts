/** The actors of DOMAIN.md §1 and the agency types they work for. */
export const ROLES = [
  'screener',
  'identification_officer',
  'case_worker',
  'shelter_manager',
  'investigator',
  'prosecutor',
  'court_clerk',
  'lawyer',
  'national_coordinator',
  'analyst',
  'administrator',
] as const;
export type Role = (typeof ROLES)[number];

export const AGENCY_TYPES = [
  'police',
  'labour_inspectorate',
  'consulate',
  'health',
  'education',
  'ngo',
  'shelter',
  'migration_service',
  'hotline',
  'prosecutor',
  'court',
  'legal_aid',
  'national_coordination',
  'administration',
] as const;
export type AgencyType = (typeof AGENCY_TYPES)[number];

/**
 * How far a grant reaches, narrowest first:
 * own (records the user created), assigned (cases the user is assigned to),
 * agency (records owned by the user's agency), region (records in the user's jurisdiction),
 * national (everything).
 */
export const SCOPES = ['own', 'assigned', 'agency', 'region', 'national'] as const;
export type Scope = (typeof SCOPES)[number];

/** A user's jurisdiction: a list of ISO 3166-2:KZ regions, or the whole country. */
export type Jurisdiction = { national: true; regions: [] } | { national: false; regions: string[] };
