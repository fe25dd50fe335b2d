import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'csv-stringify/sync';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { generatePersons } from '@qorgau/core';

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
    expect(res.stderr).toMatch(/603 rows, \d+ clusters, [3-9] malformed values ignored/);
    expect(res.stderr).toContain('ignored columns: notes');

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

  it('explains a file with no usable columns instead of crashing', () => {
    const input = join(dir, 'nothing.csv');
    writeFileSync(input, 'foo,bar\n1,2\n');
    const res = spawnSync(process.execPath, [bin, 'dedup', '--input', input, '--output', join(dir, 'o.csv')], { encoding: 'utf8' });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('no recognised columns');
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });
});
