import { isApiError } from '../api/http-client.ts';

/**
 * Field messages of a failed request keyed by input path ("firstName",
 * "jurisdiction.regions"). `prefix` strips a wrapper such as "action." for nested bodies.
 */
export function fieldErrors(error: unknown, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isApiError(error)) return out;
  for (const f of error.fields) {
    const path = prefix && f.path.startsWith(prefix) ? f.path.slice(prefix.length) : f.path;
    // The first problem of a field is the one to fix first.
    if (!(path in out)) out[path] = f.message;
    // "jurisdiction.regions.0" also marks "jurisdiction.regions".
    const parent = path.replace(/\.\d+$/, '');
    if (parent !== path && !(parent in out)) out[parent] = f.message;
  }
  return out;
}
