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
import { type NewVictim, storeNewVictimsEntitlements } from '../entitlements/entitlements.service.ts';
import { modelStoreFor } from '../linkage/linkage-model.ts';
import { type NewPersonInput, type PersonIndexes, personIndexes, sealPerson } from '../persons/persons.service.ts';
import { runBulkInserts } from '../../db/bulk-insert.ts';
import type { Tx } from '../../db/client.ts';
import { statementQueue } from '../../db/statement-queue.ts';
import { htcdsColumnLabels, pickHtcdsSheet } from './htcds-labels.ts';
import {
  findImport,
  type ImportedSlice,
  importedRowKeys,
  insertImport,
  importedSliceInserts,
  linkedToEarlier,
  lockImportingAgency,
  nextCaseReferences,
  setImportLinked,
} from './htcds-import.repository.ts';
import { readUploadedTable } from './uploaded-table.ts';

/** The most issues an answer lists; the stored report (CSV) has them all. */
const ISSUES_SHOWN = 2_000;

/**
 * Rows a statement of register candidates and a statement of writes take (one slice): large
 * enough that a statement's fixed costs (planning, triggers run once per statement) vanish,
 * small enough that Node has the next slice ready before PostgreSQL has written this one.
 */
const SLICE_ROWS = 5_000;
/** Rows made ready between two turns of the event loop, so the queued statements are sent on time. */
const ROWS_PER_TURN = 500;

/** A row of the file and its key (see `rowKeyOf`). */
interface KeyedRow {
  row: HtcdsImportRow;
  key: string;
}

/** A new row with its person's id and indexes: enough to look her up in the register. */
interface Newcomer extends KeyedRow {
  id: string;
  input: NewPersonInput;
  indexes: PersonIndexes;
}

const probeOf = (n: Newcomer): BulkProbe => ({
  record: n.indexes.linkage,
  keys: n.indexes.columns.linkageKeys,
  identityNumberIndex: n.indexes.columns.identityNumberIndex,
});

/** Who imports: the user whose records they become, and her agency (the CLI names one). */
export interface Importer {
  actor: Actor;
  userId: string;
}

