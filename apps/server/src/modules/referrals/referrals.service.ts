import {
  applyReferralAction,
  deriveReferralState,
  DomainError,
  isTerminalReferralStatus,
  referralActionRefusal,
  roleMayTakeReferralAction,
  type CreateReferralBody,
  type Referral,
  type ReferralActionBody,
  type ReferralActionType,
} from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { appendAudit, type AuditContext } from '../../audit/audit.repository.ts';
import type { AuthContext } from '../../auth/auth.plugin.ts';
import type { DbOrTx } from '../../db/client.ts';
import { writeOnce } from '../../db/errors.ts';
import { notify, type Notice } from '../notifications/notify.ts';
import { createReferralTx, RECEIVING_ROLES, referralActionTextContext } from './referral-create.ts';
import { randomUUID } from 'node:crypto';
import * as repo from './referrals.repository.ts';
import { referralFactsOf, referralSummary, referralView } from './referrals.view.ts';

export function createReferralsService(deps: AppDeps) {
  const { db, cipher } = deps;

  async function view(q: DbOrTx, auth: AuthContext, id: string): Promise<Referral | null> {
    const row = await repo.getReferral(q, auth.actor, id);
    if (!row) return null;
    const now = deps.now();
    const [actions, to, shares] = await Promise.all([repo.listReferralActions(q, id), repo.transferredTo(q, id), repo.openShares(q, id, now)]);
    return referralView(cipher, row, actions, { now, actor: auth.actor, transferredTo: to, shares });
  }

  async function read(auth: AuthContext, audit: AuditContext, id: string): Promise<Referral> {
    return db.transaction(async (tx) => {
      const found = await view(tx, auth, id);
      if (!found) throw new DomainError('not_found');
      await appendAudit(tx, audit, { operation: 'referral.read', recordType: 'referral', recordId: id, details: { identity: found.personName !== null } });
      return found;
    });
  }

  /** Runs `write` once per client id (db/errors.ts writeOnce) and answers with the referral. */
  const idempotent = async (find: () => Promise<string | null>, write: () => Promise<string>, auth: AuthContext, audit: AuditContext) =>
    read(auth, audit, await writeOnce(find, write));

  return {
    read,

    create: (auth: AuthContext, audit: AuditContext, body: CreateReferralBody) =>
      idempotent(
        () => repo.findReferralIdByClientId(db, body.clientId),
        () => db.transaction((tx) => createReferralTx(deps, tx, auth, audit, body)),
        auth,
        audit,
      ),

    async list(
      auth: AuthContext,
      audit: AuditContext,
      q: { box: 'sent' | 'received' | 'all'; status?: string; caseId?: string; page: number; pageSize: number },
    ) {
      return db.transaction(async (tx) => {
        const { rows, total } = await repo.listReferrals(tx, auth.actor, q, q.page, q.pageSize);
        const now = deps.now();
        const items = rows.map((r) => referralSummary(cipher, r, now));
        await appendAudit(tx, audit, {
          operation: 'referral.list',
          recordType: 'referral',
          details: { box: q.box, shown: items.filter((i) => i.personName !== null).map((i) => i.id), total },
        });
        return { items, total, page: q.page, pageSize: q.pageSize };
      });
    },

    /** One action of the core table, under a row lock; an ended referral closes the access it opened. */
    act: (auth: AuthContext, audit: AuditContext, id: string, body: ReferralActionBody) =>
      idempotent(
        () => repo.findActionReferralByClientId(db, body.clientId),
        () =>
          db.transaction(async (tx) => {
            const { action } = body;
            if (!roleMayTakeReferralAction(auth.actor.role, action.type)) throw new DomainError('forbidden');
            const row = await repo.getReferral(tx, auth.actor, id, 'referral.act', { forUpdate: true });
            if (!row) throw new DomainError('not_found');
            const log = await repo.listReferralActions(tx, id);
            const state = deriveReferralState(log.map((l) => l.action.type as ReferralActionType));
            const refusal = referralActionRefusal(auth.actor, action.type, referralFactsOf(row), state);
            if (refusal) throw new DomainError(refusal);
            const next = applyReferralAction(state, action.type);
            const now = deps.now();
            const details: Record<string, string | string[]> = {};
            if (action.type === 'transferred') {
              if (action.providerId === row.referral.providerId)
                throw new DomainError('validation_failed', [{ path: 'action.providerId', code: 'same_provider' }]);
              // The new referral is checked like any other (consent for the new provider, the rules).
              details.toReferralId = await createReferralTx(deps, tx, auth, audit, {
                clientId: randomUUID(),
                caseId: row.referral.caseId,
                providerId: action.providerId,
                services: action.services ?? row.referral.services,
                consentId: action.consentId,
                overrideReason: action.overrideReason,
                emergency: row.referral.emergency,
                transferredFrom: id,
              }).catch((e: unknown) => {
                if (e instanceof DomainError && e.code === 'validation_failed') {
                  throw new DomainError(
                    'validation_failed',
                    e.fields.map((f) => ({ ...f, path: `action.${f.path}` })),
                  );
                }
                throw e;
              });
            }
            const actionId = randomUUID();
            await repo.insertReferralAction(tx, {
              id: actionId,
              clientId: body.clientId,
              referralId: id,
              seq: log.length + 1,
              type: action.type,
              details,
              textEnc: action.text ? cipher.encrypt(action.text, referralActionTextContext(actionId)) : null,
              actorId: auth.user.id,
              agencyId: auth.user.agencyId,
              at: now,
            });
            await repo.setReferralStatus(tx, id, next.status, now);
            // Declined, completed, withdrawn, transferred: the provider's access ends now.
            if (isTerminalReferralStatus(next.status)) await repo.endReferralAccess(tx, id, now);
            const facts = { reference: row.referral.reference };
            const notices: Notice[] =
              action.type === 'accepted' || action.type === 'declined' || action.type === 'completed'
                ? [{ userId: row.referral.referredBy, kind: `referral_${action.type}`, subjectType: 'referral', subjectId: id, facts }]
                : (await repo.receivingStaff(tx, row.referral.providerAgencyId, RECEIVING_ROLES)).map((userId) => ({
                    userId,
                    kind: `referral_${action.type}`,
                    subjectType: 'referral' as const,
                    subjectId: id,
                    facts,
                  }));
            await notify(tx, notices, now);
            await appendAudit(tx, audit, {
              operation: 'referral.action_appended',
              recordType: 'referral',
              recordId: id,
              details: { type: action.type, ...details },
            });
            return id;
          }),
        auth,
        audit,
      ),
  };
}
