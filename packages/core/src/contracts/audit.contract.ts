import { z } from 'zod';
import { ROLES } from '../access/index.ts';
import { PageQuery, pageOf } from './common.contract.ts';
import { isoDate, text } from './primitives.ts';

/**
 * Typed audit operations: one per thing that happens, never free text. Reads of personal
 * data are operations too (`person.read`, `case.read`, `person.search`).
 */
export const AUDIT_OPERATIONS = [
  'auth.sign_in',
  'auth.sign_out',
  'auth.totp_enrolled',
  'auth.password_changed',
  'user.created',
  'user.updated',
  'user.password_reset',
  /** Four eyes (issue #8): an account or a wider role/jurisdiction asked for, then approved or rejected by a second person. */
  'grant.requested',
  'grant.approved',
  'grant.rejected',
  'agency.created',
  'agency.updated',
  /** The provider directory (issue #10): an entry added, or changed (details: the fields; occupancy and capacity with their values). */
  'provider.created',
  'provider.updated',
  /** Funding and the recommendations tracker (issue #13): a year's rate set (old and new), an allocation entered (amount, region), a recommendation's status set (year, status). */
  'funding.rate_set',
  'funding.allocation_created',
  'recommendation.status_set',
  'person.created',
  'person.read',
  'person.search',
  'person.match_decided',
  'person.link_decided',
  'person.link_proposals_read',
  'linkage.run_started',
  'linkage.run_finished',
  'case.created',
  'case.read',
  'case.list',
  'case.action_appended',
  'audit.read',
  /** A signed-in caller refused (403), or sent to "not found" for a record that exists out of scope. */
  'access.denied',
  'keys.rotated',
  'system.seeded',
  'reference.updated',
  'screening.created',
  'screening.read',
  'screening.handed_over',
  'self_report.received',
  'self_report.read',
  'self_report.list',
  'self_report.status_changed',
  /** Entitlements (issue #10): a person's entitlements viewed; a payer or an extension recorded on one (kind and type in the details). */
  'entitlement.read',
  'entitlement.acted',
  /** Referrals and consents (issue #10): override of consent is `referral.created` with `override: true`. */
  'consent.recorded',
  'consent.withdrawn',
  'consent.list',
  'referral.created',
  'referral.read',
  'referral.list',
  'referral.action_appended',
  'referral.escalated',
  /** Documents (issue #10): attachments stored, listed and opened; PDFs generated from a record (rights sheet, referral letter). */
  'attachment.uploaded',
  'attachment.list',
  'attachment.read',
  'document.generated',
  /** Protection cases (issue #10): opened, viewed, listed, and every action on one (its type in the details). */
  'protection.opened',
  'protection.read',
  'protection.list',
  'protection.acted',
  /**
   * Justice and redress (issue #11): a criminal case registered, viewed (with `names: true` in the
   * details when suspects' names were shown), listed, acted on (the action in the details); a
   * person's proceedings and redress viewed; an action on her redress.
   */
  'criminal_case.registered',
  'criminal_case.read',
  'criminal_case.list',
  'criminal_case.acted',
  'proceedings.read',
  'redress.read',
  'redress.acted',
  /** Official figures of years before the register (issue #13 item 7): one set or deleted (old and new value), a file imported (its SHA-256, rows). */
  'official_figure.set',
  'official_figure.deleted',
  'official_figure.imported',
  /**
   * National statistics (issue #13): the records behind a figure listed (pseudonyms, ids in the
   * details); the annual report generated (year, edition, language, format).
   */
  'statistics.records_listed',
  'statistics.report_generated',
  /**
   * Data exchange (issue #14): an HTCDS file taken in, or checked on a dry run (its SHA-256,
   * agency and counts; never a person); an HTCDS export (year, format, rows, whether names were in it).
   */
  'htcds.imported',
  'htcds.import_checked',
  'htcds.exported',
  /**
   * Field devices (issue #14): a device key created or revoked (its label; never the key), and a
   * screening received from a field app over OpenRosa (form version, instance id, the indicators
   * an outdated version asked that the lists in force do not hold).
   */
  'device_key.created',
  'device_key.revoked',
  'screening.submitted_from_device',
  /**
   * The k-anonymous open dataset published (issue #14 item 5): years, format, records in, out
   * and suppressed, the k reached; never a person.
   */
  'open_dataset.published',
] as const;
export type AuditOperation = (typeof AUDIT_OPERATIONS)[number];
export const AUDIT_OUTCOMES = ['success', 'denied', 'failed'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** Kinds of record an entry can name; anything else is shown as a record of unknown kind. */
export const AUDIT_RECORD_TYPES = [
  'htcds_import',
  'device_key',
  'person',
  'case',
  'screening',
  'self_report',
  'user',
  'agency',
  'provider',
  'exchange_rate',
  'funding_allocation',
  'recommendation',
  'grant',
  'link_proposal',
  'linkage_run',
  'indicator_list',
  'rules',
  'working_calendar',
  'entitlement_rules',
  'criminal_articles',
  'referral',
  'consent',
  'referral_rules',
  'protection_case',
  'criminal_case',
  'official_figure',
] as const;
export type AuditRecordType = (typeof AUDIT_RECORD_TYPES)[number];

/**
 * A record an entry names, as a reader may see it: a reference (a case's or a screening's
 * number, a person's pseudonym, a user's or an agency's name), never a victim's name; and
 * whether the reader's own access lets her open it (the same rules as opening it would apply).
 */
export const AuditRecordRef = z.object({
  type: z.string(),
  id: z.string(),
  reference: z.string().nullable(),
  /** An agency's name in each working language; the web shows the reader's. */
  names: z.object({ kk: z.string(), ru: z.string(), en: z.string() }).nullable(),
  linkable: z.boolean(),
});
export type AuditRecordRef = z.infer<typeof AuditRecordRef>;

/**
 * One labelled fact of an entry's details, typed so that the web translates it: `key` names
 * the label (auditLog.detail.<key>); a `code` is shown as `t(group + '.' + code)`; ids are
 * resolved to records; lists of ids are only counted.
 */
export const AuditFact = z.discriminatedUnion('kind', [
  z.object({ key: z.string(), kind: z.literal('record'), record: AuditRecordRef }),
  z.object({ key: z.string(), kind: z.literal('count'), value: z.number() }),
  z.object({ key: z.string(), kind: z.literal('number'), value: z.number() }),
  z.object({ key: z.string(), kind: z.literal('flag'), value: z.boolean() }),
  z.object({ key: z.string(), kind: z.literal('date'), value: z.string() }),
  z.object({ key: z.string(), kind: z.literal('text'), value: z.string() }),
  z.object({ key: z.string(), kind: z.literal('region'), value: z.string() }),
  z.object({ key: z.string(), kind: z.literal('codes'), group: z.string(), codes: z.array(z.string()) }),
]);
export type AuditFact = z.infer<typeof AuditFact>;

export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  operation: z.enum(AUDIT_OPERATIONS),
  outcome: z.enum(AUDIT_OUTCOMES),
  actorId: z.uuid().nullable(),
  actorUsername: z.string().nullable(),
  /** The actor's display name, for the sentence ("Гүлнар Әбілова opened case …"). */
  actorName: z.string().nullable(),
  actorRole: z.enum(ROLES).nullable(),
  agencyId: z.uuid().nullable(),
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  /** The record named, resolved for the reader; null when the entry names none. */
  record: AuditRecordRef.nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  /** The details as labelled facts, ids resolved: what the page shows instead of `details`. */
  facts: z.array(AuditFact),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditPage = pageOf(AuditEntry);

export const AuditListQuery = PageQuery.extend({
  operation: z.enum(AUDIT_OPERATIONS).optional(),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  actorId: z.uuid().optional(),
  recordId: text({ max: 64 }).optional(),
  from: isoDate().optional(),
  to: isoDate().optional(),
});

/** Refused attempts per user per day (Kazakhstan's calendar), for the coordinator's home page. */
export const DeniedAttemptsQuery = z.object({ days: z.coerce.number().int().min(1).max(90).default(14) });
export const DeniedAttemptsRow = z.object({
  day: z.iso.date(),
  actorId: z.uuid(),
  actorUsername: z.string().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.enum(ROLES).nullable(),
  count: z.number().int(),
});
export const DeniedAttempts = z.object({ since: z.iso.date(), items: z.array(DeniedAttemptsRow) });
export type DeniedAttempts = z.infer<typeof DeniedAttempts>;
