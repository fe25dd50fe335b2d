import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysInMonth, iinCheckDigit, isValidIin, makeIin, makeKgPin, makeUzPinfl } from './identity.ts';
import { Rng } from './prng.ts';

/** Reference check digit, written independently of the implementation (straight from the rule). */
function referenceCheck(first11: string): number | null {
  const d = first11.split('').map(Number);
  const sum = (w: number[]): number => d.reduce((acc, x, i) => acc + x * (w[i] ?? 0), 0) % 11;
  const a = sum([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  if (a < 10) return a;
  const b = sum([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
  return b < 10 ? b : null;
}

const civilDate = fc
  .tuple(fc.integer({ min: 1900, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .map(([year, month, day]) => ({ year, month, day: Math.min(day, daysInMonth(year, month)) }));

describe('Kazakh IIN', () => {
  it('accepts hand-checked examples (both check-digit paths)', () => {
    // 9·1+0+0+1·4+0+1·6+3·7+0+0+0+1·11 = 51 ≡ 7 (mod 11)
    expect(isValidIin('900101300017')).toBe(true);
    // weights 1..11 give 131 ≡ 10, so weights 3..11,1,2 apply: 173 ≡ 8
    expect(isValidIin('850616400208')).toBe(true);
  });

  it('rejects malformed numbers', () => {
    for (const bad of ['', '90010130001', '9001013000170', '90010130001a', '900101300018', '901301300017', '900100300017', '900101700017', '900230300017']) {
      expect(isValidIin(bad), bad).toBe(false);
    }
  });

  it('check digit agrees with a reference implementation on any prefix', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{11}$/), (prefix) => {
        expect(iinCheckDigit(prefix)).toBe(referenceCheck(prefix));
      }),
      { numRuns: 5000 },
    );
  });

  it('makeIin is valid and encodes birth date and sex; any other check digit is rejected', () => {
    fc.assert(
      fc.property(civilDate, fc.boolean(), fc.integer(), (birth, female, seed) => {
        const iin = makeIin(new Rng(seed), birth, female);
        expect(isValidIin(iin)).toBe(true);
        expect(iin.slice(0, 6)).toBe(String(birth.year % 100).padStart(2, '0') + String(birth.month).padStart(2, '0') + String(birth.day).padStart(2, '0'));
        expect(Number(iin[6])).toBe((birth.year >= 2000 ? 5 : 3) + (female ? 1 : 0));
        for (let d = 0; d <= 9; d++) {
          if (String(d) !== iin[11]) expect(isValidIin(iin.slice(0, 11) + String(d))).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('Kyrgyz PIN and Uzbek PINFL', () => {
  it('have 14 digits with sex and birth date in place', () => {
    fc.assert(
      fc.property(civilDate, fc.boolean(), fc.integer(), (birth, female, seed) => {
        const dd = String(birth.day).padStart(2, '0');
        const mm = String(birth.month).padStart(2, '0');
        const pin = makeKgPin(new Rng(seed), birth, female);
        expect(pin).toMatch(/^\d{14}$/);
        expect(pin.slice(0, 9)).toBe((female ? '1' : '2') + dd + mm + String(birth.year));
        const pinfl = makeUzPinfl(new Rng(seed), birth, female);
        expect(pinfl).toMatch(/^\d{14}$/);
        expect(pinfl.slice(1, 7)).toBe(dd + mm + String(birth.year % 100).padStart(2, '0'));
      }),
    );
  });
});
