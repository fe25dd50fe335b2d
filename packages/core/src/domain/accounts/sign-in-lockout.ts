/**
 * Sign-in lockout (issue #8). Why per account AND address: a lock per account alone lets
 * anyone who knows a username lock its owner out from anywhere (five wrong passwords a
 * quarter of an hour keep an officer out of the register for good). Failures are counted per
 * (account, client address); from LOCK_AFTER failures on, that address may not sign in to
 * that account for LOCK_BASE_MS, doubled for every further failure, at most LOCK_MAX_MS. The
 * owner, from her own address, signs in as usual and is told of the failures (count and last
 * time) at that sign-in. Guessing from many addresses is slowed by the per-address rate limit
 * and stopped by the second factor every role with personal data must use.
 */
export const LOCK_AFTER = 5;
export const LOCK_BASE_MS = 5 * 60_000;
export const LOCK_MAX_MS = 24 * 3_600_000;

/** How long an address is locked out of an account after its `failures`-th failure; 0 for not at all. */
export function lockoutMs(failures: number): number {
  if (failures < LOCK_AFTER) return 0;
  const doublings = Math.min(failures - LOCK_AFTER, 20);
  return Math.min(LOCK_BASE_MS * 2 ** doublings, LOCK_MAX_MS);
}
