import type { PublishedValue } from './suppression.ts';

export type PublicationLanguage = 'kk' | 'ru' | 'en';

/** How a suppressed small count is shown (1 … 10 persons), the same in every language. */
export const SMALL_CELL_MARK = '<11';
/**
 * How a cell suppressed only to protect a small one is shown. "x" is the mark of the Bureau of
 * National Statistics for confidential figures; a footnote explains it (i18n
 * `statistics.disclosure.secondaryNote`).
 */
export const SECONDARY_CELL_MARK = 'x';

const LOCALES: Record<PublicationLanguage, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

/** A published cell as text: the number with the language's digit grouping, or its mark. */
export function formatPublishedCell(cell: PublishedValue, lang: PublicationLanguage): string {
  if ('value' in cell) return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 0 }).format(cell.value);
  return cell.suppressed === 'small' ? SMALL_CELL_MARK : SECONDARY_CELL_MARK;
}
