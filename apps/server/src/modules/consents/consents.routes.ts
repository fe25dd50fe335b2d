import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ConsentList, ConsentView, IdParams, RecordConsentBody } from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { actorOf, auditContextOf } from '../../auth/auth.plugin.ts';
import { createConsentsService } from './consents.service.ts';

export const consentsRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const consents = createConsentsService(deps);

    app.get(
      '/persons/:id/consents',
      { config: { access: 'person.read' }, schema: { tags: ['consents'], params: IdParams, response: { 200: ConsentList } } },
      async (req) => consents.list(actorOf(req), auditContextOf(req), req.params.id),
    );

    app.post(
      '/persons/:id/consents',
      { config: { access: 'consent.record' }, schema: { tags: ['consents'], params: IdParams, body: RecordConsentBody, response: { 200: ConsentView } } },
      async (req) => consents.record(actorOf(req), auditContextOf(req), req.params.id, req.body),
    );

    app.post(
      '/consents/:id/withdraw',
      { config: { access: 'consent.withdraw' }, schema: { tags: ['consents'], params: IdParams, response: { 200: ConsentView } } },
      async (req) => consents.withdraw(actorOf(req), auditContextOf(req), req.params.id),
    );
  };
