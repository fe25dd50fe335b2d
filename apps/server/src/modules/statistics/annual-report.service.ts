import { writeAnnualReport, type Actor, type AnnualReportFacts, type AnnualReportQuery, type AnnualReportText } from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { appendAudit, type AuditContext } from '../../audit/audit.repository.ts';
import { createPdf } from '../documents/pdf-writer.ts';
import { publicFacts } from './public-edition.ts';
import { gatherReportFacts } from './report-facts.service.ts';
import { victimCells } from './victims.repository.ts';

export interface RenderedReport {
  contentType: string;
  filename: string;
  body: Buffer;
}

/** The report as facts and sentences: what the JSON format returns and the others print. */
export async function annualReport(deps: AppDeps, actor: Actor, query: Pick<AnnualReportQuery, 'year' | 'lang' | 'edition'>) {
  const official = await gatherReportFacts(deps, actor, query.year);
  const facts: AnnualReportFacts = query.edition === 'public' ? publicFacts(official, await victimCells(deps.db, actor, query.year)) : official;
  return { facts, text: writeAnnualReport(facts, query.lang) };
}

/** The report as plain text: title, headed sections, notes. */
export function reportAsText(text: AnnualReportText): string {
  const parts = [text.title, ''];
  for (const s of text.sections) parts.push(s.heading, '', ...s.paragraphs.flatMap((p) => [p, '']));
  if (text.notes.length) parts.push(...text.notes.map((n) => `* ${n}`), '');
  return parts.join('\n');
}

/** The report as a PDF with DejaVu Sans embedded (every Kazakh letter), text searchable. */
export async function reportAsPdf(text: AnnualReportText, lang: string, now: Date): Promise<Buffer> {
  const pdf = createPdf({ title: text.title, lang, createdAt: now });
  pdf.title(text.title);
  for (const s of text.sections) {
    pdf.heading(s.heading);
    for (const p of s.paragraphs) pdf.paragraph(p);
  }
  for (const n of text.notes) pdf.bullet(n);
  return pdf.end();
}

/**
 * Renders the report in the asked format and audits that it was generated (year, edition,
 * language, format; never its content). The same for the API and the command line.
 */
export async function renderAnnualReport(deps: AppDeps, actor: Actor, audit: AuditContext, query: AnnualReportQuery): Promise<RenderedReport> {
  const report = await annualReport(deps, actor, query);
  const name = `qorgau-annual-report-${query.year}-${query.edition}-${query.lang}`;
  let rendered: RenderedReport;
  if (query.format === 'pdf') {
    rendered = { contentType: 'application/pdf', filename: `${name}.pdf`, body: await reportAsPdf(report.text, query.lang, deps.now()) };
  } else if (query.format === 'text') {
    rendered = { contentType: 'text/plain; charset=utf-8', filename: `${name}.txt`, body: Buffer.from(reportAsText(report.text), 'utf8') };
  } else {
    rendered = { contentType: 'application/json; charset=utf-8', filename: `${name}.json`, body: Buffer.from(JSON.stringify(report, null, 2), 'utf8') };
  }
  await deps.db.transaction((tx) =>
    appendAudit(tx, audit, {
      operation: 'statistics.report_generated',
      details: { year: query.year, edition: query.edition, lang: query.lang, format: query.format },
    }),
  );
  return rendered;
}
