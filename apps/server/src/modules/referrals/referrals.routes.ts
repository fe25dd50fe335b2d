import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateReferralBody,
  EligibleProviderList,
  EligibleProvidersQuery,
  IdParams,
  Referral,
  ReferralActionBody,
  ReferralListQuery,
  ReferralPage,
} from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { actorOf, auditContextOf } from '../../auth/auth.plugin.ts';
import { eligibleProviders } from './eligible-providers.ts';
import { createReferralsService } from './referrals.service.ts';

export const referralsRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const referrals = createReferralsService(deps);

    app.get(
      '/referrals',
      { config: { access: 'referral.read' }, schema: { tags: ['referrals'], querystring: ReferralListQuery, response: { 200: ReferralPage } } },
      async (req) => referrals.list(actorOf(req), auditContextOf(req), req.query),
    );

    // The referral form offers only providers the placement rules allow for the case's person.
    app.get(
      '/referrals/eligible-providers',
      { config: { access: 'referral.create' }, schema: { tags: ['referrals'], querystring: EligibleProvidersQuery, response: { 200: EligibleProviderList } } },
      async (req) => eligibleProviders(deps, actorOf(req), req.query.caseId),
    );

    app.post(
      '/referrals',
      { config: { access: 'referral.create' }, schema: { tags: ['referrals'], body: CreateReferralBody, response: { 200: Referral } } },
      async (req) => referrals.create(actorOf(req), auditContextOf(req), req.body),
    );

    app.get(
      '/referrals/:id',
      { config: { access: 'referral.read' }, schema: { tags: ['referrals'], params: IdParams, response: { 200: Referral } } },
      async (req) => referrals.read(actorOf(req), auditContextOf(req), req.params.id),
    );

    app.post(
      '/referrals/:id/actions',
      { config: { access: 'referral.act' }, schema: { tags: ['referrals'], params: IdParams, body: ReferralActionBody, response: { 200: Referral } } },
      async (req) => referrals.act(actorOf(req), auditContextOf(req), req.params.id, req.body),
    );
  };
