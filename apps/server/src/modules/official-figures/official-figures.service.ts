import { createHash } from 'node:crypto';
import {
  breakdownIssues,
  DomainError,
  type FieldIssue,
  kazakhstanDate,
  type NumberedFigureRow,
  type OfficialFigureBody,
  type OfficialFigureImportResult,
  type OfficialFigureListQuery,
  type OfficialFigureRow,
  type OfficialFigureSetResult,
  officialFigureKeyOf,
  officialFigureRowIssues,
  parseOfficialFigureTable,
  type RowIssue,
} from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { csvCells } from '../../util/csv-cells.ts';
import { type AuditContext, appendAudit } from '../../audit/audit.repository.ts';
import type { AuthContext } from '../../auth/auth.plugin.ts';
import { deleteOfficialFigure, getOfficialFigureById, listOfficialFigures, registerYears, upsertOfficialFigures } from './official-figures.repository.ts';

/** The largest CSV accepted: a national series of every figure and breakdown for decades is a few kilobytes. */
export const OFFICIAL_FIGURES_MAX_BYTES = 256 * 1024;

/** Row issues as field issues of the standard 400: `rows.<row>.<column>`, the row as a spreadsheet numbers it. */
const asFieldIssues = (issues: readonly RowIssue[]): FieldIssue[] =>
  issues.map((i) => ({ path: `rows.${i.row}.${i.column}`, code: i.code, params: { ...i.params, row: i.row } }));

/** The file's cells; a broken row is reported on its `year` column, as the row report names cells. */
const cellsOf = (bytes: Buffer) =>
  csvCells(bytes, (line) => new DomainError('validation_failed', [{ path: `rows.${line}.year`, code: 'csv_malformed', params: { row: line } }]), {
    trim: true,
  });

const changesOf = (rows: readonly OfficialFigureRow[], before: Map<string, number>) =>
  rows.map((r) => ({ dimension: r.dimension, category: r.category, old: before.get(officialFigureKeyOf(r)) ?? null, new: r.value }));

export function createOfficialFiguresService({ db, now }: AppDeps) {
  const today = () => kazakhstanDate(now());

  return {
    async list(q: OfficialFigureListQuery) {
      return { items: await listOfficialFigures(db, { from: q.from, to: q.to }) };
    },

    /** One figure of one year with its breakdown, all or nothing; audited with each old and new value. */
    async set(auth: AuthContext, audit: AuditContext, body: OfficialFigureBody): Promise<OfficialFigureSetResult> {
      const rows: OfficialFigureRow[] = [
        { year: body.year, figure: body.figure, dimension: '', category: '', value: body.value, source: body.source },
        ...body.breakdown.map((b) => ({
          year: body.year,
          figure: body.figure,
          dimension: b.dimension,
          category: b.category,
          value: b.value,
          source: body.source,
        })),
      ];
      // Row n of the body: 0 the total, i+1 the breakdown's i-th category.
      const pathOf = (row: number, column: string) =>
        row === 0 ? (column === 'dimension' || column === 'category' ? 'figure' : column) : `breakdown.${row - 1}.${column}`;
      const numbered: NumberedFigureRow[] = rows.map((r, row) => ({ ...r, row }));
      const issues: RowIssue[] = numbered.flatMap((r) => officialFigureRowIssues(r, today(), r.row));
      const seen = new Set<string>();
      for (const r of numbered) {
        if (seen.has(officialFigureKeyOf(r))) issues.push({ row: r.row, column: 'category', code: 'duplicate_value' });
        seen.add(officialFigureKeyOf(r));
      }
      return db.transaction(async (tx) => {
        const stored = await listOfficialFigures(tx, { from: body.year, to: body.year, figure: body.figure });
        if (!issues.length) issues.push(...breakdownIssues(numbered, stored));
        if (issues.length)
          throw new DomainError(
            'validation_failed',
            issues.map((i) => ({ path: pathOf(i.row, i.column), code: i.code, params: i.params })),
          );
        const before = new Map(stored.map((s) => [officialFigureKeyOf(s), s.value]));
        await upsertOfficialFigures(tx, rows, auth.user.id, now());
        await appendAudit(tx, audit, {
          operation: 'official_figure.set',
          recordType: 'official_figure',
          details: { year: body.year, figure: body.figure, changes: changesOf(rows, before) },
        });
        return {
          items: await listOfficialFigures(tx, { from: body.year, to: body.year, figure: body.figure }),
          registerYear: body.figure === 'victims_identified' && (await registerYears(tx, [body.year])).length > 0,
        };
      });
    },

    async remove(audit: AuditContext, id: string): Promise<void> {
      await db.transaction(async (tx) => {
        const found = await getOfficialFigureById(tx, id);
        if (!found) throw new DomainError('not_found');
        await deleteOfficialFigure(tx, id);
        await appendAudit(tx, audit, {
          operation: 'official_figure.deleted',
          recordType: 'official_figure',
          recordId: id,
          details: { year: found.year, figure: found.figure, dimension: found.dimension, category: found.category, old: found.value },
        });
      });
    },

    /**
     * A CSV of figures: every row checked before anything is written; one bad row and the
     * answer is a 400 listing every issue row by row, with nothing written. All good: written in
     * one transaction, audited once with the file's SHA-256 and row count. `dryRun` checks and
     * answers the same without writing (the coordinator's preview).
     */
    async import(auth: AuthContext, audit: AuditContext, bytes: Buffer, dryRun: boolean): Promise<OfficialFigureImportResult> {
      if (bytes.length === 0) throw new DomainError('validation_failed', [{ path: 'file', code: 'attachment_empty' }]);
      const cells = cellsOf(bytes);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      return db.transaction(async (tx) => {
        const stored = await listOfficialFigures(tx);
        const parsed = parseOfficialFigureTable(cells, today(), stored);
        if (!parsed.ok) throw new DomainError('validation_failed', asFieldIssues(parsed.issues));
        const before = new Map(stored.map((s) => [officialFigureKeyOf(s), s.value]));
        const rows = parsed.rows.map(({ row: _row, ...r }) => r);
        const storedSource = new Map(stored.map((s) => [officialFigureKeyOf(s), s.source]));
        const created = rows.filter((r) => !before.has(officialFigureKeyOf(r))).length;
        const unchanged = rows.filter((r) => before.get(officialFigureKeyOf(r)) === r.value && storedSource.get(officialFigureKeyOf(r)) === r.source).length;
        const years = [...new Set(rows.filter((r) => r.figure === 'victims_identified').map((r) => r.year))];
        const result: OfficialFigureImportResult = {
          dryRun,
          rows: rows.length,
          created,
          updated: rows.length - created - unchanged,
          unchanged,
          sha256,
          registerYears: await registerYears(tx, years),
          figures: rows,
        };
        if (dryRun) return result;
        await upsertOfficialFigures(tx, rows, auth.user.id, now());
        await appendAudit(tx, audit, {
          operation: 'official_figure.imported',
          recordType: 'official_figure',
          details: { sha256, rows: rows.length, created, updated: result.updated, unchanged },
        });
        return result;
      });
    },
  };
}
