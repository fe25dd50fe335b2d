import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DomainError, IndicatorList, ReferenceVerificationBody, RuleConfig, ScreeningReference, WorkingCalendar } from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { appendAudit } from '../../audit/audit.repository.ts';
import { actorOf, auditContextOf } from '../../auth/auth.plugin.ts';

/**
 * A national administrator replaces the screening reference (DOMAIN.md §3: indicator lists
 * and rules are data, versioned, each with a verification status) without a deployment.
 * Every change is checked against the rest of the set and audited.
 */
export const referenceAdminRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = deps;
    const record = (kind: 'indicator_list' | 'rules', content: IndicatorList | RuleConfig, req: Parameters<typeof actorOf>[0]) =>
      db.transaction(async (tx) => {
        await deps.reference.replace(tx, kind, content, actorOf(req).user.id);
        await appendAudit(tx, auditContextOf(req), {
          operation: 'reference.updated',
          recordType: kind,
          recordId: content.id,
          details: { version: content.version, verification: content.verification },
        });
      });

    app.post(
      '/reference/indicator-lists',
      {
        config: { access: 'reference.manage' },
        schema: { tags: ['reference'], body: IndicatorList, response: { 200: ScreeningReference } },
        bodyLimit: 2_000_000,
      },
      async (req) => {
        await record('indicator_list', req.body, req);
        return deps.reference.current();
      },
    );

    app.post(
      '/reference/rules',
      {
        config: { access: 'reference.manage' },
        schema: { tags: ['reference'], body: RuleConfig, response: { 200: ScreeningReference } },
      },
      async (req) => {
        await record('rules', req.body, req);
        return deps.reference.current();
      },
    );

    app.get(
      '/reference/working-calendar',
      {
        config: { access: 'reference.read' },
        schema: { tags: ['reference'], response: { 200: WorkingCalendar } },
      },
      async () => deps.reference.calendar(),
    );

    /**
     * A new version of the working calendar (a transfer decree, a confirmed Kurban Ait date, the
     * next year's coverage): validated entry by entry by its schema (a bad row answers 400 with
     * its path, e.g. `transfers.3.date`), recorded, audited, and used by the next deadline.
     */
    app.post(
      '/reference/working-calendar',
      {
        config: { access: 'reference.manage' },
        schema: { tags: ['reference'], body: WorkingCalendar, response: { 200: WorkingCalendar } },
        bodyLimit: 500_000,
      },
      async (req) => {
        const calendar = req.body;
        await db.transaction(async (tx) => {
          await deps.reference.replaceCalendar(tx, calendar, actorOf(req).user.id);
          await appendAudit(tx, auditContextOf(req), {
            operation: 'reference.updated',
            recordType: 'working_calendar',
            recordId: calendar.id,
            details: { version: calendar.version, from: calendar.coverage.from, to: calendar.coverage.to, transfers: calendar.transfers.length },
          });
        });
        return deps.reference.calendar();
      },
    );

    app.post(
      '/reference/verification',
      {
        config: { access: 'reference.manage' },
        schema: { tags: ['reference'], body: ReferenceVerificationBody, response: { 200: ScreeningReference } },
      },
      async (req) => {
        const { kind, id, version, verification } = req.body;
        const now = await deps.reference.current();
        const doc = kind === 'rules' ? (now.rules.id === id ? now.rules : undefined) : now.lists.find((l) => l.id === id);
        // Only the version in force can be marked: verifying a superseded version would mislead.
        if (!doc || doc.version !== version) throw new DomainError('not_found');
        await record(kind, { ...doc, verification } as IndicatorList | RuleConfig, req);
        return deps.reference.current();
      },
    );
  };
