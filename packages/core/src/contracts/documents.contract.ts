import { z } from 'zod';
import { codeText } from './primitives.ts';
import { ATTACHMENT_CONTENT_TYPES, ATTACHMENT_KINDS, DOCUMENT_LANGUAGES } from '../domain/documents/documents.ts';

export const AttachmentKindSchema = z.enum(ATTACHMENT_KINDS);
export const DocumentLanguageSchema = z.enum(DOCUMENT_LANGUAGES);

/**
 * Metadata of an upload, sent as headers beside a raw binary body (ADR 0010): one request that
 * a phone can simply repeat on a broken connection (`x-client-id` makes the repeat a no-op).
 * The file name is percent-encoded (UTF-8), since header values are Latin-1.
 */
export const AttachmentUploadHeaders = z.object({
  'x-client-id': z.uuid(),
  'x-attachment-kind': AttachmentKindSchema,
  // What encodeURIComponent writes, nothing else: the decoded name is cleaned by the service.
  'x-filename': codeText(/^[A-Za-z0-9\-_.!~*'()%]+$/, { max: 600 }),
  'x-case-id': z.uuid().optional(),
  'x-referral-id': z.uuid().optional(),
  'x-consent-id': z.uuid().optional(),
});
export type AttachmentUploadHeaders = z.infer<typeof AttachmentUploadHeaders>;

export const Attachment = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  kind: AttachmentKindSchema,
  contentType: z.enum(ATTACHMENT_CONTENT_TYPES),
  sizeBytes: z.number().int(),
  filename: z.string(),
  caseId: z.uuid().nullable(),
  referralId: z.uuid().nullable(),
  consentId: z.uuid().nullable(),
  agencyId: z.uuid(),
  uploadedAt: z.string(),
});
export type Attachment = z.infer<typeof Attachment>;

export const AttachmentList = z.object({ items: z.array(Attachment), maxBytes: z.number().int() });
export type AttachmentList = z.infer<typeof AttachmentList>;

export const DocumentLanguageQuery = z.object({ lang: DocumentLanguageSchema.optional() });
