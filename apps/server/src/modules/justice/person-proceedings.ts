import { DomainError, isRepeatAfterVideo, type PersonProceedingsView } from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { appendAudit, type AuditContext } from '../../audit/audit.repository.ts';
import type { AuthContext } from '../../auth/auth.plugin.ts';
import * as repo from './proceeding-victims.repository.ts';
import { measureView } from './proceeding-victims.service.ts';

/**
 * The person page's panel (issue #11 item 2): her part in criminal proceedings, in the reader's
 * `proceedings.read` scope. A case the reader may not open is shown by its stage and articles
 * only (no id, no registration number): the social track sees that proceedings exist without
 * entering them (DOMAIN.md §2.2: the two tracks are independent).
 */
export async function personProceedings(deps: Pick<AppDeps, 'db'>, auth: AuthContext, audit: AuditContext, personId: string): Promise<PersonProceedingsView> {
  return deps.db.transaction(async (tx) => {
    if (!(await repo.personInScope(tx, auth.actor, personId, 'proceedings.read'))) throw new DomainError('not_found');
    const rows = await repo.proceedingsOfPerson(tx, auth.actor, personId);
    const ids = rows.map((r) => r.pv.id);
    const [interviews, measures] = await Promise.all([repo.interviewsOf(tx, ids), repo.measuresOf(tx, ids)]);
    await appendAudit(tx, audit, {
      operation: 'proceedings.read',
      recordType: 'person',
      recordId: personId,
      details: { criminalCases: rows.map((r) => r.cc.id) },
    });
    return {
      items: rows.map((r) => {
        const open = Boolean(r.mayOpen);
        const mine = interviews.filter((i) => i.proceedingVictimId === r.pv.id);
        return {
          criminalCaseId: open ? r.cc.id : null,
          erdrNumber: open ? r.cc.erdrNumber : null,
          articles: r.cc.articles,
          stage: r.cc.stage as PersonProceedingsView['items'][number]['stage'],
          stageOn: r.cc.stageOn,
          proceduralRole: r.pv.proceduralRole as PersonProceedingsView['items'][number]['proceduralRole'],
          linkedOn: r.pv.linkedOn,
          participated: r.pv.participated,
          interviews: mine.length,
          videoTestimonyRecorded: isRepeatAfterVideo(mine),
          measures: measures.filter((m) => m.proceedingVictimId === r.pv.id).map(measureView),
        };
      }),
    };
  });
}
