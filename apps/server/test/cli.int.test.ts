import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { rowsOf } from '../src/db/client.ts';
import { openRuntime } from '../src/runtime/runtime.ts';

const bin = fileURLToPath(new URL('../bin/qorgau.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'qorgau-cli-'));
const run = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { env: { ...process.env, QORGAU_DATA_DIR: dir, LOG_LEVEL: 'silent' }, encoding: 'utf8', timeout: 120_000 });

/** The operator's commands, as a separate process on an embedded database. */
describe('qorgau command line', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('seeds, verifies the keyed audit chain against a signed checkpoint, and names the first tampered entry with a non-zero exit', async () => {
    const seeded = run('seed', '--persons', '200', '--seed', '5');
    expect(seeded.status, seeded.stderr).toBe(0);
    expect(seeded.stdout).toMatch(/seeded 200 persons/);
    // The seed's entries are pending until linked: verify links them first.
    const ok = run('audit', 'verify');
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/linked \d+ pending entries/);
    expect(ok.stdout).toMatch(/audit chain intact \((\d+) entries chained, positions 1–\1; 0 pending\)/);
    expect(ok.stdout).toContain('no checkpoint found');

    // A checkpoint to a file, the public key for an auditor, and verify against both.
    const cpFile = join(dir, 'kept-elsewhere.json');
    const cp = run('audit', 'checkpoint', '--output', cpFile);
    expect(cp.status, cp.stderr).toBe(0);
    const statement = JSON.parse(JSON.parse(readFileSync(cpFile, 'utf8')).statement) as { seq: number; at: string };
    expect(statement.seq).toBeGreaterThan(0);
    const stdoutCp = run('audit', 'checkpoint');
    expect(JSON.parse(stdoutCp.stdout)).toMatchObject({ format: 'qorgau-audit-checkpoint/1' });
    const pub = run('audit', 'public-key');
    expect(pub.stdout).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    const pubFile = join(dir, 'audit-public.pem');
    writeFileSync(pubFile, pub.stdout);
    const withCp = run('audit', 'verify', '--checkpoint', cpFile, '--public-key', pubFile);
    expect(withCp.status, withCp.stderr).toBe(0);
    expect(withCp.stdout).toContain(`checkpoint of ${statement.at} covers entries 1–${statement.seq.toLocaleString('en-US')}`);
    expect(withCp.stdout).toContain('chain intact');
    // Nothing of an entry's content is printed: ids, positions, counts and times only.
    expect(withCp.stdout + ok.stdout).not.toMatch(/coordinator|case_worker|system\.seeded/);

    // A checkpoint signed by another key is rejected.
    const forged = { ...JSON.parse(readFileSync(cpFile, 'utf8')), signature: Buffer.alloc(64).toString('base64') };
    writeFileSync(join(dir, 'forged.json'), JSON.stringify(forged));
    const rejected = run('audit', 'verify', '--checkpoint', join(dir, 'forged.json'));
    expect(rejected.status).toBe(3);
    expect(rejected.stderr).toContain('REJECTED');

    const rt = await openRuntime(loadConfig({ QORGAU_DATA_DIR: dir, LOG_LEVEL: 'silent' }), { allowCreateKey: false });
    await rt.deps.db.transaction(async (tx) => {
      await tx.execute(sql`RESET ROLE`);
      await tx.execute(sql`SET LOCAL session_replication_role = replica`);
      await tx.execute(sql`UPDATE audit_log SET details = '{"persons": 1}'::jsonb WHERE operation = 'system.seeded'`);
    });
    const [row] = rowsOf<{ id: number }>(await rt.deps.db.execute(sql`SELECT id FROM audit_log WHERE operation = 'system.seeded'`));
    await rt.close();

    const broken = run('audit', 'verify');
    expect(broken.status).toBe(3);
    expect(broken.stderr).toContain(`BROKEN at entry ${row?.id}`);
  }, 240_000);

  it('writes the annual report from the seeded register, and refuses a bad language, a future year and a year without data', () => {
    // The seed above identified persons this year: the report counts them as the API does.
    const year = String(new Date().getUTCFullYear());
    const text = run('report', '--year', year, '--lang', 'ru', '--format', 'text');
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/Правительство выявило \d+ жертв/);
    const pdfFile = join(dir, 'report.pdf');
    const pdf = run('report', '--year', year, '--format', 'pdf', '--edition', 'public', '--output', pdfFile);
    expect(pdf.status, pdf.stderr).toBe(0);
    expect(readFileSync(pdfFile).subarray(0, 5).toString()).toBe('%PDF-');
    const lang = run('report', '--year', year, '--lang', 'de');
    expect(lang.status).toBe(2);
    expect(lang.stderr).toContain('unknown language "de": use en, ru or kk');
    const future = run('report', '--year', String(Number(year) + 1));
    expect(future.status).toBe(1);
    expect(future.stderr).toContain('has not come yet');
    const empty = run('report', '--year', '2005');
    expect(empty.status).toBe(1);
    expect(empty.stderr).toContain('holds no data for 2005');
    expect(run('report').status).toBe(2);
  }, 240_000);

  it('imports an HTCDS file (bad rows printed, good rows kept, nothing twice) and exports the year pseudonymised', () => {
    const year = new Date().getUTCFullYear() - 1;
    const file = join(dir, 'ngo.csv');
    writeFileSync(
      file,
      'prs_FirstName;prs_SecondName;prs_Birthdate;prs_Gender;prs_Citizenship;vic_TraffickingStatus;vic_TypeOfExploitation;qrg_TraffickingStatusDate\n' +
        `Гүлмира;Сәрсенова;12.04.1995;Feminine;KAZ;Actual victim of trafficking;Forced labour;15.03.${year}\n` +
        `Dilfuza;Tojiboeva;1990-07-30;Female;UZ;ActualVictimOfTrafficking;SexualExploitation;20.05.${year}\n` +
        `Zarina;Umarova;03/04/1992;Feminine;UZ;ActualVictimOfTrafficking;Forced labour;21.05.${year}\n`,
    );
    const dry = run('import', 'htcds', '--input', file, '--dry-run', '--user', 'caseworker');
    expect(dry.status, dry.stderr).toBe(1);
    expect(dry.stderr).toMatch(/checked \(nothing written\): 3 rows, 1 new records/);
    expect(dry.stdout).toContain('row 3, prs_Gender:');
    expect(dry.stdout).toContain('row 4, prs_Birthdate:');
    const done = run('import', 'htcds', '--input', file, '--user', 'caseworker');
    expect(done.status, done.stderr).toBe(1);
    expect(done.stderr).toMatch(/imported: 3 rows, 1 new records, 0 already imported/);
    expect(done.stderr).toMatch(/SHA-256 [0-9a-f]{64}/);
    const again = run('import', 'htcds', '--input', file, '--user', 'caseworker');
    expect(again.stderr).toMatch(/0 new records, 1 already imported/);
    expect(run('import', 'htcds', '--input', join(dir, 'missing.csv')).status).toBe(2);
    const out = join(dir, 'htcds.csv');
    const exported = run('export', 'htcds', '--year', String(year), '--output', out);
    expect(exported.status, exported.stderr).toBe(0);
    const csv = readFileSync(out, 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^\ufeff?cas_CaseOwner,prs_Salutation,prs_FirstName/);
    expect(csv).toMatch(/P-[0-9A-Z]{6}/);
    expect(csv).not.toContain('Гүлмира');
    expect(run('export', 'htcds', '--year', String(year)).status).toBe(2);
  }, 240_000);

  it('explains bad usage and bad configuration without a stack trace', () => {
    const usage = run('frobnicate');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('usage: qorgau');
    const badEnv = spawnSync(process.execPath, [bin, 'migrate'], { env: { ...process.env, PORT: 'x' }, encoding: 'utf8' });
    expect(badEnv.status).toBe(1);
    expect(badEnv.stderr).toContain('PORT');
    expect(badEnv.stderr).not.toMatch(/\n\s+at /);
  });
});
