/**
 * The shared vocabulary of the demo's written sentences (seed-narratives.ts): who the person is,
 * where, and the indicators observed, said in words in Russian or Kazakh.
 */
import type { ExploitationType, Rng } from '@qorgau/core';
import type { RecordLanguage } from './demo-staff.ts';

/** What a text may say about the person and the encounter. */
export interface NarrativeFacts {
  female: boolean;
  /** Age in years, or null when unknown. */
  age: number | null;
  /** ISO 3166-1 alpha-2. */
  citizenship: string;
  regionCode: string;
  setting: string;
  exploitation: readonly ExploitationType[];
  /** Short-form indicator ids observed (short_form.*); said in words. */
  indicators: readonly string[];
  interpreter?: boolean;
}

export type Lang = RecordLanguage;
/** Feminine or masculine form. */
export const g = (f: boolean, fem: string, masc: string) => (f ? fem : masc);
export const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const COUNTRY: Record<string, { ru: string; kk: string }> = {
  KZ: { ru: 'Казахстана', kk: 'Қазақстан' },
  UZ: { ru: 'Узбекистана', kk: 'Өзбекстан' },
  KG: { ru: 'Кыргызстана', kk: 'Қырғызстан' },
  TJ: { ru: 'Таджикистана', kk: 'Тәжікстан' },
  RU: { ru: 'России', kk: 'Ресей' },
  TM: { ru: 'Туркменистана', kk: 'Түрікменстан' },
  AZ: { ru: 'Азербайджана', kk: 'Әзербайжан' },
  UA: { ru: 'Украины', kk: 'Украина' },
  BY: { ru: 'Беларуси', kk: 'Беларусь' },
};

/** Russian agreement of "years": 21 год, 22 года, 25 лет. */
export function ruYears(n: number): string {
  const d = n % 10;
  const h = n % 100;
  if (d === 1 && h !== 11) return `${n} год`;
  if (d >= 2 && d <= 4 && (h < 12 || h > 14)) return `${n} года`;
  return `${n} лет`;
}

const REGION_RU: Record<string, string> = {
  'KZ-10': 'в Абайской области',
  'KZ-11': 'в Акмолинской области',
  'KZ-15': 'в Актюбинской области',
  'KZ-19': 'в Алматинской области',
  'KZ-23': 'в Атырауской области',
  'KZ-27': 'в Западно-Казахстанской области',
  'KZ-31': 'в Жамбылской области',
  'KZ-33': 'в области Жетысу',
  'KZ-35': 'в Карагандинской области',
  'KZ-39': 'в Костанайской области',
  'KZ-43': 'в Кызылординской области',
  'KZ-47': 'в Мангистауской области',
  'KZ-55': 'в Павлодарской области',
  'KZ-59': 'в Северо-Казахстанской области',
  'KZ-61': 'в Туркестанской области',
  'KZ-62': 'в области Улытау',
  'KZ-63': 'в Восточно-Казахстанской области',
  'KZ-71': 'в Астане',
  'KZ-75': 'в Алматы',
  'KZ-79': 'в Шымкенте',
};
const REGION_KK: Record<string, string> = {
  'KZ-10': 'Абай облысында',
  'KZ-11': 'Ақмола облысында',
  'KZ-15': 'Ақтөбе облысында',
  'KZ-19': 'Алматы облысында',
  'KZ-23': 'Атырау облысында',
  'KZ-27': 'Батыс Қазақстан облысында',
  'KZ-31': 'Жамбыл облысында',
  'KZ-33': 'Жетісу облысында',
  'KZ-35': 'Қарағанды облысында',
  'KZ-39': 'Қостанай облысында',
  'KZ-43': 'Қызылорда облысында',
  'KZ-47': 'Маңғыстау облысында',
  'KZ-55': 'Павлодар облысында',
  'KZ-59': 'Солтүстік Қазақстан облысында',
  'KZ-61': 'Түркістан облысында',
  'KZ-62': 'Ұлытау облысында',
  'KZ-63': 'Шығыс Қазақстан облысында',
  'KZ-71': 'Астанада',
  'KZ-75': 'Алматыда',
  'KZ-79': 'Шымкентте',
};
export const where = (lang: Lang, region: string) => (lang === 'ru' ? (REGION_RU[region] ?? 'в Казахстане') : (REGION_KK[region] ?? 'Қазақстанда'));

/** "гражданка Узбекистана, 24 лет" / "24 жастағы Өзбекстан азаматшасы". */
export function who(lang: Lang, p: NarrativeFacts): string {
  const child = p.age !== null && p.age < 18;
  const country = COUNTRY[p.citizenship] ?? COUNTRY.KZ;
  if (lang === 'ru') {
    if (child) return `${g(p.female, 'несовершеннолетняя', 'несовершеннолетний')}, ${ruYears(p.age as number)}`;
    const base = `${g(p.female, 'гражданка', 'гражданин')} ${country?.ru}`;
    return p.age === null ? base : `${base}, ${ruYears(p.age)}`;
  }
  if (child) return `${p.age} жастағы ${g(p.female, 'қыз', 'ұл')} бала`;
  const base = `${country?.kk} ${g(p.female, 'азаматшасы', 'азаматы')}`;
  return p.age === null ? base : `${p.age} жастағы ${base}`;
}

