/**
 * Written sentences for the demo's records, in the language the recording agency uses
 * (Kazakh or Russian; the public's hotline reports also in English, Uzbek and Kyrgyz). Each text
 * is composed from several interchangeable sentence templates, drawn with the seed's random
 * stream, so two records rarely read alike. Form codes (exploitation types, indicator ids)
 * never appear in the text: each is said in words.
 */
import type { ExploitationType, Rng, SelfReportLanguage } from '@qorgau/core';
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

type Lang = RecordLanguage;
/** Feminine or masculine form. */
const g = (f: boolean, fem: string, masc: string) => (f ? fem : masc);
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

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
const where = (lang: Lang, region: string) => (lang === 'ru' ? (REGION_RU[region] ?? 'в Казахстане') : (REGION_KK[region] ?? 'Қазақстанда'));

/** "гражданка Узбекистана, 24 лет" / "24 жастағы Өзбекстан азаматшасы". */
function who(lang: Lang, p: NarrativeFacts): string {
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

const WORKPLACE = {
  ru: ['на стройке', 'на ферме', 'в теплице', 'на складе', 'в швейном цехе', 'на кирпичном заводе', 'на автомойке', 'в кафе'],
  kk: ['құрылыста', 'фермада', 'жылыжайда', 'қоймада', 'тігін цехында', 'кірпіш зауытында', 'көлік жуу орнында', 'дәмханада'],
};
const DURATION = {
  ru: ['около трёх месяцев', 'с весны', 'почти полгода', 'больше года', 'два месяца'],
  kk: ['үш айдай', 'көктемнен бері', 'жарты жылға жуық', 'бір жылдан астам', 'екі ай бойы'],
};
const CITY = {
  ru: ['в Алматы', 'в Астане', 'в Шымкенте', 'в Дубае', 'в Стамбуле'],
  kk: ['Алматыда', 'Астанада', 'Шымкентте', 'Дубайда', 'Стамбулда'],
};

/** The encounter: where and how the person was met, by setting. */
function encounter(rng: Rng, lang: Lang, p: NarrativeFacts): string {
  const w = who(lang, p);
  const loc = where(lang, p.regionCode);
  const f = p.female;
  if (lang === 'ru') {
    // An age in apposition is closed by a comma before the predicate: «гражданин Узбекистана, 27 лет, пояснил».
    const ws = w.includes(',') ? `${w},` : w;
    const bySetting: Record<string, string[]> = {
      farm: [
        `В ходе плановой проверки крестьянского хозяйства ${loc} ${g(f, 'выявлена', 'выявлен')} ${w}.`,
        `${cap(ws)} ${g(f, 'обратилась', 'обратился')} к инспектору во время проверки фермерского хозяйства ${loc}.`,
      ],
      factory: [
        `Во время проверки цеха ${loc} ${ws} ${g(f, 'сообщила', 'сообщил')} инспектору, что не может уволиться.`,
        `При проверке производства ${loc} среди работников ${g(f, 'выявлена', 'выявлен')} ${w}.`,
      ],
      construction_site: [
        `На строительном объекте ${loc} в ходе совместного рейда ${g(f, 'выявлена', 'выявлен')} ${w}.`,
        `${cap(ws)} ${g(f, 'подошла', 'подошёл')} к инспектору на стройке ${loc} и ${g(f, 'попросила', 'попросил')} о помощи.`,
      ],
      street: [`${cap(ws)} ${g(f, 'обратилась', 'обратился')} к патрулю ${loc} с просьбой о помощи.`],
      market: [
        `${cap(ws)} ${g(f, 'обратилась', 'обратился')} к сотрудникам на рынке ${loc}.`,
        `На рынке ${loc} ${g(f, 'выявлена', 'выявлен')} ${w}, работающ${g(f, 'ая', 'ий')} без оформления.`,
      ],
      border_crossing: [
        `На пункте пропуска ${ws} ${g(f, 'сообщила', 'сообщил')}, что ${g(f, 'её', 'его')} везут на работу, о которой ${g(f, 'она', 'он')} почти ничего не знает.`,
      ],
      detention_police_operation: [
        `В ходе оперативного мероприятия ${loc} ${g(f, 'задержана', 'задержан')} ${w}; при беседе выявлены признаки эксплуатации.`,
        `При проверке адреса ${loc} ${g(f, 'обнаружена', 'обнаружен')} ${w}, ${g(f, 'проживавшая', 'проживавший')} вместе с другими работниками.`,
      ],
      pre_deportation: [
        `Перед исполнением решения о выдворении проведено собеседование. ${cap(ws)} ${g(f, 'пояснила', 'пояснил')}, что ${g(f, 'приехала', 'приехал')} на заработки.`,
        `В центре временного содержания ${loc} с иностранцем проведена беседа: ${ws} ${g(f, 'рассказала', 'рассказал')} о работе без оплаты.`,
      ],
      hospital: [
        `${cap(ws)} ${g(f, 'доставлена', 'доставлен')} в приёмное отделение с травмами; при осмотре врач отметил признаки длительного недоедания.`,
        `${cap(ws)} ${g(f, 'поступила', 'поступил')} в больницу ${loc}; в разговоре с социальным работником ${g(f, 'рассказала', 'рассказал')} о своей работе.`,
      ],
      school: [
        `Классный руководитель сообщила, что ${ws} систематически пропускает занятия и по вечерам работает на рынке.`,
        `Школьный психолог обратила внимание, что ${ws} приходит на уроки уставш${g(f, 'ей', 'им')} и боится возвращаться домой.`,
      ],
      online: [`Сообщение поступило через социальную сеть: ${ws} ${g(f, 'написала', 'написал')}, что ${g(f, 'её', 'его')} удерживают в квартире ${loc}.`],
      hotline: [
        `Звонок на линию 111: ${ws} ${g(f, 'сообщила', 'сообщил')}, что находится ${loc} и не может уйти от работодателя.`,
        `На линию 111 ${g(f, 'позвонила', 'позвонил')} ${w}, ${g(f, 'находящаяся', 'находящийся')} ${loc}.`,
      ],
      consulate: [
        `${cap(ws)} ${g(f, 'обратилась', 'обратился')} в консульство с просьбой помочь вернуться на родину.`,
        `В консульство ${g(f, 'пришла', 'пришёл')} ${ws} без паспорта и денег на обратную дорогу.`,
      ],
    };
    return rng.pick(
      bySetting[p.setting] ?? [
        `${cap(ws)} ${g(f, 'обратилась', 'обратился')} за помощью ${loc}.`,
        `Сотрудники выездной консультации ${loc} побеседовали с человеком: ${w}.`,
      ],
    );
  }
  const bySetting: Record<string, string[]> = {
    farm: [`${loc} шаруа қожалығын жоспарлы тексеру кезінде ${w} анықталды.`, `${cap(w)} ${loc} фермер қожалығын тексеру кезінде инспекторға жүгінді.`],
    factory: [
      `${loc} цехты тексеру барысында ${w} инспекторға жұмыстан кете алмайтынын айтты.`,
      `${loc} өндірісті тексеру кезінде жұмысшылардың арасынан ${w} анықталды.`,
    ],
    construction_site: [`${loc} құрылыс нысанында бірлескен рейд кезінде ${w} анықталды.`, `${cap(w)} ${loc} құрылыста инспекторға келіп, көмек сұрады.`],
    street: [`${cap(w)} ${loc} патрульге көмек сұрап жүгінді.`],
    market: [`${cap(w)} ${loc} базардағы қызметкерлерге жүгінді.`, `${loc} базарда ресімделмей жұмыс істеп жүрген ${w} анықталды.`],
    border_crossing: [`Өткізу пунктінде ${w} өзін не күтіп тұрғанын білмейтін жұмысқа апара жатқанын айтты.`],
    detention_police_operation: [
      `${loc} жедел іс-шара барысында ${w} ұсталды; әңгіме кезінде қанау белгілері анықталды.`,
      `${loc} мекенжайды тексеру кезінде басқа жұмысшылармен бірге тұрған ${w} табылды.`,
    ],
    pre_deportation: [`Шығарып жіберу туралы шешімді орындау алдында әңгімелесу жүргізілді. ${cap(w)} табыс табу үшін келгенін айтты.`],
    hospital: [`${cap(w)} жарақаттармен қабылдау бөлімшесіне жеткізілді; тексеру кезінде дәрігер ұзақ уақыт тамақтанбау белгілерін байқады.`],
    school: [
      `Сынып жетекшісі ${w} сабаққа жиі келмейтінін және кешке базарда жұмыс істейтінін хабарлады.`,
      `Мектеп психологы ${w} сабаққа шаршап келетінін және үйге қайтудан қорқатынын байқады.`,
    ],
    online: [`Әлеуметтік желі арқылы хабар келді: ${w} оны ${loc} пәтерде ұстап отырғанын жазды.`],
    hotline: [`111 желісіне қоңырау: ${w} ${loc} екенін және жұмыс берушіден кете алмайтынын айтты.`, `111 желісіне ${loc} жүрген ${w} хабарласты.`],
    consulate: [`${cap(w)} елге оралуға көмек сұрап консулдыққа жүгінді.`],
  };
  return rng.pick(
    bySetting[p.setting] ?? [`${cap(w)} ${loc} көмек сұрап жүгінді.`, `${cap(w)} ${loc} көшпелі кеңес беру кезінде ұйым қызметкерлеріне жүгінді.`],
  );
}

/** What happened, by the first form of exploitation (never named by its code). */
function situation(rng: Rng, lang: Lang, p: NarrativeFacts): string {
  const f = p.female;
  const place = rng.pick(WORKPLACE[lang]);
  const time = rng.pick(DURATION[lang]);
  const city = rng.pick(CITY[lang]);
  const type = p.exploitation[0] ?? 'Other';
  if (lang === 'ru') {
    const s = g(f, 'она', 'он');
    const her = g(f, 'её', 'его');
    const byType: Partial<Record<ExploitationType, string[]>> = {
      ForcedLabour: [
        `По ${her} словам, ${time} ${g(f, 'работала', 'работал')} ${place} по 14 часов в день без выходных.`,
        `${cap(s)} ${g(f, 'приехала', 'приехал')} по объявлению о работе ${place}, но обещанную зарплату так и не ${g(f, 'получила', 'получил')}.`,
        `Работодатель сразу забрал паспорт «на оформление» и требует отработать долг за дорогу и жильё.`,
      ],
      SexualExploitation: [
        `${cap(her)} пригласили работать ${g(f, 'официанткой', 'официантом')}, но по приезде заставили оказывать сексуальные услуги.`,
        `Знакомый из социальной сети пообещал работу ${city}, после чего ${her} удерживали в съёмной квартире и принуждали к проституции.`,
      ],
      ChildLabour: [
        `Ребёнок работает ${place} вместо учёбы; заработок забирает взрослый, которого ${s} называет «дядей».`,
        `С раннего утра ${s} разгружает товар на рынке; родственники, у которых ${s} живёт, забирают все деньги.`,
      ],
      ForcedBegging: [`${cap(her)} ежедневно привозят к торговому центру просить милостыню и вечером забирают всю выручку.`],
      ForcedMarriage: [`Родственники договорились о браке без ${her} согласия; ${s} боится возвращаться домой.`],
      Servitude: [
        `${cap(s)} ${time} ${g(f, 'жила', 'жил')} в частном доме и ${g(f, 'выполняла', 'выполнял')} всю домашнюю работу без оплаты; выходить ${g(f, 'одной', 'одному')} не разрешали.`,
      ],
      ForcedCriminality: [`${cap(her)} заставляли перевозить посылки, о содержимом которых ${s} не ${g(f, 'знала', 'знал')}, угрожая расправой над семьёй.`],
    };
    return rng.pick(
      byType[type] ?? [`${cap(s)} ${g(f, 'рассказала', 'рассказал')} о давлении и угрозах со стороны людей, которые организовали ${her} поездку.`],
    );
  }
  const byType: Partial<Record<ExploitationType, string[]>> = {
    ForcedLabour: [
      `Оның айтуынша, ${time} ${place} күніне 14 сағаттан демалыссыз жұмыс істеген.`,
      `Ол ${place} жұмыс туралы хабарландыру бойынша келген, бірақ уәде етілген жалақыны ала алмаған.`,
      `Жұмыс беруші төлқұжатын «рәсімдеу үшін» алып қойып, жол мен тұрғын үйдің қарызын өтеуді талап етеді.`,
    ],
    SexualExploitation: [
      `Оны даяшы ретінде жұмысқа шақырған, бірақ келген соң жыныстық қызмет көрсетуге мәжбүрлеген.`,
      `Әлеуметтік желідегі таныс ${city} жұмыс уәде еткен, содан кейін оны жалдамалы пәтерде ұстап, жезөкшелікке мәжбүрлеген.`,
    ],
    ChildLabour: [
      `Бала оқудың орнына ${place} жұмыс істейді; табысын ол «аға» деп атайтын ересек адам алады.`,
      `Ол таңертеңнен базарда жүк түсіреді; бірге тұратын туыстары бүкіл ақшасын алып қояды.`,
    ],
    ForcedBegging: [`Оны күн сайын сауда орталығының жанына қайыр сұрауға әкеліп, кешке бүкіл ақшасын алып қояды.`],
    ForcedMarriage: [`Туыстары оның келісімінсіз неке туралы келісіп қойған; ол үйге оралудан қорқады.`],
    Servitude: [`Ол ${time} жеке үйде тұрып, барлық үй жұмысын ақысыз атқарған; жалғыз сыртқа шығуға рұқсат берілмеген.`],
    ForcedCriminality: [`Оны ішінде не барын білмейтін сәлемдемелерді тасымалдауға мәжбүрлеп, отбасына зиян келтіреміз деп қорқытқан.`],
  };
  return rng.pick(byType[type] ?? [`Ол сапарын ұйымдастырған адамдар тарапынан қысым мен қорқыту болғанын айтты.`]);
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
const indicatorList = (lang: Lang, ids: readonly string[]) =>
  listOf(
    lang,
    ids.map((id) => INDICATOR_WORDS[id]?.[lang]).filter((w): w is string => Boolean(w)),
  );

function indicatorSentence(rng: Rng, lang: Lang, p: NarrativeFacts): string | null {
  if (p.indicators.length === 0) return null;
  const list = indicatorList(lang, p.indicators);
  if (lang === 'ru')
    return rng.pick([`Отмечены признаки: ${list}.`, `Со слов ${g(p.female, 'опрошенной', 'опрошенного')}, имеют место ${list}.`, `В беседе выявлены ${list}.`]);
  return rng.pick([`Белгілер байқалды: ${list}.`, `Әңгіме барысында анықталғаны: ${list}.`]);
}

function nextSteps(rng: Rng, lang: Lang, p: NarrativeFacts): string {
  if (lang === 'ru') {
    return rng.pick([
      `Проведена беседа${p.interpreter ? ' с участием переводчика' : ''}, разъяснены права и порядок получения помощи.`,
      `${cap(g(p.female, 'она', 'он'))} нуждается в медицинском осмотре и временном жилье.`,
      'Согласие на передачу сведений в подразделение по идентификации получено.',
      'Предложена консультация юриста и психолога.',
    ]);
  }
  return rng.pick([
    `Әңгіме${p.interpreter ? ' аудармашының қатысуымен' : ''} жүргізіліп, құқықтары мен көмек алу тәртібі түсіндірілді.`,
    'Медициналық тексеру мен уақытша баспана қажет.',
    'Мәліметтерді сәйкестендіру бөлімшесіне беруге келісім алынды.',
    'Заңгер мен психологтың кеңесі ұсынылды.',
  ]);
}

/** The narrative of a first encounter: three or four sentences. */
export function encounterNarrative(rng: Rng, lang: Lang, p: NarrativeFacts): string {
  const parts = [encounter(rng, lang, p), situation(rng, lang, p), indicatorSentence(rng, lang, p), nextSteps(rng, lang, p)];
  return parts.filter((s): s is string => s !== null).join(' ');
}

/** The written reasons of an identification decision. */
export function decisionReasons(rng: Rng, lang: Lang, positive: boolean, p: NarrativeFacts): string {
  const list = indicatorList(lang, p.indicators.length ? p.indicators : drawIndicators(rng, p.exploitation, 2));
  // Wages paid after an inspection, a labour dispute: only where the work itself was the question.
  const labour = p.exploitation[0] === 'ForcedLabour';
  if (lang === 'ru') {
    if (!positive) {
      const why = rng.pick([
        ...(labour ? ['заработная плата выплачена после вмешательства инспекции'] : []),
        'лицо свободно передвигалось и сохраняло документы',
        'объяснения не подтверждены материалами проверки',
      ]);
      return `Признаков принуждения не установлено: ${why}. ${rng.pick([...(labour ? ['Рекомендована консультация по трудовому спору.'] : []), 'Разъяснено право обжаловать решение.'])}`;
    }
    const intro = rng.pick([
      'По результатам собеседования и проверки документов',
      'На основании объяснений лица, ответа работодателя и материалов проверки',
      'С учётом заключения психолога и собранных материалов',
    ]);
    return `${intro} установлены признаки торговли людьми: ${list}. ${rng.pick(['Лицо признано жертвой торговли людьми.', 'Принято решение о признании жертвой; разъяснено право на помощь и защиту.'])}`;
  }
  if (!positive) {
    const why = rng.pick([
      ...(labour ? ['жалақы инспекция араласқаннан кейін төленді'] : []),
      'адам еркін жүріп-тұрған, құжаттары өзінде болған',
      'түсініктемелер тексеру материалдарымен расталмады',
    ]);
    return `Мәжбүрлеу белгілері анықталмады: ${why}. ${rng.pick([...(labour ? ['Еңбек дауы бойынша кеңес ұсынылды.'] : []), 'Шешімге шағымдану құқығы түсіндірілді.'])}`;
  }
  const intro = rng.pick([
    'Әңгімелесу мен құжаттарды тексеру нәтижесінде',
    'Адамның түсініктемесі, жұмыс берушінің жауабы мен тексеру материалдары негізінде',
    'Психологтың қорытындысы мен жиналған материалдарды ескере отырып',
  ]);
  return `${intro} адам саудасының белгілері анықталды: ${list}. ${rng.pick(['Адам саудасының құрбаны деп танылды.', 'Құрбан деп тану туралы шешім қабылданды; көмек пен қорғауға құқығы түсіндірілді.'])}`;
}

/** An internal review that confirms, or an appeal that overturns a negative decision. */
export function reviewReasons(rng: Rng, lang: Lang, kind: 'review' | 'appeal'): string {
  if (lang === 'ru') {
    return kind === 'review'
      ? rng.pick([
          'Внутренняя проверка решения: выводы подтверждены, нарушений порядка идентификации не выявлено.',
          'Решение проверено руководителем подразделения; основания признаны достаточными.',
        ])
      : 'Лицо обжаловало отрицательное решение и представило переписку с вербовщиком и сведения о долге. Решение пересмотрено: признано жертвой.';
  }
  return kind === 'review'
    ? rng.pick([
        'Шешімді ішкі тексеру: тұжырымдар расталды, сәйкестендіру тәртібі бұзылмаған.',
        'Шешімді бөлімше басшысы тексерді; негіздер жеткілікті деп танылды.',
      ])
    : 'Адам теріс шешімге шағымданып, жұмысқа тартушымен хат алмасуын және қарыз туралы мәліметтерді ұсынды. Шешім қайта қаралды: құрбан деп танылды.';
}

export function referralNote(rng: Rng, lang: Lang, to: 'shelter' | 'ngo', female: boolean): string {
  if (lang === 'ru') {
    return to === 'shelter'
      ? rng.pick([
          `${g(female, 'Направлена', 'Направлен')} в кризисный центр для временного размещения и психологической помощи.`,
          'Согласовано размещение в кризисном центре; сопровождение организовано.',
        ])
      : rng.pick([
          `${g(female, 'Передана', 'Передан')} в общественный фонд для сопровождения и юридической помощи.`,
          'Направлено в общественный фонд: нужна помощь с документами и возвращением домой.',
        ]);
  }
  return to === 'shelter'
    ? rng.pick([
        'Уақытша орналастыру және психологиялық көмек алу үшін дағдарыс орталығына жолданды.',
        'Дағдарыс орталығына орналастыру келісілді; сүйемелдеу ұйымдастырылды.',
      ])
    : rng.pick(['Сүйемелдеу және заң көмегі үшін қоғамдық қорға жолданды.', 'Қоғамдық қорға жолданды: құжаттар мен үйге оралу бойынша көмек қажет.']);
}

export function closureNote(rng: Rng, lang: Lang, identified: boolean, female: boolean): string {
  if (lang === 'ru') {
    if (!identified)
      return rng.pick([
        'Решение о непризнании жертвой вступило в силу; дальнейшие действия не требуются.',
        'Связь с лицом утрачена, телефон недоступен более месяца.',
      ]);
    return rng.pick([
      `Реабилитация завершена, ${g(female, 'она вернулась', 'он вернулся')} к семье; дело закрыто.`,
      `${g(female, 'Выехала', 'Выехал')} на родину при содействии консульства; сопровождение завершено.`,
      `Трудоустроен${g(female, 'а', '')}, живёт самостоятельно; помощь больше не требуется.`,
    ]);
  }
  if (!identified)
    return rng.pick([
      'Құрбан деп танымау туралы шешім күшіне енді; қосымша әрекет қажет емес.',
      'Адаммен байланыс үзілді, телефоны бір айдан астам қолжетімсіз.',
    ]);
  return rng.pick([
    'Оңалту аяқталды, ол отбасына оралды; іс жабылды.',
    'Консулдықтың көмегімен еліне оралды; сүйемелдеу аяқталды.',
    'Жұмысқа орналасып, өз бетінше тұрып жатыр; көмек енді қажет емес.',
  ]);
}

/** A note in the history, by who writes it. */
export function caseNote(rng: Rng, lang: Lang, by: 'shelter' | 'worker' | 'officer'): string {
  if (lang === 'ru') {
    const pools = {
      shelter: [
        'Размещена в кризисном центре, получает питание и медицинскую помощь.',
        'Прошла медицинский осмотр; назначены занятия с психологом два раза в неделю.',
        'Состояние стабильное, начала посещать курсы шитья.',
      ],
      worker: [
        'Проведена повторная встреча, состояние стабильное; нужна помощь с восстановлением документов.',
        'Организована консультация юриста по взысканию заработной платы.',
        'Направлен запрос в консульство о восстановлении паспорта.',
        'Психолог отмечает улучшение сна и снижение тревожности.',
      ],
      officer: [
        'Получен ответ от работодателя: задолженность по зарплате не признаёт.',
        'Опрошены двое свидетелей, объяснения приобщены к материалам.',
        'Запрошены сведения о пересечении границы.',
      ],
    };
    return rng.pick(pools[by]);
  }
  const pools = {
    shelter: [
      'Дағдарыс орталығына орналастырылды, тамақ пен медициналық көмек алуда.',
      'Медициналық тексеруден өтті; аптасына екі рет психологпен сабақ белгіленді.',
      'Жағдайы тұрақты, тігін курсына қатыса бастады.',
    ],
    worker: [
      'Қайта кездесу өтті, жағдайы тұрақты; құжаттарын қалпына келтіруге көмек қажет.',
      'Жалақыны өндіріп алу бойынша заңгердің кеңесі ұйымдастырылды.',
      'Төлқұжатты қалпына келтіру туралы консулдыққа сұрау жіберілді.',
      'Психолог ұйқысының жақсарғанын және мазасыздығының азайғанын атап өтті.',
    ],
    officer: [
      'Жұмыс берушіден жауап келді: жалақы бойынша берешекті мойындамайды.',
      'Екі куәгерден түсініктеме алынып, материалдарға қоса тіркелді.',
      'Шекарадан өту туралы мәліметтер сұратылды.',
    ],
  };
  return rng.pick(pools[by]);
}

export function nonPunishmentFlag(rng: Rng, lang: Lang, p: Pick<NarrativeFacts, 'female' | 'citizenship'>): string {
  // A foreigner is fined for breaking the migration rules; a citizen for what the exploiters made them do.
  const foreigner = p.citizenship !== 'KZ';
  if (lang === 'ru') {
    return foreigner
      ? rng.pick([
          `${g(p.female, 'Привлечена', 'Привлечён')} к административной ответственности за нарушение миграционного законодательства; нарушение стало прямым следствием того, что работодатель удерживал паспорт. Прошу рассмотреть освобождение от ответственности.`,
          'В отношении лица начато производство о незаконной трудовой деятельности; работа выполнялась под принуждением. Прошу оценить применение принципа ненаказания.',
        ])
      : 'В отношении лица начато административное производство за правонарушение, совершённое по принуждению эксплуататоров. Прошу оценить применение принципа ненаказания.';
  }
  return foreigner
    ? rng.pick([
        'Ол көші-қон заңнамасын бұзғаны үшін әкімшілік жауапкершілікке тартылды; бұзушылық жұмыс берушінің төлқұжатты ұстап қалуының тікелей салдары. Жауапкершіліктен босату мәселесін қарауды сұраймын.',
        'Заңсыз еңбек қызметі туралы іс қозғалды; жұмыс мәжбүрлеумен орындалған. Жазаламау қағидатын қолдануды бағалауды сұраймын.',
      ])
    : 'Қанаушылардың мәжбүрлеуімен жасалған құқық бұзушылық үшін әкімшілік іс қозғалды. Жазаламау қағидатын қолдануды бағалауды сұраймын.';
}

export function nonPunishmentReview(lang: Lang, waived: boolean): string {
  if (lang === 'ru') {
    return waived
      ? 'Нарушение совершено вследствие торговли людьми; постановление о наложении штрафа отменено.'
      : 'Нарушение не связано с эксплуатацией; основания для освобождения от ответственности отсутствуют.';
  }
  return waived
    ? 'Бұзушылық адам саудасының салдарынан жасалған; айыппұл салу туралы қаулы күшін жойды.'
    : 'Бұзушылық қанаумен байланысты емес; жауапкершіліктен босатуға негіз жоқ.';
}

export function holdLiftedNote(lang: Lang): string {
  return lang === 'ru'
    ? 'Лицо признано жертвой; выдворение не применяется, оформляется временное разрешение на пребывание.'
    : 'Құрбан деп танылды; шығарып жіберу қолданылмайды, уақытша тұруға рұқсат ресімделуде.';
}

/** A report from the public, in the language the reporter chose on the /report page. */
export function hotlineReport(rng: Rng, language: SelfReportLanguage, reporter: 'self' | 'witness'): string {
  const texts: Record<SelfReportLanguage, { self: string[]; witness: string[]; extra: string[] }> = {
    en: {
      self: [
        'I came to Almaty to work at a construction site. The owner took my passport and has not paid me for three months. I want to go home but I have no money.',
        'I work in a greenhouse near Shymkent. We sleep in the same building, the gate is locked at night and they say we owe money for the trip.',
      ],
      witness: [
        "My neighbour's daughter went to Astana for a job in a café. She called her mother crying and said she is not allowed to leave the flat.",
        'Near our house men live in a basement. A car takes them away at six in the morning and brings them back late at night.',
      ],
      extra: ['Please call after 8 pm, they check my phone during the day.', 'I am afraid to go to the police because my visa has expired.', ''],
    },
    ru: {
      self: [
        'Я работаю на стройке в Алматы. Хозяин забрал паспорт и третий месяц не платит. Уехать домой не могу, прошу помочь.',
        'Меня привезли на работу в кафе, а теперь говорят, что я должна за дорогу и жильё. Из квартиры одну не выпускают.',
      ],
      witness: [
        'Рядом с нашим домом в подвале живут рабочие. Их привозят и увозят на машине, одних на улицу не выпускают.',
        'Моя сестра уехала на заработки, теперь пишет, что её заставляют работать без выходных и грозят полицией.',
      ],
      extra: ['Звоните после 20:00, днём телефон проверяют.', 'Боюсь обращаться в полицию, у меня закончился срок регистрации.', ''],
    },
    kk: {
      self: [
        'Мен Алматыдағы құрылыста жұмыс істеймін. Қожайын төлқұжатымды алып қойды, үш айдан бері ақша төлемейді. Үйге қайта алмаймын, көмектесіңіздер.',
        'Мені дүкенге сатушы етіп алып келді, енді жол ақысы үшін қарызсың дейді. Демалыс жоқ, жалақы бермейді.',
      ],
      witness: [
        'Көршімнің қызы Астанаға жұмысқа кеткен. Анасына жылап хабарласып, пәтерден шығармайтынын айтыпты.',
        'Ауылымыздағы фермада бөтен елден келген жігіттер тұрады, оларды ешқайда жібермейді, тамақты да аз береді.',
      ],
      extra: ['Кешкі сағат сегізден кейін хабарласыңыз, күндіз телефонымды тексереді.', 'Полицияға баруға қорқамын.', ''],
    },
    uz: {
      self: [
        "Men Olmaotadagi qurilishda ishlayman. Ish beruvchi pasportimni olib qo'ydi va uch oydan beri maosh bermayapti. Uyga qaytishga pulim yo'q, yordam bering.",
        "Biz issiqxonada ishlaymiz, kechasi darvozani qulflab qo'yishadi. Yo'l haqi uchun qarzdorsiz deyishadi.",
      ],
      witness: [
        "Akamning o'g'li Shimkentga ishga ketgan edi. Telefon qilib, uni ko'chaga chiqarishmayotganini aytdi.",
        "Qo'shnimizning qizi Ostonaga ishga ketgan. Endi u yerdan chiqolmayotganini yozdi.",
      ],
      extra: ["Iltimos, kechki soat sakkizdan keyin qo'ng'iroq qiling.", "Politsiyaga borishdan qo'rqaman, ro'yxatdan o'tish muddatim tugagan.", ''],
    },
    ky: {
      self: [
        'Мен Алматыдагы базарда иштейм. Кожоюн паспортумду алып алды, эки айдан бери акча төлөбөй жатат. Үйгө кете албай жатам, жардам бериңиздер.',
        'Бизди кирпич заводуна алып келишти. Күнү-түнү иштетишет, жол кире үчүн карызсыңар дешет.',
      ],
      witness: [
        'Кошунамдын кызы Астанага кафеге иштегени кеткен. Апасына ыйлап чалып, батирден чыгарбай жатышканын айтыптыр.',
        'Инимдин досу Шымкенттеги курулушта иштейт. Акы төлөшпөйт, документтерин кайтарышпайт.',
      ],
      extra: ['Кечки саат сегизден кийин чалыңыздар, күндүз телефонумду текшеришет.', 'Милицияга барганга корком.', ''],
    },
  };
  const t = texts[language];
  const extra = rng.pick(t.extra);
  return extra ? `${rng.pick(t[reporter])} ${extra}` : rng.pick(t[reporter]);
}
