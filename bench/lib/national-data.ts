/**
 * A national-scale register generated inside PostgreSQL (INSERT … SELECT generate_series: about
 * a minute per million rows on two vCPUs, no encryption, no API): 20 regions (Almaty and Astana
 * largest), 16 agencies each (police with identification officers, investigators and screeners,
 * NGOs, shelters, inspectorate, health, migration, prosecutor, legal aid, court) plus the
 * national coordination, 10 accounts an agency, `persons`
 * persons with one case each, a screening for every fourth, 5 % handed over (minimal
 * disclosure), named assignments for a tenth, `providers` providers run by the NGOs and
 * shelters, `referrals` referrals to a provider of the person's region with the access each
 * opened (open while sent or accepted), and open record-linkage proposals.
 *
 * Every value is a function of a row number (`bench_h`: a hash in [0, 1)), so a row's region or
 * author can be recomputed in another table without a join, and two builds are identical.
 * Personal fields hold placeholders, not ciphertext: the benchmark measures the repositories'
 * SQL, never decrypts.
 */
import type pg from 'pg';
import { REGION_CODES } from '@qorgau/core';

export interface NationalSizes {
  persons: number;
  providers: number;
  referrals: number;
  proposals: number;
}

export const AGENCIES_PER_REGION = 16;
export const USERS_PER_AGENCY = 10;
/** Agency slot k in a region: its type and the role of its accounts. */
const SLOT_TYPES = ['police', 'police', 'police', 'police', 'ngo', 'ngo', 'ngo', 'shelter', 'shelter', 'shelter'];
const SLOT_REST = ['labour_inspectorate', 'health', 'migration_service', 'prosecutor', 'legal_aid', 'court'];
export const agencyType = (k: number) => SLOT_TYPES[k] ?? SLOT_REST[k - SLOT_TYPES.length] ?? 'ngo';

/** Deterministic ids, `bench_uuid(prefix || n)` (its md5 as a version-4 UUID): agencies 'a', users 'u', persons 'p', cases 'c', providers 'v', referrals 'r'. */

const fns = (regions: string[]) => `
-- md5 in the form of a version-4 UUID (version and variant nibbles set): the API's schemas accept only RFC 9562 UUIDs.
CREATE OR REPLACE FUNCTION bench_uuid(s text) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
  $$ SELECT overlay(overlay(md5(s) PLACING '4' FROM 13) PLACING '8' FROM 17)::uuid $$;
CREATE OR REPLACE FUNCTION bench_h(i bigint, s text) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
  $$ SELECT ('x' || substr(md5(s || i), 1, 8))::bit(32)::bigint / 4294967296.0 $$;
CREATE OR REPLACE FUNCTION bench_region(i bigint) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
  $$ SELECT least(19, floor(20 * power(bench_h(i, 'r'), 1.7)))::int $$;
CREATE OR REPLACE FUNCTION bench_region_code(r int) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
  $$ SELECT (ARRAY[${regions.map((c) => `'${c}'`).join(',')}])[r + 1] $$;
-- The person's author: an identification officer (police, slots 0-3) or an NGO case worker (slots 4-6).
CREATE OR REPLACE FUNCTION bench_author(i bigint) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
  $$ SELECT (bench_region(i) * ${AGENCIES_PER_REGION} + floor(bench_h(i, 'k') * 7)::int) * ${USERS_PER_AGENCY} + floor(bench_h(i, 'j') * 6)::int $$;`;

const agenciesSql = () => `
INSERT INTO agencies (id, name_kk, name_ru, name_en, type, region_code)
SELECT bench_uuid('a' || 'nat'), 'Ұлттық үйлестіру', 'Национальная координация', 'National coordination', 'national_coordination', NULL;
INSERT INTO agencies (id, name_kk, name_ru, name_en, type, region_code)
SELECT bench_uuid('a' || n), 'Агенттік ' || n, 'Агентство ' || n, 'Agency ' || n,
       (ARRAY[${[...Array(AGENCIES_PER_REGION).keys()].map((k) => `'${agencyType(k)}'`).join(',')}])[n % ${AGENCIES_PER_REGION} + 1],
       bench_region_code(n / ${AGENCIES_PER_REGION})
  FROM generate_series(0, ${20 * AGENCIES_PER_REGION - 1}) AS n;`;

