import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectScript, nameSearchTokens } from './name-key.ts';
import { toKazakhLatin, toPassportLatin, toRussianCyrillic } from './transliterate.ts';

/** Same token set, ignoring order (name order varies between records). */
function sameTokens(a: string, b: string): void {
  expect([...nameSearchTokens(a)].sort(), `${a} vs ${b}`).toEqual([...nameSearchTokens(b)].sort());
}

describe('nameSearchTokens: one name across scripts', () => {
  it.each([
    [['Әйгерім Нұрланқызы', 'Айгерим Нурланкызы', 'Aigerim Nurlanqyzy', 'AIGERIM NURLANKYZY', 'Aygerim Nurlanqizi', 'Äigerım Nūrlanqyzy']],
    [['Юлия Цой', 'YULIYA TSOY', 'IULIIA TCOI', 'IULIIA TSOI', 'Цой Юлия']],
    [['Gʻulomov', "G'ulomov", 'G`ulomov', 'G’ulomov', 'G‘ulomov', 'Gʼulomov', 'Gulomov', 'Гуломов']],
    [['Шыңғыс Жұмабаев', 'Шынгыс Жумабаев', 'SHYNGYS ZHUMABAEV', 'Şyñğys Jūmabaev', 'Shyngys Jumabayev']],
    [['Алексеев Дмитрий', 'ALEKSEYEV DMITRIY', 'ALEKSEEV DMITRII', 'Alekseev Dmitry']],
    [['Хасанов Жамшид', 'Xasanov Jamshid', 'KHASANOV ZHAMSHID', 'Джамшид Хасанов']],
    [['Елена Щербакова', 'Yelena Shcherbakova', 'ELENA SHCHERBAKOVA', 'Elena Şerbakova']],
    [['Дониёр', 'Doniyor', 'DONIER', 'Донийор']],
    [['Алёна Соловьёва', 'Алена Соловьева', 'ALENA SOLOVEVA', 'Aliona Solovieva', 'Alyona Solovyova']],
    [['Айпери Төлөнова', 'Айпери Толонова', 'AIPERI TOLONOVA']],
    [['Нұрлан-ұлы', 'Нурлан улы', 'NURLAN ULY']],
  ])('%j share tokens', (variants) => {
    for (const v of variants) sameTokens(variants[0] ?? '', v);
  });

  it('gives the documented tokens', () => {
    expect(nameSearchTokens('Әйгерім Нұрланқызы')).toEqual(['aigerim', 'nurlankizi']);
    expect(nameSearchTokens('YULIYA TSOY')).toEqual(['iulia', 'tsoi']);
  });

  it('splits on spaces, hyphens, commas; dedupes in order; drops empty parts', () => {
    expect(nameSearchTokens('Жұмабаев-Қожахметов, Ерлан  Ерлан')).toEqual(['jumabaev', 'kojahmetov', 'erlan']);
    expect(nameSearchTokens(' ,- 12 ')).toEqual([]);
    expect(nameSearchTokens('')).toEqual([]);
    expect(nameSearchTokens('Ь')).toEqual([]); // the soft sign alone has no letters
  });

  it('(4) keeps distinct common names apart (precision)', () => {
    const pairs: [string, string][] = [
      ['Айгерим', 'Айгуль'],
      ['Нурлан', 'Нурбол'],
      ['Асель', 'Асем'],
      ['Марат', 'Мурат'],
      ['Ерлан', 'Ержан'],
      ['Айжан', 'Айжана'],
      ['Жанар', 'Жанара'],
      ['Иванов', 'Иванова'],
      ['Нурланулы', 'Нурланкызы'],
      ['Ким', 'Кем'],
      ['Цой', 'Сой'],
      ['Алия', 'Алина'],
      ['Dilnoza', 'Dildora'],
      ['Askar', 'Asqat'],
      ['Болат', 'Булат'],
      ['Сауле', 'Салтанат'],
    ];
    for (const [a, b] of pairs) expect(nameSearchTokens(a), `${a} vs ${b}`).not.toEqual(nameSearchTokens(b));
  });
});

