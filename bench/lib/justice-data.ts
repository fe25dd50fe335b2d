/**
 * Justice data at national scale (issue #11), generated in SQL on top of the national register
 * (national-data.ts; same `bench_h` / `bench_region` functions, same deterministic ids):
 *
 * - `criminalCases` criminal cases (50,000), each in the region of its first victim (so spread over
 *   the 20 regions as the persons are, Almaty and Astana largest), owned by a police unit of
 *   that region, registered by one of its investigators (named on 95 %), supervised by a
 *   prosecutor of the region's prosecutor's office (named on 80 %), in every stage: 5 %
 *   registered, 35 % under investigation, 10 % suspended, 12 % terminated, 10 % sent to court,
 *   7 % at a first-instance verdict, 3 % on appeal, 18 % final. Dates are relative to `today`:
 *   open pre-trial cases were registered in the last eight months, their deadline the two-month
 *   term plus the prosecutor's extensions into the coming weeks (15 % not extended: about one
 *   investigation in eleven is overdue).
 * - 1.6 defendants a case (80,000; 3 % officials), the name a ciphertext-like placeholder.
 * - 1.5 victims a case (75,000 proceeding_victims): persons 20k and, for odd k, 20k + 10, who
 *   already have a case in the register; an interview for three in four of them once the case
 *   is past registration; protective measures for 2 in 15 (10,000, about 2,000 still requested on
 *   open cases); the right to compensation explained to 3 in 5; a civil claim for 1 in 5
 *   (awards and payments on final cases); a legal-aid lawyer for 1 in 4 (open while the case is);
 *   a non-punishment flag on the victim's own case for 1 in 25, a third of them reviewed.
 * - A criminal-case event for each registration and each case's current stage.
 *
 * Every value is a function of the case number k and victim number q = 2k + j: rows can be
 * recomputed in another table without a join, and two builds are identical.
 */
import type pg from 'pg';
import { AGENCIES_PER_REGION, USERS_PER_AGENCY } from './national-data.ts';

export interface JusticeSizes {
  criminalCases: number;
}

/** Agency slots of a region (national-data.ts): police 0-3, prosecutor 13, legal aid 14, court 15. */
const PROSECUTOR_SLOT = 13;
const LEGAL_AID_SLOT = 14;
/** Accounts of a police unit: 0-5 identification officers, 6-7 investigators, 8-9 screeners. */
const INVESTIGATOR_FIRST = 6;

const A = AGENCIES_PER_REGION;
const U = USERS_PER_AGENCY;

/** The working set: one row per criminal case with its region, stage and dates. */
const casesTempSql = (n: number, today: string) => `
CREATE TEMP TABLE bench_cc AS
SELECT k, r, stage, reg, stage_on, deadline, ended_on,
       police, bench_uuid('u' || ((police) * ${U} + ${INVESTIGATOR_FIRST} + (k / 4) % 2)) AS investigator,
       bench_uuid('u' || ((r * ${A} + ${PROSECUTOR_SLOT}) * ${U} + (k / 8) % ${U})) AS prosecutor,
       bench_h(k, 'ni') < 0.95 AS named_investigator, bench_h(k, 'np') < 0.80 AS named_prosecutor,
       stage NOT IN ('terminated', 'final') AS open
  FROM (
    SELECT k, r, stage, reg, police,
           CASE stage WHEN 'registered' THEN reg
                      WHEN 'investigation' THEN reg + least(age, 3)
                      WHEN 'suspended' THEN reg + age / 2
                      WHEN 'terminated' THEN reg + age / 2
                      WHEN 'sent_to_court' THEN reg + 80
                      WHEN 'first_instance_verdict' THEN reg + 180
                      WHEN 'appeal' THEN reg + 240
                      ELSE reg + 280 END AS stage_on,
           CASE WHEN stage IN ('registered', 'investigation')
                THEN (reg + make_interval(months => 2 + CASE WHEN bench_h(k, 'ex') < 0.85 THEN greatest(0, age / 30 - 1) ELSE 0 END))::date END AS deadline,
           CASE stage WHEN 'terminated' THEN reg + age / 2 WHEN 'final' THEN reg + 280 END AS ended_on
      FROM (
        SELECT k, r, stage, r * ${A} + k % 4 AS police, age, date '${today}' - age AS reg
          FROM (
            SELECT k, bench_region(20 * k) AS r, h,
                   CASE WHEN h < 0.05 THEN 'registered' WHEN h < 0.40 THEN 'investigation' WHEN h < 0.50 THEN 'suspended'
                        WHEN h < 0.62 THEN 'terminated' WHEN h < 0.72 THEN 'sent_to_court' WHEN h < 0.79 THEN 'first_instance_verdict'
                        WHEN h < 0.82 THEN 'appeal' ELSE 'final' END AS stage,
                   bench_h(k, 'age') AS ha
              FROM generate_series(0, ${n - 1}) AS k, LATERAL (SELECT bench_h(k, 'st') AS h) s
          ) a,
          LATERAL (SELECT CASE a.stage WHEN 'registered' THEN floor(ha * 21)
                                       WHEN 'investigation' THEN floor(ha * 240)
                                       WHEN 'suspended' THEN 60 + floor(ha * 840)
                                       WHEN 'terminated' THEN 30 + floor(ha * 1470)
                                       WHEN 'sent_to_court' THEN 90 + floor(ha * 410)
                                       WHEN 'first_instance_verdict' THEN 200 + floor(ha * 700)
                                       WHEN 'appeal' THEN 250 + floor(ha * 650)
                                       ELSE 300 + floor(ha * 1400) END::int AS age) g
      ) b
  ) c;
CREATE UNIQUE INDEX ON bench_cc (k);
ANALYZE bench_cc;`;

