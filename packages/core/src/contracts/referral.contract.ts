import { z } from 'zod';
import { CONSENT_GIVERS, CONSENT_STATES } from '../domain/care/consent.ts';
import { CONSENT_SHARES, PROVIDER_ELIGIBILITY, PROVIDER_FUNDING, PROVIDER_KINDS, PROVIDER_SERVICES } from '../domain/care/provider-values.ts';
import { REFERRAL_ACTION_TYPES, REFERRAL_STATUSES } from '../domain/care/referral-status.ts';
import { ClientId, LocalizedName, PageQuery, pageOf } from './common.contract.ts';
import { isoDate, text } from './primitives.ts';

const Reason = text({ min: 1, max: 5_000, multiline: true });

/** A consent to share a person's data with one provider (issue #10). */
export const RecordConsentBody = z.object({
  clientId: ClientId,
  providerId: z.uuid(),
  shares: z.array(z.enum(CONSENT_SHARES)).min(1).max(CONSENT_SHARES.length),
  /** Last day it holds (Kazakhstan date); not before today (the service checks). */
  validUntil: isoDate(),
  givenBy: z.enum(CONSENT_GIVERS),
});
export type RecordConsentBody = z.infer<typeof RecordConsentBody>;

export const ConsentView = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  providerId: z.uuid(),
  providerName: LocalizedName,
  shares: z.array(z.enum(CONSENT_SHARES)),
  validUntil: z.string(),
  givenBy: z.enum(CONSENT_GIVERS),
  state: z.enum(CONSENT_STATES),
  recordedAt: z.string(),
  agencyName: LocalizedName,
  withdrawnAt: z.string().nullable(),
  /** Whether the viewer may record its withdrawal (consent.withdraw in her scope, still valid). */
  canWithdraw: z.boolean(),
});
export type ConsentView = z.infer<typeof ConsentView>;
export const ConsentList = z.object({ items: z.array(ConsentView) });

/**
 * A referral: to a provider, for named services, on a consent or (with the permission) an
 * override with its reason; an emergency placement pending identification carries its reason.
 */
export const CreateReferralBody = z
  .object({
    clientId: ClientId,
    caseId: z.uuid(),
    providerId: z.uuid(),
    services: z.array(z.enum(PROVIDER_SERVICES)).min(1).max(PROVIDER_SERVICES.length),
    consentId: z.uuid().optional(),
    overrideReason: Reason.optional(),
    emergency: z.boolean().default(false),
    emergencyReason: Reason.optional(),
    /** The day it was made when recorded later (Kazakhstan date); bounded like a late decision (core occurredOnIssues). */
    occurredOn: isoDate().optional(),
  })
  .superRefine((b, ctx) => {
    if (b.emergency && !b.emergencyReason) ctx.addIssue({ code: 'custom', path: ['emergencyReason'], params: { code: 'required' }, message: 'required' });
    if (b.consentId && b.overrideReason)
      ctx.addIssue({ code: 'custom', path: ['overrideReason'], params: { code: 'override_with_consent' }, message: 'override_with_consent' });
  });
export type CreateReferralBody = z.infer<typeof CreateReferralBody>;

/** What a client may append (`sent`, `escalated`, `consent_withdrawn` are the server's own). */
export const ReferralActionInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('accepted'), text: Reason.optional() }),
  z.object({ type: z.literal('declined'), text: Reason }),
  z.object({ type: z.literal('completed'), text: Reason.optional() }),
  z.object({ type: z.literal('withdrawn'), text: Reason }),
  z.object({
    type: z.literal('transferred'),
    text: Reason,
    /** The new referral: another provider, on its own consent (or an override). */
    providerId: z.uuid(),
    services: z.array(z.enum(PROVIDER_SERVICES)).min(1).max(PROVIDER_SERVICES.length).optional(),
    consentId: z.uuid().optional(),
    overrideReason: Reason.optional(),
  }),
]);
export type ReferralActionInput = z.infer<typeof ReferralActionInput>;
export const ReferralActionBody = z.object({ clientId: ClientId, action: ReferralActionInput });
export type ReferralActionBody = z.infer<typeof ReferralActionBody>;

export const ReferralSummary = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  escalated: z.boolean(),
  consentWithdrawn: z.boolean(),
  emergency: z.boolean(),
  /** Sent without consent, on an override with reasons. */
  override: z.boolean(),
  personId: z.uuid(),
  personPseudonym: z.string(),
  /** Null when the viewer may not see the identity (or the consent does not share it). */
  personName: z.string().nullable(),
  caseId: z.uuid(),
  caseReference: z.string(),
  providerId: z.uuid(),
  providerName: LocalizedName,
  providerAgencyId: z.uuid(),
  referringAgencyName: LocalizedName,
  regionCode: z.string(),
  services: z.array(z.enum(PROVIDER_SERVICES)),
  dueAt: z.string(),
  /** Still waiting for an answer after its deadline. */
  overdue: z.boolean(),
  createdAt: z.string(),
  transferredFrom: z.uuid().nullable(),
});
export type ReferralSummary = z.infer<typeof ReferralSummary>;
export const ReferralPage = pageOf(ReferralSummary);

export const ReferralActionView = z.object({
  seq: z.number().int(),
  type: z.enum(REFERRAL_ACTION_TYPES),
  at: z.string(),
  /** Null for the system's own actions (escalation, consent withdrawal). */
  actorName: z.string().nullable(),
  agencyName: LocalizedName.nullable(),
  details: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  text: z.string().nullable(),
  hasText: z.boolean(),
});

export const Referral = ReferralSummary.extend({
  actions: z.array(ReferralActionView),
  /** What the viewer may do now (core allowedReferralActions). */
  allowedActions: z.array(z.enum(REFERRAL_ACTION_TYPES)),
  /** The referral this one was transferred to, if any. */
  transferredTo: z.uuid().nullable(),
  /** What the open access grant shares with the provider now (empty once closed). */
  shares: z.array(z.enum(CONSENT_SHARES)),
  /** The override's reason, for viewers who may see the identity. */
  overrideReason: z.string().nullable(),
});
export type Referral = z.infer<typeof Referral>;

export const ReferralListQuery = PageQuery.extend({
  /** `sent`: by my agency (or of cases it holds); `received`: to my agency's providers; `all`: my scope. */
  box: z.enum(['sent', 'received', 'all']).default('all'),
  status: z.enum(REFERRAL_STATUSES).optional(),
  caseId: z.uuid().optional(),
});

/** A provider for the referral form, with the rules' verdict for this case's person. */
export const EligibleProvider = z.object({
  id: z.uuid(),
  name: LocalizedName,
  kind: z.enum(PROVIDER_KINDS),
  services: z.array(z.enum(PROVIDER_SERVICES)),
  regionCode: z.string(),
  eligibility: z.array(z.enum(PROVIDER_ELIGIBILITY)),
  funding: z.enum(PROVIDER_FUNDING),
  capacity: z.number().int(),
  occupancy: z.number().int(),
  /** Eligible only as an emergency placement pending identification. */
  emergencyOnly: z.boolean(),
});
export const EligibleProviderList = z.object({
  items: z.array(EligibleProvider),
  /** Whether the viewer may refer without a consent (referral.override_consent). */
  mayOverride: z.boolean(),
  /** The person is a child (consent by a guardian). */
  child: z.boolean(),
});
export const EligibleProvidersQuery = z.object({ caseId: z.uuid() });
