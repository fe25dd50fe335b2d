/**
 * Ten years of national statistics (issue #13), generated in SQL on top of the national register
 * (national-data.ts: persons, cases, 250,000 screenings, referrals) and its justice data
 * (justice-data.ts), with the same `bench_h` / `bench_region` functions and deterministic ids:
 *
 * - Identification decisions: half the cases (status identified, referred, half the closed) have
 *   a positive decision that stands, dated over the last `years` years with growth (the density
 *   of decisions rises linearly, so the last year holds about twice the first); 30 % recorded
 *   late (`details.occurredOn` days before `at`); 2 % reviewed and confirmed a year later; the
 *   other closed cases were decided positive and reversed on review (they count nowhere); the
 *   cases of status not_identified were decided negative. The cases' trafficking status and
 *   forms (sexual exploitation, forced labour, both, begging, criminal activity) follow.
 * - Linkage clusters: the two records of each 'same' proposal (20q, 20q + 7) are one person.
 * - Screenings: the register's screenings get encounter dates over the years, and `screenings`
 *   more without a person (40 % anonymous notifications, the rest screenings that stayed
 *   screenings), dated with the same growth, in the author's region.
 * - Referrals before the register's (which start in mid-2023), a protection case for every
 *   accepted or completed referral, two services each and a shelter stay when the provider is a
 *   shelter; self-reports; exchange rates, shelter funding and an official figure for the year
 *   before the window.
 *
 * Generated straight in SQL (no encryption): 1,000,000 persons through `qorgau seed` would take
 * hours (it encrypts each person's fields and each action's text); the statistics read no
 * ciphertext, so the figures measure the same SQL.
 */
import { AGENCIES_PER_REGION, USERS_PER_AGENCY } from './national-data.ts';

export interface StatisticsSizes {
  /** Years of data, ending today. */
  years: number;
  /** Referrals to add before the register's own. */
  earlierReferrals: number;
  selfReports: number;
}

const A = AGENCIES_PER_REGION;
const U = USERS_PER_AGENCY;

/**
 * The day of event i (stream s) between `from` and `today`, denser towards today: the
 * cumulative share of events by time t is t², so a year's count grows linearly.
 */
const day = (i: string, s: string, from: string, today: string) =>
  `(date '${from}' + floor(sqrt(bench_h(${i}, '${s}')) * (date '${today}' - date '${from}'))::int)`;

/** A case's number from its reference 'QRG-B-<i>'. */
const caseNo = `substr(c.reference, 7)::bigint`;

