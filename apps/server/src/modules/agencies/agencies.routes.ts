import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Agency, AgencyList, CreateAgencyBody, DomainError, IdParams, UpdateAgencyBody } from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { appendAudit } from '../../audit/audit.repository.ts';
import { auditContextOf } from '../../auth/auth.plugin.ts';
import { getAgency, insertAgency, listAgencies, patchAgency } from './agencies.repository.ts';
import { agencyNameColumns } from './agency-name.ts';

/** Agencies are reference data with no personal data: a service layer would only forward. */
export const agenciesRoutes =
  ({ db }: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/agencies',
      {
        config: { access: 'agency.manage' },
        schema: { tags: ['agencies'], response: { 200: AgencyList } },
      },
      async () => ({ items: await listAgencies(db, { includeDisabled: true }) }),
    );

    // Every signed-in user may pick an agency to refer to.
    app.get(
      '/agencies/directory',
      {
        config: { access: 'reference.read' },
        schema: { tags: ['agencies'], response: { 200: AgencyList } },
      },
      async () => ({ items: await listAgencies(db, { includeDisabled: false }) }),
    );

    app.post(
      '/agencies',
      {
        config: { access: 'agency.manage' },
        schema: { tags: ['agencies'], body: CreateAgencyBody, response: { 200: Agency } },
      },
      async (req) => {
        const id = randomUUID();
        await db.transaction(async (tx) => {
          const { name, ...rest } = req.body;
          await insertAgency(tx, { id, ...rest, ...agencyNameColumns(name) });
          await appendAudit(tx, auditContextOf(req), { operation: 'agency.created', recordType: 'agency', recordId: id });
        });
        return (await getAgency(db, id)) as Agency;
      },
    );

    app.patch(
      '/agencies/:id',
      {
        config: { access: 'agency.manage' },
        schema: { tags: ['agencies'], params: IdParams, body: UpdateAgencyBody, response: { 200: Agency } },
      },
      async (req) => {
        if (!(await getAgency(db, req.params.id))) throw new DomainError('not_found');
        await db.transaction(async (tx) => {
          const { name, ...rest } = req.body;
          await patchAgency(tx, req.params.id, { ...rest, ...(name ? agencyNameColumns(name) : {}) });
          await appendAudit(tx, auditContextOf(req), {
            operation: 'agency.updated',
            recordType: 'agency',
            recordId: req.params.id,
            details: { fields: Object.keys(req.body) },
          });
        });
        return (await getAgency(db, req.params.id)) as Agency;
      },
    );
  };
