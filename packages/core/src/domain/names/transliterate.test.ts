import { describe, expect, it } from 'vitest';
import { toKazakhLatin, toPassportLatin, toRussianCyrillic } from './transliterate.ts';

describe('toPassportLatin', () => {
  it('follows ICAO 9303 for Russian and the Kazakh letters', () => {
    expect(toPassportLatin('Юлия Цой')).toBe('IULIIA TSOI');
    expect(toPassportLatin('Әйгерім Нұрланқызы')).toBe('AIGERIM NURLANKYZY');
    expect(toPassportLatin('Жанна Хван-Щукина')).toBe('ZHANNA KHVAN-SHCHUKINA');
    expect(toPassportLatin('Объедков Эдуард Артёмович')).toBe('OBIEEDKOV EDUARD ARTEMOVICH');
    expect(toPassportLatin('Ғалым Өтеғұлов Үсенұлы Һ')).toBe('GALYM OTEGULOV USENULY H');
    expect(toPassportLatin('Игорь Чернышёв')).toBe('IGOR CHERNYSHEV');
  });

  it("offers Russia's older schemes", () => {
    expect(toPassportLatin('Юлия Цой', 'ru_1997')).toBe('YULIYA TSOY');
    expect(toPassportLatin('Юлия Цой', 'ru_2010')).toBe('IULIIA TCOI');
  });

  it('folds Latin diacritics and apostrophes to A–Z', () => {
    expect(toPassportLatin('Äigerım Nūrlanqyzy')).toBe('AIGERIM NURLANQYZY');
    expect(toPassportLatin('Şyñğys')).toBe('SHYNGYS');
    expect(toPassportLatin('Oʻtkir Gʻulomov')).toBe('OTKIR GULOMOV');
    expect(toPassportLatin('İlyas Özgür')).toBe('ILYAS OZGUR');
    expect(toPassportLatin('José')).toBe('JOSE');
  });

  it('output has only A–Z and the separators of the input', () => {
    expect(toPassportLatin('Ана-Мария, 中')).toBe('ANA-MARIIA, ');
  });
});

describe('toKazakhLatin', () => {
  it('uses the 2021 alphabet and keeps case, with dotted and dotless I apart', () => {
    expect(toKazakhLatin('Әйгерім Нұрланқызы')).toBe('Äigerım Nūrlanqyzy');
    expect(toKazakhLatin('Шыңғыс Жұмабаев')).toBe('Şyñğys Jūmabaev');
    expect(toKazakhLatin('Ілияс Иманбаев')).toBe('Iliias İmanbaev');
    expect(toKazakhLatin('ІЛИЯС')).toBe('ILİİAS');
    expect(toKazakhLatin('Юлия Цой')).toBe('İuliia Tsoi');
    expect(toKazakhLatin('ЮЛИЯ ЦОЙ')).toBe('İULİİA TSOİ');
    expect(toKazakhLatin('Өмірзақ Үсенов Хамит Чингиз Щукин')).toBe('Ömırzaq Üsenov Hamit Chingiz Şukin');
  });

  it('leaves Latin text alone', () => {
    expect(toKazakhLatin('Aigerim')).toBe('Aigerim');
  });
});

describe('toRussianCyrillic', () => {
  it('replaces Kazakh letters the way a Russian keyboard forces', () => {
    expect(toRussianCyrillic('Әйгерім Нұрланқызы')).toBe('Айгерим Нурланкызы');
    expect(toRussianCyrillic('ҒАЛЫМ ӨТЕҒҰЛОВ')).toBe('ГАЛЫМ ОТЕГУЛОВ');
    expect(toRussianCyrillic('Айпери Төлөнова, Һ')).toBe('Айпери Толонова, Х');
    expect(toRussianCyrillic('Ҷумъа')).toBe('Джумъа');
  });
});
