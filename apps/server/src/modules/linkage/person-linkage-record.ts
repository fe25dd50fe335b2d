/**
 * Persons as the core linkage engine reads them. Names are decrypted in memory only, for the
 * comparison; what is stored for search is keyed hashes of the engine's keys, never names.
 */
import {
  keyedNameFrequencies,
  linkageKeys,
  normaliseRecord,
  type LinkageModel,
  type LinkageRecord,
  type NameFrequencies,
  type NormalisedRecord,
} from '@qorgau/core';
import { fieldContext, type FieldCipher } from '../../crypto/field-cipher.ts';

/** The columns linkage needs from a person row (ciphertext plus the plain non-identifying ones). */
export interface LinkableRow {
  id: string;
  firstNameEnc: string;
  secondNameEnc: string;
  middleNameEnc: string | null;
  birthdateEnc: string | null;
  identityNumberEnc: string | null;
  mobilePhoneEnc: string | null;
  gender: string;
  citizenship: string;
}

/** Decrypts a person row into a linkage record (in memory; nothing leaves this process). */
export function linkageRecordOf(cipher: FieldCipher, p: LinkableRow): LinkageRecord {
  const dec = (v: string | null, column: string) => (v === null ? null : cipher.decrypt(v, fieldContext('persons', column, p.id)));
  return {
    id: p.id,
    givenName: dec(p.firstNameEnc, 'first_name'),
    familyName: dec(p.secondNameEnc, 'second_name'),
    patronymic: dec(p.middleNameEnc, 'middle_name'),
    birthDate: dec(p.birthdateEnc, 'birthdate'),
    sex: p.gender,
    citizenship: p.citizenship,
    documentNumber: dec(p.identityNumberEnc, 'identity_number'),
    contact: dec(p.mobilePhoneEnc, 'mobile_phone'),
  };
}

export const normalisedPersonOf = (cipher: FieldCipher, p: LinkableRow): NormalisedRecord => normaliseRecord(linkageRecordOf(cipher, p));

/**
 * The stored form of a record's linkage keys: keyed hashes (HMAC, the blind-index key), so
 * the column reveals nothing without the key file, yet equal keys still meet in a GIN index.
 */
export const hashedLinkageKeys = (cipher: FieldCipher, r: NormalisedRecord): string[] => linkageKeys(r).map((k) => cipher.blindIndex(`link:${k}`));

/** The keyed hash of a name token, as the persons' name index stores it (see `nameIndexOf`). */
export const nameTokenKey = (cipher: FieldCipher, token: string): string => cipher.blindIndex(`name:${token}`);

const readers = new WeakMap<FieldCipher, WeakMap<LinkageModel, NameFrequencies | null>>();
/** The register's name frequencies of a model, read through the name-index key (none before the first bulk run). */
export function modelFrequencies(cipher: FieldCipher, model: LinkageModel): NameFrequencies | undefined {
  let byModel = readers.get(cipher);
  if (byModel === undefined) readers.set(cipher, (byModel = new WeakMap()));
  let reader = byModel.get(model);
  if (reader === undefined) {
    reader = model.nameFrequencies ? keyedNameFrequencies(model.nameFrequencies, (t) => nameTokenKey(cipher, t)) : null;
    byModel.set(model, reader);
  }
  return reader ?? undefined;
}
