/**
 * The demo's provider directory (issue #10; DOMAIN.md §2.3): ten government-funded, NGO-run
 * shelters (as the 2022 report counted), two of them for unaccompanied children only, one for
 * men, some taking foreign nationals, some rural, with realistic occupancy (some full); and the
 * services a person is referred to (medical, psychological, legal aid, interpretation, return
 * and reintegration, employment). Each provider is run by an agency; the demo `shelter` manager's
 * agency (Almaty City Crisis Centre) runs one, so she finds "my shelter" when she signs in.
 *
 * Written through the real providers service as the demo administrator, three months ago; the
 * managers of Almaty and Shymkent then updated their occupancy yesterday, as from a phone.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { CreateProviderBody, LocalizedName } from '@qorgau/core';
import type { AppDeps } from '../app-deps.ts';
import { agencies } from '../db/schema.ts';
import { createProvidersService } from '../modules/providers/providers.service.ts';
import { DEMO_AGENCIES } from './demo-agencies.ts';
import { loadDirectory } from './demo-directory.ts';
import { openStaffActors } from './seed-timeline.ts';

/** NGOs that run a shelter and have no demo account: created here, with their names in kk, ru and en. */
const SHELTER_NGOS: { key: string; regionCode: string; name: LocalizedName }[] = [
  {
    key: 'ngo-turkistan',
    regionCode: 'KZ-61',
    name: { kk: '«Бақытты отбасы» қоғамдық бірлестігі', ru: 'Общественное объединение «Бақытты отбасы»', en: 'Bakytty Otbasy Public Association' },
  },
  {
    key: 'ngo-karaganda',
    regionCode: 'KZ-35',
    name: { kk: '«Жаңа өмір» қоғамдық қоры', ru: 'Общественный фонд «Жана омир»', en: 'Zhana Omir Public Foundation' },
  },
  { key: 'ngo-aktobe', regionCode: 'KZ-15', name: { kk: '«Ана үйі» қоғамдық қоры', ru: 'Общественный фонд «Ана уйи»', en: 'Ana Uyi Public Foundation' } },
  {
    key: 'ngo-east',
    regionCode: 'KZ-63',
    name: { kk: '«Шаңырақ» қоғамдық бірлестігі', ru: 'Общественное объединение «Шанырак»', en: 'Shanyrak Public Association' },
  },
  { key: 'ngo-mangystau', regionCode: 'KZ-47', name: { kk: '«Мейірім» қоғамдық қоры', ru: 'Общественный фонд «Мейирим»', en: 'Meyirim Public Foundation' } },
  {
    key: 'ngo-kyzylorda',
    regionCode: 'KZ-43',
    name: { kk: '«Сырдария» қоғамдық бірлестігі', ru: 'Общественное объединение «Сырдария»', en: 'Syrdariya Public Association' },
  },
];

type Entry = Omit<CreateProviderBody, 'agencyId'> & { agency: string };

const shelter = (e: Partial<Entry> & Pick<Entry, 'agency' | 'name' | 'regionCode' | 'eligibility' | 'capacity' | 'occupancy'>): Entry => ({
  kind: 'shelter',
  services: ['shelter', 'psychological', 'medical', 'legal'],
  settlement: 'urban',
  languages: ['kk', 'ru'],
  funding: 'government',
  ...e,
});
const service = (e: Partial<Entry> & Pick<Entry, 'agency' | 'name' | 'regionCode' | 'services' | 'eligibility'>): Entry => ({
  kind: 'service',
  settlement: 'urban',
  capacity: 0,
  occupancy: 0,
  languages: ['kk', 'ru'],
  funding: 'government',
  ...e,
});

