import type { Role, Scope } from './roles.ts';

/**
 * Every route declares one of these. `person.read_identity` is the permission to see
 * decrypted personal fields; without it a person is shown by pseudonym only.
 */
export const PERMISSIONS = [
  'person.create',
  'person.read',
  'person.read_identity',
  'case.create',
  'case.read',
  'case.act',
  'audit.read',
  'user.manage',
  'agency.manage',
  'reference.read',
  /** Replace screening indicator lists and rules, mark a version verified (national administrator). */
  'reference.manage',
  'self_report.read',
  'self_report.update',
  /** Review the engine's proposed pairs side by side and decide "same" / "different" (issue #4). */
  'linkage.review',
  /** Start the bulk linkage job and see its progress; it shows counts only, never records. */
  'linkage.run',
  /**
   * Approve or reject a four-eyes grant (issue #8): an account that may see personal data, or a
   * wider role or jurisdiction, takes effect only when a second person approves it.
   */
  'grant.approve',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Permissions that do not touch victims' records: no scope applies to them. */
export const GLOBAL_PERMISSIONS: readonly Permission[] = [
  'audit.read',
  'user.manage',
  'agency.manage',
  'reference.read',
  'reference.manage',
  'linkage.run',
  'grant.approve',
];

/** A grant of a permission with the widest scope in which it applies. */
export type Grants = Partial<Record<Permission, Scope>>;

const FRONTLINE: Grants = {
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
    'person.create': 'region',
    'person.read': 'region',
    'person.read_identity': 'region',
    'case.create': 'region',
    'case.read': 'region',
    'case.act': 'region',
    'reference.read': 'national',
    // Reviewing a pair shows both records in full: only pairs whose two records are both in
    // the officer's identity scope are listed (the service checks both sides).
    'linkage.review': 'region',
  },
  case_worker: {
    'person.create': 'agency',
    'person.read': 'agency',
    'person.read_identity': 'agency',
    'case.create': 'agency',
    'case.read': 'agency',
    'case.act': 'agency',
    'reference.read': 'national',
  },
  shelter_manager: {
    'person.read': 'agency',
    'person.read_identity': 'agency',
    'case.read': 'agency',
    'case.act': 'agency',
    'reference.read': 'national',
  },
  prosecutor: {
    'person.read': 'region',
    'person.read_identity': 'region',
    'case.read': 'region',
    'case.act': 'region',
    'reference.read': 'national',
  },
  lawyer: {
    'person.read': 'assigned',
    'person.read_identity': 'assigned',
    'case.read': 'assigned',
    'reference.read': 'national',
  },
  // The national coordinator sees every record pseudonymised, names only where assigned.
  national_coordinator: {
    'person.read': 'national',
    'person.read_identity': 'assigned',
    'case.read': 'national',
    'audit.read': 'national',
    'reference.read': 'national',
    'linkage.run': 'national',
    // Four eyes (issue #8): the coordinator answers for who sees the register nationally, and
    // is not an administrator, so her approval is a second person's by construction.
    'grant.approve': 'national',
  },
  analyst: { 'reference.read': 'national' },
  // Administrators run users and agencies; no access to victims' personal data by default.
  administrator: {
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
