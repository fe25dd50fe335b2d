import { randomUUID } from 'node:crypto';
import {
  ageOn,
  applyAction,
  canAccessRecord,
  consentAccessUntil,
  deriveCaseState,
  DomainError,
  hasAuthorityFor,
  kazakhstanDate,
  kazakhstanYear,
  occurredOnIssues,
  referralConsentIssues,
  referralEligibility,
  sexOfGender,
  sharesOf,
  type FieldIssue,
  type Gender,
} from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { appendAudit, type AuditContext } from '../../audit/audit.repository.ts';
import type { AuthContext } from '../../auth/auth.plugin.ts';
import { fieldContext } from '../../crypto/field-cipher.ts';
import type { DbOrTx } from '../../db/client.ts';
import { notify } from '../notifications/notify.ts';
import { toCoreAction } from '../cases/case-actions.ts';
import { earlierEventDays } from '../cases/late-entry.ts';
import * as cases from '../cases/cases.repository.ts';
import { insertAction } from '../cases/cases.service.ts';
import { caseFactsOf } from '../cases/cases.view.ts';
import { getConsent } from '../consents/consents.repository.ts';
import * as repo from './referrals.repository.ts';

export const RECEIVING_ROLES = ['shelter_manager', 'case_worker'] as const;
export const referralActionTextContext = (actionId: string) => fieldContext('referral_actions', 'text', actionId);
export const overrideReasonContext = (referralId: string) => fieldContext('referrals', 'override_reason', referralId);

export interface NewReferral {
  clientId: string;
  caseId: string;
  providerId: string;
  services: string[];
  consentId?: string;
  overrideReason?: string;
  emergency: boolean;
  emergencyReason?: string;
  transferredFrom?: string;
  /** A referral recorded after the fact: the day it was made (Kazakhstan date). */
  occurredOn?: string;
}

/** The person's facts the placement rules read: age on the day, sex, foreign national. */
export function personFacts(deps: Pick<AppDeps, 'cipher'>, p: cases.CaseSummaryRow['person'], today: string) {
  const birthdate = p.birthdateEnc ? deps.cipher.decrypt(p.birthdateEnc, fieldContext('persons', 'birthdate', p.id)) : null;
  return { age: ageOn({ date: birthdate, year: p.birthYear }, today), sex: sexOfGender(p.gender as Gender), foreign: p.citizenship !== 'KZ' };
}

/**
 * Refers the case's person to a provider, in `tx` (issue #10): the case is in the actor's act
 * scope and her unit holds it (core CASE_ACTION_RULES.referred); a valid consent for this
 * provider, or the override permission with a reason; the placement rules (data) allow it.
 * Writes the referral, its `sent` action, the access it opens (shares from the consent; all for
 * an override; until the end of the consent's last day), `referred` on the case's history, the
 * notices to the provider's staff and the audit entry. Nothing is written when it refuses.
 */
