import { randomUUID } from 'node:crypto';
import {
  allowedCriminalCaseActions,
  DomainError,
  interviewIssues,
  isCitizen,
  isRepeatAfterVideo,
  linkIssues,
  measureDecisionIssues,
  measureRequestIssues,
  victimUpdateIssues,
  type CriminalCaseAction,
  type CriminalStage,
  type DecideMeasureBody,
  type LinkVictimBody,
  type MeasureStatus,
  type ProceedingVictimsView,
  type RecordInterviewBody,
  type RequestMeasureBody,
  type UpdateVictimBody,
} from '@qorgau/core';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../app-deps.ts';
import { appendAudit, type AuditContext } from '../../audit/audit.repository.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { AuthContext } from '../../auth/auth.plugin.ts';
import { fieldContext, type FieldCipher } from '../../crypto/field-cipher.ts';
import type { DbOrTx } from '../../db/client.ts';
import { proceedingVictims, protectiveMeasures, victimInterviews } from '../../db/schema.ts';
import { kazakhstanDate } from '../../util/kazakhstan-date.ts';
import { displayNameOf } from '../persons/persons.view.ts';
import { actOnCriminalCase, loadCriminalCase, refuseIssues } from './criminal-case-act.ts';
import { syncProceedings } from './proceedings-sync.ts';
import * as repo from './proceeding-victims.repository.ts';

export const repeatReasonContext = (id: string) => fieldContext('victim_interviews', 'repeat_reason', id);

/** The victims' actions: what the victims section offers (core CRIMINAL_CASE_ACTION_RULES). */
export const VICTIM_ACTIONS: readonly CriminalCaseAction[] = ['link_victim', 'update_victim', 'record_interview', 'request_measure', 'decide_measure'];

export const measureView = (m: repo.MeasureRow) => ({
  id: m.id,
  measure: m.measure as ProceedingVictimsView['items'][number]['measures'][number]['measure'],
  status: m.status as MeasureStatus,
  requestedOn: m.requestedOn,
  decidedOn: m.decidedOn,
  endedOn: m.endedOn,
  costTenge: m.costTenge,
});

/** The victims of a case as this reader may see them: names only within her identity scope. */
async function victimsView(
  q: DbOrTx,
  cipher: FieldCipher,
  auth: AuthContext,
  found: NonNullable<Awaited<ReturnType<typeof loadCriminalCase>>>,
): Promise<ProceedingVictimsView> {
  const rows = await repo.victimsOfCase(q, auth.actor, found.cc.id);
  const ids = rows.map((r) => r.pv.id);
  const [interviews, measures, periods] = await Promise.all([
    repo.interviewsOf(q, ids),
    repo.measuresOf(q, ids),
    repo.reflectionPeriodsOf(
      q,
      rows.filter((r) => !isCitizen(r.person.citizenship) && r.entitlementsVisible).map((r) => r.pv.personId),
    ),
  ]);
  const items = [];
  for (const r of rows) {
    const identity = Boolean(r.identityVisible);
    const foreign = !isCitizen(r.person.citizenship);
    const mine = interviews.filter((i) => i.proceedingVictimId === r.pv.id);
    let reflectionPeriod: { endsOn: string | null; extended: boolean } | undefined;
    const period = foreign && r.entitlementsVisible ? periods.get(r.pv.personId) : undefined;
    // Open-ended once started: extended until the proceedings are final.
    if (period && period.state !== 'pending') reflectionPeriod = { endsOn: period.endsOn, extended: period.endsOn === null };
    items.push({
      id: r.pv.id,
      personId: r.pv.personId,
      pseudonym: r.person.pseudonym,
      name: identity ? displayNameOf(cipher, r.person) : null,
      foreign,
      proceduralRole: r.pv.proceduralRole as ProceedingVictimsView['items'][number]['proceduralRole'],
      linkedOn: r.pv.linkedOn,
      participated: r.pv.participated,
      leftCountryOn: r.pv.leftCountryOn,
      counselContinues: r.pv.counselContinues,
      employedSince: r.pv.employedSince,
      videoTestimonyRecorded: isRepeatAfterVideo(mine),
      interviews: mine.map((i, n) => ({
        id: i.id,
        heldOn: i.heldOn,
        place: i.place as ProceedingVictimsView['items'][number]['interviews'][number]['place'],
        videoRecorded: i.videoRecorded,
        socialWorkerPresent: i.socialWorkerPresent,
        interpreterPresent: i.interpreterPresent,
        language: i.language,
        repeat: isRepeatAfterVideo(mine.slice(0, n)),
        repeatReason: identity && i.repeatReasonEnc ? cipher.decrypt(i.repeatReasonEnc, repeatReasonContext(i.id)) : null,
      })),
      measures: measures.filter((m) => m.proceedingVictimId === r.pv.id).map(measureView),
      ...(reflectionPeriod ? { reflectionPeriod } : {}),
    });
  }
  const allowed = allowedCriminalCaseActions(auth.actor, { stage: found.cc.stage as CriminalStage, mayAct: found.mayAct });
  return { items, allowedActions: allowed.filter((a) => VICTIM_ACTIONS.includes(a)) };
}

