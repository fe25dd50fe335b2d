/**
 * The two verified vocabularies the short form is built from (DOMAIN.md §3 [V]). Short-form
 * indicators point at them (`crosswalk`), so a screening can be exported as HTCDS
 * `vic_MethodsOfControl` and read against the ILO's eleven indicators.
 */

/** ILO, "ILO Indicators of Forced Labour" (SAP-FL, 2012), in the brochure's order. */
export const ILO_FORCED_LABOUR_INDICATORS = [
  'abuse_of_vulnerability',
  'deception',
  'restriction_of_movement',
  'isolation',
  'physical_and_sexual_violence',
  'intimidation_and_threats',
  'retention_of_identity_documents',
  'withholding_of_wages',
  'debt_bondage',
  'abusive_working_and_living_conditions',
  'excessive_overtime',
] as const;
export type IloForcedLabourIndicator = (typeof ILO_FORCED_LABOUR_INDICATORS)[number];

/**
 * HTCDS 2.0 `vic_MethodsOfControl` picklist, with HTCDS's own value names
 * (../shared/reference/htcds/xlsform_choices.csv, list `methodsofcontrol`). Known defect fixed
 * here: the source spells `DebtBondage ` with a trailing space (ODS and XLSForm); we trim it.
 */
export const HTCDS_METHODS_OF_CONTROL = [
  'PhysicalThreats',
  'ThreatsLawEnforcement',
  'ThreatensChildrenFamily',
  'DebtBondage',
  'FalsePromises',
  'PhysicalAbuse',
  'SexualAbuse',
  'TakesEarnings',
  'RestrictsFinancialAccess',
  'RestrictsMedicalCare',
  'WithholdsNecessities',
  'PsychologicalAbuse',
  'PsychoactiveSubstance',
  'ExcessiveWorkingHours',
  'WithholdsDocuments',
  'Other',
] as const;

/**
 * Defined in HTCDS "Field Definitions.md" (MethodsOfControlRestrictsMovement,
 * MethodsOfControlUsesChildren) but missing from the 2.0 picklist: a known HTCDS defect. We keep
 * them so nothing observed is lost; an export to a strict HTCDS 2.0 importer must map or drop them.
 */
export const HTCDS_METHODS_OF_CONTROL_NOT_IN_PICKLIST = ['RestrictsMovement', 'UsesChildren'] as const;

export const HTCDS_METHOD_OF_CONTROL_VALUES = [...HTCDS_METHODS_OF_CONTROL, ...HTCDS_METHODS_OF_CONTROL_NOT_IN_PICKLIST] as const;
export type HtcdsMethodOfControl = (typeof HTCDS_METHOD_OF_CONTROL_VALUES)[number];
