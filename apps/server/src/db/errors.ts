/** Drivers wrap PostgreSQL errors differently (Drizzle puts the original at `cause`). */
export function pgErrorCode(e: unknown): string | undefined {
  const err = e as { code?: unknown; cause?: { code?: unknown } };
  const code = err?.cause?.code ?? err?.code;
  return typeof code === 'string' ? code : undefined;
}

export const isUniqueViolation = (e: unknown): boolean => pgErrorCode(e) === '23505';
