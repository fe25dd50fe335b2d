import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAcceptedContentType, rightsSheetSections } from './documents.ts';

describe('rights sheet sections', () => {
  it('a citizen reads that assistance is free and not conditional on cooperation, and nothing about a reflection period', () => {
    const s = rightsSheetSections('KZ');
    expect(s).toContain('not_conditional');
    expect(s.some((k) => k.startsWith('foreign_'))).toBe(false);
    expect(s).toContain('citizen_medical');
  });

  it('every foreign national (any other country) reads the reflection period, residency and paid medical care, and the common rights', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z]{2}$/).filter((c) => c !== 'KZ'),
        (c) => {
          const s = rightsSheetSections(c);
          expect(s).toEqual(expect.arrayContaining(['free_assistance', 'not_conditional', 'foreign_reflection', 'foreign_residency', 'foreign_medical']));
          // Medical care is free for citizens only.
          expect(s).not.toContain('citizen_medical');
        },
      ),
    );
  });

  it('accepts only the listed content types', () => {
    expect(isAcceptedContentType('image/png')).toBe(true);
    expect(isAcceptedContentType('application/x-msdownload')).toBe(false);
    expect(isAcceptedContentType(undefined)).toBe(false);
  });
});
