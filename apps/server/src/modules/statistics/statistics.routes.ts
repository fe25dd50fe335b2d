import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AnnualReportQuery,
  PublishedTablesQuery,
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
import { tableToCsv, tableToXlsx } from '../../util/safe-table-file.ts';
import { protectedVictimTables, victimTablesFile } from './published-tables.ts';
import { createStatisticsService } from './statistics.service.ts';
import { victimCells } from './victims.repository.ts';

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
    // The published tables (issue #13 item 6): suppressed, formula-safe CSV or XLSX for the public.
    app.get(
      '/statistics/tables',
      {
        config: { access: 'report.generate' },
        schema: { tags, querystring: PublishedTablesQuery, produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] },
      },
      async (req, reply) => {
        const { year, lang, format } = req.query;
        service.refuseFuture(year);
        const tables = protectedVictimTables(await victimCells(deps.db, actorOf(req).actor, year));
        const file = victimTablesFile(tables, year, deps.translator, lang);
        const name = `qorgau-victims-${year}-${lang}.${format}`;
        if (format === 'csv') return sendFile(reply, 'text/csv; charset=utf-8', name, tableToCsv(file));
        return sendFile(reply, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', name, await tableToXlsx(file));
      },
    );
  };
