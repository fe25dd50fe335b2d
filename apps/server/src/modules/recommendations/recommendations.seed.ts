import type { LocalizedName, RecommendationIndicator, RecommendationSource } from '@qorgau/core';

export interface RecommendationSeed {
  code: string;
  source: RecommendationSource;
  text: LocalizedName;
  /** The body responsible, as the recommendation or the plan names it (an agency in the register may be assigned later). */
  responsible: LocalizedName;
  indicator: RecommendationIndicator | null;
}

const MVD: LocalizedName = { kk: 'Ішкі істер министрлігі', ru: 'Министерство внутренних дел', en: 'Ministry of Internal Affairs' };
const LABOUR: LocalizedName = {
  kk: 'Еңбек және халықты әлеуметтік қорғау министрлігі',
  ru: 'Министерство труда и социальной защиты населения',
  en: 'Ministry of Labour and Social Protection of the Population',
};
const GPO: LocalizedName = { kk: 'Бас прокуратура', ru: 'Генеральная прокуратура', en: "Prosecutor General's Office" };
const JUSTICE: LocalizedName = { kk: 'Әділет министрлігі', ru: 'Министерство юстиции', en: 'Ministry of Justice' };
const COMMISSION: LocalizedName = {
  kk: 'Адам саудасына қарсы іс-қимыл жөніндегі ведомствоаралық комиссия',
  ru: 'Межведомственная комиссия по вопросам противодействия торговле людьми',
  en: 'Interdepartmental Commission on Combating Trafficking in Persons',
};

/**
 * The ten prioritized recommendations of the U.S. State Department's 2023 TIP report on
 * Kazakhstan (../shared/seeds/tip-2023-kazakhstan-overview.txt, English as published; Kazakh and
 * Russian translations ours), then national action plan items. Codes are stable: statuses refer
 * to the row, and `ensureRecommendations` adds only codes not yet present.
 */