export async function createReferralTx(deps: AppDeps, tx: DbOrTx, auth: AuthContext, audit: AuditContext, input: NewReferral): Promise<string> {
  const { actor } = auth;
  const now = deps.now();
  const today = kazakhstanDate(now);
  const row = await cases.getCase(tx, actor, input.caseId, { forUpdate: true });
  if (!row) throw new DomainError('not_found', [{ path: 'caseId', code: 'not_found' }]);
  const facts = caseFactsOf(row, actor);
  if (!hasAuthorityFor(actor, 'referred', facts)) throw new DomainError('forbidden');
  const log = await cases.listCaseActions(tx, input.caseId);
  const caseState = deriveCaseState(log.map((l) => toCoreAction(l.action.type, l.action.details)));
  const next = applyAction(caseState, { type: 'referred' });

  const issues: FieldIssue[] = [];
  const provider = await repo.getProvider(tx, input.providerId);
  if (!provider) throw new DomainError('validation_failed', [{ path: 'providerId', code: 'not_found' }]);
  input.services.forEach((s, i) => {
    if (!provider.services.includes(s)) issues.push({ path: `services.${i}`, code: 'service_not_offered' });
  });
  const consent = input.consentId ? await getConsent(tx, input.consentId) : null;
  if (input.consentId && !consent) issues.push({ path: 'consentId', code: 'not_found' });
  issues.push(
    ...referralConsentIssues({
      consent,
      personId: row.case.personId,
      providerId: provider.id,
      now,
      mayOverride: canAccessRecord(actor, 'referral.override_consent', facts),
      overrideReason: input.consentId ? undefined : input.overrideReason,
    }).filter((i) => !(input.consentId && !consent && i.path === 'consentId')),
  );
  const rules = await deps.reference.referralRules(tx);
  issues.push(
    ...referralEligibility(
      rules,
      today,
      personFacts(deps, row.person, today),
      provider,
      { identified: caseState.traffickingStatus === 'ActualVictimOfTrafficking' },
      input.emergency,
    ),
  );
  // A referral recorded after the fact carries its day, bounded like a late decision (core occurred-on.ts).
  issues.push(...occurredOnIssues(input.occurredOn, { today, earlier: await earlierEventDays(tx, log, { decisions: false }) }));
  if (issues.length) throw new DomainError('validation_failed', issues);
  const late: Record<string, string> = input.occurredOn ? { occurredOn: input.occurredOn } : {};

  const id = randomUUID();
  const reference = await repo.nextReferralReference(tx, kazakhstanYear(now));
  const hours = provider.answerWithinHours ?? deps.config.referral.answerHours;
  await repo.insertReferral(tx, {
    id,
    clientId: input.clientId,
    reference,
    personId: row.case.personId,
    caseId: input.caseId,
    providerId: provider.id,
    providerAgencyId: provider.agencyId,
    regionCode: provider.regionCode,
    services: input.services,
    consentId: consent?.id ?? null,
    overrideReasonEnc: consent ? null : deps.cipher.encrypt(input.overrideReason ?? '', overrideReasonContext(id)),
    emergency: input.emergency,
    status: 'sent',
    dueAt: new Date(now.getTime() + hours * 3_600_000),
    referredBy: auth.user.id,
    referringAgencyId: auth.user.agencyId,
    transferredFrom: input.transferredFrom ?? null,
    referredOn: input.occurredOn ?? today,
    createdAt: now,
    updatedAt: now,
  });
  const actionId = randomUUID();
  await repo.insertReferralAction(tx, {
    id: actionId,
    clientId: randomUUID(),
    referralId: id,
    seq: 1,
    type: 'sent',
    details: {
      providerId: provider.id,
      services: input.services,
      basis: consent ? 'consent' : 'override',
      ...(input.emergency ? { emergency: 'true' } : {}),
      ...(input.transferredFrom ? { fromReferralId: input.transferredFrom } : {}),
      ...late,
    },
    textEnc: input.emergency && input.emergencyReason ? deps.cipher.encrypt(input.emergencyReason, referralActionTextContext(actionId)) : null,
    actorId: auth.user.id,
    agencyId: auth.user.agencyId,
    at: now,
  });
  await repo.insertCaseAccess(tx, {
    caseId: input.caseId,
    personId: row.case.personId,
    agencyId: provider.agencyId,
    referralId: id,
    consentId: consent?.id ?? null,
    shares: sharesOf(consent),
    startsAt: now,
    until: consent ? consentAccessUntil(consent.validUntil) : null,
  });
  // The case's own history says it was referred; the identification track goes on (core table).
  await insertAction(
    tx,
    deps.cipher,
    auth,
    input.caseId,
    log.length + 1,
    randomUUID(),
    { type: 'referred', details: { toAgencyId: provider.agencyId, referralId: id, providerId: provider.id, ...late }, text: undefined },
    now,
  );
  await cases.updateCaseState(tx, input.caseId, { status: next.status, traffickingStatus: next.traffickingStatus });
  const staff = await repo.receivingStaff(tx, provider.agencyId, RECEIVING_ROLES);
  await notify(
    tx,
    staff.map((userId) => ({ userId, kind: 'referral_received', subjectType: 'referral' as const, subjectId: id, facts: { reference } })),
    now,
  );
  await appendAudit(tx, audit, {
    operation: 'referral.created',
    recordType: 'referral',
    recordId: id,
    details: {
      caseId: input.caseId,
      providerId: provider.id,
      override: !consent,
      emergency: input.emergency,
      ...(input.transferredFrom ? { transferredFrom: input.transferredFrom } : {}),
      // Both dates of a late entry: the day it happened and the day it was recorded.
      ...(input.occurredOn ? { occurredOn: input.occurredOn, recordedOn: today } : {}),
    },
  });
  return id;
}
