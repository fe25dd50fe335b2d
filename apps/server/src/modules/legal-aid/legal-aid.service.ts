import { randomUUID } from 'node:crypto';
import {
  assignmentIssues,
  DomainError,
  endIssues,
  hoursIssues,
  redressRefusal,
  roleMayTakeRedressAction,
  serviceDateIssues,
  totalHours,
  type AssignLawyerBody,
  type ClientList,
  type EndAssignmentBody,
  type EndedAssignment,
  type FieldIssue,
  type LawyerFunding,
  type LawyerList,
  type LegalAidView,
  type LegalService,
  type RecordLegalServiceBody,
  type RedressAction,
} from '@qorgau/core';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../app-deps.ts';
import { appendAudit, type AuditContext } from '../../audit/audit.repository.ts';
import type { AuthContext } from '../../auth/auth.plugin.ts';
import { fieldContext } from '../../crypto/field-cipher.ts';
import type { DbOrTx } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { legalAidAssignments, legalServices } from '../../db/schema.ts';
import { kazakhstanDate } from '../../util/kazakhstan-date.ts';
import { displayNameOf } from '../persons/persons.view.ts';
import * as repo from './legal-aid.repository.ts';

export const noteContext = (serviceId: string) => fieldContext('legal_services', 'note', serviceId);

const refuse = (issues: FieldIssue[]) => {
  if (issues.length) throw new DomainError('validation_failed', issues);
};

/**
 * Legal aid (issue #11 item 5): a lawyer assigned to a victim by the side that arranges it (the
 * NGO's case worker for pro bono, the investigator or prosecutor for state legal aid), ended by
 * that side or by the lawyer herself, and the services the lawyer delivers on her own assignment.
 * Authority: core REDRESS_ACTION_RULES (role before the lookup; out of scope = not found). Each
 * write is one transaction with its audit entry, idempotent on the client id.
 */
