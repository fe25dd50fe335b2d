/**
 * Search keys for personal names across scripts (DOMAIN.md §5).
 *
 * One person reaches us as Kazakh Cyrillic, Russian Cyrillic, Kazakh Latin, Uzbek Latin,
 * Kyrgyz Cyrillic and passport Latin. `nameSearchTokens` reduces each name token to a
 * "skeleton" in plain a–z that all of these spellings share, while keeping distinct common
 * names (Айгерим/Айгуль, Нурлан/Нурбол, Асель/Асем) apart: only differences that some real
 * spelling system introduces are folded, never whole letter classes.
 */
import { APOSTROPHES, ICAO_CYRILLIC, foldLatinChar, lowerName } from './tables.ts';

type Rule = readonly [RegExp, string];

/** A stage of rules, with one (non-global) regex that matches wherever any rule would apply. */
interface Stage {
  applies: RegExp;
  rules: readonly Rule[];
}

/**
 * Latin folding, in stages. Each rule merges spellings that systems in use actually produce
 * for the same sound. The stages matter: single-letter equivalences must be settled before
 * digraphs are merged, or "зһһ" (zhh) and its Russian-keyboard form "зхх" (zkhkh) would fold
 * differently (zh→j first vs kh→h first).
 */
const LETTERS: Stage = {
  applies: /[cxqyw]|kh/,
  rules: [
    // Ц: 2010 Russian passports TC, ICAO TS, some Latin C; never before h ("tch" is Т+Ч).
    // Runs before kh→h so that the 2010 scheme's Ц+Х (TCKH) is not mistaken for Т+Ч.
    [/t?c(?!h)/g, 'ts'],
    [/kh|x/g, 'h'], // Х: ICAO KH vs Uzbek X vs Kazakh Latin H (and Һ, which clerks type as Х)
    [/q/g, 'k'], // Қ: Kazakh/Uzbek Latin Q vs passport K
    [/y/g, 'i'], // Ы/Й/І/И: Y, I, ı, İ all meet as i (ICAO Й→I, Ы→Y)
    [/w/g, 'u'], // У written W in Kazakh Latin drafts
  ],
};
const DIGRAPHS: Stage = {
  applies: /shch|dj|zh|gh/,
  rules: [
    [/shch/g, 'sh'], // Щ: ICAO SHCH vs Kazakh Latin Ş vs clerks' Ш
    [/dzh|dj/g, 'j'], // Джамшид / DZHAMSHID / Jamshid
    [/zh/g, 'j'], // Ж: ICAO ZH vs Kazakh/Uzbek Latin J
    [/gh/g, 'g'], // Ғ written GH by some; Uzbek Gʻ and Kazakh Ğ already fold to g
  ],
};
const FINAL: Stage = {
  applies: /([a-z])\1|i[eo]/,
  rules: [
    // Iotation: YE/IE/E (Yelena, ALEKSEYEV/ALEKSEEV, Ъ→IE) and YO/IO/E (ICAO writes Ё as E but
    // Uzbek, Tajik and Kazakh Latin write yo/io: Doniyor vs DONIER) all meet as e. Before the
    // doubled letters, so that Ё followed by O (Kazakh Latin "ioo") loses the same letters as ICAO's "eo".
    [/i[eo]/g, 'e'],
    [/([a-z])\1+/g, '$1'], // doubled letters: ИИ from ИЯ→IIA, Алла/Ала, typing slips
  ],
};

/** Applies a stage's rules in order, repeatedly, until none applies. */
function toFixedPoint(s: string, stage: Stage): string {
  let current = s;
  // Each pass rewrites at least one match, and every rule shortens the string or removes a
  // letter class, so a few passes suffice; the bound only guards against a future rule that
  // could oscillate. Most tokens need one `applies` test and no pass at all.
  for (let pass = 0; pass < 12 && stage.applies.test(current); pass++) {
    for (const [pattern, replacement] of stage.rules) current = current.replace(pattern, replacement);
  }
  return current;
}

/**
 * Folds an already-Latin, lowercase, a–z string to a fixed point of all stages, so that the
 * key is idempotent. (Later stages never re-enable an earlier one: collapsing doubles or
 * dropping the i of ie/io only creates adjacencies with letters the earlier rules ignore.
 * The loop checks that rather than relying on it.)
 */
function foldSkeleton(latin: string): string {
  let current = latin;
  for (let round = 0; round < 12; round++) {
    const next = toFixedPoint(toFixedPoint(toFixedPoint(current, LETTERS), DIGRAPHS), FINAL);
    if (next === current) return next;
    current = next;
  }
  return current;
}

