import type { Role } from '@qorgau/core';

/** The language an agency writes its records in: Kazakh or Russian, as its staff do. */
export type RecordLanguage = 'kk' | 'ru';

/**
 * The working language of each demo agency (by its key in DEMO_AGENCIES). Narratives and notes
 * are written in it; a Tashkent consulate, a Karaganda hospital or a prosecutor's office writes Russian.
 */
export const AGENCY_LANGUAGE: Readonly<Record<string, RecordLanguage>> = {
  'police-almaty': 'kk',
  'police-astana': 'ru',
  'police-turkistan': 'kk',
  'labour-shymkent': 'kk',
  'consulate-tashkent': 'ru',
  'health-karaganda': 'ru',
  'education-atyrau': 'kk',
  'ngo-almaty': 'kk',
  'ngo-astana': 'ru',
  'shelter-almaty': 'kk',
  'shelter-shymkent': 'ru',
  'shelter-pavlodar': 'ru',
  'migration-almaty': 'ru',
  hotline: 'kk',
  'prosecutor-almaty': 'ru',
  'court-almaty': 'ru',
  'legal-aid': 'kk',
  coordination: 'ru',
  admin: 'ru',
};

export const languageOfAgency = (key: string): RecordLanguage => AGENCY_LANGUAGE[key] ?? 'ru';

/**
 * Staff who wrote the demo's records: real accounts nobody can sign in to (unknown password).
 * Usernames stay `staff.<agency key>` (plus `.2` for a second colleague); the display names are
 * people's names as the agency's own staff would be called. Every identification unit (police,
 * NGO) has an identification officer, so decisions are taken by the role core allows to take them.
 */
export const DEMO_STAFF: { username: string; displayName: string; role: Role; agency: string }[] = [
  { username: 'staff.police-almaty', displayName: 'Нұрлан Әбенов', role: 'screener', agency: 'police-almaty' },
  { username: 'staff.police-almaty.2', displayName: 'Бауыржан Тоқтаров', role: 'identification_officer', agency: 'police-almaty' },
  { username: 'staff.police-astana', displayName: 'Андрей Ковалёв', role: 'screener', agency: 'police-astana' },
  { username: 'staff.police-astana.2', displayName: 'Алия Муратова', role: 'identification_officer', agency: 'police-astana' },
  { username: 'staff.police-turkistan', displayName: 'Ғалымжан Сәрсенбаев', role: 'screener', agency: 'police-turkistan' },
  { username: 'staff.police-turkistan.2', displayName: 'Ақмарал Жүнісова', role: 'identification_officer', agency: 'police-turkistan' },
  { username: 'staff.labour-shymkent', displayName: 'Бекзат Оразәлиев', role: 'screener', agency: 'labour-shymkent' },
  { username: 'staff.consulate-tashkent', displayName: 'Марат Ибраев', role: 'screener', agency: 'consulate-tashkent' },
  { username: 'staff.health-karaganda', displayName: 'Елена Шевченко', role: 'screener', agency: 'health-karaganda' },
  { username: 'staff.education-atyrau', displayName: 'Гүлмира Досанова', role: 'screener', agency: 'education-atyrau' },
  { username: 'staff.ngo-almaty', displayName: 'Жұлдыз Серікбаева', role: 'case_worker', agency: 'ngo-almaty' },
  { username: 'staff.ngo-almaty.2', displayName: 'Ләззат Қожахметова', role: 'identification_officer', agency: 'ngo-almaty' },
  { username: 'staff.ngo-astana', displayName: 'Наталья Ли', role: 'case_worker', agency: 'ngo-astana' },
  { username: 'staff.ngo-astana.2', displayName: 'Светлана Пак', role: 'identification_officer', agency: 'ngo-astana' },
  { username: 'staff.shelter-almaty', displayName: 'Ботагөз Исмаилова', role: 'shelter_manager', agency: 'shelter-almaty' },
  { username: 'staff.shelter-shymkent', displayName: 'Зарина Абдуллаева', role: 'shelter_manager', agency: 'shelter-shymkent' },
  { username: 'staff.shelter-pavlodar', displayName: 'Татьяна Волкова', role: 'shelter_manager', agency: 'shelter-pavlodar' },
  { username: 'staff.migration-almaty', displayName: 'Руслан Ахметов', role: 'screener', agency: 'migration-almaty' },
  { username: 'staff.hotline', displayName: 'Дина Ахметжанова', role: 'screener', agency: 'hotline' },
  { username: 'staff.prosecutor-almaty', displayName: 'Ержан Бекмуханов', role: 'prosecutor', agency: 'prosecutor-almaty' },
  { username: 'staff.court-almaty', displayName: 'Сергей Николаев', role: 'prosecutor', agency: 'court-almaty' },
  { username: 'staff.legal-aid', displayName: 'Айжан Төлеуова', role: 'lawyer', agency: 'legal-aid' },
  { username: 'staff.coordination', displayName: 'Ирина Захарова', role: 'national_coordinator', agency: 'coordination' },
  { username: 'staff.admin', displayName: 'Тимур Қасенов', role: 'administrator', agency: 'admin' },
];
