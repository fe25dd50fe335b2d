import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AnnualReportQuery,
  RegionsStatistics,
  StatisticsQuery,
  StatisticsRecords,
  StatisticsRecordsQuery,
  Trend,
  TrendQuery,
  YearStatistics,
} from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { actorOf, auditContextOf } from '../../auth/auth.plugin.ts';
import { sendFile } from '../documents/documents.routes.ts';
import { renderAnnualReport } from './annual-report.service.ts';
import { createStatisticsService } from './statistics.service.ts';

/**
 * National statistics (issue #13). Figures are counts within the reader's `statistics.read`
 * scope; the records behind a figure are a separate action (`statistics.records`), listed by
 * pseudonym and audited.
 */
export const statisticsRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const service = createStatisticsService(deps);
    const tags = ['statistics'];
    const read = { config: { access: 'statistics.read' as const } };
    app.get('/statistics/year', { ...read, schema: { tags, querystring: StatisticsQuery, response: { 200: YearStatistics } } }, async (req) =>
      service.year(actorOf(req).actor, req.query),
    );
    app.get('/statistics/trend', { ...read, schema: { tags, querystring: TrendQuery, response: { 200: Trend } } }, async (req) =>
      service.trend(actorOf(req).actor, req.query),
    );
    app.get('/statistics/regions', { ...read, schema: { tags, querystring: StatisticsQuery, response: { 200: RegionsStatistics } } }, async (req) =>
      service.regions(actorOf(req).actor, req.query),
    );
    app.get(
      '/statistics/records',
      { config: { access: 'statistics.records' }, schema: { tags, querystring: StatisticsRecordsQuery, response: { 200: StatisticsRecords } } },
      async (req) => service.records(actorOf(req).actor, auditContextOf(req), req.query),
    );
    // The annual report (issue #13 item 2): JSON (facts and sentences), plain text or PDF.
    app.get(
      '/statistics/report',
      {
        config: { access: 'report.generate' },
        schema: { tags, querystring: AnnualReportQuery, produces: ['application/json', 'text/plain', 'application/pdf'] },
      },
      async (req, reply) => {
        service.refuseFuture(req.query.year);
        await service.refuseYearWithoutData(req.query.year);
        const report = await renderAnnualReport(deps, actorOf(req).actor, auditContextOf(req), req.query);
        return sendFile(reply, report.contentType, report.filename, report.body);
      },
    );
  };
