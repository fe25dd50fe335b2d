import { randomUUID } from 'node:crypto';
import { DomainError, roleMayTakeProtection, type OpenProtectionCaseBody, type PersonProtection, type ProtectionCase } from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { appendAudit, type AuditContext } from '../../audit/audit.repository.ts';
import type { AuthContext } from '../../auth/auth.plugin.ts';
import type { DbOrTx } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { getCase } from '../cases/cases.repository.ts';
import { getPerson } from '../persons/persons.repository.ts';
import { kazakhstanDate, kazakhstanYear } from '../../util/kazakhstan-date.ts';
import * as repo from './protection.repository.ts';
import { protectionSummary, protectionView, stayView } from './protection.view.ts';
import { providerRefOf } from './protection.repository.ts';

/**
 * The protection case (issue #10 item 3): opened by the receiving agency's care staff from an
 * accepted referral (or directly for a person and case the agency holds), read in scope. The
 * actions on it are in protection-actions.service.ts.
 */
export function createProtectionService(deps: AppDeps) {
  const { db, cipher } = deps;

  async function load(tx: DbOrTx, auth: AuthContext, id: string): Promise<ProtectionCase> {
    const row = await repo.getProtectionCase(tx, auth.actor, id);
    if (!row) throw new DomainError('not_found');
    const [services, stays, followUps, plan] = await Promise.all([
      repo.listServices(tx, [id]),
      repo.listStays(tx, [id]),
      repo.listFollowUps(tx, id),
      repo.latestPlan(tx, id),
    ]);
    return protectionView(cipher, row, { services, stays, followUps, plan }, kazakhstanDate(deps.now()), auth.actor);
  }

  async function read(auth: AuthContext, audit: AuditContext, id: string): Promise<ProtectionCase> {
    return db.transaction(async (tx) => {
      const view = await load(tx, auth, id);
      await appendAudit(tx, audit, { operation: 'protection.read', recordType: 'protection_case', recordId: id, details: { personId: view.personId } });
      return view;
    });
  }

  /** Where the case comes from: the accepted referral to the actor's agency, or the person and case she holds. */
  async function origin(tx: DbOrTx, auth: AuthContext, body: OpenProtectionCaseBody) {
    if (body.referralId) {
      const r = await repo.getReferral(tx, body.referralId);
      // A referral to another agency is "not found" for this one, like one that does not exist.
      if (!r || r.providerAgencyId !== auth.user.agencyId) throw new DomainError('not_found');
      if (r.status !== 'accepted') throw new DomainError('validation_failed', [{ path: 'referralId', code: 'referral_not_accepted' }]);
      return { personId: r.personId, caseId: r.caseId, providerId: r.providerId, referralId: r.id };
    }
    const issues = (['personId', 'caseId', 'providerId'] as const).filter((k) => !body[k]).map((path) => ({ path, code: 'required' }));
    if (issues.length) throw new DomainError('validation_failed', issues);
    const c = await getCase(tx, auth.actor, body.caseId as string);
    if (!c || c.case.personId !== body.personId || !(await getPerson(tx, auth.actor, body.personId as string))) {
      throw new DomainError('validation_failed', [{ path: 'caseId', code: 'not_found' }]);
    }
    const provider = await repo.getProvider(tx, body.providerId as string);
    if (!provider || provider.agencyId !== auth.user.agencyId) throw new DomainError('validation_failed', [{ path: 'providerId', code: 'not_found' }]);
    return { personId: body.personId as string, caseId: body.caseId as string, providerId: provider.id, referralId: null };
  }

  async function open(auth: AuthContext, audit: AuditContext, body: OpenProtectionCaseBody): Promise<ProtectionCase> {
    // Opening is part of running the case: the same roles as every other protection action.
    if (!roleMayTakeProtection(auth.actor.role, 'assess_needs')) throw new DomainError('forbidden');
    const existing = await repo.findCaseByClientId(db, body.clientId);
    if (existing) return read(auth, audit, existing);
    const id = randomUUID();
    const now = deps.now();
    try {
      await db.transaction(async (tx) => {
        const from = await origin(tx, auth, body);
        const provider = await repo.getProvider(tx, from.providerId);
        if (!provider) throw new DomainError('validation_failed', [{ path: 'providerId', code: 'not_found' }]);
        await repo.insertProtectionCase(tx, {
          id,
          clientId: body.clientId,
          reference: await repo.nextProtectionReference(tx, kazakhstanYear(now)),
          personId: from.personId,
          caseId: from.caseId,
          referralId: from.referralId,
          providerId: provider.id,
          agencyId: provider.agencyId,
          regionCode: provider.regionCode,
          status: 'open',
          openedBy: auth.user.id,
          openedOn: kazakhstanDate(now),
          createdAt: now,
          updatedAt: now,
        });
        await repo.insertEvent(tx, {
          clientId: randomUUID(),
          protectionCaseId: id,
          type: 'opened',
          actorId: auth.user.id,
          agencyId: auth.user.agencyId,
          at: now,
        });
        await appendAudit(tx, audit, {
          operation: 'protection.opened',
          recordType: 'protection_case',
          recordId: id,
          details: { personId: from.personId, caseId: from.caseId, ...(from.referralId ? { referralId: from.referralId } : {}) },
        });
      });
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      const winner = await repo.findCaseByClientId(db, body.clientId);
      if (winner) return read(auth, audit, winner);
      // The referral already has its protection case.
      throw new DomainError('validation_failed', [{ path: 'referralId', code: 'already_opened' }]);
    }
    return read(auth, audit, id);
  }

  return {
    read,
    open,

    async list(auth: AuthContext, audit: AuditContext, query: { status?: 'open' | 'closed'; page: number; pageSize: number }) {
      return db.transaction(async (tx) => {
        const { rows, total } = await repo.listProtectionCases(tx, auth.actor, { status: query.status }, query.page, query.pageSize);
        const items = rows.map((r) => protectionSummary(cipher, r));
        await appendAudit(tx, audit, { operation: 'protection.list', recordType: 'protection_case', details: { shown: items.map((i) => i.id), total } });
        return { items, total, page: query.page, pageSize: query.pageSize };
      });
    },

    /** The person page's panel: her protection cases in the reader's scope (none is not an error). */
    async forPerson(auth: AuthContext, audit: AuditContext, personId: string): Promise<PersonProtection> {
      return db.transaction(async (tx) => {
        if (!(await getPerson(tx, auth.actor, personId))) throw new DomainError('not_found');
        const { rows } = await repo.listProtectionCases(tx, auth.actor, { personId }, 1, 100);
        const ids = rows.map((r) => r.pc.id);
        const mayOpen = roleMayTakeProtection(auth.actor.role, 'assess_needs');
        const [services, stays, openable] = await Promise.all([
          repo.listServices(tx, ids),
          repo.listStays(tx, ids),
          mayOpen ? repo.openableReferrals(tx, personId, auth.user.agencyId) : Promise.resolve([]),
        ]);
        const today = kazakhstanDate(deps.now());
        await appendAudit(tx, audit, { operation: 'protection.list', recordType: 'person', recordId: personId, details: { shown: ids } });
        return {
          items: rows.map((r) => protectionSummary(cipher, r)),
          openable: openable.map((o) => ({ referralId: o.referralId, reference: o.reference, provider: providerRefOf(o.provider) })),
          totalCostTenge: services.reduce((sum, s) => sum + s.s.costTenge, 0),
          totalBedDays: stays.reduce((sum, s) => sum + stayView(s, today).bedDays, 0),
        };
      });
    },
  };
}
