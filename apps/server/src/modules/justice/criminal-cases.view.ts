import {
  allowedCriminalCaseActions,
  allowedStages,
  articlesInForce,
  hasPermission,
  isClosedStage,
  type Actor,
  type CriminalArticleSet,
  type CriminalCaseSummary,
  type CriminalCaseView,
  type CriminalStage,
} from '@qorgau/core';
import { fieldContext, type FieldCipher } from '../../crypto/field-cipher.ts';
import type { CriminalCaseRow } from './criminal-case-act.ts';
import type { caseDetails, caseEvents } from './criminal-cases.repository.ts';

export const summaryContext = (caseId: string) => fieldContext('criminal_cases', 'summary_enc', caseId);
/**
 * An event's note is encrypted before the event row (and its id) exists, inside the action's
 * transaction: it is bound to the event's client id, which is as unique and as permanent.
 */
export const eventNoteContext = (eventClientId: string) => fieldContext('criminal_case_events', 'note_enc', eventClientId);

const localized = (a: { nameKk: string; nameRu: string; nameEn: string }) => ({ kk: a.nameKk, ru: a.nameRu, en: a.nameEn });

/** Still before the court, and past the pre-trial term's last day. */
export const isOverdue = (cc: Pick<CriminalCaseRow, 'stage' | 'deadlineOn'>, today: string): boolean =>
  ['registered', 'investigation'].includes(cc.stage) && cc.deadlineOn !== null && cc.deadlineOn < today;

/**
 * Whether the reader sees the case's free text (the summary, notes and reasons: they name
 * suspects and victims): the roles that may see suspects' identities. The national coordinator
 * reads codes, articles, stages and dates.
 */
export const textVisible = (actor: Actor): boolean => hasPermission(actor.role, 'suspect.read_identity');

export function criminalCaseSummary(
  row: { cc: CriminalCaseRow; agency: { id: string; nameKk: string; nameRu: string; nameEn: string } },
  today: string,
): CriminalCaseSummary {
  return {
    id: row.cc.id,
    erdrNumber: row.cc.erdrNumber,
    articles: row.cc.articles,
    regionCode: row.cc.regionCode,
    stage: row.cc.stage as CriminalStage,
    stageOn: row.cc.stageOn,
    registeredOn: row.cc.registeredOn,
    deadlineOn: row.cc.deadlineOn,
    overdue: isOverdue(row.cc, today),
    ownerAgency: { id: row.agency.id, name: localized(row.agency) },
  };
}

export function criminalCaseView(
  cipher: FieldCipher,
  actor: Actor,
  found: { cc: CriminalCaseRow; mayAct: boolean },
  details: Awaited<ReturnType<typeof caseDetails>>,
  events: Awaited<ReturnType<typeof caseEvents>>,
  sets: readonly CriminalArticleSet[],
  today: string,
): CriminalCaseView {
  const { cc } = found;
  const stage = cc.stage as CriminalStage;
  const set = sets.find((s) => s.version === cc.articlesVersion) ?? articlesInForce(sets, cc.registeredOn);
  const showText = textVisible(actor);
  const decrypt = (enc: string | null, context: string): string | null => {
    if (!enc || !showText) return null;
    try {
      return cipher.decrypt(enc, context);
    } catch {
      return null;
    }
  };
  const allowedActions = allowedCriminalCaseActions(actor, { stage, mayAct: found.mayAct });
  return {
    id: cc.id,
    erdrNumber: cc.erdrNumber,
    articles: cc.articles.map((code) => {
      const a = set?.articles.find((x) => x.code === code);
      return { code, title: a ? a.title : null, trafficking: a?.trafficking ?? false };
    }),
    articlesVersion: cc.articlesVersion,
    exploitationTypes: cc.exploitationTypes,
    summary: decrypt(cc.summaryEnc, summaryContext(cc.id)),
    regionCode: cc.regionCode,
    ownerAgency: { id: details.agency.id, name: localized(details.agency) },
    investigator: details.investigator?.id ? { id: details.investigator.id, name: details.investigator.name } : null,
    prosecutor: details.prosecutor?.id ? { id: details.prosecutor.id, name: details.prosecutor.name } : null,
    stage,
    stageOn: cc.stageOn,
    stageReason: cc.stageReason,
    registeredOn: cc.registeredOn,
    deadlineOn: cc.deadlineOn,
    overdue: isOverdue(cc, today),
    endedOn: cc.endedOn,
    history: events.map((r) => ({
      id: r.e.id,
      type: r.e.type,
      at: r.e.at.toISOString(),
      actorRole: r.actorRole,
      agencyName: localized(r.agency),
      details: r.e.details,
      note: decrypt(r.e.noteEnc, eventNoteContext(r.e.clientId)),
    })),
    allowedActions,
    allowedStages: allowedActions.includes('change_stage') && !isClosedStage(stage) ? allowedStages(actor.role, stage) : [],
    counts: { defendants: Number(details.defendants), victims: Number(details.victims) },
  };
}
