export { writeAnnualReport } from './write-annual-report.ts';
export type { AnnualReportText, ReportLang, ReportSectionKey, ReportSectionText } from './types.ts';
