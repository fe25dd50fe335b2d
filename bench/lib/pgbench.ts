/**
 * pgbench baselines for GET /api/v1/cases/:id: the same SQL from a C client, no HTTP, no Node.
 * Case ids come from `bench_case_ids (k, id)` (the bench's random sample) via a scalar subquery.
 * Both scripts insert into `bench_audit_log`, a copy of audit_log with its indexes and defaults
 * (LIKE … INCLUDING ALL), so their entries do not queue up for the app's audit chainer.
 *
 *  - `minimal`: BEGIN; case ⋈ person ⋈ agency by id; INSERT the audit entry; END.
 *  - `app-sql`: what the app sends (as of 2026-12-06, keyed audit chain, ADR 0007), round trip
 *    for round trip: the session lookup, then one autocommit statement that reads the scoped
 *    case with its history as json_agg and inserts the audit entry (a plain insert: the chain
 *    is linked later, in the background) only if the case was visible. If the app's queries
 *    change, update this script (get-case prints the app's measured round trips per request).
 *  - `app-sql-lanes`: the same, as the app did before issue #8 (ADR 0002): the statement also
 *    advances one of 8 lane heads (`bench_audit_heads`: row lock until commit, sha256 in SQL).
 *    Kept to show, on the same machine in the same run, what moving the chain off the request
 *    path changed.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { query } from './pg.ts';
import { runCommand } from './process.ts';
import { percentileSorted, pgbenchPath, round } from './report.ts';

export const PGBENCH_SCRIPTS = ['minimal', 'app-sql', 'app-sql-lanes'] as const;
export type PgbenchScript = (typeof PGBENCH_SCRIPTS)[number];
export type PgbenchMode = 'prepared' | 'extended' | 'simple';

/**
 * What get-case runs: the baseline of the targets (`minimal`, prepared), the app's statements
 * prepared once per connection, and the same unprepared (`extended`: parsed and planned every
 * time, which is what the app's driver does with unnamed statements).
 */
export const PGBENCH_RUNS: { script: PgbenchScript; mode: PgbenchMode }[] = [
  { script: 'minimal', mode: 'prepared' },
  { script: 'app-sql', mode: 'prepared' },
  { script: 'app-sql', mode: 'extended' },
  { script: 'app-sql-lanes', mode: 'prepared' },
];

const CASE_ID = '(SELECT id FROM bench_case_ids WHERE k = :k)';
const CASE_SELECT = `SELECT c.*, p.*, a.name AS owner_agency_name, true AS identity_visible, true AS can_act
  FROM cases c JOIN persons p ON p.id = c.person_id JOIN agencies a ON a.id = c.owner_agency_id
  WHERE c.id = ${CASE_ID};`;
const AUDIT_COLUMNS = 'at, operation, outcome, actor_id, actor_username, actor_role, agency_id, record_type, record_id, ip, details';
const AUDIT_VALUES = `now(), 'case.read', 'success', :actor::uuid, 'coordinator', 'national_coordinator', :agency::uuid, 'case', ${CASE_ID}::text, '127.0.0.1', '{"identity": true}'::jsonb`;

const ACTIONS_SELECT = `SELECT c.*, COALESCE((SELECT json_agg(json_build_object('id', ca.id, 'seq', ca.seq, 'type', ca.type, 'at', ca.at, 'details', ca.details,
    'textEnc', ca.text_enc, 'actorName', u.display_name, 'agencyName', ag.name) ORDER BY ca.seq)
  FROM case_actions ca JOIN users u ON u.id = ca.actor_id JOIN agencies ag ON ag.id = ca.agency_id WHERE ca.case_id = c.id), '[]'::json) AS actions
  FROM c;`;

const SCRIPTS: Record<PgbenchScript, string> = {
  minimal: `\\set k random(1, :ncases)
BEGIN;
${CASE_SELECT}
INSERT INTO bench_audit_log (${AUDIT_COLUMNS}) SELECT ${AUDIT_VALUES};
END;
`,
  'app-sql': `\\set k random(1, :ncases)
SELECT s.*, u.*, ag.* FROM sessions s JOIN users u ON u.id = s.user_id JOIN agencies ag ON ag.id = u.agency_id WHERE s.token_hash = :token;
WITH c AS (
  SELECT c.*, p.pseudonym, p.first_name_enc, p.second_name_enc, p.middle_name_enc, a.name AS owner_agency_name, true AS identity_visible, true AS can_act,
         EXISTS (SELECT 1 FROM case_assignments x WHERE x.case_id = c.id AND x.user_id = '00000000-0000-4000-8000-000000000000'::uuid) AS assigned
    FROM cases c JOIN persons p ON p.id = c.person_id JOIN agencies a ON a.id = c.owner_agency_id
   WHERE c.id = ${CASE_ID}),
audit_ins AS (INSERT INTO bench_audit_log (${AUDIT_COLUMNS}) SELECT ${AUDIT_VALUES} WHERE EXISTS (SELECT 1 FROM c))
${ACTIONS_SELECT}
`,
  'app-sql-lanes': `\\set k random(1, :ncases)
\\set lane random(0, 7)
SELECT s.*, u.*, ag.* FROM sessions s JOIN users u ON u.id = s.user_id JOIN agencies ag ON ag.id = u.agency_id WHERE s.token_hash = :token;
WITH c AS (
  SELECT c.*, p.pseudonym, p.first_name_enc, p.second_name_enc, p.middle_name_enc, a.name AS owner_agency_name, true AS identity_visible, true AS can_act
    FROM cases c JOIN persons p ON p.id = c.person_id JOIN agencies a ON a.id = c.owner_agency_id
   WHERE c.id = ${CASE_ID}),
audit_head AS (
  UPDATE bench_audit_heads SET seq = seq + 1, prev_hash = hash,
    hash = encode(sha256(convert_to(hash || E'\\n' || (seq + 1)::text || E'\\n' || :payload, 'UTF8')), 'hex')
  WHERE lane = :lane AND EXISTS (SELECT 1 FROM c) RETURNING seq, prev_hash, hash),
audit_ins AS (INSERT INTO bench_audit_log (${AUDIT_COLUMNS}, lane, lane_seq, prev_hash, hash)
  SELECT ${AUDIT_VALUES}, 200 + :lane, seq, prev_hash, hash FROM audit_head)
${ACTIONS_SELECT}
`,
};

