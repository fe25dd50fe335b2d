import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AgencyList, CreateScreeningBody, HandoverBody, IdParams, Screening, ScreeningListQuery, ScreeningPage, ScreeningReference } from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { actorOf, auditContextOf } from '../../auth/auth.plugin.ts';
import { createScreeningsService } from './screenings.service.ts';

/** Frontline screening: whoever may open a case may screen (DOMAIN.md §2 step 1). */
export const screeningsRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const screenings = createScreeningsService(deps);

    app.get(
      '/reference/indicators',
      {
        config: { access: 'reference.read' },
        schema: { tags: ['screenings'], response: { 200: ScreeningReference } },
      },
      async () => deps.reference.current(),
    );

    app.get(
      '/screenings',
      {
        config: { access: 'case.create' },
        schema: { tags: ['screenings'], querystring: ScreeningListQuery, response: { 200: ScreeningPage } },
      },
      async (req) => screenings.list(actorOf(req), req.query.page, req.query.pageSize),
    );

    app.post(
      '/screenings',
      {
        config: { access: 'case.create' },
        schema: { tags: ['screenings'], body: CreateScreeningBody, response: { 200: Screening } },
      },
      async (req) => screenings.create(actorOf(req), auditContextOf(req), req.body),
    );

    app.get(
      '/screenings/:id',
      {
        config: { access: 'case.create' },
        schema: { tags: ['screenings'], params: IdParams, response: { 200: Screening } },
      },
      async (req) => screenings.read(actorOf(req), auditContextOf(req), req.params.id),
    );

    app.get(
      '/screenings/:id/handover-targets',
      {
        config: { access: 'case.create' },
        schema: { tags: ['screenings'], params: IdParams, response: { 200: AgencyList } },
      },
      async (req) => screenings.handoverTargets(actorOf(req), req.params.id),
    );

    app.post(
      '/screenings/:id/handover',
      {
        config: { access: 'case.create' },
        schema: { tags: ['screenings'], params: IdParams, body: HandoverBody, response: { 200: Screening } },
      },
      async (req) => screenings.handover(actorOf(req), auditContextOf(req), req.params.id, req.body.toAgencyId),
    );
  };
