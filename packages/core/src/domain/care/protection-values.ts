/**
 * The vocabulary of a protection case (issue #10 item 3; DOMAIN.md §2.4 and §2.8), shared by the
 * server, the web app and the rules. Each list is a code; its label is the i18n key of the
 * same name (`needArea.<code>`, `closureReason.<code>`, ...).
 */

/** The areas of a needs assessment: the assistance DOMAIN.md §2.4 lists, plus safety, documents, family and return. */
export const NEED_AREAS = [
  'safety',
  'health',
  'psychological',
  'legal',
  'documents',
  'housing',
  'education',
  'employment',
  'finances',
  'family',
  'return',
] as const;
export type NeedArea = (typeof NEED_AREAS)[number];

/** How pressing a need is: `none` (assessed, nothing needed) to `urgent` (act today). */
export const NEED_LEVELS = ['none', 'low', 'medium', 'high', 'urgent'] as const;
export type NeedLevel = (typeof NEED_LEVELS)[number];

/** HTCDS 2.0 `spl_Type` (support plan type), spelled as the standard spells it. */
export const SUPPORT_PLAN_TYPES = [
  'Education',
  'Financial',
  'Health',
  'LabourExploitationRehabilitation',
  'Legal',
  'Livelihood',
  'RightsBasedTraining',
  'SexualExploitationRehabilitation',
  'SocialCare',
] as const;
export type SupportPlanType = (typeof SUPPORT_PLAN_TYPES)[number];

/** Why a protection case closed. */
export const CLOSURE_REASONS = [
  'goals_achieved',
  'reintegrated',
  'returned_home',
  'transferred',
  'declined_support',
  'lost_contact',
  'moved_abroad',
  'other',
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

/** Who paid for a service (DOMAIN.md §2.4: medical services are not free for foreign victims: record who pays). */
export const PAID_BY = ['state_budget', 'provider_own_funds', 'international_donor', 'person', 'other'] as const;
export type PaidBy = (typeof PAID_BY)[number];

/** What a quantity of a service counts. */
export const SERVICE_UNITS = ['session', 'consultation', 'day', 'hour', 'item', 'trip'] as const;
export type ServiceUnit = (typeof SERVICE_UNITS)[number];

export const FOLLOW_UP_KINDS = ['contact', 'risk_reassessment'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

/** Re-trafficking risk found at a follow-up. */
export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const PROTECTION_STATUSES = ['open', 'closed'] as const;
export type ProtectionStatus = (typeof PROTECTION_STATUSES)[number];
