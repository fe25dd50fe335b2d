import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestShared } from './bulk-linkage.ts';

describe('the candidates an imported record is scored against', () => {
  it('are the first ones of a stable sort by keys shared, most first, whatever is offered (property)', () => {
    const best = bestShared(10);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 12 }), { maxLength: 300 }), fc.integer({ min: 1, max: 4 }), (shared, rounds) => {
        // The same selection serves record after record: each take leaves it empty.
        for (let r = 0; r < rounds; r++) {
          shared.forEach((n, item) => best.offer(n, item));
          const expected = shared
            .map((n, item) => ({ n, item }))
            .sort((a, b) => b.n - a.n)
            .slice(0, 10)
            .map((c) => c.item);
          expect(best.take()).toEqual(expected);
        }
      }),
    );
  });
});
