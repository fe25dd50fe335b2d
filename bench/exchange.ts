/**
 * Data exchange at scale (issue #14), on PostgreSQL:
 * - an HTCDS import of 100,000 rows (CSV with HTCDS names, records drawn by the hard linkage
 *   generator: names in every script, DD.MM.YYYY and other dates, alpha-3 citizenships, 1 % bad
 *   rows), through the import service, every row linked; target ≤ 30 s with bad rows reported
 *   and good rows kept;
 * - the HTCDS export of those 100,000 records as XLSX and CSV; target ≤ 30 s;
 * - OpenRosa submissions sustained over real HTTP (multipart, Basic with a device key, a new
 *   instance each), `BENCH_EXCHANGE_CONCURRENCY` at a time for `BENCH_EXCHANGE_SECONDS`;
 *   target ≥ 50 a second.
 *
 *   BENCH_EXCHANGE_ROWS=100000 BENCH_EXCHANGE_SECONDS=30 BENCH_EXCHANGE_CONCURRENCY=8 npx tsx bench/exchange.ts
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import pgClient from 'pg';
import { type Actor, filledInstance, generateHardLinkageRecords, kazakhstanDate, type Role } from '@qorgau/core';
import { buildApp } from '../apps/server/src/app.ts';
import { loadConfig } from '../apps/server/src/config.ts';
import { rowsOf } from '../apps/server/src/db/client.ts';
import { deviceKeys, users } from '../apps/server/src/db/schema.ts';
import { createHtcdsExportService } from '../apps/server/src/modules/exchange/htcds-export.service.ts';
import { createHtcdsImportService } from '../apps/server/src/modules/exchange/htcds-import.service.ts';
import { deviceKeyHash } from '../apps/server/src/modules/openrosa/device-keys.service.ts';
import { createScreeningFormService } from '../apps/server/src/modules/openrosa/screening-form.service.ts';
import { openRuntime } from '../apps/server/src/runtime/runtime.ts';
import { seedOrganisations } from '../apps/server/src/seed/seed-demo.ts';
import { serverVersion } from './lib/pg.ts';
import { cpuSeconds, machineCpu, waitForQuiet } from './lib/procfs.ts';
import { runMain } from './lib/process.ts';
import { envInt, machine, percentileSorted, printMachine, round, verdict, writeResult } from './lib/report.ts';

const ROWS = envInt('BENCH_EXCHANGE_ROWS', 100_000);
const SECONDS = envInt('BENCH_EXCHANGE_SECONDS', 30);
const CONCURRENCY = envInt('BENCH_EXCHANGE_CONCURRENCY', 8);
const BASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB = 'qorgau_bench_exchange';

const csvCell = (v: string) => (/[",\n;]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const FORMS = ['Forced labour', 'SexualExploitation', 'Forced labour; Sexual exploitation', 'ForcedCriminality', 'Child labour'];
const REGIONS = ['KZ-61', 'KZ-75', 'KZ-71', 'KZ-79', 'KZ-19', 'KZ-55'];

/** The file: HTCDS names as a partner's system would export them; every hundredth row carries one mistake. */
function htcdsCsv(rows: number): string {
  const records = generateHardLinkageRecords({ seed: 14, count: rows });
  const header =
    'prs_FirstName,prs_SecondName,prs_Birthdate,prs_Gender,prs_Citizenship,prs_IdentityNumber,vic_TraffickingStatus,vic_TypeOfExploitation,vic_MethodsOfControl,qrg_RegionIso3166_2,qrg_TraffickingStatusDate';
  const lines = records.map((r, i) => {
    const bad = i % 100 === 99;
    // Dates as the two forms a partner's file holds (DD.MM.YYYY, ISO); the generator's partial and slashed dates are not HTCDS dates.
    const [y, mo, d] = r.truth.birthDate.split('-');
    const birth = bad && i % 300 === 99 ? '1990/13/45' : i % 2 ? r.truth.birthDate : `${d}.${mo}.${y}`;
    const gender = bad && i % 300 === 199 ? 'Male' : r.sex === 'F' ? 'Feminine' : r.sex === 'M' ? 'Masculine' : 'NonSpecifiedUnknown';
    const citizenship = bad && i % 300 === 299 ? 'Atlantis' : (r.citizenship ?? 'KZ');
    const day = `${String(1 + (i % 28)).padStart(2, '0')}.${String(1 + (i % 12)).padStart(2, '0')}.${2019 + (i % 7)}`;
    return [
      r.givenName,
      r.familyName,
      birth,
      gender,
      citizenship,
      r.documentNumber ?? '',
      i % 5 === 0 ? 'Possible victim of trafficking' : 'Actual victim of trafficking',
      FORMS[i % FORMS.length] as string,
      i % 3 === 0 ? 'Withholds documents; Debt bondage' : '',
      REGIONS[i % REGIONS.length] as string,
      day,
    ]
      .map((c) => csvCell(String(c)))
      .join(',');
  });
  return `${header}\n${lines.join('\n')}\n`;
}

