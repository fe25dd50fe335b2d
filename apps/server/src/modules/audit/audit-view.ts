import {
  AUDIT_OPERATIONS,
  AUDIT_OUTCOMES,
  canAccessRecord,
  hasPermission,
  type Actor,
  type AuditEntry,
  type AuditFact,
  type AuditRecordRef,
} from '@qorgau/core';
import type { StoredAuditEntry } from '../../audit/audit.repository.ts';
import { refKey, RESOLVABLE, type RefRow, type Resolvable } from './audit-refs.repository.ts';

/**
 * Turns stored entries into what an auditor reads: the actor's display name, the record as a
 * reference she may follow only where her own access reaches, and the details as labelled,
 * typed facts with every id resolved (lists of ids are counted, never listed). Pure: the
 * references come from one batched query (audit-refs.repository.ts).
 */

type Details = Record<string, unknown>;
type RefOf = (type: string, id: string) => AuditRecordRef;

/** Detail keys that hold one record's id, and the kind of record. */
const RECORD_KEYS: Record<string, Resolvable | 'link_proposal'> = {
  personId: 'person',
  other: 'person',
  caseId: 'case',
  toAgencyId: 'agency',
  userId: 'user',
  screeningId: 'screening',
  proposal: 'link_proposal',
};
/** Lists of record ids (what a list or search showed): only their number is shown. */
const COUNT_KEYS = new Set(['shown', 'linked', 'ids']);
const NUMBER_KEYS = new Set(['total', 'pairsScored', 'proposals', 'clusters', 'persons', 'reencrypted', 'transfers', 'page', 'days', 'status', 'start']);
const FLAG_KEYS = new Set(['identity', 'anonymous', 'matching', 'searched', 'newAccount', 'reset']);
const TEXT_KEYS = new Set(['version', 'activeKey', 'seed']);
/** Field names of an account or agency change, each with a label (auditLog.field.<name>). */
const FIELD_NAMES = new Set(['displayName', 'role', 'agencyId', 'jurisdiction', 'disabled', 'name', 'names', 'type', 'regionCode', 'capacity', 'occupancy']);
const STAGES = new Set(['active', 'enroll_totp', 'change_password']);

