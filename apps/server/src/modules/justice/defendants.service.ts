import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import {
  allowedCriminalCaseActions,
  articleIssues,
  articlesInForce,
  chargeIssues,
  complicityIssues,
  DEFENDANT_ACTIONS,
  DomainError,
  outcomeIssues,
  sentenceOf,
  type AddDefendantBody,
  type ChargeBody,
  type ChargeChangeReason,
  type CriminalStage,
  type DefendantCharge,
  type DefendantKind,
  type DefendantsView,
  type DefendantStatus,
  type DefendantView,
  type OfficialAgencyType,
  type Outcome,
  type OutcomeBody,
  type SentenceKind,
  type UpdateDefendantBody,
} from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { appendAudit, type AuditContext } from '../../audit/audit.repository.ts';
import type { AuthContext } from '../../auth/auth.plugin.ts';
import { fieldContext } from '../../crypto/field-cipher.ts';
import type { DbOrTx } from '../../db/client.ts';
import { defendants } from '../../db/schema.ts';
import { kazakhstanDate } from '../../util/kazakhstan-date.ts';
import { actOnCriminalCase, loadCriminalCase, refuseIssues, type CriminalCaseRow } from './criminal-case-act.ts';
import { criminalArticleSets } from './criminal-articles.store.ts';
import * as repo from './defendants.repository.ts';
import { eventNoteContext } from './criminal-cases.view.ts';

export const defendantNameContext = (id: string) => fieldContext('defendants', 'name', id);

/**
 * Suspects and defendants of a criminal case (issue #11 item 1). Each write is one action on the
 * case (actOnCriminalCase: authority from core's table, the event, the audit entry, one
 * transaction); the event and the audit carry codes, numbers and dates, never a name. Names are
 * decrypted only for readers whose `suspect.read_identity` scope holds the case.
 */