export function createLegalAidService(deps: AppDeps) {
  const { db, cipher } = deps;
  const isLawyer = (auth: AuthContext) => auth.actor.role === 'lawyer';

  /** The panel: a lawyer sees only her own assignments of the person; the arranging side sees all. */
  async function view(tx: DbOrTx, auth: AuthContext, personId: string): Promise<LegalAidView> {
    const actor = auth.actor;
    const mayAct = await repo.personInScope(tx, actor, personId, 'redress.act');
    const rows = await repo.listAssignments(tx, personId, isLawyer(auth) ? actor.userId : undefined);
    const services = await repo.listServices(
      tx,
      rows.map((r) => r.a.id),
    );
    const allowed = (action: RedressAction) => redressRefusal(actor, action, { mayAct }) === null;
    const assignments = rows.map((r) => {
      const own = r.a.lawyerId === actor.userId;
      const open = r.a.endedOn === null;
      const mine = services.filter((s) => s.assignmentId === r.a.id);
      const hours = mine.map((s) => (s.hours === null ? null : Number(s.hours)));
      const actions: RedressAction[] = [];
      if (open && allowed('end_assignment') && (!isLawyer(auth) || own)) actions.push('end_assignment');
      if (open && own && allowed('record_legal_service')) actions.push('record_legal_service');
      return {
        id: r.a.id,
        lawyer: { id: r.a.lawyerId, name: r.lawyerName, agencyName: r.agency },
        funding: r.a.funding as LawyerFunding,
        criminalCase: r.a.criminalCaseId ? { id: r.a.criminalCaseId, erdrNumber: r.erdrNumber ?? '' } : null,
        assignedOn: r.a.assignedOn,
        endedOn: r.a.endedOn,
        services: mine.map((s, i) => ({
          id: s.id,
          deliveredOn: s.deliveredOn,
          service: s.service as LegalService,
          hours: hours[i] ?? null,
          // Her working notes: for the lawyer who wrote them.
          note: own && s.noteEnc !== null ? cipher.decrypt(s.noteEnc, noteContext(s.id)) : null,
        })),
        totals: { services: mine.length, hours: totalHours(hours) },
        allowedActions: actions,
      };
    });
    return {
      personId,
      assignments,
      totals: {
        services: assignments.reduce((n, a) => n + a.totals.services, 0),
        hours: totalHours(assignments.map((a) => a.totals.hours)),
      },
      allowedActions: allowed('assign_lawyer') ? ['assign_lawyer'] : [],
    };
  }

  async function read(auth: AuthContext, audit: AuditContext, personId: string): Promise<LegalAidView> {
    return db.transaction(async (tx) => {
      if (!(await repo.personInScope(tx, auth.actor, personId, 'redress.read'))) throw new DomainError('not_found');
      const v = await view(tx, auth, personId);
      await appendAudit(tx, audit, {
        operation: 'redress.read',
        recordType: 'person',
        recordId: personId,
        details: { part: 'legal_aid', assignments: v.assignments.map((a) => a.id) },
      });
      return v;
    });
  }

  async function assign(auth: AuthContext, audit: AuditContext, personId: string, body: AssignLawyerBody): Promise<LegalAidView> {
    if (!roleMayTakeRedressAction(auth.actor.role, 'assign_lawyer')) throw new DomainError('forbidden');
    const replay = await repo.findAssignmentByClientId(db, body.clientId);
    if (replay?.personId === personId) return read(auth, audit, personId);
    if (replay) throw new DomainError('conflict');
    try {
      await db.transaction(async (tx) => {
        // Out of her read scope: not found; readable but outside her act scope: forbidden (as for
        // every action on a record: criminal cases, compensation).
        if (!(await repo.personInScope(tx, auth.actor, personId, 'redress.read'))) throw new DomainError('not_found');
        if (!(await repo.personInScope(tx, auth.actor, personId, 'redress.act'))) throw new DomainError('forbidden');
        await repo.lockPerson(tx, personId);
        const today = kazakhstanDate(deps.now());
        const lawyer = await repo.getActiveLawyer(tx, body.lawyerId);
        const issues: FieldIssue[] = [...assignmentIssues(body.assignedOn, today)];
        if (!lawyer) issues.push({ path: 'lawyerId', code: 'not_a_lawyer' });
        if (body.criminalCaseId) {
          const c = await repo.caseFacts(tx, auth.actor, body.criminalCaseId, personId);
          if (!c) issues.push({ path: 'criminalCaseId', code: 'not_found' });
          else if (!c.victim) issues.push({ path: 'criminalCaseId', code: 'not_a_victim_in_case' });
        }
        refuse(issues);
        if (await repo.openAssignmentOf(tx, personId, body.lawyerId)) throw new DomainError('conflict', [{ path: 'lawyerId', code: 'already_assigned' }]);
        const id = randomUUID();
        await tx.insert(legalAidAssignments).values({
          id,
          clientId: body.clientId,
          personId,
          lawyerId: body.lawyerId,
          lawyerAgencyId: lawyer?.agencyId as string,
          funding: body.funding,
          criminalCaseId: body.criminalCaseId ?? null,
          assignedOn: body.assignedOn,
          assignedBy: auth.user.id,
        });
        await appendAudit(tx, audit, {
          operation: 'redress.acted',
          recordType: 'person',
          recordId: personId,
          details: { type: 'assign_lawyer', funding: body.funding, assignmentId: id },
        });
      });
    } catch (e) {
      if (!isUniqueViolation(e) || (await repo.findAssignmentByClientId(db, body.clientId))?.personId !== personId) throw e;
    }
    return read(auth, audit, personId);
  }

  /**
   * Ends an assignment: the arranging side (the person in her `redress.act` scope) or the lawyer
   * herself (her own assignment only; another's is not found to her). The table has no client
   * id for the end, so a replay is recognised by its facts: the same end date on an already
   * ended assignment answers as the first call did; another date is a conflict of state.
   */
  async function end(auth: AuthContext, audit: AuditContext, assignmentId: string, body: EndAssignmentBody): Promise<EndedAssignment> {
    if (!roleMayTakeRedressAction(auth.actor.role, 'end_assignment')) throw new DomainError('forbidden');
    return db.transaction(async (tx) => {
      const a = await repo.getAssignment(tx, assignmentId, { forUpdate: true });
      if (!a) throw new DomainError('not_found');
      if (isLawyer(auth)) {
        if (a.lawyerId !== auth.actor.userId) throw new DomainError('not_found');
      } else if (!(await repo.personInScope(tx, auth.actor, a.personId, 'redress.act'))) {
        throw new DomainError('not_found');
      }
      if (a.endedOn !== null) {
        if (a.endedOn === body.endedOn && a.endedBy === auth.user.id) return { id: a.id, personId: a.personId, endedOn: a.endedOn };
        throw new DomainError('invalid_transition');
      }
      refuse(endIssues(a, body.endedOn, kazakhstanDate(deps.now())));
      await tx.update(legalAidAssignments).set({ endedOn: body.endedOn, endedBy: auth.user.id }).where(eq(legalAidAssignments.id, a.id));
      await appendAudit(tx, audit, {
        operation: 'redress.acted',
        recordType: 'person',
        recordId: a.personId,
        details: { type: 'end_assignment', funding: a.funding, assignmentId: a.id },
      });
      return { id: a.id, personId: a.personId, endedOn: body.endedOn };
    });
  }

  /**
   * A service on the lawyer's OWN assignment: another lawyer's (or one that does not exist) is not
   * found. An ended assignment answers 409 invalid_transition, not 404: the row is her own record
   * of work (she knows of it), and the refusal tells her why, revealing nothing of the client.
   */
  async function recordService(auth: AuthContext, audit: AuditContext, assignmentId: string, body: RecordLegalServiceBody): Promise<LegalAidView> {
    if (!roleMayTakeRedressAction(auth.actor.role, 'record_legal_service')) throw new DomainError('forbidden');
    const replay = await repo.findServiceByClientId(db, body.clientId);
    if (replay && replay.assignmentId === assignmentId && replay.recordedBy === auth.user.id) return read(auth, audit, replay.personId);
    if (replay) throw new DomainError('conflict');
    let personId = '';
    try {
      await db.transaction(async (tx) => {
        const a = await repo.getAssignment(tx, assignmentId, { forUpdate: true });
        if (!a || a.lawyerId !== auth.actor.userId) throw new DomainError('not_found');
        if (a.endedOn !== null) throw new DomainError('invalid_transition');
        personId = a.personId;
        refuse([...serviceDateIssues(a, body.deliveredOn, kazakhstanDate(deps.now())), ...hoursIssues(body.hours)]);
        const id = randomUUID();
        await tx.insert(legalServices).values({
          id,
          clientId: body.clientId,
          assignmentId: a.id,
          personId: a.personId,
          deliveredOn: body.deliveredOn,
          service: body.service,
          hours: body.hours === undefined ? null : body.hours.toFixed(2),
          noteEnc: body.note ? cipher.encrypt(body.note, noteContext(id)) : null,
          recordedBy: auth.user.id,
        });
        await appendAudit(tx, audit, {
          operation: 'redress.acted',
          recordType: 'person',
          recordId: a.personId,
          details: { type: 'record_legal_service', funding: a.funding, service: body.service, assignmentId: a.id },
        });
      });
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      const winner = await repo.findServiceByClientId(db, body.clientId);
      if (!winner || winner.assignmentId !== assignmentId) throw e;
      personId = winner.personId;
    }
    return read(auth, audit, personId);
  }

  async function lawyers(query: { region?: string }): Promise<LawyerList> {
    const rows = await repo.listLawyers(db, query.region);
    return { items: rows.map((r) => ({ id: r.id, name: r.name, agencyName: r.agency, regions: r.regions, national: r.national })) };
  }

  /** The lawyer's clients: the persons of her open assignments, by name (her client shares it with her). */
  async function clients(auth: AuthContext, audit: AuditContext): Promise<ClientList> {
    if (!isLawyer(auth)) throw new DomainError('forbidden');
    return db.transaction(async (tx) => {
      const rows = await repo.listClients(tx, auth.actor.userId);
      const cases = await repo.clientCriminalCases(
        tx,
        auth.actor,
        rows.map((r) => r.person.id),
      );
      const items = rows.map((r) => ({
        personId: r.person.id,
        pseudonym: r.person.pseudonym,
        name: displayNameOf(cipher, r.person),
        assignmentId: r.a.id,
        funding: r.a.funding as LawyerFunding,
        assignedOn: r.a.assignedOn,
        lastServiceOn: r.lastServiceOn,
        criminalCases: cases
          .filter((c) => c.personId === r.person.id)
          .map((c) => ({ id: c.id, erdrNumber: c.erdrNumber, stage: c.stage as ClientList['items'][number]['criminalCases'][number]['stage'] })),
      }));
      await appendAudit(tx, audit, { operation: 'redress.read', recordType: 'person', details: { part: 'clients', shown: items.map((i) => i.personId) } });
      return { items };
    });
  }

  return { read, assign, end, recordService, lawyers, clients };
}
