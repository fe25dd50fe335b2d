import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import {
  allowedRedressActions,
  awardIssues,
  beyondAward,
  claimIssues,
  COMPENSATION_ACTIONS,
  DomainError,
  informedIssues,
  kazakhstanDate,
  markOverAward,
  paymentIssues,
  redressRefusal,
  roleMayTakeRedressAction,
  redressTotals,
  type CompensationAction,
  type FileClaimBody,
  type PersonRedress,
  type RecordAwardBody,
  type RecordInformedBody,
  type RecordPaymentBody,
} from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { appendAudit, type AuditContext } from '../../audit/audit.repository.ts';
import type { AuthContext } from '../../auth/auth.plugin.ts';
import { fieldContext } from '../../crypto/field-cipher.ts';
import type { DbOrTx } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { civilClaims, compensationNotices, compensationPayments } from '../../db/schema.ts';
import * as repo from './redress.repository.ts';

export const overAwardReasonContext = (paymentId: string): string => fieldContext('compensation_payments', 'over_award_reason', paymentId);

type Issue = { path: string; code: string };
const refuse = (issues: Issue[]) => {
  if (issues.length) throw new DomainError('validation_failed', issues);
};

/**
 * Compensation per person (DOMAIN.md §2.6): the right explained, civil claims, awards and
 * payments. Each write: the person in the actor's redress scope (404 outside her read scope),
 * the action table (403), field-level rules (400), then one transaction with its audit entry;
 * replays of a client id answer the current view and write nothing.
 */
