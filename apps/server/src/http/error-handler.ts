import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, type ErrorBody, type ErrorCode, type FieldIssue } from '@qorgau/core';
import type { Translator } from './i18n.ts';
import { pgErrorCode } from '../db/errors.ts';

/** The one place where an error becomes an HTTP status. */
const STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  password_policy: 400,
  password_reused: 400,
  invalid_transition: 409,
  conflict: 409,
  not_found: 404,
  unauthenticated: 401,
  invalid_credentials: 401,
  two_factor_required: 401,
  two_factor_invalid: 401,
  account_locked: 403,
  account_disabled: 403,
  two_factor_not_enrolled: 403,
  password_change_required: 403,
  forbidden: 403,
  csrf_failed: 403,
  rate_limited: 429,
  internal: 500,
};

/**
 * The web app's page for a path outside /api: the public report page is its own small entry
 * (report.html, without the staff app's code), everything else is the staff app's index.html.
 */
export function spaPageOf(url: string): 'report.html' | 'index.html' {
  const path = url.split('?', 1)[0];
  return path === '/report' || path === '/report/' ? 'report.html' : 'index.html';
}

/** `spa`: GET requests outside /api fall back to the web app's pages (`spaPageOf`), with the same headers (CSP) as any answer. */
export function registerErrorHandling(app: FastifyInstance, translator: Translator, opts: { spa: boolean }): void {
  const body = (locale: Parameters<Translator['t']>[0], code: ErrorCode, fields: FieldIssue[]): ErrorBody => ({
    error: {
      code,
      message: translator.t(locale, `errors.${code}`),
      fields: fields.map((f) => ({ path: f.path, code: f.code, message: translator.t(locale, `validation.${f.code}`, f.params) })),
    },
  });

  app.setErrorHandler((err: FastifyError, request, reply) => {
    const locale = request.locale;
    if (err instanceof DomainError) {
      // A signed-in caller refused or sent to "not found": audited after the answer (access-denied.ts).
      if ((err.code === 'forbidden' || err.code === 'not_found') && request.auth) request.denial = err.code;
      return reply.status(STATUS[err.code]).send(body(locale, err.code, err.fields));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = err.validation.map((v) => ({
        path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        // Our refinements name their own message key in params.code (core zod-issues.ts).
        code: v.keyword === 'custom' ? customCode(v.params) : v.keyword,
        params: Object.fromEntries(
          Object.entries(v.params).filter((e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number'),
        ),
      }));
      return reply.status(400).send(body(locale, 'validation_failed', fields));
    }
    if (err.statusCode === 429) return reply.status(429).send(body(locale, 'rate_limited', []));
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      // Malformed JSON, wrong content type, body too large: the client's fault, nothing to leak.
      return reply.status(err.statusCode).send(body(locale, 'validation_failed', []));
    }
    // Why: a 500 must never carry a stack trace, SQL or personal data to the client. The log
    // gets the error's class and code only (driver messages can quote personal values).
    request.log.error({ ...errorClassOf(err), reqId: request.id }, 'unhandled error');
    return reply.status(500).send(body(locale, 'internal', []));
  });

  app.setNotFoundHandler((request, reply) => {
    if (opts.spa && (request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/api/')) return reply.sendFile(spaPageOf(request.url));
    return reply.status(404).send(body(request.locale, 'not_found', []));
  });
}

/**
 * What a 500's log line may say: the error's class (and its cause's: drivers wrap), its own
 * code and the PostgreSQL SQLSTATE (`22021` for a NUL byte, `22008` for a date out of range),
 * enough to find the cause. Never the message or the parameters: they can quote personal data.
 */
export function errorClassOf(err: unknown): { errClass: string; errName?: string; errCode?: string; causeClass?: string; sqlState?: string } {
  const e = err as { name?: unknown; code?: unknown; cause?: unknown } | null;
  const className = (v: unknown): string | undefined => (v && typeof v === 'object' ? (v as object).constructor?.name : undefined);
  const code = typeof e?.code === 'string' && e.code.length <= 64 ? e.code : undefined;
  const sqlState = pgErrorCode(err);
  return {
    errClass: className(err) ?? typeof err,
    ...(typeof e?.name === 'string' ? { errName: e.name } : {}),
    ...(code && code !== sqlState ? { errCode: code } : {}),
    ...(e?.cause ? { causeClass: className(e.cause) } : {}),
    ...(sqlState && /^[0-9A-Z]{5}$/.test(sqlState) ? { sqlState } : {}),
  };
}

function customCode(params: Record<string, unknown>): string {
  const inner = params.params as Record<string, unknown> | undefined;
  return typeof inner?.code === 'string' ? inner.code : 'custom';
}
