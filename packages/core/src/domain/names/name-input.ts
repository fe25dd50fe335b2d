/**
 * What a typed name may hold (issue #8). A name is read by officers deciding about a person:
 * it must not be able to look empty while not being empty, nor reorder itself on screen.
 */

/**
 * Characters that draw nothing: zero-width space, joiners (ZWJ, ZWNJ), word joiner, BOM,
 * soft hyphen, variation selectors, Hangul fillers, bidirectional marks and controls (all
 * Default_Ignorable_Code_Point), and every kind of white space.
 */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{White_Space}]/gu;

/**
 * Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) and
 * the directional marks (U+200E, U+200F, U+061C). Why refused in names: an RLO turns
 * "Akmaral" into what looks like another name, and a name is typed letter by letter, never
 * needs a control; right-to-left scripts display correctly without them.
 */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;

/** The text with every invisible character removed: what a reader actually sees. */
export function visibleText(s: string): string {
  return s.replace(INVISIBLE, '');
}

export function hasBidiControl(s: string): boolean {
  return BIDI_CONTROL.test(s);
}

export type NameIssue = 'name_invisible' | 'bidi_control';

/**
 * Why a name cannot be accepted, or null. An empty string is the caller's business (an
 * optional middle name may be empty); only text that shows nothing while holding something
 * is refused here.
 */
export function nameIssue(s: string): NameIssue | null {
  if (hasBidiControl(s)) return 'bidi_control';
  if (s.length > 0 && visibleText(s).length === 0) return 'name_invisible';
  return null;
}
