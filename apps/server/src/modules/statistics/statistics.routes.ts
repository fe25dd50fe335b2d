import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { RegionsStatistics, StatisticsQuery, StatisticsRecords, StatisticsRecordsQuery, Trend, TrendQuery, YearStatistics } from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { actorOf, auditContextOf } from '../../auth/auth.plugin.ts';
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
      service.year(actorOf(req), req.query),
    );
    app.get('/statistics/trend', { ...read, schema: { tags, querystring: TrendQuery, response: { 200: Trend } } }, async (req) =>
      service.trend(actorOf(req), req.query),
    );
    app.get('/statistics/regions', { ...read, schema: { tags, querystring: StatisticsQuery, response: { 200: RegionsStatistics } } }, async (req) =>
      service.regions(actorOf(req), req.query),
    );
    app.get(
      '/statistics/records',
      { config: { access: 'statistics.records' }, schema: { tags, querystring: StatisticsRecordsQuery, response: { 200: StatisticsRecords } } },
      async (req) => service.records(actorOf(req), auditContextOf(req), req.query),
    );
  };
