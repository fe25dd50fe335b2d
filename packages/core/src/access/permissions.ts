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
  // Referral and protection (issue #10). Each workflow action has its own rule in core
  // (referral-authority.ts, protection-authority.ts); these are the route-level permissions.
  /** The provider directory and the capacity board: organisations, not persons. */
  'provider.read',
  /** Create or edit a provider's entry (administrator: any; shelter manager: her agency's own). */
  'provider.manage',
  /** See referrals: the sending side's and the receiving provider's (its `assigned` scope). */
  'referral.read',
  /** Refer a person to a provider (consent recorded first). */
  'referral.create',
  /** Answer, complete, transfer or withdraw a referral; the referral action table says who may take which. */
  'referral.act',
  /**
   * Refer WITHOUT a recorded consent, with a written reason, audited (DOMAIN.md §2.3: "refused
   * unless a permitted override is recorded with a reason"). Never implied by referral.create.
   */
  'referral.override_consent',
  /** Record a person's consent to share data with a provider. */
  'consent.record',
  /** Record that the person withdrew a consent: every read honours it from that moment. */
  'consent.withdraw',
  /** See a protection case (needs, plan, services, stays, follow-up). */
  'protection.read',
  /** Act on a protection case; the protection action table says who may take which action. */
  'protection.act',
  /** See a person's entitlements and their clocks. */
  'entitlement.read',
  /** Record on an entitlement (who pays for a foreign victim's medical care, an extension). */
  'entitlement.act',
  /** Upload an attachment (scanned document, signed consent) to a record in scope. */
  'document.upload',
  /** Read attachments and generate documents (rights sheet, referral letter) for a record in scope. */
  'document.read',
  // Justice and redress (issue #11). Each action has its own rule in core (justice-authority.ts,
  // criminal-stage.ts); these are the route-level permissions.
  /** See criminal cases: stage, articles, assignments, defendants by pseudonym, victims linked. */
  'criminal_case.read',
  /** Register a criminal case (its ERDR number, articles, region). */
  'criminal_case.create',
  /** Act on a criminal case; the criminal-case action table and the stage table say who may take which. */
  'criminal_case.act',
  /**
   * See suspects' and defendants' names. Names of suspects are personal data (issue #11):
   * encrypted, scoped and audited like victims'; everyone else sees "Defendant 1".
   */
  'suspect.read_identity',
  /** See a person's part in criminal proceedings (role, interviews, protective measures) from her page. */
  'proceedings.read',
  /** See a person's redress: compensation right explained, claims, awards, payments, legal aid. */
  'redress.read',
  /** Act on a person's redress; the redress action table says who may take which. */
  'redress.act',
  // National statistics (issue #13). Figures are counts; each action has its own permission.
  /** See the year's figures, trends and the map within one's scope: counts only, never a record. */
  'statistics.read',
  /**
   * Open the records behind a figure (pseudonyms, within her person scope, audited). Holding
   * `statistics.read` never implies it: whoever may count may not thereby list.
   */
  'statistics.records',
  /** Generate the annual report (official or public edition) and export published tables. */
  'report.generate',
  /** Enter funding allocations and the year's exchange rate. */
  'funding.manage',
  /** Enter or import official figures of years before the register. */
  'official_figures.manage',
  /** Set a recommendation's status for a year. */
  'recommendation.manage',
  // Data exchange (issue #14).
  /**
   * Take in an HTCDS file: its records are created for her agency (or, nationally, for the
   * agency named). Writing records never implies reading them back: an analyst who imports
   * sees counts and the row report, not the persons.
   */
  'htcds.import',
  /** Export records in HTCDS: the records in her person scope, names only where she may see them. */
  'htcds.export',
  /**
   * Produce the record-level open dataset for publication (CTDC style): k-anonymous (k = 11)
   * over its quasi-identifiers, refused when k is not met. Counts-only readers may; no name,
   * date or place finer than the generalisation ever leaves.
   */
  'open_dataset.publish',
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
  // Providers are organisations with public contacts; the directory holds no personal data.
  'provider.read',
  'provider.manage',
  // Funding, rates, official aggregates and recommendations hold no personal data.
  'funding.manage',
  'official_figures.manage',
  'recommendation.manage',
  'report.generate',
  // What it publishes is k-anonymous over every quasi-identifier: no record of a person leaves.
  'open_dataset.publish',
];
