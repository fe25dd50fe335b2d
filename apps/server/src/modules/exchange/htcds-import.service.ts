import { setImmediate as nextTurn } from 'node:timers/promises';
import { createHash, randomUUID } from 'node:crypto';
import {
  type Actor,
  type CaseAction,
  deriveCaseState,
  DomainError,
  type HtcdsImportResult,
  type HtcdsImportRow,
  type HtcdsRowIssue,
  kazakhstanDate,
  kazakhstanYear,
  parseHtcdsTable,
  scopeOf,
} from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { type AuditContext, appendAudit } from '../../audit/audit.repository.ts';
import { fieldContext } from '../../crypto/field-cipher.ts';
import type { Locale } from '../../http/i18n.ts';
import { type BulkProbe, recordBulkLinks, type RegisterHit, registerCandidates, scoreInBulk } from '../linkage/bulk-linkage.ts';
import { modelStoreFor } from '../linkage/linkage-model.ts';
import { preparePerson } from '../persons/persons.service.ts';
import type { Tx } from '../../db/client.ts';
import { htcdsColumnLabels, pickHtcdsSheet } from './htcds-labels.ts';
import {
  findImport,
  type ImportedRecords,
  importedRowKeys,
  insertImport,
  insertImportedRecords,
  insertPersons,
  linkedToEarlier,
  lockImportingAgency,
  nextCaseReferences,
} from './htcds-import.repository.ts';
import { readUploadedTable } from './uploaded-table.ts';

/** The most issues an answer lists; the stored report (CSV) has them all. */
const ISSUES_SHOWN = 2_000;

/** Rows prepared between two looks at the register (one statement of candidates each). */
const SLICE = 5_000;

type PreparedPerson = ReturnType<typeof preparePerson>;

const probeOf = (p: PreparedPerson): BulkProbe => ({
  record: p.linkage,
  keys: p.row.linkageKeys ?? [],
  identityNumberIndex: p.row.identityNumberIndex ?? null,
});

/** A row of the file and its key (see `rowKeyOf`). */
interface KeyedRow {
  row: HtcdsImportRow;
  key: string;
}

/** Who imports: the user whose records they become, and her agency (the CLI names one). */
export interface Importer {
  actor: Actor;
  userId: string;
}

export interface ImportOptions {
  dryRun: boolean;
  agencyId?: string;
  locale: Locale;
}

/**
 * Takes in an HTCDS file (issue #14): every row checked first; good rows become persons and
 * cases of the agency, in one transaction with the row keys that make a re-import create
 * nothing; bad rows are reported, row by row, and stored encrypted with the import. Each new
 * person is linked like one entered on screen, so a victim already in the register is counted
 * once. The audit entry names the file by its SHA-256 and the counts, never a person.
 */
