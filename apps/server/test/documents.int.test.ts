import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBlob } from '../src/crypto/blob-cipher.ts';
import { createFieldCipher, fieldContext } from '../src/crypto/field-cipher.ts';
import { keyringFrom, readKeyringFile } from '../src/crypto/keyring.ts';
import { rotateKeys } from '../src/crypto/rotate-keys.ts';
import { attachments, auditLog, caseAccess, entitlements } from '../src/db/schema.ts';
import { EXE, PDF, PNG, pdfText, referToShelter, uploadHeaders } from './documents-fixtures.ts';
import { createTestApp, personBody, type Session, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

/** The generated PDFs, for a reviewer to look at, when QORGAU_SHOTS_DIR names a folder. */
const keep = (name: string, bytes: Buffer) => {
  const dir = process.env.QORGAU_SHOTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), bytes);
};

describeEachDb('documents', (kind) => {
  let t: TestApp;
  let worker: Session;
  let personId: string;
  let caseId: string;
  beforeAll(async () => {
    t = await createTestApp(kind, { env: { QORGAU_ATTACHMENT_MAX_BYTES: '4096' } });
    worker = await t.as('identification_officer', { regions: ['KZ-75'] });
    personId = (
      await worker.inject({ method: 'POST', url: '/api/v1/persons', payload: personBody({ citizenship: 'UZ', firstName: 'Dilnoza', secondName: 'Karimova' }) })
    ).json().id;
    caseId = (
      await worker.inject({
        method: 'POST',
        url: '/api/v1/cases',
        payload: { clientId: randomUUID(), personId, regionCode: 'KZ-75', exploitationTypes: ['ForcedLabour'], narrative: 'Met at a market' },
      })
    ).json().id;
  });
  afterAll(() => t.close());

  const upload = (s: Session, bytes: Buffer, filename: string, extra: Record<string, string> = {}, person = personId) =>
    s.inject({ method: 'POST', url: `/api/v1/persons/${person}/attachments`, headers: uploadHeaders(filename, extra), payload: bytes });
  const audits = async (op: string, recordId: string) =>
    (
      await t.deps.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.operation, op), eq(auditLog.recordId, recordId)))
    ).length;

  describe('attachments', () => {
    it('stores a file encrypted and gives back the same bytes, with its type from the bytes and an audited read', async () => {
      // A PNG whose name says PDF: stored as what it is.
      const res = await upload(worker, PNG, 'паспорт Дилноза.pdf');
      expect(res.statusCode).toBe(200);
      const a = res.json();
      expect(a).toMatchObject({ contentType: 'image/png', sizeBytes: PNG.length, filename: 'паспорт Дилноза.pdf', kind: 'identity_document' });

      const [stored] = await t.deps.db.select().from(attachments).where(eq(attachments.id, a.id));
      expect(stored?.contentEnc.equals(PNG)).toBe(false);
      expect(stored?.contentEnc.includes(PNG.subarray(0, 8))).toBe(false);
      expect(stored?.filenameEnc).not.toContain('Дилноза');

      const before = await audits('attachment.read', personId);
      const got = await worker.inject({ method: 'GET', url: `/api/v1/attachments/${a.id}` });
      expect(got.statusCode).toBe(200);
      expect(got.rawPayload.equals(PNG)).toBe(true);
      expect(got.headers['content-type']).toBe('image/png');
      expect(got.headers['content-disposition']).toMatch(/^attachment; filename="[^"]+"; filename\*=UTF-8''/);
      expect(got.headers['x-content-type-options']).toBe('nosniff');
      expect(await audits('attachment.read', personId)).toBe(before + 1);

      const list = (await worker.inject({ method: 'GET', url: `/api/v1/persons/${personId}/attachments` })).json();
      expect(list.items.map((i: { id: string }) => i.id)).toContain(a.id);
      expect(list.maxBytes).toBe(4096);
    });

    it('a repeated upload (same client id) is stored once', async () => {
      const h = uploadHeaders('consent.pdf', { 'x-attachment-kind': 'signed_consent' });
      const first = await worker.inject({ method: 'POST', url: `/api/v1/persons/${personId}/attachments`, headers: h, payload: PDF });
      const again = await worker.inject({ method: 'POST', url: `/api/v1/persons/${personId}/attachments`, headers: h, payload: PDF });
      expect(first.statusCode).toBe(200);
      expect(again.json().id).toBe(first.json().id);
      const rows = await t.deps.db.select({ id: attachments.id }).from(attachments).where(eq(attachments.clientId, h['x-client-id']));
      expect(rows).toHaveLength(1);
    });

    it('refuses an executable renamed .pdf, a file over the limit and an empty file, with field messages, storing nothing', async () => {
      const count = async () => (await t.deps.db.select({ n: sql<number>`count(*)::int` }).from(attachments))[0]?.n;
      const before = await count();
      const exe = await upload(worker, EXE, 'scan.pdf');
      expect(exe.statusCode).toBe(400);
      expect(exe.json().error.fields).toEqual([expect.objectContaining({ path: 'file', code: 'attachment_type_refused' })]);
      expect(exe.json().error.fields[0].message).not.toBe('validation.attachment_type_refused');

      const big = await upload(worker, Buffer.concat([PNG, Buffer.alloc(5000)]), 'big.png');
      expect(big.statusCode).toBe(400);
      expect(big.json().error.fields[0]).toMatchObject({ path: 'file', code: 'attachment_too_large' });
      expect(big.json().error.fields[0].message).toBe('Файл тым үлкен: ең көбі 4 КБ.');

      const ru = await worker.inject({
        method: 'POST',
        url: `/api/v1/persons/${personId}/attachments`,
        headers: { ...uploadHeaders('x.png'), 'accept-language': 'ru' },
        payload: Buffer.alloc(0),
      });
      expect(ru.statusCode).toBe(400);
      expect(ru.json().error.fields[0]).toMatchObject({ code: 'attachment_empty', message: 'Файл пустой.' });
      expect(await count()).toBe(before);
    });

    it('an attachment is never changed by the application (database grants)', async () => {
      const a = (await upload(worker, PNG, 'photo.png')).json();
      await expect(t.deps.db.update(attachments).set({ kind: 'other' }).where(eq(attachments.id, a.id))).rejects.toThrow();
      await expect(t.deps.db.delete(attachments).where(eq(attachments.id, a.id))).rejects.toThrow();
    });

    it('key rotation re-wraps the file key and re-encrypts the name; the file opens under the new key alone', async () => {
      // Its own app: the rotation leaves the shared app's in-memory keys behind.
      const r = await createTestApp(kind);
      try {
        const officer = await r.as('identification_officer', { regions: ['KZ-75'] });
        const person = (await officer.inject({ method: 'POST', url: '/api/v1/persons', payload: personBody() })).json().id;
        const a = (await upload(officer, PNG, 'rotated.png', {}, person)).json();
        const { activeKey } = await rotateKeys(r.deps.db, r.config.keyFile);
        const cipher = createFieldCipher(keyringFrom(readKeyringFile(r.config.keyFile)));
        const [row] = await r.deps.db.select().from(attachments).where(eq(attachments.id, a.id));
        if (!row) throw new Error('attachment missing');
        expect(row.dekEnc.startsWith(`v1.${activeKey}.`)).toBe(true);
        expect(cipher.decrypt(row.filenameEnc, fieldContext('attachments', 'filename', a.id))).toBe('rotated.png');
        const opened = openBlob(
          cipher,
          { wrappedKey: row.dekEnc, sealed: row.contentEnc },
          fieldContext('attachments', 'content', a.id),
          fieldContext('attachments', 'dek', a.id),
        );
        expect(opened.equals(PNG)).toBe(true);
      } finally {
        await r.close();
      }
    });

    it('another agency outside the region sees nothing; a shelter sees documents only with the consent`s documents share', async () => {
      const a = (await upload(worker, PNG, 'photo.png')).json();
      const outsider = await t.as('case_worker', { regions: ['KZ-11'] });
      expect((await outsider.inject({ method: 'GET', url: `/api/v1/attachments/${a.id}` })).statusCode).toBe(404);
      expect((await outsider.inject({ method: 'GET', url: `/api/v1/persons/${personId}/attachments` })).statusCode).toBe(404);
      expect((await upload(outsider, PNG, 'x.png')).statusCode).toBe(404);

      const shelterAgency = await t.createAgency({ type: 'shelter' });
      const shelter = await t.as('shelter_manager', { agencyId: shelterAgency, regions: ['KZ-75'] });
      const ref = await referToShelter(t, {
        personId,
        caseId,
        referredBy: worker.user.id,
        fromAgencyId: worker.user.agencyId,
        shelterAgencyId: shelterAgency,
        shares: ['identity', 'case_history'],
      });
      expect((await shelter.inject({ method: 'GET', url: `/api/v1/attachments/${a.id}` })).statusCode).toBe(404);
      expect((await shelter.inject({ method: 'GET', url: `/api/v1/persons/${personId}/attachments` })).statusCode).toBe(404);

      await t.deps.db
        .update(caseAccess)
        .set({ shares: ['identity', 'documents'] })
        .where(eq(caseAccess.id, ref.accessId));
      const got = await shelter.inject({ method: 'GET', url: `/api/v1/attachments/${a.id}` });
      expect(got.statusCode).toBe(200);
      expect(got.rawPayload.equals(PNG)).toBe(true);

      // Consent withdrawn: the access is revoked, and with it the documents.
      await t.deps.db.update(caseAccess).set({ revokedAt: new Date() }).where(eq(caseAccess.id, ref.accessId));
      expect((await shelter.inject({ method: 'GET', url: `/api/v1/attachments/${a.id}` })).statusCode).toBe(404);
    });
  });

  describe('generated PDFs', () => {
    it('the rights sheet in Uzbek for a foreign victim: Uzbek Latin text, the reflection period, medical care not free', async () => {
      const res = await worker.inject({ method: 'GET', url: `/api/v1/persons/${personId}/documents/rights-sheet?lang=uz` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toContain('rights-uz.pdf');
      const text = await pdfText(res.rawPayload);
      keep(`rights-uz-${kind}.pdf`, res.rawPayload);
      expect(text).toContain('Maʼlumot varaqasi: huquqlaringiz va kafolatlaringiz');
      expect(text).toContain('huquqni muhofaza qilish organlari bilan hamkorlikka bogʻliq emas');
      expect(text).toContain('Oʻylab koʻrish muddati');
      expect(text).toContain('olti oylik');
      expect(text).toContain('tibbiy xizmatlar bepul emas');
      expect(await audits('document.generated', personId)).toBeGreaterThan(0);
    });

    it('the rights sheet prints the person`s own entitlement end dates (from the entitlements engine), lapsed ones left out', async () => {
      const person = (await worker.inject({ method: 'POST', url: '/api/v1/persons', payload: personBody({ citizenship: 'KG' }) })).json().id;
      const row = { personId: person, startsOn: '2026-12-01', rulesVersion: 'test', updatedAt: new Date() };
      await t.deps.db.insert(entitlements).values([
        { ...row, kind: 'reflection_period', state: 'active', endsOn: '2027-06-01' },
        { ...row, kind: 'temporary_residency', state: 'lapsed', endsOn: '2026-12-02' },
      ]);
      const text = await pdfText((await worker.inject({ method: 'GET', url: `/api/v1/persons/${person}/documents/rights-sheet?lang=ky` })).rawPayload);
      expect(text).toContain('Ойлонуу мөөнөтү: 01.06.2027 чейин');
      expect(text).not.toContain('02.12.2026');
    });

    it('the rights sheet in Kazakh for a citizen: Kazakh letters intact, no reflection period', async () => {
      const citizen = (await worker.inject({ method: 'POST', url: '/api/v1/persons', payload: personBody() })).json().id;
      const res = await worker.inject({ method: 'GET', url: `/api/v1/persons/${citizen}/documents/rights-sheet?lang=kk` });
      expect(res.statusCode).toBe(200);
      const text = await pdfText(res.rawPayload);
      keep(`rights-kk-citizen-${kind}.pdf`, res.rawPayload);
      expect(text).toContain('Ақпараттық парақ: сіздің құқықтарыңыз бен кепілдіктеріңіз');
      expect(text).toContain('Көмек құқық қорғау органдарымен ынтымақтастыққа байланысты емес');
      expect(text).toContain('Әйгерім');
      expect(text).toMatch(/[әқң]/);
      expect(text).not.toContain('Ойлану мерзімі');
      // The foreigner's Kazakh sheet has it.
      const foreign = await pdfText((await worker.inject({ method: 'GET', url: `/api/v1/persons/${personId}/documents/rights-sheet?lang=kk` })).rawPayload);
      expect(foreign).toContain('Ойлану мерзімі');
    });

    it('the referral letter names the provider, services and consent; the name only for a reader who may see identity', async () => {
      const shelterAgency = await t.createAgency({ type: 'shelter' });
      const shelter = await t.as('shelter_manager', { agencyId: shelterAgency, regions: ['KZ-11'] });
      const ref = await referToShelter(t, {
        personId,
        caseId,
        referredBy: worker.user.id,
        fromAgencyId: worker.user.agencyId,
        shelterAgencyId: shelterAgency,
        shares: ['case_history'],
      });
      const mine = await pdfText((await worker.inject({ method: 'GET', url: `/api/v1/referrals/${ref.referralId}/letter?lang=ru` })).rawPayload);
      expect(mine).toContain('Направление');
      expect(mine).toContain('Приют «Умит», Алматы');
      expect(mine).toContain('Психологическая помощь');
      expect(mine).toContain('согласие действует');
      expect(mine).toContain('Karimova Dilnoza');

      const theirs = await shelter.inject({ method: 'GET', url: `/api/v1/referrals/${ref.referralId}/letter?lang=ky` });
      expect(theirs.statusCode).toBe(200);
      const text = await pdfText(theirs.rawPayload);
      keep(`letter-ky-${kind}.pdf`, theirs.rawPayload);
      expect(text).toContain('Жолдомо кат');
      expect(text).not.toContain('Dilnoza');
      expect(text).toContain('Аты-жөнү көрсөтүлбөйт');

      // The national coordinator reads every referral (no documents permission needed), without the name.
      const coordinator = await t.as('national_coordinator', { regions: 'national' });
      const national = await coordinator.inject({ method: 'GET', url: `/api/v1/referrals/${ref.referralId}/letter?lang=en` });
      expect(national.statusCode).toBe(200);
      const nationalText = await pdfText(national.rawPayload);
      expect(nationalText).toContain('Referral letter');
      expect(nationalText).not.toContain('Dilnoza');

      const outsider = await t.as('case_worker', { regions: ['KZ-11'] });
      expect((await outsider.inject({ method: 'GET', url: `/api/v1/referrals/${ref.referralId}/letter` })).statusCode).toBe(404);
    });
  });
});
