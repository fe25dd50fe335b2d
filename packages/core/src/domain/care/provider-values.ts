/**
 * The vocabulary of the provider directory (issue #10), shared by the server, the web app and
 * the rules. DOMAIN.md §2.3–2.4: government-funded, NGO-run shelters; unaccompanied children in
 * separate shelters; free medical, educational, employment, financial, psychological and legal
 * assistance; interpretation; return and reintegration.
 */
export const PROVIDER_KINDS = ['shelter', 'service'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export const PROVIDER_SERVICES = [
  'shelter',
  'medical',
  'psychological',
  'legal',
  'educational',
  'employment',
  'financial',
  'interpretation',
  'return_reintegration',
] as const;
export type ProviderService = (typeof PROVIDER_SERVICES)[number];

/**
 * Who a provider takes. `children`: unaccompanied children, placed separately from adults
 * (a provider with `children` and without `adults` is a child shelter; an adult shelter never
 * lists `children`).
 */
export const PROVIDER_ELIGIBILITY = ['adults', 'children', 'men', 'women', 'foreign_nationals'] as const;
export type ProviderEligibility = (typeof PROVIDER_ELIGIBILITY)[number];

export const PROVIDER_FUNDING = ['government', 'international', 'private', 'mixed'] as const;
export type ProviderFunding = (typeof PROVIDER_FUNDING)[number];

export const SETTLEMENTS = ['urban', 'rural'] as const;
export type Settlement = (typeof SETTLEMENTS)[number];

/** What a consent may allow a provider to see (issue #10: "what may be shared"). */
export const CONSENT_SHARES = ['identity', 'contact', 'case_history', 'health', 'documents'] as const;
export type ConsentShare = (typeof CONSENT_SHARES)[number];
