/**
 * Citizenship as people write it (issue #12): ISO 3166-1 alpha-2, alpha-3 (what passports
 * print: KAZ, UZB), numeric (398, 860) and country names in Kazakh, Russian and English, all
 * reduced to the alpha-2 code linkage compares.
 *
 * Codes and names come from `i18n-iso-countries` (its kk/ru/en locale files), not a table of our
 * own. The lookup is built on the first call, not at import: core is also imported by the web
 * app, whose first screen must not pay for the tables (bench/bundle-size.ts).
 */
// The package's browser entry: its Node entry registers all of its ~80 locales on load, and
// Node's ES module loader cannot see the named exports of either (CommonJS), hence the default.
import countries from 'i18n-iso-countries/index.js';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import kk from 'i18n-iso-countries/langs/kk.json' with { type: 'json' };
import ru from 'i18n-iso-countries/langs/ru.json' with { type: 'json' };

type LocaleFile = { countries: Record<string, string | readonly string[]> };

/**
 * Forms the locale files lack, for the neighbours most often seen in Kazakh cases. Only words
 * that name a state: the Russian neuter adjective agrees with «гражданство» (узбекское) and
 * the Kazakh -дық/-лық form is built on the country's name, whereas «казах», «русский» or
 * «өзбек» name an ethnicity (the Soviet «национальность»), which says nothing about a
 * passport, so they stay unrecognised. English demonyms are accepted: an English file uses
 * "ethnicity" for the other meaning. «ҚР»/«КР» are left out: Kazakhstan in Kazakh, Kyrgyzstan
 * in Russian, and the same letters once typed on a Russian keyboard.
 */
const EXTRA: Readonly<Record<string, readonly string[]>> = {
  KZ: ['РК', 'Республика Казахстан', 'Қазақстан Республикасы', 'Qazaqstan', 'казахстанское', 'қазақстандық', 'Kazakh', 'Kazakhstani'],
  UZ: ['РУз', 'Республика Узбекистан', 'Oʻzbekiston', 'Uzbekiston', 'узбекское', 'өзбекстандық', 'Uzbek', 'Uzbekistani'],
  KG: [
    'Кыргызстан',
    'Кыргызская Республика',
    'Киргизская Республика',
    'Kyrgyz Republic',
    'Kirghizia',
    'кыргызское',
    'киргизское',
    'қырғызстандық',
    'Kyrgyz',
    'Kyrgyzstani',
  ],
  RU: ['РФ', 'Ресей Федерациясы', 'российское', 'ресейлік', 'Russian'],
  TJ: ['Республика Таджикистан', 'таджикское', 'тәжікстандық', 'Tajik', 'Tajikistani'],
  TM: ['Туркменистан', 'туркменское', 'түрікменстандық', 'Turkmen', 'Turkmenistani'],
  CN: ['Китай', 'китайское', 'қытайлық', 'Chinese'],
  AZ: ['азербайджанское', 'әзірбайжандық', 'Azerbaijani'],
  BY: ['Белоруссия', 'Республика Беларусь'],
  GB: ['UK'],
};

/** Words that only dress a name up ("Republic of …", «… Республикасы»); dropped when unambiguous. */
const DRESSING = new Set(['republic', 'of', 'the', 'республика', 'республики', 'республикасы']);

/** Kazakh letters typed with their Russian look-alikes (Казакстан, Озбекстан) still match. */
const KAZAKH_FOLD: Readonly<Record<string, string>> = { ә: 'а', ғ: 'г', қ: 'к', ң: 'н', ө: 'о', ұ: 'у', ү: 'у', һ: 'х', і: 'и', ё: 'е' };

/** Lower case, Kazakh letters folded, accents and punctuation dropped, spaces collapsed. */
function nameKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[әғқңөұүһіё]/gu, (c) => KAZAKH_FOLD[c] ?? c)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const undressed = (key: string) =>
  key
    .split(' ')
    .filter((w) => !DRESSING.has(w))
    .join(' ');

/** A name that two countries share after folding is left out rather than guessed. */
const AMBIGUOUS = '';
let names: Map<string, string> | undefined;
/** Names already read (see `parseCitizenship`); created on first use, like `names`. */
let seen: Map<string, string | null> | undefined;

function nameTable(): Map<string, string> {
  if (names) return names;
  const exact = new Map<string, string>();
  const loose = new Map<string, string>();
  const add = (table: Map<string, string>, key: string, code: string) => {
    if (key === '') return;
    const had = table.get(key);
    table.set(key, had === undefined || had === code ? code : AMBIGUOUS);
  };
  const forms: [string, string][] = [];
  for (const locale of [en, ru, kk] as LocaleFile[]) {
    for (const [code, name] of Object.entries(locale.countries)) for (const n of typeof name === 'string' ? [name] : name) forms.push([code, n]);
  }
  for (const [code, extra] of Object.entries(EXTRA)) for (const n of extra) forms.push([code, n]);
  for (const [code, n] of forms) {
    add(exact, nameKey(n), code);
    add(loose, undressed(nameKey(n)), code);
  }
  // An exact name always wins over a shortened one ("Dominica" is not the Dominican Republic).
  for (const [key, code] of loose) if (!exact.has(key)) exact.set(key, code);
  names = exact;
  return names;
}

/**
 * The ISO 3166-1 alpha-2 code (upper case) for a citizenship written as an alpha-2, alpha-3 or
 * numeric code or a country name in Kazakh, Russian or English; null when it is none of these.
 */
export function parseCitizenship(text: string | null | undefined): string | null {
  if (typeof text !== 'string') return null;
  const s = text.trim().replace(/\s+/g, ' ');
  if (s === '') return null;
  if (/^\d{1,3}$/.test(s)) return countries.numericToAlpha2(s) ?? null;
  if (/^[A-Za-z]{2}$/.test(s)) {
    const code = s.toUpperCase();
    if (code in countries.getAlpha2Codes()) return code;
  }
  if (/^[A-Za-z]{3}$/.test(s)) {
    const code = countries.alpha3ToAlpha2(s.toUpperCase());
    if (code) return code;
  }
  seen ??= new Map();
  let code = seen.get(s);
  if (code === undefined) {
    const key = nameKey(s);
    code = nameTable().get(key) || nameTable().get(undressed(key)) || null;
    // A column holds few distinct names, read a million times in a bulk run: a name costs 1–5 µs
    // to fold, a remembered one 0.3 µs. Forgetting everything at a bound keeps garbage from piling up.
    if (seen.size >= 4096) seen.clear();
    seen.set(s, code);
  }
  return code;
}
