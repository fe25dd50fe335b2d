import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  IdParams,
  OfficialFigureBody,
  OfficialFigureImportQuery,
  OfficialFigureImportResult,
  OfficialFigureList,
  OfficialFigureListQuery,
  OfficialFigureSetResult,
} from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { boundedBodyParser } from '../../http/bounded-body.ts';
import { actorOf, auditContextOf } from '../../auth/auth.plugin.ts';
import { createOfficialFiguresService, OFFICIAL_FIGURES_MAX_BYTES } from './official-figures.service.ts';

/**
 * Official figures of years before the register (issue #13 item 7): read by whoever reads
 * statistics, entered and imported by the national coordinator (`official_figures.manage`).
 */
export const officialFiguresRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const figures = createOfficialFiguresService(deps);
    const max = OFFICIAL_FIGURES_MAX_BYTES;

    // The CSV is read as bytes (its SHA-256 is audited as sent), counting them: over the limit
    // the answer is a field message, not a bare 413. Scoped to this plugin.
    app.addContentTypeParser(['text/csv', 'text/plain'], boundedBodyParser(max));

    app.get(
      '/statistics/official-figures',
      { config: { access: 'statistics.read' }, schema: { tags: ['statistics'], querystring: OfficialFigureListQuery, response: { 200: OfficialFigureList } } },
      async (req) => figures.list(req.query),
    );

    app.put(
      '/statistics/official-figures',
      {
        config: { access: 'official_figures.manage' },
        schema: { tags: ['statistics'], body: OfficialFigureBody, response: { 200: OfficialFigureSetResult } },
      },
      async (req) => figures.set(actorOf(req), auditContextOf(req), req.body),
    );

    app.delete(
      '/statistics/official-figures/:id',
      { config: { access: 'official_figures.manage' }, schema: { tags: ['statistics'], params: IdParams } },
      async (req, reply) => {
        await figures.remove(auditContextOf(req), req.params.id);
        return reply.status(204).send();
      },
    );

    app.post(
      '/statistics/official-figures/import',
      {
        config: { access: 'official_figures.manage' },
        bodyLimit: max + 1,
        schema: { tags: ['statistics'], querystring: OfficialFigureImportQuery, response: { 200: OfficialFigureImportResult } },
      },
      async (req) => {
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        return figures.import(actorOf(req), auditContextOf(req), body, req.query.dryRun);
      },
    );
  };
