import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { Attachment, AttachmentList, AttachmentUploadHeaders, DocumentLanguageQuery, IdParams, type DocumentLanguage } from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { boundedBodyParser } from '../../http/bounded-body.ts';
import { actorOf, auditContextOf } from '../../auth/auth.plugin.ts';
import { createAttachmentsService } from './attachments.service.ts';
import { createGeneratedDocumentsService } from './generated-documents.service.ts';

/** `attachment; filename="…"` with an ASCII fallback and the real name in RFC 5987 form. */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function sendFile(reply: FastifyReply, contentType: string, filename: string, bytes: Buffer) {
  return reply
    .header('content-type', contentType)
    .header('content-disposition', contentDisposition(filename))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .send(bytes);
}

/**
 * Documents (issue #10): attachments (raw binary upload with metadata headers, ADR 0010) and
 * PDFs generated in the person's language (rights sheet, referral letter).
 */
export const documentsRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const attachments = createAttachmentsService(deps);
    const generated = createGeneratedDocumentsService(deps);
    const max = deps.config.attachmentMaxBytes;

    // The body is read here, counting bytes: over the limit the upload is refused with a
    // field message (not Fastify's bare 413) before the rest is buffered. Scoped to this plugin.
    app.addContentTypeParser('application/octet-stream', boundedBodyParser(max));

    app.post(
      '/persons/:id/attachments',
      {
        config: { access: 'document.upload' },
        bodyLimit: max + 1,
        schema: { tags: ['documents'], params: IdParams, headers: AttachmentUploadHeaders, response: { 200: Attachment } },
      },
      async (req) => {
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        return attachments.upload(actorOf(req), auditContextOf(req), req.params.id, req.headers, body);
      },
    );

    app.get(
      '/persons/:id/attachments',
      { config: { access: 'document.read' }, schema: { tags: ['documents'], params: IdParams, response: { 200: AttachmentList } } },
      async (req) => attachments.list(actorOf(req), auditContextOf(req), req.params.id),
    );

    app.get('/attachments/:id', { config: { access: 'document.read' }, schema: { tags: ['documents'], params: IdParams } }, async (req, reply) => {
      const { meta, bytes } = await attachments.download(actorOf(req), auditContextOf(req), req.params.id);
      return sendFile(reply, meta.contentType, meta.filename, bytes);
    });

    app.get(
      '/persons/:id/documents/rights-sheet',
      { config: { access: 'document.read' }, schema: { tags: ['documents'], params: IdParams, querystring: DocumentLanguageQuery } },
      async (req, reply) => {
        const pdf = await generated.rightsSheet(actorOf(req), auditContextOf(req), req.params.id, langOf(req.query.lang, req.locale));
        return sendFile(reply, 'application/pdf', pdf.filename, pdf.bytes);
      },
    );

    app.get(
      '/referrals/:id/letter',
      { config: { access: 'referral.read' }, schema: { tags: ['documents'], params: IdParams, querystring: DocumentLanguageQuery } },
      async (req, reply) => {
        const pdf = await generated.referralLetter(actorOf(req), auditContextOf(req), req.params.id, langOf(req.query.lang, req.locale));
        return sendFile(reply, 'application/pdf', pdf.filename, pdf.bytes);
      },
    );
  };

/** The asked language, else the reader's. */
const langOf = (lang: DocumentLanguage | undefined, locale: DocumentLanguage): DocumentLanguage => lang ?? locale;
