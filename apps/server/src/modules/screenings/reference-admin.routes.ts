import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DomainError, IndicatorList, ReferenceVerificationBody, RuleConfig, ScreeningReference } from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { appendAudit } from '../../audit/audit.repository.ts';
import { actorOf, auditContextOf } from '../../auth/auth.plugin.ts';

/**
 * A national administrator replaces the screening reference (DOMAIN.md §3: indicator lists
 * and rules are data, versioned, each with a verification status) without a deployment.
 * Every change is checked against the rest of the set and audited.
 */
export const referenceAdminRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
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

  app.post('/reference/indicator-lists', {
    config: { access: 'reference.manage' },
    schema: { tags: ['reference'], body: IndicatorList, response: { 200: ScreeningReference } },
    bodyLimit: 2_000_000,
  }, async (req) => {
    await record('indicator_list', req.body, req);
    return deps.reference.current();
  });

  app.post('/reference/rules', {
    config: { access: 'reference.manage' },
    schema: { tags: ['reference'], body: RuleConfig, response: { 200: ScreeningReference } },
  }, async (req) => {
    await record('rules', req.body, req);
    return deps.reference.current();
  });

  app.post('/reference/verification', {
    config: { access: 'reference.manage' },
    schema: { tags: ['reference'], body: ReferenceVerificationBody, response: { 200: ScreeningReference } },
  }, async (req) => {
    const { kind, id, version, verification } = req.body;
    const now = await deps.reference.current();
    const doc = kind === 'rules' ? (now.rules.id === id ? now.rules : undefined) : now.lists.find((l) => l.id === id);
    // Only the version in force can be marked: verifying a superseded version would mislead.
    if (!doc || doc.version !== version) throw new DomainError('not_found');
    await record(kind, { ...doc, verification } as IndicatorList | RuleConfig, req);
    return deps.reference.current();
  });
};
