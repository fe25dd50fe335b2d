import type { SelfReport } from '@qorgau/core';
import { fieldContext, type FieldCipher } from '../../crypto/field-cipher.ts';
import type { SelfReportRow } from './self-reports.repository.ts';

export const SELF_REPORTS_TABLE = 'self_reports';

/** What an operator sees: the free text decrypted. */
export function selfReportView(cipher: FieldCipher, r: SelfReportRow): SelfReport {
  return {
    id: r.id,
    reference: r.reference,
    reporter: r.reporter as SelfReport['reporter'],
    language: r.language as SelfReport['language'],
    regionCode: r.regionCode,
    situation: r.situation as SelfReport['situation'],
    whatHappened: cipher.decrypt(r.whatHappenedEnc, fieldContext(SELF_REPORTS_TABLE, 'what_happened', r.id)),
    contact: r.contactEnc === null ? null : cipher.decrypt(r.contactEnc, fieldContext(SELF_REPORTS_TABLE, 'contact', r.id)),
    safeToContact: r.safeToContact,
    status: r.status as SelfReport['status'],
    assignedTo: r.assignedTo,
    screeningId: r.screeningId,
    createdAt: r.createdAt.toISOString(),
  };
}
