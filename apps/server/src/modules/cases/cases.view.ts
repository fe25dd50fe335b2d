import {
  allowedActionsFor,
  deriveCaseState,
  deadlineStatus,
  type Actor,
  type Case,
  type CaseFacts,
  type CaseSummary,
  type WorkingCalendar,
} from '@qorgau/core';
import { fieldContext, type FieldCipher } from '../../crypto/field-cipher.ts';
import { displayNameOf } from '../persons/persons.view.ts';
import { toCoreAction } from './case-actions.ts';
import type { CaseSummaryRow, listCaseActions } from './cases.repository.ts';

type ActionRows = Awaited<ReturnType<typeof listCaseActions>>;

export const actionTextContext = (actionId: string): string => fieldContext('case_actions', 'text', actionId);

/** What deadlines are measured against: today in Kazakhstan and its working calendar. */
export interface DeadlineContext {
  today: string;
  calendar: WorkingCalendar;
}
/** Warn this many working days before an identification deadline. */
export const DUE_SOON_DAYS = 1;

export function caseSummary(cipher: FieldCipher, r: CaseSummaryRow, when: DeadlineContext): CaseSummary {
  const due = r.case.status === 'open' ? r.case.identificationDue : null;
  return {
    id: r.case.id,
    reference: r.case.reference,
    personId: r.case.personId,
    personPseudonym: r.pseudonym,
    personName: r.identityVisible ? displayNameOf(cipher, r.person) : null,
    status: r.case.status as CaseSummary['status'],
    traffickingStatus: r.case.traffickingStatus as CaseSummary['traffickingStatus'],
    regionCode: r.case.regionCode,
    exploitationTypes: r.case.exploitationTypes as CaseSummary['exploitationTypes'],
    ownerAgencyName: r.ownerAgencyName,
    identificationDue: due,
    deadline: due ? deadlineStatus(due, when.today, DUE_SOON_DAYS, when.calendar) : null,
    openedAt: r.case.createdAt.toISOString(),
    updatedAt: r.case.updatedAt.toISOString(),
  };
}

/** The facts core's action rules read, from a case row loaded for `actor`. */
export function caseFactsOf(r: CaseSummaryRow, actor: Actor): CaseFacts {
  return {
    createdBy: r.case.createdBy,
    ownerAgencyId: r.case.ownerAgencyId,
    regionCode: r.case.regionCode,
    assignedUserIds: r.assigned ? [actor.userId] : [],
    creatorAccessEnded: r.case.creatorAccessEnded,
  };
}

/** Free text is personal data: it is decrypted only for viewers who may see the identity. */
export function caseView(cipher: FieldCipher, r: CaseSummaryRow, actions: ActionRows, when: DeadlineContext, actor: Actor): Case {
  return {
    ...caseSummary(cipher, r, when),
    actions: actions.map(({ action, actorName, agencyName }) => ({
      seq: action.seq,
      type: action.type,
      at: action.at.toISOString(),
      actorName,
      agencyName,
      details: action.details,
      text: r.identityVisible && r.historyVisible !== false && action.textEnc ? cipher.decrypt(action.textEnc, actionTextContext(action.id)) : null,
      hasText: action.textEnc !== null,
    })),
    // What THIS viewer may do now (status x role x scope, core's CASE_ACTION_RULES). Derived from
    // the log, not the cached status: some actions also depend on flags (non-punishment, hold).
    allowedActions: r.canAct
      ? allowedActionsFor(actor, caseFactsOf(r, actor), deriveCaseState(actions.map((a) => toCoreAction(a.action.type, a.action.details))))
      : [],
  };
}
