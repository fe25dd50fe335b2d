import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  DecideMeasureBody,
  IdParams,
  LinkVictimBody,
  PersonProceedingsView,
  ProceedingVictimParams,
  ProceedingVictimsView,
  ProtectiveMeasureParams,
  RecordInterviewBody,
  RequestMeasureBody,
  UpdateVictimBody,
} from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { actorOf, auditContextOf } from '../../auth/auth.plugin.ts';
import { personProceedings } from './person-proceedings.ts';
import { createProceedingVictimsService } from './proceeding-victims.service.ts';

/**
 * Victims in criminal proceedings (issue #11 item 2) and a person's proceedings. Each action's
 * authority: core CRIMINAL_CASE_ACTION_RULES, in actOnCriminalCase (one transaction per action).
 */
export const proceedingVictimsRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const service = createProceedingVictimsService(deps);
    const tags = ['justice'];
    const write = { config: { access: 'criminal_case.act' as const } };
    const response = { 200: ProceedingVictimsView };

    app.get('/criminal-cases/:id/victims', { config: { access: 'criminal_case.read' }, schema: { tags, params: IdParams, response } }, async (req) =>
      service.list(actorOf(req), auditContextOf(req), req.params.id),
    );
    app.post('/criminal-cases/:id/victims', { ...write, schema: { tags, params: IdParams, body: LinkVictimBody, response } }, async (req) =>
      service.link(actorOf(req), auditContextOf(req), req.params.id, req.body),
    );
    app.post(
      '/criminal-cases/:id/victims/:victimId/update',
      { ...write, schema: { tags, params: ProceedingVictimParams, body: UpdateVictimBody, response } },
      async (req) => service.update(actorOf(req), auditContextOf(req), req.params.id, req.params.victimId, req.body),
    );
    app.post(
      '/criminal-cases/:id/victims/:victimId/interviews',
      { ...write, schema: { tags, params: ProceedingVictimParams, body: RecordInterviewBody, response } },
      async (req) => service.recordInterview(actorOf(req), auditContextOf(req), req.params.id, req.params.victimId, req.body),
    );
    app.post(
      '/criminal-cases/:id/victims/:victimId/measures',
      { ...write, schema: { tags, params: ProceedingVictimParams, body: RequestMeasureBody, response } },
      async (req) => service.requestMeasure(actorOf(req), auditContextOf(req), req.params.id, req.params.victimId, req.body),
    );
    app.post(
      '/criminal-cases/:id/victims/:victimId/measures/:measureId/decision',
      { ...write, schema: { tags, params: ProtectiveMeasureParams, body: DecideMeasureBody, response } },
      async (req) => service.decideMeasure(actorOf(req), auditContextOf(req), req.params.id, req.params.victimId, req.params.measureId, req.body),
    );
    app.get(
      '/persons/:id/proceedings',
      { config: { access: 'proceedings.read' }, schema: { tags, params: IdParams, response: { 200: PersonProceedingsView } } },
      async (req) => personProceedings(deps, actorOf(req), auditContextOf(req), req.params.id),
    );
  };
