import { fillPlaceholders, sql } from 'drizzle-orm';
import { scopeOf, type Actor, type LocalizedName, type Permission } from '@qorgau/core';
import { auditInsertCteOf, auditValues, type AuditContext, type AuditValues } from '../../audit/audit.repository.ts';
import { caseColumnsFor, scopeFacts, scopePredicateOf, scopeRank } from '../../auth/scope-filter.ts';
import type { Db } from '../../db/client.ts';
import { dialect, queryCompiled } from '../../db/prepared.ts';
import { agencies, caseActions, cases, persons, users } from '../../db/schema.ts';
import type { CaseSummaryRow, listCaseActions } from './cases.repository.ts';
import { agencyNameJson } from '../agencies/agency-name.ts';

type ActionRows = Awaited<ReturnType<typeof listCaseActions>>;

interface RawCase {
  id: string;
  client_id: string;
  reference: string;
  person_id: string;
  region_code: string;
  exploitation_types: string[];
  status: string;
  trafficking_status: string;
  created_by: string;
  creator_access_ended: boolean;
  identification_due: string | null;
  owner_agency_id: string;
  created_at: Date | string;
  updated_at: Date | string;
  pseudonym: string;
  first_name_enc: string;
  second_name_enc: string;
  middle_name_enc: string | null;
  owner_agency_name: LocalizedName;
  identity_visible: boolean;
  history_visible: boolean;
  can_act: boolean;
  assigned: boolean;
  actions: {
    id: string;
    seq: number;
    type: string;
    at: string;
    details: Record<string, string | string[]>;
    textEnc: string | null;
    actorName: string;
    agencyName: LocalizedName;
  }[];
}

const P = sql.placeholder;
/** Named parameters of the statement below: three scopes' ranks, the actor's facts, the case id and the audit entry. */
const scopeParams = (prefix: string) => ({
  rank: P(`${prefix}Rank`),
  userId: P('userId'),
  agencyId: P('agencyId'),
  national: P('national'),
  regions: P('regions'),
});

/**
 * Why compiled once: Drizzle assembling this statement's text took about a fifth of the
 * server's CPU per request (docs/benchmarks.md §6). The text is the same for every actor and
 * scope (scope-filter.ts), so it is built with placeholders on first use and only the values
 * are bound per request.
 */
let compiled: { sql: string; params: unknown[] } | null = null;
function readCaseStatement(): { sql: string; params: unknown[] } {
  if (compiled) return compiled;
  const cols = caseColumnsFor(P('userId'), P('agencyId'));
  const audit = Object.fromEntries(AUDIT_FIELDS.map((f) => [f, P(`audit_${f}`)])) as Parameters<typeof auditInsertCteOf>[0];
  compiled = dialect.sqlToQuery(sql`WITH c AS (
      SELECT ${cases.id}, ${cases.clientId}, ${cases.reference}, ${cases.personId}, ${cases.regionCode}, ${cases.exploitationTypes},
             ${cases.status}, ${cases.traffickingStatus}, ${cases.createdBy}, ${cases.creatorAccessEnded}, ${cases.ownerAgencyId}, ${cases.identificationDue}, ${cases.createdAt}, ${cases.updatedAt},
             ${persons.pseudonym}, ${persons.firstNameEnc}, ${persons.secondNameEnc}, ${persons.middleNameEnc}, ${agencyNameJson(agencies)} AS owner_agency_name,
             ${scopePredicateOf(scopeParams('identity'), caseColumnsFor(P('userId'), P('agencyId'), 'identity'))} AS identity_visible,
             ${scopePredicateOf(scopeParams('read'), caseColumnsFor(P('userId'), P('agencyId'), 'case_history'))} AS history_visible,
             ${scopePredicateOf(scopeParams('act'), cols)} AS can_act,
             ${cols.assigned} AS assigned
        FROM ${cases}
        JOIN ${persons} ON ${persons.id} = ${cases.personId}
        JOIN ${agencies} ON ${agencies.id} = ${cases.ownerAgencyId}
       WHERE ${cases.id} = ${P('caseId')}::uuid AND ${scopePredicateOf(scopeParams('read'), cols)}
    ), ${auditInsertCteOf(audit, sql`EXISTS (SELECT 1 FROM c)`)}
    SELECT c.*, COALESCE((
      SELECT json_agg(json_build_object('id', ca.id, 'seq', ca.seq, 'type', ca.type, 'at', ca.at, 'details', ca.details,
                                        'textEnc', ca.text_enc, 'actorName', u.display_name, 'agencyName', json_build_object('kk', ag.name_kk, 'ru', ag.name_ru, 'en', ag.name_en)) ORDER BY ca.seq)
        FROM ${caseActions} ca JOIN ${users} u ON u.id = ca.actor_id JOIN ${agencies} ag ON ag.id = ca.agency_id
       WHERE ca.case_id = c.id), '[]'::json) AS actions
      FROM c`);
  return compiled;
}

