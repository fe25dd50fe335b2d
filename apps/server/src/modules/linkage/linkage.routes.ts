import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, LinkDecisionBody, LinkageRunState, LinkProposalDetail, LinkProposalPage, Ok, PageQuery, PersonLinks, PersonOverview } from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { actorOf, auditContextOf } from '../../auth/auth.plugin.ts';
import { linkageJobFor } from './linkage-job.ts';
import { createLinkageReviewService } from './linkage-review.service.ts';
import { createLinkageService } from './linkage.service.ts';

export const linkageRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const linkage = createLinkageService(deps);
    const review = createLinkageReviewService(deps);
    const job = linkageJobFor(deps);

    app.get(
      '/linkage/proposals',
      {
        config: { access: 'linkage.review' },
        schema: { tags: ['linkage'], querystring: PageQuery, response: { 200: LinkProposalPage } },
      },
      async (req) => review.list(actorOf(req), auditContextOf(req), req.query.page, req.query.pageSize),
    );

    app.get(
      '/linkage/proposals/:id',
      {
        config: { access: 'linkage.review' },
        schema: { tags: ['linkage'], params: IdParams, response: { 200: LinkProposalDetail } },
      },
      async (req) => review.detail(actorOf(req), auditContextOf(req), req.params.id),
    );

    app.post(
      '/linkage/decisions',
      {
        config: { access: 'linkage.review' },
        schema: { tags: ['linkage'], body: LinkDecisionBody, response: { 200: Ok } },
      },
      async (req) => {
        await linkage.decide(actorOf(req), auditContextOf(req), req.body);
        return { ok: true as const };
      },
    );

    // Counts only: how many records, and how many people once linked records count once.
    app.get(
      '/persons/overview',
      {
        config: { access: 'person.read' },
        schema: { tags: ['persons'], response: { 200: PersonOverview } },
      },
      async (req) => linkage.overview(actorOf(req)),
    );

    app.get(
      '/persons/:id/links',
      {
        config: { access: 'person.read' },
        schema: { tags: ['persons'], params: IdParams, response: { 200: PersonLinks } },
      },
      async (req) => review.links(actorOf(req), auditContextOf(req), req.params.id),
    );

    app.post(
      '/linkage/runs',
      {
        config: { access: 'linkage.run' },
        schema: { tags: ['linkage'], response: { 200: LinkageRunState } },
      },
      async (req) => ({ run: await job.start(auditContextOf(req)) }),
    );

    app.get(
      '/linkage/runs/current',
      {
        config: { access: 'linkage.run' },
        schema: { tags: ['linkage'], response: { 200: LinkageRunState } },
      },
      async () => ({ run: await job.current() }),
    );
  };