/** One import: who takes the file in, for which agency, under which id, when. */
interface Intake {
  importer: Importer;
  agencyId: string;
  importId: string;
  now: Date;
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
export function createHtcdsImportService(deps: AppDeps, opts: { sliceRows?: number } = {}) {
  const { db, cipher, translator } = deps;
  const sliceRows = opts.sliceRows ?? SLICE_ROWS;
  const models = modelStoreFor(db);

  const rowKeyOf = (agencyId: string, row: HtcdsImportRow) => cipher.blindIndex(`htcds-row:${agencyId}:${row.canonical}`);

  /**
   * A slice's records: persons sealed (encrypted), cases with their row keys, and the cases'
   * actions. The identified victims among them are added to `victims` (their entitlements).
   */
  async function sliceOf(part: Newcomer[], refs: string[], who: Intake, victims: NewVictim[]): Promise<ImportedSlice> {
    const slice: ImportedSlice = { persons: [], cases: [], actions: [] };
    const owner = { createdBy: who.importer.userId, ownerAgencyId: who.agencyId };
    for (const [i, n] of part.entries()) {
      if (i % ROWS_PER_TURN === ROWS_PER_TURN - 1) await nextTurn();
      const r = n.row;
      slice.persons.push({ ...sealPerson(cipher, n.input, owner, n.id, n.indexes), createdAt: who.now });
      const caseId = randomUUID();
      const log: CaseAction[] = [{ type: 'opened' }];
      const decided = r.case.traffickingStatus !== 'PossibleVictimOfTrafficking';
      if (decided) log.push({ type: 'identification_decided', outcome: r.case.traffickingStatus as 'ActualVictimOfTrafficking', decidedBy: r.case.decidedBy });
      const state = deriveCaseState(log);
      slice.cases.push({
        id: caseId,
        clientId: randomUUID(),
        reference: refs[i] as string,
        personId: n.id,
        regionCode: r.case.regionCode,
        exploitationTypes: r.case.exploitationTypes,
        status: state.status,
        traffickingStatus: state.traffickingStatus,
        createdBy: who.importer.userId,
        ownerAgencyId: who.agencyId,
        htcdsRowKey: n.key,
        htcdsExtraEnc: Object.keys(r.extra).length ? cipher.encrypt(JSON.stringify(r.extra), fieldContext('cases', 'htcds_extra', caseId)) : null,
        createdAt: who.now,
      });
      const action = (seq: number, type: string, details: Record<string, string>) => ({
        id: randomUUID(),
        at: who.now,
        clientId: randomUUID(),
        caseId,
        seq,
        type,
        details: { ...details, htcdsImport: who.importId },
        actorId: who.importer.userId,
        agencyId: who.agencyId,
      });
      slice.actions.push(action(1, 'opened', {}));
      // The decision another organisation took, on the day it took it: the year rule counts it there.
      if (decided)
        slice.actions.push(
          action(2, 'identification_decided', { outcome: r.case.traffickingStatus, decidedBy: r.case.decidedBy, occurredOn: r.case.statusDate }),
        );
      if (state.traffickingStatus === 'ActualVictimOfTrafficking')
        victims.push({ personId: n.id, caseId, citizenship: n.input.citizenship, identifiedOn: r.case.statusDate });
    }
    return slice;
  }

  /**
   * Each new row's indexes, and the register's candidates for them, a slice a statement while
   * Node indexes the next one. All before any of the file's records is written: once written,
   * they would crowd the register out of each other's candidates.
   */
  async function lookUp(tx: Tx, fresh: KeyedRow[]) {
    const newcomers: Newcomer[] = [];
    const queue = statementQueue();
    const register: RegisterHit[] = [];
    for (let i = 0; i < fresh.length; i += sliceRows) {
      const part: Newcomer[] = [];
      for (const [j, k] of fresh.slice(i, i + sliceRows).entries()) {
        if (j % ROWS_PER_TURN === ROWS_PER_TURN - 1) await nextTurn();
        const id = randomUUID();
        const input = { ...k.row.person, clientId: randomUUID() };
        part.push({ ...k, id, input, indexes: personIndexes(cipher, input, id) });
      }
      newcomers.push(...part);
      // Up to ten hits a record: pushed one by one, a spread of 50,000 arguments could overflow the stack.
      queue.push(async () => {
        for (const hit of await registerCandidates(tx, part.map(probeOf))) register.push(hit);
      });
    }
    await queue.drain();
    return { newcomers, register };
  }

  /**
   * The new rows written and linked. Node and PostgreSQL work side by side: PostgreSQL looks
   * up one slice's candidates while Node indexes the next; then writes one slice (persons,
   * cases, actions) while Node encrypts the next and scores the links; then the links
   * are written and clustered. One transaction throughout: a failed statement skips the rest
   * and rolls everything back.
   */
  async function takeIn(tx: Tx, fresh: KeyedRow[], who: Intake): Promise<number> {
    const refs = await nextCaseReferences(tx, kazakhstanYear(who.now), fresh.length);
    const model = await models.current(tx);
    const { newcomers, register } = await lookUp(tx, fresh);
    const writes = statementQueue();
    // Scoring needs no database: Node scores while PostgreSQL writes. Its failure is awaited
    // with the writes below, never left unhandled while the loop waits on PostgreSQL.
    const scoring = scoreInBulk(cipher, model, newcomers.map(probeOf), register);
    scoring.catch(() => undefined);
    const sent: Promise<void>[] = [];
    const victims: NewVictim[] = [];
    for (let i = 0; i < newcomers.length && !writes.failed; i += sliceRows) {
      // At most two slices ahead of PostgreSQL: a large file's statements are never all held at once.
      await sent[sent.length - 2];
      const statements = importedSliceInserts(await sliceOf(newcomers.slice(i, i + sliceRows), refs.slice(i, i + sliceRows), who, victims));
      sent.push(writes.push(() => runBulkInserts(tx, statements)));
    }
    const [, links] = await Promise.all([writes.drain(), scoring]);
    await storeNewVictimsEntitlements(tx, { now: () => who.now }, victims, kazakhstanDate(who.now));
    // The file's records are in memory: the re-clustering does not read them back.
    await recordBulkLinks(tx, { cipher, model, written: new Map(newcomers.map((n) => [n.id, n.indexes.linkage])) }, links);
    return linkedToEarlier(
      tx,
      newcomers.map((n) => n.id),
    );
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
        const known = await importedRowKeys(tx, rowKeys);
        // A row already imported, or repeated in this file, makes nothing new.
        const fresh: KeyedRow[] = [];
        table.rows.forEach((row, i) => {
          const key = rowKeys[i] as string;
          if (known.has(key)) return;
          known.add(key);
          fresh.push({ row, key });
        });
        const rejectedRows = new Set(table.issues.map((i) => i.row)).size;
        const counts = {
          rowsRead: table.checkedRows,
          created: fresh.length,
          alreadyImported: table.rows.length - fresh.length,
          linked: 0,
          rejected: rejectedRows,
        };
        // The import's row first, as its records' actions name it; its linked count follows the linkage.
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
        if (!opts.dryRun && fresh.length) {
          counts.linked = await takeIn(tx, fresh, { importer, agencyId, importId, now });
          if (counts.linked) await setImportLinked(tx, importId, counts.linked);
        }
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
