/**
 * How a naming tradition builds a full name (given name, surname, patronymic) from its lists.
 * The rules differ enough between Kazakh, Russian, Kyrgyz, Tajik, Uzbek and Azerbaijani/
 * Turkmen practice that deduplication must cope with all of them (DOMAIN.md §5).
 */
import { toRussianCyrillic } from '../domain/names/index.ts';
import type { Rng } from './prng.ts';

/** A suffix built from the father's given name: Нұрлан + ұлы, Асан + уулу, Rustam + oʻgʻli. */
export interface FatherSuffix {
  male: string;
  female: string;
  /** Written as a separate word (Асан уулу) rather than joined (Нұрланұлы). */
  separate: boolean;
}

export interface NameBank {
  id: 'kazakh' | 'russian' | 'kyrgyz' | 'tajik' | 'uzbek' | 'turkic';
  /** The script the names are registered in: Cyrillic, or Uzbek Latin (with ʻ U+02BB). */
  alphabet: 'cyrl' | 'uz_latn';
  female: readonly string[];
  male: readonly string[];
  /** Masculine surname forms; see `feminineSurname`. */
  surnames: readonly string[];
  /** Share of people whose surname is their father's name + suffix instead of a family name. */
  surnameFromFather?: FatherSuffix & { share: number };
  /** Shares of patronymics in native form (father + suffix) and Russian form (-ович/-овна); the rest have none. */
  patronymic: FatherSuffix & { native: number; russian: number };
}

/** A full name in the bank's native script. */
export interface NativeName {
  firstName: string;
  secondName: string;
  middleName: string | null;
}

/** Russian-form patronymics whose stem changes (Павел → Павлович). */
const IRREGULAR_PATRONYMIC: Readonly<Record<string, string>> = { Павел: 'Павл', Лев: 'Льв' };

/**
 * Russian-form patronymic of a Cyrillic given name: Сергей → Сергеевич/Сергеевна,
 * Игорь → Игоревич, Никита → Никитич/Никитична, Али → Алиевич, Нурлан → Нурланович.
 */
export function russianPatronymic(father: string, female: boolean): string {
  const irregular = IRREGULAR_PATRONYMIC[father];
  if (irregular !== undefined) return irregular + (female ? 'овна' : 'ович');
  const last = father.slice(-1);
  if (last === 'й' || last === 'ь') return father.slice(0, -1) + (female ? 'евна' : 'евич');
  if (last === 'а' || last === 'я') return father.slice(0, -1) + (female ? 'ична' : 'ич');
  if ('иоуеыэю'.includes(last)) return father + (female ? 'евна' : 'евич');
  return father + (female ? 'овна' : 'ович');
}

/**
 * Feminine form of a surname: Cyrillic -ов/-ев/-ин/-ын and Uzbek Latin -ov/-ev/-in add -а/-a
 * (Ахметова, Karimova); others (Цой, Шевченко, Рахмонзода) do not change.
 */
export function feminineSurname(surname: string, alphabet: NameBank['alphabet']): string {
  if (alphabet === 'cyrl') return /(ов|ев|ин|ын)$/.test(surname) ? `${surname}а` : surname;
  return /(ov|ev|in)$/.test(surname) ? `${surname}a` : surname;
}

/**
 * Memo of derived name strings (suffixed and feminine forms). Besides saving work, handing
 * out the same string object each time lets the render memo hit its cached string hash.
 */
const derivedMemo = new Map<string, string>();

function derived(key: string, build: () => string): string {
  let out = derivedMemo.get(key);
  if (out === undefined) {
    out = build();
    if (derivedMemo.size < 20_000) derivedMemo.set(key, out);
  }
  return out;
}

function withSuffix(father: string, suffix: FatherSuffix, female: boolean): string {
  const s = female ? suffix.female : suffix.male;
  return derived(`${father}\u0000${s}`, () => (suffix.separate ? `${father} ${s}` : father + s));
}

/**
 * Draws a full native name for a person of the given gender. The father's name comes from
 * the same bank, so patronymic-based surnames look like real ones.
 */
export function drawNativeName(rng: Rng, bank: NameBank, female: boolean): NativeName {
  const firstName = rng.pick(female ? bank.female : bank.male);
  const father = rng.pick(bank.male);
  const fromFather = bank.surnameFromFather;
  let secondName: string;
  let patronymicAsSurname = false;
  if (fromFather !== undefined && rng.chance(fromFather.share)) {
    secondName = withSuffix(father, fromFather, female);
    patronymicAsSurname = true;
  } else {
    const surname = rng.pick(bank.surnames);
    secondName = female ? derived(surname, () => feminineSurname(surname, bank.alphabet)) : surname;
  }
  // Someone whose surname already is "father + ұлы" carries no separate patronymic.
  let middleName: string | null = null;
  const u = rng.next();
  const p = bank.patronymic;
  if (!patronymicAsSurname && u < p.native) middleName = withSuffix(father, p, female);
  else if (!patronymicAsSurname && u < p.native + p.russian && bank.alphabet === 'cyrl') {
    middleName = russianFormPatronymic(father, female);
  }
  return { firstName, secondName, middleName };
}

/** Memo for `russianFormPatronymic`: fathers' names come from finite lists. */
const russianFormMemo = new Map<string, readonly [string, string]>();

/** The Russian-form patronymic, built on the father's name in Russian letters (Нұрлан → Нурланович). */
function russianFormPatronymic(father: string, female: boolean): string {
  let forms = russianFormMemo.get(father);
  if (forms === undefined) {
    const russian = toRussianCyrillic(father);
    forms = [russianPatronymic(russian, false), russianPatronymic(russian, true)];
    russianFormMemo.set(father, forms);
  }
  return forms[female ? 1 : 0];
}
