import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import {
  DomainError,
  isAcceptedContentType,
  type Attachment,
  type AttachmentContentType,
  type AttachmentList,
  type AttachmentUploadHeaders,
} from '@qorgau/core';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../app-deps.ts';
import { appendAudit, type AuditContext } from '../../audit/audit.repository.ts';
import type { AuthContext } from '../../auth/auth.plugin.ts';
import { openBlob, sealBlob } from '../../crypto/blob-cipher.ts';
import { fieldContext, type FieldCipher } from '../../crypto/field-cipher.ts';
import type { DbOrTx } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { cases, consents, referrals } from '../../db/schema.ts';
import {
  findAttachmentByClientId,
  findPerson,
  findReadableAttachment,
  insertAttachment,
  listAttachments,
  personWithShare,
  type AttachmentRow,
} from './documents.repository.ts';

const contentContext = (id: string) => fieldContext('attachments', 'content', id);
const keyContext = (id: string) => fieldContext('attachments', 'dek', id);
const nameContext = (id: string) => fieldContext('attachments', 'filename', id);

/**
 * The limit as people read it: a number and a unit key (`units.kb`, `units.mb`) that the message
 * nests, so the unit is the reader's ("МБ" in Kazakh and Russian, "MB" in English).
 */
export const readableSize = (bytes: number): { n: string; unit: 'kb' | 'mb' } =>
  bytes >= 1_048_576 ? { n: String(+(bytes / 1_048_576).toFixed(1)), unit: 'mb' } : { n: String(Math.max(1, Math.round(bytes / 1024))), unit: 'kb' };

export const tooLarge = (max: number) => new DomainError('validation_failed', [{ path: 'file', code: 'attachment_too_large', params: readableSize(max) }]);

/** The file's type from its bytes (magic numbers). Name and declared header are never trusted. */
export async function detectContentType(bytes: Buffer): Promise<AttachmentContentType> {
  if (bytes.length === 0) throw new DomainError('validation_failed', [{ path: 'file', code: 'attachment_empty' }]);
  const found = await fileTypeFromBuffer(bytes);
  const mime = found?.mime === 'image/heif' ? 'image/heic' : found?.mime;
  if (!isAcceptedContentType(mime)) throw new DomainError('validation_failed', [{ path: 'file', code: 'attachment_type_refused' }]);
  return mime;
}

/** The name as the user gave it (percent-encoded UTF-8 in a header), without any path. */
function filenameOf(raw: string): string {
  let name: string;
  try {
    name = decodeURIComponent(raw);
  } catch {
    throw new DomainError('validation_failed', [{ path: 'filename', code: 'invalid_format' }]);
  }
  // Control characters (C0 and DEL) never belong in a file name shown to people or sent in a
  // header, nor do bidirectional controls: "scan\u202Efdp.exe" would read as "scanexe.pdf".
  name = [...basename(name.replaceAll('\\', '/'))]
    .filter((ch) => (ch.codePointAt(0) ?? 0) >= 0x20 && ch !== '\u007f' && !/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(ch))
    .join('')
    .trim()
    .slice(0, 200);
  if (!name) throw new DomainError('validation_failed', [{ path: 'filename', code: 'required' }]);
  return name;
}

function viewOf(cipher: FieldCipher, r: Omit<AttachmentRow, 'contentEnc' | 'dekEnc'>): Attachment {
  return {
    id: r.id,
    personId: r.personId,
    kind: r.kind as Attachment['kind'],
    contentType: r.contentType as Attachment['contentType'],
    sizeBytes: r.sizeBytes,
    filename: cipher.decrypt(r.filenameEnc, nameContext(r.id)),
    caseId: r.caseId,
    referralId: r.referralId,
    consentId: r.consentId,
    agencyId: r.agencyId,
    uploadedAt: r.createdAt.toISOString(),
  };
}

