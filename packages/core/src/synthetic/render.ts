/**
 * Writes a native name the way a given agency's clerk records it: the script conversions of
 * DOMAIN.md §5 plus the slips of hand that deduplication must survive.
 */
import { toKazakhLatin, toPassportLatin, toRussianCyrillic, type PassportScheme } from '../domain/names/index.ts';
import type { NameBank } from './name-bank.ts';
import type { Rng } from './prng.ts';

/** Scripts a record's name can be written in. */
export type RecordScript = 'kk_cyrl' | 'ru_cyrl' | 'kk_latn' | 'uz_latn' | 'passport_latn';

/** The apostrophe of Uzbek oʻ gʻ as typed in practice: six characters, or nothing at all. */
export const UZBEK_APOSTROPHES = ['\u02BB', '\u02BC', "'", '`', '\u2019', '\u2018', ''] as const;

/** Uzbek Latin digraphs and letters → Cyrillic, per clerk: a Russian or a Kazakh keyboard. */
const UZ_DIGRAPHS: Readonly<Record<string, { ru: string; kk: string }>> = {
  sh: { ru: 'ш', kk: 'ш' },
  ch: { ru: 'ч', kk: 'ч' },
  // Oʻ is Cyrillic Ў, which Russian keyboards lack: Russian-language records write У
  // (Oʻtkir → Уткир); a Kazakh clerk reaches for Ө.
  oʻ: { ru: 'у', kk: 'ө' },
  gʻ: { ru: 'г', kk: 'ғ' },
  ya: { ru: 'я', kk: 'я' },
  yu: { ru: 'ю', kk: 'ю' },
  yo: { ru: 'ё', kk: 'ё' },
  ye: { ru: 'е', kk: 'е' },
};
const UZ_LETTERS: Readonly<Record<string, { ru: string; kk: string }>> = {
  a: { ru: 'а', kk: 'а' },
  b: { ru: 'б', kk: 'б' },
  d: { ru: 'д', kk: 'д' },
  e: { ru: 'е', kk: 'е' },
  f: { ru: 'ф', kk: 'ф' },
  g: { ru: 'г', kk: 'г' },
  h: { ru: 'х', kk: 'һ' },
  i: { ru: 'и', kk: 'и' },
  // J is Дж to Russian ears (Джамшид) and Ж to Kazakh ones (Жамшид).
  j: { ru: 'дж', kk: 'ж' },
  k: { ru: 'к', kk: 'к' },
  l: { ru: 'л', kk: 'л' },
  m: { ru: 'м', kk: 'м' },
  n: { ru: 'н', kk: 'н' },
  o: { ru: 'о', kk: 'о' },
  p: { ru: 'п', kk: 'п' },
  q: { ru: 'к', kk: 'қ' },
  r: { ru: 'р', kk: 'р' },
  s: { ru: 'с', kk: 'с' },
  t: { ru: 'т', kk: 'т' },
  u: { ru: 'у', kk: 'у' },
  v: { ru: 'в', kk: 'в' },
  x: { ru: 'х', kk: 'х' },
  y: { ru: 'й', kk: 'й' },
  z: { ru: 'з', kk: 'з' },
};

/**
 * Uzbek Latin → Cyrillic as a Russian- or Kazakh-speaking clerk writes it. Word-initial E is
 * Э (Ergashev → Эргашев). Words keep their capitalisation (Title or UPPER).
 */
export function uzbekToCyrillic(text: string, keyboard: 'ru' | 'kk'): string {
  return text
    .split(/(\s+|-)/)
    .map((word) => {
      const lower = word.toLowerCase();
      let out = '';
      for (let i = 0; i < lower.length; ) {
        const pair = UZ_DIGRAPHS[lower.slice(i, i + 2)];
        if (pair !== undefined) {
          out += pair[keyboard];
          i += 2;
          continue;
        }
        const ch = lower.charAt(i);
        const letter = UZ_LETTERS[ch];
        out += i === 0 && ch === 'e' ? 'э' : letter !== undefined ? letter[keyboard] : ch;
        i += 1;
      }
      if (word.length > 1 && word === word.toUpperCase() && word !== lower) return out.toUpperCase();
      return word.charAt(0) !== word.charAt(0).toLowerCase() ? out.charAt(0).toUpperCase() + out.slice(1) : out;
    })
    .join('');
}

