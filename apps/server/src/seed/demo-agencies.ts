import type { AgencyType, LocalizedName, Role } from '@qorgau/core';

/**
 * Demo agencies: every agency type, spread over regions where the seed's caseload lives. Each
 * has its official-style name in Kazakh, Russian and English (issue #9): the page shows the
 * reader's language, never another one's.
 */
export const DEMO_AGENCIES: { key: string; name: LocalizedName; type: AgencyType; regionCode: string | null }[] = [
  {
    key: 'police-almaty',
    type: 'police',
    regionCode: 'KZ-75',
    name: {
      kk: 'Алматы қаласы Полиция департаментінің адам саудасына қарсы іс-қимыл бөлімі',
      ru: 'Отдел по противодействию торговле людьми Департамента полиции города Алматы',
      en: 'Anti-Trafficking Unit, Almaty City Police Department',
    },
  },
  {
    key: 'police-astana',
    type: 'police',
    regionCode: 'KZ-71',
    name: { kk: 'Астана қаласының Полиция департаменті', ru: 'Департамент полиции города Астаны', en: 'Astana City Police Department' },
  },
  {
    key: 'police-turkistan',
    type: 'police',
    regionCode: 'KZ-61',
    name: { kk: 'Түркістан облысының Полиция департаменті', ru: 'Департамент полиции Туркестанской области', en: 'Turkistan Region Police Department' },
  },
  {
    key: 'labour-shymkent',
    type: 'labour_inspectorate',
    regionCode: 'KZ-79',
    name: {
      kk: 'Шымкент қаласының еңбек инспекциясы басқармасы',
      ru: 'Управление инспекции труда города Шымкента',
      en: 'Shymkent City Labour Inspection Department',
    },
  },
  {
    key: 'consulate-tashkent',
    type: 'consulate',
    regionCode: null,
    name: {
      kk: 'Қазақстан Республикасының Өзбекстандағы Елшілігінің консулдық бөлімі (Ташкент)',
      ru: 'Консульский отдел Посольства Республики Казахстан в Узбекистане (Ташкент)',
      en: 'Consular Section, Embassy of Kazakhstan in Uzbekistan (Tashkent)',
    },
  },
  {
    key: 'health-karaganda',
    type: 'health',
    regionCode: 'KZ-35',
    name: { kk: 'Қарағанды облыстық клиникалық ауруханасы', ru: 'Карагандинская областная клиническая больница', en: 'Karaganda Regional Clinical Hospital' },
  },
  {
    key: 'education-atyrau',
    type: 'education',
    regionCode: 'KZ-23',
    name: { kk: 'Атырау облысының білім басқармасы', ru: 'Управление образования Атырауской области', en: 'Atyrau Region Education Department' },
  },
  {
    key: 'ngo-almaty',
    type: 'ngo',
    regionCode: 'KZ-75',
    name: { kk: '«Сана Сезім» қоғамдық қоры', ru: 'Общественный фонд «Сана Сезім»', en: 'Sana Sezim Public Foundation' },
  },
  {
    key: 'ngo-astana',
    type: 'ngo',
    regionCode: 'KZ-71',
    name: { kk: '«Родник» қоғамдық қоры', ru: 'Общественный фонд «Родник»', en: 'Rodnik Public Foundation' },
  },
  {
    key: 'shelter-almaty',
    type: 'shelter',
    regionCode: 'KZ-75',
    name: { kk: 'Алматы қалалық дағдарыс орталығы (баспана)', ru: 'Городской кризисный центр Алматы (приют)', en: 'Almaty City Crisis Centre (shelter)' },
  },
  {
    key: 'shelter-shymkent',
    type: 'shelter',
    regionCode: 'KZ-79',
    name: { kk: '«Үміт» баспанасы, Шымкент', ru: 'Приют «Умит», Шымкент', en: 'Umit Shelter, Shymkent' },
  },
  {
    key: 'shelter-pavlodar',
    type: 'shelter',
    regionCode: 'KZ-55',
    name: { kk: 'Павлодар дағдарыс орталығы (баспана)', ru: 'Павлодарский кризисный центр (приют)', en: 'Pavlodar Crisis Centre (shelter)' },
  },
  {
    key: 'migration-almaty',
    type: 'migration_service',
    regionCode: 'KZ-75',
    name: {
      kk: 'Алматы қаласы Полиция департаментінің Көші-қон қызметі басқармасы',
      ru: 'Управление миграционной службы Департамента полиции города Алматы',
      en: 'Migration Service Directorate, Almaty City Police Department',
    },
  },
  {
    key: 'hotline',
    type: 'hotline',
    regionCode: null,
    name: {
      kk: '111 ұлттық байланыс орталығы (сенім телефоны)',
      ru: 'Национальный контакт-центр 111 (телефон доверия)',
      en: 'National Contact Centre 111 (helpline)',
    },
  },
  {
    key: 'prosecutor-almaty',
    type: 'prosecutor',
    regionCode: 'KZ-75',
    name: { kk: 'Алматы қаласының прокуратурасы', ru: 'Прокуратура города Алматы', en: 'Almaty City Prosecutor’s Office' },
  },
  { key: 'court-almaty', type: 'court', regionCode: 'KZ-75', name: { kk: 'Алматы қалалық соты', ru: 'Алматинский городской суд', en: 'Almaty City Court' } },
  {
    key: 'legal-aid',
    type: 'legal_aid',
    regionCode: 'KZ-75',
    name: { kk: 'Алматы тегін заң көмегі орталығы', ru: 'Центр бесплатной юридической помощи, Алматы', en: 'Almaty Free Legal Aid Centre' },
  },
  {
    key: 'coordination',
    type: 'national_coordination',
    regionCode: null,
    name: {
      kk: 'Адам саудасына қарсы іс-қимыл жөніндегі ведомствоаралық комиссияның хатшылығы',
      ru: 'Секретариат Межведомственной комиссии по противодействию торговле людьми',
      en: 'Secretariat of the Interagency Commission on Combating Human Trafficking',
    },
  },
  {
    key: 'admin',
    type: 'administration',
    regionCode: null,
    name: { kk: '«Қорғау» жүйесінің әкімшілігі', ru: 'Администрация системы «Қорғау»', en: 'Qorgau System Administration' },
  },
];

