/**
 * Every letter of each alphabet a name reaches us in (DOMAIN.md §5), letter by letter: each
 * gives a search skeleton of plain a–z (nothing silently dropped but the soft and hard signs),
 * and each letter's counterpart in the other scripts gives the same skeleton.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameSearchTokens } from './name-key.ts';
import { toKazakhLatin, toPassportLatin, toRussianCyrillic } from './transliterate.ts';

const key = (s: string) => nameSearchTokens(s).join(' ');

const RUSSIAN = [...'абвгдеёжзийклмнопрстуфхцчшщъыьэюя'];
const KAZAKH_EXTRA = [...'әғқңөұүһі'];
const KAZAKH_CYRILLIC = [...RUSSIAN, ...KAZAKH_EXTRA];
const KYRGYZ_CYRILLIC = [...RUSSIAN, ...'ңөү'];
/** Kazakh Latin (2021 revision): 31 letters. */
const KAZAKH_LATIN = [
  'a',
  'ä',
  'b',
  'd',
  'e',
  'f',
  'g',
  'ğ',
  'h',
  'ı',
  'i',
  'j',
  'k',
  'l',
  'm',
  'n',
  'ñ',
  'o',
  'ö',
  'p',
  'q',
  'r',
  's',
  'ş',
  't',
  'u',
  'ū',
  'ü',
  'v',
  'y',
  'z',
];
/** Uzbek Latin (1995, revised) with its digraphs, and Uzbek Cyrillic, letter for letter. */
const UZBEK: [cyrillic: string, latin: string][] = [
  ['а', 'a'],
  ['б', 'b'],
  ['в', 'v'],
  ['г', 'g'],
  ['д', 'd'],
  ['е', 'e'],
  ['ё', 'yo'],
  ['ж', 'j'],
  ['з', 'z'],
  ['и', 'i'],
  ['й', 'y'],
  ['к', 'k'],
  ['л', 'l'],
  ['м', 'm'],
  ['н', 'n'],
  ['о', 'o'],
  ['п', 'p'],
  ['р', 'r'],
  ['с', 's'],
  ['т', 't'],
  ['у', 'u'],
  ['ф', 'f'],
  ['х', 'x'],
  ['ц', 'ts'],
  ['ч', 'ch'],
  ['ш', 'sh'],
  ['э', 'e'],
  ['ю', 'yu'],
  ['я', 'ya'],
  ['ў', 'oʻ'],
  ['қ', 'q'],
  ['ғ', 'gʻ'],
  ['ҳ', 'h'],
];
const SIGNS = new Set(['ь', 'ъ']);

/** A letter inside a word, so that word-initial and word-final rules do not hide it. */
const inWord = (letter: string) => `ба${letter}да`;

describe('every letter of every alphabet', () => {
  const alphabets: [string, string[]][] = [
    ['Kazakh Cyrillic', KAZAKH_CYRILLIC],
    ['Kyrgyz Cyrillic', KYRGYZ_CYRILLIC],
    ['Kazakh Latin', KAZAKH_LATIN],
    ['Uzbek Cyrillic', UZBEK.map(([c]) => c)],
    ['Uzbek Latin', UZBEK.map(([, l]) => l)],
  ];
  for (const [name, letters] of alphabets) {
    it(`${name}: each letter, lower and upper case, gives an a–z skeleton that keeps it`, () => {
      for (const letter of letters) {
        const latin = /[a-zäğıñöşūü]/.test(letter);
        const word = latin ? `ba${letter}da` : inWord(letter);
        const lower = key(word);
        expect(lower, `${name} ${letter}`).toMatch(/^[a-z]+$/);
        if (!SIGNS.has(letter)) expect(lower.length, `${name} ${letter} kept`).toBeGreaterThan(key(latin ? 'bada' : 'бада').length - 1);
        const upper = latin ? word.replace(/i/g, 'İ').replace(/ı/g, 'I').toUpperCase() : word.toUpperCase();
        expect(key(upper), `${name} ${letter} upper case`).toBe(lower);
      }
    });
  }

  it('Kazakh Cyrillic meets its Kazakh Latin, passport Latin and Russian-keyboard forms, letter by letter', () => {
    for (const letter of KAZAKH_CYRILLIC.filter((l) => !SIGNS.has(l))) {
      const word = inWord(letter);
      const expected = key(word);
      expect(key(toKazakhLatin(word)), `${letter} → Kazakh Latin`).toBe(expected);
      expect(key(toPassportLatin(word)), `${letter} → passport`).toBe(expected);
      if (KAZAKH_EXTRA.includes(letter)) continue; // the Russian keyboard form is a lossy fold, checked below
      expect(key(toRussianCyrillic(word)), `${letter} → Russian keyboard`).toBe(expected);
    }
  });

  it('Uzbek Cyrillic meets Uzbek Latin letter by letter, whichever apostrophe (or none) is typed', () => {
    for (const [cyr, lat] of UZBEK) {
      const expected = key(inWord(cyr));
      // Without its apostrophe Oʻ is a plain O: that spelling meets Ў only through Jaro–Winkler.
      for (const apostrophe of ['ʻ', 'ʼ', "'", '`', '’', '‘', ...(lat === 'oʻ' ? [] : [''])]) {
        expect(key(`ba${lat.replace('ʻ', apostrophe)}da`), `${cyr} ~ ${lat} with ${JSON.stringify(apostrophe)}`).toBe(expected);
      }
    }
  });

  it('the hard and soft signs vanish the way passports and Kazakh Latin drop them', () => {
    expect(key('Объедков')).toBe(key('Obedkov'));
    expect(key('Объедков')).toBe(key('OBIEEDKOV'));
    expect(key('Игорь')).toBe(key('IGOR'));
    expect(key('Дарья')).toBe(key('Daria'));
    expect(key('Ўткир Тўлқинов')).toBe(key('Уткир Тулкинов'));
    expect(key('Ўткир Тўлқинов')).toBe(key("O'tkir To'lqinov"));
  });

  it('round trip: a Kazakh Cyrillic name and its Kazakh Latin form have one skeleton, and so do their passport forms (property)', () => {
    const letter = fc.constantFrom(...KAZAKH_CYRILLIC.filter((l) => !SIGNS.has(l)));
    fc.assert(
      fc.property(fc.array(letter, { minLength: 2, maxLength: 10 }), (letters) => {
        const name = letters.join('');
        const k = key(name);
        expect(key(toKazakhLatin(name))).toBe(k);
        expect(key(toPassportLatin(toKazakhLatin(name)))).toBe(k);
        expect(key(toPassportLatin(name))).toBe(k);
      }),
    );
  });
});
