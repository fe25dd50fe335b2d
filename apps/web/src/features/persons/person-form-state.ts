import type { CreatePersonBody, Gender, IdentityDocumentType, RegionCode } from '@qorgau/core';

export const OTHER_CITIZENSHIP = 'other';

export interface PersonFormValues {
  firstName: string;
  secondName: string;
  middleName: string;
  birthdate: string;
  gender: string;
  citizenship: string;
  citizenshipOther: string;
  regionCode: string;
  identityDocumentType: string;
  identityNumber: string;
  mobilePhone: string;
  address: string;
}

export const emptyPerson = (regionCode: string): PersonFormValues => ({
  firstName: '',
  secondName: '',
  middleName: '',
  birthdate: '',
  gender: '',
  citizenship: 'KZ',
  citizenshipOther: '',
  regionCode,
  identityDocumentType: '',
  identityNumber: '',
  mobilePhone: '',
  address: '',
});

/** Required fields the user left empty, as field path → true. */
export function missingFields(v: PersonFormValues): Set<string> {
  const missing = new Set<string>();
  if (!v.firstName.trim()) missing.add('firstName');
  if (!v.secondName.trim()) missing.add('secondName');
  if (!v.gender) missing.add('gender');
  if (!v.regionCode) missing.add('regionCode');
  if (v.citizenship === OTHER_CITIZENSHIP && !/^[A-Za-z]{2}$/.test(v.citizenshipOther.trim())) missing.add('citizenship');
  if (v.identityNumber.trim() && !v.identityDocumentType) missing.add('identityDocumentType');
  return missing;
}

/** Names are sent exactly as typed (trimmed); empty optional fields are left out. */
export function toBody(v: PersonFormValues, clientId: string): CreatePersonBody {
  const opt = (s: string) => (s.trim() ? s.trim() : undefined);
  const citizenship = v.citizenship === OTHER_CITIZENSHIP ? v.citizenshipOther.trim().toUpperCase() : v.citizenship;
  const phone = v.mobilePhone.replace(/[\s()-]/g, '');
  return {
    clientId,
    firstName: v.firstName.trim(),
    secondName: v.secondName.trim(),
    middleName: opt(v.middleName),
    birthdate: opt(v.birthdate),
    gender: v.gender as Gender,
    citizenship,
    regionCode: v.regionCode as RegionCode,
    identityDocumentType: (opt(v.identityDocumentType) as IdentityDocumentType | undefined) ?? undefined,
    identityNumber: opt(v.identityNumber),
    mobilePhone: opt(phone),
    address: opt(v.address),
  };
}
