/** Drivers wrap PostgreSQL errors differently (Drizzle puts the original at `cause`). */
export function pgErrorCode(e: unknown): string | undefined {
  const err = e as { code?: unknown; cause?: { code?: unknown } };
  const code = err?.cause?.code ?? err?.code;
  return typeof code === 'string' ? code : undefined;
}

export const isUniqueViolation = (e: unknown): boolean => pgErrorCode(e) === '23505';

/**
 * Idempotent writes (ARCHITECTURE.md: every client write carries a client id; replays are
 * no-ops): the id of the record `find` already sees for this client id, else the one `write`
 * creates; when a concurrent replay won the race (a unique violation), the winner's.
 */
export async function writeOnce(find: () => Promise<string | null>, write: () => Promise<string>): Promise<string> {
  const existing = await find();
  if (existing) return existing;
  try {
    return await write();
  } catch (e) {
    const winner = isUniqueViolation(e) ? await find() : null;
    if (!winner) throw e;
    return winner;
  }
}