export function createDefendantsService(deps: AppDeps) {
  const { db, cipher } = deps;

  /** The article codes the case's Code version knows (the version it was registered under). */
  async function knownArticles(tx: DbOrTx, cc: CriminalCaseRow): Promise<string[]> {
    const sets = await criminalArticleSets(tx);
    const set = sets.find((s) => s.version === cc.articlesVersion) ?? articlesInForce(sets, cc.registeredOn);
    return set ? set.articles.map((a) => a.code) : [];
  }

  async function list(auth: AuthContext, audit: AuditContext, id: string): Promise<DefendantsView> {
    return db.transaction(async (tx) => {
      const found = await loadCriminalCase(tx, auth.actor, id);
      if (!found) throw new DomainError('not_found');
      // One after another: a transaction's client runs one query at a time.
      const namesShown = await repo.mayReadSuspects(tx, auth.actor, id);
      const rows = await repo.listDefendants(tx, id);
      const events = await repo.chargeEvents(tx, id);
      const allowed = allowedCriminalCaseActions(auth.actor, { stage: found.cc.stage as CriminalStage, mayAct: found.mayAct });
      const perDefendant = DEFENDANT_ACTIONS.filter((a) => allowed.includes(a));
      const history = new Map<string, { n: number; charge: DefendantCharge }[]>();
      events.forEach((e, i) => {
        const d = e.details as { defendantId?: string; articles?: string[]; reason?: ChargeChangeReason; on?: string; chargeNo?: number };
        if (!d.defendantId || !d.articles || !d.reason || !d.on) return;
        const list = history.get(d.defendantId) ?? [];
        list.push({ n: d.chargeNo ?? i, charge: { on: d.on, articles: d.articles, reason: d.reason } });
        history.set(d.defendantId, list);
      });
      const items: DefendantView[] = rows.map((r) => ({
        id: r.id,
        seq: r.seq,
        name: namesShown ? cipher.decrypt(r.nameEnc, defendantNameContext(r.id)) : null,
        kind: r.kind as DefendantKind,
        citizenship: r.citizenship,
        status: r.status as DefendantStatus,
        official: r.official,
        officialAgencyType: r.officialAgencyType as OfficialAgencyType | null,
        articles: r.articles,
        charges: (history.get(r.id) ?? []).sort((a, b) => a.n - b.n).map((c) => c.charge),
        outcome: r.outcome as Outcome | null,
        outcomeOn: r.outcomeOn,
        sentenceKind: r.sentenceKind as SentenceKind | null,
        sentenceMonths: r.sentenceMonths,
        fineTenge: r.fineTenge,
        allowedActions: perDefendant,
      }));
      await appendAudit(tx, audit, {
        operation: 'criminal_case.read',
        recordType: 'criminal_case',
        recordId: id,
        details: { part: 'defendants', names: namesShown },
      });
      return { namesShown, canAdd: allowed.includes('add_defendant'), items };
    });
  }

  async function add(auth: AuthContext, audit: AuditContext, id: string, body: AddDefendantBody): Promise<DefendantsView> {
    await actOnCriminalCase(deps, auth, audit, id, 'add_defendant', body.clientId, async (tx, cc, now) => {
      const official = body.official ?? false;
      refuseIssues([
        ...complicityIssues({ kind: body.kind, official, officialAgencyType: body.officialAgencyType }),
        ...articleIssues(body.articles, await knownArticles(tx, cc)),
      ]);
      const defendantId = randomUUID();
      const seq = await repo.nextSeq(tx, cc.id);
      await tx.insert(defendants).values({
        id: defendantId,
        clientId: body.clientId,
        criminalCaseId: cc.id,
        seq,
        kind: body.kind,
        nameEnc: cipher.encrypt(body.name, defendantNameContext(defendantId)),
        citizenship: body.citizenship ?? null,
        status: body.status ?? 'suspect',
        official,
        officialAgencyType: official ? (body.officialAgencyType ?? null) : null,
        articles: body.articles,
        createdBy: auth.user.id,
        createdAt: now,
        updatedAt: now,
      });
      return {
        details: {
          defendantId,
          seq,
          kind: body.kind,
          official,
          ...(official ? { officialAgencyType: body.officialAgencyType } : {}),
          articles: body.articles,
          reason: 'initial',
          on: kazakhstanDate(now),
          chargeNo: 0,
        },
      };
    });
    return list(auth, audit, id);
  }

  /** The defendant of this case, or not found (in the transaction, under the case row's lock). */
  async function defendantOf(tx: DbOrTx, cc: CriminalCaseRow, defendantId: string) {
    const row = await repo.getDefendant(tx, cc.id, defendantId);
    if (!row) throw new DomainError('not_found');
    return row;
  }

  async function update(auth: AuthContext, audit: AuditContext, id: string, defendantId: string, body: UpdateDefendantBody): Promise<DefendantsView> {
    await actOnCriminalCase(deps, auth, audit, id, 'update_defendant', body.clientId, async (tx, _cc, now) => {
      const row = await defendantOf(tx, _cc, defendantId);
      const official = body.official ?? row.official;
      // Clearing the flag clears the agency unless the body names one (which is then refused).
      const officialAgencyType =
        body.officialAgencyType !== undefined
          ? body.officialAgencyType
          : body.official === false
            ? null
            : (row.officialAgencyType as OfficialAgencyType | null);
      refuseIssues(complicityIssues({ kind: row.kind as DefendantKind, official, officialAgencyType }));
      const set = {
        status: body.status ?? row.status,
        official,
        officialAgencyType,
        citizenship: body.citizenship ?? row.citizenship,
        updatedAt: now,
      };
      await tx.update(defendants).set(set).where(eq(defendants.id, row.id));
      const changed = (['status', 'official', 'officialAgencyType', 'citizenship'] as const).filter((k) => set[k] !== row[k]);
      return {
        details: { defendantId: row.id, seq: row.seq, changed, status: set.status, official, ...(official ? { officialAgencyType } : {}) },
      };
    });
    return list(auth, audit, id);
  }

  async function charge(auth: AuthContext, audit: AuditContext, id: string, defendantId: string, body: ChargeBody): Promise<DefendantsView> {
    await actOnCriminalCase(deps, auth, audit, id, 'charge', body.clientId, async (tx, cc, now) => {
      const row = await defendantOf(tx, cc, defendantId);
      refuseIssues(
        chargeIssues(auth.actor.role, body, {
          current: row.articles,
          known: await knownArticles(tx, cc),
          registeredOn: cc.registeredOn,
          today: kazakhstanDate(now),
        }),
      );
      const chargeNo = await repo.chargeCount(tx, cc.id, row.id);
      await tx.update(defendants).set({ articles: body.articles, updatedAt: now }).where(eq(defendants.id, row.id));
      return {
        details: { defendantId: row.id, seq: row.seq, from: row.articles, articles: body.articles, reason: body.reason, on: body.on, chargeNo },
        noteEnc: body.note ? cipher.encrypt(body.note, eventNoteContext(body.clientId)) : null,
      };
    });
    return list(auth, audit, id);
  }

  async function recordOutcome(auth: AuthContext, audit: AuditContext, id: string, defendantId: string, body: OutcomeBody): Promise<DefendantsView> {
    await actOnCriminalCase(deps, auth, audit, id, 'record_outcome', body.clientId, async (tx, cc, now) => {
      const row = await defendantOf(tx, cc, defendantId);
      refuseIssues(outcomeIssues(body, { registeredOn: cc.registeredOn, today: kazakhstanDate(now) }));
      const sentence = sentenceOf(body);
      await tx
        .update(defendants)
        .set({ outcome: body.outcome, outcomeOn: body.on, ...sentence, updatedAt: now })
        .where(eq(defendants.id, row.id));
      return {
        details: {
          defendantId: row.id,
          seq: row.seq,
          outcome: body.outcome,
          on: body.on,
          ...Object.fromEntries(Object.entries(sentence).filter(([, v]) => v !== null)),
        },
      };
    });
    return list(auth, audit, id);
  }

  return { list, add, update, charge, recordOutcome };
}
