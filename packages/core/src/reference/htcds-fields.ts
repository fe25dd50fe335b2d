import type { CreatePersonBody } from '../contracts/person.contract.ts';

/**
 * Our field names and their HTCDS 2.0 names: exports and imports use the HTCDS names so files
 * round-trip with other HTCDS systems (IOM's CTDC). Fields HTCDS lacks (DOMAIN.md §4) carry
 * the `qrg_` prefix in exports. (`notSameAs` is a linkage decision made at intake, not a person field.)
 */
export const PERSON_HTCDS_FIELDS = {
  firstName: 'prs_FirstName',
  secondName: 'prs_SecondName',
  middleName: 'prs_MiddleName',
  birthdate: 'prs_Birthdate',
  gender: 'prs_Gender',
  citizenship: 'prs_Citizenship',
  identityNumber: 'prs_IdentityNumber',
  mobilePhone: 'prs_MobilePhone',
  address: 'prs_MailingStreet',
  identityDocumentType: 'qrg_IdentityDocumentType',
  regionCode: 'qrg_RegionIso3166_2',
} as const satisfies Record<Exclude<keyof CreatePersonBody, 'clientId' | 'notSameAs'>, string>;

export const CASE_HTCDS_FIELDS = {
  traffickingStatus: 'vic_TraffickingStatus',
  decidedBy: 'vic_TraffickingStatusDecisionMakingOrg',
  exploitationTypes: 'vic_TypeOfExploitation',
  regionCode: 'qrg_RegionIso3166_2',
} as const;
