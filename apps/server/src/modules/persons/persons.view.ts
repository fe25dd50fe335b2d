import type { Person, PersonIdentity, PersonSummary } from '@qorgau/core';
import { fieldContext, type FieldCipher } from '../../crypto/field-cipher.ts';
import type { PersonRow } from './persons.repository.ts';

const ctx = (id: string, column: string) => fieldContext('persons', column, id);

/** Decrypts only when the viewer may see identity; otherwise the person is shown by pseudonym. */
export function personIdentity(cipher: FieldCipher, p: PersonRow): PersonIdentity {
  const opt = (v: string | null, column: string) => (v === null ? null : cipher.decrypt(v, ctx(p.id, column)));
  return {
    firstName: cipher.decrypt(p.firstNameEnc, ctx(p.id, 'first_name')),
    secondName: cipher.decrypt(p.secondNameEnc, ctx(p.id, 'second_name')),
    middleName: opt(p.middleNameEnc, 'middle_name'),
    birthdate: opt(p.birthdateEnc, 'birthdate'),
    identityDocumentType: p.identityDocumentType as PersonIdentity['identityDocumentType'],
    identityNumber: opt(p.identityNumberEnc, 'identity_number'),
    mobilePhone: opt(p.mobilePhoneEnc, 'mobile_phone'),
    address: opt(p.addressEnc, 'address'),
  };
}

/** Surname, given name, patronymic: the order used on Kazakhstani documents. */
export function displayNameOf(cipher: FieldCipher, p: PersonRow): string {
  const first = cipher.decrypt(p.firstNameEnc, ctx(p.id, 'first_name'));
  const second = cipher.decrypt(p.secondNameEnc, ctx(p.id, 'second_name'));
  const middle = p.middleNameEnc === null ? null : cipher.decrypt(p.middleNameEnc, ctx(p.id, 'middle_name'));
  return [second, first, middle].filter(Boolean).join(' ');
}

export function personSummary(cipher: FieldCipher, p: PersonRow, identityVisible: boolean): PersonSummary {
  return {
    id: p.id,
    pseudonym: p.pseudonym,
    displayName: identityVisible ? displayNameOf(cipher, p) : null,
    gender: p.gender as PersonSummary['gender'],
    birthYear: p.birthYear,
    citizenship: p.citizenship,
    regionCode: p.regionCode,
    createdAt: p.createdAt.toISOString(),
  };
}

/** `contactVisible` false: a referral's consent shares the identity but not the contacts (issue #10). */
export function personView(cipher: FieldCipher, p: PersonRow, identityVisible: boolean, cases: Person['cases'], contactVisible = true): Person {
  const identity = identityVisible ? personIdentity(cipher, p) : null;
  return {
    ...personSummary(cipher, p, identityVisible),
    identity: identity && !contactVisible ? { ...identity, mobilePhone: null, address: null } : identity,
    cases,
  };
}