export const RECOMMENDATION_SEEDS: RecommendationSeed[] = [
  {
    code: 'TIP2023-01',
    source: 'tip_2023',
    indicator: 'foreign_victims_identified',
    responsible: MVD,
    text: {
      en: 'Significantly increase efforts to identify trafficking victims among vulnerable populations, with an emphasis on forced labor and foreign victims, and refer victims for assistance.',
      ru: 'Значительно активизировать усилия по выявлению жертв торговли людьми среди уязвимых групп населения, уделяя особое внимание принудительному труду и иностранным жертвам, и направлять жертв за помощью.',
      kk: 'Осал топтар арасында адам саудасының құрбандарын анықтау жұмысын айтарлықтай күшейту, мәжбүрлі еңбекке және шетелдік құрбандарға ерекше назар аудару, құрбандарды көмек алуға жіберу.',
    },
  },
  {
    code: 'TIP2023-02',
    source: 'tip_2023',
    indicator: 'labour_trafficking_convictions',
    responsible: GPO,
    text: {
      en: 'Vigorously investigate and prosecute trafficking crimes, including potential forced labor cases, especially in remote areas and cases involving foreign victims or allegedly complicit government officials, and convict traffickers and seek adequate penalties.',
      ru: 'Активно расследовать преступления, связанные с торговлей людьми, и осуществлять уголовное преследование, в том числе по возможным случаям принудительного труда, особенно в отдалённых районах и по делам с иностранными жертвами или с предполагаемым соучастием государственных служащих, добиваться осуждения торговцев людьми и соразмерных наказаний.',
      kk: 'Адам саудасы қылмыстарын, оның ішінде мәжбүрлі еңбектің ықтимал жағдайларын, әсіресе шалғай аудандарда, шетелдік құрбандар немесе қатысы бар деп болжанған мемлекеттік қызметшілер бар істерді белсенді тергеу және қудалау, саудагерлерді соттатып, лайықты жаза тағайындауға қол жеткізу.',
    },
  },
  {
    code: 'TIP2023-03',
    source: 'tip_2023',
    indicator: 'victims_referred_to_care',
    responsible: LABOUR,
    text: {
      en: 'Ensure government-funded trafficking victim shelters have sufficient funding and resources for victim assistance and that foreign trafficking victims have access to benefits entitled by law, including temporary residency and work permits.',
      ru: 'Обеспечить достаточное финансирование и ресурсы финансируемых государством приютов для жертв торговли людьми для оказания помощи жертвам, а также доступ иностранных жертв к положенным по закону льготам, включая временное проживание и разрешение на работу.',
      kk: 'Мемлекет қаржыландыратын адам саудасы құрбандарына арналған баспаналардың құрбандарға көмек көрсетуге жеткілікті қаржысы мен ресурсы болуын, шетелдік құрбандардың заңда көзделген жеңілдіктерге, оның ішінде уақытша тұруға және жұмыс істеуге рұқсатқа қол жеткізуін қамтамасыз ету.',
    },
  },
  {
    code: 'TIP2023-04',
    source: 'tip_2023',
    indicator: null,
    responsible: JUSTICE,
    text: {
      en: 'Amend Kazakhstan’s penal code to align the definition of trafficking with the international law definition.',
      ru: 'Внести изменения в Уголовный кодекс Казахстана, чтобы привести определение торговли людьми в соответствие с определением международного права.',
      kk: 'Адам саудасының анықтамасын халықаралық құқықтағы анықтамаға сәйкестендіру үшін Қазақстанның Қылмыстық кодексіне өзгерістер енгізу.',
    },
  },
  {
    code: 'TIP2023-05',
    source: 'tip_2023',
    indicator: null,
    responsible: MVD,
    text: {
      en: 'Train law enforcement officers and labor inspectors to apply Kazakhstan’s trafficking laws, particularly in the detection of cases involving psychological coercion and other less overt trafficking indicators.',
      ru: 'Обучить сотрудников правоохранительных органов и трудовых инспекторов применению законов Казахстана о торговле людьми, в особенности выявлению случаев психологического принуждения и других менее явных признаков торговли людьми.',
      kk: 'Құқық қорғау органдарының қызметкерлері мен еңбек инспекторларын Қазақстанның адам саудасы туралы заңдарын қолдануға, әсіресе психологиялық мәжбүрлеу жағдайларын және адам саудасының басқа да айқын емес белгілерін анықтауға оқыту.',
    },
  },
  {
    code: 'TIP2023-06',
    source: 'tip_2023',
    indicator: 'labour_victims_identified',
    responsible: LABOUR,
    text: {
      en: 'Strengthen the capacity of the Labor Inspectorate to identify forced labor victims, including by increased training on victim identification and procedures to report potential trafficking cases to the police, and allow unfettered access to factories, construction sites, and farms for unannounced inspections.',
      ru: 'Укрепить потенциал трудовой инспекции по выявлению жертв принудительного труда, в том числе расширив обучение выявлению жертв и порядку сообщения в полицию о возможных случаях торговли людьми, и обеспечить беспрепятственный доступ на заводы, стройки и фермы для внезапных проверок.',
      kk: 'Еңбек инспекциясының мәжбүрлі еңбек құрбандарын анықтау әлеуетін арттыру, оның ішінде құрбандарды анықтауға және адам саудасының ықтимал жағдайлары туралы полицияға хабарлау тәртібіне оқытуды кеңейту, күтпеген тексерулер үшін зауыттарға, құрылыс алаңдарына және фермаларға кедергісіз кіруге мүмкіндік беру.',
    },
  },
  {
    code: 'TIP2023-07',
    source: 'tip_2023',
    indicator: 'non_punishment_flags',
    responsible: GPO,
    text: {
      en: 'Ensure victims are not inappropriately penalized solely for unlawful acts committed as a direct result of being trafficked.',
      ru: 'Обеспечить, чтобы жертвы не подвергались необоснованному наказанию исключительно за противоправные действия, совершённые как прямое следствие торговли ими.',
      kk: 'Құрбандардың адам саудасының тікелей салдарынан жасаған құқыққа қайшы әрекеттері үшін ғана негізсіз жазаланбауын қамтамасыз ету.',
    },
  },
  {
    code: 'TIP2023-08',
    source: 'tip_2023',
    indicator: 'victims_informed_of_compensation',
    responsible: JUSTICE,
    text: {
      en: 'Ensure victims are aware of their right to seek compensation, and train attorneys and law enforcement officials on how to assist in that process.',
      ru: 'Обеспечить осведомлённость жертв о праве требовать компенсацию и обучить адвокатов и сотрудников правоохранительных органов оказанию помощи в этом процессе.',
      kk: 'Құрбандардың өтемақы талап ету құқығынан хабардар болуын қамтамасыз ету, адвокаттар мен құқық қорғау органдарының қызметкерлерін бұл үдерісте көмек көрсетуге оқыту.',
    },
  },
  {
    code: 'TIP2023-09',
    source: 'tip_2023',
    indicator: 'victims_identified',
    responsible: COMMISSION,
    text: {
      en: 'Establish and implement a centralized anti-trafficking data collection system.',
      ru: 'Создать и внедрить централизованную систему сбора данных по противодействию торговле людьми.',
      kk: 'Адам саудасына қарсы іс-қимыл бойынша деректер жинаудың орталықтандырылған жүйесін құру және енгізу.',
    },
  },
  {
    code: 'TIP2023-10',
    source: 'tip_2023',
    indicator: null,
    responsible: LABOUR,
    text: {
      en: 'Enhance oversight and regulation of labor recruitment agencies.',
      ru: 'Усилить надзор за деятельностью агентств по трудоустройству и её регулирование.',
      kk: 'Жұмысқа орналастыру агенттіктерінің қызметін қадағалауды және реттеуді күшейту.',
    },
  },
  {
    code: 'NAP-01',
    source: 'action_plan',
    indicator: 'victims_referred_to_care',
    responsible: LABOUR,
    text: {
      en: 'Provide special social services to every identified victim, citizens and foreign nationals alike, through the national referral mechanism.',
      ru: 'Оказывать специальные социальные услуги каждой выявленной жертве, гражданам и иностранцам наравне, через национальный механизм перенаправления.',
      kk: 'Ұлттық жолдау тетігі арқылы анықталған әрбір құрбанға, азаматтарға да, шетел азаматтарына да тең, арнаулы әлеуметтік қызметтер көрсету.',
    },
  },
  {
    code: 'NAP-02',
    source: 'action_plan',
    indicator: 'trafficking_convictions',
    responsible: MVD,
    text: {
      en: 'Set up specialised anti-trafficking units in every region and report investigations, prosecutions and convictions each year.',
      ru: 'Создать специализированные подразделения по противодействию торговле людьми в каждом регионе и ежегодно отчитываться о расследованиях, преследованиях и приговорах.',
      kk: 'Әр өңірде адам саудасына қарсы іс-қимыл жөніндегі мамандандырылған бөлімшелер құру және тергеу, қудалау мен үкімдер туралы жыл сайын есеп беру.',
    },
  },
  {
    code: 'NAP-03',
    source: 'action_plan',
    indicator: 'foreign_victims_identified',
    responsible: MVD,
    text: {
      en: 'Screen undocumented migrants for trafficking indicators before any decision on deportation.',
      ru: 'Проверять мигрантов без документов на признаки торговли людьми до любого решения о выдворении.',
      kk: 'Құжатсыз мигранттарды елден шығару туралы кез келген шешімге дейін адам саудасының белгілеріне тексеру.',
    },
  },
];
