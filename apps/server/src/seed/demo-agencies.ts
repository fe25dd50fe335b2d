import type { AgencyType, Role } from '@qorgau/core';

/** Demo agencies: every agency type, spread over regions where the seed's caseload lives. */
export const DEMO_AGENCIES: { key: string; name: string; type: AgencyType; regionCode: string | null }[] = [
  { key: 'police-almaty', name: 'Алматы қаласы ПД, адам саудасына қарсы бөлім', type: 'police', regionCode: 'KZ-75' },
  { key: 'police-astana', name: 'Департамент полиции г. Астаны', type: 'police', regionCode: 'KZ-71' },
  { key: 'police-turkistan', name: 'Түркістан облысы ПД', type: 'police', regionCode: 'KZ-61' },
  { key: 'labour-shymkent', name: 'Шымкент еңбек инспекциясы', type: 'labour_inspectorate', regionCode: 'KZ-79' },
  { key: 'consulate-tashkent', name: 'Consulate General of Kazakhstan, Tashkent', type: 'consulate', regionCode: null },
  { key: 'health-karaganda', name: 'Областная больница Караганды', type: 'health', regionCode: 'KZ-35' },
  { key: 'education-atyrau', name: 'Атырау облысының білім басқармасы', type: 'education', regionCode: 'KZ-23' },
  { key: 'ngo-almaty', name: 'ҚҚ «Сана сезім»', type: 'ngo', regionCode: 'KZ-75' },
  { key: 'ngo-astana', name: 'ОФ «Родник»', type: 'ngo', regionCode: 'KZ-71' },
  { key: 'shelter-almaty', name: 'Алматы дағдарыс орталығы (баспана)', type: 'shelter', regionCode: 'KZ-75' },
  { key: 'shelter-shymkent', name: 'Шелтер «Умит», Шымкент', type: 'shelter', regionCode: 'KZ-79' },
  { key: 'shelter-pavlodar', name: 'Павлодар баспанасы', type: 'shelter', regionCode: 'KZ-55' },
  { key: 'migration-almaty', name: 'Көші-қон қызметі, Алматы', type: 'migration_service', regionCode: 'KZ-75' },
  { key: 'hotline', name: 'Ұлттық сенім телефоны 111', type: 'hotline', regionCode: null },
  { key: 'prosecutor-almaty', name: 'Прокуратура г. Алматы', type: 'prosecutor', regionCode: 'KZ-75' },
  { key: 'court-almaty', name: 'Алматы қалалық соты', type: 'court', regionCode: 'KZ-75' },
  { key: 'legal-aid', name: 'Заң көмегі орталығы', type: 'legal_aid', regionCode: 'KZ-75' },
  { key: 'coordination', name: 'Межведомственная комиссия, секретариат', type: 'national_coordination', regionCode: null },
  { key: 'admin', name: 'Qorgau administration', type: 'administration', regionCode: null },
];

/** One demo account per role. Usernames are the role names a newcomer will guess. */
export const DEMO_USERS: { username: string; displayName: string; role: Role; agency: string; regions: string[] | 'national' }[] = [
  { username: 'screener', displayName: 'Ерлан Сейітов', role: 'screener', agency: 'labour-shymkent', regions: ['KZ-79', 'KZ-61'] },
  { username: 'hotline', displayName: 'Жанар Тоқтарова', role: 'screener', agency: 'hotline', regions: 'national' },
  { username: 'identification', displayName: 'Гүлнар Әбілова', role: 'identification_officer', agency: 'police-almaty', regions: ['KZ-75', 'KZ-19'] },
  { username: 'caseworker', displayName: 'Айгүл Нұрланова', role: 'case_worker', agency: 'ngo-almaty', regions: ['KZ-75'] },
  { username: 'shelter', displayName: 'Мадина Ержанова', role: 'shelter_manager', agency: 'shelter-almaty', regions: ['KZ-75'] },
  { username: 'prosecutor', displayName: 'Даурен Қасымов', role: 'prosecutor', agency: 'prosecutor-almaty', regions: ['KZ-75'] },
  { username: 'lawyer', displayName: 'Сәуле Омарова', role: 'lawyer', agency: 'legal-aid', regions: ['KZ-75'] },
  { username: 'coordinator', displayName: 'Асқар Жұмабаев', role: 'national_coordinator', agency: 'coordination', regions: 'national' },
  { username: 'analyst', displayName: 'Динара Бекова', role: 'analyst', agency: 'coordination', regions: 'national' },
  { username: 'admin', displayName: 'Qorgau Admin', role: 'administrator', agency: 'admin', regions: 'national' },
];
