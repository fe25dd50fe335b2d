import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { WorkOverview } from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { actorOf } from '../../auth/auth.plugin.ts';
import { workOf } from './work.service.ts';

/** The home page's work (issue #10 item 5): each queue filters by the user's role and scope itself. */
export const workRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/work', { config: { access: 'authenticated' }, schema: { tags: ['work'], response: { 200: WorkOverview } } }, async (req) =>
      workOf(deps, actorOf(req)),
    );
  };