const iso = (d: string) => `to_char(${d}, 'YYYY-MM-DD')`;

const criminalCasesSql = () => `
INSERT INTO criminal_cases (id, client_id, erdr_number, articles, articles_version, exploitation_types, summary_enc, region_code, owner_agency_id,
                            created_by, investigator_id, prosecutor_id, stage, stage_on, stage_reason, registered_on, deadline_on, ended_on,
                            created_at, updated_at)
SELECT bench_uuid('cc' || k), bench_uuid('ccc' || k), to_char(reg, 'YY') || lpad(r::text, 2, '0') || lpad(k::text, 11, '0'),
       CASE WHEN k % 10 < 7 THEN ARRAY['128'] WHEN k % 10 < 9 THEN ARRAY['128', '135'] ELSE ARRAY['135'] END, '2014.1',
       CASE WHEN k % 3 = 0 THEN ARRAY['sexual'] ELSE ARRAY['labour'] END, 'v1.' || md5('sum' || k) || md5('sum2' || k),
       bench_region_code(r), bench_uuid('a' || police), investigator,
       CASE WHEN named_investigator THEN investigator END, CASE WHEN named_prosecutor THEN prosecutor END,
       stage, ${iso('stage_on')},
       CASE stage WHEN 'suspended' THEN 'suspect_not_identified' WHEN 'terminated' THEN 'insufficient_evidence' END,
       ${iso('reg')}, ${iso('deadline')}, ${iso('ended_on')},
       reg::timestamptz, stage_on::timestamptz + interval '10 hours'
  FROM bench_cc;
INSERT INTO criminal_case_events (client_id, criminal_case_id, type, details, actor_id, agency_id, at)
SELECT bench_uuid('cce' || k), bench_uuid('cc' || k), 'registered', jsonb_build_object('stage', 'registered'), investigator, bench_uuid('a' || police),
       reg::timestamptz + interval '9 hours'
  FROM bench_cc;
INSERT INTO criminal_case_events (client_id, criminal_case_id, type, details, actor_id, agency_id, at)
SELECT bench_uuid('ccs' || k), bench_uuid('cc' || k), 'change_stage', jsonb_build_object('to', stage, 'on', ${iso('stage_on')}),
       CASE WHEN stage IN ('first_instance_verdict', 'appeal', 'final') THEN bench_uuid('u' || ((r * ${A} + 15) * ${U} + k % ${U})) ELSE investigator END,
       bench_uuid('a' || CASE WHEN stage IN ('first_instance_verdict', 'appeal', 'final') THEN r * ${A} + 15 ELSE police END),
       stage_on::timestamptz + interval '10 hours'
  FROM bench_cc WHERE stage <> 'registered';`;

