import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, SelfReport, SelfReportBody, SelfReportListQuery, SelfReportPage, SelfReportReceipt, SelfReportStatusBody } from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { actorOf, auditContextOf } from '../../auth/auth.plugin.ts';
import { createSelfReportsService } from './self-reports.service.ts';

/** Public self-report and the hotline queue (issue #3 item 6). */
export const selfReportsRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const reports = createSelfReportsService(deps);

    // No session, per-address rate limit, a small body: the one write anyone can make.
    app.post(
      '/self-reports',
      {
        bodyLimit: 16_384,
        config: {
          access: 'public',
          rateLimit: { max: deps.config.selfReportRatePer10Min, timeWindow: 10 * 60_000 },
        },
        schema: { tags: ['self-reports'], body: SelfReportBody, response: { 200: SelfReportReceipt } },
        // Why ip: null: the reporter's address is not kept (the rate limiter holds it in memory for
        // 10 minutes only); someone reporting from a shared or watched device leaves no trace here.
      },
      async (req) => reports.submit({ actor: null, ip: null }, req.body),
    );

    app.get(
      '/self-reports',
      {
        config: { access: 'self_report.read' },
        schema: { tags: ['self-reports'], querystring: SelfReportListQuery, response: { 200: SelfReportPage } },
      },
      async (req) => reports.list(actorOf(req), auditContextOf(req), req.query.page, req.query.pageSize),
    );

    app.get(
      '/self-reports/:id',
      {
        config: { access: 'self_report.read' },
        schema: { tags: ['self-reports'], params: IdParams, response: { 200: SelfReport } },
      },
      async (req) => reports.read(actorOf(req), auditContextOf(req), req.params.id),
    );

    app.post(
      '/self-reports/:id/status',
      {
        config: { access: 'self_report.update' },
        schema: { tags: ['self-reports'], params: IdParams, body: SelfReportStatusBody, response: { 200: SelfReport } },
      },
      async (req) => reports.setStatus(actorOf(req), auditContextOf(req), req.params.id, req.body),
    );
  };
