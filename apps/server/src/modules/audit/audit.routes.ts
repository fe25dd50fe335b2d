import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditListQuery, AuditPage, DeniedAttempts, DeniedAttemptsQuery } from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { appendAudit, listAudit } from '../../audit/audit.repository.ts';
import { deniedAttemptsPerUserDay } from '../../audit/denied-attempts.repository.ts';
import { actorOf, auditContextOf } from '../../auth/auth.plugin.ts';
import { idOfReference, refKey, resolveRefs } from './audit-refs.repository.ts';
import { presentEntries, refsWanted } from './audit-view.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const auditRoutes =
  ({ db, now }: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/audit',
      {
        config: { access: 'audit.read' },
        schema: { tags: ['audit'], querystring: AuditListQuery, response: { 200: AuditPage } },
      },
      async (req) => {
        const { page, pageSize, ...filter } = req.query;
        const reader = actorOf(req).actor;
        return db.transaction(async (tx) => {
          // A reference typed into the record filter (QRG-2026-000202) stands for its record's id.
          const recordId =
            filter.recordId && !UUID.test(filter.recordId) ? ((await idOfReference(tx, filter.recordId.trim())) ?? filter.recordId) : filter.recordId;
          const result = await listAudit(tx, { ...filter, recordId }, page, pageSize);
          // Names, references and access facts of every record the page names: one query per page.
          const refs = await resolveRefs(tx, refsWanted(result.items));
          // Reading the audit log is itself audited: who looked at whose activity.
          await appendAudit(tx, auditContextOf(req), { operation: 'audit.read', details: { filter, page } });
          return { items: presentEntries(result.items, refs, reader), total: result.total, page, pageSize };
        });
      },
    );

    /** Counts of refused attempts per user and day: who is probing. Counts and account names only. */
    app.get(
      '/audit/denied',
      {
        config: { access: 'audit.read' },
        schema: { tags: ['audit'], querystring: DeniedAttemptsQuery, response: { 200: DeniedAttempts } },
      },
      async (req) =>
        db.transaction(async (tx) => {
          const result = await deniedAttemptsPerUserDay(tx, now(), req.query.days);
          const names = await resolveRefs(tx, new Map([['user', new Set(result.items.map((i) => i.actorId))]]));
          await appendAudit(tx, auditContextOf(req), { operation: 'audit.read', details: { view: 'denied', days: req.query.days } });
          return { ...result, items: result.items.map((i) => ({ ...i, actorName: names.get(refKey('user', i.actorId))?.reference ?? null })) };
        }),
    );
  };