/** The i18n group a coded value is translated with, by key and, where a key means two things, by operation. */
function codeGroup(op: string, key: string): string | null {
  switch (key) {
    case 'role':
      return 'roles';
    case 'type':
      return op === 'case.action_appended' ? 'caseAction' : null;
    case 'outcome':
      return op === 'case.action_appended' ? 'traffickingStatus' : null;
    case 'decidedBy':
      return 'decisionOrg';
    case 'kind':
      return 'reviewKind';
    case 'decision':
      return op === 'case.action_appended' ? 'nonPunishmentDecision' : 'linkage.decision';
    case 'level':
      return 'screeningLevel';
    case 'reporter':
      return 'selfReports.reporter';
    case 'language':
      return 'screeningLanguage';
    case 'verification':
      return 'auditLog.verification';
    case 'reason':
      return op === 'auth.sign_in' ? 'errors' : 'auditLog.reason';
    case 'stage':
      return 'auditLog.stage';
    case 'view':
      return 'auditLog.view';
    case 'from':
    case 'to':
      return op === 'self_report.status_changed' ? 'selfReports.status' : null;
    default:
      return null;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isResolvable = (t: string): t is Resolvable => (RESOLVABLE as readonly string[]).includes(t);

/** The filter an `audit.read` entry records, as its own facts. */
function filterFacts(filter: Details, ref: RefOf, rows: Map<string, RefRow>): AuditFact[] {
  const facts: AuditFact[] = [];
  const op = filter.operation;
  if (typeof op === 'string' && (AUDIT_OPERATIONS as readonly string[]).includes(op))
    facts.push({ key: 'operation', kind: 'codes', group: 'audit.operation', codes: [op] });
  const outcome = filter.outcome;
  if (typeof outcome === 'string' && (AUDIT_OUTCOMES as readonly string[]).includes(outcome))
    facts.push({ key: 'outcome', kind: 'codes', group: 'audit.outcome', codes: [outcome] });
  if (typeof filter.actorId === 'string' && UUID.test(filter.actorId)) facts.push({ key: 'actor', kind: 'record', record: ref('user', filter.actorId) });
  if (typeof filter.recordId === 'string') {
    const id = filter.recordId;
    const type = RESOLVABLE.find((t) => rows.has(refKey(t, id)));
    if (type) facts.push({ key: 'recordId', kind: 'record', record: ref(type, id) });
    // What the reader typed is shown as typed unless it is a bare id that names nothing.
    else if (!UUID.test(filter.recordId)) facts.push({ key: 'recordId', kind: 'text', value: filter.recordId });
  }
  for (const key of ['from', 'to'] as const) {
    const v = filter[key];
    if (typeof v === 'string' && ISO_DATE.test(v)) facts.push({ key, kind: 'date', value: v });
  }
  return facts;
}

/** Labelled facts of one entry's details; keys it does not know are left out (they stay in `details`). */
export function factsOf(op: string, details: Details, ref: RefOf, rows: Map<string, RefRow>): AuditFact[] {
  const facts: AuditFact[] = [];
  for (const [key, value] of Object.entries(details)) {
    if (value === null || value === undefined) continue;
    if (key === 'filter' && typeof value === 'object' && !Array.isArray(value)) {
      facts.push(...filterFacts(value as Details, ref, rows));
      continue;
    }
    const recordType = RECORD_KEYS[key];
    if (recordType && typeof value === 'string') {
      facts.push({ key, kind: 'record', record: ref(recordType, value) });
      continue;
    }
    if (COUNT_KEYS.has(key) && Array.isArray(value)) {
      facts.push({ key, kind: 'count', value: value.length });
      continue;
    }
    if (NUMBER_KEYS.has(key) && typeof value === 'number') {
      facts.push({ key, kind: 'number', value });
      continue;
    }
    if (FLAG_KEYS.has(key) && typeof value === 'boolean') {
      facts.push({ key, kind: 'flag', value });
      continue;
    }
    if (TEXT_KEYS.has(key) && (typeof value === 'string' || typeof value === 'number')) {
      facts.push({ key, kind: 'text', value: String(value) });
      continue;
    }
    if (key === 'regionCode' && typeof value === 'string') {
      facts.push({ key, kind: 'region', value });
      continue;
    }
    if ((key === 'from' || key === 'to') && typeof value === 'string' && ISO_DATE.test(value)) {
      facts.push({ key, kind: 'date', value });
      continue;
    }
    if (key === 'fields' && Array.isArray(value)) {
      const codes = value.filter((f): f is string => typeof f === 'string' && FIELD_NAMES.has(f));
      if (codes.length) facts.push({ key, kind: 'codes', group: 'auditLog.field', codes });
      continue;
    }
    // A sign-in that went straight through needs no stage; one sent to set up 2FA or a password first does.
    if (key === 'stage' && (typeof value !== 'string' || !STAGES.has(value) || value === 'active')) continue;
    const group = codeGroup(op, key);
    const codes = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && /^[A-Za-z][\w.-]{0,63}$/.test(v));
    if (group && codes.length) facts.push({ key, kind: 'codes', group, codes });
  }
  // An access refusal's request, as one fact ("GET /cases/:id"): the route pattern, never the ids in it.
  if (op === 'access.denied' && typeof details.method === 'string' && typeof details.route === 'string')
    facts.unshift({ key: 'request', kind: 'text', value: `${details.method} ${details.route}` });
  return facts;
}

/**
 * Whether the reader may open a record, by the same rules that opening it applies (core
 * permissions and record-level policy). Screenings, self-reports and proposed pairs are only
 * ever linked for roles that hold their permission nationally or made the record themselves;
 * a link the reader could not follow would itself say the record exists.
 */
export function linkableFor(reader: Actor, row: RefRow): boolean {
  if (row.type === 'user' || row.type === 'grant') return hasPermission(reader.role, 'user.manage');
  if (row.type === 'agency') return hasPermission(reader.role, 'agency.manage');
  if (row.type === 'provider') return hasPermission(reader.role, 'provider.read');
  const facts = {
    createdBy: row.createdBy ?? '',
    ownerAgencyId: row.ownerAgencyId ?? '',
    regionCode: row.regionCode,
    assignedUserIds: row.assignedUserIds,
    creatorAccessEnded: row.creatorAccessEnded,
  };
  switch (row.type) {
    case 'case':
      return canAccessRecord(reader, 'case.read', facts);
    case 'person':
      return canAccessRecord(reader, 'person.read', facts);
    case 'protection_case':
      return canAccessRecord(reader, 'protection.read', facts);
    case 'screening':
      return hasPermission(reader.role, 'case.create') && row.createdBy === reader.userId && !row.creatorAccessEnded;
    default:
      return false;
  }
}

/** The records a page of entries names, by kind: for one batched lookup. */
export function refsWanted(entries: StoredAuditEntry[]): Map<Resolvable, Set<string>> {
  const wanted = new Map<Resolvable, Set<string>>();
  const want = (type: string, id: unknown) => {
    if (!isResolvable(type) || typeof id !== 'string' || !UUID.test(id)) return;
    const set = wanted.get(type) ?? new Set<string>();
    set.add(id);
    wanted.set(type, set);
  };
  for (const e of entries) {
    if (e.actorId) want('user', e.actorId);
    if (e.recordType && e.recordId) want(e.recordType, e.recordId);
    for (const [key, value] of Object.entries(e.details)) {
      const type = RECORD_KEYS[key];
      if (type) want(type, value);
      if (key === 'filter' && value && typeof value === 'object') {
        const f = value as Details;
        want('user', f.actorId);
        // A record id typed into the filter may be of any kind.
        for (const type of RESOLVABLE) want(type, f.recordId);
      }
    }
  }
  return wanted;
}

export function presentEntries(entries: StoredAuditEntry[], rows: Map<string, RefRow>, reader: Actor): AuditEntry[] {
  const ref = (type: string, id: string): AuditRecordRef => {
    const row = rows.get(refKey(type, id));
    return { type, id, reference: row?.reference ?? null, names: row?.names ?? null, linkable: row !== undefined && linkableFor(reader, row) };
  };
  return entries.map((e) => ({
    ...e,
    actorName: e.actorId ? (rows.get(refKey('user', e.actorId))?.reference ?? null) : null,
    record: e.recordType && e.recordId ? ref(e.recordType, e.recordId) : null,
    facts: factsOf(e.operation, e.details, ref, rows),
  }));
}
