/**
 * The vocabulary of justice and redress (issue #11; DOMAIN.md §2.5–2.7), shared by the server,
 * the web app and the rules. Each list is a code; its label is the i18n key `justice.<list>.<code>`.
 */

/** A suspect or defendant is a person or a business (HTCDS issue #4: perpetrator entities). */
export const DEFENDANT_KINDS = ['individual', 'business'] as const;
export type DefendantKind = (typeof DEFENDANT_KINDS)[number];

/** How far the procedure has gone against one defendant. */
export const DEFENDANT_STATUSES = ['suspect', 'accused', 'defendant'] as const;
export type DefendantStatus = (typeof DEFENDANT_STATUSES)[number];

/**
 * The agency of a public official flagged as complicit (DOMAIN.md §2.5: "complicity of officials
 * is recorded"; the seeds report complicity unaddressed).
 */
export const OFFICIAL_AGENCY_TYPES = [
  'police',
  'migration_service',
  'border_service',
  'customs',
  'prosecutor',
  'judiciary',
  'local_government',
  'labour_inspectorate',
  'military',
  'other',
] as const;
export type OfficialAgencyType = (typeof OFFICIAL_AGENCY_TYPES)[number];

/** The court's outcome for one defendant. */
export const OUTCOMES = ['convicted', 'acquitted', 'charges_dropped'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The sentence of a convicted defendant (the seeds count custodial and suspended sentences). */
export const SENTENCE_KINDS = ['custodial', 'suspended', 'restricted_liberty', 'fine', 'other'] as const;
export type SentenceKind = (typeof SENTENCE_KINDS)[number];

/** Why charges changed (issue #11: "charges and their reclassification"). */
export const CHARGE_CHANGE_REASONS = ['initial', 'reclassified_by_investigator', 'reclassified_by_prosecutor', 'reclassified_by_court'] as const;
export type ChargeChangeReason = (typeof CHARGE_CHANGE_REASONS)[number];

/** The person's procedural role in the criminal case (Code of Criminal Procedure [P]). */
export const PROCEDURAL_ROLES = ['victim', 'victim_civil_plaintiff', 'witness', 'victim_witness'] as const;
export type ProceduralRole = (typeof PROCEDURAL_ROLES)[number];

/** Where a victim was interviewed (DOMAIN.md §2.5: in shelters rather than police stations). */
export const INTERVIEW_PLACES = ['shelter', 'police_station', 'prosecutor_office', 'court', 'hospital', 'remote_video', 'other'] as const;
export type InterviewPlace = (typeof INTERVIEW_PLACES)[number];

/**
 * Protective measures for a participant in criminal proceedings, including the state programme
 * for the Protection of Participants of Criminal Proceedings (its cost is counted: the seeds
 * report 1.2 million tenge for five victims).
 */
export const PROTECTIVE_MEASURES = [
  'ppcp_programme',
  'personal_security',
  'identity_confidentiality',
  'no_contact_order',
  'relocation',
  'pretrial_shelter',
  'other',
] as const;
export type ProtectiveMeasure = (typeof PROTECTIVE_MEASURES)[number];

export const MEASURE_STATUSES = ['requested', 'granted', 'refused', 'ended'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

/** How a civil claim is brought (DOMAIN.md §2.6: "civil suits alongside criminal cases"). */
export const CLAIM_MODES = ['with_criminal_case', 'separate_civil'] as const;
export type ClaimMode = (typeof CLAIM_MODES)[number];

/** Who paid compensation: the offender, or the state Victims' Compensation Fund [P]. */
export const PAYMENT_SOURCES = ['offender', 'state_fund', 'other'] as const;
export type PaymentSource = (typeof PAYMENT_SOURCES)[number];

/** How a lawyer is funded (DOMAIN.md §1: legal aid, pro bono). */
export const LAWYER_FUNDING = ['state_legal_aid', 'pro_bono', 'ngo_funded'] as const;
export type LawyerFunding = (typeof LAWYER_FUNDING)[number];

/** Legal services delivered (the seeds: statistics on legal services "were unavailable"). */
export const LEGAL_SERVICES = [
  'consultation',
  'document_drafting',
  'representation_pretrial',
  'representation_court',
  'civil_claim',
  'appeal',
  'enforcement',
  'other',
] as const;
export type LegalService = (typeof LEGAL_SERVICES)[number];

/** The largest single amount a form accepts, in tenge: a typo guard, as MAX_SERVICE_COST_TENGE. */
export const MAX_AMOUNT_TENGE = 10_000_000_000;
