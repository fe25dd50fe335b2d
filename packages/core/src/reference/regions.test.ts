import { describe, expect, it } from 'vitest';
import { KZ_REGIONS } from './regions.ts';

const LANGUAGES = ['kk', 'ru', 'en', 'uz', 'ky'] as const;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

describe('region names', () => {
  it('every one of the 20 regions has a name in kk, ru, en, uz and ky', () => {
    expect(KZ_REGIONS).toHaveLength(20);
    for (const r of KZ_REGIONS) for (const l of LANGUAGES) expect(r.name[l].trim(), `${r.code} ${l}`).not.toBe('');
  });

  it('names are in the script of their language: kk, ru and ky Cyrillic, en and uz Latin', () => {
    const wrong: string[] = [];
    for (const r of KZ_REGIONS) {
      for (const l of ['kk', 'ru', 'ky'] as const) if (LATIN.test(r.name[l]) || !CYRILLIC.test(r.name[l])) wrong.push(`${r.code} ${l}: ${r.name[l]}`);
      for (const l of ['en', 'uz'] as const) if (CYRILLIC.test(r.name[l]) || !LATIN.test(r.name[l])) wrong.push(`${r.code} ${l}: ${r.name[l]}`);
    }
    expect(wrong).toEqual([]);
  });

  it('uz and ky are translations, not copies of another language', () => {
    for (const r of KZ_REGIONS) {
      expect(r.name.uz, r.code).not.toBe(r.name.en);
      expect(r.name.ky, r.code).not.toBe(r.name.kk);
      expect(r.name.ky, r.code).not.toBe(r.name.ru);
    }
    // Uzbek writes oʻ/gʻ with the turned comma (U+02BB), never an ASCII quote or a Cyrillic letter.
    expect(KZ_REGIONS.filter((r) => /['`‘’]/.test(r.name.uz)).map((r) => r.code)).toEqual([]);
  });
});
