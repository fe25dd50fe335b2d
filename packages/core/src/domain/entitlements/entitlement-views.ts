import { z } from 'zod';
import { ENTITLEMENT_ACTIONS } from './entitlement-authority.ts';
import { ENTITLEMENT_KINDS, MEDICAL_PAYERS } from './entitlement-rules.ts';
import { ENTITLEMENT_STATES } from './entitlements.ts';

/** One entitlement as the API shows it (GET /persons/:id/entitlements). */
export const EntitlementView = z.object({
  kind: z.enum(ENTITLEMENT_KINDS),
  state: z.enum(ENTITLEMENT_STATES),
  start: z.string().nullable(),
  end: z.string().nullable(),
  daysLeft: z.number().int().nullable(),
  free: z.boolean(),
  payerRequired: z.boolean(),
  paidBy: z.enum(MEDICAL_PAYERS).nullable(),
  workPermitted: z.boolean(),
  extendable: z.boolean(),
  extended: z.boolean(),
  basis: z
    .object({
      ruleSetId: z.string(),
      version: z.string(),
      articleKey: z.string(),
      article: z.object({ kk: z.string(), ru: z.string(), en: z.string() }),
    })
    .nullable(),
  reminders: z.array(z.object({ daysBefore: z.union([z.literal(30), z.literal(7), z.literal(1)]), on: z.string() })),
  reminderDue: z.union([z.literal(30), z.literal(7), z.literal(1)]).nullable(),
  allowedActions: z.array(z.enum(ENTITLEMENT_ACTIONS)),
});
export type EntitlementView = z.infer<typeof EntitlementView>;

export const PersonEntitlements = z.object({
  personId: z.uuid(),
  caseId: z.uuid().nullable(),
  citizen: z.boolean(),
  rulesVersion: z.string().nullable(),
  relevantDate: z.string().nullable(),
  today: z.string(),
  items: z.array(EntitlementView),
});
export type PersonEntitlements = z.infer<typeof PersonEntitlements>;

/** The versions of the entitlement rules the server knows (shipped and uploaded). */
export const EntitlementRuleVersions = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      version: z.string(),
      effectiveFrom: z.string(),
      verification: z.enum(['verified', 'provisional']),
      title: z.object({ kk: z.string(), ru: z.string(), en: z.string() }),
    }),
  ),
});
export type EntitlementRuleVersions = z.infer<typeof EntitlementRuleVersions>;
