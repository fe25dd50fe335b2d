import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';

/** Liveness (the process answers) and readiness (the database answers); no details leak. */
export const healthRoutes =
  ({ db }: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const Status = z.object({ status: z.enum(['ok', 'unavailable']) });
    app.get('/health', { config: { access: 'public' }, schema: { hide: true, response: { 200: Status } } }, async () => ({ status: 'ok' as const }));
    app.get('/ready', { config: { access: 'public' }, schema: { hide: true, response: { 200: Status, 503: Status } } }, async (_req, reply) => {
      try {
        await db.execute(sql`SELECT 1`);
        return { status: 'ok' as const };
      } catch {
        return reply.status(503).send({ status: 'unavailable' as const });
      }
    });
  };
