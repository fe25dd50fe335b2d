import { presumedChild, type CreateScreeningBody, type ExploitationType, type Gender, type Labels, type RegionCode } from '@qorgau/core';
import { newClientId } from '../../api/client-id.ts';
import { kazakhstanToday } from '../../components/format.ts';
import { OTHER_CITIZENSHIP, emptyPerson, toBody as personBody } from '../persons/person-form-state.ts';
import { clampStep } from './screening-steps.ts';

export interface IdentityValues {
  firstName: string;
  secondName: string;
  middleName: string;
  birthdate: string;
  identityDocumentType: string;
  identityNumber: string;
  mobilePhone: string;
  address: string;
}

/** Everything typed in the screening form; kept in sessionStorage until submitted. */
export interface ScreeningDraft {
  /** Made once per draft: a resend after a dropped connection is not a second screening. */
  clientId: string;
  encounterDate: string;
  regionCode: string;
  setting: string;
  language: string;
  interpreterUsed: boolean;
  ageYears: string;
  ageUnknown: boolean;
  gender: string;
  citizenship: string;
  citizenshipOther: string;
  exploitationTypes: string[];
  observed: string[];
  consent: '' | 'identified' | 'declined';
  identity: IdentityValues;
  /** An existing record the officer recognised at intake, used instead of `identity`. */
  existingPerson: { id: string; name: string } | null;
  narrative: string;
  /** The form's step the user was on (screening-steps.ts), so a restored draft opens where it was left. */
  step: number;
}

export const emptyIdentity = (): IdentityValues => ({
  firstName: '',
  secondName: '',
  middleName: '',
  birthdate: '',
  identityDocumentType: '',
  identityNumber: '',
  mobilePhone: '',
  address: '',
});

/** Today in Kazakhstan (UTC+5), as yyyy-mm-dd, whatever the device's own time zone. */
export function today(): string {
  return kazakhstanToday();
}

export const emptyDraft = (regionCode: string, language: string): ScreeningDraft => ({
  clientId: newClientId(),
  encounterDate: today(),
  regionCode,
  setting: '',
  language,
  interpreterUsed: false,
  ageYears: '',
  ageUnknown: false,
  gender: '',
  citizenship: '',
  citizenshipOther: '',
  exploitationTypes: [],
  observed: [],
  consent: '',
  identity: emptyIdentity(),
  existingPerson: null,
  narrative: '',
  step: 0,
});

/** Age as a number, null when unknown or not (validly) typed. */
export function ageOf(d: ScreeningDraft): number | null {
  if (d.ageUnknown || !/^\d{1,3}$/.test(d.ageYears.trim())) return null;
  return Number.parseInt(d.ageYears.trim(), 10);
}

/**
 * Presumed a child (core's presumedChild): under the rules file's child age, or of unknown age
 * until assessed. `childAgeYears` is null while the rules are loading: then only an unknown age counts.
 */
export const isChild = (d: ScreeningDraft, childAgeYears: number | null): boolean => {
  const age = ageOf(d);
  if (childAgeYears === null) return age === null;
  return presumedChild(age, { childAgeYears });
};

// sessionStorage, never localStorage: frontline phones are shared, and a tab's draft dies with it.
const storageKey = (userId: string) => `qorgau.screeningDraft.${userId}`;

export function loadDraft(userId: string): ScreeningDraft | null {
  try {
    const raw = window.sessionStorage.getItem(storageKey(userId));
    if (!raw) return null;
    const d = JSON.parse(raw) as Partial<ScreeningDraft>;
    if (typeof d.clientId !== 'string') return null;
    const base = emptyDraft('', '');
    return { ...base, ...d, identity: { ...base.identity, ...d.identity }, step: clampStep(d.step) } as ScreeningDraft;
  } catch {
    return null;
  }
}

export function saveDraft(userId: string, draft: ScreeningDraft): void {
  try {
    window.sessionStorage.setItem(storageKey(userId), JSON.stringify(draft));
  } catch {
    // Storage full or disabled (private mode): the form still works, only without a draft.
  }
}

export function clearDraft(userId: string): void {
  try {
    window.sessionStorage.removeItem(storageKey(userId));
  } catch {
    // Nothing to clear.
  }
}

/** Required fields left empty, as body paths (`person.firstName`…). */
export function missingFields(d: ScreeningDraft): Set<string> {
  const m = new Set<string>();
  if (!d.encounterDate) m.add('encounterDate');
  if (!d.regionCode) m.add('regionCode');
  if (!d.setting) m.add('setting');
  if (!d.language) m.add('language');
  if (!d.ageUnknown && ageOf(d) === null) m.add('ageYears');
  if (!d.gender) m.add('gender');
  if (!d.citizenship || (d.citizenship === OTHER_CITIZENSHIP && !/^[A-Za-z]{2}$/.test(d.citizenshipOther.trim()))) m.add('citizenship');
  if (!d.consent) m.add('consent');
  if (d.consent === 'identified' && !d.existingPerson) {
    if (!d.identity.firstName.trim()) m.add('person.firstName');
    if (!d.identity.secondName.trim()) m.add('person.secondName');
    if (d.identity.identityNumber.trim() && !d.identity.identityDocumentType) m.add('person.identityDocumentType');
  }
  return m;
}

export function toBody(d: ScreeningDraft): CreateScreeningBody {
  const citizenship = d.citizenship === OTHER_CITIZENSHIP ? d.citizenshipOther.trim().toUpperCase() : d.citizenship;
  let person: CreateScreeningBody['person'];
  if (d.consent === 'identified' && !d.existingPerson) {
    // The person form's own conversion (trim, phone clean-up, empty → absent), minus what (a)/(b) hold.
    const { clientId: _c, gender: _g, citizenship: _n, regionCode: _r, ...rest } = personBody({ ...emptyPerson(''), ...d.identity }, d.clientId);
    person = rest;
  }
  return {
    clientId: d.clientId,
    encounterDate: d.encounterDate,
    regionCode: d.regionCode as RegionCode,
    setting: d.setting as CreateScreeningBody['setting'],
    language: d.language as CreateScreeningBody['language'],
    interpreterUsed: d.interpreterUsed,
    observed: d.observed,
    ageYears: ageOf(d),
    gender: d.gender as Gender,
    citizenship,
    exploitationTypes: d.exploitationTypes as ExploitationType[],
    consent: d.consent as CreateScreeningBody['consent'],
    person,
    ...(d.consent === 'identified' && d.existingPerson ? { existingPersonId: d.existingPerson.id } : {}),
    narrative: d.narrative.trim() || undefined,
  };
}

/** An indicator list's text in the UI language; English is always there. */
export const textIn = (labels: Labels, lng: 'kk' | 'ru' | 'en'): string => labels[lng] ?? labels.en;
