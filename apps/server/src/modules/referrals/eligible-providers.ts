import { canAccessRecord, deriveCaseState, DomainError, hasAuthorityFor, kazakhstanDate, referralEligibility, type EligibleProviderList } from '@qorgau/core';
import type { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import type { AuthContext } from '../../auth/auth.plugin.ts';
import { toCoreAction } from '../cases/case-actions.ts';
import * as cases from '../cases/cases.repository.ts';
import { caseFactsOf } from '../cases/cases.view.ts';
import { personFacts } from './referral-create.ts';
import * as repo from './referrals.repository.ts';

/**
 * The providers the placement rules (data) allow for the case's person, for the referral form
 * (issue #10: an adult-only shelter is not offered for a child). A government shelter before
 * identification is offered as an emergency placement only. Organisations, not persons: not audited.
 */
export async function eligibleProviders(deps: AppDeps, auth: AuthContext, caseId: string): Promise<z.infer<typeof EligibleProviderList>> {
  const row = await cases.getCase(deps.db, auth.actor, caseId, { forUpdate: false });
  if (!row || !hasAuthorityFor(auth.actor, 'referred', caseFactsOf(row, auth.actor))) throw new DomainError('not_found');
  const log = await cases.listCaseActions(deps.db, caseId);
  const identified = deriveCaseState(log.map((l) => toCoreAction(l.action.type, l.action.details))).traffickingStatus === 'ActualVictimOfTrafficking';
  const today = kazakhstanDate(deps.now());
  const person = personFacts(deps, row.person, today);
  const rules = await deps.reference.referralRules();
  const items = [];
  for (const p of await repo.listActiveProviders(deps.db)) {
    const plain = referralEligibility(rules, today, person, p, { identified }, false).length === 0;
    const emergency = !plain && referralEligibility(rules, today, person, p, { identified }, true).length === 0;
    if (!plain && !emergency) continue;
    items.push({
      id: p.id,
      name: { kk: p.nameKk, ru: p.nameRu, en: p.nameEn },
      kind: p.kind as 'shelter',
      services: p.services as never,
      regionCode: p.regionCode,
      eligibility: p.eligibility as never,
      funding: p.funding as 'government',
      capacity: p.capacity,
      occupancy: p.occupancy,
      emergencyOnly: emergency,
    });
  }
  return {
    items,
    mayOverride: canAccessRecord(auth.actor, 'referral.override_consent', caseFactsOf(row, auth.actor)),
    child: person.age !== null && person.age < rules.adultAge,
  };
}