describe('nameSearchTokens: JavaScript traps', () => {
  it("handles 'İ' (toLowerCase gives two code units)", () => {
    expect('İ'.toLowerCase()).toHaveLength(2); // the trap itself
    expect(nameSearchTokens('İLYAS')).toEqual(['ilias']);
    expect(nameSearchTokens('İlyas')).toEqual(nameSearchTokens('Ilyas'));
    expect(toPassportLatin('İlyas')).toBe('ILYAS');
  });

  it('treats Latin I and Cyrillic І, Latin Ə and Cyrillic Ә alike', () => {
    expect(nameSearchTokens('Iлияс')).toEqual(nameSearchTokens('Ілияс')); // first letter Latin I
    expect(nameSearchTokens('Əлия')).toEqual(nameSearchTokens('Әлия')); // U+018F vs U+04D8
    expect(detectScript('Iлияс')).toBe('mixed'); // but the lookalike is detectable
  });

  it('is insensitive to NFC/NFD (Й decomposes, Kazakh letters do not)', () => {
    const nfd = 'Айгерим Қайратұлы'.normalize('NFD');
    expect(nfd).not.toBe('Айгерим Қайратұлы');
    expect(nameSearchTokens(nfd)).toEqual(nameSearchTokens('Айгерим Қайратұлы'));
  });
});

/** Kazakh Cyrillic letters that occur in names (Ё and Ъ, practically absent, excluded). */
const KK_LETTERS = Array.from('аәбвгғдежзийкқлмнңоөпрстуұүфхһцчшщыіьэюя');
const kkWord = fc
  .tuple(fc.array(fc.constantFrom(...KK_LETTERS), { minLength: 1, maxLength: 12 }), fc.constantFrom('title', 'lower', 'upper'))
  .map(([letters, style]) => {
    const w = letters.join('');
    if (style === 'upper') return w.toUpperCase();
    if (style === 'title') return w.charAt(0).toUpperCase() + w.slice(1);
    return w;
  });
const kkName = fc.tuple(fc.array(kkWord, { minLength: 1, maxLength: 4 }), fc.constantFrom(' ', '-', ', ')).map(([words, sep]) => words.join(sep));

describe('nameSearchTokens: properties', () => {
  it('(1) Kazakh Cyrillic, its passport Latin, Kazakh Latin and Russian Cyrillic agree', () => {
    fc.assert(
      fc.property(kkName, (name) => {
        const key = nameSearchTokens(name);
        expect(nameSearchTokens(toPassportLatin(name))).toEqual(key);
        expect(nameSearchTokens(toKazakhLatin(name))).toEqual(key);
        expect(nameSearchTokens(toRussianCyrillic(name))).toEqual(key);
      }),
      { numRuns: 2000 },
    );
  });

  const anyText = fc.oneof(kkName, fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }));

  it('(2) tokens are non-empty lowercase ASCII letters, without duplicates', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const tokens = nameSearchTokens(text);
        for (const t of tokens) expect(t).toMatch(/^[a-z]+$/);
        expect(new Set(tokens).size).toBe(tokens.length);
      }),
      { numRuns: 2000 },
    );
  });

  it('(3) is idempotent', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const tokens = nameSearchTokens(text);
        expect(nameSearchTokens(tokens.join(' '))).toEqual(tokens);
      }),
      { numRuns: 2000 },
    );
  });

  it('does not depend on name order', () => {
    fc.assert(
      fc.property(fc.array(kkWord, { minLength: 1, maxLength: 4 }), (words) => {
        const forward = nameSearchTokens(words.join(' '));
        const backward = nameSearchTokens([...words].reverse().join(' '));
        expect([...backward].sort()).toEqual([...forward].sort());
      }),
    );
  });
});

describe('detectScript', () => {
  it.each([
    ['Әйгерім Нұрланқызы', 'kk_cyrl'],
    ['Айпери Төлөнова', 'kk_cyrl'], // Kyrgyz shares ң ө ү
    ['Айгерим Нурланкызы', 'ru_cyrl'],
    ['Aigerim Nurlanqyzy', 'latn'],
    ['Gʻulomov', 'latn'],
    ['Айгерим Nurlanqyzy', 'mixed'],
    ['', 'none'],
    ['123 -', 'none'],
  ] as const)('%s → %s', (text, script) => {
    expect(detectScript(text)).toBe(script);
  });
});
