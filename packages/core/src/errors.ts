/**
 * Errors are values. Every code is also the i18n key `errors.<code>` shown to the user,
 * and maps to exactly one HTTP status in the server's error handler.
 */
export const ERROR_CODES = [
  'validation_failed',
  'not_found',
  'unauthenticated',
  'forbidden',
  'csrf_failed',
  'invalid_credentials',
  'account_locked',
  'account_disabled',
  'two_factor_required',
  'two_factor_invalid',
  'two_factor_not_enrolled',
  'password_change_required',
  'password_policy',
  'password_reused',
  'conflict',
  'invalid_transition',
  'rate_limited',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A field-level problem: `path` is the input path, `code` an i18n key under `validation.`. */
export interface FieldIssue {
  path: string;
  code: string;
  params?: Record<string, string | number>;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldIssue[];
  constructor(code: ErrorCode, fields: FieldIssue[] = []) {
    super(code);
    this.name = 'DomainError';
    this.code = code;
    this.fields = fields;
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
