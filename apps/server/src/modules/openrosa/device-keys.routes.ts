import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DeviceKeyCreateBody, DeviceKeyCreated, DeviceKeyList, IdParams } from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { actorOf, auditContextOf } from '../../auth/auth.plugin.ts';
import { createDeviceKeysService } from './device-keys.service.ts';

/**
 * A screener's keys for her field devices (issue #14), made after a full sign-in: whoever may
 * screen (`case.create`) may give a phone the right to submit screenings as her, and take it away.
 */
export const deviceKeysRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const keys = createDeviceKeysService(deps);
    const access = { access: 'case.create' as const };

    app.get('/account/device-keys', { config: access, schema: { tags: ['account'], response: { 200: DeviceKeyList } } }, async (req) => ({
      items: await keys.list(actorOf(req)),
    }));

    app.post(
      '/account/device-keys',
      { config: access, schema: { tags: ['account'], body: DeviceKeyCreateBody, response: { 200: DeviceKeyCreated } } },
      async (req) => keys.create(actorOf(req), auditContextOf(req), req.body.label, `${req.protocol}://${req.host}/api/v1/openrosa`),
    );

    app.delete('/account/device-keys/:id', { config: access, schema: { tags: ['account'], params: IdParams } }, async (req, reply) => {
      await keys.revoke(actorOf(req), auditContextOf(req), req.params.id);
      return reply.status(204).send();
    });
  };