export const DEMO_PROVIDERS: Entry[] = [
  shelter({
    agency: 'shelter-almaty',
    name: { kk: 'Алматы дағдарыс орталығының баспанасы', ru: 'Приют Кризисного центра Алматы', en: 'Almaty Crisis Centre Shelter' },
    regionCode: 'KZ-75',
    district: 'Алмалы ауданы',
    eligibility: ['adults', 'women', 'foreign_nationals'],
    capacity: 20,
    occupancy: 16,
    languages: ['kk', 'ru', 'en', 'uz', 'ky'],
    phone: '+77272500111',
    email: 'shelter@crisis-almaty.kz',
    address: 'Алматы қ., Төле би к-сі, 155',
    answerWithinHours: 24,
  }),
  shelter({
    agency: 'shelter-shymkent',
    name: { kk: '«Үміт» баспанасы', ru: 'Приют «Умит»', en: 'Umit Shelter' },
    regionCode: 'KZ-79',
    eligibility: ['adults', 'women', 'foreign_nationals'],
    capacity: 15,
    occupancy: 15,
    languages: ['ru', 'kk', 'uz', 'tg'],
    phone: '+77252530222',
    email: 'umit.shelter@mail.kz',
  }),
  shelter({
    agency: 'shelter-pavlodar',
    name: { kk: 'Павлодар дағдарыс орталығының баспанасы', ru: 'Приют Павлодарского кризисного центра', en: 'Pavlodar Crisis Centre Shelter' },
    regionCode: 'KZ-55',
    eligibility: ['adults', 'women'],
    capacity: 12,
    occupancy: 5,
    phone: '+77182610333',
  }),
  shelter({
    agency: 'ngo-astana',
    name: { kk: '«Родник» балалар баспанасы', ru: 'Детский приют «Родник»', en: 'Rodnik Children’s Shelter' },
    regionCode: 'KZ-71',
    eligibility: ['children', 'foreign_nationals'],
    services: ['shelter', 'psychological', 'educational', 'medical'],
    capacity: 12,
    occupancy: 7,
    phone: '+77172270444',
    email: 'children@rodnik.kz',
  }),
  shelter({
    agency: 'ngo-turkistan',
    name: { kk: '«Бақытты отбасы» балалар баспанасы', ru: 'Детский приют «Бақытты отбасы»', en: 'Bakytty Otbasy Children’s Shelter' },
    regionCode: 'KZ-61',
    district: 'Сайрам ауданы',
    settlement: 'rural',
    eligibility: ['children'],
    services: ['shelter', 'psychological', 'educational'],
    capacity: 8,
    occupancy: 8,
    phone: '+77253340555',
  }),
  shelter({
    agency: 'ngo-karaganda',
    name: { kk: '«Жаңа өмір» ерлерге арналған баспана', ru: 'Мужской приют «Жана омир»', en: 'Zhana Omir Men’s Shelter' },
    regionCode: 'KZ-35',
    eligibility: ['adults', 'men', 'foreign_nationals'],
    services: ['shelter', 'medical', 'legal', 'employment'],
    capacity: 10,
    occupancy: 3,
    languages: ['ru', 'kk', 'uz', 'ky'],
    phone: '+77212410666',
  }),
  shelter({
    agency: 'ngo-aktobe',
    name: { kk: '«Ана үйі» әйелдер баспанасы', ru: 'Женский приют «Ана уйи»', en: 'Ana Uyi Women’s Shelter' },
    regionCode: 'KZ-15',
    eligibility: ['adults', 'women'],
    capacity: 10,
    occupancy: 6,
    phone: '+77132550777',
  }),
  shelter({
    agency: 'ngo-east',
    name: { kk: '«Шаңырақ» ауылдық баспанасы', ru: 'Сельский приют «Шанырак»', en: 'Shanyrak Rural Shelter' },
    regionCode: 'KZ-63',
    district: 'Глубокое ауданы',
    settlement: 'rural',
    eligibility: ['adults', 'women', 'men'],
    capacity: 8,
    occupancy: 2,
    phone: '+77232420888',
  }),
  shelter({
    agency: 'ngo-mangystau',
    name: { kk: '«Мейірім» баспанасы', ru: 'Приют «Мейирим»', en: 'Meyirim Shelter' },
    regionCode: 'KZ-47',
    eligibility: ['adults', 'women', 'foreign_nationals'],
    capacity: 8,
    occupancy: 8,
    phone: '+77292300999',
  }),
  shelter({
    agency: 'ngo-kyzylorda',
    name: { kk: '«Сырдария» ауылдық баспанасы', ru: 'Сельский приют «Сырдария»', en: 'Syrdariya Rural Shelter' },
    regionCode: 'KZ-43',
    district: 'Шиелі ауданы',
    settlement: 'rural',
    eligibility: ['adults', 'women'],
    capacity: 6,
    occupancy: 1,
    phone: '+77242210100',
  }),
  service({
    agency: 'legal-aid',
    name: { kk: 'Тегін заң көмегі және аударма', ru: 'Бесплатная юридическая помощь и перевод', en: 'Free Legal Aid and Interpretation' },
    regionCode: 'KZ-75',
    services: ['legal', 'interpretation'],
    eligibility: ['adults', 'children', 'women', 'men', 'foreign_nationals'],
    languages: ['kk', 'ru', 'en', 'uz', 'ky', 'tg'],
    phone: '+77272600200',
    email: 'help@legalaid-almaty.kz',
  }),
  service({
    agency: 'health-karaganda',
    name: { kk: 'Медициналық және психологиялық көмек', ru: 'Медицинская и психологическая помощь', en: 'Medical and Psychological Care' },
    regionCode: 'KZ-35',
    services: ['medical', 'psychological'],
    eligibility: ['adults', 'children', 'foreign_nationals'],
    phone: '+77212500300',
  }),
  service({
    agency: 'ngo-almaty',
    name: {
      kk: '«Сана Сезім» оңалту және жұмысқа орналастыру',
      ru: '«Сана Сезим»: реабилитация и трудоустройство',
      en: 'Sana Sezim Rehabilitation and Employment',
    },
    regionCode: 'KZ-75',
    services: ['psychological', 'employment', 'financial', 'educational'],
    eligibility: ['adults', 'women', 'men', 'foreign_nationals'],
    funding: 'mixed',
    phone: '+77272700400',
    email: 'info@sanasezim.kz',
  }),
  service({
    agency: 'ngo-astana',
    name: { kk: 'Қайтару және реинтеграция бағдарламасы', ru: 'Программа возвращения и реинтеграции', en: 'Return and Reintegration Programme' },
    regionCode: 'KZ-71',
    services: ['return_reintegration', 'interpretation', 'employment'],
    eligibility: ['adults', 'children', 'foreign_nationals'],
    funding: 'international',
    languages: ['kk', 'ru', 'en', 'uz', 'ky', 'tg'],
    phone: '+77172800500',
  }),
];

