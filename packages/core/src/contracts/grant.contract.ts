import { z } from 'zod';
import { ROLES } from '../access/index.ts';
import { JurisdictionSchema } from './auth.contract.ts';
import { LocalizedName, PageQuery, pageOf } from './common.contract.ts';

/** Four-eyes grants (issue #8): core `needsApproval` decides which requests wait for one. */
export const GRANT_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type GrantStatus = (typeof GRANT_STATUSES)[number];

const Person = z.object({ id: z.uuid(), displayName: z.string() });
const Access = z.object({ role: z.enum(ROLES), jurisdiction: JurisdictionSchema });

export const AccessGrant = z.object({
  id: z.uuid(),
  /** The account the grant is about (staff, not victims: no personal data of the register). */
  user: z.object({ id: z.uuid(), username: z.string(), displayName: z.string(), agencyName: LocalizedName }),
  /** A new account (it cannot sign in until approved), or a change of an existing one. */
  newAccount: z.boolean(),
  /** A reset of the password and second factor: the account cannot sign in until approved. */
  reset: z.boolean(),
  /** A move to another agency (its records come with it): the agency it has and the one asked for. */
  agencyMove: z.object({ from: LocalizedName, to: LocalizedName }).nullable(),
  requested: Access,
  /** What the account holds now (in force until approval); null for a new account. */
  previous: Access.nullable(),
  status: z.enum(GRANT_STATUSES),
  requestedBy: Person,
  requestedAt: z.string(),
  decidedBy: Person.nullable(),
  decidedAt: z.string().nullable(),
  /** Whether the viewer may approve or reject it now (core `mayDecideGrant`, and pending). */
  canDecide: z.boolean(),
});
export type AccessGrant = z.infer<typeof AccessGrant>;
export const AccessGrantPage = pageOf(AccessGrant);

/** `pending`: waiting for a decision, oldest first; `decided`: the recent decisions, newest first. */
export const GrantListQuery = PageQuery.extend({ status: z.enum(['pending', 'decided']).default('pending') });
export type GrantListQuery = z.infer<typeof GrantListQuery>;
