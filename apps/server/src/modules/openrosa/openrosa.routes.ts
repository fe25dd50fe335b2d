import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { codeText, hasPermission, SCREENING_FORM_ID } from '@qorgau/core';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { boundedBodyParser } from '../../http/bounded-body.ts';
import { sendFile } from '../documents/documents.routes.ts';
import { createDeviceKeysService } from './device-keys.service.ts';
import { formListXml, responseXml } from './openrosa-xml.ts';
import { createScreeningFormService } from './screening-form.service.ts';
import { createSubmissionService, SubmissionRefused } from './submission.service.ts';

/** The largest instance accepted: a screening's XML is a few kilobytes; photos are not asked for. */
const SUBMISSION_MAX_BYTES = 2 * 1024 * 1024;
const XML = 'text/xml; charset=utf-8';

type Device = NonNullable<Awaited<ReturnType<ReturnType<typeof createDeviceKeysService>['authenticate']>>>;

/** `Basic base64(username:key)`, or null. */
function basicCredentials(header: string | undefined): { username: string; key: string } | null {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!m) return null;
  const decoded = Buffer.from(m[1] as string, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon > 0 ? { username: decoded.slice(0, colon), key: decoded.slice(colon + 1) } : null;
}

/**
 * The OpenRosa server (issue #14) for ODK Collect, KoboCollect and Enketo: the form list, the
 * form, and submissions. Field apps cannot do our two-factor sign-in, so these routes are not
 * behind the session (`public` to the session hook) and authenticate each request themselves:
 * HTTP Basic with the user's username and a device key she created after a full sign-in
 * (docs/field-apps.md). Over anything but TLS in production, Basic would expose the key: the
 * deployment guide puts the server behind TLS. The device acts with her role and scope; the
 * form list and each submission need `case.create`, as screening in the web app does.
 */
export const openRosaRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const devices = createDeviceKeysService(deps);
    const forms = createScreeningFormService(deps);
    const submissions = createSubmissionService(deps, forms);
    await app.register(multipart, { limits: { fileSize: SUBMISSION_MAX_BYTES, files: 10, fields: 20, parts: 30 } });
    // A bare XML body (not how OpenRosa submits) is read, bounded, only to answer it in OpenRosa's own words.
    app.addContentTypeParser(['text/xml', 'application/xml'], boundedBodyParser(SUBMISSION_MAX_BYTES));

    app.addHook('onSend', async (_req, reply) => {
      reply.header('x-openrosa-version', '1.0');
      reply.header('date', new Date().toUTCString());
    });

    const t = (req: FastifyRequest, key: string) => deps.translator.t(req.locale, key);
    const refuse = (reply: FastifyReply, status: number, message: string) =>
      reply.status(status).header('content-type', XML).send(responseXml(message, 'error'));

    /** The device's account, or the answer already sent (401 with the challenge OpenRosa clients answer, or 403). */
    async function device(req: FastifyRequest, reply: FastifyReply): Promise<Device | null> {
      const credentials = basicCredentials(req.headers.authorization);
      const found = credentials ? await devices.authenticate(credentials.username, credentials.key) : null;
      if (!found) {
        reply.header('www-authenticate', 'Basic realm="Qorgau", charset="UTF-8"');
        await refuse(reply, 401, t(req, 'openrosa.signIn'));
        return null;
      }
      if (!hasPermission(found.actor.role, 'case.create')) {
        await refuse(reply, 403, t(req, 'openrosa.mayNotScreen'));
        return null;
      }
      return found;
    }
    const auditOf = (d: Device, req: FastifyRequest) => ({
      actor: { id: d.user.id, username: d.user.username, role: d.user.role, agencyId: d.user.agencyId },
      ip: req.ip,
    });
    const base = (req: FastifyRequest) => `${req.protocol}://${req.host}/api/v1/openrosa`;
    const publicRoute = { config: { access: 'public' as const }, schema: { tags: ['openrosa'] } };

    app.get('/openrosa/formList', publicRoute, async (req, reply) => {
      if (!(await device(req, reply))) return reply;
      const { form, hash } = await forms.current();
      const list = formListXml([{ id: form.id, name: form.title[req.locale], version: form.version, hash, downloadUrl: `${base(req)}/forms/${form.id}` }]);
      return reply.header('content-type', XML).send(list);
    });

    app.get(
      '/openrosa/forms/:formId',
      { ...publicRoute, schema: { ...publicRoute.schema, params: z.object({ formId: codeText(/^[A-Za-z0-9_.-]+$/, { max: 100 }) }) } },
      async (req, reply) => {
        if (!(await device(req, reply))) return reply;
        if (req.params.formId !== SCREENING_FORM_ID) return refuse(reply, 404, t(req, 'openrosa.unknownFormPlain'));
        return reply.header('content-type', XML).send((await forms.current()).xform);
      },
    );

    // Collect asks with HEAD first: authenticated, and how large a submission may be.
    app.head('/openrosa/submission', publicRoute, async (req, reply) => {
      if (!(await device(req, reply))) return reply;
      return reply.status(204).header('x-openrosa-accept-content-length', String(SUBMISSION_MAX_BYTES)).send();
    });

    app.post('/openrosa/submission', publicRoute, async (req, reply) => {
      const d = await device(req, reply);
      if (!d) return reply;
      if (!req.isMultipart()) return refuse(reply, 400, t(req, 'openrosa.notMultipart'));
      let xml: string | null = null;
      try {
        for await (const part of req.parts()) {
          if (part.type !== 'file') continue;
          const bytes = await part.toBuffer();
          if (part.fieldname === 'xml_submission_file') xml = bytes.toString('utf8');
        }
      } catch {
        return refuse(reply, 413, t(req, 'openrosa.tooLarge'));
      }
      if (xml === null) return refuse(reply, 400, t(req, 'openrosa.noInstance'));
      try {
        const result = await submissions.submit(d, auditOf(d, req), xml, req.locale);
        const message = deps.translator.t(req.locale, result.created ? 'openrosa.received' : 'openrosa.receivedBefore', { reference: result.reference });
        return reply
          .status(result.created ? 201 : 202)
          .header('content-type', XML)
          .header('x-openrosa-accept-content-length', String(SUBMISSION_MAX_BYTES))
          .send(responseXml(message, 'submit_success'));
      } catch (e) {
        if (e instanceof SubmissionRefused) return refuse(reply, e.status, e.message);
        throw e;
      }
    });

    // The XLSForm, for an administrator who publishes the form on ODK Central or KoboToolbox.
    app.get('/reference/screening-form.xlsx', { config: { access: 'reference.read' }, schema: { tags: ['openrosa'] } }, async (_req, reply) => {
      const file = await forms.xlsform();
      return sendFile(reply, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `qorgau-screening-${file.version}.xlsx`, file.body);
    });
  };
