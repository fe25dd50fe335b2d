import { randomUUID } from 'node:crypto';
import type { RouteRow } from './access-matrix.routes.ts';

/** A CSV upload checked without importing (`dryRun`): the permission is asked, nothing is written. */
const csvCheck = (url: string, payload: string) => () => ({ url: `${url}?dryRun=true`, headers: { 'content-type': 'text/csv' }, payload });

/**
 * Rows of the access matrix (see the header of access-matrix.routes.ts for how a row reads) for
 * national statistics, funding, official figures (issue #13) and data exchange (issue #14).
 */
export const REPORTING_ROUTES: Record<string, RouteRow> = {
  // --- national statistics (issue #13): counts within statistics.read; records under their own permission, statistics.int.test.ts ---
  'GET /api/v1/statistics/year': { request: () => ({ url: '/api/v1/statistics/year?year=2026' }), expect: 200 },
  'GET /api/v1/statistics/trend': { request: () => ({ url: '/api/v1/statistics/trend?from=2020&to=2026' }), expect: 200 },
  'GET /api/v1/statistics/regions': { request: () => ({ url: '/api/v1/statistics/regions?year=2026' }), expect: 200 },
  'GET /api/v1/statistics/records': { request: () => ({ url: '/api/v1/statistics/records?year=2026' }), expect: 200 },
  'GET /api/v1/statistics/report': { request: () => ({ url: '/api/v1/statistics/report?year=2026&format=json' }), expect: 200 },
  'GET /api/v1/statistics/tables': { request: () => ({ url: '/api/v1/statistics/tables?year=2026&format=csv' }), expect: 200 },
  // GLOTIP and TIP tables (issue #14 item 4): the same permission and scope as the published tables.
  'GET /api/v1/statistics/international': { request: () => ({ url: '/api/v1/statistics/international?year=2026&format=csv' }), expect: 200 },
  // --- funding and the recommendations tracker (issue #13): scopes in funding.int.test.ts, recommendations.int.test.ts ---
  'GET /api/v1/statistics/exchange-rates': { request: () => ({}), expect: 200 },
  'PUT /api/v1/statistics/exchange-rates/:year': {
    request: () => ({ url: '/api/v1/statistics/exchange-rates/2022', payload: { tengePerUsd: 462.54, source: 'TIP 2023' } }),
    expect: 200,
  },
  'POST /api/v1/statistics/allocations': {
    request: () => ({ payload: { clientId: randomUUID(), year: 2022, purpose: 'shelter', regionCode: 'KZ-75', amountTenge: 1_000_000, source: 'Budget law' } }),
    expect: 200,
  },
  'GET /api/v1/statistics/funding': { request: () => ({ url: '/api/v1/statistics/funding?year=2022' }), expect: 200 },
  'GET /api/v1/recommendations': { request: () => ({ url: '/api/v1/recommendations?year=2022' }), expect: 200 },
  'PUT /api/v1/recommendations/:id/status': { request: () => ({ payload: { year: 2022, status: 'in_progress', note: null } }), expect: 404 },
  // --- official figures of years before the register (issue #13 item 7), official-figures.int.test.ts ---
  'GET /api/v1/statistics/official-figures': { request: () => ({ url: '/api/v1/statistics/official-figures?from=2015&to=2021' }), expect: 200 },
  'PUT /api/v1/statistics/official-figures': {
    request: () => ({ payload: { year: 2019, figure: 'convictions', value: 3, source: 'Matrix source' } }),
    expect: 200,
  },
  'DELETE /api/v1/statistics/official-figures/:id': { request: () => ({}), expect: 404 },
  'POST /api/v1/statistics/official-figures/import': {
    request: csvCheck('/api/v1/statistics/official-figures/import', 'year,figure,dimension,category,value,source\n2018,convictions,,,4,Matrix source\n'),
    expect: 200,
  },
  // --- data exchange (issue #14) -----------------------------------------------------------------
  'POST /api/v1/exchange/htcds/imports': {
    request: csvCheck(
      '/api/v1/exchange/htcds/imports',
      'prs_FirstName,prs_SecondName,prs_Citizenship,vic_TraffickingStatus,qrg_RegionIso3166_2\nAsel,Nurova,KZ,ActualVictimOfTrafficking,KZ-75\n',
    ),
    expect: 200,
  },
  'GET /api/v1/exchange/htcds/imports/:id/report': { request: () => ({}), expect: 404 },
  // --- field apps (issue #14): device keys with a session; OpenRosa with a device key only --------
  'GET /api/v1/account/device-keys': { request: () => ({}), expect: 200 },
  'POST /api/v1/account/device-keys': { request: () => ({ payload: { label: 'Matrix phone' } }), expect: 200 },
  'DELETE /api/v1/account/device-keys/:id': { request: () => ({}), expect: 404 },
  // A session is not a device key: every OpenRosa route asks for Basic credentials.
  'GET /api/v1/openrosa/formList': { request: () => ({}), expect: 401, anonymous: 401 },
  'GET /api/v1/openrosa/forms/:formId': { request: () => ({ url: '/api/v1/openrosa/forms/qorgau_screening' }), expect: 401, anonymous: 401 },
  'POST /api/v1/openrosa/submission': {
    request: () => ({
      headers: { 'content-type': 'multipart/form-data; boundary=matrix' },
      payload:
        '--matrix\r\nContent-Disposition: form-data; name="xml_submission_file"; filename="s.xml"\r\nContent-Type: text/xml\r\n\r\n<data id="qorgau_screening"/>\r\n--matrix--\r\n',
    }),
    expect: 401,
    anonymous: 401,
  },
  'GET /api/v1/reference/screening-form.xlsx': { request: () => ({}), expect: 200 },
  'GET /api/v1/exchange/htcds/export': { request: () => ({ url: '/api/v1/exchange/htcds/export?year=2025&format=csv' }), expect: 200 },
  // The open dataset (issue #14 item 5): the matrix's victims are all identified today, so the years before hold none: refused (409 too_few_records).
  'GET /api/v1/exchange/open-dataset': { request: () => ({ url: '/api/v1/exchange/open-dataset?from=2020&to=2025&format=json' }), expect: 409 },
  'GET /api/v1/exchange/open-dataset/dictionary': { request: () => ({}), expect: 200 },
};