// 1 defendant for k % 5 < 2, else 2: 1.6 a case.
const defendantsSql = () => `
INSERT INTO defendants (id, client_id, criminal_case_id, seq, kind, name_enc, citizenship, status, official, official_agency_type, articles,
                        outcome, outcome_on, sentence_kind, sentence_months, created_by, created_at, updated_at)
SELECT bench_uuid('d' || k || '-' || s), bench_uuid('dc' || k || '-' || s), bench_uuid('cc' || k), s,
       CASE WHEN (k + s) % 20 = 0 THEN 'business' ELSE 'individual' END,
       'v1.' || encode(decode(md5('dn' || k || s) || md5('dm' || k || s), 'hex'), 'base64'),
       CASE WHEN (k + s) % 7 = 0 THEN 'UZ' ELSE 'KZ' END,
       CASE WHEN stage IN ('registered', 'investigation', 'suspended') THEN CASE WHEN s = 1 THEN 'accused' ELSE 'suspect' END
            WHEN stage = 'terminated' THEN 'suspect' ELSE 'defendant' END,
       (k + s) % 33 = 0, CASE WHEN (k + s) % 33 = 0 THEN 'police' END,
       CASE WHEN k % 10 < 7 THEN ARRAY['128'] ELSE ARRAY['135'] END,
       CASE WHEN stage IN ('first_instance_verdict', 'appeal', 'final') THEN CASE WHEN (k + s) % 9 = 0 THEN 'acquitted' ELSE 'convicted' END END,
       CASE WHEN stage IN ('first_instance_verdict', 'appeal', 'final') THEN ${iso('reg + 180')} END,
       CASE WHEN stage IN ('first_instance_verdict', 'appeal', 'final') AND (k + s) % 9 <> 0 THEN CASE WHEN s = 1 THEN 'custodial' ELSE 'suspended' END END,
       CASE WHEN stage IN ('first_instance_verdict', 'appeal', 'final') AND (k + s) % 9 <> 0 THEN 36 + (k % 60) END,
       investigator, reg::timestamptz, reg::timestamptz
  FROM bench_cc, LATERAL generate_series(1, CASE WHEN k % 5 < 2 THEN 1 ELSE 2 END) AS s;`;

/** The victims' working set: victim q = 2k + j is person 20k + 10j (j = 1 only for odd k). */
const victimsTempSql = () => `
CREATE TEMP TABLE bench_pv AS
SELECT c.*, 2 * c.k + j AS q, 20 * c.k + 10 * j AS i
  FROM bench_cc c, LATERAL generate_series(0, CASE WHEN c.k % 2 = 1 THEN 1 ELSE 0 END) AS j;
ANALYZE bench_pv;`;