export function createRedressService(deps: AppDeps) {
  const { db, cipher } = deps;

  async function view(q: DbOrTx, auth: AuthContext, personId: string, mayAct: boolean): Promise<PersonRedress> {
    const [notices, loaded, criminalCases] = await Promise.all([
      repo.loadNotices(q, personId),
      repo.loadClaims(q, auth.actor, personId),
      repo.personCriminalCases(q, auth.actor, personId),
    ]);
    const claims = loaded.claims.map((c) => {
      const payments = markOverAward(
        c.awardedTenge,
        loaded.payments.filter((p) => p.claimId === c.id).map(({ id, paidOn, amountTenge, source }) => ({ id, paidOn, amountTenge, source: source as never })),
      );
      return {
        id: c.id,
        mode: c.mode as PersonRedress['claims'][number]['mode'],
        criminalCase: c.criminalCaseId ? { id: c.caseVisible ? c.criminalCaseId : null, erdrNumber: c.erdrNumber ?? '' } : null,
        filedOn: c.filedOn,
        claimedTenge: c.claimedTenge,
        awardedTenge: c.awardedTenge,
        awardedOn: c.awardedOn,
        paidTenge: payments.reduce((s, p) => s + p.amountTenge, 0),
        payments,
      };
    });
    const allowed = new Set<string>(allowedRedressActions(auth.actor, { mayAct }));
    return {
      personId,
      informed: notices.map((n) => ({
        id: n.id,
        informedOn: n.informedOn,
        language: n.language as PersonRedress['informed'][number]['language'],
        byRole: n.byRole as PersonRedress['informed'][number]['byRole'],
        agencyName: { kk: n.nameKk, ru: n.nameRu, en: n.nameEn },
      })),
      reminder: notices.length === 0,
      claims,
      totals: redressTotals(claims),
      allowedActions: COMPENSATION_ACTIONS.filter((a) => allowed.has(a)),
      criminalCases,
    };
  }

  async function currentView(auth: AuthContext, personId: string) {
    return db.transaction(async (tx) => {
      const found = await repo.findRedressPerson(tx, auth.actor, personId);
      if (!found) throw new DomainError('not_found');
      return view(tx, auth, personId, found.mayAct);
    });
  }

  /**
   * One action: the replay check (a client id already written for this person answers the view),
   * then scope, authority and the action's own checks and writes in one transaction, audited.
   */
  async function act(
    auth: AuthContext,
    audit: AuditContext,
    personId: string,
    action: CompensationAction,
    replay: { table: 'notice' | 'claim' | 'payment'; clientId: string } | null,
    write: (tx: DbOrTx, today: string) => Promise<Record<string, unknown> | null>,
  ): Promise<PersonRedress> {
    // The same order as every action on a record (criminal cases, legal aid): a role that never
    // takes the action is refused before the lookup, so a refusal says nothing about the person.
    if (!roleMayTakeRedressAction(auth.actor.role, action)) throw new DomainError('forbidden');
    const replayed = async () => (replay ? (await repo.personOfClientId(db, replay.table, replay.clientId)) === personId : false);
    if (await replayed()) return currentView(auth, personId);
    try {
      return await db.transaction(async (tx) => {
        const found = await repo.findRedressPerson(tx, auth.actor, personId);
        if (!found) throw new DomainError('not_found');
        if (redressRefusal(auth.actor, action, { mayAct: found.mayAct })) throw new DomainError('forbidden');
        const details = await write(tx, kazakhstanDate(deps.now()));
        if (details) {
          await appendAudit(tx, audit, { operation: 'redress.acted', recordType: 'person', recordId: personId, details: { type: action, ...details } });
        }
        return view(tx, auth, personId, found.mayAct);
      });
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      if (await replayed()) return currentView(auth, personId);
      // The client id names a write for another person: a client bug, refused rather than a 500.
      throw new DomainError('validation_failed', [{ path: 'clientId', code: 'duplicate_id' }]);
    }
  }

  async function checkCase(tx: DbOrTx, auth: AuthContext, criminalCaseId: string | undefined): Promise<Issue[]> {
    if (!criminalCaseId) return [];
    return (await repo.criminalCaseReadable(tx, auth.actor, criminalCaseId)) ? [] : [{ path: 'criminalCaseId', code: 'invalid_reference' }];
  }

  return {
    async read(auth: AuthContext, audit: AuditContext, personId: string): Promise<PersonRedress> {
      return db.transaction(async (tx) => {
        const found = await repo.findRedressPerson(tx, auth.actor, personId);
        if (!found) throw new DomainError('not_found');
        await appendAudit(tx, audit, { operation: 'redress.read', recordType: 'person', recordId: personId });
        return view(tx, auth, personId, found.mayAct);
      });
    },

    recordInformed(auth: AuthContext, audit: AuditContext, personId: string, body: RecordInformedBody) {
      return act(auth, audit, personId, 'record_informed', { table: 'notice', clientId: body.clientId }, async (tx, today) => {
        refuse([...informedIssues(body, today), ...(await checkCase(tx, auth, body.criminalCaseId))]);
        await tx.insert(compensationNotices).values({
          clientId: body.clientId,
          personId,
          informedOn: body.informedOn,
          language: body.language,
          informedBy: auth.user.id,
          agencyId: auth.user.agencyId,
          criminalCaseId: body.criminalCaseId ?? null,
        });
        return { language: body.language, informedOn: body.informedOn };
      });
    },

    fileClaim(auth: AuthContext, audit: AuditContext, personId: string, body: FileClaimBody) {
      return act(auth, audit, personId, 'file_claim', { table: 'claim', clientId: body.clientId }, async (tx, today) => {
        refuse([...claimIssues(body, today), ...(await checkCase(tx, auth, body.criminalCaseId))]);
        await tx.insert(civilClaims).values({
          clientId: body.clientId,
          personId,
          criminalCaseId: body.criminalCaseId ?? null,
          mode: body.mode,
          filedOn: body.filedOn,
          claimedTenge: body.claimedTenge,
          filedBy: auth.user.id,
        });
        return { mode: body.mode, claimedTenge: body.claimedTenge, linkedCase: Boolean(body.criminalCaseId) };
      });
    },

    /** The court's award; recording the same award again is a no-op, a different one replaces it (on appeal). */
    recordAward(auth: AuthContext, audit: AuditContext, personId: string, claimId: string, body: RecordAwardBody) {
      return act(auth, audit, personId, 'record_award', null, async (tx, today) => {
        const claim = await repo.lockClaim(tx, personId, claimId);
        if (!claim) throw new DomainError('not_found');
        refuse(awardIssues(claim, body, today));
        if (claim.awardedTenge === body.awardedTenge && claim.awardedOn === body.awardedOn) return null;
        await tx
          .update(civilClaims)
          .set({ awardedTenge: body.awardedTenge, awardedOn: body.awardedOn, updatedAt: deps.now() })
          .where(eq(civilClaims.id, claim.id));
        return { awardedTenge: body.awardedTenge, previousAwardedTenge: claim.awardedTenge };
      });
    },

    recordPayment(auth: AuthContext, audit: AuditContext, personId: string, claimId: string, body: RecordPaymentBody) {
      return act(auth, audit, personId, 'record_payment', { table: 'payment', clientId: body.clientId }, async (tx, today) => {
        const claim = await repo.lockClaim(tx, personId, claimId);
        if (!claim) throw new DomainError('not_found');
        const facts = { awardedTenge: claim.awardedTenge, awardedOn: claim.awardedOn, paidTenge: await repo.paidOnClaim(tx, claim.id) };
        refuse(paymentIssues(facts, body, today));
        const overAward = beyondAward(facts, body.amountTenge);
        const id = randomUUID();
        await tx.insert(compensationPayments).values({
          id,
          clientId: body.clientId,
          claimId: claim.id,
          personId,
          paidOn: body.paidOn,
          amountTenge: body.amountTenge,
          source: body.source,
          overAwardReasonEnc: overAward && body.overAwardReason ? cipher.encrypt(body.overAwardReason, overAwardReasonContext(id)) : null,
          recordedBy: auth.user.id,
        });
        return { amountTenge: body.amountTenge, source: body.source, overAward };
      });
    },
  };
}
