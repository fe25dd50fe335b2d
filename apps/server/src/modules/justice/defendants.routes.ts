import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AddDefendantBody, ChargeBody, DefendantParams, DefendantsView, IdParams, OutcomeBody, UpdateDefendantBody } from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { actorOf, auditContextOf } from '../../auth/auth.plugin.ts';
import { createDefendantsService } from './defendants.service.ts';

/**
 * Suspects and defendants of a criminal case (issue #11 item 1). Each write's authority: core
 * CRIMINAL_CASE_ACTION_RULES (add_defendant, update_defendant, charge, record_outcome).
 */
export const defendantsRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const service = createDefendantsService(deps);
    const tags = ['justice'];
    const response = { 200: DefendantsView };

    app.get('/criminal-cases/:id/defendants', { config: { access: 'criminal_case.read' }, schema: { tags, params: IdParams, response } }, async (req) =>
      service.list(actorOf(req), auditContextOf(req), req.params.id),
    );

    const write = { config: { access: 'criminal_case.act' as const } };
    app.post('/criminal-cases/:id/defendants', { ...write, schema: { tags, params: IdParams, body: AddDefendantBody, response } }, async (req) =>
      service.add(actorOf(req), auditContextOf(req), req.params.id, req.body),
    );
    app.post(
      '/criminal-cases/:id/defendants/:defendantId/update',
      { ...write, schema: { tags, params: DefendantParams, body: UpdateDefendantBody, response } },
      async (req) => service.update(actorOf(req), auditContextOf(req), req.params.id, req.params.defendantId, req.body),
    );
    app.post(
      '/criminal-cases/:id/defendants/:defendantId/charge',
      { ...write, schema: { tags, params: DefendantParams, body: ChargeBody, response } },
      async (req) => service.charge(actorOf(req), auditContextOf(req), req.params.id, req.params.defendantId, req.body),
    );
    app.post(
      '/criminal-cases/:id/defendants/:defendantId/outcome',
      { ...write, schema: { tags, params: DefendantParams, body: OutcomeBody, response } },
      async (req) => service.recordOutcome(actorOf(req), auditContextOf(req), req.params.id, req.params.defendantId, req.body),
    );
  };
