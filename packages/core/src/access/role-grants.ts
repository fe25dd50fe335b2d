import type { Role, Scope } from './roles.ts';
import type { Permission } from './permissions.ts';

/**
 * What each role may do, and in which scope (DOMAIN.md §1). Kept apart from the list of
 * permissions: the web app's first screen needs the list (its session says which permissions the
 * user holds), not this table, which only the server and the workflow pages read.
 */

/** A grant of a permission with the widest scope in which it applies. */
export type Grants = Partial<Record<Permission, Scope>>;

/** Everyone who works with victims may look up where to send them. */
const DIRECTORY: Grants = { 'provider.read': 'national' };

const FRONTLINE: Grants = {
  ...DIRECTORY,
  // Minimal disclosure (DOMAIN.md §1): a screener sees only what they entered.
  'person.create': 'own',
  'person.read': 'own',
  'person.read_identity': 'own',
  'case.create': 'own',
  'case.read': 'own',
  'case.act': 'own',
  'reference.read': 'national',
};

/**
 * The hotline queue (public self-reports). Reports have no owner agency or creator, so a
 * scope cannot narrow them: the grant is national and the service narrows it instead, to
 * users of a `hotline` agency (every report) and identification officers (reports in their
 * regions). Any other screener holds the permission but finds an empty queue and 404s.
 */
const HOTLINE: Grants = { 'self_report.read': 'national', 'self_report.update': 'national' };

