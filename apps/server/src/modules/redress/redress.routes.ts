import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ClaimParams, FileClaimBody, IdParams, PersonRedress, RecordAwardBody, RecordInformedBody, RecordPaymentBody } from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { actorOf, auditContextOf } from '../../auth/auth.plugin.ts';
import { createRedressService } from './redress.service.ts';

/** Compensation per person (DOMAIN.md §2.6; issue #11 item 5). Legal aid has its own routes. */
export const redressRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const service = createRedressService(deps);
    const tags = ['redress'];
    const write = { config: { access: 'redress.act' as const } };

    app.get('/persons/:id/redress', { config: { access: 'redress.read' }, schema: { tags, params: IdParams, response: { 200: PersonRedress } } }, async (req) =>
      service.read(actorOf(req), auditContextOf(req), req.params.id),
    );

    app.post(
      '/persons/:id/redress/informed',
      { ...write, schema: { tags, params: IdParams, body: RecordInformedBody, response: { 200: PersonRedress } } },
      async (req) => service.recordInformed(actorOf(req), auditContextOf(req), req.params.id, req.body),
    );

    app.post(
      '/persons/:id/redress/claims',
      { ...write, schema: { tags, params: IdParams, body: FileClaimBody, response: { 200: PersonRedress } } },
      async (req) => service.fileClaim(actorOf(req), auditContextOf(req), req.params.id, req.body),
    );

    app.post(
      '/persons/:id/redress/claims/:claimId/award',
      { ...write, schema: { tags, params: ClaimParams, body: RecordAwardBody, response: { 200: PersonRedress } } },
      async (req) => service.recordAward(actorOf(req), auditContextOf(req), req.params.id, req.params.claimId, req.body),
    );

    app.post(
      '/persons/:id/redress/claims/:claimId/payments',
      { ...write, schema: { tags, params: ClaimParams, body: RecordPaymentBody, response: { 200: PersonRedress } } },
      async (req) => service.recordPayment(actorOf(req), auditContextOf(req), req.params.id, req.params.claimId, req.body),
    );
  };
