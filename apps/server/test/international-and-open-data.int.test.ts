import { parse } from 'csv-parse/sync';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasPermission,
  InternationalTables,
  OPEN_DATASET_COLUMNS,
  OPEN_DATASET_QI_COLUMNS,
  OpenDataset,
  OpenDatasetDictionary,
  verifyKAnonymity,
  type HtcdsImportResult,
  type YearStatistics,
} from '@qorgau/core';
import { auditLog } from '../src/db/schema.ts';
import { createTestApp, type Session, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

/**
 * Issue #14 items 4 and 5 through the API: the GLOTIP/TIP tables print the numbers put in, with
 * 1–10 as "<11" and no total giving a small cell back; the open dataset is k-anonymous (k = 11)
 * over what it publishes, says what it left out, refuses too few victims with a 409 and the
 * reason, and each publication is audited without a person in it.
 */
const YEAR = 2024;
const HEADER =
  'prs_FirstName,prs_SecondName,prs_Birthdate,prs_Gender,prs_Citizenship,vic_TraffickingStatus,vic_TypeOfExploitation,qrg_RegionIso3166_2,qrg_TraffickingStatusDate';

interface Group {
  n: number;
  gender: string;
  birthYear: number;
  citizenship: string;
  form: string;
  region: string;
}

/** The victims put in: women and girls, men; citizens and foreign nationals of two countries; forms GLOTIP groups differently. */
const GROUPS = {
  women: { n: 24, gender: 'Feminine', birthYear: 1990, citizenship: 'KZ', form: 'SexualExploitation', region: 'KZ-75' },
  menLabour: { n: 13, gender: 'Masculine', birthYear: 1985, citizenship: 'UZ', form: 'ForcedLabour', region: 'KZ-75' },
  menCrime: { n: 12, gender: 'Masculine', birthYear: 1995, citizenship: 'KG', form: 'ForcedCriminality', region: 'KZ-71' },
  // Domestic servitude is forced labour to GLOTIP.
  girls: { n: 4, gender: 'Feminine', birthYear: 2010, citizenship: 'UZ', form: 'Servitude', region: 'KZ-75' },
} satisfies Record<string, Group>;

/** Names no two victims share, nor sound alike (the linkage engine must not join them): three syllables from a seeded sequence. */
function nameOf(i: number, salt: number): string {
  const syllables = ['ka', 'mo', 'ri', 'tu', 'se', 'lan', 'bek', 'zu', 'nor', 'da', 'gul', 'pe', 'vi', 'xo', 'fa', 'jim'];
  let x = (i + 1) * 7919 + salt * 104729;
  let name = '';
  for (let k = 0; k < 3; k++) {
    name += syllables[x % syllables.length];
    x = Math.floor(x / syllables.length) + 31 * (k + 1);
  }
  return `${name.charAt(0).toUpperCase()}${name.slice(1)}${String.fromCharCode(97 + (i % 26))}`;
}

function victimsCsv(groups: Group[], year: number, salt: number): string {
  let i = 0;
  const rows = groups.flatMap((g) =>
    Array.from({ length: g.n }, () => {
      i++;
      const day = `${g.birthYear}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      const decided = `${year}-${String(1 + (i % 12)).padStart(2, '0')}-15`;
      return [nameOf(i, salt), nameOf(i + 500, salt), day, g.gender, g.citizenship, 'ActualVictimOfTrafficking', g.form, g.region, decided].join(',');
    }),
  );
  return `${HEADER}\n${rows.join('\n')}\n`;
}

const csvRows = (body: string) => parse(body.replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];
/** A spreadsheet would run a cell starting with these (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

describeEachDb('international tables and the open dataset', (kind) => {
  let t: TestApp;
  let coordinator: Session;
  let analyst: Session;
  let caseworker: Session;

  const get = (s: Session, url: string) => s.inject({ method: 'GET', url });
  const importVictims = async (csv: string) => {
    const res = await coordinator.inject({ method: 'POST', url: '/api/v1/exchange/htcds/imports', headers: { 'content-type': 'text/csv' }, payload: csv });
    expect(res.statusCode).toBe(200);
    return res.json() as HtcdsImportResult;
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    const ngo = await t.createAgency({ type: 'ngo', regionCode: 'KZ-75' });
    const ministry = await t.createAgency({ type: 'national_coordination', regionCode: null });
    coordinator = await t.as('national_coordinator', { agencyId: ministry, regions: 'national' });
    analyst = await t.as('analyst', { agencyId: ngo, regions: 'national' });
    caseworker = await t.as('case_worker', { agencyId: ngo, regions: ['KZ-75'] });
    const all = Object.values(GROUPS);
    expect(await importVictims(victimsCsv(all, YEAR, 1))).toMatchObject({ created: 53, rejected: 0, linked: 0 });
    // The year before: one woman in both sexual exploitation and forced labour, a combination of forms no one else shares.
    const mixed = victimsCsv([{ ...GROUPS.women, n: 1, form: 'SexualExploitation;ForcedLabour' }], YEAR - 1, 3);
    expect(await importVictims(mixed)).toMatchObject({ created: 1, rejected: 0 });
    // A year with five victims: too few for any record-level publication.
    expect(await importVictims(victimsCsv([{ ...GROUPS.women, n: 5 }], 2022, 2))).toMatchObject({ created: 5, rejected: 0 });
    const year = (await get(coordinator, `/api/v1/statistics/year?year=${YEAR}`)).json() as YearStatistics;
    expect(year.victims.total).toBe(53);
  });
  afterAll(() => t.close());

  describe('GLOTIP and TIP tables', () => {
    let tables: InternationalTables;
    const table = (id: string) => tables.tables.find((x) => x.id === id) as InternationalTables['tables'][number];
    /** The row with exactly these category codes (others of the table: total). */
    const shown = (id: string, codes: Record<string, string>) => {
      const row = table(id).rows.find((r) => r.categories.every((c) => c.code === (codes[c.dimension] ?? 'total')));
      if (!row) throw new Error(`${id}: no row ${JSON.stringify(codes)}`);
      return row.shown;
    };

    beforeAll(async () => {
      const res = await get(analyst, `/api/v1/statistics/international?year=${YEAR}&format=json&lang=en`);
      expect(res.statusCode).toBe(200);
      tables = InternationalTables.parse(res.json());
    });

    it('prints women, girls, men and boys: counts of 11 or more exactly, 1–10 as "<11", and hides a total that would give them away', () => {
      const { women, menLabour, menCrime, girls } = GROUPS;
      expect(shown('glotip.victims.sex_age', { sex: 'male', ageGroup: 'adult' })).toBe(menLabour.n + menCrime.n);
      expect(shown('glotip.victims.sex_age', { sex: 'male', ageGroup: 'child' })).toBe(0);
      expect(shown('glotip.victims.sex_age', { sex: 'female', ageGroup: 'child' })).toBe('<11');
      expect(shown('glotip.victims.sex_age', {})).toBe(women.n + menLabour.n + menCrime.n + girls.n);
      // Women and all women and girls cannot both be printed: their difference is the girls.
      const femaleTotal = shown('glotip.victims.sex_age', { sex: 'female' });
      const womenShown = shown('glotip.victims.sex_age', { sex: 'female', ageGroup: 'adult' });
      expect([womenShown, femaleTotal]).toContain('x');
      expect([women.n, 'x']).toContain(womenShown);
      const girlsRow = table('glotip.victims.sex_age').rows.find((r) => r.glotipGroup === 'girls');
      expect(girlsRow).toMatchObject({ value: null, shown: '<11' });
    });

    it('groups the forms as GLOTIP does and splits citizens from foreign nationals by country', () => {
      const { women, menLabour, menCrime, girls } = GROUPS;
      expect(shown('glotip.victims.form', { form: 'sexual_exploitation' })).toBe(women.n);
      expect(shown('glotip.victims.form', { form: 'forced_labour' })).toBe(menLabour.n + girls.n);
      expect(shown('glotip.victims.form', { form: 'other_purposes' })).toBe(menCrime.n);
      expect(shown('glotip.victims.citizenship', { citizenGroup: 'citizen' })).toBe(women.n);
      expect(shown('glotip.victims.citizenship', { citizenGroup: 'foreign', citizenship: 'UZ' })).toBe(menLabour.n + girls.n);
      expect(shown('glotip.victims.citizenship', { citizenGroup: 'foreign', citizenship: 'KG' })).toBe(menCrime.n);
      expect(shown('glotip.victims.citizenship', { citizenGroup: 'foreign' })).toBe(menLabour.n + menCrime.n + girls.n);
      expect(shown('tip.victims.total', {})).toBe(53);
      // No criminal case in the register: zeros, published as such.
      expect(shown('tip.prosecutions', {})).toBe(0);
      expect(shown('glotip.convicted', {})).toBe(0);
    });

    it('the CSV has headings in the language asked, a row of codes, every table, and no cell a spreadsheet would run', async () => {
      const res = await get(coordinator, `/api/v1/statistics/international?year=${YEAR}&format=csv&lang=ru`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      const rows = csvRows(res.body);
      expect(rows[0]?.slice(0, 3)).toEqual(['Год', 'Источник', 'Таблица']);
      expect(rows[1]).toEqual([
        'year',
        'section',
        'table',
        'table_code',
        'category_1',
        'category_1_code',
        'category_2',
        'category_2_code',
        'glotip_group',
        'unit',
        'value',
      ]);
      const girls = rows.find((r) => r[3] === 'glotip.victims.sex_age' && r[8] === 'girls');
      expect(girls?.slice(4)).toEqual(['Женский', 'sex:female', 'Дети (до 18 лет)', 'ageGroup:child', 'girls', 'жертвы (лица)', '<11']);
      expect(
        new Set(
          rows
            .slice(2)
            .map((r) => r[3])
            .filter(Boolean),
        ),
      ).toEqual(new Set(tables.tables.map((x) => x.id)));
      expect(rows.flat().some((cell) => FORMULA_START.test(cell))).toBe(false);
      const xlsx = await get(coordinator, `/api/v1/statistics/international?year=${YEAR}&format=xlsx&lang=kk`);
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    });

    it('refuses a year that has not begun, and a reader without report.generate', async () => {
      const future = await get(analyst, `/api/v1/statistics/international?year=${new Date().getFullYear() + 1}`);
      expect(future.statusCode).toBe(400);
      expect(future.json().error.fields[0]).toMatchObject({ path: 'year', code: 'year_in_future' });
      expect(hasPermission('case_worker', 'report.generate')).toBe(false);
      expect((await get(caseworker, `/api/v1/statistics/international?year=${YEAR}`)).statusCode).toBe(403);
    });
  });

  describe('open dataset', () => {
    it('publishes only classes of at least 11 and says what it reached and what it left out', async () => {
      const res = await get(analyst, `/api/v1/exchange/open-dataset?from=${YEAR}&to=${YEAR}&format=json`);
      expect(res.statusCode).toBe(200);
      const { report, rows } = OpenDataset.parse(res.json());
      expect(report).toMatchObject({ from: YEAR, to: YEAR, k: 11, records: 53 });
      expect(report.published).toBe(rows.length);
      expect(report.suppressed).toBe(report.records - report.published);
      expect(report.kReached).toBeGreaterThanOrEqual(11);
      expect(verifyKAnonymity(rows, OPEN_DATASET_QI_COLUMNS, 11)).toBe(report.kReached);
      expect(Object.keys(report.levels).sort()).toEqual(['age', 'citizenship', 'gender', 'region', 'year']);
      // The four girls cannot form a class of 11 of their own: generalised into a larger one, or left out.
      const minors = rows.filter((r) => r.majorityStatus === 'Minor');
      expect(minors.length === 0 || minors.length >= 11).toBe(true);
    });

    it('leaves out whole a record whose class cannot reach 11, and counts it', async () => {
      const res = await get(coordinator, `/api/v1/exchange/open-dataset?from=${YEAR - 1}&to=${YEAR}&format=json`);
      expect(res.statusCode).toBe(200);
      const { report, rows } = OpenDataset.parse(res.json());
      expect(report).toMatchObject({ records: 54, suppressed: 1, published: 53 });
      // The forms are never generalised (CTDC's flags), so her row cannot join any class.
      expect(rows.some((r) => r.isSexualExploit === 1 && r.isForcedLabour === 1)).toBe(false);
      expect(verifyKAnonymity(rows, OPEN_DATASET_QI_COLUMNS, 11)).toBeGreaterThanOrEqual(11);
    });

    it('the CSV has headings in the language asked, the CTDC codes row, and no cell a spreadsheet would run', async () => {
      const res = await get(coordinator, `/api/v1/exchange/open-dataset?from=${YEAR}&to=${YEAR}&format=csv&lang=kk`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      const rows = csvRows(res.body);
      expect(rows[0]?.[0]).toBe('Тіркелген жылы');
      expect(rows[1]).toEqual(OPEN_DATASET_COLUMNS.map((c) => c.column));
      expect(rows.flat().some((cell) => FORMULA_START.test(cell))).toBe(false);
      const json = OpenDataset.parse((await get(coordinator, `/api/v1/exchange/open-dataset?from=${YEAR}&to=${YEAR}&format=json`)).json());
      expect(rows.length - 2).toBe(json.report.published);
      const xlsx = await get(coordinator, `/api/v1/exchange/open-dataset?from=${YEAR}&to=${YEAR}&format=xlsx`);
      expect(xlsx.statusCode).toBe(200);
    });

    it('refuses with 409 and the reason when the years hold fewer than 11 victims', async () => {
      // Messages follow the reader's language (Accept-Language), as every error does.
      const res = await analyst.inject({
        method: 'GET',
        url: '/api/v1/exchange/open-dataset?from=2022&to=2022&format=csv',
        headers: { 'accept-language': 'en' },
      });
      expect(res.statusCode).toBe(409);
      const error = res.json().error;
      expect(error.code).toBe('conflict');
      expect(error.fields).toEqual([
        expect.objectContaining({ path: 'dataset', code: 'too_few_records', message: expect.stringContaining('5 identified victims, fewer than 11') }),
      ]);
      const reversed = await get(analyst, '/api/v1/exchange/open-dataset?from=2024&to=2022');
      expect(reversed.statusCode).toBe(400);
      expect(reversed.json().error.fields[0]).toMatchObject({ path: 'from', code: 'invalid_range' });
    });

    it('audits each publication with its counts and no person', async () => {
      await get(analyst, `/api/v1/exchange/open-dataset?from=${YEAR}&to=${YEAR}&format=csv`);
      const [entry] = await t.deps.db.select().from(auditLog).where(eq(auditLog.operation, 'open_dataset.published')).orderBy(desc(auditLog.at)).limit(1);
      expect(entry).toMatchObject({ actorId: analyst.user.id, recordId: null });
      expect(Object.keys(entry?.details as object).sort()).toEqual(['format', 'from', 'kReached', 'published', 'records', 'suppressed', 'to']);
      expect(entry?.details).toMatchObject({ from: YEAR, to: YEAR, format: 'csv', records: 53 });
      expect(JSON.stringify(entry?.details)).not.toMatch(new RegExp(`${nameOf(1, 1)}|${nameOf(501, 1)}`));
    });

    it('a case worker may not publish it; the dictionary names every column and value in the language asked', async () => {
      expect(hasPermission('case_worker', 'open_dataset.publish')).toBe(false);
      expect((await get(caseworker, `/api/v1/exchange/open-dataset?from=${YEAR}&to=${YEAR}`)).statusCode).toBe(403);
      expect((await get(caseworker, '/api/v1/exchange/open-dataset/dictionary')).statusCode).toBe(403);
      const res = await get(analyst, '/api/v1/exchange/open-dataset/dictionary?lang=ru');
      expect(res.statusCode).toBe(200);
      const dictionary = OpenDatasetDictionary.parse(res.json());
      expect(dictionary.k).toBe(11);
      expect(dictionary.columns.map((c) => c.code)).toEqual(OPEN_DATASET_COLUMNS.map((c) => c.column));
      const citizenship = dictionary.columns.find((c) => c.code === 'citizenship');
      expect(citizenship).toMatchObject({ label: 'Гражданство', quasiIdentifier: true });
      expect(citizenship?.allowedValues).toContainEqual({ value: 'UZ', label: 'Узбекистан' });
      expect(citizenship?.allowedValues).toContainEqual({ value: 'CentralAsia', label: 'Центральная Азия' });
      const age = dictionary.columns.find((c) => c.code === 'ageBroad');
      expect(age?.allowedValues).toContainEqual({ value: '9--17', label: '9–17 лет' });
      expect(dictionary.columns.every((c) => c.description.length > 10 && !c.description.startsWith('openDataset.'))).toBe(true);
    });
  });
});