const AUDIT_FIELDS = [
  'at',
  'operation',
  'outcome',
  'actorId',
  'actorUsername',
  'actorRole',
  'agencyId',
  'recordType',
  'recordId',
  'ip',
  'details',
] as const satisfies readonly (keyof AuditValues)[];

/**
 * The most frequent request (opening a case) in one prepared statement: the scoped case with
 * its person and agency, its history as JSON, and the audit entry, written only when the case
 * was visible. One round trip, autocommit. Same result and audit as the general path.
 */
export async function readCaseAudited(db: Db, actor: Actor, id: string, audit: AuditContext): Promise<{ row: CaseSummaryRow; actions: ActionRows } | null> {
  const statement = readCaseStatement();
  const rankOf = (permission: Permission) => scopeRank(scopeOf(actor.role, permission));
  const values: Record<string, unknown> = {
    caseId: id,
    ...scopeFacts(actor),
    identityRank: rankOf('person.read_identity'),
    actRank: rankOf('case.act'),
    readRank: rankOf('case.read'),
  };
  for (const [k, v] of Object.entries(auditValues(audit, { operation: 'case.read', recordType: 'case', recordId: id }))) values[`audit_${k}`] = v;
  const [r] = await queryCompiled<RawCase>(db, statement.sql, fillPlaceholders(statement.params, values));
  if (!r) return null;
  const person = {
    id: r.person_id,
    pseudonym: r.pseudonym,
    firstNameEnc: r.first_name_enc,
    secondNameEnc: r.second_name_enc,
    middleNameEnc: r.middle_name_enc,
  };
  return {
    row: {
      case: {
        id: r.id,
        clientId: r.client_id,
        reference: r.reference,
        personId: r.person_id,
        regionCode: r.region_code,
        exploitationTypes: r.exploitation_types,
        status: r.status,
        traffickingStatus: r.trafficking_status,
        createdBy: r.created_by,
        creatorAccessEnded: r.creator_access_ended,
        identificationDue: r.identification_due,
        ownerAgencyId: r.owner_agency_id,
        createdAt: new Date(r.created_at),
        updatedAt: new Date(r.updated_at),
      },
      pseudonym: r.pseudonym,
      person: person as CaseSummaryRow['person'],
      ownerAgencyName: r.owner_agency_name,
      identityVisible: r.identity_visible,
      historyVisible: r.history_visible,
      canAct: r.can_act,
      assigned: r.assigned,
    },
    actions: r.actions.map((a) => ({
      action: {
        id: a.id,
        clientId: '',
        caseId: r.id,
        seq: a.seq,
        type: a.type,
        details: a.details,
        textEnc: a.textEnc,
        actorId: '',
        agencyId: '',
        at: new Date(a.at),
        // Not read here: the history shows details.occurredOn (the statistics read the column).
        occurredOn: null,
      },
      actorName: a.actorName,
      agencyName: a.agencyName,
    })),
  };
}
