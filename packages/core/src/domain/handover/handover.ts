import type { AgencyType } from '../../access/roles.ts';

/**
 * Agency types whose staff conduct the formal identification (DOMAIN.md §1–2): the "interview
 * and assessment by law enforcement, social services or an NGO" is done by identification
 * officers of a police anti-trafficking unit (`police`) or of an accredited NGO (`ngo`). These
 * are the only agency types that hold identification officers, so the only ones a frontline
 * screener may hand a person over to; every other type (a shelter, a prosecutor, a hotline, the
 * screener's own inspectorate) would either not identify or receive identity it must not see.
 * Social-protection bodies identify too but have no agency type yet: add it here when it comes.
 */
export const IDENTIFYING_AGENCY_TYPES = ['police', 'ngo'] as const satisfies readonly AgencyType[];

/** What the rule needs to know about a candidate receiving agency. */
export interface HandoverTarget {
  type: string;
  /** ISO 3166-2:KZ region the agency serves; null = national. */
  regionCode: string | null;
  disabled: boolean;
}

/**
 * Why a handover to `target` of a case in `caseRegion` is refused (a field code under
 * `validation.`), or null when the agency may receive it: an identification unit, enabled,
 * serving the person's region or the whole country.
 */
export function handoverRefusal(target: HandoverTarget | null, caseRegion: string): 'not_found' | 'not_identification_unit' | 'outside_region' | null {
  if (!target || target.disabled) return 'not_found';
  if (!(IDENTIFYING_AGENCY_TYPES as readonly string[]).includes(target.type)) return 'not_identification_unit';
  if (target.regionCode !== null && target.regionCode !== caseRegion) return 'outside_region';
  return null;
}

export const mayReceiveHandover = (target: HandoverTarget, caseRegion: string): boolean => handoverRefusal(target, caseRegion) === null;

/**
 * The identification due date after a handover (ISO dates compare as strings). A handover
 * starts the identification clock, but never pushes back one already running: a
 * pre-deportation or detention screening started it at the screening (DOMAIN.md §2.7), and
 * handing the person over later must not give a removal more time than identification.
 */
export function dueAfterHandover(running: string | null, fromHandover: string): string {
  return running !== null && running < fromHandover ? running : fromHandover;
}