/** Indicators in words (short-form ids). */
export const INDICATOR_WORDS: Readonly<Record<string, { ru: string; kk: string }>> = {
  'short_form.documents_withheld': { ru: 'удержание документов', kk: 'құжаттарды ұстап қалу' },
  'short_form.wages_withheld': { ru: 'невыплата заработной платы', kk: 'жалақыны төлемеу' },
  'short_form.debt_bondage': { ru: 'долговая кабала', kk: 'қарызға байлау' },
  'short_form.restricted_movement': { ru: 'ограничение свободы передвижения', kk: 'жүріп-тұру еркіндігін шектеу' },
  'short_form.isolation': { ru: 'изоляция', kk: 'оқшаулау' },
  'short_form.threats_of_violence': { ru: 'угрозы насилием', kk: 'күш қолданамын деп қорқыту' },
  'short_form.threats_of_denunciation': {
    ru: 'угрозы сообщить в полицию или миграционную службу',
    kk: 'полицияға немесе көші-қон қызметіне хабарлаймын деп қорқыту',
  },
  'short_form.physical_violence': { ru: 'физическое насилие', kk: 'физикалық зорлық-зомбылық' },
  'short_form.sexual_violence': { ru: 'сексуальное насилие', kk: 'жыныстық зорлық-зомбылық' },
  'short_form.deception': { ru: 'обман при вербовке', kk: 'жұмысқа тарту кезіндегі алдау' },
  'short_form.abusive_conditions': { ru: 'недопустимые условия труда и проживания', kk: 'еңбек пен тұрмыстың жол берілмейтін жағдайлары' },
  'short_form.excessive_overtime': { ru: 'чрезмерная сверхурочная работа', kk: 'шамадан тыс үстеме жұмыс' },
  'short_form.necessities_withheld': { ru: 'лишение еды и отдыха', kk: 'тамақ пен демалыстан айыру' },
  'short_form.abuse_of_vulnerability': { ru: 'злоупотребление уязвимым положением', kk: 'осал жағдайды теріс пайдалану' },
  'short_form.psychological_abuse': { ru: 'психологическое давление', kk: 'психологиялық қысым' },
};

/** Indicators a screener plausibly observes for a form of exploitation (short-form ids). */
export const INDICATORS_FOR: Readonly<Partial<Record<ExploitationType, readonly string[]>>> = {
  ForcedLabour: [
    'short_form.documents_withheld',
    'short_form.wages_withheld',
    'short_form.debt_bondage',
    'short_form.excessive_overtime',
    'short_form.abusive_conditions',
    'short_form.threats_of_denunciation',
    'short_form.deception',
  ],
  SexualExploitation: [
    'short_form.deception',
    'short_form.restricted_movement',
    'short_form.isolation',
    'short_form.threats_of_violence',
    'short_form.sexual_violence',
    'short_form.debt_bondage',
  ],
  ChildLabour: ['short_form.abuse_of_vulnerability', 'short_form.wages_withheld', 'short_form.excessive_overtime', 'short_form.necessities_withheld'],
  ForcedBegging: ['short_form.abuse_of_vulnerability', 'short_form.physical_violence', 'short_form.restricted_movement', 'short_form.necessities_withheld'],
  ForcedMarriage: ['short_form.restricted_movement', 'short_form.psychological_abuse', 'short_form.isolation'],
  Servitude: ['short_form.isolation', 'short_form.restricted_movement', 'short_form.wages_withheld', 'short_form.psychological_abuse'],
  ForcedCriminality: ['short_form.threats_of_violence', 'short_form.deception', 'short_form.psychological_abuse'],
};
const GENERIC_INDICATORS = ['short_form.deception', 'short_form.threats_of_violence', 'short_form.psychological_abuse'];

/** `n` distinct indicators for the exploitation, in a stable order. */
export function drawIndicators(rng: Rng, exploitation: readonly ExploitationType[], n: number): string[] {
  const pool = [...(INDICATORS_FOR[exploitation[0] ?? 'Other'] ?? GENERIC_INDICATORS)];
  const out: string[] = [];
  while (out.length < n && pool.length > 0) out.push(pool.splice(rng.int(pool.length), 1)[0] as string);
  return out;
}

/** "a, b и c" / "a, b және c". */
function listOf(lang: Lang, items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${lang === 'ru' ? 'и' : 'және'} ${items.at(-1)}`;
}
export const indicatorList = (lang: Lang, ids: readonly string[]) =>
  listOf(
    lang,
    ids.map((id) => INDICATOR_WORDS[id]?.[lang]).filter((w): w is string => Boolean(w)),
  );
