import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import {
  addMonths,
  articlesInForce,
  DomainError,
  isClosedStage,
  PRETRIAL_TERM_MONTHS,
  roleMayTakeCriminalCaseAction,
  stageMoveIssue,
  unknownArticles,
  type AssignBody,
  type ChangeStageBody,
  type CriminalCaseListQuery,
  type CriminalCasePage,
  type CriminalCaseView,
  type CriminalStage,
  type ExtendDeadlineBody,
  type FieldIssue,
  type RegisterCriminalCaseBody,
} from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { appendAudit, type AuditContext } from '../../audit/audit.repository.ts';
import type { AuthContext } from '../../auth/auth.plugin.ts';
import type { DbOrTx } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { criminalCaseEvents, criminalCases } from '../../db/schema.ts';
import { kazakhstanDate } from '../../util/kazakhstan-date.ts';
import { actOnCriminalCase, loadCriminalCase, refuseIssues } from './criminal-case-act.ts';
import { criminalArticleSets } from './criminal-articles.store.ts';
import * as repo from './criminal-cases.repository.ts';
import { criminalCaseSummary, criminalCaseView, eventNoteContext, summaryContext } from './criminal-cases.view.ts';
import { syncCaseVictims } from './proceedings-sync.ts';

type RegisterBody = RegisterCriminalCaseBody & { exploitationTypes: string[] };

/**
 * Criminal cases (issue #11 item 1): registration by the investigator or prosecutor, the list
 * and the page in scope, and the actions on the case itself (stage, assignments, deadline),
 * each through actOnCriminalCase (authority, event, audit in one transaction).
 */
