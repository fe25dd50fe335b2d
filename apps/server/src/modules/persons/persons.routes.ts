import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CreatePersonBody, IdParams, Person, PersonListQuery, PersonPage } from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { actorOf, auditContextOf } from '../../auth/auth.plugin.ts';
import { createPersonsService } from './persons.service.ts';

export const personsRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  const persons = createPersonsService(deps);

  app.get('/persons', {
    config: { access: 'person.read' },
    schema: { tags: ['persons'], querystring: PersonListQuery, response: { 200: PersonPage } },
  }, async (req) => persons.list(actorOf(req), auditContextOf(req), req.query.q || undefined, req.query.page, req.query.pageSize));

  app.post('/persons', {
    config: { access: 'person.create' },
    schema: { tags: ['persons'], body: CreatePersonBody, response: { 200: Person } },
  }, async (req) => persons.create(actorOf(req), auditContextOf(req), req.body));

  app.get('/persons/:id', {
    config: { access: 'person.read' },
    schema: { tags: ['persons'], params: IdParams, response: { 200: Person } },
  }, async (req) => persons.read(actorOf(req), auditContextOf(req), req.params.id));
};
