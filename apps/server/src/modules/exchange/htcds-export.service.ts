import { type Actor, HTCDS_COLUMNS, type HtcdsExportQuery, type HtcdsValue } from '@qorgau/core';
import { sql } from 'drizzle-orm';
import type { AppDeps } from '../../app-deps.ts';
import { type AuditContext, appendAudit } from '../../audit/audit.repository.ts';
import { fieldContext } from '../../crypto/field-cipher.ts';
import { rowsOf } from '../../db/client.ts';
import type { Locale } from '../../http/i18n.ts';
import { type TableValue, tableToCsv, tableToXlsx } from '../../util/safe-table-file.ts';
import { identityScope, personScope } from '../persons/persons.repository.ts';

interface ExportRow {
  case_id: string;
  reference: string;
  region_code: string;
  exploitation_types: string[];
  trafficking_status: string;
  htcds_extra_enc: string | null;
  decided_by: string | null;
  decided_on: string | null;
  person_id: string;
  pseudonym: string;
  gender: string;
  citizenship: string;
  first_name_enc: string;
  second_name_enc: string;
  middle_name_enc: string | null;
  birthdate_enc: string | null;
  identity_document_type: string | null;
  identity_number_enc: string | null;
  mobile_phone_enc: string | null;
  address_enc: string | null;
  identity_visible: boolean;
  contact_visible: boolean;
}

/**
 * Columns that can name or reach a person: written only where she may see the person's identity
 * (contact columns: where she may see contacts). Free text is among them: a referral's details
 * or a location can name anyone. Picklists, dates of process, citizenship and gender are not.
 */
const CONTACT = new Set(['prs_MobilePhone', 'prs_MailingStreet', 'prs_Email', 'prs_HomePhone', 'prs_MailingCity', 'prs_MailingState', 'prs_MailingPostalCode']);
const IDENTIFYING = new Set([...HTCDS_COLUMNS.filter((c) => c.kind.type === 'text').map((c) => c.code), 'prs_Birthdate']);

/** The columns of an export: HTCDS's, then the case reference and pseudonym by which a reader without names knows the record. */
export const EXPORT_COLUMNS = [...HTCDS_COLUMNS.map((c) => c.code), 'qrg_CaseReference', 'qrg_Pseudonym'];

const cellOf = (v: HtcdsValue | undefined | null): TableValue => {
  if (v === undefined || v === null) return null;
  if (Array.isArray(v)) return v.length ? v.join('; ') : null;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v;
};

/**
 * An HTCDS export of a year (issue #14): the cases whose status was decided in the year, or,
 * undecided, opened in it; persons in her `htcds.export` scope; names and contacts only where
 * she may see them. Two header rows as the official template has them: HTCDS codes, then the
 * headings in her language. Audited with the count and whether any name left.
 */
