import { z } from 'zod';
import type { Actor } from '../../access/policy.ts';
import type { Role } from '../../access/roles.ts';
import { ClientId } from '../../contracts/common.contract.ts';
import { text } from '../../contracts/primitives.ts';
import { isIsoDate } from '../calendar/civil-date.ts';
import { safeParseWith, type Parsed } from '../identification/zod-issues.ts';
import { COOPERATION_CONDITION, cooperationConditionIssues, ENTITLEMENT_KINDS, MEDICAL_PAYERS, type EntitlementKind } from './entitlement-rules.ts';
import type { Entitlement } from './entitlements.ts';

/**
 * Authority per action on a person's entitlements (ARCHITECTURE.md "Authority is per action"):
 * one table, read by the server's check, the view's `allowedActions`, the web's buttons and the
 * access-matrix test. Both actions need `entitlement.act` on the person in the actor's scope.
 */
export const ENTITLEMENT_ACTIONS = ['record_medical_payer', 'record_extension'] as const;
export type EntitlementAction = (typeof ENTITLEMENT_ACTIONS)[number];

/** Why an extension is recorded. There is no "cooperation" reason: see entitlement-rules.ts. */
export const EXTENSION_REASONS = ['proceedings_open', 'court_order', 'other'] as const;
export type ExtensionReason = (typeof EXTENSION_REASONS)[number];

export const ENTITLEMENT_ACTION_RULES = {
  // Recorded by whoever runs the person's case: the identification unit or the NGO case worker.
  record_medical_payer: { roles: ['identification_officer', 'case_worker'], applies: (e: Entitlement) => e.payerRequired && e.state !== 'not_applicable' },
  record_extension: {
    roles: ['identification_officer', 'case_worker'],
    applies: (e: Entitlement) => e.extendable && e.state !== 'not_applicable' && e.state !== 'pending',
  },
} as const satisfies Record<EntitlementAction, { roles: readonly Role[]; applies: (e: Entitlement) => boolean }>;

export function roleMayActOnEntitlements(role: Role): boolean {
  return ENTITLEMENT_ACTIONS.some((a) => (ENTITLEMENT_ACTION_RULES[a].roles as readonly Role[]).includes(role));
}

/**
 * What this actor may do on this entitlement now. `inActScope`: the person is within the
 * actor's `entitlement.act` scope (the server evaluates it in SQL, the web reads the view).
 */
export function allowedEntitlementActions(actor: Pick<Actor, 'role'>, inActScope: boolean, e: Entitlement): EntitlementAction[] {
  if (!inActScope) return [];
  return ENTITLEMENT_ACTIONS.filter(
    (a) => (ENTITLEMENT_ACTION_RULES[a].roles as readonly Role[]).includes(actor.role) && ENTITLEMENT_ACTION_RULES[a].applies(e),
  );
}

const IsoDate = text({ max: 10 }).refine(isIsoDate, { params: { code: 'invalid_date' } });
const Note = text({ max: 2000, multiline: true });

export const EntitlementActionInput = z.discriminatedUnion('type', [
  z.strictObject({ clientId: ClientId, type: z.literal('record_medical_payer'), payer: z.enum(MEDICAL_PAYERS), note: Note.optional() }),
  z.strictObject({
    clientId: ClientId,
    type: z.literal('record_extension'),
    reason: z.enum(EXTENSION_REASONS),
    /** The new last day; absent = until the court proceedings are final. */
    until: IsoDate.optional(),
    note: Note.optional(),
  }),
]);
export type EntitlementActionInput = z.infer<typeof EntitlementActionInput>;

/** The path segment `:kind`. */
export const EntitlementKindParam = z.object({ id: z.uuid(), kind: z.enum(ENTITLEMENT_KINDS) });
export type EntitlementKindParam = { id: string; kind: EntitlementKind };

/**
 * Parses an action body. An attempt to record cooperation with law enforcement as a condition
 * (a `condition`/`cooperation` field, a coded value naming it) is refused with its own message
 * before anything else: the benefits are "not conditional upon ... cooperation" (DOMAIN.md §2.4).
 */
export function parseEntitlementAction(json: unknown): Parsed<EntitlementActionInput> {
  const refused = cooperationConditionIssues(json);
  if (refused.length) return { ok: false, issues: refused };
  return safeParseWith(EntitlementActionInput, json);
}

export { COOPERATION_CONDITION };
