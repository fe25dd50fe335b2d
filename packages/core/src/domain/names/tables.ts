/**
 * Character tables shared by the name search key and the transliterators (DOMAIN.md §5).
 * All keys are lowercase; callers lowercase first (see `lowerName`) and re-apply case.
 */

/**
 * The apostrophe in Uzbek Latin (oʻ gʻ) and in some Kazakh Latin drafts arrives as any of
 * these characters, or not at all, so it never carries meaning for matching.
 * U+02BB ʻ, U+02BC ʼ, U+0027 ', U+0060 `, U+2019 ’, U+2018 ‘, plus the acute accent and the
 * modifier prime that some keyboards and transliteration tools substitute.
 */
export const APOSTROPHES: ReadonlySet<string> = new Set(['\u02BB', '\u02BC', "'", '`', '\u2019', '\u2018', '\u00B4', '\u02B9']);

/**
 * Cyrillic → Latin per ICAO Doc 9303 (7th edition, 2015; the scheme Russia adopted in 2013),
 * extended with the Kazakh letters as Kazakhstan's passports render them (Ә→A, Ғ→G, Қ→K,
 * Ң→N, Ө→O, Ұ/Ү→U, Һ→H, І→I) and the Tajik/Uzbek Cyrillic letters (Ҳ→H, Ҷ→J, Ӣ→I, Ӯ/Ў→U).
 * Kyrgyz needs only ң ө ү, which Kazakh already has.
 */
export const ICAO_CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: 'ie',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
  ә: 'a',
  ғ: 'g',
  қ: 'k',
  ң: 'n',
  ө: 'o',
  ұ: 'u',
  ү: 'u',
  һ: 'h',
  і: 'i',
  ҳ: 'h',
  ҷ: 'j',
  ӣ: 'i',
  ӯ: 'u',
  ў: 'u',
  ґ: 'g',
  є: 'ie',
  ї: 'i',
};

/**
 * Russia's two earlier passport schemes, as overrides of the ICAO table. Old passports stay
 * valid for ten years and people keep the spelling across renewals, so all three meet us:
 * 1997 (MVD order 310): Юлия Цой → YULIYA TSOY; 2010 (FMS order 26): → IULIIA TCOI.
 */
export const RU_1997_OVERRIDES: Readonly<Record<string, string>> = { й: 'y', ю: 'yu', я: 'ya', ъ: '' };
export const RU_2010_OVERRIDES: Readonly<Record<string, string>> = { ц: 'tc', ъ: '' };

/**
 * Kazakh Cyrillic → Kazakh Latin, following the 2021 revision of the Latin alphabet (presented
 * January 2021; 31 letters: A Ä B D E F G Ğ H I İ J K L M N Ñ O Ö P Q R S Ş T U Ū Ü V Y Z).
 * Letters that alphabet dropped are written as its draft spelling rules propose:
 * Ц→Ts, Ч→Ch, Щ→Ş, Ё→İo, Ю→İu, Я→İa, Э→E, Ъ/Ь omitted. Note the dotless/dotted split:
 * І→I/ı and И,Й→İ/i, which is why uppercase is handled by `upperKazakhLatin`, never by
 * String.prototype.toUpperCase (which maps i→I and would turn И into І).
 */
export const KAZAKH_LATIN: Readonly<Record<string, string>> = {
  а: 'a',
  ә: 'ä',
  б: 'b',
  в: 'v',
  г: 'g',
  ғ: 'ğ',
  д: 'd',
  е: 'e',
  ё: 'io',
  ж: 'j',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  қ: 'q',
  л: 'l',
  м: 'm',
  н: 'n',
  ң: 'ñ',
  о: 'o',
  ө: 'ö',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ұ: 'ū',
  ү: 'ü',
  ф: 'f',
  х: 'h',
  һ: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'ş',
  щ: 'ş',
  ъ: '',
  ы: 'y',
  і: 'ı',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
  ҳ: 'h',
  ҷ: 'j',
  ӣ: 'i',
  ӯ: 'u',
  ў: 'u',
};

/** Uppercases Kazakh Latin text, keeping the İ/i and I/ı pairs apart. */
export function upperKazakhLatin(s: string): string {
  let out = '';
  for (const ch of s) out += ch === 'i' ? 'İ' : ch === 'ı' ? 'I' : ch.toUpperCase();
  return out;
}

/**
 * Kazakh (and Kyrgyz, Tajik, Uzbek) Cyrillic letters → the Russian letter a Russian-speaking
 * clerk types for them on a Russian keyboard layout.
 */
export const TO_RUSSIAN: Readonly<Record<string, string>> = {
  ә: 'а',
  ғ: 'г',
  қ: 'к',
  ң: 'н',
  ө: 'о',
  ұ: 'у',
  ү: 'у',
  һ: 'х',
  і: 'и',
  ҳ: 'х',
  ҷ: 'дж',
  ӣ: 'и',
  ӯ: 'у',
  ў: 'у',
};

/**
 * Latin letters with diacritics (Kazakh Latin, Turkic, Central European) → basic Latin.
 * Ş/Ç become SH/CH rather than S/C because in this region they always stand for Ш/Ч, and
 * the passport of the same person spells SH/CH; Ä becomes A (not ICAO's German AE) because
 * it stands for Kazakh Ә, which the passport spells A. Anything not listed here is folded by
 * Unicode decomposition (é→e).
 */
export const LATIN_FOLD: Readonly<Record<string, string>> = {
  ä: 'a',
  ə: 'a',
  ğ: 'g',
  ñ: 'n',
  ŋ: 'n',
  ň: 'n',
  ö: 'o',
  ɵ: 'o',
  ø: 'o',
  ü: 'u',
  ū: 'u',
  ş: 'sh',
  ș: 'sh',
  š: 'sh',
  ç: 'ch',
  č: 'ch',
  ž: 'zh',
  ı: 'i',
  ý: 'y',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  đ: 'd',
  ł: 'l',
  þ: 'th',
};

/**
 * Lowercases a name safely: 'İ'.toLowerCase() is "i" + U+0307 (two code units) in JavaScript,
 * so İ is mapped first; NFC first so a decomposed Й (И + U+0306) is one letter again.
 */
export function lowerName(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\u0130/g, 'i')
    .toLowerCase();
}

/** Basic-Latin letters of one already-lowercase Latin character, or '' if it has none. */
export function foldLatinChar(ch: string): string {
  if (ch >= 'a' && ch <= 'z') return ch;
  const mapped = LATIN_FOLD[ch];
  if (mapped !== undefined) return mapped;
  // Decompose and keep only basic letters: é→e, ǵ→g; combining marks (incl. U+0307) vanish.
  return ch.normalize('NFD').replace(/[^a-z]/g, '');
}
