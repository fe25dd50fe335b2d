import { ErrorBody } from '@qorgau/core';
import { currentLanguage } from '../i18n/setup.ts';

/** Anything with a zod-like `parse`: the core contracts are passed in directly. */
export interface Parser<T> {
  parse(data: unknown): T;
}

export interface FieldProblem {
  path: string;
  code: string;
  message: string;
}

/**
 * A failed request. `code` is one of core's ERROR_CODES, or `network` when the server
 * was not reached and `bad_response` when the answer did not match the contract.
 * `message` and field messages are already translated by the server.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldProblem[];
  constructor(status: number, code: string, message: string, fields: FieldProblem[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

const BASE = '/api/v1';

let csrfToken: string | null = null;

/** Kept in memory only; the session cookie itself is httpOnly. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The CSRF header for a request built outside `http` (a binary upload, documents-api.ts). */
export const csrfHeader = (): Record<string, string> => (csrfToken ? { 'x-csrf-token': csrfToken } : {});

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

function buildUrl(path: string, query?: QueryParams): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return `${BASE}${path}${qs ? `?${qs}` : ''}`;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

async function request<T>(method: string, path: string, parser: Parser<T>, body?: unknown, query?: QueryParams): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': currentLanguage() };
  const init: RequestInit = { method, headers, credentials: 'same-origin', cache: 'no-store' };
  if (method !== 'GET') {
    headers['content-type'] = 'application/json';
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
    init.body = JSON.stringify(body ?? {});
  }
  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), init);
  } catch {
    throw new ApiError(0, 'network', '');
  }
  const data = await readJson(response);
  if (!response.ok) {
    const parsed = ErrorBody.safeParse(data);
    if (parsed.success) {
      const { code, message, fields } = parsed.data.error;
      throw new ApiError(response.status, code, message, fields);
    }
    // A proxy error page or an empty body: no server-translated message to show.
    throw new ApiError(response.status, response.status >= 500 ? 'internal' : 'bad_response', '');
  }
  try {
    return parser.parse(data);
  } catch (e) {
    console.error(`Response of ${method} ${path} does not match its contract`, e);
    throw new ApiError(response.status, 'bad_response', '');
  }
}

export const http = {
  get: <T>(path: string, parser: Parser<T>, query?: QueryParams) => request('GET', path, parser, undefined, query),
  post: <T>(path: string, parser: Parser<T>, body?: unknown) => request('POST', path, parser, body),
  patch: <T>(path: string, parser: Parser<T>, body?: unknown) => request('PATCH', path, parser, body),
  put: <T>(path: string, parser: Parser<T>, body?: unknown) => request('PUT', path, parser, body),
};

/** For endpoints whose answer the UI does not use. */
export const anyResponse: Parser<unknown> = { parse: (data) => data };
