/**
 * Renders a name in another script, the way a given document or clerk would (DOMAIN.md §5).
 * These are for display, data entry help and synthetic data; matching uses `nameSearchTokens`.
 */
import { APOSTROPHES, ICAO_CYRILLIC, KAZAKH_LATIN, RU_1997_OVERRIDES, RU_2010_OVERRIDES, TO_RUSSIAN, foldLatinChar, upperKazakhLatin } from './tables.ts';

const LETTER = /\p{L}/u;

/**
 * Whether an uppercase letter at `i` sits in an all-caps word (ЮЛИЯ → İULİİA, not İuLİİa):
 * decided by the neighbouring letters, the next one first.
 */
function inAllCapsWord(chars: readonly string[], i: number): boolean {
  const isUpperLetter = (c: string | undefined): boolean => c !== undefined && LETTER.test(c) && c !== c.toLowerCase();
  const next = chars[i + 1];
  if (next !== undefined && LETTER.test(next)) return isUpperLetter(next);
  return isUpperLetter(chars[i - 1]);
}

/**
 * Maps each letter through `table` (lowercase keys), keeping the letter's case. A multi-letter
 * replacement of an uppercase letter is all-caps inside an all-caps word, else capitalised.
 * Characters without an entry pass through unchanged.
 */
function mapKeepingCase(text: string, table: Readonly<Record<string, string>>, upper: (s: string) => string): string {
  const chars = Array.from(text.normalize('NFC'));
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    const lower = ch.toLowerCase();
    const mapped = table[lower];
    if (mapped === undefined) {
      out += ch;
    } else if (ch === lower || mapped === '') {
      out += mapped;
    } else if (inAllCapsWord(chars, i)) {
      out += upper(mapped);
    } else {
      const [first = '', ...rest] = Array.from(mapped);
      out += upper(first) + rest.join('');
    }
  }
  return out;
}

/** Russia's passport transliteration schemes; 'icao' (2013 on) is ICAO 9303. */
export type PassportScheme = 'icao' | 'ru_2010' | 'ru_1997';

/**
 * Passport (machine-readable zone style) Latin: uppercase A–Z.
 * Cyrillic follows ICAO 9303 (Ж ZH, Х KH, Ц TS, Ч CH, Ш SH, Щ SHCH, Ы Y, Ъ IE, Ь dropped,
 * Э/Е/Ё E, Ю IU, Я IA, Й I) with Kazakh Ә→A, Ғ→G, Қ→K, Ң→N, Ө→O, Ұ/Ү→U, Һ→H, І→I;
 * `scheme` selects Russia's older schemes (ru_2010: Ц→TC; ru_1997: Й→Y, Ю→YU, Я→YA).
 * Latin letters with diacritics fold to A–Z (Ä→A, Ş→SH, Ç→CH, İ/ı→I), apostrophes are
 * dropped (Uzbek Oʻ→O), letters of other scripts are dropped; spaces, hyphens and other
 * punctuation are kept.
 */
export function toPassportLatin(text: string, scheme: PassportScheme = 'icao'): string {
  const overrides = scheme === 'ru_1997' ? RU_1997_OVERRIDES : scheme === 'ru_2010' ? RU_2010_OVERRIDES : undefined;
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (APOSTROPHES.has(ch)) continue;
    // İ is handled before toLowerCase, which would give "i" + U+0307.
    const lower = ch === '\u0130' ? 'i' : ch.toLowerCase();
    const cyr = overrides?.[lower] ?? ICAO_CYRILLIC[lower];
    if (cyr !== undefined) out += cyr.toUpperCase();
    else if (LETTER.test(ch)) out += foldLatinChar(lower).toUpperCase();
    else out += ch;
  }
  return out;
}

/**
 * Kazakh Latin (2021 alphabet: Ä Ğ Q Ñ Ö Ū Ü Ş, I/ı for І, İ/i for И and Й, Y for Ы, J for Ж,
 * H for Х/Һ; Ц→Ts, Ч→Ch, Щ→Ş, Ё→İo, Ю→İu, Я→İa, Ъ/Ь omitted) from Kazakh or Russian
 * Cyrillic, keeping case. Latin input passes through unchanged.
 */
export function toKazakhLatin(text: string): string {
  return mapKeepingCase(text, KAZAKH_LATIN, upperKazakhLatin);
}

/**
 * Kazakh (also Kyrgyz, Tajik, Uzbek) Cyrillic → Russian Cyrillic as a Russian-speaking clerk
 * types it: ә→а, ғ→г, қ→к, ң→н, ө→о, ұ/ү→у, һ→х, і→и (and ҳ→х, ҷ→дж, ӣ→и, ӯ/ў→у),
 * keeping case. Other text passes through unchanged.
 */
export function toRussianCyrillic(text: string): string {
  return mapKeepingCase(text, TO_RUSSIAN, (s) => s.toUpperCase());
}
