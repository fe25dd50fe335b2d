import type { Actor } from '../../access/policy.ts';
import { scopeOf } from '../../access/role-grants.ts';
import type { Role } from '../../access/roles.ts';
import type { FieldIssue } from '../../errors.ts';
import type { Gender } from '../../reference/htcds.ts';
import type { ProviderEligibility, ProviderKind, ProviderService } from './provider-values.ts';

/**
 * The rules of the provider directory (issue #10), pure: the server's validation, the web's
 * forms and the referral workflow all read them. DOMAIN.md §2.3: government-funded, NGO-run
 * shelters; unaccompanied children placed separately from adults.
 */

/** Beds no single shelter plausibly has: a larger number is a typing error. */
export const MAX_PROVIDER_PLACES = 1000;

/** The facts of a provider the rules look at (a row, a create body, or a patch merged onto a row). */
export interface ProviderFacts {
  kind: ProviderKind;
  services: readonly ProviderService[];
  eligibility: readonly ProviderEligibility[];
  capacity: number;
  occupancy: number;
}

/** Free places: never negative (an occupancy above capacity recorded elsewhere shows 0 free). */
export function freePlaces(p: { capacity: number; occupancy: number }): number {
  return Math.max(0, p.capacity - p.occupancy);
}

/**
 * Field-level problems of a provider's entry beyond the shape of its fields, each with the
 * path of the field to correct and an i18n key under `validation.`:
 * - `occupancy_over_capacity`: more persons placed than places;
 * - `service_has_no_beds`: a service (not a shelter) has capacity 0;
 * - `shelter_service_required` / `service_lists_shelter`: the kind and the `shelter` service agree;
 * - `children_placed_separately`: a shelter takes children or adults, never both (DOMAIN.md §2.3);
 * - `age_group_required`: a provider takes adults, children, or both (a service may serve both).
 */
export function providerIssues(p: ProviderFacts): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (p.kind === 'service' && p.capacity !== 0) issues.push({ path: 'capacity', code: 'service_has_no_beds' });
  if (p.occupancy > p.capacity) issues.push({ path: 'occupancy', code: 'occupancy_over_capacity', params: { capacity: p.capacity } });
  const listsShelter = p.services.includes('shelter');
  if (p.kind === 'shelter' && !listsShelter) issues.push({ path: 'services', code: 'shelter_service_required' });
  if (p.kind === 'service' && listsShelter) issues.push({ path: 'services', code: 'service_lists_shelter' });
  const adults = p.eligibility.includes('adults');
  const children = p.eligibility.includes('children');
  if (p.kind === 'shelter' && adults && children) issues.push({ path: 'eligibility', code: 'children_placed_separately' });
  if (!adults && !children) issues.push({ path: 'eligibility', code: 'age_group_required' });
  return issues;
}

/** A person's facts for matching: age group, sex (`unknown` when not recorded), foreign national or not. */
export interface PlacementNeed {
  age: 'adult' | 'child';
  sex: 'female' | 'male' | 'unknown';
  foreign: boolean;
}

/** The sex a provider's `women`/`men` eligibility reads, from an HTCDS gender (as the person identifies). */
export function sexOfGender(g: Gender | null | undefined): PlacementNeed['sex'] {
  if (g === 'Feminine' || g === 'TransgenderFeminine') return 'female';
  if (g === 'Masculine' || g === 'TransgenderMasculine') return 'male';
  return 'unknown';
}

/**
 * Whether a provider takes this person (the referral workflow offers only those that do):
 * - active providers only;
 * - a child only where `children` is listed, an adult only where `adults` is (so never to a
 *   child shelter: unaccompanied children are placed separately);
 * - a provider listing only `women` (or only `men`) takes only that sex; one listing both or
 *   neither takes anyone; a person of unknown sex only where no single sex is required;
 * - a foreign national only where `foreign_nationals` is listed.
 * Free places are NOT checked here: a full shelter still takes the person, later (see freePlaces).
 */
export function providerTakes(provider: { eligibility: readonly ProviderEligibility[]; active?: boolean }, need: PlacementNeed): boolean {
  const e = provider.eligibility;
  if (provider.active === false) return false;
  if (!e.includes(need.age === 'child' ? 'children' : 'adults')) return false;
  const women = e.includes('women');
  const men = e.includes('men');
  if (women !== men) {
    if (need.sex === 'unknown') return false;
    if (women && need.sex !== 'female') return false;
    if (men && need.sex !== 'male') return false;
  }
  if (need.foreign && !e.includes('foreign_nationals')) return false;
  return true;
}

/**
 * Authority per action on the directory (ARCHITECTURE.md "Authority is per action"): read by
 * the server's check, by `allowedActions` in the provider view, by the web's buttons and by the
 * access-matrix test. `national`: any provider; `agency`: only providers the actor's agency runs.
 * A shelter manager keeps her own entry current; only an administrator adds providers.
 */
export const PROVIDER_ACTIONS = ['create', 'update', 'occupancy'] as const;
export type ProviderAction = (typeof PROVIDER_ACTIONS)[number];

export const PROVIDER_ACTION_RULES: Record<ProviderAction, { roles: readonly Role[] }> = {
  create: { roles: ['administrator'] },
  update: { roles: ['administrator', 'shelter_manager'] },
  occupancy: { roles: ['administrator', 'shelter_manager'] },
};

/** Whether the role may take `action` on some provider (like a route's permission). */
export function roleMayManageProviders(role: Role, action: ProviderAction): boolean {
  return PROVIDER_ACTION_RULES[action].roles.includes(role) && scopeOf(role, 'provider.manage') !== undefined;
}

/**
 * Whether this actor may take `action` on this provider (`create`: the provider to be, with the
 * agency that will run it). `agency` scope: only her agency's providers.
 */
export function mayManageProvider(actor: Pick<Actor, 'role' | 'agencyId'>, action: ProviderAction, provider: { agencyId: string }): boolean {
  if (!PROVIDER_ACTION_RULES[action].roles.includes(actor.role)) return false;
  const scope = scopeOf(actor.role, 'provider.manage');
  if (scope === 'national') return true;
  if (action === 'create') return false;
  return scope === 'agency' && provider.agencyId === actor.agencyId;
}

/** The actions this actor may take on this provider (the view's `allowedActions`). */
export function providerActionsFor(actor: Pick<Actor, 'role' | 'agencyId'>, provider: { agencyId: string }): ProviderAction[] {
  return (['update', 'occupancy'] as const).filter((a) => mayManageProvider(actor, a, provider));
}
