import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { EntitlementKindParam, jsonDocument, EntitlementRuleVersions, IdParams, PersonEntitlements } from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { appendAudit } from '../../audit/audit.repository.ts';
import { actorOf, auditContextOf } from '../../auth/auth.plugin.ts';
import { entitlementRuleSets, ENTITLEMENT_RULES_KIND, recordEntitlementRules } from './entitlement-rules.store.ts';
import { createEntitlementsService, recomputeSince } from './entitlements.service.ts';

/** Bodies parsed by core (cooperation as a condition is refused with its own field-level message). */
const RawBody = jsonDocument();

export const entitlementsRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const service = createEntitlementsService(deps);

    app.get(
      '/persons/:id/entitlements',
      { config: { access: 'entitlement.read' }, schema: { tags: ['entitlements'], params: IdParams, response: { 200: PersonEntitlements } } },
      async (req) => service.read(actorOf(req), auditContextOf(req), req.params.id),
    );

    app.post(
      '/persons/:id/entitlements/:kind/actions',
      {
        config: { access: 'entitlement.act' },
        schema: { tags: ['entitlements'], params: EntitlementKindParam, body: RawBody, response: { 200: PersonEntitlements } },
      },
      async (req) => service.act(actorOf(req), auditContextOf(req), req.params.id, req.params.kind, req.body),
    );

    const versions = async (q: AppDeps['db']) => ({
      items: (await entitlementRuleSets(q))
        .map(({ id, version, effectiveFrom, verification, title }) => ({ id, version, effectiveFrom, verification, title }))
        .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom)),
    });

    app.get(
      '/reference/entitlement-rules',
      { config: { access: 'reference.read' }, schema: { tags: ['reference'], response: { 200: EntitlementRuleVersions } } },
      async () => versions(deps.db),
    );

    /**
     * A national administrator uploads a version of the entitlement rules (a change of law is a
     * data change): validated, recorded beside the indicator lists, audited, and the persons it
     * may concern recomputed. A document that makes anything depend on cooperation is refused.
     */
    app.post(
      '/reference/entitlement-rules',
      {
        config: { access: 'reference.manage' },
        schema: { tags: ['reference'], body: RawBody, response: { 200: EntitlementRuleVersions } },
        bodyLimit: 500_000,
      },
      async (req) => {
        await deps.db.transaction(async (tx) => {
          const set = await recordEntitlementRules(tx, req.body, actorOf(req).user.id);
          const recomputed = await recomputeSince(tx, deps, set.effectiveFrom);
          await appendAudit(tx, auditContextOf(req), {
            operation: 'reference.updated',
            recordType: ENTITLEMENT_RULES_KIND,
            recordId: set.id,
            details: { version: set.version, effectiveFrom: set.effectiveFrom, verification: set.verification, recomputed },
          });
        });
        return versions(deps.db);
      },
    );
  };