const decisionsSql = (from: string, today: string) => `
CREATE TEMP TABLE bench_dec AS
SELECT c.id AS case_id, i, c.status,
       ${day('i', 'dd', from, today)} AS on_day,
       bench_uuid('u' || bench_author(i)) AS actor, bench_uuid('a' || (bench_author(i) / ${U})) AS agency,
       bench_h(i, 'late') < 0.3 AS late
  FROM cases c, LATERAL (SELECT ${caseNo} AS i) n
 WHERE c.reference LIKE 'QRG-B-%' AND c.status IN ('identified', 'referred', 'closed', 'not_identified');
-- The trafficking status and the forms follow the decisions (no region or owner changes: the scope triggers need not run).
ALTER TABLE cases DISABLE TRIGGER USER;
UPDATE cases c SET
  trafficking_status = CASE WHEN d.status IN ('identified', 'referred') OR (d.status = 'closed' AND d.i % 20 = 8) THEN 'ActualVictimOfTrafficking'
                            ELSE 'NotAVictimOfTrafficking' END,
  exploitation_types = CASE WHEN h < 0.45 THEN ARRAY['sexual'] WHEN h < 0.85 THEN ARRAY['labour'] WHEN h < 0.92 THEN ARRAY['labour', 'sexual']
                            WHEN h < 0.96 THEN ARRAY['begging'] ELSE ARRAY['criminal_activity'] END
  FROM bench_dec d, LATERAL (SELECT bench_h(d.i, 'form') AS h) f
 WHERE c.id = d.case_id;
ALTER TABLE cases ENABLE TRIGGER USER;
INSERT INTO case_actions (client_id, case_id, seq, type, details, actor_id, agency_id, at)
SELECT bench_uuid('sd' || i), case_id, 500, 'identification_decided',
       jsonb_build_object('outcome', CASE WHEN status = 'not_identified' THEN 'NotAVictimOfTrafficking' ELSE 'ActualVictimOfTrafficking' END,
                          'decidedBy', 'police')
         || CASE WHEN late THEN jsonb_build_object('occurredOn', to_char(on_day, 'YYYY-MM-DD')) ELSE '{}'::jsonb END,
       actor, agency,
       (on_day + CASE WHEN late THEN 3 + (i % 20)::int ELSE 0 END)::timestamp + interval '5 hours' + (i % 480) * interval '1 minute'
  FROM bench_dec;
-- Reviews a year later: a few confirmed, the other closed cases reversed.
INSERT INTO case_actions (client_id, case_id, seq, type, details, actor_id, agency_id, at)
SELECT bench_uuid('sr' || i), case_id, 501, 'identification_reviewed',
       jsonb_build_object('outcome', CASE WHEN status = 'closed' AND i % 20 <> 8 THEN 'NotAVictimOfTrafficking' ELSE 'ActualVictimOfTrafficking' END),
       actor, agency, least(now(), (on_day + 365)::timestamp + interval '6 hours')
  FROM bench_dec WHERE (status = 'closed' AND i % 20 <> 8) OR (status IN ('identified', 'referred') AND i % 50 = 3);
DROP TABLE bench_dec;
-- One person, two records: each 'same' proposal of the register (national-data.ts proposalsSql).
INSERT INTO person_clusters (person_id, cluster_id)
SELECT p, bench_uuid('p' || 20 * q)
  FROM generate_series(0, (SELECT count(*) FROM person_link_proposals) - 1) AS q,
       LATERAL (VALUES (bench_uuid('p' || 20 * q)), (bench_uuid('p' || (20 * q + 7)))) v(p)
 WHERE q % 3 = 0
ON CONFLICT DO NOTHING;`;

/** The register's own screenings (one for every fourth person) get encounter dates over the years. */
const registerScreeningsSql = (from: string, today: string) => `
UPDATE screenings SET encounter_date = to_char(${day('substr(reference, 7)::bigint', 'se', from, today)}, 'YYYY-MM-DD') WHERE reference LIKE 'SCR-B-%';`;

/** Screenings [start, end) without a person: 40 % anonymous notifications, the rest screenings that stayed screenings. */
export function screeningsWithoutPersonSql(start: number, end: number, years: number, today: string): string {
  const from = `${Number(today.slice(0, 4)) - years + 1}-01-01`;
  return `
INSERT INTO screenings (id, client_id, reference, screener_id, agency_id, encounter_date, region_code, setting, language, interpreter_used,
                        age_group, gender, citizenship, exploitation_types, observed, result, level, anonymous, person_id, case_id, created_at)
SELECT bench_uuid('ss' || i), bench_uuid('ssc' || i), 'SCR-S-' || i, bench_uuid('u' || au), bench_uuid('a' || (au / ${U})),
       to_char(d, 'YYYY-MM-DD'), bench_region_code(au / ${A * U}),
       (ARRAY['street', 'market', 'construction_site', 'farm', 'online', 'border_crossing'])[1 + i % 6], CASE WHEN i % 3 = 0 THEN 'ru' ELSE 'kk' END,
       i % 17 = 0, CASE WHEN i % 11 = 0 THEN 'child' ELSE 'adult' END, CASE WHEN i % 3 = 0 THEN 'male' ELSE 'female' END,
       CASE WHEN i % 9 = 0 THEN 'UZ' WHEN i % 23 = 0 THEN 'KG' WHEN i % 29 = 0 THEN 'TJ' ELSE 'KZ' END,
       CASE WHEN i % 2 = 0 THEN ARRAY['labour'] ELSE ARRAY['sexual'] END, '{}', '{}'::jsonb,
       CASE WHEN i % 20 < 11 THEN 'none' WHEN i % 20 < 18 THEN 'refer' ELSE 'meets_rule' END, i % 5 < 2, NULL, NULL,
       d::timestamp + interval '6 hours'
  FROM generate_series(${start}, ${end - 1}) AS i, LATERAL (SELECT bench_author(i) AS au, ${day('i', 'sa', from, today)} AS d) x;`;
}

