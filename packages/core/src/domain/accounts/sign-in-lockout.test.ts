import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOCK_AFTER, LOCK_BASE_MS, LOCK_MAX_MS, lockoutMs } from './sign-in-lockout.ts';

describe('lockoutMs: exponential back-off per account and address', () => {
  it('does not lock before the threshold, then locks for the base time', () => {
    for (let f = 0; f < LOCK_AFTER; f++) expect(lockoutMs(f)).toBe(0);
    expect(lockoutMs(LOCK_AFTER)).toBe(LOCK_BASE_MS);
    expect(lockoutMs(LOCK_AFTER + 1)).toBe(2 * LOCK_BASE_MS);
    expect(lockoutMs(LOCK_AFTER + 2)).toBe(4 * LOCK_BASE_MS);
  });
  it('never shrinks with more failures and never exceeds the cap', () => {
    fc.assert(
      fc.property(fc.nat(10_000), (f) => {
        expect(lockoutMs(f + 1)).toBeGreaterThanOrEqual(lockoutMs(f));
        expect(lockoutMs(f)).toBeLessThanOrEqual(LOCK_MAX_MS);
      }),
    );
  });
});
