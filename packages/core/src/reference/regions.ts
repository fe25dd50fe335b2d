/**
 * Kazakhstan's 20 first-level divisions as ISO 3166-2:KZ numeric codes (in force since
 * 2022-11-29), with KATO and names. Generated from ../shared/reference/geo/kaz_adm1_2024_iso.geojson
 * (geokz, CC BY 4.0; see docs/reference-data.md); the Uzbek (Latin script, Oʻ and Gʻ with
 * U+02BB as in uz.json) and Kyrgyz (Cyrillic) names were added by hand for the public report page.
 */
export interface Region {
  code: string;
  kato: string;
  type: 'region' | 'city';
  /** uz (Uzbek, Latin script) and ky (Kyrgyz, Cyrillic) serve the public report page only. */
  name: { kk: string; ru: string; en: string; uz: string; ky: string };
}

export const KZ_REGIONS = [
  {
    code: 'KZ-10',
    kato: '100000000',
    type: 'region',
    name: { kk: 'Абай облысы', ru: 'Абайская область', en: 'Abai Region', uz: 'Abay viloyati', ky: 'Абай облусу' },
  },
  {
    code: 'KZ-11',
    kato: '110000000',
    type: 'region',
    name: { kk: 'Ақмола облысы', ru: 'Акмолинская область', en: 'Akmola Region', uz: 'Aqmola viloyati', ky: 'Акмола облусу' },
  },
  {
    code: 'KZ-15',
    kato: '150000000',
    type: 'region',
    name: { kk: 'Ақтөбе облысы', ru: 'Актюбинская область', en: 'Aktobe Region', uz: 'Aqtoʻbe viloyati', ky: 'Актөбө облусу' },
  },
  {
    code: 'KZ-19',
    kato: '190000000',
    type: 'region',
    name: { kk: 'Алматы облысы', ru: 'Алматинская область', en: 'Almaty Region', uz: 'Olmaota viloyati', ky: 'Алматы облусу' },
  },
  {
    code: 'KZ-23',
    kato: '230000000',
    type: 'region',
    name: { kk: 'Атырау облысы', ru: 'Атырауская область', en: 'Atyrau Region', uz: 'Atirau viloyati', ky: 'Атырау облусу' },
  },
  {
    code: 'KZ-27',
    kato: '270000000',
    type: 'region',
    name: {
      kk: 'Батыс Қазақстан облысы',
      ru: 'Западно-Казахстанская область',
      en: 'West Kazakhstan Region',
      uz: 'Gʻarbiy Qozogʻiston viloyati',
      ky: 'Батыш Казакстан облусу',
    },
  },
  {
    code: 'KZ-31',
    kato: '310000000',
    type: 'region',
    name: { kk: 'Жамбыл облысы', ru: 'Жамбылская область', en: 'Zhambyl Region', uz: 'Jambil viloyati', ky: 'Жамбыл облусу' },
  },
  {
    code: 'KZ-33',
    kato: '330000000',
    type: 'region',
    name: { kk: 'Жетісу облысы', ru: 'Жетысуская область', en: 'Jetisu (Zhetysu) Region', uz: 'Yettisuv viloyati', ky: 'Жетисуу облусу' },
  },
  {
    code: 'KZ-35',
    kato: '350000000',
    type: 'region',
    name: { kk: 'Қарағанды облысы', ru: 'Карагандинская область', en: 'Karaganda Region', uz: 'Qaragʻandi viloyati', ky: 'Караганды облусу' },
  },
  {
    code: 'KZ-39',
    kato: '390000000',
    type: 'region',
    name: { kk: 'Қостанай облысы', ru: 'Костанайская область', en: 'Kostanay Region', uz: 'Qostanay viloyati', ky: 'Костанай облусу' },
  },
  {
    code: 'KZ-43',
    kato: '430000000',
    type: 'region',
    name: { kk: 'Қызылорда облысы', ru: 'Кызылординская область', en: 'Kyzylorda Region', uz: 'Qiziloʻrda viloyati', ky: 'Кызылорда облусу' },
  },
  {
    code: 'KZ-47',
    kato: '470000000',
    type: 'region',
    name: { kk: 'Маңғыстау облысы', ru: 'Мангистауская область', en: 'Mangystau Region', uz: 'Mangʻistov viloyati', ky: 'Маңгыстау облусу' },
  },
  {
    code: 'KZ-55',
    kato: '550000000',
    type: 'region',
    name: { kk: 'Павлодар облысы', ru: 'Павлодарская область', en: 'Pavlodar Region', uz: 'Pavlodar viloyati', ky: 'Павлодар облусу' },
  },
  {
    code: 'KZ-59',
    kato: '590000000',
    type: 'region',
    name: {
      kk: 'Солтүстік Қазақстан облысы',
      ru: 'Северо-Казахстанская область',
      en: 'North Kazakhstan Region',
      uz: 'Shimoliy Qozogʻiston viloyati',
      ky: 'Түндүк Казакстан облусу',
    },
  },
  {
    code: 'KZ-61',
    kato: '610000000',
    type: 'region',
    name: { kk: 'Түркістан облысы', ru: 'Туркестанская область', en: 'Turkistan Region', uz: 'Turkiston viloyati', ky: 'Түркстан облусу' },
  },
  {
    code: 'KZ-62',
    kato: '620000000',
    type: 'region',
    name: { kk: 'Ұлытау облысы', ru: 'Улытауская область', en: 'Ulytau Region', uz: 'Ulitau viloyati', ky: 'Улытау облусу' },
  },
  {
    code: 'KZ-63',
    kato: '630000000',
    type: 'region',
    name: {
      kk: 'Шығыс Қазақстан облысы',
      ru: 'Восточно-Казахстанская область',
      en: 'East Kazakhstan Region',
      uz: 'Sharqiy Qozogʻiston viloyati',
      ky: 'Чыгыш Казакстан облусу',
    },
  },
  { code: 'KZ-71', kato: '710000000', type: 'city', name: { kk: 'Астана қаласы', ru: 'город Астана', en: 'Astana', uz: 'Ostona shahri', ky: 'Астана шаары' } },
  { code: 'KZ-75', kato: '750000000', type: 'city', name: { kk: 'Алматы қаласы', ru: 'город Алматы', en: 'Almaty', uz: 'Olmaota shahri', ky: 'Алматы шаары' } },
  {
    code: 'KZ-79',
    kato: '790000000',
    type: 'city',
    name: { kk: 'Шымкент қаласы', ru: 'город Шымкент', en: 'Shymkent', uz: 'Chimkent shahri', ky: 'Шымкент шаары' },
  },
] as const satisfies readonly Region[];

export type RegionCode = (typeof KZ_REGIONS)[number]['code'];
export const REGION_CODES = KZ_REGIONS.map((r) => r.code) as RegionCode[];
export const isRegionCode = (code: string): code is RegionCode => (REGION_CODES as string[]).includes(code);