export const pgbenchScript = (name: PgbenchScript): string => SCRIPTS[name];

/** Tables the scripts need, in the bench database (created as the admin/owner user). */
export async function preparePgbench(dbUrl: string, caseIds: string[]): Promise<void> {
  await query(dbUrl, `CREATE TABLE bench_case_ids (k int PRIMARY KEY, id uuid NOT NULL)`);
  await query(dbUrl, `INSERT INTO bench_case_ids (k, id) SELECT i, ids[i] FROM (SELECT $1::uuid[] AS ids) s, generate_series(1, cardinality($1::uuid[])) i`, [
    caseIds,
  ]);
  await query(dbUrl, `CREATE TABLE bench_audit_log (LIKE audit_log INCLUDING ALL)`);
  await query(dbUrl, `CREATE TABLE bench_audit_heads (lane smallint PRIMARY KEY, seq bigint NOT NULL, prev_hash text NOT NULL, hash text NOT NULL)`);
  await query(dbUrl, `INSERT INTO bench_audit_heads SELECT g, 0, '', repeat('0', 64) FROM generate_series(0, 7) g`);
  await query(dbUrl, `ANALYZE bench_case_ids`);
}

export interface PgbenchResult {
  script: PgbenchScript;
  mode: PgbenchMode;
  tps: number;
  transactions: number;
  failed: number;
  latencyAvgMs: number;
  p50Ms: number;
  p99Ms: number;
}

export async function runPgbench(opts: {
  dbUrl: string;
  script: PgbenchScript;
  dir: string;
  clients: number;
  threads: number;
  seconds: number;
  vars: Record<string, string>;
  /** pgbench -M: `prepared` (default; parse and plan once per connection) or `extended`. */
  mode?: PgbenchMode;
  /** Replaces the script text (for experiments), e.g. pgbenchScript('app-sql').replace(…). */
  text?: string;
}): Promise<PgbenchResult> {
  const file = join(opts.dir, `${opts.script}.sql`);
  writeFileSync(file, opts.text ?? SCRIPTS[opts.script]);
  const prefix = `pgbench-${opts.script}-${Date.now()}`;
  const defs = Object.entries(opts.vars).flatMap(([k, v]) => ['-D', `${k}=${v}`]);
  const args = ['-c', String(opts.clients), '-j', String(opts.threads), '-T', String(opts.seconds), '-M', opts.mode ?? 'prepared', '-n'];
  args.push('-f', file, ...defs, '-l', `--log-prefix=${join(opts.dir, prefix)}`, opts.dbUrl);
  const { output } = await runCommand(pgbenchPath(), args, { env: process.env, timeoutMs: (opts.seconds + 120) * 1000 });
  const num = (re: RegExp) => {
    const m = re.exec(output);
    if (!m) throw new Error(`cannot find ${re} in pgbench output:\n${output}`);
    return Number(m[1]);
  };
  // Per-transaction log: client_id transaction_no latency_us script_no epoch_s epoch_us
  const lat: number[] = [];
  for (const f of readdirSync(opts.dir).filter((n) => n.startsWith(prefix))) {
    for (const line of readFileSync(join(opts.dir, f), 'utf8').split('\n')) {
      const us = Number(line.split(' ')[2]);
      if (line && Number.isFinite(us)) lat.push(us / 1000);
    }
  }
  const sorted = Float64Array.from(lat).sort();
  return {
    script: opts.script,
    mode: opts.mode ?? 'prepared',
    tps: round(num(/tps = ([\d.]+) \(without initial connection time\)/), 1),
    transactions: num(/number of transactions actually processed: (\d+)/),
    failed: /number of failed transactions: (\d+)/.test(output) ? num(/number of failed transactions: (\d+)/) : 0,
    latencyAvgMs: num(/latency average = ([\d.]+) ms/),
    p50Ms: round(percentileSorted(sorted, 50), 2),
    p99Ms: round(percentileSorted(sorted, 99), 2),
  };
}
