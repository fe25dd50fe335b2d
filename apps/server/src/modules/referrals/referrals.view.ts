import {
  allowedReferralActions,
  deriveReferralState,
  type Actor,
  type Referral,
  type ReferralActionType,
  type ReferralFacts,
  type ReferralSummary,
} from '@qorgau/core';
import type { FieldCipher } from '../../crypto/field-cipher.ts';
import { displayNameOf } from '../persons/persons.view.ts';
import { overrideReasonContext, referralActionTextContext } from './referral-create.ts';
import type { listReferralActions, ReferralSummaryRow } from './referrals.repository.ts';

export function referralFactsOf(r: ReferralSummaryRow): ReferralFacts {
  return {
    referringAgencyId: r.referral.referringAgencyId,
    caseOwnerAgencyId: r.caseOwnerAgencyId,
    providerAgencyId: r.referral.providerAgencyId,
    regionCodes: [r.referral.regionCode, r.caseRegionCode],
  };
}

export function referralSummary(cipher: FieldCipher, r: ReferralSummaryRow, now: Date): ReferralSummary {
  const f = r.referral;
  return {
    id: f.id,
    reference: f.reference,
    status: f.status as ReferralSummary['status'],
    escalated: f.escalatedAt !== null,
    consentWithdrawn: false,
    emergency: f.emergency,
    override: f.consentId === null,
    personId: f.personId,
    personPseudonym: r.person.pseudonym,
    personName: r.identityVisible ? displayNameOf(cipher, r.person) : null,
    caseId: f.caseId,
    caseReference: r.caseReference,
    providerId: f.providerId,
    providerName: r.providerName,
    providerAgencyId: f.providerAgencyId,
    referringAgencyName: r.referringAgencyName,
    regionCode: f.regionCode,
    services: f.services as ReferralSummary['services'],
    dueAt: f.dueAt.toISOString(),
    overdue: f.status === 'sent' && f.dueAt.getTime() < now.getTime(),
    createdAt: f.createdAt.toISOString(),
    transferredFrom: f.transferredFrom,
  };
}

type ActionRows = Awaited<ReturnType<typeof listReferralActions>>;

/** Free text (reasons) is personal data: decrypted only for viewers who may see the identity. */
export function referralView(
  cipher: FieldCipher,
  r: ReferralSummaryRow,
  actions: ActionRows,
  extra: { now: Date; actor: Actor; transferredTo: string | null; shares: Referral['shares'] },
): Referral {
  const state = deriveReferralState(actions.map((a) => a.action.type as ReferralActionType));
  const f = r.referral;
  return {
    ...referralSummary(cipher, r, extra.now),
    consentWithdrawn: state.consentWithdrawn,
    actions: actions.map(({ action, actorName, agencyName }) => ({
      seq: action.seq,
      type: action.type as ReferralActionType,
      at: action.at.toISOString(),
      actorName: actorName ?? null,
      agencyName: agencyName?.kk != null ? (agencyName as { kk: string; ru: string; en: string }) : null,
      details: action.details,
      text: r.identityVisible && action.textEnc ? cipher.decrypt(action.textEnc, referralActionTextContext(action.id)) : null,
      hasText: action.textEnc !== null,
    })),
    allowedActions: allowedReferralActions(extra.actor, referralFactsOf(r), state),
    transferredTo: extra.transferredTo,
    shares: extra.shares,
    overrideReason: r.identityVisible && f.overrideReasonEnc ? cipher.decrypt(f.overrideReasonEnc, overrideReasonContext(f.id)) : null,
  };
}
