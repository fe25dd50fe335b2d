import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CreateUserBody, IdParams, UpdateUserBody, User, UserListQuery, UserPage, UserWithTemporaryPassword } from '@qorgau/core';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { actorOf, auditContextOf } from '../../auth/auth.plugin.ts';
import { grantsRoutes } from './grants.routes.ts';
import { createUsersService } from './users.service.ts';

export const usersRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const users = createUsersService(deps);
    await app.register(grantsRoutes(deps));

    app.get(
      '/users',
      {
        config: { access: 'user.manage' },
        schema: { tags: ['users'], querystring: UserListQuery, response: { 200: UserPage } },
      },
      async (req) => users.list(req.query.q || undefined, req.query.page, req.query.pageSize),
    );

    app.post(
      '/users',
      {
        config: { access: 'user.manage' },
        schema: { tags: ['users'], body: CreateUserBody, response: { 200: UserWithTemporaryPassword } },
      },
      async (req) => users.create(actorOf(req), auditContextOf(req), req.body),
    );

    app.patch(
      '/users/:id',
      {
        config: { access: 'user.manage' },
        schema: { tags: ['users'], params: IdParams, body: UpdateUserBody, response: { 200: User } },
      },
      async (req) => users.update(actorOf(req), auditContextOf(req), req.params.id, req.body),
    );

    app.post(
      '/users/:id/reset-password',
      {
        config: { access: 'user.manage' },
        schema: { tags: ['users'], params: IdParams, body: z.object({}).optional(), response: { 200: UserWithTemporaryPassword } },
      },
      async (req) => users.resetPassword(actorOf(req), auditContextOf(req), req.params.id),
    );
  };