/** Letters a Kazakh clerk lacks for Tajik names, replaced by the nearest Kazakh letter. */
const TAJIK_TO_KAZAKH: Readonly<Record<string, string>> = { ҷ: 'ж', Ҷ: 'Ж', ӣ: 'и', Ӣ: 'И', ӯ: 'у', Ӯ: 'У', ҳ: 'х', Ҳ: 'Х' };

/** Renders one native name part in `script`. Pure; see `renderCached` for the memoised form. */
function renderUncached(text: string, alphabet: NameBank['alphabet'], script: RecordScript, scheme: PassportScheme): string {
  if (alphabet === 'uz_latn') {
    switch (script) {
      case 'uz_latn':
        return text;
      case 'passport_latn':
        return toPassportLatin(text, scheme);
      case 'ru_cyrl':
        return uzbekToCyrillic(text, 'ru');
      case 'kk_cyrl':
        return uzbekToCyrillic(text, 'kk');
      case 'kk_latn':
        return toKazakhLatin(uzbekToCyrillic(text, 'kk'));
    }
  }
  switch (script) {
    case 'passport_latn':
      return toPassportLatin(text, scheme);
    case 'ru_cyrl':
      return toRussianCyrillic(text);
    case 'kk_latn':
      return toKazakhLatin(text);
    // Native Cyrillic (Kazakh, Kyrgyz, Russian) is what a Kazakh-keyboard clerk types, but for
    // Tajik letters; Uzbek Latin is only ever chosen for Uzbek-alphabet names.
    default:
      return text.replace(/[ҷҶӣӢӯӮҳҲ]/g, (c) => TAJIK_TO_KAZAKH[c] ?? c);
  }
}

/**
 * Memo of renderings, one map per (script, passport scheme). Name parts come from finite
 * lists, so this stays small (a few thousand entries) and makes a million records cheap; it
 * never changes results. Two levels avoid building a concatenated key per lookup.
 */
const renderMemo = new Map<string, Map<string, string>>();

/** Renders one native name part in `script` (passport scheme matters only for passport_latn). */
export function renderName(text: string, alphabet: NameBank['alphabet'], script: RecordScript, scheme: PassportScheme = 'icao'): string {
  const memoKey = script === 'passport_latn' ? scheme : script;
  let memo = renderMemo.get(memoKey);
  if (memo === undefined) renderMemo.set(memoKey, (memo = new Map()));
  let out = memo.get(text);
  if (out === undefined) {
    out = renderUncached(text, alphabet, script, scheme);
    if (memo.size < 20_000) memo.set(text, out);
  }
  return out;
}

/** Replaces the Uzbek apostrophe (U+02BB) with the given variant. */
export function withApostrophe(text: string, apostrophe: string): string {
  return apostrophe === '\u02BB' || !text.includes('\u02BB') ? text : text.replaceAll('\u02BB', apostrophe);
}

/**
 * One slip of hand: swap two adjacent letters, drop one, or type one twice. Words of fewer
 * than 4 letters are left alone (a typo there would make a different name, not a variant).
 */
export function addTypo(rng: Rng, text: string): string {
  const chars = Array.from(text);
  if (chars.length < 4) return text;
  // Never touch the first letter: clerks rarely mistype it and it anchors sorting.
  const i = 1 + rng.int(chars.length - 2);
  const a = chars[i] ?? '';
  const b = chars[i + 1] ?? '';
  if (a === ' ' || a === '-' || b === ' ' || b === '-') return text;
  switch (rng.int(3)) {
    case 0:
      chars[i] = b;
      chars[i + 1] = a;
      break;
    case 1:
      chars.splice(i, 1);
      break;
    default:
      chars.splice(i, 0, a);
  }
  return chars.join('');
}
