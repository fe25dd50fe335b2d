import { describe, expect, it } from 'vitest';
import { advance, clampStep, firstStepWithError, LAST_STEP, progressOf, SCREENING_STEPS, stepOfField } from './screening-steps.ts';

describe('screening form steps', () => {
  it('places every field the form validates on the step that shows it', () => {
    expect(SCREENING_STEPS).toEqual(['encounter', 'person', 'indicators', 'consent']);
    expect(['encounterDate', 'regionCode', 'setting', 'language'].map(stepOfField)).toEqual([0, 0, 0, 0]);
    expect(['ageYears', 'gender', 'citizenship', 'exploitationTypes'].map(stepOfField)).toEqual([1, 1, 1, 1]);
    expect(stepOfField('observed')).toBe(2);
    expect(['consent', 'person.firstName', 'person.identityDocumentType', 'narrative', 'existingPersonId'].map(stepOfField)).toEqual([3, 3, 3, 3, 3]);
    // An error the form cannot place is shown where the submit button is.
    expect(stepOfField('somethingElse')).toBe(LAST_STEP);
  });

  it('"next" stays on a step that lacks a required field and names only that step\'s fields', () => {
    const missing = new Set(['setting', 'gender', 'consent']);
    expect(advance(0, missing)).toEqual({ step: 0, blocked: ['setting'], submit: false });
    expect(advance(1, new Set(['consent']))).toEqual({ step: 2, blocked: [], submit: false });
    expect(advance(2, new Set())).toEqual({ step: 3, blocked: [], submit: false });
  });

  it('on the last step, a field missing earlier takes the user back to the first step with an error; nothing missing submits', () => {
    expect(advance(LAST_STEP, new Set(['gender', 'regionCode']))).toEqual({ step: 0, blocked: ['regionCode'], submit: false });
    expect(advance(LAST_STEP, new Set(['person.firstName']))).toEqual({ step: LAST_STEP, blocked: ['person.firstName'], submit: false });
    expect(advance(LAST_STEP, new Set())).toEqual({ step: LAST_STEP, blocked: [], submit: true });
  });

  it("a server's field errors lead to the earliest step that shows one", () => {
    expect(firstStepWithError(['person.secondName', 'ageYears'])).toBe(1);
    expect(firstStepWithError([])).toBeNull();
  });

  it('a stored step is kept within the steps (an older draft without one starts at the first)', () => {
    expect(clampStep(2)).toBe(2);
    expect(clampStep(undefined)).toBe(0);
    expect(clampStep(9)).toBe(LAST_STEP);
    expect(clampStep(-1)).toBe(0);
    expect(clampStep(1.5)).toBe(0);
    expect([0, 1, 2, 3].map(progressOf)).toEqual([25, 50, 75, 100]);
  });
});
