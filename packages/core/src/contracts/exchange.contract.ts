import { z } from 'zod';
import { REPORT_LANGUAGES } from './statistics.contract.ts';

const flag = z
  .enum(['true', 'false'])
  .default('false')
  .transform((v) => v === 'true');

/** An HTCDS file upload (the body is the file's bytes): check only, or take in; for which agency. */
export const HtcdsImportQuery = z.object({
  dryRun: flag,
  /** The agency the records are taken in for: her own unless she imports nationally. */
  agencyId: z.uuid().optional(),
});
export type HtcdsImportQuery = z.infer<typeof HtcdsImportQuery>;

/** One bad cell: the row as the spreadsheet numbers it, the column's HTCDS code, why (code and message in her language). */
export const HtcdsImportIssue = z.object({
  row: z.number().int(),
  column: z.string(),
  code: z.string(),
  message: z.string(),
});

export const HtcdsImportResult = z.object({
  importId: z.uuid(),
  dryRun: z.boolean(),
  format: z.enum(['xlsx', 'csv']),
  sha256: z.string(),
  /** Rows with anything in them (the template's numbered empty rows are not counted). */
  rowsRead: z.number().int(),
  /** Records created now (on a dry run: that would be created). */
  created: z.number().int(),
  /** Rows this agency imported before (same values), and repeated rows of the file: nothing new. */
  alreadyImported: z.number().int(),
  /** Created records the linkage engine joined to a person already in the register: counted once. */
  linked: z.number().int(),
  /** Rows refused, each with its issues below. */
  rejected: z.number().int(),
  /** Header cells that name no HTCDS column (ignored; a renamed column shows here). */
  unknownColumns: z.array(z.string()),
  issues: z.array(HtcdsImportIssue),
  /** All issues, when more were found than the answer lists (the CSV report has them all). */
  issuesTotal: z.number().int(),
});
export type HtcdsImportResult = z.infer<typeof HtcdsImportResult>;

export const HtcdsImportReportQuery = z.object({ lang: z.enum(REPORT_LANGUAGES).default('en') });

/** An HTCDS export: a year's records (the year the case was opened or its status decided), as XLSX or CSV, headings in a language. */
export const HtcdsExportQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  lang: z.enum(REPORT_LANGUAGES).default('en'),
});
export type HtcdsExportQuery = z.infer<typeof HtcdsExportQuery>;