// Agency n = r * 15 + k has id md5('a' || n); the national coordination md5('a' || 'nat').
const usersSql = () => `
INSERT INTO users (id, username, display_name, role, agency_id, national, regions, password_hash)
SELECT bench_uuid('u' || m), 'bench' || m, 'Bench user ' || m,
       CASE a.type WHEN 'police' THEN CASE WHEN m % ${USERS_PER_AGENCY} < 6 THEN 'identification_officer'
                                           WHEN m % ${USERS_PER_AGENCY} < 8 THEN 'investigator' ELSE 'screener' END
                   WHEN 'ngo' THEN 'case_worker'
                   WHEN 'shelter' THEN CASE WHEN m % ${USERS_PER_AGENCY} = 0 THEN 'shelter_manager' ELSE 'case_worker' END
                   WHEN 'prosecutor' THEN 'prosecutor' WHEN 'legal_aid' THEN 'lawyer' WHEN 'court' THEN 'court_clerk' ELSE 'screener' END,
       a.id, false, ARRAY[a.region_code], 'x'
  FROM generate_series(0, ${20 * AGENCIES_PER_REGION * USERS_PER_AGENCY - 1}) AS m
  JOIN agencies a ON a.id = bench_uuid('a' || (m / ${USERS_PER_AGENCY}));
INSERT INTO users (id, username, display_name, role, agency_id, national, regions, password_hash)
VALUES (bench_uuid('u-coordinator'), 'bench-coordinator', 'Bench coordinator', 'national_coordinator', bench_uuid('a' || 'nat'), true, '{}', 'x');`;

const personsSql = (n: number) => `
INSERT INTO persons (id, client_id, pseudonym, first_name_enc, second_name_enc, name_index, linkage_keys, name_script, gender, birth_year,
                     citizenship, region_code, created_by, creator_access_ended, owner_agency_id, created_at)
SELECT bench_uuid('p' || i), bench_uuid('pc' || i), 'P-' || i, 'x', 'x',
       ARRAY['n' || (i % 40000), 'm' || ((i * 7) % 40000)], ARRAY['k' || (i % 300000)], 'kk_cyrl',
       CASE WHEN i % 3 = 0 THEN 'male' ELSE 'female' END, 1960 + (i % 50), CASE WHEN i % 9 = 0 THEN 'UZ' ELSE 'KZ' END,
       bench_region_code(bench_region(i)), bench_uuid('u' || bench_author(i)), i % 20 = 0,
       -- a person handed over moves to the region's first police unit with its case
       bench_uuid('a' || CASE WHEN i % 20 = 0 THEN bench_region(i) * ${AGENCIES_PER_REGION} ELSE bench_author(i) / ${USERS_PER_AGENCY} END),
       timestamptz '2023-01-01' + (i::float8 / ${n}) * interval '1400 days'
  FROM generate_series(0, ${n - 1}) AS i;`;

const casesSql = (n: number) => `
INSERT INTO cases (id, client_id, reference, person_id, region_code, exploitation_types, status, trafficking_status, created_by,
                   creator_access_ended, owner_agency_id, identification_due, created_at, updated_at)
SELECT bench_uuid('c' || i), bench_uuid('cc' || i), 'QRG-B-' || i, bench_uuid('p' || i),
       -- 2 % of cases are held in another region than the person's (the person is then visible through the case)
       bench_region_code(CASE WHEN i % 50 = 1 THEN (bench_region(i) + 1) % 20 ELSE bench_region(i) END),
       ARRAY['labour'], s.status, 'PossibleVictimOfTrafficking', bench_uuid('u' || bench_author(i)), i % 20 = 0,
       bench_uuid('a' || CASE WHEN i % 20 = 0 THEN bench_region(i) * ${AGENCIES_PER_REGION} ELSE bench_author(i) / ${USERS_PER_AGENCY} END),
       CASE WHEN s.status = 'open' THEN to_char(date '2026-11-01' + (i % 90), 'YYYY-MM-DD') END,
       timestamptz '2023-01-01' + (i::float8 / ${n}) * interval '1400 days',
       timestamptz '2023-01-01' + (i::float8 / ${n}) * interval '1400 days' + (i % 200) * interval '1 day'
  FROM generate_series(0, ${n - 1}) AS i,
       LATERAL (SELECT (ARRAY['open','open','open','identified','identified','not_identified','referred','referred','closed','closed'])[i % 10 + 1] AS status) s;`;

