import type { FastifyServerOptions } from 'fastify';
import type { Config } from '../config.ts';

/**
 * Logs never contain personal data: no bodies, no query strings (a name search puts the name
 * in the URL), no cookies or CSRF tokens, and error objects are reduced to class and code.
 */
export function loggerOptions(config: Pick<Config, 'logLevel'>, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    ...(stream ? { stream } : {}),
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({ method: req.method, path: req.url.split('?')[0], id: req.id }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      err: (err: { name?: string; code?: string }) => ({ name: err.name, code: err.code }),
    },
  } as unknown as FastifyServerOptions['logger'];
}