/** Referrals before mid-2023 (the register's start there): to a provider of the person's region, all answered long ago. */
const earlierReferralsSql = (n: number, providers: number, from: string) => `
INSERT INTO referrals (id, client_id, reference, person_id, case_id, provider_id, provider_agency_id, region_code, services, override_reason_enc,
                       status, due_at, referred_by, referring_agency_id, created_at, updated_at)
SELECT bench_uuid('re' || q), bench_uuid('rec' || q), 'REF-E-' || q, bench_uuid('p' || i), bench_uuid('c' || i), bench_uuid('v' || prov),
       bench_uuid('a' || ((prov % 20) * ${A} + 4 + (prov / 20) % 6)), bench_region_code(prov % 20), ARRAY['shelter'], 'x',
       CASE WHEN h < 0.2 THEN 'declined' WHEN h < 0.9 THEN 'completed' ELSE 'withdrawn' END, t + interval '24 hours',
       bench_uuid('u' || bench_author(i)), bench_uuid('a' || (bench_author(i) / ${U})), t, t + interval '30 days'
  FROM generate_series(0, ${n - 1}) AS q,
       -- persons whose case was decided positive (national-data.ts: status by i % 10)
       LATERAL (SELECT (10 * (q / 5) + (ARRAY[3, 4, 6, 7, 8])[q % 5 + 1]) AS i, bench_h(q, 'est') AS h,
                       date '${from}' + floor(sqrt(bench_h(q, 'ed')) * (date '2023-06-01' - date '${from}'))::int + time '10:00' AS t) a,
       LATERAL (SELECT bench_region(a.i) + 20 * floor(bench_h(q, 'epv') * ${Math.floor(providers / 20)})::int AS prov) b;`;

const careSql = () => `
CREATE TEMP TABLE bench_agency_user AS SELECT DISTINCT ON (agency_id) agency_id, id AS user_id FROM users ORDER BY agency_id, username;
INSERT INTO protection_cases (id, client_id, reference, person_id, case_id, referral_id, provider_id, agency_id, region_code, status,
                              closed_on, opened_by, opened_on, created_at, updated_at)
SELECT bench_uuid('pc' || r.id), bench_uuid('pcc' || r.id), 'PRT-B-' || row_number() OVER (), r.person_id, r.case_id, r.id, r.provider_id,
       r.provider_agency_id, r.region_code, CASE WHEN r.status = 'completed' THEN 'closed' ELSE 'open' END,
       CASE WHEN r.status = 'completed' THEN to_char(r.created_at + interval '90 days', 'YYYY-MM-DD') END,
       u.user_id, to_char(r.created_at + interval '1 day', 'YYYY-MM-DD'), r.created_at + interval '1 day', r.created_at + interval '1 day'
  FROM referrals r JOIN bench_agency_user u ON u.agency_id = r.provider_agency_id
 WHERE r.status IN ('accepted', 'completed');
INSERT INTO service_deliveries (protection_case_id, person_id, date, provider_id, service, quantity, unit, cost_tenge, paid_by, recorded_by, agency_id, created_at)
SELECT p.id, p.person_id, to_char(least(current_date, p.opened_on::date + 7 * k), 'YYYY-MM-DD'), p.provider_id,
       (ARRAY['medical', 'psychological', 'legal', 'social'])[1 + (abs(hashtext(p.id::text)) + k) % 4], 1, 'session',
       5000 + abs(hashtext(p.id::text || k)) % 45000, CASE WHEN k = 1 THEN 'state' ELSE 'ngo' END, p.opened_by, p.agency_id, p.created_at
  FROM protection_cases p, generate_series(1, 2) AS k;
INSERT INTO shelter_stays (protection_case_id, person_id, provider_id, admitted_on, discharged_on, emergency, admitted_by, created_at)
SELECT p.id, p.person_id, p.provider_id, p.opened_on,
       CASE WHEN p.status = 'closed' OR p.opened_on::date < current_date - 120
            THEN to_char(least(current_date, p.opened_on::date + 10 + abs(hashtext(p.id::text)) % 80), 'YYYY-MM-DD') END,
       abs(hashtext(p.id::text)) % 10 = 0, p.opened_by, p.created_at
  FROM protection_cases p JOIN providers v ON v.id = p.provider_id
 WHERE v.kind = 'shelter';
DROP TABLE bench_agency_user;`;

