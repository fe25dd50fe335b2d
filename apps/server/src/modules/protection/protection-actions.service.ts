import { randomUUID } from 'node:crypto';
import {
  admissionIssue,
  costIssues,
  dateIssue,
  DomainError,
  followUpsAfterClosure,
  freeAlternatives,
  freePlaces,
  kazakhstanYear,
  overlapIssue,
  protectionRefusal,
  roleMayTakeProtection,
  sexOfGender,
  type AdmitBody,
  type AssessNeedsBody,
  type CaseSpan,
  type CloseProtectionBody,
  type DischargeBody,
  type FieldIssue,
  type Gender,
  type PlacementNeed,
  type ProtectionAction,
  type ProviderEligibility,
  type ProtectionCase,
  type RecordFollowUpBody,
  type RecordServiceBody,
  type ShelterAlternative,
  type SupportPlanBody,
} from '@qorgau/core';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../app-deps.ts';
import { appendAudit, type AuditContext } from '../../audit/audit.repository.ts';
import type { AuthContext } from '../../auth/auth.plugin.ts';
import type { DbOrTx } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { followUps, serviceDeliveries, shelterStays, supportPlans } from '../../db/schema.ts';
import { kazakhstanDate } from '../../util/kazakhstan-date.ts';
import * as repo from './protection.repository.ts';
import { needsContext, outcomeContext, planContext } from './protection.view.ts';

/**
 * An admission refused because the shelter is full (issue #10 "Bad input"): a field-level
 * conflict that also names the free alternatives nearby (core freeAlternatives). Nothing is
 * written: it is thrown inside the transaction.
 */
export class ShelterFullError extends DomainError {
  readonly alternatives: ShelterAlternative[];
  constructor(issue: FieldIssue, alternatives: ShelterAlternative[]) {
    super('conflict', [issue]);
    this.alternatives = alternatives;
  }
}

type Row = NonNullable<Awaited<ReturnType<typeof repo.getProtectionCase>>>;
type Details = Record<string, string | number | boolean>;

const refuse = (issues: (FieldIssue | null)[]) => {
  const list = issues.filter((i): i is FieldIssue => i !== null);
  if (list.length) throw new DomainError('validation_failed', list);
};

/** The person's facts for placement: a child under 18 by birth year (unknown: adult), sex, foreign national. */
function placementNeedOf(p: Row['person'], today: string): PlacementNeed {
  const age = p.birthYear !== null && kazakhstanYear(new Date(`${today}T12:00:00Z`)) - p.birthYear < 18 ? 'child' : 'adult';
  return { age, sex: sexOfGender(p.gender as Gender), foreign: p.citizenship !== 'KZ' };
}

