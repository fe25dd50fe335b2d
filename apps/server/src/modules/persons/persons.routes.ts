import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CreatePersonBody, IdParams, Ok, Person, PersonListQuery, PersonMatchDecisionBody, PersonMatches, PersonMatchProbe, PersonPage } from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { actorOf, auditContextOf } from '../../auth/auth.plugin.ts';
import { createPersonsService } from './persons.service.ts';

export const personsRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const persons = createPersonsService(deps);

    app.get(
      '/persons',
      {
        config: { access: 'person.read' },
        schema: { tags: ['persons'], querystring: PersonListQuery, response: { 200: PersonPage } },
      },
      async (req) => persons.list(actorOf(req), auditContextOf(req), req.query.q || undefined, req.query.page, req.query.pageSize),
    );

    app.post(
      '/persons',
      {
        config: { access: 'person.create' },
        schema: { tags: ['persons'], body: CreatePersonBody, response: { 200: Person } },
      },
      async (req) => persons.create(actorOf(req), auditContextOf(req), req.body),
    );

    // POST, not GET: the names being checked must not appear in URLs or access logs.
    app.post(
      '/persons/matches',
      {
        config: { access: 'person.create' },
        schema: { tags: ['persons'], body: PersonMatchProbe, response: { 200: PersonMatches } },
      },
      async (req) => persons.matches(actorOf(req), auditContextOf(req), req.body),
    );

    app.post(
      '/persons/match-decisions',
      {
        config: { access: 'person.create' },
        schema: { tags: ['persons'], body: PersonMatchDecisionBody, response: { 200: Ok } },
      },
      async (req) => {
        await persons.decideMatch(actorOf(req), auditContextOf(req), req.body.candidateId, req.body.decision);
        return { ok: true as const };
      },
    );

    app.get(
      '/persons/:id',
      {
        config: { access: 'person.read' },
        schema: { tags: ['persons'], params: IdParams, response: { 200: Person } },
      },
      async (req) => persons.read(actorOf(req), auditContextOf(req), req.params.id),
    );
  };
