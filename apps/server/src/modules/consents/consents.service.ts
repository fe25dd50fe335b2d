import { randomUUID } from 'node:crypto';
import {
  ageOn,
  applyReferralAction,
  consentGiverIssues,
  consentState,
  deriveReferralState,
  DomainError,
  kazakhstanDate,
  scopeOf,
  type ConsentView,
  type ReferralActionType,
  type RecordConsentBody,
} from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { appendAudit, type AuditContext } from '../../audit/audit.repository.ts';
import type { AuthContext } from '../../auth/auth.plugin.ts';
import { fieldContext } from '../../crypto/field-cipher.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { DbOrTx } from '../../db/client.ts';
import { notify } from '../notifications/notify.ts';
import { RECEIVING_ROLES } from '../referrals/referral-create.ts';
import * as referrals from '../referrals/referrals.repository.ts';
import * as repo from './consents.repository.ts';

type ViewRow = NonNullable<Awaited<ReturnType<typeof repo.getConsentView>>>;

function consentView(r: ViewRow, now: Date, mayWithdraw: boolean): ConsentView {
  const c = r.consent;
  const state = consentState(c, now);
  return {
    id: c.id,
    personId: c.personId,
    providerId: c.providerId,
    providerName: r.providerName,
    shares: c.shares as ConsentView['shares'],
    validUntil: c.validUntil,
    givenBy: c.givenBy as ConsentView['givenBy'],
    state,
    recordedAt: c.recordedAt.toISOString(),
    agencyName: r.agencyName,
    withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
    canWithdraw: mayWithdraw && state === 'valid',
  };
}

/**
 * Consents (issue #10, DOMAIN.md §2.3): recorded before data is shared, for one provider; a
 * withdrawal revokes, in the same transaction, every open access grant made with it and notes
 * `consent_withdrawn` on the referrals it affects, so every read honours it at once.
 */
export function createConsentsService(deps: AppDeps) {
  const { db } = deps;
  const mayWithdraw = async (q: DbOrTx, auth: AuthContext, personId: string) =>
    scopeOf(auth.actor.role, 'consent.withdraw') !== undefined && (await repo.personInScope(q, auth.actor, 'consent.withdraw', personId)) !== null;

  async function one(q: DbOrTx, auth: AuthContext, id: string): Promise<ConsentView> {
    const r = await repo.getConsentView(q, id);
    if (!r) throw new DomainError('not_found');
    return consentView(r, deps.now(), await mayWithdraw(q, auth, r.consent.personId));
  }

  return {
    async list(auth: AuthContext, audit: AuditContext, personId: string): Promise<{ items: ConsentView[] }> {
      return db.transaction(async (tx) => {
        if (!(await repo.personInScope(tx, auth.actor, 'person.read', personId))) throw new DomainError('not_found');
        const rows = await repo.listConsentsOfPerson(tx, personId);
        const may = await mayWithdraw(tx, auth, personId);
        await appendAudit(tx, audit, { operation: 'consent.list', recordType: 'person', recordId: personId, details: { shown: rows.length } });
        return { items: rows.map((r) => consentView(r, deps.now(), may)) };
      });
    },

    async record(auth: AuthContext, _audit: AuditContext, personId: string, body: RecordConsentBody): Promise<ConsentView> {
      const audit = _audit;
      const existing = await repo.findConsentIdByClientId(db, body.clientId);
      if (existing) return one(db, auth, existing);
      const id = randomUUID();
      try {
        await db.transaction(async (tx) => {
          const person = await repo.personInScope(tx, auth.actor, 'consent.record', personId);
          if (!person) throw new DomainError('not_found');
          const now = deps.now();
          const today = kazakhstanDate(now);
          const issues = [];
          if (!(await referrals.getProvider(tx, body.providerId))) issues.push({ path: 'providerId', code: 'not_found' });
          if (body.validUntil < today) issues.push({ path: 'validUntil', code: 'date_in_past' });
          const birthdate = person.birthdateEnc ? deps.cipher.decrypt(person.birthdateEnc, fieldContext('persons', 'birthdate', person.id)) : null;
          const age = ageOn({ date: birthdate, year: person.birthYear }, today);
          const adultAge = (await deps.reference.referralRules(tx)).adultAge;
          issues.push(...consentGiverIssues(age !== null && age < adultAge, body.givenBy));
          if (issues.length) throw new DomainError('validation_failed', issues);
          await repo.insertConsent(tx, {
            id,
            clientId: body.clientId,
            personId,
            providerId: body.providerId,
            shares: body.shares,
            validUntil: body.validUntil,
            givenBy: body.givenBy,
            recordedBy: auth.user.id,
            agencyId: auth.user.agencyId,
            recordedAt: now,
          });
          await appendAudit(tx, audit, {
            operation: 'consent.recorded',
            recordType: 'consent',
            recordId: id,
            details: { personId, providerId: body.providerId, shares: body.shares, validUntil: body.validUntil, givenBy: body.givenBy },
          });
        });
      } catch (e) {
        const winner = isUniqueViolation(e) ? await repo.findConsentIdByClientId(db, body.clientId) : null;
        if (!winner) throw e;
        return one(db, auth, winner);
      }
      return one(db, auth, id);
    },

    async withdraw(auth: AuthContext, audit: AuditContext, id: string): Promise<ConsentView> {
      await db.transaction(async (tx) => {
        const consent = await repo.getConsent(tx, id);
        if (!consent || !(await repo.personInScope(tx, auth.actor, 'consent.withdraw', consent.personId))) throw new DomainError('not_found');
        const now = deps.now();
        // A replay (or a second withdrawal) changes nothing.
        if (!(await repo.markWithdrawn(tx, id, auth.user.id, now))) return;
        const revoked = await repo.revokeAccessOfConsent(tx, id, now);
        const affected = await repo.activeReferralsOfConsent(tx, id);
        for (const r of affected) {
          const log = await referrals.listReferralActions(tx, r.id);
          const state = deriveReferralState(log.map((l) => l.action.type as ReferralActionType));
          applyReferralAction(state, 'consent_withdrawn');
          await referrals.insertReferralAction(tx, {
            clientId: randomUUID(),
            referralId: r.id,
            seq: log.length + 1,
            type: 'consent_withdrawn',
            details: { consentId: id },
            actorId: auth.user.id,
            agencyId: auth.user.agencyId,
            at: now,
          });
          const staff = await referrals.receivingStaff(tx, r.providerAgencyId, RECEIVING_ROLES);
          await notify(
            tx,
            staff.map((userId) => ({
              userId,
              kind: 'referral_consent_withdrawn',
              subjectType: 'referral' as const,
              subjectId: r.id,
              facts: { reference: r.reference },
            })),
            now,
          );
        }
        await appendAudit(tx, audit, {
          operation: 'consent.withdrawn',
          recordType: 'consent',
          recordId: id,
          details: { personId: consent.personId, revokedFor: revoked, referrals: affected.map((r) => r.id) },
        });
      });
      return one(db, auth, id);
    },
  };
}
