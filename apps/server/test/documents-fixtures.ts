import { randomUUID } from 'node:crypto';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { caseAccess, consents, providers, referrals } from '../src/db/schema.ts';
import type { TestApp } from './test-app.ts';

/** A 1x1 PNG (a real image: signature, IHDR, IDAT, IEND). */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
/** The start of a PDF file (enough for the magic number). */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
/** A Windows executable's header ("MZ", then the PE offset and signature). */
export const EXE = (() => {
  const b = Buffer.alloc(256);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(128, 0x3c);
  b.write('PE\0\0', 128, 'latin1');
  return b;
})();

export const uploadHeaders = (filename: string, extra: Record<string, string> = {}) => ({
  'content-type': 'application/octet-stream',
  'x-client-id': randomUUID(),
  'x-attachment-kind': 'identity_document',
  'x-filename': encodeURIComponent(filename),
  ...extra,
});

/** The text of a PDF, page by page joined, whitespace collapsed (as a reader would copy it). */
export async function pdfText(bytes: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const parts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    for (const item of content.items) if ('str' in item) parts.push(item.str, item.hasEOL ? ' ' : '');
  }
  await doc.destroy();
  return parts.join('').replace(/\s+/g, ' ');
}

/**
 * A referral from `fromAgencyId` to a shelter run by `shelterAgencyId`, with a consent sharing
 * `shares` and the access it opens (written directly: the referral module is tested elsewhere).
 */
export async function referToShelter(
  t: TestApp,
  o: { personId: string; caseId: string; referredBy: string; fromAgencyId: string; shelterAgencyId: string; shares: string[] },
) {
  const db = t.deps.db;
  const providerId = randomUUID();
  await db.insert(providers).values({
    id: providerId,
    agencyId: o.shelterAgencyId,
    nameKk: 'Алматы қаласындағы «Үміт» баспанасы',
    nameRu: 'Приют «Умит», Алматы',
    nameEn: 'Umit shelter, Almaty',
    kind: 'shelter',
    services: ['shelter', 'psychological'],
    regionCode: 'KZ-75',
    settlement: 'urban',
    eligibility: ['adults', 'women', 'foreign_nationals'],
    languages: ['kk', 'ru'],
    funding: 'government',
    phone: '+7 727 000 00 00',
    email: 'umit@example.kz',
    address: 'Алматы, Абай даңғылы, 1',
  });
  const consentId = randomUUID();
  const now = new Date();
  await db.insert(consents).values({
    id: consentId,
    clientId: randomUUID(),
    personId: o.personId,
    providerId,
    shares: o.shares,
    validUntil: '2099-12-31',
    givenBy: 'person',
    recordedBy: o.referredBy,
    agencyId: o.fromAgencyId,
    recordedAt: now,
  });
  const referralId = randomUUID();
  await db.insert(referrals).values({
    id: referralId,
    clientId: randomUUID(),
    reference: `REF-2026-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
    personId: o.personId,
    caseId: o.caseId,
    providerId,
    providerAgencyId: o.shelterAgencyId,
    regionCode: 'KZ-75',
    services: ['shelter', 'psychological'],
    consentId,
    status: 'sent',
    dueAt: new Date(now.getTime() + 86_400_000),
    referredBy: o.referredBy,
    referringAgencyId: o.fromAgencyId,
  });
  const accessId = randomUUID();
  await db.insert(caseAccess).values({
    id: accessId,
    caseId: o.caseId,
    personId: o.personId,
    agencyId: o.shelterAgencyId,
    referralId,
    consentId,
    shares: o.shares,
    startsAt: now,
  });
  return { referralId, consentId, accessId, providerId };
}