/** A linked case, referral or consent must be the same person's: an attachment never points at another's record. */
async function checkLinks(tx: DbOrTx, personId: string, h: AttachmentUploadHeaders): Promise<void> {
  const links = [
    { id: h['x-case-id'], table: cases, path: 'caseId' },
    { id: h['x-referral-id'], table: referrals, path: 'referralId' },
    { id: h['x-consent-id'], table: consents, path: 'consentId' },
  ] as const;
  for (const l of links) {
    if (!l.id) continue;
    const [row] = await tx.select({ personId: l.table.personId }).from(l.table).where(eq(l.table.id, l.id));
    if (row?.personId !== personId) throw new DomainError('validation_failed', [{ path: l.path, code: 'attachment_link_other_person' }]);
  }
}

export function createAttachmentsService(deps: AppDeps) {
  const { db, cipher } = deps;
  return {
    async upload(ctx: AuthContext, audit: AuditContext, personId: string, h: AttachmentUploadHeaders, bytes: Buffer): Promise<Attachment> {
      const actor = ctx.actor;
      const filename = filenameOf(h['x-filename']);
      if (bytes.length > deps.config.attachmentMaxBytes) throw tooLarge(deps.config.attachmentMaxBytes);
      const contentType = await detectContentType(bytes);
      const person = await findPerson(db, actor, personId, personWithShare(actor, 'document.upload', 'documents'));
      if (!person) throw new DomainError('not_found');
      const replay = await findAttachmentByClientId(db, h['x-client-id']);
      if (replay) return replayOf(replay, personId);
      const id = randomUUID();
      const { wrappedKey, sealed } = sealBlob(cipher, bytes, contentContext(id), keyContext(id));
      try {
        return await db.transaction(async (tx) => {
          await checkLinks(tx, personId, h);
          const row = {
            id,
            clientId: h['x-client-id'],
            personId,
            caseId: h['x-case-id'] ?? null,
            referralId: h['x-referral-id'] ?? null,
            consentId: h['x-consent-id'] ?? null,
            kind: h['x-attachment-kind'],
            contentType,
            sizeBytes: bytes.length,
            filenameEnc: cipher.encrypt(filename, nameContext(id)),
            dekEnc: wrappedKey,
            contentEnc: sealed,
            uploadedBy: actor.userId,
            agencyId: actor.agencyId,
            createdAt: deps.now(),
          };
          await insertAttachment(tx, row);
          await appendAudit(tx, audit, {
            operation: 'attachment.uploaded',
            recordType: 'person',
            recordId: personId,
            details: { attachmentId: id, kind: row.kind, contentType, sizeBytes: row.sizeBytes },
          });
          return viewOf(cipher, row);
        });
      } catch (e) {
        // Two deliveries of the same upload at once: the other one stored it.
        if (!isUniqueViolation(e)) throw e;
        const again = await findAttachmentByClientId(db, h['x-client-id']);
        if (!again) throw e;
        return replayOf(again, personId);
      }
    },

    async list(ctx: AuthContext, audit: AuditContext, personId: string): Promise<AttachmentList> {
      const actor = ctx.actor;
      const person = await findPerson(db, actor, personId, personWithShare(actor, 'document.read', 'documents'));
      if (!person) throw new DomainError('not_found');
      return db.transaction(async (tx) => {
        const rows = await listAttachments(tx, personId);
        await appendAudit(tx, audit, { operation: 'attachment.list', recordType: 'person', recordId: personId, details: { count: rows.length } });
        return { items: rows.map((r) => viewOf(cipher, r)), maxBytes: deps.config.attachmentMaxBytes };
      });
    },

    async download(ctx: AuthContext, audit: AuditContext, id: string): Promise<{ meta: Attachment; bytes: Buffer }> {
      const row = await findReadableAttachment(db, ctx.actor, id);
      if (!row) throw new DomainError('not_found');
      const bytes = openBlob(cipher, { wrappedKey: row.dekEnc, sealed: row.contentEnc }, contentContext(row.id), keyContext(row.id));
      await appendAudit(db, audit, {
        operation: 'attachment.read',
        recordType: 'person',
        recordId: row.personId,
        details: { attachmentId: row.id, kind: row.kind },
      });
      return { meta: viewOf(cipher, row), bytes };
    },
  };

  function replayOf(row: AttachmentRow, personId: string): Attachment {
    // The same client id for another person is a client error, not a replay.
    if (row.personId !== personId) throw new DomainError('conflict');
    return viewOf(cipher, row);
  }
}
