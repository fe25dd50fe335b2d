import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  Allocation,
  CreateAllocationBody,
  ExchangeRate,
  ExchangeRateBody,
  ExchangeRateParams,
  ExchangeRates,
  FundingOverview,
  FundingQuery,
} from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { actorOf, auditContextOf } from '../../auth/auth.plugin.ts';
import { createFundingService } from './funding.service.ts';

/**
 * Funding (issue #13 item 4): the year's exchange rate and the allocations are entered by the
 * national coordinator (`funding.manage`); the overview (allocations, the three formulas side by
 * side, shortfalls, where help is) is read within the reader's statistics scope.
 */
export const fundingRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const funding = createFundingService(deps);

    app.get(
      '/statistics/exchange-rates',
      { config: { access: 'statistics.read' }, schema: { tags: ['statistics'], response: { 200: ExchangeRates } } },
      async () => funding.rates(),
    );

    app.put(
      '/statistics/exchange-rates/:year',
      {
        config: { access: 'funding.manage' },
        schema: { tags: ['statistics'], params: ExchangeRateParams, body: ExchangeRateBody, response: { 200: ExchangeRate } },
      },
      async (req) => funding.setRate(actorOf(req), auditContextOf(req), req.params.year, req.body),
    );

    app.post(
      '/statistics/allocations',
      { config: { access: 'funding.manage' }, schema: { tags: ['statistics'], body: CreateAllocationBody, response: { 200: Allocation } } },
      async (req) => funding.createAllocation(actorOf(req), auditContextOf(req), req.body),
    );

    app.get(
      '/statistics/funding',
      { config: { access: 'statistics.read' }, schema: { tags: ['statistics'], querystring: FundingQuery, response: { 200: FundingOverview } } },
      async (req) => funding.overview(actorOf(req), req.query.year),
    );
  };
