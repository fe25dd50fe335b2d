import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AdmitBody,
  AssessNeedsBody,
  CloseProtectionBody,
  DischargeBody,
  IdParams,
  OpenProtectionCaseBody,
  PersonProtection,
  ProtectionCase,
  ProtectionCaseListQuery,
  ProtectionCasePage,
  RecordFollowUpBody,
  RecordServiceBody,
  SupportPlanBody,
} from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { actorOf, auditContextOf } from '../../auth/auth.plugin.ts';
import { createProtectionActions, ShelterFullError } from './protection-actions.service.ts';
import { createProtectionService } from './protection.service.ts';

/** The protection case (issue #10 item 3). Each action's authority: core PROTECTION_ACTION_RULES. */
export const protectionRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const service = createProtectionService(deps);
    const actions = createProtectionActions(deps, service.read);
    const tags = ['protection'];

    /**
     * A full shelter answers 409 like any conflict, field-level (`providerId: shelter_full`),
     * and adds `alternatives`: the free shelters nearby that take this person.
     */
    const withAlternatives = async (req: FastifyRequest, reply: FastifyReply, run: () => Promise<ProtectionCase>) => {
      try {
        return await run();
      } catch (e) {
        if (!(e instanceof ShelterFullError)) throw e;
        const t = (key: string, params?: Record<string, string | number>) => deps.translator.t(req.locale, key, params);
        return reply.status(409).send({
          error: {
            code: e.code,
            message: t(`errors.${e.code}`),
            fields: e.fields.map((f) => ({ path: f.path, code: f.code, message: t(`validation.${f.code}`, f.params) })),
          },
          alternatives: e.alternatives,
        });
      }
    };

    app.get(
      '/protection-cases',
      { config: { access: 'protection.read' }, schema: { tags, querystring: ProtectionCaseListQuery, response: { 200: ProtectionCasePage } } },
      async (req) => service.list(actorOf(req), auditContextOf(req), req.query),
    );
    app.post(
      '/protection-cases',
      { config: { access: 'protection.act' }, schema: { tags, body: OpenProtectionCaseBody, response: { 200: ProtectionCase } } },
      async (req) => service.open(actorOf(req), auditContextOf(req), req.body),
    );
    app.get(
      '/protection-cases/:id',
      { config: { access: 'protection.read' }, schema: { tags, params: IdParams, response: { 200: ProtectionCase } } },
      async (req) => service.read(actorOf(req), auditContextOf(req), req.params.id),
    );
    app.get(
      '/persons/:id/protection',
      { config: { access: 'protection.read' }, schema: { tags, params: IdParams, response: { 200: PersonProtection } } },
      async (req) => service.forPerson(actorOf(req), auditContextOf(req), req.params.id),
    );

    const write = { config: { access: 'protection.act' as const } };
    app.post(
      '/protection-cases/:id/needs',
      { ...write, schema: { tags, params: IdParams, body: AssessNeedsBody, response: { 200: ProtectionCase } } },
      async (req) => actions.assessNeeds(actorOf(req), auditContextOf(req), req.params.id, req.body),
    );
    app.post(
      '/protection-cases/:id/plan',
      { ...write, schema: { tags, params: IdParams, body: SupportPlanBody, response: { 200: ProtectionCase } } },
      async (req) => actions.setPlan(actorOf(req), auditContextOf(req), req.params.id, req.body),
    );
    app.post(
      '/protection-cases/:id/services',
      { ...write, schema: { tags, params: IdParams, body: RecordServiceBody, response: { 200: ProtectionCase } } },
      async (req) => actions.recordService(actorOf(req), auditContextOf(req), req.params.id, req.body),
    );
    app.post(
      '/protection-cases/:id/stays',
      { ...write, schema: { tags, params: IdParams, body: AdmitBody, response: { 200: ProtectionCase } } },
      async (req, reply) => withAlternatives(req, reply, () => actions.admit(actorOf(req), auditContextOf(req), req.params.id, req.body)),
    );
    app.post(
      '/protection-cases/:id/discharge',
      { ...write, schema: { tags, params: IdParams, body: DischargeBody, response: { 200: ProtectionCase } } },
      async (req) => actions.discharge(actorOf(req), auditContextOf(req), req.params.id, req.body),
    );
    app.post(
      '/protection-cases/:id/close',
      { ...write, schema: { tags, params: IdParams, body: CloseProtectionBody, response: { 200: ProtectionCase } } },
      async (req) => actions.close(actorOf(req), auditContextOf(req), req.params.id, req.body),
    );
    app.post(
      '/protection-cases/:id/follow-ups',
      { ...write, schema: { tags, params: IdParams, body: RecordFollowUpBody, response: { 200: ProtectionCase } } },
      async (req) => actions.recordFollowUp(actorOf(req), auditContextOf(req), req.params.id, req.body),
    );
  };
