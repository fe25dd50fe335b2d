import type { CaseActionType, CaseStatus } from '@qorgau/core';

/**
 * The actions the case page offers: what the server allows this user now (`allowedActions`,
 * core's CASE_ACTION_RULES x status), except on a closed case, which offers only reopening
 * (issue #9: "a closed case offers no actions"). Nothing is ever offered that the server did not allow.
 */
export function offeredActions(status: CaseStatus, allowed: readonly CaseActionType[]): CaseActionType[] {
  if (status === 'closed') return allowed.filter((a) => a === 'reopened');
  return [...allowed];
}