const selfReportsSql = (n: number, from: string, today: string) => `
INSERT INTO self_reports (reference, language, reporter, region_code, situation, what_happened_enc, safe_to_contact, status, created_at)
SELECT 'SR-B-' || i, CASE WHEN i % 3 = 0 THEN 'ru' ELSE 'kk' END, CASE WHEN i % 4 = 0 THEN 'someone_else' ELSE 'self' END,
       bench_region_code(bench_region(i)), ARRAY['work'], 'x', i % 2 = 0, 'closed', ${day('i', 'sr', from, today)}::timestamp + interval '7 hours'
  FROM generate_series(0, ${n - 1}) AS i;`;

/** The reference tables of migration 0023: a rate and shelter funding for each year, an official figure for the year before. */
const referenceSql = (firstYear: number, lastYear: number) => `
INSERT INTO exchange_rates (year, tenge_per_usd, source, set_by)
SELECT y, 300 + 20 * (y - ${firstYear}), 'bench', bench_uuid('u-coordinator') FROM generate_series(${firstYear - 1}, ${lastYear}) AS y
ON CONFLICT DO NOTHING;
INSERT INTO funding_allocations (client_id, year, purpose, region_code, amount_tenge, source, created_by)
SELECT bench_uuid('fa' || y || r), y, 'shelter', bench_region_code(r), 5000000 + 250000 * (y - ${firstYear}) + 100000 * r, 'bench', bench_uuid('u-coordinator')
  FROM generate_series(${firstYear}, ${lastYear}) AS y, generate_series(0, 19) AS r;
INSERT INTO official_figures (year, figure, value, source, entered_by)
VALUES (${firstYear - 1}, 'victims_identified', 20000, 'bench', bench_uuid('u-coordinator'))
ON CONFLICT DO NOTHING;`;

/**
 * The steps, in order (each one statement batch), for a register already filled by national-data.ts
 * and justice-data.ts; the screenings without a person come apart (screeningsWithoutPersonSql, in chunks).
 */
export function statisticsSteps(sizes: StatisticsSizes, providers: number, today: string): [string, string][] {
  const lastYear = Number(today.slice(0, 4));
  const firstYear = lastYear - sizes.years + 1;
  const from = `${firstYear}-01-01`;
  return [
    ['decisions, reviews, forms, clusters', decisionsSql(from, today)],
    ['register screenings dated', registerScreeningsSql(from, today)],
    [`earlier referrals (${sizes.earlierReferrals.toLocaleString('en-US')})`, earlierReferralsSql(sizes.earlierReferrals, providers, from)],
    ['protection cases, services, shelter stays', careSql()],
    ['self-reports', selfReportsSql(sizes.selfReports, from, today)],
    ['rates, funding, official figure', referenceSql(firstYear, lastYear)],
  ];
}