/** Occupancy the managers reported yesterday (their quick update): Almaty full, Shymkent one place freed. */
const RECENT_UPDATES: { username: string; provider: string; occupancy: number }[] = [
  { username: 'shelter', provider: 'Almaty Crisis Centre Shelter', occupancy: 17 },
  { username: 'staff.shelter-shymkent', provider: 'Umit Shelter', occupancy: 14 },
];

const DAY = 86_400_000;

/** Seeds the directory (after the organisations, before the workflows that refer persons to it). */
export async function seedProviders(deps: AppDeps): Promise<number> {
  const ids = new Map<string, string>();
  for (const a of DEMO_AGENCIES) {
    const [row] = await deps.db.select({ id: agencies.id }).from(agencies).where(eq(agencies.nameEn, a.name.en));
    if (row) ids.set(a.key, row.id);
  }
  for (const n of SHELTER_NGOS) {
    const id = randomUUID();
    await deps.db.insert(agencies).values({ id, nameKk: n.name.kk, nameRu: n.name.ru, nameEn: n.name.en, type: 'ngo', regionCode: n.regionCode });
    ids.set(n.key, id);
  }
  const now = deps.now();
  const clock = { at: new Date(now.getTime() - 90 * DAY) };
  const historic: AppDeps = { ...deps, now: () => clock.at };
  const service = createProvidersService(historic);
  const staff = await openStaffActors(deps, await loadDirectory(deps), ['admin', ...RECENT_UPDATES.map((u) => u.username)]);
  try {
    const admin = staff.get('admin');
    const created = new Map<string, string>();
    for (const [i, { agency, ...body }] of DEMO_PROVIDERS.entries()) {
      const agencyId = ids.get(agency);
      if (!agencyId) throw new Error(`demo provider's agency ${agency} is missing`);
      clock.at = new Date(now.getTime() - 90 * DAY + i * 3_600_000);
      const p = await service.create(admin.auth, admin.audit, { ...body, agencyId });
      created.set(p.name.en, p.id);
    }
    clock.at = new Date(now.getTime() - DAY);
    for (const u of RECENT_UPDATES) {
      const m = staff.get(u.username);
      await service.occupancy(m.auth, m.audit, created.get(u.provider) ?? '', { occupancy: u.occupancy });
    }
    return created.size;
  } finally {
    await staff.close();
  }
}