const screeningsSql = (n: number) => `
INSERT INTO screenings (id, client_id, reference, screener_id, agency_id, encounter_date, region_code, setting, language, interpreter_used,
                        age_group, gender, citizenship, exploitation_types, observed, result, level, anonymous, person_id, case_id,
                        handed_over_to, handed_over_at, created_at)
SELECT bench_uuid('s' || i), bench_uuid('sc' || i), 'SCR-B-' || i, bench_uuid('u' || bench_author(i)),
       bench_uuid('a' || (bench_author(i) / ${USERS_PER_AGENCY})), '2025-01-01', bench_region_code(bench_region(i)), 'street', 'kk', false,
       'adult', 'female', 'KZ', ARRAY['labour'], '{}', '{}'::jsonb, 'refer', false, bench_uuid('p' || i), bench_uuid('c' || i),
       CASE WHEN i % 20 = 0 THEN bench_uuid('a' || bench_region(i) * ${AGENCIES_PER_REGION}) END,
       CASE WHEN i % 20 = 0 THEN timestamptz '2025-01-02' END,
       timestamptz '2023-01-01' + (i::float8 / ${n}) * interval '1400 days'
  FROM generate_series(0, ${n - 1}, 4) AS i;`;

// Named assignments: a tenth of the cases, to a case worker of an NGO of the case's region.
const assignmentsSql = (n: number) => `
INSERT INTO case_assignments (case_id, user_id)
SELECT bench_uuid('c' || i), bench_uuid('u' || ((bench_region(i) * ${AGENCIES_PER_REGION} + 4 + i % 3) * ${USERS_PER_AGENCY} + (i / 10) % 10))
  FROM generate_series(3, ${n - 1}, 10) AS i;`;

// Provider p: region p % 20, run by NGO/shelter slot 4 + (p / 20) % 6 of that region.
const providersSql = (n: number) => `
INSERT INTO providers (id, agency_id, name_kk, name_ru, name_en, kind, services, region_code, settlement, eligibility, capacity, occupancy, languages, funding)
SELECT bench_uuid('v' || p), bench_uuid('a' || ((p % 20) * ${AGENCIES_PER_REGION} + 4 + (p / 20) % 6)), 'Провайдер ' || p, 'Поставщик ' || p, 'Provider ' || p,
       CASE WHEN p % 3 = 0 THEN 'shelter' ELSE 'service' END,
       CASE WHEN p % 3 = 0 THEN ARRAY['shelter'] ELSE ARRAY['medical','psychological','legal'] END,
       bench_region_code(p % 20), CASE WHEN p % 4 = 0 THEN 'rural' ELSE 'urban' END,
       CASE WHEN p % 7 = 0 THEN ARRAY['children'] ELSE ARRAY['adults','women','men','foreign_nationals'] END,
       CASE WHEN p % 3 = 0 THEN 10 + p % 40 ELSE 0 END, CASE WHEN p % 3 = 0 THEN (p * 7) % (10 + p % 40) ELSE 0 END,
       ARRAY['kk','ru'], CASE WHEN p % 2 = 0 THEN 'government' ELSE 'ngo' END
  FROM generate_series(0, ${n - 1}) AS p;`;

