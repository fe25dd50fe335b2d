import { z } from 'zod';
import { AGENCY_TYPES, PERMISSIONS, ROLES } from '../access/index.ts';
import { LocalizedName, RegionCodeSchema } from './common.contract.ts';
import { codeText, secretText, text } from './primitives.ts';

export const SignInBody = z.object({
  username: text({ min: 1, max: 64 }),
  password: secretText({ min: 1, max: 256 }),
  /** Six-digit TOTP code; required once the account has two-factor enrolled. */
  code: codeText(/^\d{6}$/, { max: 6 }).optional(),
});
export type SignInBody = z.infer<typeof SignInBody>;

export const JurisdictionSchema = z.discriminatedUnion('national', [
  z.object({ national: z.literal(true), regions: z.array(RegionCodeSchema).max(0) }),
  z.object({ national: z.literal(false), regions: z.array(RegionCodeSchema).min(1) }),
]);

/**
 * What a session may do next: `active` is a full session; `enroll_totp` and
 * `change_password` sessions may only finish that step.
 */
export const SessionStage = z.enum(['active', 'enroll_totp', 'change_password']);
export type SessionStage = z.infer<typeof SessionStage>;

export const Me = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  agency: z.object({ id: z.uuid(), name: LocalizedName, type: z.enum(AGENCY_TYPES) }),
  jurisdiction: JurisdictionSchema,
  permissions: z.array(z.enum(PERMISSIONS)),
  stage: SessionStage,
  twoFactorEnabled: z.boolean(),
  csrfToken: z.string(),
  /**
   * Failed sign-ins to this account (from any address) between the previous sign-in and the
   * one that opened this session, so the owner learns of attempts on her account; null if none.
   */
  failedSignIns: z
    .object({ count: z.number().int().min(1), lastAt: z.string() })
    .nullable()
    .optional(),
});
export type Me = z.infer<typeof Me>;

export const TotpEnrolment = z.object({ secret: z.string(), otpauthUri: z.string(), qrSvg: z.string() });
export type TotpEnrolment = z.infer<typeof TotpEnrolment>;

export const TotpConfirmBody = z.object({ code: codeText(/^\d{6}$/, { max: 6 }) });

export const ChangePasswordBody = z.object({
  currentPassword: secretText({ min: 1, max: 256 }),
  newPassword: secretText({ max: 256 }),
});
