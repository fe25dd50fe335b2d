// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearDraft, emptyDraft, loadDraft, missingFields, saveDraft, toBody, today, type ScreeningDraft } from './screening-draft.ts';

const filled = (patch: Partial<ScreeningDraft> = {}): ScreeningDraft => ({
  ...emptyDraft('KZ-ALA', 'ru'),
  encounterDate: '2026-03-01',
  setting: 'street',
  ageYears: '24',
  gender: 'Female',
  citizenship: 'UZ',
  consent: 'declined',
  ...patch,
});

afterEach(() => {
  window.sessionStorage.clear();
  window.localStorage.clear();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the screening draft', () => {
  it('is kept per user in the tab (sessionStorage, never localStorage) and comes back as it was', () => {
    const draft = filled({ narrative: 'Met at the bus station', identity: { ...emptyDraft('', '').identity, firstName: 'Айгерим' } });
    saveDraft('user-1', draft);
    expect(loadDraft('user-1')).toEqual(draft);
    expect(loadDraft('user-2')).toBeNull();
    expect(window.localStorage.length).toBe(0);
  });

  it('keeps its client id, so that a resend is not a second screening', () => {
    const draft = filled();
    saveDraft('u', draft);
    expect(loadDraft('u')?.clientId).toBe(draft.clientId);
    expect(emptyDraft('', '').clientId).not.toBe(draft.clientId);
  });

  it('is gone once cleared', () => {
    saveDraft('u', filled());
    clearDraft('u');
    expect(loadDraft('u')).toBeNull();
  });

  it('a damaged or foreign value is no draft, and an older one gains the fields added since', () => {
    window.sessionStorage.setItem('qorgau.screeningDraft.u', '{not json');
    expect(loadDraft('u')).toBeNull();
    window.sessionStorage.setItem('qorgau.screeningDraft.u', JSON.stringify({ regionCode: 'KZ-AST' }));
    expect(loadDraft('u')).toBeNull();
    window.sessionStorage.setItem('qorgau.screeningDraft.u', JSON.stringify({ clientId: 'c1', regionCode: 'KZ-AST', identity: { firstName: 'A' } }));
    const old = loadDraft('u');
    expect(old?.regionCode).toBe('KZ-AST');
    expect(old?.identity.firstName).toBe('A');
    expect(old?.identity.secondName).toBe('');
    expect(old?.observed).toEqual([]);
  });

  it('a full storage does not break the form', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new Error('QuotaExceededError');
    });
    expect(() => saveDraft('u', filled())).not.toThrow();
  });

  it('starts on today in Kazakhstan, not on the device time zone', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-31T19:30:00Z'));
    expect(today()).toBe('2027-01-01');
    expect(emptyDraft('', '').encounterDate).toBe('2027-01-01');
  });

  it('names what is missing, including the identity when the person agreed to be identified', () => {
    expect(missingFields(filled())).toEqual(new Set());
    expect(missingFields(filled({ encounterDate: '', gender: '' }))).toEqual(new Set(['encounterDate', 'gender']));
    expect(missingFields(filled({ consent: 'identified' }))).toEqual(new Set(['person.firstName', 'person.secondName']));
    expect(missingFields(filled({ ageYears: '', ageUnknown: true }))).toEqual(new Set());
  });

  it('becomes the request body: an anonymous one carries no person, an identified one the trimmed identity', () => {
    const anonymous = toBody(filled({ narrative: '  ' }));
    expect(anonymous.person).toBeUndefined();
    expect(anonymous.narrative).toBeUndefined();
    expect(anonymous.ageYears).toBe(24);
    const identified = toBody(
      filled({ consent: 'identified', identity: { ...emptyDraft('', '').identity, firstName: ' Айгерим ', secondName: 'Сарсенова', birthdate: '1998-03-14' } }),
    );
    expect(identified.person).toMatchObject({ firstName: 'Айгерим', secondName: 'Сарсенова', birthdate: '1998-03-14' });
    expect(identified.encounterDate).toBe('2026-03-01');
  });
});
