import { type Cell, HTCDS_COLUMN_CODES, htcdsHeaderScore } from '@qorgau/core';
import { LOCALES, type Translator } from '../../http/i18n.ts';

/** Every column's heading in each language Qorgau writes (`htcds.column.<code>`; the English ones are the template's). */
export const htcdsColumnLabels = (translator: Translator): Record<string, string[]> =>
  Object.fromEntries(HTCDS_COLUMN_CODES.map((code) => [code, LOCALES.map((l) => translator.t(l, `htcds.column.${code}`))]));

/** The sheet holding the records: the one whose header names the most HTCDS columns ("Case Sheet", not "validation"). */
export function pickHtcdsSheet(grids: Cell[][][]): number {
  let best = 0;
  grids.forEach((g, i) => {
    if (htcdsHeaderScore(g) > htcdsHeaderScore(grids[best] ?? [])) best = i;
  });
  return best;
}
