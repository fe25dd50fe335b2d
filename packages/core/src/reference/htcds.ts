/**
 * HTCDS 2.0 picklists we use, with HTCDS's own value names so exports keep them
 * (../shared/reference/htcds/xlsform_choices.csv). Labels live in i18n under `htcds.*`.
 */
export const GENDERS = ['Feminine', 'Masculine', 'TransgenderFeminine', 'TransgenderMasculine', 'NonConforming', 'NonSpecifiedUnknown'] as const;
export type Gender = (typeof GENDERS)[number];

/** HTCDS `vic_TypeOfExploitation`, plus ForcedCriminality which HTCDS lacks (its issue #28). */
export const EXPLOITATION_TYPES = [
  'ForcedLabour',
  'SexualExploitation',
  'ChildLabour',
  'ForcedMarriage',
  'Servitude',
  'ForcedMilitaryByNonStateActors',
  'OrganRemoval',
  'ForcedBegging',
  'ForcedAdoption',
  'Surrogacy',
  'ForcedCriminality',
  'Other',
] as const;
export type ExploitationType = (typeof EXPLOITATION_TYPES)[number];

/** Identity document types; HTCDS has only `prs_IdentityNumber`, so we add its type and issuer. */
export const IDENTITY_DOCUMENT_TYPES = ['kz_iin', 'kg_pin', 'uz_pinfl', 'passport', 'other'] as const;
export type IdentityDocumentType = (typeof IDENTITY_DOCUMENT_TYPES)[number];

/** Citizenships seen most in Kazakhstan's caseload (ISO 3166-1 alpha-2); any alpha-2 is accepted. */
export const COMMON_CITIZENSHIPS = ['KZ', 'UZ', 'KG', 'TJ', 'TM', 'RU', 'CN', 'AF', 'AZ', 'UA', 'BY', 'MN', 'IN', 'PK', 'TR'] as const;

/** HTCDS `vic_TypeOfSexExploitation`. */
export const SEX_EXPLOITATION_TYPES = ['Prostitution', 'Pornography', 'RemoteInteractiveServices', 'PrivateSexualServices'] as const;

/** HTCDS `vic_ForcedLabourIndustry`: ISIC Rev.4 sections A–U, by their letter. */
export const FORCED_LABOUR_INDUSTRIES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T', 'U'] as const;

/** HTCDS `vic_MethodOfRecruitment`. */
export const RECRUITMENT_METHODS = [
  'AtAPlaceOfBusiness',
  'AtAnEducationalInstitution',
  'AtWork',
  'ThroughOnlineSocialNetworks',
  'ThroughAnOnlineAdvertisement',
  'ThroughATelevisionAdvert',
  'ThroughANewspaperAdvert',
  'ThroughFamilyOrFamilyEvents',
  'ThroughFriendsOrSocialEvents',
  'Other',
] as const;

/**
 * Who exploited the person, without naming anyone (HTCDS lacks perpetrator entities: its
 * issue #4): an individual by relationship to the victim, a business, or an organised group.
 */
export const PERPETRATOR_TYPES = [
  'individual_family',
  'individual_partner',
  'individual_acquaintance',
  'individual_employer',
  'individual_recruiter',
  'individual_stranger',
  'business_employer',
  'business_recruitment_agency',
  'business_other',
  'organised_group',
] as const;
