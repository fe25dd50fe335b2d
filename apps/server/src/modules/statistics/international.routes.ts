import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { InternationalTablesQuery } from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { actorOf } from '../../auth/auth.plugin.ts';
import { sendFile } from '../documents/documents.routes.ts';
import { tableToCsv, tableToXlsx } from '../../util/safe-table-file.ts';
import { gatherInternationalTables, internationalTablesFile } from './international-tables.ts';
import { createStatisticsService } from './statistics.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The year's tables for international partners (issue #14 item 4): UNODC GLOTIP's shapes and the
 * TIP report's data call, small cells suppressed, as JSON or a formula-safe CSV/XLSX with a
 * header row in the language asked and a row of GLOTIP/our codes. Published tables, so the same
 * permission as the national ones (`report.generate`), counted within the reader's scope.
 */
export const internationalTablesRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const statistics = createStatisticsService(deps);
    app.get(
      '/statistics/international',
      {
        config: { access: 'report.generate' },
        schema: { tags: ['statistics'], querystring: InternationalTablesQuery, produces: ['application/json', 'text/csv', XLSX] },
      },
      async (req, reply) => {
        const { year, lang, format } = req.query;
        statistics.refuseFuture(year);
        const result = await gatherInternationalTables(deps, actorOf(req).actor, year, lang);
        if (format === 'json') return result;
        const file = internationalTablesFile(result, deps.translator, lang);
        const name = `qorgau-glotip-tip-${year}-${lang}.${format}`;
        if (format === 'csv') return sendFile(reply, 'text/csv; charset=utf-8', name, tableToCsv(file));
        return sendFile(reply, XLSX, name, await tableToXlsx(file));
      },
    );
  };
