import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnnualReportFacts } from '../report-facts.ts';
import { kkNumber, kkNumberIn } from './kk-grammar.ts';
import { seedFacts } from './seed-facts.fixture.ts';
import { protection } from './test-helpers.fixture.ts';

const NB = '\u00a0'; // Intl's group separator for ru and kk
const id = (f: AnnualReportFacts) => f.identification as NonNullable<AnnualReportFacts['identification']>;
const withVictims = (n: number, previous: NonNullable<AnnualReportFacts['identification']>['previous'] = null) => {
  const f = seedFacts();
  id(f).victims = n;
  id(f).previous = previous;
  return f;
};

describe('writeAnnualReport (ru): the seed', () => {
  it('writes the seed facts with Russian case and number agreement', () => {
    const s = protection(seedFacts(), 'ru');
    expect(s).toContain('Правительство выявило 24 жертвы торговли людьми по сравнению с 20 в 2021 году.');
    expect(s).toContain(
      'Из 24 выявленных жертв 21 — жертвы торговли людьми в целях сексуальной эксплуатации (20 граждан Казахстана и один иностранный гражданин) и три — жертвы принудительного труда (два гражданина Казахстана и один иностранный гражданин).',
    );
    expect(s).toContain('Правительство не сообщило, сколько жертв оно направило на получение помощи.');
    expect(s).toContain(
      `Правительство выделило 101 млн тенге (218${NB}360 долларов США) в 2022 году по сравнению со 107 млн тенге (231${NB}330 долларов США) в 2021 году на финансирование 10 приютов для жертв торговли людьми.`,
    );
    expect(s).toContain(
      `Все 24 выявленные жертвы участвовали в расследованиях в отчётный период; правительство выделило 1,2 млн тенге (2${NB}590 долларов США) на услуги для четырёх граждан Казахстана и одного иностранного гражданина, участвовавших в уголовном процессе, в рамках программы защиты участников уголовного процесса.`,
    );
  });

  it('agrees 1 / 2–4 / 5+ and animate accusative: одну жертву, двух жертв, 21 жертву, 25 жертв', () => {
    const first = (n: number) => protection(withVictims(n), 'ru')[0];
    expect(first(1)).toBe('Правительство выявило одну жертву торговли людьми.');
    expect(first(2)).toBe('Правительство выявило двух жертв торговли людьми.');
    expect(first(5)).toBe('Правительство выявило пять жертв торговли людьми.');
    expect(first(21)).toBe('Правительство выявило 21 жертву торговли людьми.');
    expect(first(25)).toBe('Правительство выявило 25 жертв торговли людьми.');
    expect(first(0)).toBe('Правительство не выявило ни одной жертвы торговли людьми.');
    expect(protection(withVictims(7, { year: 2021, value: 1, source: 'register' }), 'ru')[0]).toBe(
      'Правительство выявило семь жертв торговли людьми по сравнению с одной в 2021 году.',
    );
  });

  it('public edition: "менее 11" takes the genitive plural', () => {
    const f = withVictims(0, { year: 2021, value: 20, source: 'register' });
    id(f).victims = 'lt11';
    expect(protection(f, 'ru')[0]).toBe('Правительство выявило менее 11 жертв торговли людьми по сравнению с 20 в 2021 году.');
  });

  it('property: for any count up to a million the noun form is the one Intl.PluralRules("ru") picks (accusative, nominative, genitive)', () => {
    const rules = new Intl.PluralRules('ru');
    const fmt = new Intl.NumberFormat('ru');
    const acc = { one: 'жертву', few: 'жертвы', many: 'жертв' } as Record<string, string>;
    const nom = { one: 'гражданин', few: 'гражданина', many: 'граждан' } as Record<string, string>;
    const gen = { one: 'приюта', few: 'приютов', many: 'приютов' } as Record<string, string>;
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 1_000_000 }), (n) => {
        const category = rules.select(n);
        const f = withVictims(n + 1);
        id(f).byForm = [{ form: 'ForcedLabour', total: n + 1, citizen: n, foreign: 1 }];
        if (f.funding) f.funding.shelters.count = n;
        const s = protection(f, 'ru').join(' ');
        const plusOne = rules.select(n + 1);
        expect(s).toContain(`выявило ${fmt.format(n + 1)} ${acc[plusOne]} торговли людьми`);
        expect(s).toContain(`(${fmt.format(n)} ${nom[category]} Казахстана и один иностранный гражданин)`);
        expect(s).toContain(`на финансирование ${fmt.format(n)} ${gen[category]} для жертв`);
      }),
      { numRuns: 300 },
    );
  });
});