const victimsSql = (today: string) => `
INSERT INTO proceeding_victims (id, client_id, criminal_case_id, person_id, procedural_role, linked_on, participated, linked_by, created_at, updated_at)
SELECT bench_uuid('pv' || q), bench_uuid('pvc' || q), bench_uuid('cc' || k), bench_uuid('p' || i),
       CASE WHEN q % 6 = 0 THEN 'victim_civil_plaintiff' WHEN q % 17 = 0 THEN 'victim_witness' ELSE 'victim' END,
       ${iso('reg')}, stage NOT IN ('registered'), investigator, reg::timestamptz, reg::timestamptz
  FROM bench_pv;
INSERT INTO victim_interviews (client_id, proceeding_victim_id, criminal_case_id, person_id, held_on, place, video_recorded, social_worker_present,
                               interpreter_present, language, recorded_by, created_at)
SELECT bench_uuid('vi' || q), bench_uuid('pv' || q), bench_uuid('cc' || k), bench_uuid('p' || i), ${iso('least(reg + 2, stage_on)')},
       CASE q % 4 WHEN 0 THEN 'shelter' WHEN 1 THEN 'police_station' ELSE 'prosecutor_office' END, q % 3 = 0, q % 2 = 0, q % 9 = 0,
       CASE WHEN q % 9 = 0 THEN 'uz' ELSE 'kk' END, investigator, reg::timestamptz
  FROM bench_pv WHERE stage <> 'registered' AND q % 4 <> 3;
INSERT INTO protective_measures (client_id, proceeding_victim_id, criminal_case_id, person_id, measure, status, requested_on, decided_on, ended_on,
                                 cost_tenge, requested_by, decided_by, created_at, updated_at)
SELECT bench_uuid('pm' || q), bench_uuid('pv' || q), bench_uuid('cc' || k), bench_uuid('p' || i),
       (ARRAY['ppcp_programme','personal_security','identity_confidentiality','no_contact_order','relocation','pretrial_shelter'])[q % 6 + 1],
       st, ${iso('req')}, CASE WHEN st <> 'requested' THEN ${iso(`least(req + 5, date '${today}')`)} END,
       CASE WHEN st = 'ended' THEN ${iso(`least(req + 40, date '${today}')`)} END,
       CASE WHEN st IN ('granted', 'ended') AND q % 6 = 0 THEN 240000 END, investigator,
       CASE WHEN st <> 'requested' THEN prosecutor END, req::timestamptz, req::timestamptz
  FROM bench_pv,
       LATERAL (SELECT CASE WHEN open AND bench_h(q, 'ms') < 0.26 THEN 'requested'
                            WHEN bench_h(q, 'ms') < 0.65 THEN 'granted' WHEN bench_h(q, 'ms') < 0.80 THEN 'refused' ELSE 'ended' END AS st) s,
       LATERAL (SELECT CASE WHEN s.st = 'requested' THEN greatest(reg, date '${today}' - q % 30) ELSE least(reg + 3, date '${today}') END AS req) d
  WHERE q % 15 < 2;
INSERT INTO compensation_notices (client_id, person_id, informed_on, language, informed_by, agency_id, criminal_case_id, created_at)
SELECT bench_uuid('cn' || q), bench_uuid('p' || i), ${iso('reg + 1')}, CASE WHEN q % 3 = 0 THEN 'ru' ELSE 'kk' END, investigator, bench_uuid('a' || police),
       bench_uuid('cc' || k), reg::timestamptz
  FROM bench_pv WHERE q % 5 < 3 AND reg + 1 <= date '${today}';
INSERT INTO civil_claims (id, client_id, person_id, criminal_case_id, mode, filed_on, claimed_tenge, awarded_tenge, awarded_on, filed_by, created_at, updated_at)
SELECT bench_uuid('cl' || q), bench_uuid('clc' || q), bench_uuid('p' || i), bench_uuid('cc' || k), 'with_criminal_case', ${iso('stage_on')},
       500000 + (q % 40) * 100000, CASE WHEN stage = 'final' THEN 300000 + (q % 30) * 100000 END,
       CASE WHEN stage = 'final' THEN ${iso('stage_on')} END, prosecutor, stage_on::timestamptz, stage_on::timestamptz
  FROM bench_pv WHERE q % 5 = 0;
INSERT INTO compensation_payments (client_id, claim_id, person_id, paid_on, amount_tenge, source, recorded_by, created_at)
SELECT bench_uuid('cp' || q), bench_uuid('cl' || q), bench_uuid('p' || i), ${iso('stage_on + 60')}, 150000, CASE WHEN q % 2 = 0 THEN 'offender' ELSE 'state_fund' END,
       prosecutor, stage_on::timestamptz
  FROM bench_pv WHERE q % 5 = 0 AND stage = 'final' AND stage_on + 60 <= date '${today}';
INSERT INTO legal_aid_assignments (id, client_id, person_id, lawyer_id, lawyer_agency_id, funding, criminal_case_id, assigned_on, ended_on,
                                   assigned_by, ended_by, created_at)
SELECT bench_uuid('la' || q), bench_uuid('lac' || q), bench_uuid('p' || i),
       bench_uuid('u' || ((r * ${A} + ${LEGAL_AID_SLOT}) * ${U} + q % ${U})), bench_uuid('a' || (r * ${A} + ${LEGAL_AID_SLOT})),
       CASE WHEN q % 3 = 0 THEN 'pro_bono' ELSE 'state_legal_aid' END, bench_uuid('cc' || k), ${iso('reg')},
       CASE WHEN NOT open THEN ${iso('ended_on')} END, investigator,
       CASE WHEN NOT open THEN bench_uuid('u' || ((r * ${A} + ${LEGAL_AID_SLOT}) * ${U} + q % ${U})) END, reg::timestamptz
  FROM bench_pv WHERE bench_h(q, 'la') < 0.25;
INSERT INTO legal_services (client_id, assignment_id, person_id, delivered_on, service, hours, recorded_by, created_at)
SELECT bench_uuid('ls' || q), bench_uuid('la' || q), bench_uuid('p' || i), ${iso('reg')}, 'consultation', 2,
       bench_uuid('u' || ((r * ${A} + ${LEGAL_AID_SLOT}) * ${U} + q % ${U})), reg::timestamptz
  FROM bench_pv WHERE bench_h(q, 'la') < 0.25;
-- A non-punishment flag on the victim's own case (the prosecutor's queue), a third reviewed.
INSERT INTO case_actions (client_id, case_id, seq, type, details, actor_id, agency_id, at)
SELECT bench_uuid('npf' || q), bench_uuid('c' || i), 1000, 'non_punishment_flagged', '{}'::jsonb, investigator, bench_uuid('a' || police),
       (date '${today}' - q % 90)::timestamptz
  FROM bench_pv WHERE q % 25 = 2;
INSERT INTO case_actions (client_id, case_id, seq, type, details, actor_id, agency_id, at)
SELECT bench_uuid('npr' || q), bench_uuid('c' || i), 1001, 'non_punishment_reviewed', '{}'::jsonb, prosecutor,
       bench_uuid('a' || (r * ${A} + ${PROSECUTOR_SLOT})), (date '${today}' - q % 90 + 3)::timestamptz
  FROM bench_pv WHERE q % 25 = 2 AND q % 3 = 0;`;

