import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jaro, jaroWinkler } from './string-similarity.ts';

describe('jaro / jaroWinkler', () => {
  it('matches textbook values', () => {
    expect(jaro('martha', 'marhta')).toBeCloseTo(0.9444, 4);
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.9611, 4);
    expect(jaro('dwayne', 'duane')).toBeCloseTo(0.8222, 4);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 4);
    expect(jaro('dixon', 'dicksonx')).toBeCloseTo(0.7667, 4);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.8133, 4);
    expect(jaro('abc', 'xyz')).toBe(0);
    expect(jaro('', '')).toBe(1);
    expect(jaro('a', '')).toBe(0);
  });

  const word = fc.string({ unit: fc.constantFrom(...'abcdeikmnorstu'), maxLength: 12 });

  it('lies in [0, 1], is symmetric, and is 1 on identical strings', () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        for (const f of [jaro, jaroWinkler]) {
          const s = f(a, b);
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(1);
          expect(f(b, a)).toBe(s);
          expect(f(a, a)).toBe(1);
        }
        expect(jaroWinkler(a, b)).toBeGreaterThanOrEqual(jaro(a, b));
      }),
      { numRuns: 500 },
    );
  });
});
