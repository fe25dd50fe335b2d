import type { ReportLang, Shown } from './types.ts';

/**
 * Numbers as the report writes them, shared by the three languages. Plural categories come from
 * ICU (`Intl.PluralRules`), grouping from `Intl.NumberFormat`: both work the same in Node and in
 * the browser, and neither is ours to re-invent.
 */

const pluralRules = new Map<ReportLang, Intl.PluralRules>();
const integerFormats = new Map<ReportLang, Intl.NumberFormat>();
const oneDecimalFormats = new Map<ReportLang, Intl.NumberFormat>();
const listFormats = new Map<ReportLang, Intl.ListFormat>();

function cached<T>(map: Map<ReportLang, T>, lang: ReportLang, make: () => T): T {
  let value = map.get(lang);
  if (value === undefined) {
    value = make();
    map.set(lang, value);
  }
  return value;
}

/** The ICU plural category of a count; "fewer than 11" takes the form 11 takes. */
export function pluralCategory(lang: ReportLang, n: Shown): Intl.LDMLPluralRule {
  return cached(pluralRules, lang, () => new Intl.PluralRules(lang)).select(n === 'lt11' ? 11 : n);
}

export function pick<T>(lang: ReportLang, n: Shown, forms: { one: T; other: T }): T {
  return pluralCategory(lang, n) === 'one' ? forms.one : forms.other;
}

/** A whole number with the language's grouping: en "218,360", ru/kk "218 360" (no-break space). */
export function formatInteger(lang: ReportLang, n: number): string {
  return cached(integerFormats, lang, () => new Intl.NumberFormat(lang, { maximumFractionDigits: 0 })).format(n);
}

function formatOneDecimal(lang: ReportLang, n: number): string {
  return cached(oneDecimalFormats, lang, () => new Intl.NumberFormat(lang, { maximumFractionDigits: 1 })).format(n);
}

/** "a, b, and c" / "a, b и c" as ICU joins a list in the language. */
export function joinList(lang: ReportLang, items: string[]): string {
  return cached(listFormats, lang, () => new Intl.ListFormat(lang, { type: 'conjunction' })).format(items);
}

/**
 * Dollars for a tenge amount at the year's stated rate, rounded to the nearest ten dollars as the
 * TIP report rounds them (101,000,000 / 462.54 → $218,360).
 */
export function tengeToUsd(tenge: number, tengePerUsd: number | null): number | null {
  if (tengePerUsd === null || !(tengePerUsd > 0)) return null;
  return Math.round(tenge / tengePerUsd / 10) * 10;
}

/**
 * A tenge amount's figure and scale: millions (or billions) with at most one decimal from one
 * million up ("101", "1.2"), the whole number below. Money is always in digits, never words.
 */
export function tengeFigure(lang: ReportLang, tenge: number): { figure: string; value: number; scale: 'billion' | 'million' | null } {
  const millions = Math.round(tenge / 100_000) / 10;
  if (millions >= 1000) {
    const billions = Math.round(tenge / 100_000_000) / 10;
    return { figure: formatOneDecimal(lang, billions), value: billions, scale: 'billion' };
  }
  if (tenge >= 1_000_000) return { figure: formatOneDecimal(lang, millions), value: millions, scale: 'million' };
  return { figure: formatInteger(lang, tenge), value: tenge, scale: null };
}
