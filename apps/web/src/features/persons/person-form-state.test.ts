import { describe, expect, it } from 'vitest';
import { emptyPerson, missingFields, OTHER_CITIZENSHIP, toBody, type PersonFormValues } from './person-form-state.ts';

const person = (patch: Partial<PersonFormValues> = {}): PersonFormValues => ({
  ...emptyPerson('KZ-ALA'),
  firstName: 'Айгерим',
  secondName: 'Сарсенова',
  gender: 'Female',
  ...patch,
});

describe('the person form state', () => {
  it('starts empty in the user region, citizen of Kazakhstan', () => {
    const v = emptyPerson('KZ-AST');
    expect(v.regionCode).toBe('KZ-AST');
    expect(v.citizenship).toBe('KZ');
    expect(missingFields(v)).toEqual(new Set(['firstName', 'secondName', 'gender']));
  });

  it('names the required fields left empty; blanks do not count as a name', () => {
    expect(missingFields(person())).toEqual(new Set());
    expect(missingFields(person({ firstName: '   ', regionCode: '' }))).toEqual(new Set(['firstName', 'regionCode']));
  });

  it('another citizenship needs a two-letter code, and a document number its type', () => {
    expect(missingFields(person({ citizenship: OTHER_CITIZENSHIP, citizenshipOther: 'X' }))).toEqual(new Set(['citizenship']));
    expect(missingFields(person({ citizenship: OTHER_CITIZENSHIP, citizenshipOther: 'tj' }))).toEqual(new Set());
    expect(missingFields(person({ identityNumber: '123' }))).toEqual(new Set(['identityDocumentType']));
  });

  it('sends names trimmed as typed, the phone without spaces or brackets, and leaves empty fields out', () => {
    const body = toBody(
      person({
        firstName: ' Айгерим ',
        middleName: ' ',
        birthdate: '1998-03-14',
        mobilePhone: '+7 (701) 123-45-67',
        citizenship: OTHER_CITIZENSHIP,
        citizenshipOther: 'tj',
      }),
      'client-1',
    );
    expect(body).toEqual({
      clientId: 'client-1',
      firstName: 'Айгерим',
      secondName: 'Сарсенова',
      middleName: undefined,
      birthdate: '1998-03-14',
      gender: 'Female',
      citizenship: 'TJ',
      regionCode: 'KZ-ALA',
      identityDocumentType: undefined,
      identityNumber: undefined,
      mobilePhone: '+77011234567',
      address: undefined,
    });
  });
});
