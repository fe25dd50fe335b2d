import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DeviceKeyCreated, kazakhstanDate } from '@qorgau/core';
import { rowsOf } from '../src/db/client.ts';
import { auditLog, screenings } from '../src/db/schema.ts';
import { DEFAULT_REFERENCE_DIR } from '../src/reference/screening-reference.ts';
import { createTestApp, type Session, type TestApp } from './test-app.ts';
import { describeEachDb } from './test-db.ts';

/** A multipart body as ODK Collect sends it: the instance as `xml_submission_file`. */
function collectMultipart(xml: string): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----odk${randomUUID().replaceAll('-', '')}`;
  const payload = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="xml_submission_file"; filename="submission.xml"\r\nContent-Type: text/xml\r\n\r\n${xml}\r\n--${boundary}--\r\n`,
    'utf8',
  );
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/**
 * A filled screening instance, as the form's own structure nests it. Written out by hand, not
 * with `filledInstance`: what the server must accept is checked against a text that does not
 * come from the same form code.
 */
function screeningInstance(o: { instanceId: string; version: string; today: string; extra?: string; formId?: string; region?: string }): string {
  return `<?xml version="1.0"?><data xmlns:jr="http://openrosa.org/javarosa" id="${o.formId ?? 'qorgau_screening'}" version="${o.version}">
<encounter><encounter_date>${o.today}</encounter_date><region>${o.region ?? 'KZ-61'}</region><setting>farm</setting><language>uz</language><interpreter>yes</interpreter></encounter>
<about><age_years>31</age_years><gender>Masculine</gender><citizenship>UZ</citizenship><citizenship_other/><exploitation>ForcedLabour</exploitation></about>
<indicators><list_short_form><i_short_form__documents_withheld>yes</i_short_form__documents_withheld><i_short_form__debt_bondage>yes</i_short_form__debt_bondage><i_short_form__deception>no</i_short_form__deception>${o.extra ?? ''}</list_short_form></indicators>
<consent>identified</consent>
<person><first_name>Bekzod</first_name><second_name>Tursunov</second_name><middle_name/><birthdate>1995-02-11</birthdate><mobile_phone/></person>
<narrative>Пахта алқабында, құжаттары жұмыс берушіде.</narrative>
<meta><instanceID>${o.instanceId}</instanceID><instanceName>qorgau_screening</instanceName></meta></data>`;
}

