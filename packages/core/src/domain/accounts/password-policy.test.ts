import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, PASSWORD_MIN_LENGTH } from './password-policy.ts';

describe('password policy', () => {
  it('accepts a long varied password', () => {
    expect(checkPasswordPolicy('Tuz-Köl 2026 sunrise', 'aigerim')).toEqual([]);
  });
  it('rejects short, uniform, common and username-based passwords', () => {
    expect(checkPasswordPolicy('Ab1!', 'x').map((i) => i.code)).toContain('password_too_short');
    expect(checkPasswordPolicy('abcdefghijklmnop', 'x').map((i) => i.code)).toContain('password_needs_variety');
    expect(checkPasswordPolicy('Password123!', 'x').map((i) => i.code)).toContain('password_too_common');
    expect(checkPasswordPolicy('Aigerim-2026-xyz', 'aigerim').map((i) => i.code)).toContain('password_too_common');
  });
  it('accepts Cyrillic passwords with variety', () => {
    expect(checkPasswordPolicy('Қорғау-Күн-2026', 'police1')).toEqual([]);
  });
  it('never accepts anything shorter than the minimum', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: PASSWORD_MIN_LENGTH - 1 }), (p) => {
        expect(checkPasswordPolicy(p, 'user').length).toBeGreaterThan(0);
      }),
    );
  });
});