/**
 * Basic Latin for one code point, memoised: names use a few hundred distinct characters, and
 * this is the hot loop of deduplicating a million records. Bounded so arbitrary input cannot
 * grow it without limit.
 */
const basicLatinMemo = new Map<number, string>();

function basicLatinOf(codePoint: number): string {
  let out = basicLatinMemo.get(codePoint);
  if (out === undefined) {
    const ch = String.fromCodePoint(codePoint);
    // gʻ = g' = g` = g: the apostrophe itself is dropped (oʻ is handled by the caller). Cyrillic goes through the ICAO
    // table so that a passport and the Cyrillic it came from agree before folding starts;
    // Latin lookalikes (Latin I, ə) fold through LATIN_FOLD.
    out = APOSTROPHES.has(ch) ? '' : (ICAO_CYRILLIC[ch] ?? foldLatinChar(ch));
    if (basicLatinMemo.size < 4096) basicLatinMemo.set(codePoint, out);
  }
  return out;
}

/** Transliterates one lowercase token (any script) to basic Latin a–z before folding. */
function toBasicLatin(token: string): string {
  let out = '';
  for (let i = 0; i < token.length; i++) {
    const code = token.charCodeAt(i);
    if (code >= 97 && code <= 122) {
      out += token.charAt(i);
      continue;
    }
    const codePoint = token.codePointAt(i) ?? code;
    if (codePoint > 0xffff) i++; // astral: skip the low surrogate
    // Uzbek Latin Oʻ is Cyrillic Ў, which Russian and Cyrillic Uzbek documents write as У
    // (Oʻtkir = Ўткир = Уткир): an o followed by any apostrophe is that letter.
    if (APOSTROPHES.has(String.fromCodePoint(codePoint)) && out.endsWith('o')) out = `${out.slice(0, -1)}u`;
    out += basicLatinOf(codePoint);
  }
  return out;
}

/** Splits on anything that is not a letter, combining mark or apostrophe (spaces, hyphens, commas, digits). */
const TOKEN_SPLIT = /[^\p{L}\p{M}'`\u2018\u2019\u00B4]+/u;

/**
 * Search tokens of a full name: one skeleton per name part, in any order and any script.
 *
 * The same name written in Kazakh Cyrillic, Russian Cyrillic, Kazakh Latin (2021), Uzbek
 * Latin (any apostrophe or none), Kyrgyz Cyrillic or passport Latin (ICAO 9303 and Russia's
 * 1997/2010 schemes) yields the same tokens: "Әйгерім Нұрланқызы", "AIGERIM NURLANKYZY",
 * "Aygerim Nurlanqizi" → ["aigerim", "nurlankizi"]. Tokens are lowercase a–z, deduplicated
 * in first-seen order; parts with no letters are dropped. Idempotent:
 * `nameSearchTokens(t.join(' '))` equals `t`.
 */
export function nameSearchTokens(text: string): string[] {
  const seen = new Set<string>();
  for (const part of lowerName(text).split(TOKEN_SPLIT)) {
    if (part === '') continue;
    const skeleton = foldSkeleton(toBasicLatin(part));
    if (skeleton.length >= 1) seen.add(skeleton);
  }
  return [...seen];
}

/** The script a name is written in; see `detectScript`. */
export type NameScript = 'kk_cyrl' | 'ru_cyrl' | 'latn' | 'mixed' | 'none';

/** Letters only Kazakh (and Kyrgyz: ң ө ү) Cyrillic has, in both cases. */
const KAZAKH_SPECIFIC = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

/**
 * Which script a name is written in: 'kk_cyrl' when Cyrillic with any Kazakh-specific letter
 * (ә ғ қ ң ө ұ ү һ і; Kyrgyz text also lands here), 'ru_cyrl' for other Cyrillic, 'latn' for
 * Latin, 'mixed' when Cyrillic and Latin letters both occur (often a lookalike such as a Latin
 * I typed for Cyrillic І, worth flagging), 'none' when there are no letters of either script.
 * Letters of other scripts are ignored.
 */
export function detectScript(text: string): NameScript {
  const s = text.normalize('NFC');
  const cyrillic = CYRILLIC.test(s);
  const latin = LATIN.test(s);
  if (cyrillic && latin) return 'mixed';
  if (cyrillic) return KAZAKH_SPECIFIC.test(s) ? 'kk_cyrl' : 'ru_cyrl';
  if (latin) return 'latn';
  return 'none';
}