const JUSTICE_TABLES = [
  'criminal_cases',
  'criminal_case_events',
  'defendants',
  'proceeding_victims',
  'victim_interviews',
  'protective_measures',
  'compensation_notices',
  'civil_claims',
  'compensation_payments',
  'legal_aid_assignments',
  'legal_services',
];

/** Row counts of the justice tables, for the report. */
export async function justiceCounts(client: pg.Pool | pg.Client): Promise<Record<string, number>> {
  const r = await client.query<Record<string, number>>(`SELECT ${JUSTICE_TABLES.map((t) => `(SELECT count(*)::int FROM ${t}) AS ${t}`).join(', ')},
    (SELECT count(*)::int FROM protective_measures WHERE status = 'requested') AS measures_requested,
    (SELECT count(*)::int FROM case_actions WHERE type = 'non_punishment_flagged') AS non_punishment_flags`);
  return r.rows[0] as Record<string, number>;
}

/**
 * Fills the justice tables of a national database that has none yet (the register must be
 * there); `today` (YYYY-MM-DD) anchors the dates. Returns seconds per step.
 */
export async function buildJusticeData(client: pg.Client, sizes: JusticeSizes, today: string, log: (s: string) => void): Promise<Record<string, number>> {
  const steps: [string, string][] = [
    ['criminal cases (working set)', casesTempSql(sizes.criminalCases, today)],
    ['criminal_cases + events', criminalCasesSql()],
    ['defendants', defendantsSql()],
    ['victims (working set)', victimsTempSql()],
    ['victims, interviews, measures, redress, flags', victimsSql(today)],
    ['drop working sets', 'DROP TABLE bench_pv; DROP TABLE bench_cc;'],
  ];
  const seconds: Record<string, number> = {};
  await client.query('BEGIN');
  try {
    for (const [name, text] of steps) {
      const t0 = performance.now();
      await client.query(text);
      seconds[name] = Math.round((performance.now() - t0) / 100) / 10;
      log(`  ${name}: ${seconds[name]} s`);
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  }
  const t0 = performance.now();
  for (const t of [...JUSTICE_TABLES, 'case_actions']) await client.query(`VACUUM ANALYZE ${t}`);
  seconds['vacuum analyze'] = Math.round((performance.now() - t0) / 100) / 10;
  log(`  vacuum analyze: ${seconds['vacuum analyze']} s`);
  return seconds;
}
