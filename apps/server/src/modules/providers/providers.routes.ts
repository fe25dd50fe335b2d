import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CapacityBoard,
  CreateProviderBody,
  IdParams,
  Provider,
  ProviderListQuery,
  ProviderOccupancyBody,
  ProviderPage,
  UpdateProviderBody,
} from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { actorOf, auditContextOf } from '../../auth/auth.plugin.ts';
import { createProvidersService } from './providers.service.ts';

/** The provider directory and the capacity board (issue #10). */
export const providersRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const providers = createProvidersService(deps);

    app.get(
      '/providers',
      { config: { access: 'provider.read' }, schema: { tags: ['providers'], querystring: ProviderListQuery, response: { 200: ProviderPage } } },
      async (req) => providers.list(actorOf(req), { ...req.query, q: req.query.q || undefined }),
    );

    // Declared before '/providers/:id' for readers; the router matches the static path first anyway.
    app.get('/providers/capacity-board', { config: { access: 'provider.read' }, schema: { tags: ['providers'], response: { 200: CapacityBoard } } }, async () =>
      providers.board(),
    );

    app.get(
      '/providers/:id',
      { config: { access: 'provider.read' }, schema: { tags: ['providers'], params: IdParams, response: { 200: Provider } } },
      async (req) => providers.read(actorOf(req), req.params.id),
    );

    app.post(
      '/providers',
      { config: { access: 'provider.manage' }, schema: { tags: ['providers'], body: CreateProviderBody, response: { 200: Provider } } },
      async (req) => providers.create(actorOf(req), auditContextOf(req), req.body),
    );

    app.patch(
      '/providers/:id',
      { config: { access: 'provider.manage' }, schema: { tags: ['providers'], params: IdParams, body: UpdateProviderBody, response: { 200: Provider } } },
      async (req) => providers.update(actorOf(req), auditContextOf(req), req.params.id, req.body),
    );

    app.patch(
      '/providers/:id/occupancy',
      {
        config: { access: 'provider.manage' },
        schema: { tags: ['providers'], params: IdParams, body: ProviderOccupancyBody, response: { 200: Provider } },
      },
      async (req) => providers.occupancy(actorOf(req), auditContextOf(req), req.params.id, req.body),
    );
  };
