import { z } from 'zod';
import { AGENCY_TYPES, ROLES } from '../access/index.ts';
import { LocalizedName, LocalizedNameBody, PageQuery, pageOf, RegionCodeSchema } from './common.contract.ts';
import { JurisdictionSchema } from './auth.contract.ts';
import { codeText, nameText, patchBody, text } from './primitives.ts';

export const Agency = z.object({
  id: z.uuid(),
  name: LocalizedName,
  type: z.enum(AGENCY_TYPES),
  regionCode: RegionCodeSchema.nullable(),
  disabled: z.boolean(),
});
export type Agency = z.infer<typeof Agency>;
export const AgencyList = z.object({ items: z.array(Agency) });

export const CreateAgencyBody = z.object({
  name: LocalizedNameBody,
  type: z.enum(AGENCY_TYPES),
  regionCode: RegionCodeSchema.nullable(),
});
export const UpdateAgencyBody = patchBody(CreateAgencyBody.partial().extend({ disabled: z.boolean().optional() }));

export const User = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  agencyId: z.uuid(),
  agencyName: LocalizedName,
  jurisdiction: JurisdictionSchema,
  disabled: z.boolean(),
  twoFactorEnabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastSignInAt: z.string().nullable(),
});
export type User = z.infer<typeof User>;
export const UserPage = pageOf(User);

export const UserListQuery = PageQuery.extend({ q: text({ max: 64 }).optional() });

export const CreateUserBody = z.object({
  username: codeText(/^[a-z0-9._-]{3,64}$/, { max: 64, lowercase: true }),
  displayName: nameText({ min: 2, max: 200 }),
  role: z.enum(ROLES),
  agencyId: z.uuid(),
  jurisdiction: JurisdictionSchema,
});
export const UpdateUserBody = patchBody(
  z.object({
    displayName: nameText({ min: 2, max: 200 }).optional(),
    role: z.enum(ROLES).optional(),
    agencyId: z.uuid().optional(),
    jurisdiction: JurisdictionSchema.optional(),
    disabled: z.boolean().optional(),
  }),
);

/** A temporary password is shown once to the administrator; the user must change it. */
/** `awaitingApproval`: the account cannot sign in with it until a second person approves (four eyes). */
export const UserWithTemporaryPassword = z.object({ user: User, temporaryPassword: z.string(), awaitingApproval: z.boolean() });
