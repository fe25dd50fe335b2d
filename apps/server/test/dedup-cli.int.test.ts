import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'csv-stringify/sync';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { generatePersons, type SyntheticCitizenship } from '@qorgau/core';

const bin = fileURLToPath(new URL('../bin/qorgau.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'qorgau-dedup-'));

describe('qorgau dedup', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('links a multi-script CSV, tolerates malformed rows, and writes a cluster for every row', () => {
    const people = [...generatePersons({ seed: 31, count: 600, duplicateRate: 0.3 })];
    const rows: string[][] = [['ID', 'Given Name', 'family_name', 'patronymic', 'date_of_birth', 'sex', 'citizenship', 'document_number', 'notes']];
    for (const p of people) {
      rows.push([`p${p.index}`, p.firstName, p.secondName, p.middleName ?? '', p.birthdate, p.gender, p.citizenship, p.identityNumber ?? '', 'x']);
    }
    rows.push(['bad1', 'Иван', 'Петров', '', 'not-a-date', '???', 'KAZ', '', '']);
    rows.push(['bad2', 'Only given']);
    rows.push(['bad3', '', '', '', '31/31/31', 'x', '1', '', '']);
    const input = join(dir, 'persons.csv');
    const output = join(dir, 'clusters.csv');
    writeFileSync(input, stringify(rows));

    const res = spawnSync(process.execPath, [bin, 'dedup', '--input', input, '--output', output], { encoding: 'utf8', timeout: 120_000 });
    expect(res.status, res.stderr).toBe(0);
    expect(res.stderr).toMatch(/603 rows, \d+ clusters, 5 values not understood/);
    // KAZ is a citizenship now (issue #12); '1' is no country's number.
    expect(res.stderr).toContain('not understood: birth date 2, sex 2, citizenship 1, document number 0');
    expect(res.stderr).toContain('ignored columns: notes');
    expect(res.stderr).toMatch(/cluster sizes: 1: \d+, 2: \d+, 3: \d+, 4: \d+, 5–9: \d+, 10–19: \d+, 20\+: \d+; largest \d+/);

    const out = parse(readFileSync(output)) as string[][];
    expect(out[0]).toEqual(['id', 'cluster_id']);
    expect(out.slice(1).map((r) => r[0])).toEqual(rows.slice(1).map((r) => r[0]));
    const cluster = new Map(out.slice(1).map(([id, c]) => [id as string, c as string]));
    // Records of one person (same canonical key) should share a cluster; different people should not.
    let same = 0;
    let sameTotal = 0;
    let wrong = 0;
    const byKey = new Map<string, string[]>();
    for (const p of people) byKey.set(p.canonicalKey, [...(byKey.get(p.canonicalKey) ?? []), `p${p.index}`]);
    for (const ids of byKey.values()) {
      for (let i = 1; i < ids.length; i++) {
        sameTotal++;
        if (cluster.get(ids[0] as string) === cluster.get(ids[i] as string)) same++;
      }
    }
    const clusterKeys = new Map<string, Set<string>>();
    for (const p of people) {
      const c = cluster.get(`p${p.index}`) as string;
      clusterKeys.set(c, (clusterKeys.get(c) ?? new Set()).add(p.canonicalKey));
    }
    for (const keys of clusterKeys.values()) if (keys.size > 1) wrong++;
    expect(sameTotal).toBeGreaterThan(50);
    expect(same / sameTotal).toBeGreaterThan(0.9);
    expect(wrong).toBeLessThanOrEqual(3);

    // Privacy-preserving mode: a partner encodes with a shared key; the file holds no identifiers.
    const keyFile = join(dir, 'key.txt');
    writeFileSync(keyFile, Buffer.from('a shared secret of 32 bytes!!!!!').toString('base64'));
    const encoded = join(dir, 'encoded.jsonl');
    const enc = spawnSync(process.execPath, [bin, 'encode', '--input', input, '--output', encoded, '--key-file', keyFile], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(enc.status, enc.stderr).toBe(0);
    const text = readFileSync(encoded, 'utf8');
    for (const p of people.slice(0, 50)) {
      if (p.secondName.length >= 6) expect(text).not.toContain(p.secondName);
      if (p.identityNumber) expect(text).not.toContain(p.identityNumber);
    }
    const encodedOut = join(dir, 'clusters-encoded.csv');
    const linked = spawnSync(process.execPath, [bin, 'dedup', '--encoded', '--input', encoded, '--output', encodedOut], { encoding: 'utf8', timeout: 120_000 });
    expect(linked.status, linked.stderr).toBe(0);
    const encodedClusters = new Map((parse(readFileSync(encodedOut)) as string[][]).slice(1).map(([id, c]) => [id as string, c as string]));
    let agree = 0;
    for (const ids of byKey.values())
      for (let i = 1; i < ids.length; i++) if (encodedClusters.get(ids[0] as string) === encodedClusters.get(ids[i] as string)) agree++;
    expect(agree / sameTotal).toBeGreaterThan(0.9);
  });

  it('reads codes, names and dates as other tools and clerks write them, and counts what it did not understand', () => {
    // Written out by hand, not taken from the library the parser uses.
    const written: Record<SyntheticCitizenship, string[]> = {
      KZ: ['KAZ', '398', 'Kazakhstan', 'Республика Казахстан', 'Қазақстан'],
      UZ: ['UZB', '860', 'Uzbekistan', 'Узбекистан', 'Өзбекстан'],
      KG: ['KGZ', '417', 'Kyrgyzstan', 'Киргизия', 'Қырғызстан'],
      TJ: ['TJK', '762', 'Tajikistan', 'Таджикистан', 'Тәжікстан'],
      RU: ['RUS', '643', 'Russia', 'Россия', 'Ресей'],
      TM: ['TKM', '795', 'Turkmenistan', 'Туркмения', 'Түрікменстан'],
      AZ: ['AZE', '031', 'Azerbaijan', 'Азербайджан', 'Әзірбайжан'],
      UA: ['UKR', '804', 'Ukraine', 'Украина', 'Украина'],
      BY: ['BLR', '112', 'Belarus', 'Беларусь', 'Беларусь'],
    };
    const people = [...generatePersons({ seed: 47, count: 300, duplicateRate: 0.1 })];
    // Another tool's header: none of these spellings is the project's own.
    const rows: string[][] = [['rec_id', 'first_name', 'last_name', 'middle_name', 'DOB', 'Gender', 'Nationality', 'passport', 'cluster']];
    const row = (id: string, p: (typeof people)[number], dob: string, citizenship: string, document = p.identityNumber ?? '') => [
      id,
      p.firstName,
      p.secondName,
      p.middleName ?? '',
      dob,
      p.gender,
      citizenship,
      document,
      '',
    ];
    for (const p of people) rows.push(row(`p${p.index}`, p, p.birthdate, p.citizenship));
    // The same record again, only the date and citizenship written another way, and without the
    // document number, so that the date and citizenship must be read to agree.
    const copies = people.slice(0, 60);
    copies.forEach((p, k) => {
      const [y, m, d] = p.birthdate.split('-');
      const dob = k % 2 === 0 ? `${y}${m}${d}` : `${d}.${m}.${y}`;
      rows.push(row(`copy${p.index}`, p, dob, written[p.citizenship][k % 5] as string, ''));
    });
    const garbage: [string, string, string, string][] = [
      // date, sex, citizenship, document
      ['not-a-date', 'F', 'KZ', '123'],
      ['31/31/31', '???', 'Narnia', '—'],
      ['1990-13-45', 'x', 'XX', 'n/a'],
      ['1990-05-17', 'M', '999', ''],
      ['1990', 'F', 'KAZX', 'N/A'],
    ];
    garbage.forEach(([dob, sex, citizenship, doc], k) => rows.push([`junk${k}`, `Zzyx${k}`, `Qwvrt${k}`, '', dob, sex, citizenship, doc, '']));
    const input = join(dir, 'other-tool.csv');
    const output = join(dir, 'other-tool-clusters.csv');
    writeFileSync(input, stringify(rows));

    const res = spawnSync(process.execPath, [bin, 'dedup', '--input', input, '--output', output], { encoding: 'utf8', timeout: 120_000 });
    expect(res.status, res.stderr).toBe(0);
    expect(res.stderr).toContain(
      'columns read: rec_id as id, first_name as given name, last_name as family name, middle_name as patronymic, DOB as birth date, Gender as sex, Nationality as citizenship, passport as document number',
    );
    expect(res.stderr).toContain('ignored columns: cluster');
    expect(res.stderr).toContain(`${rows.length - 1} rows`);
    expect(res.stderr).toContain('12 values not understood');
    expect(res.stderr).toContain('not understood: birth date 3, sex 2, citizenship 4, document number 3');

    const cluster = new Map((parse(readFileSync(output)) as string[][]).slice(1).map(([id, c]) => [id as string, c as string]));
    const apart = copies.filter((p) => cluster.get(`p${p.index}`) !== cluster.get(`copy${p.index}`)).map((p) => p.index);
    expect(apart).toEqual([]);

    const sizes = /cluster sizes: (.*); largest (\d+)/.exec(res.stderr);
    const clusterCount = Number(/rows, (\d+) clusters/.exec(res.stderr)?.[1]);
    const counts = (sizes?.[1] ?? '').split(', ').map((b) => Number(b.split(': ')[1]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(clusterCount);
    expect(clusterCount).toBe(new Set(cluster.values()).size);
    expect(Number(sizes?.[2])).toBeGreaterThanOrEqual(2);
  });

  it('takes a bare "name" column for the given name beside a surname, for the whole name alone', () => {
    const both = join(dir, 'name-surname.csv');
    writeFileSync(both, 'name,surname,birthdate\nAigerim,Saparova,1990-05-17\n');
    const alone = join(dir, 'name.csv');
    writeFileSync(alone, 'Name,Birth Date\nSaparova Aigerim,1990-05-17\n');
    const run = (input: string) => spawnSync(process.execPath, [bin, 'dedup', '--input', input, '--output', join(dir, 'n.csv')], { encoding: 'utf8' });
    expect(run(both).stderr).toContain('columns read: name as given name, surname as family name, birthdate');
    expect(run(alone).stderr).toContain('columns read: Name as full name, Birth Date');
  });

  it('explains a file with no usable columns instead of crashing', () => {
    const input = join(dir, 'nothing.csv');
    writeFileSync(input, 'foo,bar\n1,2\n');
    const res = spawnSync(process.execPath, [bin, 'dedup', '--input', input, '--output', join(dir, 'o.csv')], { encoding: 'utf8' });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('no recognised columns');
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });
});
