/**
 * Written sentences for the demo's records, in the language the recording agency uses
 * (Kazakh or Russian; the public's hotline reports also in English, Uzbek and Kyrgyz). Each text
 * is composed from several interchangeable sentence templates, drawn with the seed's random
 * stream, so two records rarely read alike. Form codes (exploitation types, indicator ids)
 * never appear in the text: each is said in words.
 *
 * The texts live in seed-narrative-words.ts (the shared vocabulary), seed-narrative-encounter.ts
 * (first encounters), seed-narrative-case-log.ts (the case history) and seed-narrative-hotline.ts
 * (the public's reports); this module is what the seed imports.
 */
export { encounterNarrative } from './seed-narrative-encounter.ts';
export {
  caseNote,
  closureNote,
  decisionReasons,
  holdLiftedNote,
  nonPunishmentFlag,
  nonPunishmentReview,
  referralNote,
  reviewReasons,
} from './seed-narrative-case-log.ts';
export { hotlineReport } from './seed-narrative-hotline.ts';
export { drawIndicators, INDICATOR_WORDS, INDICATORS_FOR, type NarrativeFacts, ruYears } from './seed-narrative-words.ts';
