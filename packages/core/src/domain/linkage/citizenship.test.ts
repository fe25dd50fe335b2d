import fc from 'fast-check';
import countries from 'i18n-iso-countries/index.js';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import kk from 'i18n-iso-countries/langs/kk.json' with { type: 'json' };
import ru from 'i18n-iso-countries/langs/ru.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { parseCitizenship } from './citizenship.ts';

const codes = Object.keys(countries.getAlpha2Codes());
const namesOf = (locale: { countries: Record<string, string | string[]> }, code: string): string[] => {
  const n = locale.countries[code];
  return n === undefined ? [] : typeof n === 'string' ? [n] : n;
};

describe('parseCitizenship', () => {
  it('knows every ISO country', () => expect(codes.length).toBeGreaterThan(240));

  it('reads every code from its alpha-2 (any case), alpha-3 and numeric forms', () => {
    for (const code of codes) {
      expect(parseCitizenship(code)).toBe(code);
      expect(parseCitizenship(` ${code.toLowerCase()} `)).toBe(code);
      expect(parseCitizenship(countries.alpha2ToAlpha3(code))).toBe(code);
      expect(parseCitizenship(countries.alpha2ToAlpha3(code)?.toLowerCase())).toBe(code);
      expect(parseCitizenship(countries.alpha2ToNumeric(code))).toBe(code);
    }
    expect(parseCitizenship('KAZ')).toBe('KZ');
    expect(parseCitizenship('398')).toBe('KZ');
    expect(parseCitizenship('860')).toBe('UZ');
    expect(parseCitizenship('36')).toBe('AU');
  });

  it('reads every country name of the kk, ru and en locales, except one the locale gives two countries', () => {
    const owners = new Map<string, Set<string>>();
    for (const code of codes) {
      for (const locale of [en, ru, kk]) for (const name of namesOf(locale, code)) owners.set(name, (owners.get(name) ?? new Set()).add(code));
    }
    // English lists "Congo" for both Congos: a guess would link people of two countries.
    expect([...owners].filter(([, c]) => c.size > 1).map(([name]) => name)).toEqual(['Congo']);
    for (const [name, owner] of owners) expect(parseCitizenship(name), name).toBe(owner.size === 1 ? [...owner][0] : null);
  });

  it('reads names in any case with extra spaces (property)', () => {
    const named = codes
      .flatMap((code) => [en, ru, kk].flatMap((l) => namesOf(l, code).map((name) => [code, name] as const)))
      .filter(([, name]) => name !== 'Congo');
    fc.assert(
      fc.property(fc.constantFrom(...named), fc.boolean(), fc.integer({ min: 1, max: 3 }), ([code, name], upper, spaces) => {
        const written = ` ${(upper ? name.toUpperCase() : name.toLowerCase()).replace(/ /g, ' '.repeat(spaces))} `;
        expect(parseCitizenship(written)).toBe(code);
      }),
    );
  });

  it('reads the forms common in Kazakh case files', () => {
    const cases: [string, string][] = [
      ['Kazakhstan', 'KZ'],
      ['Республика Казахстан', 'KZ'],
      ['Қазақстан', 'KZ'],
      ['Казакстан', 'KZ'],
      ['Қазақстан Республикасы', 'KZ'],
      ['РК', 'KZ'],
      ['казахстанское', 'KZ'],
      ['Uzbekistan', 'UZ'],
      ['Узбекистан', 'UZ'],
      ['Өзбекстан', 'UZ'],
      ['Republic of Uzbekistan', 'UZ'],
      ['узбекское', 'UZ'],
      ['Kyrgyzstan', 'KG'],
      ['Кыргызстан', 'KG'],
      ['Киргизия', 'KG'],
      ['Қырғызстан', 'KG'],
      ['Russia', 'RU'],
      ['Russian Federation', 'RU'],
      ['Россия', 'RU'],
      ['Российская Федерация', 'RU'],
      ['Ресей', 'RU'],
      ['РФ', 'RU'],
      ['Таджикистан', 'TJ'],
      ['Туркменистан', 'TM'],
      ['Китай', 'CN'],
      ['Dominica', 'DM'],
      ['Dominican Republic', 'DO'],
    ];
    for (const [text, code] of cases) expect(parseCitizenship(text), text).toBe(code);
  });

  it('answers the same on a second reading, also after many distinct values', () => {
    for (let i = 0; i < 5000; i++) expect(parseCitizenship(`Nowhere ${i}`)).toBeNull();
    for (const _ of [1, 2]) {
      expect(parseCitizenship('Республика Казахстан')).toBe('KZ');
      expect(parseCitizenship('Nowhere 1')).toBeNull();
    }
  });

  it('does not take an ethnicity for a citizenship', () => {
    for (const ethnicity of ['казах', 'русский', 'өзбек', 'узбек']) expect(parseCitizenship(ethnicity), ethnicity).toBeNull();
  });

  it('returns null for garbage', () => {
    for (const garbage of [
      null,
      undefined,
      '',
      '   ',
      '?',
      '??',
      'XX',
      'ZZZ',
      '999',
      '0',
      '1234',
      'K4Z',
      'not a country',
      '31/31/31',
      'Republic of',
      'Республика',
    ])
      expect(parseCitizenship(garbage), String(garbage)).toBeNull();
  });

  it('never throws and answers a known alpha-2 code or null (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (s) => {
        const code = parseCitizenship(s);
        expect(code === null || codes.includes(code)).toBe(true);
      }),
    );
  });

  it('reads no long number and no mix of letters and digits (property)', () => {
    fc.assert(fc.property(fc.stringMatching(/^\d{4,12}$/), (s) => parseCitizenship(s) === null));
    fc.assert(fc.property(fc.stringMatching(/^[A-Za-z]{1,3}\d{1,3}[A-Za-z]{0,2}$/), (s) => parseCitizenship(s) === null));
  });
});
