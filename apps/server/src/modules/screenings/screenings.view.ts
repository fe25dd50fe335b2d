import type { Screening, ScreeningResult, ScreeningResultView } from '@qorgau/core';
import type { ScreeningWithNames } from './screenings.repository.ts';

/** For statistics: the age as recorded (unknown stays unknown; the presumption of minority governs treatment, not counts). */
export const ageGroupOf = (age: number | null, childAgeYears: number): 'child' | 'adult' | 'unknown' =>
  age === null ? 'unknown' : age < childAgeYears ? 'child' : 'adult';

/** What the screener is shown of the evaluator's result (and what is stored). */
export function resultView(r: ScreeningResult): ScreeningResultView {
  return {
    level: r.level,
    provisional: r.provisional,
    provisionalRuleMet: r.provisionalRuleMet,
    reasons: r.reasons,
    fired: r.fired.map((f) => ({
      listId: f.listId,
      indicatorId: f.indicatorId,
      control: f.control,
      verification: f.verification,
      ...(f.strength ? { strength: f.strength } : {}),
    })),
    ruleApplied: r.ruleApplied,
  };
}

/**
 * `recordVisible`: whether the viewer may still open the person and case. After a handover the
 * screener keeps only the receipt (DOMAIN.md §1, minimal disclosure).
 */
export function screeningView(r: ScreeningWithNames, recordVisible: boolean): Screening {
  const s = r.screening;
  return {
    id: s.id,
    reference: s.reference,
    encounterDate: s.encounterDate,
    regionCode: s.regionCode,
    setting: s.setting as Screening['setting'],
    language: s.language,
    interpreterUsed: s.interpreterUsed,
    ageGroup: s.ageGroup as Screening['ageGroup'],
    gender: s.gender as Screening['gender'],
    citizenship: s.citizenship,
    exploitationTypes: s.exploitationTypes as Screening['exploitationTypes'],
    anonymous: s.anonymous,
    result: s.result.view as ScreeningResultView,
    screenerName: r.screenerName,
    agencyName: r.agencyName,
    personId: recordVisible ? s.personId : null,
    caseId: recordVisible ? s.caseId : null,
    handover:
      s.handedOverTo && s.handedOverAt
        ? { toAgencyId: s.handedOverTo, toAgencyName: r.toAgencyName ?? { kk: '', ru: '', en: '' }, at: s.handedOverAt.toISOString() }
        : null,
    createdAt: s.createdAt.toISOString(),
  };
}