export function createProceedingVictimsService(deps: AppDeps) {
  const { db, cipher } = deps;
  const actor = (auth: AuthContext) => ({ userId: auth.user.id, agencyId: auth.user.agencyId });

  async function list(auth: AuthContext, audit: AuditContext, id: string): Promise<ProceedingVictimsView> {
    return db.transaction(async (tx) => {
      const found = await loadCriminalCase(tx, auth.actor, id);
      if (!found) throw new DomainError('not_found');
      const view = await victimsView(tx, cipher, auth, found);
      await appendAudit(tx, audit, {
        operation: 'criminal_case.read',
        recordType: 'criminal_case',
        recordId: id,
        details: { section: 'victims', shown: view.items.map((v) => v.personId) },
      });
      return view;
    });
  }

  /** The victim being acted on, in this case (out of the case = not found). */
  const victimIn = async (tx: DbOrTx, caseId: string, victimId: string) => {
    const v = await repo.victimOfCase(tx, caseId, victimId);
    if (!v) throw new DomainError('not_found');
    return v;
  };

  return {
    list,

    link: async (auth: AuthContext, audit: AuditContext, id: string, body: LinkVictimBody) => {
      // Two links of the same person at once: the unique key refuses the second (not a 500).
      const alreadyLinked = async (e: unknown) => {
        if (isUniqueViolation(e) && (await repo.linkOf(db, id, body.personId)))
          throw new DomainError('conflict', [{ path: 'personId', code: 'already_linked' }]);
        throw e;
      };
      await actOnCriminalCase(deps, auth, audit, id, 'link_victim', body.clientId, async (tx, cc, now) => {
        // "Links to persons outside the user's scope: refused with field-level messages" (issue #11).
        if (!(await repo.personInScope(tx, auth.actor, body.personId, 'person.read'))) {
          refuseIssues([{ path: 'personId', code: 'person_out_of_scope' }]);
        }
        if (await repo.linkOf(tx, id, body.personId)) throw new DomainError('conflict', [{ path: 'personId', code: 'already_linked' }]);
        refuseIssues(linkIssues(body.linkedOn, { registeredOn: cc.registeredOn, today: kazakhstanDate(now) }));
        const victimId = randomUUID();
        await tx.insert(proceedingVictims).values({
          id: victimId,
          clientId: body.clientId,
          criminalCaseId: id,
          personId: body.personId,
          proceduralRole: body.proceduralRole,
          linkedOn: body.linkedOn,
          linkedBy: auth.user.id,
          createdAt: now,
          updatedAt: now,
        });
        // A foreign victim's reflection period runs on while the proceedings are open (issue #11 item 3).
        await syncProceedings(tx, deps, body.personId, actor(auth));
        return { details: { victimId, personId: body.personId, proceduralRole: body.proceduralRole, linkedOn: body.linkedOn } };
      }).catch(alreadyLinked);
      return list(auth, audit, id);
    },

    update: async (auth: AuthContext, audit: AuditContext, id: string, victimId: string, body: UpdateVictimBody) => {
      await actOnCriminalCase(deps, auth, audit, id, 'update_victim', body.clientId, async (tx, _cc, now) => {
        const v = await victimIn(tx, id, victimId);
        refuseIssues(victimUpdateIssues(body, v, { linkedOn: v.linkedOn, today: kazakhstanDate(now) }));
        const set: Partial<repo.ProceedingVictimRow> = { updatedAt: now };
        if (body.proceduralRole !== undefined) set.proceduralRole = body.proceduralRole;
        if (body.participated !== undefined) set.participated = body.participated;
        if (body.leftCountryOn !== undefined) set.leftCountryOn = body.leftCountryOn;
        if (body.employedSince !== undefined) set.employedSince = body.employedSince;
        if (body.counselContinues !== undefined) set.counselContinues = body.counselContinues;
        else if (body.leftCountryOn === null) set.counselContinues = false;
        await tx.update(proceedingVictims).set(set).where(eq(proceedingVictims.id, v.id));
        const changed = Object.keys(set).filter((k) => k !== 'updatedAt');
        return { details: { victimId, changed } };
      });
      return list(auth, audit, id);
    },

    recordInterview: async (auth: AuthContext, audit: AuditContext, id: string, victimId: string, body: RecordInterviewBody) => {
      await actOnCriminalCase(deps, auth, audit, id, 'record_interview', body.clientId, async (tx, _cc, now) => {
        const v = await victimIn(tx, id, victimId);
        const earlier = await repo.interviewsOf(tx, [v.id]);
        const videoTestimonyRecorded = isRepeatAfterVideo(earlier);
        refuseIssues(interviewIssues(body, { linkedOn: v.linkedOn, today: kazakhstanDate(now), videoTestimonyRecorded }));
        const interviewId = randomUUID();
        const reason = body.repeatReason?.trim();
        await tx.insert(victimInterviews).values({
          id: interviewId,
          clientId: body.clientId,
          proceedingVictimId: v.id,
          criminalCaseId: id,
          personId: v.personId,
          heldOn: body.heldOn,
          place: body.place,
          videoRecorded: body.videoRecorded,
          socialWorkerPresent: body.socialWorkerPresent,
          interpreterPresent: body.interpreterPresent,
          language: body.language ?? null,
          repeatReasonEnc: reason ? cipher.encrypt(reason, repeatReasonContext(interviewId)) : null,
          recordedBy: auth.user.id,
          createdAt: now,
        });
        return {
          details: {
            victimId,
            interviewId,
            place: body.place,
            videoRecorded: body.videoRecorded,
            repeat: videoTestimonyRecorded,
            socialWorkerPresent: body.socialWorkerPresent,
            interpreterPresent: body.interpreterPresent,
          },
        };
      });
      return list(auth, audit, id);
    },

    requestMeasure: async (auth: AuthContext, audit: AuditContext, id: string, victimId: string, body: RequestMeasureBody) => {
      await actOnCriminalCase(deps, auth, audit, id, 'request_measure', body.clientId, async (tx, _cc, now) => {
        const v = await victimIn(tx, id, victimId);
        refuseIssues(measureRequestIssues(body.requestedOn, { linkedOn: v.linkedOn, today: kazakhstanDate(now) }));
        const measureId = randomUUID();
        await tx.insert(protectiveMeasures).values({
          id: measureId,
          clientId: body.clientId,
          proceedingVictimId: v.id,
          criminalCaseId: id,
          personId: v.personId,
          measure: body.measure,
          status: 'requested',
          requestedOn: body.requestedOn,
          requestedBy: auth.user.id,
          createdAt: now,
          updatedAt: now,
        });
        return { details: { victimId, measureId, measure: body.measure, requestedOn: body.requestedOn } };
      });
      return list(auth, audit, id);
    },

    decideMeasure: async (auth: AuthContext, audit: AuditContext, id: string, victimId: string, measureId: string, body: DecideMeasureBody) => {
      await actOnCriminalCase(deps, auth, audit, id, 'decide_measure', body.clientId, async (tx, _cc, now) => {
        const v = await victimIn(tx, id, victimId);
        const m = await repo.measureOf(tx, v.id, measureId);
        if (!m) throw new DomainError('not_found');
        const r = measureDecisionIssues(body, { status: m.status as MeasureStatus, requestedOn: m.requestedOn, decidedOn: m.decidedOn }, kazakhstanDate(now));
        if ('conflict' in r) throw new DomainError(r.conflict);
        refuseIssues(r.issues);
        const set: Partial<repo.MeasureRow> = { status: body.decision, updatedAt: now };
        if (body.decision === 'ended') set.endedOn = body.on;
        else Object.assign(set, { decidedOn: body.on, decidedBy: auth.user.id });
        if (body.costTenge !== undefined) set.costTenge = body.costTenge;
        await tx.update(protectiveMeasures).set(set).where(eq(protectiveMeasures.id, m.id));
        return {
          details: {
            victimId,
            measureId,
            measure: m.measure,
            from: m.status,
            to: body.decision,
            on: body.on,
            ...(body.costTenge !== undefined ? { costTenge: body.costTenge } : {}),
          },
        };
      });
      return list(auth, audit, id);
    },
  };
}
