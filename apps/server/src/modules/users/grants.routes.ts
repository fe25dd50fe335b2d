import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AccessGrantPage, GrantListQuery, IdParams, Ok } from '@qorgau/core';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { actorOf, auditContextOf } from '../../auth/auth.plugin.ts';
import { createGrantsService } from './grants.service.ts';

/** Four-eyes grants (issue #8): a second administrator or the national coordinator decides. */
export const grantsRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const grants = createGrantsService(deps);

    app.get(
      '/grants',
      {
        config: { access: 'grant.approve' },
        schema: { tags: ['users'], querystring: GrantListQuery, response: { 200: AccessGrantPage } },
      },
      async (req) => grants.list(actorOf(req), req.query.status, req.query.page, req.query.pageSize),
    );

    app.post(
      '/grants/:id/approve',
      {
        config: { access: 'grant.approve' },
        schema: { tags: ['users'], params: IdParams, body: z.object({}).optional(), response: { 200: Ok } },
      },
      async (req) => {
        await grants.decide(actorOf(req), auditContextOf(req), req.params.id, 'approved');
        return { ok: true as const };
      },
    );

    app.post(
      '/grants/:id/reject',
      {
        config: { access: 'grant.approve' },
        schema: { tags: ['users'], params: IdParams, body: z.object({}).optional(), response: { 200: Ok } },
      },
      async (req) => {
        await grants.decide(actorOf(req), auditContextOf(req), req.params.id, 'rejected');
        return { ok: true as const };
      },
    );
  };
