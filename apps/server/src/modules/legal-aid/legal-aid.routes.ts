import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AssignLawyerBody,
  AssignmentIdParams,
  ClientList,
  EndAssignmentBody,
  EndedAssignment,
  IdParams,
  LawyerList,
  LawyerListQuery,
  LegalAidView,
  RecordLegalServiceBody,
} from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { actorOf, auditContextOf } from '../../auth/auth.plugin.ts';
import { createLegalAidService } from './legal-aid.service.ts';

/** Legal aid (issue #11 item 5). Each action's authority: core REDRESS_ACTION_RULES. */
export const legalAidRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const service = createLegalAidService(deps);
    const tags = ['legal-aid'];

    app.get(
      '/persons/:id/legal-aid',
      { config: { access: 'redress.read' }, schema: { tags, params: IdParams, response: { 200: LegalAidView } } },
      async (req) => service.read(actorOf(req), auditContextOf(req), req.params.id),
    );
    app.post(
      '/persons/:id/legal-aid',
      { config: { access: 'redress.act' }, schema: { tags, params: IdParams, body: AssignLawyerBody, response: { 200: LegalAidView } } },
      async (req) => service.assign(actorOf(req), auditContextOf(req), req.params.id, req.body),
    );
    app.post(
      '/legal-aid/:assignmentId/end',
      { config: { access: 'redress.act' }, schema: { tags, params: AssignmentIdParams, body: EndAssignmentBody, response: { 200: EndedAssignment } } },
      async (req) => service.end(actorOf(req), auditContextOf(req), req.params.assignmentId, req.body),
    );
    app.post(
      '/legal-aid/:assignmentId/services',
      { config: { access: 'redress.act' }, schema: { tags, params: AssignmentIdParams, body: RecordLegalServiceBody, response: { 200: LegalAidView } } },
      async (req) => service.recordService(actorOf(req), auditContextOf(req), req.params.assignmentId, req.body),
    );
    app.get('/lawyers', { config: { access: 'redress.act' }, schema: { tags, querystring: LawyerListQuery, response: { 200: LawyerList } } }, async (req) =>
      service.lawyers(req.query),
    );
    app.get('/clients', { config: { access: 'redress.read' }, schema: { tags, response: { 200: ClientList } } }, async (req) =>
      service.clients(actorOf(req), auditContextOf(req)),
    );
  };