export const ROLE_GRANTS = {
  screener: { ...FRONTLINE, ...HOTLINE },
  identification_officer: {
    ...HOTLINE,
    ...DIRECTORY,
    // Refers the persons its unit identified (the referral table: the case's holding unit), and
    // alone may refer without consent in an emergency, with reasons (police protection duty).
    'referral.read': 'region',
    'referral.create': 'region',
    'referral.act': 'region',
    'referral.override_consent': 'region',
    'consent.record': 'region',
    'consent.withdraw': 'region',
    'protection.read': 'region',
    'entitlement.read': 'region',
    'entitlement.act': 'region',
    'redress.read': 'region',
    'redress.act': 'region',
    'document.upload': 'region',
    'document.read': 'region',
    'person.create': 'region',
    'person.read': 'region',
    'person.read_identity': 'region',
    'case.create': 'region',
    'case.read': 'region',
    'case.act': 'region',
    'reference.read': 'national',
    // Her region's figures (issue #13); and the records behind them she may already read.
    'statistics.read': 'region',
    'statistics.records': 'region',
    // Reviewing a pair shows both records in full: only pairs whose two records are both in
    // the officer's identity scope are listed (the service checks both sides).
    'linkage.review': 'region',
  },
  case_worker: {
    ...DIRECTORY,
    // Accompanies her clients through justice: sees their part in proceedings, explains the
    // right to compensation, arranges a pro bono lawyer (redress action table).
    'proceedings.read': 'agency',
    'redress.read': 'agency',
    'redress.act': 'agency',
    // An NGO case worker refers, receives referrals to her provider (the `assigned` scope: access
    // a referral opened) and runs the protection case. No consent override (DOMAIN.md §2.3).
    'referral.read': 'agency',
    'referral.create': 'agency',
    'referral.act': 'agency',
    'consent.record': 'agency',
    'consent.withdraw': 'agency',
    'protection.read': 'agency',
    'protection.act': 'agency',
    'entitlement.read': 'agency',
    'entitlement.act': 'agency',
    'document.upload': 'agency',
    'document.read': 'agency',
    'person.create': 'agency',
    'person.read': 'agency',
    'person.read_identity': 'agency',
    'case.create': 'agency',
    'case.read': 'agency',
    'case.act': 'agency',
    'reference.read': 'national',
    // Her agency's figures (issue #13); and the records behind them she may already read.
    'statistics.read': 'agency',
    'statistics.records': 'agency',
    // Her agency's HTCDS files in and out (issue #14), names as she already sees them.
    'htcds.import': 'agency',
    'htcds.export': 'agency',
  },
  shelter_manager: {
    ...DIRECTORY,
    // Keeps her own shelter's entry current (the service narrows `agency` to her agency's providers).
    'provider.manage': 'agency',
    // Receives referrals (answers, admits, completes); she does not send them (case-authority.ts).
    'referral.read': 'agency',
    'referral.act': 'agency',
    'consent.withdraw': 'agency',
    'protection.read': 'agency',
    'protection.act': 'agency',
    'entitlement.read': 'agency',
    'document.upload': 'agency',
    'document.read': 'agency',
    'person.read': 'agency',
    'person.read_identity': 'agency',
    'case.read': 'agency',
    'case.act': 'agency',
    'reference.read': 'national',
    // Her agency's figures (issue #13), counts only.
    'statistics.read': 'agency',
  },
  // Justice (issue #11): the criminal-procedure track is independent of social identification
  // (DOMAIN.md §2.2), so the investigator has no grant on NRM cases; she records the victims of
  // her criminal cases as persons in her region.
  investigator: {
    ...DIRECTORY,
    'criminal_case.read': 'region',
    'criminal_case.create': 'region',
    // Acts on the cases of her own unit (and those she is assigned to), not the whole region's.
    'criminal_case.act': 'agency',
    'suspect.read_identity': 'region',
    'proceedings.read': 'region',
    'redress.read': 'region',
    'redress.act': 'region',
    'entitlement.read': 'region',
    'person.create': 'region',
    'person.read': 'region',
    'person.read_identity': 'region',
    'reference.read': 'national',
    // Her region's figures (issue #13), counts only.
    'statistics.read': 'region',
  },
  prosecutor: {
    ...DIRECTORY,
    // Supervises every criminal case of her region: registers, assigns, sends to court.
    'criminal_case.read': 'region',
    'criminal_case.create': 'region',
    'criminal_case.act': 'region',
    'suspect.read_identity': 'region',
    'proceedings.read': 'region',
    'redress.read': 'region',
    'redress.act': 'region',
    'person.create': 'region',
    'entitlement.read': 'region',
    'document.read': 'region',
    'person.read': 'region',
    'person.read_identity': 'region',
    'case.read': 'region',
    'case.act': 'region',
    'reference.read': 'national',
    // Her region's figures (issue #13); and the records behind them she may already read.
    'statistics.read': 'region',
    'statistics.records': 'region',
  },
  // The judge's clerk enters what the court decided: stages in court, outcomes, awards. She sees
  // the defendants' names (they are named in court) but victims only by pseudonym.
  court_clerk: {
    ...DIRECTORY,
    'criminal_case.read': 'region',
    'criminal_case.act': 'region',
    'suspect.read_identity': 'region',
    'proceedings.read': 'region',
    'redress.read': 'region',
    'redress.act': 'region',
    'person.read': 'region',
    'reference.read': 'national',
  },
  lawyer: {
    ...DIRECTORY,
    // Her clients only (issue #11): a legal-aid assignment is her `assigned` scope, and through
    // it she sees the client, the client's criminal cases (defendants by pseudonym) and redress.
    'criminal_case.read': 'assigned',
    'proceedings.read': 'assigned',
    'redress.read': 'assigned',
    'redress.act': 'assigned',
    'entitlement.read': 'assigned',
    'document.read': 'assigned',
    'person.read': 'assigned',
    'person.read_identity': 'assigned',
    'case.read': 'assigned',
    'reference.read': 'national',
  },
  // The national coordinator sees every record pseudonymised, names only where assigned.
  national_coordinator: {
    ...DIRECTORY,
    // Pseudonymised, like every record she sees: referrals, protection cases and entitlements
    // nationally (the numbers the annual report needs), never documents.
    'referral.read': 'national',
    'protection.read': 'national',
    'entitlement.read': 'national',
    // The prosecution, conviction, complicity and compensation figures (issue #11), pseudonymised.
    'criminal_case.read': 'national',
    'proceedings.read': 'national',
    'redress.read': 'national',
    'person.read': 'national',
    'person.read_identity': 'assigned',
    'case.read': 'national',
    'audit.read': 'national',
    'reference.read': 'national',
    'linkage.run': 'national',
    // Four eyes (issue #8): the coordinator answers for who sees the register nationally, and
    // is not an administrator, so her approval is a second person's by construction.
    'grant.approve': 'national',
    // National statistics (issue #13): she prepares the annual report and keeps its data.
    'statistics.read': 'national',
    'statistics.records': 'national',
    'report.generate': 'national',
    'funding.manage': 'national',
    'official_figures.manage': 'national',
    'recommendation.manage': 'national',
    // Data exchange (issue #14): import for any agency, export pseudonymised nationally.
    'htcds.import': 'national',
    'htcds.export': 'national',
    'open_dataset.publish': 'national',
  },
  // Counts and published tables nationally; never a record (no statistics.records).
  // An analyst may take in an agency's HTCDS file (its records become her agency's) without
  // any read of a record: she sees the row report and the counts.
  analyst: {
    'reference.read': 'national',
    'statistics.read': 'national',
    'report.generate': 'national',
    'htcds.import': 'agency',
    'open_dataset.publish': 'national',
  },
  // Administrators run users and agencies; no access to victims' personal data by default.
  administrator: {
    ...DIRECTORY,
    'provider.manage': 'national',
    'audit.read': 'national',
    'user.manage': 'national',
    'agency.manage': 'national',
    'reference.read': 'national',
    'reference.manage': 'national',
    // Another administrator may approve what one requested (never her own request: the service).
    'grant.approve': 'national',
  },
} as const satisfies Record<Role, Grants>;

/** The scope in which a role holds a permission, or undefined when it does not. */
export function scopeOf(role: Role, permission: Permission): Scope | undefined {
  return (ROLE_GRANTS[role] as Grants)[permission];
}

export function hasPermission(role: Role, permission: Permission): boolean {
  return scopeOf(role, permission) !== undefined;
}

/**
 * Two-factor sign-in is required for every role that can see personal data, and for
 * administrators, who can create such accounts.
 */
export function requiresTwoFactor(role: Role): boolean {
  return hasPermission(role, 'person.read') || hasPermission(role, 'user.manage');
}
