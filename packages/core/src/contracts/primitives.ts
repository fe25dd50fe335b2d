import { z } from 'zod';
import { nameIssue } from '../domain/names/name-input.ts';

/**
 * The only ways a contract takes a string from a client (issue #8). Each primitive refuses
 * NUL and other control characters and unpaired surrogates (PostgreSQL cannot store them, so
 * they used to reach the database and fail there as a 500), normalises to NFC (one spelling
 * of "ә" whatever the keyboard sent), trims, and bounds the length. Each carries INPUT_MARK in
 * the JSON schema, so the OpenAPI test can refuse any request string built without them.
 * Enums, `z.uuid()` and numbers need nothing more: they cannot carry free text.
 */
export const INPUT_MARK = 'x-qorgau-input';

/** C0 controls (tab, line feed and carriage return allowed in multi-line text), DEL and C1. */
const CONTROL_MULTILINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const issue = (code: string) => ({ params: { code }, abort: true });

function safeString(multiline: boolean) {
  const control = multiline ? CONTROL_MULTILINE : CONTROL;
  return z
    .string()
    .refine((s) => !control.test(s) && !LONE_SURROGATE.test(s), issue('invalid_characters'))
    .normalize('NFC')
    .trim();
}

export interface TextOptions {
  max: number;
  min?: number;
  /** Narratives and notes: line breaks and tabs allowed. */
  multiline?: boolean;
}

/** Free text: a search term, a narrative, a note, a reason. */
export function text(opts: TextOptions) {
  const s = safeString(opts.multiline ?? false);
  return (opts.min ? s.min(opts.min) : s).max(opts.max).meta({ [INPUT_MARK]: 'text' });
}

/**
 * A name of a person, an agency or a user: single-line text that must show something when
 * it holds something, and may not hold bidirectional controls (see core names/name-input).
 */
export function nameText(opts: { max: number; min?: number }) {
  const s = safeString(false);
  return (opts.min ? s.min(opts.min) : s)
    .max(opts.max)
    .superRefine((v, ctx) => {
      const code = nameIssue(v);
      if (code) ctx.addIssue({ code: 'custom', message: code, params: { code } });
    })
    .meta({ [INPUT_MARK]: 'name' });
}

/** A code with a fixed shape (a username, a phone number, a TOTP code): the pattern keeps out the rest. */
export function codeText(pattern: RegExp, opts: { max: number; lowercase?: boolean }) {
  const s = safeString(false).max(opts.max);
  return (opts.lowercase ? s.toLowerCase() : s).regex(pattern).meta({ [INPUT_MARK]: 'code' });
}

/** A web address (a source cited by a reference list). */
export function urlText(opts: { max: number }) {
  return z
    .url()
    .max(opts.max)
    .refine((s) => !CONTROL.test(s) && !LONE_SURROGATE.test(s), issue('invalid_characters'))
    .meta({ [INPUT_MARK]: 'url' });
}

/**
 * A password: compared as typed, so neither trimmed nor normalised (that would change what
 * an existing hash was made from); only bounded.
 */
export function secretText(opts: { max: number; min?: number }) {
  return z
    .string()
    .min(opts.min ?? 0)
    .max(opts.max)
    .meta({ [INPUT_MARK]: 'secret' });
}

/** Earliest and latest dates any filter or record accepts: PostgreSQL stores year 0 and 9999, our rules do not. */
export const DATE_MIN = '1900-01-01';
export const DATE_MAX = '2100-12-31';

/**
 * A real calendar date (YYYY-MM-DD, 29 February only in leap years) within [min, max]. Dates
 * "not in the future" need the server's clock: the service checks them (futureDateIssues).
 */
export function isoDate(opts: { min?: string; max?: string } = {}) {
  const min = opts.min ?? DATE_MIN;
  const max = opts.max ?? DATE_MAX;
  return (
    z.iso
      .date()
      // Only a well-formed date is out of range (a malformed one already has its own issue).
      .refine((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d) || (d >= min && d <= max), { params: { code: 'date_out_of_range' } })
      .meta({ [INPUT_MARK]: 'date' })
  );
}

/** Field issues for dates after `today` (YYYY-MM-DD, Kazakhstan's date from the injected clock). */
export function futureDateIssues(today: string, fields: Record<string, string | null | undefined>): { path: string; code: string }[] {
  return Object.entries(fields)
    .filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] > today)
    .map(([path]) => ({ path, code: 'date_in_future' }));
}

/**
 * A PATCH body must set something: `{}` or only unknown keys (stripped by zod) would reach
 * the database as an empty update. Refused as a 400 naming the body.
 */
export function patchBody<S extends z.ZodObject>(schema: S) {
  return schema.refine((b: Record<string, unknown>) => Object.values(b).some((v) => v !== undefined), { params: { code: 'empty_patch' } });
}

/**
 * A JSON document the route hands as it is to its own parser (a reference rules document, an
 * entitlement action): an object whose top-level keys are codes. Its values are judged by that
 * parser, which answers field by field; the keys are bounded here like every other input.
 */
export function jsonDocument() {
  return z.record(codeText(/^[A-Za-z0-9_.$-]+$/, { max: 100 }), z.unknown());
}