export function createHtcdsImportService(deps: AppDeps) {
  const { db, cipher, translator } = deps;
  const models = modelStoreFor(db);

  const rowKeyOf = (agencyId: string, row: HtcdsImportRow) => cipher.blindIndex(`htcds-row:${agencyId}:${row.canonical}`);

  function recordsOf(rows: KeyedRow[], refs: string[], importer: Importer, agencyId: string, importId: string, now: Date) {
    const persons: PreparedPerson[] = [];
    const records: ImportedRecords = { cases: [], actions: [], rows: [] };
    for (const [i, { row: r, key }] of rows.entries()) {
      const prepared = preparePerson(cipher, { ...r.person, clientId: randomUUID() }, { createdBy: importer.userId, ownerAgencyId: agencyId });
      persons.push(prepared);
      const caseId = randomUUID();
      const log: CaseAction[] = [{ type: 'opened' }];
      const decided = r.case.traffickingStatus !== 'PossibleVictimOfTrafficking';
      if (decided) log.push({ type: 'identification_decided', outcome: r.case.traffickingStatus as 'ActualVictimOfTrafficking', decidedBy: r.case.decidedBy });
      const state = deriveCaseState(log);
      records.cases.push({
        id: caseId,
        clientId: randomUUID(),
        reference: refs[i] as string,
        personId: prepared.row.id as string,
        regionCode: r.case.regionCode,
        exploitationTypes: r.case.exploitationTypes,
        status: state.status,
        traffickingStatus: state.traffickingStatus,
        createdBy: importer.userId,
        ownerAgencyId: agencyId,
        htcdsExtraEnc: Object.keys(r.extra).length ? cipher.encrypt(JSON.stringify(r.extra), fieldContext('cases', 'htcds_extra', caseId)) : null,
        createdAt: now,
      });
      const action = (seq: number, type: string, details: Record<string, string>) => ({
        id: randomUUID(),
        at: now,
        clientId: randomUUID(),
        caseId,
        seq,
        type,
        details: { ...details, htcdsImport: importId },
        actorId: importer.userId,
        agencyId,
      });
      records.actions.push(action(1, 'opened', {}));
      // The decision another organisation took, on the day it took it: the year rule counts it there.
      if (decided)
        records.actions.push(
          action(2, 'identification_decided', { outcome: r.case.traffickingStatus, decidedBy: r.case.decidedBy, occurredOn: r.case.statusDate }),
        );
      records.rows.push({ agencyId, rowKey: key, importId, personId: prepared.row.id as string, caseId });
    }
    return { persons, records };
  }

  /**
   * The new rows written and linked. Node and PostgreSQL take turns rather than wait for each
   * other: Node prepares a slice of persons (encryption, keyed indexes) while PostgreSQL looks
   * up the previous slice's candidates in the register, and scores the links while PostgreSQL
   * writes the persons.
   */
  async function takeIn(tx: Tx, fresh: KeyedRow[], who: { importer: Importer; agencyId: string; importId: string; now: Date }) {
    const refs = await nextCaseReferences(tx, kazakhstanYear(who.now), fresh.length);
    const model = await models.current(tx);
    const persons: PreparedPerson[] = [];
    const probes: BulkProbe[] = [];
    const records: ImportedRecords = { cases: [], actions: [], rows: [] };
    const register: RegisterHit[] = [];
    let lookup: Promise<RegisterHit[]> | undefined;
    for (let i = 0; i < fresh.length; i += SLICE) {
      const made = recordsOf(fresh.slice(i, i + SLICE), refs.slice(i, i + SLICE), who.importer, who.agencyId, who.importId, who.now);
      const sliceProbes = made.persons.map(probeOf);
      persons.push(...made.persons);
      probes.push(...sliceProbes);
      records.cases.push(...made.records.cases);
      records.actions.push(...made.records.actions);
      records.rows.push(...made.records.rows);
      if (lookup) for (const hit of await lookup) register.push(hit);
      // The register's candidates before any of the file's records is written: once written, they would crowd them out.
      lookup = registerCandidates(tx, sliceProbes);
      // The driver sends a query on the next turn of the event loop: give it that turn.
      await nextTurn();
    }
    // Up to ten hits a record: pushed one by one, a spread of 50,000 arguments could overflow the stack.
    if (lookup) for (const hit of await lookup) register.push(hit);
    const [, links] = await Promise.all([
      insertPersons(
        tx,
        persons.map((p) => ({ ...p.row, createdAt: who.now })),
      ),
      scoreInBulk(cipher, model, probes, register),
    ]);
    await recordBulkLinks(tx, cipher, model, links);
    const linked = await linkedToEarlier(
      tx,
      persons.map((p) => p.row.id as string),
    );
    return { records, linked };
  }

  const message = (locale: Locale, i: HtcdsRowIssue) => translator.t(locale, `validation.${i.code}`, { ...i.params, row: i.row, column: i.column });

  return {
    async import(importer: Importer, audit: AuditContext, bytes: Buffer, opts: ImportOptions): Promise<HtcdsImportResult> {
      const agencyId = opts.agencyId ?? importer.actor.agencyId;
      // Importing for another agency makes records that agency owns: national scope only.
      if (agencyId !== importer.actor.agencyId && scopeOf(importer.actor.role, 'htcds.import') !== 'national') throw new DomainError('forbidden');
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const { format, grid } = await readUploadedTable(bytes, pickHtcdsSheet);
      const now = deps.now();
      const importId = randomUUID();
      return db.transaction(async (tx) => {
        const agency = await lockImportingAgency(tx, agencyId);
        if (!agency || agency.disabled) throw new DomainError('validation_failed', [{ path: 'agencyId', code: 'not_found' }]);
        const table = parseHtcdsTable(grid, {
          today: kazakhstanDate(now),
          defaultRegion: agency.regionCode ?? undefined,
          labels: htcdsColumnLabels(translator),
        });
        if (!table.ok) throw new DomainError('validation_failed', [{ path: 'file', code: table.issue.code, params: table.issue.params }]);
        const rowKeys = table.rows.map((r) => rowKeyOf(agencyId, r));
        const known = await importedRowKeys(tx, agencyId, rowKeys);
        // A row already imported, or repeated in this file, makes nothing new.
        const fresh: KeyedRow[] = [];
        table.rows.forEach((row, i) => {
          const key = rowKeys[i] as string;
          if (known.has(key)) return;
          known.add(key);
          fresh.push({ row, key });
        });
        const rejectedRows = new Set(table.issues.map((i) => i.row)).size;
        let linked = 0;
        let records: ImportedRecords | undefined;
        if (!opts.dryRun && fresh.length) {
          const taken = await takeIn(tx, fresh, { importer, agencyId, importId, now });
          records = taken.records;
          linked = taken.linked;
        }
        const counts = {
          rowsRead: table.checkedRows,
          created: fresh.length,
          alreadyImported: table.rows.length - fresh.length,
          linked,
          rejected: rejectedRows,
        };
        await insertImport(tx, {
          id: importId,
          agencyId,
          userId: importer.userId,
          sha256,
          format,
          dryRun: opts.dryRun,
          ...counts,
          reportEnc: table.issues.length ? cipher.encrypt(JSON.stringify(table.issues), fieldContext('htcds_imports', 'report', importId)) : null,
          at: now,
        });
        if (records) await insertImportedRecords(tx, records);
        await appendAudit(tx, audit, {
          operation: opts.dryRun ? 'htcds.import_checked' : 'htcds.imported',
          recordType: 'htcds_import',
          recordId: importId,
          details: { sha256, format, agencyId, ...counts },
        });
        return {
          importId,
          dryRun: opts.dryRun,
          format,
          sha256,
          ...counts,
          unknownColumns: table.unknownColumns,
          issues: table.issues.slice(0, ISSUES_SHOWN).map((i) => ({ row: i.row, column: i.column, code: i.code, message: message(opts.locale, i) })),
          issuesTotal: table.issues.length,
        };
      });
    },

    /** The stored row report of an import, for its importer's agency (or nationally), issues translated. */
    async report(actor: Actor, importId: string, locale: Locale): Promise<{ row: number; column: string; code: string; message: string }[]> {
      const found = await findImport(db, importId);
      if (!found || (found.agencyId !== actor.agencyId && scopeOf(actor.role, 'htcds.import') !== 'national')) throw new DomainError('not_found');
      if (!found.reportEnc) return [];
      const issues = JSON.parse(cipher.decrypt(found.reportEnc, fieldContext('htcds_imports', 'report', importId))) as HtcdsRowIssue[];
      return issues.map((i) => ({ row: i.row, column: i.column, code: i.code, message: message(locale, i) }));
    },
  };
}

export type HtcdsImportService = ReturnType<typeof createHtcdsImportService>;
