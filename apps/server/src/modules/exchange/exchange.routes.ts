import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HtcdsExportQuery, HtcdsImportQuery, HtcdsImportReportQuery, HtcdsImportResult, IdParams } from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { actorOf, auditContextOf } from '../../auth/auth.plugin.ts';
import { boundedBodyParser } from '../../http/bounded-body.ts';
import { sendFile } from '../documents/documents.routes.ts';
import { tableToCsv } from '../../util/safe-table-file.ts';
import { createHtcdsExportService } from './htcds-export.service.ts';
import { createHtcdsImportService } from './htcds-import.service.ts';
import { TABLE_MAX_BYTES } from './uploaded-table.ts';

/** The row report's columns (`exchange.report.<key>` headings, the key as the code row). */
const REPORT_COLUMNS = ['row', 'column', 'code', 'message'] as const;

/** The types an HTCDS file arrives as: a workbook, a CSV, or bytes a browser could not name. */
const FILE_TYPES = ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream', 'text/csv', 'text/plain'];

/**
 * Data exchange (issue #14): HTCDS files in (`htcds.import`) and out (`htcds.export`). The upload
 * is the file's raw bytes, counted as they arrive (over the limit: a field message, not a bare
 * 413), and read by the service whatever its declared type: the bytes say what it is.
 */
export const exchangeRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const imports = createHtcdsImportService(deps);
    const exports = createHtcdsExportService(deps);
    app.addContentTypeParser(FILE_TYPES, boundedBodyParser(TABLE_MAX_BYTES));

    app.post(
      '/exchange/htcds/imports',
      {
        config: { access: 'htcds.import' },
        bodyLimit: TABLE_MAX_BYTES + 1,
        schema: { tags: ['exchange'], querystring: HtcdsImportQuery, response: { 200: HtcdsImportResult } },
      },
      async (req) => {
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const actor = actorOf(req);
        return imports.import({ actor: actor.actor, userId: actor.user.id }, auditContextOf(req), body, {
          dryRun: req.query.dryRun,
          agencyId: req.query.agencyId,
          locale: req.locale,
        });
      },
    );

    app.get(
      '/exchange/htcds/imports/:id/report',
      { config: { access: 'htcds.import' }, schema: { tags: ['exchange'], params: IdParams, querystring: HtcdsImportReportQuery } },
      async (req, reply) => {
        const lang = req.query.lang;
        const issues = await imports.report(actorOf(req).actor, req.params.id, lang);
        const t = (key: string) => deps.translator.t(lang, `exchange.report.${key}`);
        const csv = tableToCsv({
          columns: REPORT_COLUMNS.map((key) => ({ label: t(key), code: key })),
          withCodeRow: true,
          rows: issues.map((i) => [i.row, i.column, i.code, i.message]),
        });
        return sendFile(reply, 'text/csv; charset=utf-8', `htcds-import-report-${req.params.id.slice(0, 8)}.csv`, csv);
      },
    );

    app.get(
      '/exchange/htcds/export',
      { config: { access: 'htcds.export' }, schema: { tags: ['exchange'], querystring: HtcdsExportQuery } },
      async (req, reply) => {
        const file = await exports.export(actorOf(req).actor, auditContextOf(req), req.query);
        return sendFile(reply, file.contentType, file.filename, file.body);
      },
    );
  };
