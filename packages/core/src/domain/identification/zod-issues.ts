import type { z } from 'zod';
import type { FieldIssue } from '../../errors.ts';

/** A parse result that never throws: the value, or field issues ready for a `DomainError`. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

/**
 * Converts zod issues to the core's `FieldIssue`s (i18n key `validation.<code>`). Custom issues
 * raised by our refinements carry their own code in `params.code`.
 */
export function fieldIssuesFromZod(error: z.ZodError, prefix = ''): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter((p) => p !== '').join('.');
    if (issue.code === 'custom') {
      const raw = (issue.params ?? {}) as Record<string, unknown>;
      const params: Record<string, string | number> = {};
      for (const [k, v] of Object.entries(raw)) if (k !== 'code' && (typeof v === 'string' || typeof v === 'number')) params[k] = v;
      const code = typeof raw.code === 'string' ? raw.code : 'custom';
      return Object.keys(params).length ? { path, code, params } : { path, code };
    }
    if (issue.code === 'too_small') return { path, code: issue.code, params: { minimum: Number(issue.minimum) } };
    if (issue.code === 'too_big') return { path, code: issue.code, params: { maximum: Number(issue.maximum) } };
    return { path, code: issue.code };
  });
}

/** Runs a schema and returns `Parsed<T>` instead of throwing. */
export function safeParseWith<S extends z.ZodType>(schema: S, input: unknown, prefix = ''): Parsed<z.output<S>> {
  const r = schema.safeParse(input);
  return r.success ? { ok: true, value: r.data } : { ok: false, issues: fieldIssuesFromZod(r.error, prefix) };
}
