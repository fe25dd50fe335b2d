import type { CriminalStage } from '@qorgau/core';

/**
 * The demo's criminal cases (issue #11), as data: the Almaty cases from the newest registration to
 * the final judgement, and one in Astana. `seed-justice.ts` writes them as the services would.
 * Dates are days before the injected clock's today.
 */
export const ARTICLES_VERSION = '2014.1';

export interface Defendant {
  kind: 'individual' | 'business';
  name: string;
  citizenship: string;
  status: 'suspect' | 'accused' | 'defendant';
  articles: string[];
  official?: 'police';
  /** First charged under these articles, then reclassified by the prosecutor. */
  chargedFirst?: string[];
  outcome?: { kind: 'custodial'; months: number } | { kind: 'fine'; tenge: number };
}

export interface CaseSpec {
  key: string;
  region: 'KZ-75' | 'KZ-71';
  articles: string[];
  exploitation: string[];
  /** Days before today it was registered. */
  registered: number;
  /** The stages it went through after `registered`, each with the days before today it was entered. */
  path: { stage: CriminalStage; daysAgo: number; reason?: string }[];
  /** The pre-trial term's last day, days from today (negative: passed); null: none running. */
  deadline: number | null;
  summary: string;
  defendants: Defendant[];
}

/** The Almaty cases, from the newest registration to the final judgement, and one in Astana. */
export const CASES: CaseSpec[] = [
  {
    key: 'registered',
    region: 'KZ-75',
    articles: ['128'],
    exploitation: ['SexualExploitation'],
    registered: 3,
    path: [],
    deadline: 58,
    summary: 'Жәбірленуші Алматыдағы сауна әкімшісі оны жұмысқа алдап әкеліп, төлқұжатын алып қойғанын хабарлады.',
    defendants: [{ kind: 'individual', name: 'Серік Әбдірахманов', citizenship: 'KZ', status: 'suspect', articles: ['128'] }],
  },
  {
    key: 'investigation_due',
    region: 'KZ-75',
    articles: ['128'],
    exploitation: ['ForcedLabour'],
    registered: 55,
    path: [{ stage: 'investigation', daysAgo: 53 }],
    deadline: 5,
    summary: 'Жылыжай шаруашылығында Өзбекстан азаматтары жалақысыз жұмыс істеген, құжаттары иесінде сақталған.',
    defendants: [
      { kind: 'individual', name: 'Бахтиёр Рашидов', citizenship: 'UZ', status: 'accused', articles: ['128'] },
      { kind: 'business', name: 'ТОО «Жасыл Алқап Агро»', citizenship: 'KZ', status: 'suspect', articles: ['128'] },
    ],
  },
  {
    key: 'investigation_overdue',
    region: 'KZ-75',
    articles: ['135'],
    exploitation: ['ChildLabour'],
    registered: 64,
    path: [{ stage: 'investigation', daysAgo: 62 }],
    deadline: -4,
    summary: 'Кәмелетке толмаған жасөспірім базарда ақысыз жұмыс істеуге мәжбүрленген.',
    defendants: [{ kind: 'individual', name: 'Галина Петренко', citizenship: 'KZ', status: 'accused', articles: ['135'] }],
  },
  {
    key: 'suspended',
    region: 'KZ-75',
    articles: ['128'],
    exploitation: ['ForcedLabour'],
    registered: 140,
    path: [
      { stage: 'investigation', daysAgo: 138 },
      { stage: 'suspended', daysAgo: 80, reason: 'suspect_abroad' },
    ],
    deadline: null,
    summary: 'Құрылыс алаңындағы жұмысшылардың жалақысы ұсталған; ұйымдастырушы елден кетіп қалған.',
    defendants: [{ kind: 'individual', name: 'Тимур Исмаилов', citizenship: 'KG', status: 'suspect', articles: ['128'] }],
  },
  {
    key: 'sent_to_court',
    region: 'KZ-75',
    articles: ['128', '125'],
    exploitation: ['SexualExploitation'],
    registered: 190,
    path: [
      { stage: 'investigation', daysAgo: 188 },
      { stage: 'sent_to_court', daysAgo: 21 },
    ],
    deadline: null,
    summary: 'Жәбірленушіні бас бостандығынан айырып, жыныстық қанауға мәжбүрлеген топ; оларды полиция қызметкері жасырған.',
    defendants: [
      {
        kind: 'individual',
        name: 'Ерболат Жақсылықов',
        citizenship: 'KZ',
        status: 'defendant',
        articles: ['128', '125'],
        chargedFirst: ['128'],
      },
      { kind: 'individual', name: 'Нұрлан Сейдахметов', citizenship: 'KZ', status: 'defendant', articles: ['128'], official: 'police' },
    ],
  },
  {
    key: 'first_instance_verdict',
    region: 'KZ-75',
    articles: ['128'],
    exploitation: ['ForcedLabour'],
    registered: 260,
    path: [
      { stage: 'investigation', daysAgo: 258 },
      { stage: 'sent_to_court', daysAgo: 90 },
      { stage: 'first_instance_verdict', daysAgo: 9 },
    ],
    deadline: null,
    summary: 'Кірпіш зауытында жұмысшылар қарыз үшін ұсталып, күзетпен жұмыс істеген.',
    defendants: [{ kind: 'individual', name: 'Виктор Ким', citizenship: 'KZ', status: 'defendant', articles: ['128'] }],
  },
  {
    key: 'final',
    region: 'KZ-75',
    articles: ['128'],
    exploitation: ['SexualExploitation'],
    registered: 420,
    path: [
      { stage: 'investigation', daysAgo: 418 },
      { stage: 'sent_to_court', daysAgo: 250 },
      { stage: 'first_instance_verdict', daysAgo: 120 },
      { stage: 'appeal', daysAgo: 100 },
      { stage: 'final', daysAgo: 35 },
    ],
    deadline: null,
    summary: 'Шетелге жұмысқа жіберу сылтауымен әйелдерді жалдап, жыныстық қанауға сатқан топ.',
    defendants: [
      {
        kind: 'individual',
        name: 'Асхат Бекмұратов',
        citizenship: 'KZ',
        status: 'defendant',
        articles: ['128'],
        outcome: { kind: 'custodial', months: 96 },
      },
      {
        kind: 'business',
        name: 'ТОО «Шетел Жұмыс Сервис»',
        citizenship: 'KZ',
        status: 'defendant',
        articles: ['128'],
        outcome: { kind: 'fine', tenge: 7_384_000 },
      },
    ],
  },
  {
    key: 'terminated',
    region: 'KZ-75',
    articles: ['128'],
    exploitation: ['ForcedLabour'],
    registered: 200,
    path: [
      { stage: 'investigation', daysAgo: 198 },
      { stage: 'terminated', daysAgo: 60, reason: 'insufficient_evidence' },
    ],
    deadline: null,
    summary: 'Үй қызметшісінің ісі: куәлардың жауаптары расталмады.',
    defendants: [{ kind: 'individual', name: 'Мәди Тұрсынов', citizenship: 'KZ', status: 'suspect', articles: ['128'] }],
  },
  {
    key: 'astana',
    region: 'KZ-71',
    articles: ['128'],
    exploitation: ['ForcedLabour'],
    registered: 30,
    path: [{ stage: 'investigation', daysAgo: 29 }],
    deadline: 31,
    summary: 'Астанадағы қойма жұмысшыларының құжаттары тартып алынған.',
    defendants: [{ kind: 'individual', name: 'Дмитрий Орлов', citizenship: 'RU', status: 'suspect', articles: ['128'] }],
  },
];