/**
 * OpenRosa clients, as ODK Collect submits: multipart with the instance XML, Basic with a device
 * key, a new instance id each (a screening with one indicator, half with consent), `concurrency`
 * at a time for `seconds`. Plain JavaScript evaluated in a worker thread.
 */
function submitFromWorker(task: { address: string; authorization: string; instance: string; seconds: number; concurrency: number }) {
  const code = `
    const { parentPort, workerData: t } = require('node:worker_threads');
    const { randomUUID } = require('node:crypto');
    // The instance built by the main thread, its varying values left as marks.
    const instance = (id, n) =>
      t.instance.replace('__ID__', id).replace('__AGE__', String(20 + (n % 40))).replace('__CONSENT__', n % 2 ? 'declined' : 'identified').replace('__N__', String(n));
    const latencies = [];
    let failures = 0;
    let n = 0;
    const until = performance.now() + t.seconds * 1000;
    const send = async () => {
      while (performance.now() < until) {
        const i = n++;
        const form = new FormData();
        form.append('xml_submission_file', new Blob([instance(randomUUID(), i)], { type: 'text/xml' }), 'submission.xml');
        const s = performance.now();
        const res = await fetch(t.address + '/api/v1/openrosa/submission', { method: 'POST', headers: { authorization: t.authorization }, body: form });
        await res.arrayBuffer();
        latencies.push(performance.now() - s);
        if (res.status !== 201) failures++;
      }
    };
    const s0 = performance.now();
    Promise.all(Array.from({ length: t.concurrency }, send)).then(() => parentPort.postMessage({ latencies, failures, wall: (performance.now() - s0) / 1000 }));
  `;
  return new Promise<{ latencies: number[]; failures: number; wall: number }>((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: task });
    worker.once('message', (m) => {
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

async function freshDatabase(): Promise<string> {
  const admin = new pgClient.Client({ connectionString: BASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DB}`);
  await admin.end();
  const url = new URL(BASE_URL);
  url.pathname = `/${DB}`;
  return url.toString();
}

async function dropDatabase(): Promise<void> {
  const admin = new pgClient.Client({ connectionString: BASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin.end();
}

/** CPU seconds of each of the bench database's PostgreSQL backends so far (same machine: /proc). */
async function backendsCpu(url: string): Promise<Map<number, number>> {
  const client = new pgClient.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    return new Map(rows.map((r) => [r.pid, cpuSeconds(r.pid)]));
  } finally {
    await client.end();
  }
}

/** What the backends used between two readings (a backend opened in between counts whole). */
const backendsUsed = (before: Map<number, number>, after: Map<number, number>) => [...after].reduce((sum, [pid, s]) => sum + s - (before.get(pid) ?? 0), 0);

async function main() {
  const m = machine();
  printMachine(m);
  const dataDir = mkdtempSync(join(tmpdir(), 'qorgau-bench-exchange-'));
  const url = await freshDatabase();
  const config = loadConfig({ DATABASE_URL: url, QORGAU_DATA_DIR: dataDir, QORGAU_SEED: 'demo', QORGAU_SEED_PERSONS: '20', LOG_LEVEL: 'warn' });
  const rt = await openRuntime(config, { allowCreateKey: true });
  // Agencies and one account per role (no caseload: the import is the caseload).
  await seedOrganisations(rt.deps);
  const pgVersion = await serverVersion(url);
  try {
    const { db } = rt.deps;
    const userOf = async (username: string) => {
      const [u] = await db.select().from(users).where(eq(users.username, username));
      if (!u) throw new Error(`no demo user ${username}`);
      return u;
    };
    const worker = await userOf('caseworker');
    const actor: Actor = {
      userId: worker.id,
      role: worker.role as Role,
      agencyId: worker.agencyId,
      jurisdiction: { national: false, regions: worker.regions },
    };
    const audit = { actor: { id: worker.id, username: worker.username, role: worker.role, agencyId: worker.agencyId }, ip: null };

    // 1. Import.
    const csv = Buffer.from(htcdsCsv(ROWS), 'utf8');
    console.log(`HTCDS file: ${ROWS} rows, ${round(csv.length / 1024 / 1024, 1)} MB`);
    const imports = createHtcdsImportService(rt.deps);
    await waitForQuiet('import');
    const cpu0 = { node: process.cpuUsage(), pg: await backendsCpu(url), machine: machineCpu() };
    const t0 = performance.now();
    const result = await imports.import({ actor, userId: worker.id }, audit, csv, { dryRun: false, locale: 'en' });
    const importMs = performance.now() - t0;
    // Where the work went: on two cores, Node's and PostgreSQL's CPU seconds together bound the time from below.
    const nodeUsed = process.cpuUsage(cpu0.node);
    const nodeCpuS = round((nodeUsed.user + nodeUsed.system) / 1e6, 1);
    const pgCpuS = round(backendsUsed(cpu0.pg, await backendsCpu(url)), 1);
    const machineBusy = round((machineCpu().busy - cpu0.machine.busy) / (importMs / 1000), 2);
    console.log(
      `import: ${round(importMs / 1000, 1)} s — ${result.created} created, ${result.rejected} rows refused (${result.issuesTotal} issues), ${result.linked} linked ${verdict(importMs <= 30_000)}`,
    );
    console.log(`  CPU: Node ${nodeCpuS} s, PostgreSQL ${pgCpuS} s; the machine ${machineBusy} cores busy on average`);
    const t1 = performance.now();
    const again = await imports.import({ actor, userId: worker.id }, audit, csv, { dryRun: false, locale: 'en' });
    const reimportMs = performance.now() - t1;
    console.log(`re-import of the same file: ${round(reimportMs / 1000, 1)} s — ${again.created} created, ${again.alreadyImported} already imported`);

    // 2. Export (the case worker's agency holds every imported record, names visible to her).
    const exports = createHtcdsExportService(rt.deps);
    const exportTimes: Record<string, { ms: number; rows: number; mb: number }> = {};
    const years = rowsOf<{ y: string; n: string }>(
      await db.execute(
        sql`SELECT substr(occurred_on, 1, 4) AS y, count(*) AS n FROM case_actions WHERE type = 'identification_decided' GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
      ),
    );
    const year = Number(years[0]?.y ?? kazakhstanDate(new Date()).slice(0, 4));
    for (const format of ['csv', 'xlsx'] as const) {
      const s = performance.now();
      const file = await exports.export(actor, audit, { year, format, lang: 'kk' });
      exportTimes[format] = { ms: round(performance.now() - s), rows: file.rows, mb: round(file.body.length / 1024 / 1024, 1) };
    }
    // The export is by year; the whole import is every year's export together.
    const allYears = rowsOf<{ y: string }>(await db.execute(sql`SELECT DISTINCT substr(occurred_on, 1, 4) AS y FROM case_actions`)).map((r) => Number(r.y));
    const sAll = performance.now();
    let allRows = 0;
    for (const y of allYears) allRows += (await exports.export(actor, audit, { year: y, format: 'xlsx', lang: 'kk' })).rows;
    const allMs = performance.now() - sAll;
    console.log(`export of ${year}: csv ${JSON.stringify(exportTimes.csv)}, xlsx ${JSON.stringify(exportTimes.xlsx)}`);
    console.log(`export of every year as XLSX (${allRows} records): ${round(allMs / 1000, 1)} s ${verdict(allMs <= 30_000)}`);

    // 3. OpenRosa submissions over HTTP.
    const screener = await userOf('screener');
    const key = randomBytes(32).toString('base64url');
    await db.insert(deviceKeys).values({ id: randomUUID(), userId: screener.id, label: 'bench', keyHash: deviceKeyHash(key), createdAt: new Date() });
    const app = await buildApp(rt.deps);
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const authorization = `Basic ${Buffer.from(`${screener.username}:${key}`).toString('base64')}`;
    const { form } = await createScreeningFormService(rt.deps).current();
    // A screening with one indicator, half with consent (and a name), as the form nests it.
    const instance = filledInstance(
      form,
      {
        encounter_date: kazakhstanDate(new Date()),
        region: 'KZ-61',
        setting: 'farm',
        language: 'uz',
        interpreter: 'no',
        age_years: '__AGE__',
        gender: 'Masculine',
        citizenship: 'UZ',
        exploitation: 'ForcedLabour',
        i_short_form__documents_withheld: 'yes',
        consent: '__CONSENT__',
        first_name: 'Bench__N__',
        second_name: 'Field',
      },
      'uuid:__ID__',
    );
    // The phones' side runs in a worker thread: its own event loop, as clients are other
    // machines. It still shares this machine's two cores with the server and PostgreSQL.
    const load = await submitFromWorker({ address, authorization, instance, seconds: SECONDS, concurrency: CONCURRENCY });
    const { latencies, failures, wall } = load;
    await app.close();
    latencies.sort((a, b) => a - b);
    const rate = latencies.length / wall;
    console.log(
      `OpenRosa: ${latencies.length} submissions in ${round(wall, 1)} s = ${round(rate, 1)}/s (concurrency ${CONCURRENCY}), median ${round(percentileSorted(latencies, 0.5))} ms, p95 ${round(percentileSorted(latencies, 0.95))} ms, ${failures} not 201 ${verdict(rate >= 50 && failures === 0)}`,
    );

    writeResult('exchange', {
      machine: m,
      postgres: pgVersion,
      rows: ROWS,
      fileMb: round(csv.length / 1024 / 1024, 1),
      import: {
        ms: round(importMs),
        created: result.created,
        rejected: result.rejected,
        linked: result.linked,
        reimportMs: round(reimportMs),
        nodeCpuS,
        pgCpuS,
        machineBusy,
      },
      export: { year, ...exportTimes, allYears: { ms: round(allMs), rows: allRows } },
      openRosa: { submissions: latencies.length, seconds: round(wall, 1), perSecond: round(rate, 1), concurrency: CONCURRENCY, failures },
    });
  } finally {
    await rt.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (!process.env.BENCH_EXCHANGE_KEEP) await dropDatabase();
  }
}

runMain('exchange', main);
