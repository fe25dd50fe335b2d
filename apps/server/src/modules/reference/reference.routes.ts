import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { KZ_REGIONS } from '@qorgau/core';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';

const RegionList = z.object({
  items: z.array(
    z.object({ code: z.string(), kato: z.string(), type: z.enum(['region', 'city']), name: z.object({ kk: z.string(), ru: z.string(), en: z.string() }) }),
  ),
});

export const referenceRoutes =
  (_deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/reference/regions',
      {
        config: { access: 'reference.read' },
        schema: { tags: ['reference'], response: { 200: RegionList } },
      },
      async () => ({ items: [...KZ_REGIONS] }),
    );
  };
