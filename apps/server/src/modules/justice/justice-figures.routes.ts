import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { JusticeFigures, JusticeFiguresQuery } from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { actorOf } from '../../auth/auth.plugin.ts';
import { justiceFigures } from './justice-figures.ts';

/**
 * The year's justice and redress figures within the reader's scope (issue #11). Counts only,
 * never a record: whoever reads criminal cases may count those she may read.
 */
export const justiceFiguresRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/justice/figures',
      { config: { access: 'criminal_case.read' }, schema: { tags: ['justice'], querystring: JusticeFiguresQuery, response: { 200: JusticeFigures } } },
      async (req) => justiceFigures(deps.db, actorOf(req).actor, req.query.year),
    );
  };
