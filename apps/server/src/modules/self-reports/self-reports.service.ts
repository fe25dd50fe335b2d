import { randomUUID } from 'node:crypto';
import { DomainError, type SelfReport, type SelfReportBody, type SelfReportPage, type SelfReportReceipt, type SelfReportStatusBody } from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { appendAudit, type AuditContext } from '../../audit/audit.repository.ts';
import type { AuthContext } from '../../auth/auth.plugin.ts';
import { fieldContext } from '../../crypto/field-cipher.ts';
import { kazakhstanYear } from '../../util/kazakhstan-date.ts';
import * as repo from './self-reports.repository.ts';
import { SELF_REPORTS_TABLE, selfReportView } from './self-reports.view.ts';

/**
 * Who works the hotline queue. `self_report.read` is granted nationally to screeners and
 * identification officers (packages/core/src/access/permissions.ts), because a report has no
 * creator or owner agency for a scope to test. The narrowing happens here, in the query:
 * a user of a `hotline` agency sees every report (the hotline is the national entry point);
 * an identification officer sees the reports placed in their jurisdiction; every other
 * screener (a labour inspector, a nurse) sees an empty queue and 404s, like any record out
 * of scope.
 */
export function queueScopeOf(auth: AuthContext): repo.QueueScope {
  if (auth.agency.type === 'hotline') return { kind: 'all' };
  if (auth.user.role === 'identification_officer') {
    const j = auth.actor.jurisdiction;
    return j.national ? { kind: 'all' } : { kind: 'regions', regions: j.regions };
  }
  return { kind: 'none' };
}

/** Which status may follow which: the queue only moves forward; closing is always possible. */
const NEXT: Record<SelfReport['status'], readonly SelfReport['status'][]> = {
  new: ['in_progress', 'screened', 'closed'],
  in_progress: ['screened', 'closed'],
  screened: ['closed'],
  closed: [],
};

export function createSelfReportsService(deps: AppDeps) {
  const { db, cipher } = deps;

  /**
   * Stores a public report, encrypted, and answers with its reference only. A filled honeypot
   * gets a reference from the same sequence but nothing is stored: a bot cannot tell.
   */
  async function submit(audit: AuditContext, body: SelfReportBody): Promise<SelfReportReceipt> {
    const year = kazakhstanYear(deps.now());
    if (body.website && body.website.trim() !== '') {
      return db.transaction(async (tx) => {
        const reference = await repo.nextSelfReportReference(tx, year);
        await appendAudit(tx, audit, { operation: 'self_report.received', outcome: 'denied', recordType: 'self_report', details: { reason: 'honeypot' } });
        return { reference };
      });
    }
    const id = randomUUID();
    return db.transaction(async (tx) => {
      const reference = await repo.nextSelfReportReference(tx, year);
      const contact = body.contact?.trim() ? body.contact.trim() : null;
      await repo.insertSelfReport(tx, {
        id,
        createdAt: deps.now(),
        reference,
        language: body.language,
        reporter: body.reporter,
        regionCode: body.regionCode ?? null,
        situation: [...new Set(body.situation ?? [])],
        whatHappenedEnc: cipher.encrypt(body.whatHappened, fieldContext(SELF_REPORTS_TABLE, 'what_happened', id)),
        contactEnc: contact === null ? null : cipher.encrypt(contact, fieldContext(SELF_REPORTS_TABLE, 'contact', id)),
        safeToContact: body.safeToContact,
        status: 'new',
      });
      // No free text, no contact: only codes.
      await appendAudit(tx, audit, {
        operation: 'self_report.received',
        recordType: 'self_report',
        recordId: id,
        details: { reporter: body.reporter, language: body.language, regionCode: body.regionCode ?? null },
      });
      return { reference };
    });
  }

  async function list(auth: AuthContext, audit: AuditContext, page: number, pageSize: number): Promise<SelfReportPage> {
    const { rows, total } = await repo.listQueue(db, queueScopeOf(auth), page, pageSize);
    // The queue shows decrypted text: which reports were shown is itself audited.
    await db.transaction((tx) =>
      appendAudit(tx, audit, { operation: 'self_report.list', recordType: 'self_report', details: { ids: rows.map((r) => r.id), page } }),
    );
    return { items: rows.map((r) => selfReportView(cipher, r)), total, page, pageSize };
  }

  async function read(auth: AuthContext, audit: AuditContext, id: string): Promise<SelfReport> {
    const row = await repo.getSelfReport(db, queueScopeOf(auth), id);
    if (!row) throw new DomainError('not_found');
    await db.transaction((tx) => appendAudit(tx, audit, { operation: 'self_report.read', recordType: 'self_report', recordId: id }));
    return selfReportView(cipher, row);
  }

  /** Moves a report through the queue; `screened` links the screening the operator recorded. */
  async function setStatus(auth: AuthContext, audit: AuditContext, id: string, body: SelfReportStatusBody): Promise<SelfReport> {
    await db.transaction(async (tx) => {
      const row = await repo.getSelfReport(tx, queueScopeOf(auth), id, { forUpdate: true });
      if (!row) throw new DomainError('not_found');
      const from = row.status as SelfReport['status'];
      if (!NEXT[from].includes(body.status)) throw new DomainError('invalid_transition');
      let screeningId: string | null = row.screeningId;
      if (body.status === 'screened') {
        screeningId = await repo.findOwnScreeningId(tx, auth.user.id, body.screeningReference ?? '');
        if (!screeningId) throw new DomainError('validation_failed', [{ path: 'screeningReference', code: 'unknown_screening' }]);
      }
      await repo.updateStatus(tx, id, { status: body.status, assignedTo: row.assignedTo ?? auth.user.id, screeningId });
      await appendAudit(tx, audit, {
        operation: 'self_report.status_changed',
        recordType: 'self_report',
        recordId: id,
        details: { from, to: body.status, screeningId },
      });
    });
    return read(auth, audit, id);
  }

  return { submit, list, read, setStatus };
}
