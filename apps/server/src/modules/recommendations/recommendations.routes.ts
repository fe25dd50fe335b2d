import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, Ok, RecommendationList, RecommendationListQuery, SetRecommendationStatusBody } from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { actorOf, auditContextOf } from '../../auth/auth.plugin.ts';
import { createRecommendationsService } from './recommendations.service.ts';

/**
 * The recommendations tracker (issue #13 item 5): read with the statistics (indicators within
 * the reader's scope); a status is set by the national coordinator (`recommendation.manage`).
 */
export const recommendationsRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const service = createRecommendationsService(deps);

    app.get(
      '/recommendations',
      {
        config: { access: 'statistics.read' },
        schema: { tags: ['statistics'], querystring: RecommendationListQuery, response: { 200: RecommendationList } },
      },
      async (req) => service.list(actorOf(req), req.query.year),
    );

    app.put(
      '/recommendations/:id/status',
      {
        config: { access: 'recommendation.manage' },
        schema: { tags: ['statistics'], params: IdParams, body: SetRecommendationStatusBody, response: { 200: Ok } },
      },
      async (req) => {
        await service.setStatus(actorOf(req), auditContextOf(req), req.params.id, req.body);
        return { ok: true as const };
      },
    );
  };