export function createProtectionActions(deps: AppDeps, read: (auth: AuthContext, audit: AuditContext, id: string) => Promise<ProtectionCase>) {
  const { db, cipher } = deps;

  /**
   * One action on a case: authority from core's table (role before the lookup, like a route;
   * out of scope = not found; another agency = forbidden; status = invalid_transition), then
   * the action's own rules and writes, its event and its audit entry in one transaction.
   * Idempotent on the client id (a replay answers with the case, writing nothing).
   */
  async function act(
    auth: AuthContext,
    audit: AuditContext,
    id: string,
    action: ProtectionAction,
    clientId: string,
    run: (tx: DbOrTx, row: Row, span: CaseSpan, now: Date) => Promise<Details>,
  ): Promise<ProtectionCase> {
    if (!roleMayTakeProtection(auth.actor.role, action)) throw new DomainError('forbidden');
    const replay = await repo.findEventCaseByClientId(db, clientId);
    if (replay === id) return read(auth, audit, id);
    try {
      await db.transaction(async (tx) => {
        const row = await repo.getProtectionCase(tx, auth.actor, id, { forUpdate: true });
        if (!row) throw new DomainError('not_found');
        const refusal = protectionRefusal(auth.actor, action, { agencyId: row.pc.agencyId, status: row.pc.status as 'open' | 'closed' });
        if (refusal) throw new DomainError(refusal);
        const now = deps.now();
        const span = { openedOn: row.pc.openedOn, closedOn: row.pc.closedOn, today: kazakhstanDate(now) };
        const details = await run(tx, row, span, now);
        await repo.insertEvent(tx, { clientId, protectionCaseId: id, type: action, actorId: auth.user.id, agencyId: auth.user.agencyId, at: now });
        await repo.updateCase(tx, id, { updatedAt: now });
        await appendAudit(tx, audit, { operation: 'protection.acted', recordType: 'protection_case', recordId: id, details: { type: action, ...details } });
      });
    } catch (e) {
      if (!isUniqueViolation(e) || (await repo.findEventCaseByClientId(db, clientId)) !== id) throw e;
    }
    return read(auth, audit, id);
  }

  return {
    assessNeeds: (auth: AuthContext, audit: AuditContext, id: string, body: AssessNeedsBody) =>
      act(auth, audit, id, 'assess_needs', body.clientId, async (tx, row, _span, now) => {
        const needs = body.needs.map((n) => ({ area: n.area, level: n.level, ...(n.note ? { note: n.note } : {}) }));
        await repo.updateCase(tx, row.pc.id, { needsEnc: cipher.encrypt(JSON.stringify(needs), needsContext(row.pc.id)), needsAssessedAt: now });
        return { areas: needs.length };
      }),

    setPlan: (auth: AuthContext, audit: AuditContext, id: string, body: SupportPlanBody) =>
      act(auth, audit, id, 'set_plan', body.clientId, async (tx, row, span) => {
        refuse([
          body.plannedEndDate < span.openedOn ? { path: 'plannedEndDate', code: 'before_case_opened', params: { date: span.openedOn } } : null,
          body.actualEndDate ? dateIssue(body.actualEndDate, span, 'actualEndDate') : null,
        ]);
        const planId = randomUUID();
        await tx.insert(supportPlans).values({
          id: planId,
          protectionCaseId: row.pc.id,
          type: body.type,
          objectivesEnc: cipher.encrypt(body.objectives, planContext(planId, 'objectives')),
          actionPlanEnc: cipher.encrypt(body.actionPlan, planContext(planId, 'action_plan')),
          plannedEndDate: body.plannedEndDate,
          actualEndDate: body.actualEndDate ?? null,
          setBy: auth.user.id,
          createdAt: deps.now(),
        });
        return { planType: body.type };
      }),

    recordService: (auth: AuthContext, audit: AuditContext, id: string, body: RecordServiceBody) =>
      act(auth, audit, id, 'record_service', body.clientId, async (tx, row, span) => {
        const provider = await repo.getProvider(tx, body.providerId);
        refuse([
          dateIssue(body.date, span, 'date'),
          ...costIssues(body),
          provider ? null : { path: 'providerId', code: 'not_found' },
          provider && !provider.services.includes(body.service) ? { path: 'service', code: 'service_not_offered' } : null,
        ]);
        await tx.insert(serviceDeliveries).values({
          protectionCaseId: row.pc.id,
          personId: row.pc.personId,
          date: body.date,
          providerId: body.providerId,
          service: body.service,
          quantity: body.quantity,
          unit: body.unit,
          costTenge: body.costTenge,
          paidBy: body.paidBy,
          recordedBy: auth.user.id,
          agencyId: auth.user.agencyId,
          createdAt: deps.now(),
        });
        return { service: body.service, costTenge: body.costTenge, paidBy: body.paidBy };
      }),

    /** Admission: the provider's row is locked, so two admissions to the last place cannot both pass. */
    admit: (auth: AuthContext, audit: AuditContext, id: string, body: AdmitBody) =>
      act(auth, audit, id, 'admit', body.clientId, async (tx, row, span, now) => {
        const shelter = await repo.lockProvider(tx, body.providerId);
        // Only the owning agency's own shelters: admitting elsewhere is a referral.
        if (shelter?.kind !== 'shelter' || !shelter.active || shelter.agencyId !== row.pc.agencyId) {
          throw new DomainError('validation_failed', [{ path: 'providerId', code: 'not_own_shelter' }]);
        }
        const stay = { admittedOn: body.admittedOn, dischargedOn: null };
        refuse([dateIssue(body.admittedOn, span, 'admittedOn'), overlapIssue(stay, await repo.staysOfPerson(tx, row.pc.personId))]);
        const full = admissionIssue(shelter);
        if (full) {
          const candidates = (await repo.sheltersWithFreePlaces(tx)).map((a) => ({ ...a, eligibility: a.eligibility as ProviderEligibility[] }));
          const alternatives = freeAlternatives(candidates, placementNeedOf(row.person, span.today), row.pc.regionCode, shelter.id);
          throw new ShelterFullError(
            full,
            alternatives.map((a) => ({ id: a.id, name: { kk: a.nameKk, ru: a.nameRu, en: a.nameEn }, regionCode: a.regionCode, free: freePlaces(a) })),
          );
        }
        await tx.insert(shelterStays).values({
          protectionCaseId: row.pc.id,
          personId: row.pc.personId,
          providerId: shelter.id,
          admittedOn: body.admittedOn,
          emergency: body.emergency,
          admittedBy: auth.user.id,
          createdAt: now,
        });
        await repo.addOccupancy(tx, shelter.id, 1, now);
        return { providerId: shelter.id, emergency: body.emergency };
      }),

    discharge: (auth: AuthContext, audit: AuditContext, id: string, body: DischargeBody) =>
      act(auth, audit, id, 'discharge', body.clientId, async (tx, row, span, now) => {
        const [stay] = await tx.select().from(shelterStays).where(eq(shelterStays.id, body.stayId)).for('update');
        if (!stay || stay.protectionCaseId !== row.pc.id || stay.dischargedOn !== null) {
          throw new DomainError('validation_failed', [{ path: 'stayId', code: 'no_open_stay' }]);
        }
        refuse([
          dateIssue(body.dischargedOn, span, 'dischargedOn'),
          body.dischargedOn < stay.admittedOn ? { path: 'dischargedOn', code: 'before_admission', params: { date: stay.admittedOn } } : null,
        ]);
        await repo.lockProvider(tx, stay.providerId);
        await tx.update(shelterStays).set({ dischargedOn: body.dischargedOn, dischargedBy: auth.user.id }).where(eq(shelterStays.id, stay.id));
        await repo.addOccupancy(tx, stay.providerId, -1, now);
        return { providerId: stay.providerId };
      }),

    /** Closure: no one may still be in the shelter; the follow-up is scheduled for the closer (the last case worker). */
    close: (auth: AuthContext, audit: AuditContext, id: string, body: CloseProtectionBody) =>
      act(auth, audit, id, 'close', body.clientId, async (tx, row, span, now) => {
        if (row.inShelter) throw new DomainError('validation_failed', [{ path: 'reason', code: 'stay_still_open' }]);
        await repo.updateCase(tx, row.pc.id, { status: 'closed', closureReason: body.reason, closedAt: now, closedOn: span.today });
        const schedule = followUpsAfterClosure(span.today, body.reason);
        if (schedule.length) {
          await tx.insert(followUps).values(
            schedule.map((f) => ({
              protectionCaseId: row.pc.id,
              personId: row.pc.personId,
              agencyId: row.pc.agencyId,
              dueOn: f.dueOn,
              kind: f.kind,
              assignedTo: auth.user.id,
              createdAt: now,
            })),
          );
        }
        return { reason: body.reason, followUps: schedule.length };
      }),

    recordFollowUp: (auth: AuthContext, audit: AuditContext, id: string, body: RecordFollowUpBody) =>
      act(auth, audit, id, 'record_follow_up', body.clientId, async (tx, row, _span, now) => {
        const f = await repo.openFollowUp(tx, row.pc.id, body.followUpId);
        if (!f) throw new DomainError('validation_failed', [{ path: 'followUpId', code: 'no_open_follow_up' }]);
        await tx
          .update(followUps)
          .set({
            doneAt: now,
            doneBy: auth.user.id,
            contacted: body.contacted,
            riskLevel: body.riskLevel,
            outcomeEnc: body.outcome ? cipher.encrypt(body.outcome, outcomeContext(f.id)) : null,
          })
          .where(eq(followUps.id, f.id));
        return { followUpId: f.id, kind: f.kind, riskLevel: body.riskLevel };
      }),
  };
}