export function createHtcdsExportService(deps: AppDeps) {
  const { db, cipher, translator } = deps;

  async function rows(actor: Actor, year: number): Promise<ExportRow[]> {
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    return rowsOf<ExportRow>(
      await db.execute(sql`
        SELECT cases.id AS case_id, cases.reference, cases.region_code, cases.exploitation_types, cases.trafficking_status, cases.htcds_extra_enc,
          d.details->>'decidedBy' AS decided_by, d.occurred_on AS decided_on,
          persons.id AS person_id, persons.pseudonym, persons.gender, persons.citizenship, persons.first_name_enc, persons.second_name_enc,
          persons.middle_name_enc, persons.birthdate_enc, persons.identity_document_type, persons.identity_number_enc, persons.mobile_phone_enc,
          persons.address_enc,
          ${identityScope(actor, 'identity')} AS identity_visible, ${identityScope(actor, 'contact')} AS contact_visible
        FROM cases
        JOIN persons ON persons.id = cases.person_id
        LEFT JOIN LATERAL (
          SELECT a.details, a.occurred_on FROM case_actions a
          WHERE a.case_id = cases.id AND a.type IN ('identification_decided', 'identification_reviewed')
          ORDER BY a.seq DESC LIMIT 1) d ON true
        WHERE ${personScope(actor, 'htcds.export')}
          AND coalesce(d.occurred_on, to_char(timezone(interval '5 hours', cases.created_at), 'YYYY-MM-DD')) BETWEEN ${from} AND ${to}
        ORDER BY cases.reference`),
    );
  }

  function valuesOf(r: ExportRow): Map<string, HtcdsValue | null> {
    // What she may not see is never decrypted: a hidden column is not even read into memory.
    const dec = (v: string | null, column: string, visible = r.identity_visible) =>
      v === null || !visible ? null : cipher.decrypt(v, fieldContext('persons', column, r.person_id));
    const extra = r.htcds_extra_enc
      ? (JSON.parse(cipher.decrypt(r.htcds_extra_enc, fieldContext('cases', 'htcds_extra', r.case_id))) as Record<string, HtcdsValue>)
      : {};
    const v = new Map<string, HtcdsValue | null>(Object.entries(extra));
    v.set('prs_FirstName', dec(r.first_name_enc, 'first_name'));
    v.set('prs_SecondName', dec(r.second_name_enc, 'second_name'));
    v.set('prs_MiddleName', dec(r.middle_name_enc, 'middle_name'));
    v.set('prs_Birthdate', dec(r.birthdate_enc, 'birthdate'));
    v.set('prs_IdentityNumber', dec(r.identity_number_enc, 'identity_number'));
    v.set('prs_MobilePhone', dec(r.mobile_phone_enc, 'mobile_phone', r.contact_visible));
    v.set('prs_MailingStreet', dec(r.address_enc, 'address', r.contact_visible));
    v.set('qrg_IdentityDocumentType', r.identity_document_type);
    v.set('prs_Gender', r.gender);
    v.set('prs_Citizenship', r.citizenship);
    v.set('vic_TraffickingStatus', r.trafficking_status);
    v.set('vic_TraffickingStatusDecisionMakingOrg', r.decided_by);
    v.set('vic_TypeOfExploitation', r.exploitation_types);
    v.set('qrg_RegionIso3166_2', r.region_code);
    v.set('qrg_TraffickingStatusDate', r.decided_on);
    v.set('qrg_CaseReference', r.reference);
    v.set('qrg_Pseudonym', r.pseudonym);
    // The fields an import kept (free text among them) are blanked the same way, before any cell is written.
    for (const code of v.keys()) {
      if (CONTACT.has(code) && !r.contact_visible) v.set(code, null);
      else if (IDENTIFYING.has(code) && !CONTACT.has(code) && !r.identity_visible) v.set(code, null);
    }
    return v;
  }

  return {
    async export(actor: Actor, audit: AuditContext, q: HtcdsExportQuery & { locale?: Locale }) {
      const found = await rows(actor, q.year);
      const lang = q.lang as Locale;
      const table = {
        // The template's shape: codes first, then headings; the safe writer's code row follows the labels, so they are swapped here.
        columns: EXPORT_COLUMNS.map((code) => ({ label: code, code: translator.t(lang, `htcds.column.${code}`) })),
        withCodeRow: true,
        sheetName: 'Case Sheet',
        rows: found.map((r) => {
          const v = valuesOf(r);
          return EXPORT_COLUMNS.map((code) => cellOf(v.get(code)));
        }),
      };
      const body = q.format === 'csv' ? tableToCsv(table) : await tableToXlsx(table);
      const withNames = found.some((r) => r.identity_visible);
      await appendAudit(db, audit, {
        operation: 'htcds.exported',
        recordType: 'htcds_import',
        details: { year: q.year, format: q.format, rows: found.length, withNames, lang },
      });
      return {
        body,
        filename: `htcds-${q.year}.${q.format}`,
        contentType: q.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        rows: found.length,
      };
    },
  };
}
