import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditListQuery, AuditPage } from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { appendAudit, listAudit } from '../../audit/audit.repository.ts';
import { auditContextOf } from '../../auth/auth.plugin.ts';

export const auditRoutes = ({ db }: AppDeps): FastifyPluginAsyncZod => async (app) => {
  app.get('/audit', {
    config: { access: 'audit.read' },
    schema: { tags: ['audit'], querystring: AuditListQuery, response: { 200: AuditPage } },
  }, async (req) => {
    const { page, pageSize, ...filter } = req.query;
    return db.transaction(async (tx) => {
      const result = await listAudit(tx, filter, page, pageSize);
      // Reading the audit log is itself audited: who looked at whose activity.
      await appendAudit(tx, auditContextOf(req), { operation: 'audit.read', details: { filter, page } });
      return { ...result, page, pageSize };
    });
  });
};