/** One demo account per role. Usernames are the role names a newcomer will guess. */
export const DEMO_USERS: { username: string; displayName: string; role: Role; agency: string; regions: string[] | 'national' }[] = [
  { username: 'screener', displayName: 'Ерлан Сейітов', role: 'screener', agency: 'labour-shymkent', regions: ['KZ-79', 'KZ-61'] },
  { username: 'hotline', displayName: 'Жанар Тоқтарова', role: 'screener', agency: 'hotline', regions: 'national' },
  { username: 'identification', displayName: 'Гүлнар Әбілова', role: 'identification_officer', agency: 'police-almaty', regions: ['KZ-75', 'KZ-19'] },
  { username: 'caseworker', displayName: 'Айгүл Нұрланова', role: 'case_worker', agency: 'ngo-almaty', regions: ['KZ-75'] },
  { username: 'shelter', displayName: 'Мадина Ержанова', role: 'shelter_manager', agency: 'shelter-almaty', regions: ['KZ-75'] },
  { username: 'investigator', displayName: 'Бауыржан Сәрсенов', role: 'investigator', agency: 'police-almaty', regions: ['KZ-75'] },
  { username: 'prosecutor', displayName: 'Даурен Қасымов', role: 'prosecutor', agency: 'prosecutor-almaty', regions: ['KZ-75'] },
  { username: 'clerk', displayName: 'Ләззат Мұратова', role: 'court_clerk', agency: 'court-almaty', regions: ['KZ-75'] },
  { username: 'lawyer', displayName: 'Сәуле Омарова', role: 'lawyer', agency: 'legal-aid', regions: ['KZ-75'] },
  { username: 'coordinator', displayName: 'Асқар Жұмабаев', role: 'national_coordinator', agency: 'coordination', regions: 'national' },
  { username: 'analyst', displayName: 'Динара Бекова', role: 'analyst', agency: 'coordination', regions: 'national' },
  { username: 'admin', displayName: 'Нұржан Әлімов', role: 'administrator', agency: 'admin', regions: 'national' },
];
