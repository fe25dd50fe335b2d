import { formatInteger } from './numbers.ts';
import type { Shown } from './types.ts';

/**
 * Kazakh numbers. A noun after a numeral stays singular ("24 құрбан"), so counts need no plural
 * forms; but a case ending on a numeral follows the sound of the numeral's last word as read
 * aloud ("20-мен" жиырма, "31-мен" бір, "11-ден" бір, "40-пен" қырық), so for digits we find that
 * word, and take the ending from its last sound and (for the ablative) its vowel harmony.
 */

export const KK_WORDS = ['нөл', 'бір', 'екі', 'үш', 'төрт', 'бес', 'алты', 'жеті', 'сегіз', 'тоғыз'];
const TENS = ['', 'он', 'жиырма', 'отыз', 'қырық', 'елу', 'алпыс', 'жетпіс', 'сексен', 'тоқсан'];

/** A count as written: a word under ten, grouped digits from ten, "11-ден аз". */
export function kkNumber(n: Shown): string {
  if (n === 'lt11') return `11-${kkSuffix(lastWord(11), 'abl')} аз`;
  return Number.isInteger(n) && n >= 0 && n < 10 ? (KK_WORDS[n] as string) : formatInteger('kk', n);
}

/** The last word of a whole number read aloud in Kazakh (1 000 500 → "бір миллион бес жүз" → "жүз"). */
export function lastWord(n: number): string {
  if (n === 0) return 'нөл';
  if (n % 10 !== 0) return KK_WORDS[n % 10] as string;
  if (n % 100 !== 0) return TENS[(n % 100) / 10] as string;
  if (n % 1000 !== 0) return 'жүз';
  if (n % 1_000_000 !== 0) return 'мың';
  if (n % 1_000_000_000 !== 0) return 'миллион';
  return 'миллиард';
}

const BACK = 'аоұыяё';
const FRONT = 'әеөүіэ';
const VOICELESS = 'бвгдкқпстфхцчшщ';

/** The instrumental (-мен/-бен/-пен) or ablative (-дан/-ден/-нан/-нен/-тан/-тен) ending for a word. */
export function kkSuffix(word: string, kkcase: 'ins' | 'abl'): string {
  const last = word.at(-1) ?? '';
  const front = [...word].reverse().find((c) => BACK.includes(c) || FRONT.includes(c));
  const e = front !== undefined && FRONT.includes(front);
  if (kkcase === 'ins') {
    if ('жз'.includes(last)) return 'бен';
    if (VOICELESS.includes(last)) return 'пен';
    return 'мен';
  }
  if ('мнң'.includes(last)) return e ? 'нен' : 'нан';
  if (VOICELESS.includes(last)) return e ? 'тен' : 'тан';
  return e ? 'ден' : 'дан'; // vowels, л р й у, ж з
}

/** A count with a case ending: a word takes it directly ("беспен"), digits after a hyphen ("20-мен"). */
export function kkNumberIn(n: Shown, kkcase: 'ins' | 'abl'): string {
  const text = kkNumber(n);
  if (n === 'lt11') return `${text} сан${kkSuffix('сан', kkcase)}`; // "11-ден аз санмен": the ending goes on a noun, not on "аз"
  if (Number.isInteger(n) && n >= 0 && n < 10) return `${text}${kkSuffix(text, kkcase)}`;
  return `${text}-${kkSuffix(lastWord(Math.floor(n)), kkcase)}`;
}
