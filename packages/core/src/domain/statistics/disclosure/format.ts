import { type PublishedValue, SMALL_CELL_THRESHOLD } from './suppression.ts';

export type PublicationLanguage = 'kk' | 'ru' | 'en';

/** How a suppressed small count is shown (1 … 10 persons), the same in every language. */
export const SMALL_CELL_MARK = `<${SMALL_CELL_THRESHOLD}`;
/**
 * How a cell suppressed only to protect a small one is shown. "x" is how the Bureau of National
 * Statistics marks confidential figures; a footnote explains both marks (i18n
 * `statistics.disclosure.smallNote` and `secondaryNote`, with `mark` and `n` = 10).
 */
export const SECONDARY_CELL_MARK = 'x';

const LOCALES: Record<PublicationLanguage, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

/** A published cell as text: the number with the language's digit grouping, or its mark. */
export function formatPublishedCell(cell: PublishedValue, lang: PublicationLanguage): string {
  if ('value' in cell) return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 0 }).format(cell.value);
  return cell.suppressed === 'small' ? SMALL_CELL_MARK : SECONDARY_CELL_MARK;
}

/** A published cell for a CSV or XLSX file: a number stays a number, a suppressed cell is its mark. */
export const publishedCellForFile = (cell: PublishedValue): number | string =>
  'value' in cell ? cell.value : cell.suppressed === 'small' ? SMALL_CELL_MARK : SECONDARY_CELL_MARK;
