import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { OpenDatasetDictionary, OpenDatasetDictionaryQuery, OpenDatasetQuery } from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { auditContextOf } from '../../auth/auth.plugin.ts';
import { sendFile } from '../documents/documents.routes.ts';
import { createOpenDatasetService } from './open-dataset.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The CTDC-style open dataset (issue #14 item 5), `open_dataset.publish`: the file (CSV/XLSX with
 * headings in the language asked and a row of CTDC column codes) or JSON with the report (k asked
 * and reached, records in, published and suppressed, generalisation levels); a 409 with the
 * reason when k = 11 cannot be met. The data dictionary is its own route.
 */
export const openDatasetRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const service = createOpenDatasetService(deps);
    const config = { access: 'open_dataset.publish' as const };
    const tags = ['exchange'];

    app.get(
      '/exchange/open-dataset',
      { config, schema: { tags, querystring: OpenDatasetQuery, produces: ['application/json', 'text/csv', XLSX] } },
      async (req, reply) => {
        const published = await service.publish(auditContextOf(req), req.query);
        if (!published.file) return published.dataset;
        const type = req.query.format === 'csv' ? 'text/csv; charset=utf-8' : XLSX;
        return sendFile(reply, type, published.filename, published.file);
      },
    );

    app.get(
      '/exchange/open-dataset/dictionary',
      { config, schema: { tags, querystring: OpenDatasetDictionaryQuery, response: { 200: OpenDatasetDictionary } } },
      async (req) => service.dictionary(req.query.lang),
    );
  };
