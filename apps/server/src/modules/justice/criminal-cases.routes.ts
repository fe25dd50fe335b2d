import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  jsonDocument,
  Assignee,
  AssignBody,
  ChangeStageBody,
  CriminalArticleSets,
  CriminalCaseListQuery,
  CriminalCasePage,
  CriminalCaseView,
  ExtendDeadlineBody,
  IdParams,
  RegisterCriminalCaseBody,
} from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { actorOf, auditContextOf } from '../../auth/auth.plugin.ts';
import { appendAudit } from '../../audit/audit.repository.ts';
import { CRIMINAL_ARTICLES_KIND, criminalArticleSets, recordCriminalArticles } from './criminal-articles.store.ts';
import { createCriminalCasesService } from './criminal-cases.service.ts';

/** Criminal cases (issue #11 item 1). Each action's authority: core CRIMINAL_CASE_ACTION_RULES and STAGE_RULES. */
export const criminalCasesRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const service = createCriminalCasesService(deps);
    const tags = ['justice'];

    app.get(
      '/criminal-cases',
      { config: { access: 'criminal_case.read' }, schema: { tags, querystring: CriminalCaseListQuery, response: { 200: CriminalCasePage } } },
      async (req) => service.list(actorOf(req), auditContextOf(req), req.query),
    );
    app.post(
      '/criminal-cases',
      { config: { access: 'criminal_case.create' }, schema: { tags, body: RegisterCriminalCaseBody, response: { 200: CriminalCaseView } } },
      async (req) => service.register(actorOf(req), auditContextOf(req), req.body),
    );
    app.get(
      '/criminal-cases/:id',
      { config: { access: 'criminal_case.read' }, schema: { tags, params: IdParams, response: { 200: CriminalCaseView } } },
      async (req) => service.read(actorOf(req), auditContextOf(req), req.params.id),
    );
    app.get('/reference/criminal-articles', { config: { access: 'reference.read' }, schema: { tags, response: { 200: CriminalArticleSets } } }, async () => ({
      sets: await criminalArticleSets(deps.db),
    }));
    // A new version of the articles, uploaded by a national administrator, checked and audited.
    app.post(
      '/reference/criminal-articles',
      { config: { access: 'reference.manage' }, schema: { tags, body: jsonDocument(), response: { 200: CriminalArticleSets } }, bodyLimit: 500_000 },
      async (req) => {
        await deps.db.transaction(async (tx) => {
          const set = await recordCriminalArticles(tx, req.body, actorOf(req).user.id);
          await appendAudit(tx, auditContextOf(req), {
            operation: 'reference.updated',
            recordType: CRIMINAL_ARTICLES_KIND,
            recordId: set.id,
            details: { version: set.version, effectiveFrom: set.effectiveFrom, articles: set.articles.length },
          });
        });
        return { sets: await criminalArticleSets(deps.db) };
      },
    );

    const write = { config: { access: 'criminal_case.act' as const } };
    app.post(
      '/criminal-cases/:id/stage',
      { ...write, schema: { tags, params: IdParams, body: ChangeStageBody, response: { 200: CriminalCaseView } } },
      async (req) => service.changeStage(actorOf(req), auditContextOf(req), req.params.id, req.body),
    );
    app.post(
      '/criminal-cases/:id/assign',
      { ...write, schema: { tags, params: IdParams, body: AssignBody, response: { 200: CriminalCaseView } } },
      async (req) => service.assign(actorOf(req), auditContextOf(req), req.params.id, req.body),
    );
    app.post(
      '/criminal-cases/:id/deadline',
      { ...write, schema: { tags, params: IdParams, body: ExtendDeadlineBody, response: { 200: CriminalCaseView } } },
      async (req) => service.extendDeadline(actorOf(req), auditContextOf(req), req.params.id, req.body),
    );
    app.get(
      '/criminal-cases/:id/assignees',
      { ...write, schema: { tags, params: IdParams, response: { 200: z.object({ items: z.array(Assignee) }) } } },
      async (req) => service.assignees(actorOf(req), req.params.id),
    );
  };
