import type { AnnualReportText, ReportLang, ReportSectionKey } from './types.ts';
import { writeAnnualReport } from './write-annual-report.ts';
import type { AnnualReportFacts } from '../report-facts.ts';

/** A paragraph's sentences: the report never starts a sentence with a digit, so a full stop and a capital letter divide them. */
export function sentencesOf(paragraph: string): string[] {
  return paragraph.split(/(?<=\.)\s+(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])/u);
}

export function sectionSentences(report: AnnualReportText, key: ReportSectionKey): string[] {
  return (report.sections.find((s) => s.key === key)?.paragraphs ?? []).flatMap(sentencesOf);
}

export function allSentences(report: AnnualReportText): string[] {
  return report.sections.flatMap((s) => s.paragraphs.flatMap(sentencesOf));
}

export const protection = (facts: AnnualReportFacts, lang: ReportLang) => sectionSentences(writeAnnualReport(facts, lang), 'protection');
