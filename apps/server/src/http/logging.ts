import { type FastifyReply, type FastifyRequest, type FastifyServerOptions, LogController } from 'fastify';
import type { Config } from '../config.ts';

/**
 * Logs never contain personal data: no bodies, no query strings (a name search puts the name
 * in the URL), no cookies or CSRF tokens, and error objects are reduced to class and code.
 *
 * LOG_FORMAT=text (the default) writes one short line per entry, e.g.
 * `17:20:01 GET /api/v1/persons 200 12 ms`; LOG_FORMAT=json writes pino's JSON lines for a
 * log collector. Either way a request is one line, written when its response is sent
 * (RequestLogController replaces Fastify's two lines per request).
 */
export function loggerOptions(config: Pick<Config, 'logLevel' | 'logFormat'>, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  const out = stream ?? process.stdout;
  return {
    level: config.logLevel,
    stream: config.logFormat === 'json' ? out : textDestination(out),
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({ method: req.method, path: pathOf(req.url), id: req.id }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      err: (err: { name?: string; code?: string }) => ({ name: err.name, code: err.code }),
    },
  } as unknown as FastifyServerOptions['logger'];
}

/** The path alone: the query string may carry a searched name. */
const pathOf = (url: string) => (url.split('?')[0] ?? '').slice(0, 200);

/** One line per request, when the response has been sent: method, path, status, duration (error level if sending failed). */
export class RequestLogController extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const path = pathOf(request.url);
    const ms = Math.round(reply.elapsedTime);
    const fields = { method: request.method, path, statusCode: reply.statusCode, ms };
    const line = `${request.method} ${path} ${reply.statusCode} ${ms} ms`;
    if (error) reply.log.error({ ...fields, err: error }, `${line} (response failed)`);
    else reply.log.info(fields, line);
  }
}

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: '', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
/** Fields that are either printed in the line already or are noise on a terminal. */
const QUIET_FIELDS = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'reqId', 'method', 'path', 'statusCode', 'ms']);

/** Formats one pino JSON line for a person reading a terminal: time, level (when not info), message, other fields as key=value. */
export function formatLogLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.endsWith('\n') ? json : `${json}\n`;
  }
  const time = typeof entry.time === 'number' ? new Date(entry.time).toISOString().slice(11, 19) : '';
  const level = LEVELS[entry.level as number] ?? String(entry.level);
  const fields = Object.entries(entry)
    .filter(([k, v]) => !QUIET_FIELDS.has(k) && v !== undefined)
    .map(([k, v]) => `${k}=${typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : JSON.stringify(v)}`);
  return `${[time, level, entry.msg ?? '', ...fields].filter((p) => p !== '').join(' ')}\n`;
}

/** A pino destination that writes formatLogLine's text instead of JSON (no transport, no worker thread). */
function textDestination(out: NodeJS.WritableStream): { write(line: string): boolean } {
  return { write: (line: string) => out.write(formatLogLine(line)) };
}
