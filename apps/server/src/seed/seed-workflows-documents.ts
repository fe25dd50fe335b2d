/**
 * Documents in the demo (issue #10 item 6): the Almaty identification officer has attached a
 * signed consent to the persons of her three oldest cases, and a copy of the identity document
 * to the foreign ones, through the real attachments service (type checked from the bytes,
 * sealed under the keyring), at a moment of the case's history. The papers are small PDFs made
 * here: no real document is shipped.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { AppDeps } from '../app-deps.ts';
import { cases, persons } from '../db/schema.ts';
import { createAttachmentsService } from '../modules/documents/attachments.service.ts';
import { createPdf } from '../modules/documents/pdf-writer.ts';
import { agencyByKey, type DirectoryAgency } from './demo-directory.ts';
import { openStaffActors } from './seed-timeline.ts';

const OFFICER = 'identification';
const HOUR = 3_600_000;

/** A one-page stand-in for a scanned paper. */
async function paper(title: string, lines: string[], at: Date): Promise<Buffer> {
  const pdf = createPdf({ title, lang: 'kk', createdAt: at });
  pdf.title(title);
  for (const l of lines) pdf.paragraph(l);
  return pdf.end();
}

export async function seedDocuments(deps: AppDeps, dir: DirectoryAgency[]): Promise<{ attachments: number }> {
  const unit = agencyByKey(dir, 'police-almaty');
  const oldest = await deps.db
    .select({ personId: cases.personId, caseId: cases.id, openedAt: cases.createdAt, citizenship: persons.citizenship })
    .from(cases)
    .innerJoin(persons, eq(persons.id, cases.personId))
    .where(and(eq(cases.ownerAgencyId, unit.id), eq(cases.regionCode, 'KZ-75')))
    .orderBy(asc(cases.createdAt), asc(cases.reference))
    .limit(3);
  const staff = await openStaffActors(deps, dir, [OFFICER]);
  const clock = { now: deps.now() };
  const attachments = createAttachmentsService({ ...deps, now: () => clock.now });
  const officer = staff.get(OFFICER);
  let count = 0;
  try {
    for (const c of oldest) {
      clock.now = new Date(c.openedAt.getTime() + 2 * HOUR);
      const upload = async (kind: 'signed_consent' | 'identity_document', filename: string, bytes: Buffer) => {
        await attachments.upload(
          officer.auth,
          officer.audit,
          c.personId,
          { 'x-client-id': randomUUID(), 'x-attachment-kind': kind, 'x-filename': encodeURIComponent(filename), 'x-case-id': c.caseId },
          bytes,
        );
        count++;
      };
      await upload(
        'signed_consent',
        'келісім-қол-қойылған.pdf',
        await paper(
          'Дербес деректерді өңдеуге және беруге келісім',
          ['Қол қойылған түпнұсқаның көшірмесі (демо).', 'Копия подписанного оригинала (демо).'],
          clock.now,
        ),
      );
      if (c.citizenship !== 'KZ') {
        clock.now = new Date(clock.now.getTime() + HOUR);
        await upload(
          'identity_document',
          'паспорт-көшірмесі.pdf',
          await paper('Паспорт көшірмесі', ['Жеке басты куәландыратын құжаттың көшірмесі (демо).'], clock.now),
        );
      }
    }
  } finally {
    await staff.close();
  }
  return { attachments: count };
}
