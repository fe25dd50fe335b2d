import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DomainError, jsonDocument, parseReferralRules, ReferralRulesDocument } from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { appendAudit } from '../../audit/audit.repository.ts';
import { actorOf, auditContextOf } from '../../auth/auth.plugin.ts';
import { REFERRAL_RULES_KIND } from '../../reference/referral-rules.ts';

/** Parsed by core, so a broken document is refused with field-level codes. */
const RawBody = jsonDocument();

/**
 * The referral placement rules as data (issue #10): read by anyone with reference access; a
 * national administrator uploads a replacement (a change of the placement regulation is a data
 * change), validated and audited; the newest version in the reference store wins.
 */
export const referralRulesRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/reference/referral-rules',
      { config: { access: 'reference.read' }, schema: { tags: ['reference'], response: { 200: ReferralRulesDocument } } },
      async () => deps.reference.referralRules(),
    );

    app.post(
      '/reference/referral-rules',
      { config: { access: 'reference.manage' }, schema: { tags: ['reference'], body: RawBody, response: { 200: ReferralRulesDocument } }, bodyLimit: 200_000 },
      async (req) => {
        const parsed = parseReferralRules(req.body);
        if (!parsed.ok) throw new DomainError('validation_failed', parsed.issues);
        await deps.db.transaction(async (tx) => {
          await deps.reference.replaceReferralRules(tx, parsed.value, actorOf(req).user.id);
          await appendAudit(tx, auditContextOf(req), {
            operation: 'reference.updated',
            recordType: REFERRAL_RULES_KIND,
            details: { version: parsed.value.version, verification: parsed.value.verification },
          });
        });
        return deps.reference.referralRules();
      },
    );
  };
