import { allowedProtectionActions, bedDays, followUpUrgency, type Actor, type NeedEntry, type ProtectionCase, type ProtectionCaseSummary } from '@qorgau/core';
import { fieldContext, type FieldCipher } from '../../crypto/field-cipher.ts';
import { displayNameOf } from '../persons/persons.view.ts';
import type { followUps, supportPlans } from '../../db/schema.ts';
import { providerRefOf, type getProtectionCase, type listServices, type listStays } from './protection.repository.ts';

type CaseRow = NonNullable<Awaited<ReturnType<typeof getProtectionCase>>>;
type ServiceRow = Awaited<ReturnType<typeof listServices>>[number];
type StayRow = Awaited<ReturnType<typeof listStays>>[number];

export const needsContext = (id: string) => fieldContext('protection_cases', 'needs', id);
export const planContext = (id: string, column: 'objectives' | 'action_plan') => fieldContext('support_plans', column, id);
export const outcomeContext = (id: string) => fieldContext('follow_ups', 'outcome', id);

/**
 * Whether the reader sees the case's free text (needs notes, plan, follow-up outcomes): the
 * owning agency, or a reader who may see the person's identity. The national coordinator sees
 * codes, dates, costs and the pseudonym (DOMAIN.md §1).
 */
const textVisible = (row: CaseRow, actor: Actor) => row.identityVisible || row.pc.agencyId === actor.agencyId;

export function protectionSummary(cipher: FieldCipher, row: CaseRow): ProtectionCaseSummary {
  return {
    id: row.pc.id,
    reference: row.pc.reference,
    status: row.pc.status as ProtectionCaseSummary['status'],
    personId: row.pc.personId,
    personLabel: row.pseudonym,
    personName: row.identityVisible ? displayNameOf(cipher, row.person) : null,
    provider: providerRefOf(row.provider),
    regionCode: row.pc.regionCode,
    openedAt: row.pc.createdAt.toISOString(),
    closedAt: row.pc.closedAt?.toISOString() ?? null,
    inShelter: row.inShelter,
  };
}

export const stayView = (s: StayRow, today: string) => ({
  id: s.s.id,
  provider: providerRefOf(s.provider),
  admittedOn: s.s.admittedOn,
  dischargedOn: s.s.dischargedOn,
  emergency: s.s.emergency,
  bedDays: bedDays(s.s, today),
});

export function protectionView(
  cipher: FieldCipher,
  row: CaseRow,
  parts: { services: ServiceRow[]; stays: StayRow[]; followUps: (typeof followUps.$inferSelect)[]; plan: typeof supportPlans.$inferSelect | null },
  today: string,
  actor: Actor,
): ProtectionCase {
  const visible = textVisible(row, actor);
  const needs = row.pc.needsEnc === null ? null : (JSON.parse(cipher.decrypt(row.pc.needsEnc, needsContext(row.pc.id))) as NeedEntry[]);
  const stays = parts.stays.map((s) => stayView(s, today));
  const plan = parts.plan;
  return {
    ...protectionSummary(cipher, row),
    caseId: row.pc.caseId,
    caseReference: row.caseReference,
    referralId: row.pc.referralId,
    needs: needs?.map((n) => ({ area: n.area, level: n.level, note: visible ? (n.note ?? null) : null })) ?? null,
    needsAssessedAt: row.pc.needsAssessedAt?.toISOString() ?? null,
    plan: plan && {
      type: plan.type as NonNullable<ProtectionCase['plan']>['type'],
      objectives: visible ? cipher.decrypt(plan.objectivesEnc, planContext(plan.id, 'objectives')) : null,
      actionPlan: visible ? cipher.decrypt(plan.actionPlanEnc, planContext(plan.id, 'action_plan')) : null,
      plannedEndDate: plan.plannedEndDate,
      actualEndDate: plan.actualEndDate,
      setAt: plan.createdAt.toISOString(),
    },
    services: parts.services.map((s) => ({
      id: s.s.id,
      date: s.s.date,
      provider: providerRefOf(s.provider),
      service: s.s.service as ProtectionCase['services'][number]['service'],
      quantity: Number(s.s.quantity),
      unit: s.s.unit as ProtectionCase['services'][number]['unit'],
      costTenge: s.s.costTenge,
      paidBy: s.s.paidBy as ProtectionCase['services'][number]['paidBy'],
    })),
    totalCostTenge: parts.services.reduce((sum, s) => sum + s.s.costTenge, 0),
    stays,
    totalBedDays: stays.reduce((sum, s) => sum + s.bedDays, 0),
    closureReason: row.pc.closureReason as ProtectionCase['closureReason'],
    followUps: parts.followUps.map((f) => ({
      id: f.id,
      kind: f.kind as ProtectionCase['followUps'][number]['kind'],
      dueOn: f.dueOn,
      doneAt: f.doneAt?.toISOString() ?? null,
      contacted: f.contacted,
      riskLevel: f.riskLevel as ProtectionCase['followUps'][number]['riskLevel'],
      outcome: visible && f.outcomeEnc ? cipher.decrypt(f.outcomeEnc, outcomeContext(f.id)) : null,
      urgency: followUpUrgency(f, today),
    })),
    allowedActions: allowedProtectionActions(actor, { agencyId: row.pc.agencyId, status: row.pc.status as 'open' | 'closed' }),
  };
}