// Referral q: person i = 3q + q % 3, to a provider of the person's region; status by hash.
const referralsSql = (n: number, providers: number) => `
CREATE TEMP TABLE bench_ref AS
SELECT q, i, prov, bench_uuid('a' || ((prov % 20) * ${AGENCIES_PER_REGION} + 4 + (prov / 20) % 6)) AS provider_agency,
       CASE WHEN h < 0.05 THEN 'sent' WHEN h < 0.25 THEN 'accepted' WHEN h < 0.40 THEN 'declined' WHEN h < 0.90 THEN 'completed'
            WHEN h < 0.95 THEN 'withdrawn' ELSE 'transferred' END AS status,
       timestamptz '2023-06-01' + (q::float8 / ${n}) * interval '1280 days' AS created_at
  FROM generate_series(0, ${n - 1}) AS q,
       LATERAL (SELECT 3 * q + q % 3 AS i, bench_h(q, 'st') AS h) a,
       LATERAL (SELECT bench_region(a.i) + 20 * floor(bench_h(q, 'pv') * ${Math.floor(providers / 20)})::int AS prov) b;
INSERT INTO referrals (id, client_id, reference, person_id, case_id, provider_id, provider_agency_id, region_code, services, override_reason_enc,
                       status, due_at, referred_by, referring_agency_id, created_at, updated_at)
SELECT bench_uuid('r' || q), bench_uuid('rc' || q), 'REF-B-' || q, bench_uuid('p' || i), bench_uuid('c' || i), bench_uuid('v' || prov),
       provider_agency, bench_region_code(prov % 20), ARRAY['shelter'], 'x', status, created_at + interval '24 hours',
       bench_uuid('u' || bench_author(i)), bench_uuid('a' || (bench_author(i) / ${USERS_PER_AGENCY})), created_at, created_at
  FROM bench_ref;
INSERT INTO case_access (case_id, person_id, agency_id, referral_id, shares, starts_at, ends_at)
SELECT bench_uuid('c' || i), bench_uuid('p' || i), provider_agency, bench_uuid('r' || q), ARRAY['identity','contact','case'], created_at,
       CASE WHEN status NOT IN ('sent','accepted') THEN created_at + interval '30 days' END
  FROM bench_ref;
DROP TABLE bench_ref;`;

// Linkage proposals between records 20q and 20q+1 (80 % still open).
const proposalsSql = (n: number) => `
INSERT INTO person_link_proposals (person_a, person_b, model_decision, score, probability, explanation, status, created_at)
SELECT least(a, b), greatest(a, b), CASE WHEN q % 3 = 0 THEN 'same' ELSE 'review' END, 5 + q % 10, 0.5 + (q % 50) / 100.0, '[]'::jsonb,
       CASE WHEN q % 5 = 0 THEN 'decided' ELSE 'open' END, timestamptz '2025-01-01' + q * interval '1 minute'
  FROM generate_series(0, ${n - 1}) AS q, LATERAL (SELECT bench_uuid('p' || 20 * q) AS a, bench_uuid('p' || (20 * q + 7)) AS b) x;`;

/** Fills an empty, migrated database; returns seconds per step. */
export async function buildNationalData(client: pg.Client, sizes: NationalSizes, log: (s: string) => void): Promise<Record<string, number>> {
  const steps: [string, string][] = [
    ['functions', fns(REGION_CODES)],
    ['agencies', agenciesSql()],
    ['users', usersSql()],
    ['persons', personsSql(sizes.persons)],
    ['cases', casesSql(sizes.persons)],
    ['screenings', screeningsSql(sizes.persons)],
    ['case_assignments', assignmentsSql(sizes.persons)],
    ['providers', providersSql(sizes.providers)],
    ['referrals + case_access', referralsSql(sizes.referrals, sizes.providers)],
    ['link proposals', proposalsSql(sizes.proposals)],
  ];
  const seconds: Record<string, number> = {};
  for (const [name, text] of steps) {
    const t0 = performance.now();
    await client.query(text);
    seconds[name] = Math.round((performance.now() - t0) / 100) / 10;
    log(`  ${name}: ${seconds[name]} s`);
  }
  const t0 = performance.now();
  await client.query('VACUUM ANALYZE');
  seconds['vacuum analyze'] = Math.round((performance.now() - t0) / 100) / 10;
  log(`  vacuum analyze: ${seconds['vacuum analyze']} s`);
  return seconds;
}
