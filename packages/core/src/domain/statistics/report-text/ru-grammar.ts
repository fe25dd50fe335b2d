import { formatInteger, pluralCategory } from './numbers.ts';
import type { Shown } from './types.ts';

/**
 * Russian counted noun phrases: which numeral word and which noun form a count takes in a case.
 * The plural category (one / few / many) comes from ICU; what each category means for a case is
 * grammar: after 2–4 in the nominative a noun stands in the genitive singular ("два гражданина",
 * with its adjective in the genitive plural: "два иностранных гражданина"), after 5+ in the
 * genitive plural; in the accusative an animate noun after a bare 2–4 takes the genitive plural
 * ("выявило двух жертв") but after a compound numeral the nominative form ("выявило 24 жертвы").
 */

export type RuCase = 'nom' | 'acc' | 'gen' | 'dat' | 'ins' | 'prep';
export type RuGender = 'm' | 'f' | 'n';
const CASES: RuCase[] = ['nom', 'acc', 'gen', 'dat', 'ins', 'prep'];

export interface RuNoun {
  gender: RuGender;
  animate: boolean;
  sg: Record<RuCase, string>;
  pl: Record<RuCase, string>;
  /** The form after 2, 3, 4 in the nominative (the noun in the genitive singular, an adjective in the genitive plural). */
  paucal: string;
}

/** A noun from its six singular and six plural forms (nom, acc, gen, dat, ins, prep) and an unchanging tail. */
export function ruNoun(gender: RuGender, animate: boolean, sg: string[], pl: string[], paucal: string, tail = ''): RuNoun {
  const forms = (list: string[]) => Object.fromEntries(CASES.map((c, i) => [c, `${list[i]}${tail}`])) as Record<RuCase, string>;
  return { gender, animate, sg: forms(sg), pl: forms(pl), paucal: `${paucal}${tail}` };
}

const ONE: Record<RuGender, Record<RuCase, string>> = {
  m: { nom: 'один', acc: 'один', gen: 'одного', dat: 'одному', ins: 'одним', prep: 'одном' },
  f: { nom: 'одна', acc: 'одну', gen: 'одной', dat: 'одной', ins: 'одной', prep: 'одной' },
  n: { nom: 'одно', acc: 'одно', gen: 'одного', dat: 'одному', ins: 'одним', prep: 'одном' },
};

/** 0, 2–9 in nom, gen, dat, ins, prep (2 has a feminine nominative "две"; the accusative is nom or gen). */
const OTHERS: Record<number, [string, string, string, string, string]> = {
  0: ['ноль', 'нуля', 'нулю', 'нулём', 'нуле'],
  2: ['два', 'двух', 'двум', 'двумя', 'двух'],
  3: ['три', 'трёх', 'трём', 'тремя', 'трёх'],
  4: ['четыре', 'четырёх', 'четырём', 'четырьмя', 'четырёх'],
  5: ['пять', 'пяти', 'пяти', 'пятью', 'пяти'],
  6: ['шесть', 'шести', 'шести', 'шестью', 'шести'],
  7: ['семь', 'семи', 'семи', 'семью', 'семи'],
  8: ['восемь', 'восьми', 'восьми', 'восемью', 'восьми'],
  9: ['девять', 'девяти', 'девяти', 'девятью', 'девяти'],
};

/** A count as written in a case: a word under ten (agreeing in gender and animacy), grouped digits from ten, "менее 11". */
export function ruNumber(n: Shown, rucase: RuCase, gender: RuGender = 'm', animate = false): string {
  if (n === 'lt11') return 'менее 11';
  if (!(Number.isInteger(n) && n >= 0 && n < 10)) return formatInteger('ru', n);
  if (n === 1) return rucase === 'acc' && animate && gender === 'm' ? 'одного' : ONE[gender][rucase];
  const [nom, gen, dat, ins, prep] = OTHERS[n] as [string, string, string, string, string];
  switch (rucase) {
    case 'nom':
      return n === 2 && gender === 'f' ? 'две' : nom;
    case 'acc':
      if (animate && n >= 2 && n <= 4) return gen;
      return n === 2 && gender === 'f' ? 'две' : nom;
    case 'gen':
      return gen;
    case 'dat':
      return dat;
    case 'ins':
      return ins;
    case 'prep':
      return prep;
  }
}

/** The noun's form after a count in a case. */
export function ruNounForm(n: Shown, noun: RuNoun, rucase: RuCase): string {
  if (n === 'lt11') return noun.pl.gen; // "менее 11 жертв": "менее" governs the genitive.
  const category = pluralCategory('ru', n);
  if (rucase === 'nom' || rucase === 'acc') {
    if (category === 'one') return noun.sg[rucase];
    if (category === 'few') return rucase === 'acc' && noun.animate && n >= 2 && n <= 4 ? noun.pl.gen : noun.paucal;
    if (category === 'many') return noun.pl.gen;
    return noun.sg.gen; // 'other': fractions ("1,5 миллиона")
  }
  return category === 'one' ? noun.sg[rucase] : noun.pl[rucase];
}

/** "24 жертвы", "двух жертв", "одного иностранного гражданина". */
export function ruCounted(n: Shown, noun: RuNoun, rucase: RuCase): string {
  return `${ruNumber(n, rucase, noun.gender, noun.animate)} ${ruNounForm(n, noun, rucase)}`;
}

/** "с" or "со" before a number: "со" where it is read from "сто…" ("со 107 млн"), "с" otherwise ("с 20", "с пятью"). */
export function ruWith(value: Shown): 'с' | 'со' {
  if (value === 'lt11') return 'с';
  let lead = Math.floor(value);
  while (lead >= 1000) lead = Math.floor(lead / 1000);
  return lead >= 100 && lead <= 199 ? 'со' : 'с';
}