export function createCriminalCasesService(deps: AppDeps) {
  const { db, cipher } = deps;
  const today = () => kazakhstanDate(deps.now());

  async function load(tx: DbOrTx, auth: AuthContext, id: string): Promise<CriminalCaseView> {
    const found = await loadCriminalCase(tx, auth.actor, id);
    if (!found) throw new DomainError('not_found');
    const [details, events, sets] = await Promise.all([repo.caseDetails(tx, id), repo.caseEvents(tx, id), criminalArticleSets(tx)]);
    return criminalCaseView(cipher, auth.actor, found, details, events, sets, today());
  }

  async function read(auth: AuthContext, audit: AuditContext, id: string): Promise<CriminalCaseView> {
    return db.transaction(async (tx) => {
      const view = await load(tx, auth, id);
      await appendAudit(tx, audit, { operation: 'criminal_case.read', recordType: 'criminal_case', recordId: id, details: { part: 'case' } });
      return view;
    });
  }

  async function register(auth: AuthContext, audit: AuditContext, body: RegisterBody): Promise<CriminalCaseView> {
    const existing = await repo.findCaseByClientId(db, body.clientId);
    if (existing) return read(auth, audit, existing);
    const id = randomUUID();
    const now = deps.now();
    const duplicate = () => new DomainError('conflict', [{ path: 'erdrNumber', code: 'duplicate_erdr' }]);
    try {
      await db.transaction(async (tx) => {
        const issues: FieldIssue[] = [];
        if (body.registeredOn > kazakhstanDate(now)) issues.push({ path: 'registeredOn', code: 'date_in_future' });
        const set = articlesInForce(await criminalArticleSets(tx), body.registeredOn);
        if (!set) issues.push({ path: 'registeredOn', code: 'date_out_of_range' });
        else
          for (const code of unknownArticles(set, body.articles))
            issues.push({ path: `articles.${body.articles.indexOf(code)}`, code: 'unknown_article', params: { code } });
        const j = auth.actor.jurisdiction;
        if (!j.national && !j.regions.includes(body.regionCode)) issues.push({ path: 'regionCode', code: 'outside_jurisdiction' });
        refuseIssues(issues);
        if (await repo.findCaseByErdr(tx, body.erdrNumber)) throw duplicate();
        const role = auth.actor.role;
        await tx.insert(criminalCases).values({
          id,
          clientId: body.clientId,
          erdrNumber: body.erdrNumber,
          articles: body.articles,
          articlesVersion: set?.version as string,
          exploitationTypes: body.exploitationTypes,
          summaryEnc: body.summary ? cipher.encrypt(body.summary, summaryContext(id)) : null,
          regionCode: body.regionCode,
          ownerAgencyId: auth.user.agencyId,
          createdBy: auth.user.id,
          investigatorId: role === 'investigator' ? auth.user.id : null,
          prosecutorId: role === 'prosecutor' ? auth.user.id : null,
          stage: 'registered',
          stageOn: body.registeredOn,
          registeredOn: body.registeredOn,
          deadlineOn: addMonths(body.registeredOn, PRETRIAL_TERM_MONTHS),
          createdAt: now,
          updatedAt: now,
        });
        const details = { erdrNumber: body.erdrNumber, articles: body.articles, regionCode: body.regionCode, registeredOn: body.registeredOn };
        await tx.insert(criminalCaseEvents).values({
          clientId: randomUUID(),
          criminalCaseId: id,
          type: 'registered',
          details,
          actorId: auth.user.id,
          agencyId: auth.user.agencyId,
          at: now,
        });
        await appendAudit(tx, audit, { operation: 'criminal_case.registered', recordType: 'criminal_case', recordId: id, details });
      });
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      const winner = await repo.findCaseByClientId(db, body.clientId);
      if (winner) return read(auth, audit, winner);
      throw duplicate();
    }
    return read(auth, audit, id);
  }

  async function list(auth: AuthContext, audit: AuditContext, query: CriminalCaseListQuery): Promise<CriminalCasePage> {
    return db.transaction(async (tx) => {
      const { rows, total } = await repo.listCriminalCases(tx, auth.actor, query, query.page, query.pageSize);
      const day = today();
      const items = rows.map((r) => criminalCaseSummary(r, day));
      await appendAudit(tx, audit, { operation: 'criminal_case.list', recordType: 'criminal_case', details: { shown: items.map((i) => i.id), total } });
      return { items, total, page: query.page, pageSize: query.pageSize };
    });
  }

  async function changeStage(auth: AuthContext, audit: AuditContext, id: string, body: ChangeStageBody): Promise<CriminalCaseView> {
    await actOnCriminalCase(deps, auth, audit, id, 'change_stage', body.clientId, async (tx, cc) => {
      const from = cc.stage as CriminalStage;
      const issue = stageMoveIssue(auth.actor.role, { stage: from, stageOn: cc.stageOn }, { to: body.to, on: body.on, reason: body.reason }, today());
      if (issue?.code === 'forbidden') throw new DomainError('forbidden');
      if (issue?.code === 'invalid_transition') throw new DomainError('invalid_transition');
      if (issue) {
        const params = issue.code === 'date_before_previous_stage' ? { previousOn: issue.previousOn } : undefined;
        refuseIssues([{ path: issue.field, code: issue.code, ...(params ? { params } : {}) }]);
      }
      const ended = isClosedStage(body.to);
      await tx
        .update(criminalCases)
        .set({ stage: body.to, stageOn: body.on, stageReason: body.reason ?? null, ...(ended ? { endedOn: body.on } : {}) })
        .where(eq(criminalCases.id, id));
      await syncCaseVictims(tx, deps, id, { userId: auth.user.id, agencyId: auth.user.agencyId });
      return {
        details: { from, to: body.to, on: body.on, ...(body.reason ? { reason: body.reason } : {}) },
        noteEnc: body.note ? cipher.encrypt(body.note, eventNoteContext(body.clientId)) : null,
      };
    });
    return read(auth, audit, id);
  }

  async function assign(auth: AuthContext, audit: AuditContext, id: string, body: AssignBody): Promise<CriminalCaseView> {
    await actOnCriminalCase(deps, auth, audit, id, 'assign', body.clientId, async (tx, cc) => {
      const wanted = [
        ['investigatorId', body.investigatorId, 'investigator'],
        ['prosecutorId', body.prosecutorId, 'prosecutor'],
      ] as const;
      const issues: FieldIssue[] = [];
      for (const [path, userId, role] of wanted) {
        if (!userId) continue;
        const [ok] = await repo.assignableUsers(tx, cc.regionCode, [role], [userId]);
        if (!ok) issues.push({ path, code: 'assignee_invalid' });
      }
      refuseIssues(issues);
      await tx
        .update(criminalCases)
        .set({
          ...(body.investigatorId ? { investigatorId: body.investigatorId } : {}),
          ...(body.prosecutorId ? { prosecutorId: body.prosecutorId } : {}),
        })
        .where(eq(criminalCases.id, id));
      return {
        details: {
          ...(body.investigatorId ? { investigatorId: body.investigatorId } : {}),
          ...(body.prosecutorId ? { prosecutorId: body.prosecutorId } : {}),
        },
      };
    });
    return read(auth, audit, id);
  }

  async function extendDeadline(auth: AuthContext, audit: AuditContext, id: string, body: ExtendDeadlineBody): Promise<CriminalCaseView> {
    await actOnCriminalCase(deps, auth, audit, id, 'extend_deadline', body.clientId, async (tx, cc) => {
      if (cc.deadlineOn && body.until <= cc.deadlineOn) refuseIssues([{ path: 'until', code: 'deadline_not_later', params: { deadlineOn: cc.deadlineOn } }]);
      await tx.update(criminalCases).set({ deadlineOn: body.until }).where(eq(criminalCases.id, id));
      return { details: { from: cc.deadlineOn, until: body.until }, noteEnc: cipher.encrypt(body.note, eventNoteContext(body.clientId)) };
    });
    return read(auth, audit, id);
  }

  /** Who the prosecutor may assign on this case: active investigators and prosecutors of its region. */
  async function assignees(auth: AuthContext, id: string) {
    if (!roleMayTakeCriminalCaseAction(auth.actor.role, 'assign')) throw new DomainError('forbidden');
    const found = await loadCriminalCase(db, auth.actor, id);
    if (!found) throw new DomainError('not_found');
    const rows = await repo.assignableUsers(db, found.cc.regionCode, ['investigator', 'prosecutor']);
    return { items: rows.map((r) => ({ id: r.id, name: r.name, role: r.role as 'investigator' | 'prosecutor' })) };
  }

  return { read, register, list, changeStage, assign, extendDeadline, assignees };
}