describe('writeAnnualReport (kk): the seed', () => {
  it('writes the seed facts in Kazakh: nouns singular after numerals, endings on the numeral where they belong', () => {
    const s = protection(seedFacts(), 'kk');
    expect(s).toContain('Үкімет 2021 жылғы 20-мен салыстырғанда адам саудасының 24 құрбанын анықтады.');
    expect(s).toContain(
      'Анықталған 24 құрбанның ішінде жыныстық қанау мақсатындағы адам саудасының құрбандары — 21 (20 Қазақстан азаматы және бір шетел азаматы) және мәжбүрлі еңбек құрбандары — үш (екі Қазақстан азаматы және бір шетел азаматы).',
    );
    expect(s).toContain('Үкімет көмекке қанша құрбан жолданғаны туралы хабарламады.');
    expect(s).toContain(
      `Үкімет 2022 жылы, 2021 жылғы 107 млн теңгемен (231${NB}330 АҚШ доллары) салыстырғанда, адам саудасы құрбандарына арналған 10 баспананы қаржыландыруға 101 млн теңге (218${NB}360 АҚШ доллары) бөлді.`,
    );
    expect(s).toContain(
      `Анықталған 24 құрбанның барлығы есепті кезеңде тергеуге қатысты; үкімет Қылмыстық процеске қатысушыларды қорғау бағдарламасы аясында қылмыстық процеске қатысқан адамдарға (төрт Қазақстан азаматы және бір шетел азаматы) көрсетілетін қызметтерге 1,2 млн теңге (2${NB}590 АҚШ доллары) бөлді.`,
    );
  });

  it('puts the instrumental and ablative endings the numeral’s last spoken word takes', () => {
    expect(kkNumberIn(20, 'ins')).toBe('20-мен'); // жиырма
    expect(kkNumberIn(31, 'ins')).toBe('31-мен'); // бір
    expect(kkNumberIn(40, 'ins')).toBe('40-пен'); // қырық
    expect(kkNumberIn(60, 'ins')).toBe('60-пен'); // алпыс
    expect(kkNumberIn(100, 'ins')).toBe('100-бен'); // жүз
    expect(kkNumberIn(8, 'ins')).toBe('сегізбен');
    expect(kkNumberIn(0, 'ins')).toBe('нөлмен');
    expect(kkNumberIn(2000, 'ins')).toBe(`2${NB}000-мен`); // мың
    expect(kkNumberIn(2_000_000, 'abl')).toBe(`2${NB}000${NB}000-нан`); // миллион
    expect(kkNumberIn(30, 'abl')).toBe('30-дан'); // отыз
    expect(kkNumberIn(50, 'abl')).toBe('50-ден'); // елу
    expect(kkNumberIn(6, 'abl')).toBe('алтыдан');
    expect(kkNumberIn(4, 'abl')).toBe('төрттен');
    expect(kkNumber('lt11')).toBe('11-ден аз');
    const f = withVictims(0, { year: 2021, value: 'lt11', source: 'register' });
    id(f).victims = 'lt11';
    expect(protection(f, 'kk')[0]).toBe('Үкімет 2021 жылғы 11-ден аз санмен салыстырғанда адам саудасының 11-ден аз құрбанын анықтады.');
  });
});

describe('numbers under ten are words, from ten digits, in every language', () => {
  const words = {
    en: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'],
    ru: ['', 'одну', 'двух', 'трёх', 'четырёх', 'пять', 'шесть', 'семь', 'восемь', 'девять'],
    kk: ['', 'бір', 'екі', 'үш', 'төрт', 'бес', 'алты', 'жеті', 'сегіз', 'тоғыз'],
  };
  it('property: a count of victims is written as a word below ten and in grouped digits from ten', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom('en' as const, 'ru' as const, 'kk' as const), (n, lang) => {
        const first = protection(withVictims(n), lang)[0] as string;
        if (n < 10) {
          expect(first).not.toMatch(/\d/);
          expect(first.split(' ')).toContain(words[lang][n]);
        } else expect(first).toContain(new Intl.NumberFormat(lang).format(n));
      }),
      { numRuns: 300 },
    );
  });
});