describeEachDb('OpenRosa server for field apps', (kind) => {
  let t: TestApp;
  let screener: Session;
  let key: DeviceKeyCreated;
  let version: string;
  const today = kazakhstanDate(new Date());
  const basic = (username: string, k: string) => `Basic ${Buffer.from(`${username}:${k}`).toString('base64')}`;
  const as = () => ({ authorization: basic(screener.user.username, key.key), 'accept-language': 'en' });
  const submit = (xml: string, headers: Record<string, string> = as()) => {
    const body = collectMultipart(xml);
    return t.app.inject({ method: 'POST', url: '/api/v1/openrosa/submission', headers: { ...headers, ...body.headers }, payload: body.payload });
  };
  const message = (body: string) => new XMLParser({ ignoreAttributes: false }).parse(body).OpenRosaResponse.message;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const labour = await t.createAgency({ type: 'labour_inspectorate', regionCode: 'KZ-61' });
    screener = await t.as('screener', { agencyId: labour, regions: ['KZ-61'] });
    const res = await screener.inject({ method: 'POST', url: '/api/v1/account/device-keys', payload: { label: 'Samsung A14, Maktaaral' } });
    expect(res.statusCode).toBe(200);
    key = res.json();
  });
  afterAll(() => t.close());

  it('asks a client without credentials to sign in, as OpenRosa clients expect', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/openrosa/formList' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/^Basic realm="Qorgau"/);
    expect(res.headers['x-openrosa-version']).toBe('1.0');
    const wrong = await t.app.inject({
      method: 'GET',
      url: '/api/v1/openrosa/formList',
      headers: { authorization: basic(screener.user.username, 'not-the-key') },
    });
    expect(wrong.statusCode).toBe(401);
  });

  it('lists the screening form with its version and hash, and serves it in kk/ru/en', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/openrosa/formList', headers: { ...as(), 'accept-language': 'kk' } });
    expect(list.statusCode).toBe(200);
    expect(list.headers['content-type']).toContain('text/xml');
    const xform = new XMLParser().parse(list.body).xforms.xform;
    expect(xform.formID).toBe('qorgau_screening');
    expect(xform.hash).toMatch(/^md5:[0-9a-f]{32}$/);
    version = xform.version;
    expect(version).toMatch(/short_form-1.*rules-2/);
    const url = new URL(xform.downloadUrl);
    const form = await t.app.inject({ method: 'GET', url: url.pathname, headers: as() });
    expect(form.statusCode).toBe(200);
    expect(XMLValidator.validate(form.body)).toBe(true);
    expect(form.body).toContain(`version="${version}"`);
    // Worded from the catalogs: no key left untranslated.
    expect(form.body).not.toMatch(/>(screening|persons|openrosa|setting|countries)\.[a-zA-Z.]+</);
    expect(form.body).toContain('<value>Кездесу күні</value>');
    const head = await t.app.inject({ method: 'HEAD', url: '/api/v1/openrosa/submission', headers: as() });
    expect(head.statusCode).toBe(204);
    expect(Number(head.headers['x-openrosa-accept-content-length'])).toBeGreaterThan(0);
  });

  it('a submission becomes a screening as if entered on screen; the same instance again creates nothing', async () => {
    const instanceId = `uuid:${randomUUID()}`;
    const before = Number(rowsOf<{ n: string }>(await t.deps.db.execute(sql`SELECT count(*) AS n FROM screenings`))[0]?.n);
    const res = await submit(screeningInstance({ instanceId, version, today }));
    expect(res.statusCode).toBe(201);
    expect(message(res.body)['@_nature']).toBe('submit_success');
    const [row] = await t.deps.db
      .select()
      .from(screenings)
      .where(eq(screenings.clientId, instanceId.slice(5)));
    expect(row?.formSubmission).toEqual({ formId: 'qorgau_screening', version, instanceId, unknownIndicators: [] });
    // The rules ran on the server: documents withheld and debt bondage are indicators of control.
    expect(row?.level).not.toBe('none');
    expect(row?.personId).not.toBeNull();
    expect(row?.screenerId).toBe(screener.user.id);
    const again = await submit(screeningInstance({ instanceId, version, today }));
    expect(again.statusCode).toBe(202);
    expect(Number(rowsOf<{ n: string }>(await t.deps.db.execute(sql`SELECT count(*) AS n FROM screenings`))[0]?.n)).toBe(before + 1);
    const audits = await t.deps.db.select().from(auditLog).where(eq(auditLog.operation, 'screening.submitted_from_device'));
    expect(audits.filter((a) => a.recordId === row?.id)).toHaveLength(1);
    // The device is answered with the reference only: it is not recorded as having read the screening.
    const reads = await t.deps.db.select().from(auditLog).where(eq(auditLog.operation, 'screening.read'));
    expect(reads.filter((a) => a.recordId === row?.id)).toEqual([]);
  });

  it('takes an instance of an outdated form version, records its version and sets aside what the lists no longer hold', async () => {
    const instanceId = `uuid:${randomUUID()}`;
    const res = await submit(
      screeningInstance({ instanceId, version: 'short_form-0.rules-1', today, extra: '<i_short_form__retired_question>yes</i_short_form__retired_question>' }),
    );
    expect(res.statusCode).toBe(201);
    const [row] = await t.deps.db
      .select()
      .from(screenings)
      .where(eq(screenings.clientId, instanceId.slice(5)));
    expect(row?.formSubmission).toMatchObject({ version: 'short_form-0.rules-1', unknownIndicators: ['short_form.retired_question'] });
  });

  it('refuses with a clear message: an unknown form, an invalid instance, a DOCTYPE, a body that is not multipart, a revoked key', async () => {
    const unknown = await submit(screeningInstance({ instanceId: `uuid:${randomUUID()}`, version, today, formId: 'someone_elses_form' }));
    expect(unknown.statusCode).toBe(404);
    expect(message(unknown.body)['#text']).toContain('someone_elses_form');
    const invalid = await submit(screeningInstance({ instanceId: `uuid:${randomUUID()}`, version, today, region: 'KZ-99' }));
    expect(invalid.statusCode).toBe(400);
    expect(message(invalid.body)['#text']).toMatch(/^The screening was not recorded: region:/);
    const bomb = await submit('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><data id="qorgau_screening">&lol;</data>');
    expect(bomb.statusCode).toBe(400);
    const plain = await t.app.inject({
      method: 'POST',
      url: '/api/v1/openrosa/submission',
      headers: { ...as(), 'content-type': 'text/xml' },
      payload: '<data/>',
    });
    expect(plain.statusCode).toBe(400);
    const other = (await screener.inject({ method: 'POST', url: '/api/v1/account/device-keys', payload: { label: 'old phone' } })).json() as DeviceKeyCreated;
    expect((await screener.inject({ method: 'DELETE', url: `/api/v1/account/device-keys/${other.id}` })).statusCode).toBe(204);
    const revoked = await submit(screeningInstance({ instanceId: `uuid:${randomUUID()}`, version, today }), {
      authorization: basic(screener.user.username, other.key),
    });
    expect(revoked.statusCode).toBe(401);
    expect(await t.deps.db.select().from(screenings).where(eq(screenings.regionCode, 'KZ-99'))).toEqual([]);
  });

  it('keys are kept as hashes, listed without the key, and only for those who screen; the XLSForm is there for Central or Kobo', async () => {
    const list = (await screener.inject({ method: 'GET', url: '/api/v1/account/device-keys' })).json() as { items: Record<string, unknown>[] };
    expect(list.items.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(list)).not.toContain(key.key);
    const stored = rowsOf<{ key_hash: string }>(await t.deps.db.execute(sql`SELECT key_hash FROM device_keys`));
    expect(stored.every((r) => /^[0-9a-f]{64}$/.test(r.key_hash) && r.key_hash !== key.key)).toBe(true);
    const analyst = await t.as('analyst');
    expect((await analyst.inject({ method: 'POST', url: '/api/v1/account/device-keys', payload: { label: 'x' } })).statusCode).toBe(403);
    const xlsx = await screener.inject({ method: 'GET', url: '/api/v1/reference/screening-form.xlsx' });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['survey', 'choices', 'settings']);
    expect(wb.getWorksheet('settings')?.getRow(2).getCell(2).value).toBe('qorgau_screening');
  });

  it('a new version of the short form, uploaded by an administrator, is the form a device downloads next; the old version is still taken', async () => {
    const admin = await t.as('administrator', { regions: 'national' });
    const next = JSON.parse(readFileSync(`${DEFAULT_REFERENCE_DIR}/indicators/short-form.v1.json`, 'utf8'));
    next.version = '2';
    const uploaded = await admin.inject({ method: 'POST', url: '/api/v1/reference/indicator-lists', payload: next });
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/openrosa/formList', headers: as() });
    const now = /<version>([^<]+)<\/version>/.exec(list.body)?.[1];
    expect(now).toMatch(/short_form-2/);
    expect(now).not.toBe(version);
    const old = await submit(screeningInstance({ instanceId: `uuid:${randomUUID()}`, version, today }));
    expect(old.statusCode).toBe(201);
  });
});
