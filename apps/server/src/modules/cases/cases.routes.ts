import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppendCaseActionBody, Case, CaseListQuery, CaseOverview, CasePage, CreateCaseBody, IdParams } from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { actorOf, auditContextOf } from '../../auth/auth.plugin.ts';
import { createCasesService } from './cases.service.ts';

export const casesRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const cases = createCasesService(deps);

    app.get(
      '/cases',
      {
        config: { access: 'case.read' },
        schema: { tags: ['cases'], querystring: CaseListQuery, response: { 200: CasePage } },
      },
      async (req) => cases.list(actorOf(req), auditContextOf(req), { ...req.query, q: req.query.q || undefined }),
    );

    app.get(
      '/cases/overview',
      {
        config: { access: 'case.read' },
        schema: { tags: ['cases'], response: { 200: CaseOverview } },
      },
      async (req) => cases.overview(actorOf(req)),
    );

    app.post(
      '/cases',
      {
        config: { access: 'case.create' },
        schema: { tags: ['cases'], body: CreateCaseBody, response: { 200: Case } },
      },
      async (req) => cases.create(actorOf(req), auditContextOf(req), req.body),
    );

    app.get(
      '/cases/:id',
      {
        config: { access: 'case.read' },
        schema: { tags: ['cases'], params: IdParams, response: { 200: Case } },
      },
      async (req) => cases.read(actorOf(req), auditContextOf(req), req.params.id),
    );

    app.post(
      '/cases/:id/actions',
      {
        config: { access: 'case.act' },
        schema: { tags: ['cases'], params: IdParams, body: AppendCaseActionBody, response: { 200: Case } },
      },
      async (req) => cases.append(actorOf(req), auditContextOf(req), req.params.id, req.body),
    );
  };
