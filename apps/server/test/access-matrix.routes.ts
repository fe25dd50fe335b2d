import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { type Role, roleMayManageProviders, roleMayTakeCriminalCaseAction, roleMayTakeRedressAction, roleMayTakeReferralAction } from '@qorgau/core';
import { currentTotp } from '../src/auth/totp.ts';
import { loadReferralRules } from '../src/reference/referral-rules.ts';
import { loadShippedEntitlementRules } from '../src/modules/entitlements/entitlement-rules.store.ts';
import { loadShippedCriminalArticles } from '../src/modules/justice/criminal-articles.store.ts';
import { PNG, uploadHeaders } from './documents-fixtures.ts';
import { REPORTING_ROUTES } from './access-matrix-reporting.routes.ts';
import { providerBody } from './provider-fixtures.ts';
import { TEST_PASSWORD, personBody, screeningBody as sharedScreeningBody, type Session, type TestApp } from './test-app.ts';

/**
 * THE ROUTE TABLE OF THE ACCESS MATRIX (access-matrix.int.test.ts). One row per API route, keyed
 * `METHOD /api/v1/path` exactly as the route is declared (with `:id`). The test fails when a
 * declared route has no row here, or a row names a route that no longer exists.
 *
 * HOW TO ADD A ROUTE (append a row below, in the section of its module):
 *   'POST /api/v1/things/:id/approve': {
 *     request: (ctx) => ({ payload: { ... } }),   // a request the route ACCEPTS (valid body)
 *     expect: 404,                                 // the exact status for a role that holds the
 *   },                                             // route's access; or (role, ctx) => status
 *
 * - `request(ctx)`: the url defaults to the declared one with `:id` replaced by `ctx.missingId`
 *   (so a record route answers 404: record-level scopes are tested separately); give `url`
 *   to use a real record. Use `ctx` for ids (an identification unit, the caller's own person or
 *   screening, ...). Must be valid: a 400 here would hide the guard.
 * - `expect`: the exact status (200, 404, 409, ... never "not 403") for every role that passes the
 *   route's declared access. Roles that lack it get 403 `forbidden`; the test derives that
 *   from core (`hasPermission`), so it is not written here. Where the answer depends on the
 *   role beyond the route's permission, derive it from core in a function of the role.
 * - `anonymous`: public routes only: the exact status without a session (the request is then
 *   sent without a cookie; non-public routes always answer 401).
 * - `fresh`: the request ends or changes the session (sign-out, password change): the test
 *   runs it with a throwaway user of the role, signed in for it alone.
 *
 * Case actions (every action type x role x scope) and record-level scopes of lists, searches,
 * screenings, self-reports and links are in the test itself, derived from core's rules.
 */
export interface MatrixContext {
  t: TestApp;
  role: Role;
  session: Session;
  /** A uuid that names no record. */
  missingId: string;
  /** The region every matrix user works in (jurisdiction ['KZ-75']). */
  region: 'KZ-75';
  /** An identification unit (a police agency in the region): a handover or referral target. */
  unitAgencyId: string;
  /** A new person record created by the session's user (their own), in the region. */
  ownPerson(): Promise<string>;
  /** A new screening with consent by the session's user (through the API), not handed over. */
  ownScreening(): Promise<{ id: string; caseId: string }>;
}

export interface MatrixRequest {
  url?: string;
  payload?: InjectOptions['payload'];
  headers?: Record<string, string>;
}

export interface RouteRow {
  request(ctx: MatrixContext): MatrixRequest | Promise<MatrixRequest>;
  expect: number | ((role: Role, ctx: MatrixContext) => number);
  anonymous?: number;
  fresh?: boolean;
}

/** A screening body with consent, in the matrix region. */
export const screeningBody = (overrides: Record<string, unknown> = {}) => sharedScreeningBody({ regionCode: 'KZ-75', narrative: undefined, ...overrides });

const unique = () => randomUUID().slice(0, 8);

export const ROUTES: Record<string, RouteRow> = {
  // --- auth -------------------------------------------------------------------------------
  'POST /api/v1/auth/sign-in': {
    request: async ({ t }) => {
      const u = await t.createUser({ role: 'analyst' });
      return { payload: { username: u.username, password: TEST_PASSWORD, code: currentTotp(u.totpSecret, u.username) } };
    },
    expect: 200,
    anonymous: 200,
  },
  'POST /api/v1/auth/sign-out': { request: () => ({ payload: {} }), expect: 200, fresh: true },
  'GET /api/v1/auth/me': { request: () => ({}), expect: 200 },
  // An enrolled account cannot enrol again.
  'POST /api/v1/auth/totp/enroll': { request: () => ({ payload: {} }), expect: 409 },
  'POST /api/v1/auth/totp/confirm': { request: () => ({ payload: { code: '000000' } }), expect: 409 },
  'POST /api/v1/auth/password': {
    request: () => ({ payload: { currentPassword: TEST_PASSWORD, newPassword: `Another-Long-Passphrase-${unique()}` } }),
    expect: 200,
    fresh: true,
  },

  // --- persons and linkage ------------------------------------------------------------------
  'GET /api/v1/persons': { request: () => ({}), expect: 200 },
  'POST /api/v1/persons': { request: () => ({ payload: personBody() }), expect: 200 },
  'POST /api/v1/persons/matches': { request: () => ({ payload: { firstName: 'Әйгерім', secondName: 'Нұрланқызы' } }), expect: 200 },
  'POST /api/v1/persons/match-decisions': { request: (ctx) => ({ payload: { candidateId: ctx.missingId, decision: 'different' } }), expect: 404 },
  'GET /api/v1/persons/:id': { request: () => ({}), expect: 404 },
  'GET /api/v1/persons/overview': { request: () => ({}), expect: 200 },
  'GET /api/v1/persons/:id/links': { request: () => ({}), expect: 404 },
  'GET /api/v1/linkage/proposals': { request: () => ({}), expect: 200 },
  'GET /api/v1/linkage/proposals/:id': { request: () => ({}), expect: 404 },
  'POST /api/v1/linkage/decisions': {
    request: async (ctx) => ({ payload: { clientId: randomUUID(), personA: await ctx.ownPerson(), personB: await ctx.ownPerson(), decision: 'different' } }),
    expect: 200,
  },
  'POST /api/v1/linkage/runs': { request: () => ({}), expect: 200 },
  'GET /api/v1/linkage/runs/current': { request: () => ({}), expect: 200 },

  // --- cases -------------------------------------------------------------------------------
  'GET /api/v1/cases': { request: () => ({}), expect: 200 },
  'GET /api/v1/cases/overview': { request: () => ({}), expect: 200 },
  'POST /api/v1/cases': {
    request: async (ctx) => ({ payload: { clientId: randomUUID(), personId: await ctx.ownPerson(), regionCode: ctx.region, exploitationTypes: [] } }),
    expect: 200,
  },
  'GET /api/v1/cases/:id': { request: () => ({}), expect: 404 },
  // Every action type x role x scope is in the test ("case actions"), derived from CASE_ACTION_RULES.
  'POST /api/v1/cases/:id/actions': { request: () => ({ payload: { clientId: randomUUID(), action: { type: 'note_added', text: 'x' } } }), expect: 404 },

  // --- screenings and reference data --------------------------------------------------------
  'GET /api/v1/reference/indicators': { request: () => ({}), expect: 200 },
  'GET /api/v1/reference/regions': { request: () => ({}), expect: 200 },
  'GET /api/v1/screenings': { request: () => ({}), expect: 200 },
  'POST /api/v1/screenings': { request: () => ({ payload: screeningBody() }), expect: 200 },
  'GET /api/v1/screenings/:id': { request: () => ({}), expect: 404 },
  'GET /api/v1/screenings/:id/handover-targets': {
    request: async (ctx) => ({ url: `/api/v1/screenings/${(await ctx.ownScreening()).id}/handover-targets` }),
    expect: 200,
  },
  'POST /api/v1/screenings/:id/handover': {
    request: async (ctx) => ({ url: `/api/v1/screenings/${(await ctx.ownScreening()).id}/handover`, payload: { toAgencyId: ctx.unitAgencyId } }),
    expect: 200,
  },
  'POST /api/v1/reference/indicator-lists': {
    request: async ({ t }) => {
      const [list] = (await t.deps.reference.current()).lists;
      return { payload: { ...list, version: `${list?.version}.${unique()}` } };
    },
    expect: 200,
  },
  'POST /api/v1/reference/rules': {
    request: async ({ t }) => {
      const { rules } = await t.deps.reference.current();
      return { payload: { ...rules, version: `${rules.version}.${unique()}` } };
    },
    expect: 200,
  },
  'GET /api/v1/reference/working-calendar': { request: () => ({}), expect: 200 },
  'POST /api/v1/reference/working-calendar': {
    request: async ({ t }) => {
      const calendar = await t.deps.reference.calendar();
      return { payload: { ...calendar, version: `${calendar.version}.${unique()}` } };
    },
    expect: 200,
  },
  'POST /api/v1/reference/verification': {
    request: async ({ t }) => {
      const { rules } = await t.deps.reference.current();
      return { payload: { kind: 'rules', id: rules.id, version: rules.version, verification: 'provisional' } };
    },
    expect: 200,
  },

  // --- self-reports (the hotline queue) -----------------------------------------------------
  'POST /api/v1/self-reports': {
    request: () => ({ payload: { reporter: 'self', language: 'kk', whatHappened: 'Құжатымды алып қойды', safeToContact: false } }),
    expect: 200,
    anonymous: 200,
  },
  'GET /api/v1/self-reports': { request: () => ({}), expect: 200 },
  'GET /api/v1/self-reports/:id': { request: () => ({}), expect: 404 },
  'POST /api/v1/self-reports/:id/status': { request: () => ({ payload: { status: 'closed' } }), expect: 404 },

  // --- administration ----------------------------------------------------------------------
  'GET /api/v1/users': { request: () => ({}), expect: 200 },
  'POST /api/v1/users': {
    request: (ctx) => ({
      payload: {
        username: `matrix.${unique()}`,
        displayName: 'Matrix User',
        role: 'analyst',
        agencyId: ctx.unitAgencyId,
        jurisdiction: { national: false, regions: [ctx.region] },
      },
    }),
    expect: 200,
  },
  'PATCH /api/v1/users/:id': { request: () => ({ payload: { displayName: 'Renamed' } }), expect: 404 },
  'POST /api/v1/users/:id/reset-password': { request: () => ({ payload: {} }), expect: 404 },
  // Four-eyes grants: administrators and the national coordinator (grant.approve).
  'GET /api/v1/grants': { request: () => ({}), expect: 200 },
  'POST /api/v1/grants/:id/approve': { request: () => ({ payload: {} }), expect: 404 },
  'POST /api/v1/grants/:id/reject': { request: () => ({ payload: {} }), expect: 404 },
  'GET /api/v1/agencies': { request: () => ({}), expect: 200 },
  'GET /api/v1/agencies/directory': { request: () => ({}), expect: 200 },
  'POST /api/v1/agencies': {
    request: (ctx) => ({
      payload: {
        name: { kk: `Матрица агенттігі ${unique()}`, ru: `Агентство матрицы ${unique()}`, en: `Matrix agency ${unique()}` },
        type: 'ngo',
        regionCode: ctx.region,
      },
    }),
    expect: 200,
  },
  'PATCH /api/v1/agencies/:id': { request: () => ({ payload: { name: { kk: 'Жаңа атау', ru: 'Новое название', en: 'Renamed agency' } } }), expect: 404 },
  'GET /api/v1/audit': { request: () => ({}), expect: 200 },
  'GET /api/v1/audit/denied': { request: () => ({}), expect: 200 },

  // --- the provider directory and the capacity board (issue #10) ------------------------------
  'GET /api/v1/providers': { request: () => ({}), expect: 200 },
  'GET /api/v1/providers/capacity-board': { request: () => ({}), expect: 200 },
  'GET /api/v1/providers/:id': { request: () => ({}), expect: 404 },
  // provider.manage lets a shelter manager through the route; adding an entry is the administrator's (core PROVIDER_ACTION_RULES).
  'POST /api/v1/providers': {
    request: (ctx) => ({ payload: providerBody(ctx.unitAgencyId, ctx.region) }),
    expect: (role) => (roleMayManageProviders(role, 'create') ? 200 : 403),
  },
  'PATCH /api/v1/providers/:id': { request: () => ({ payload: { capacity: 12 } }), expect: 404 },
  'PATCH /api/v1/providers/:id/occupancy': { request: () => ({ payload: { occupancy: 3 } }), expect: 404 },
  // --- the home page's work and the bell (issue #10): every signed-in user, her own only ------
  'GET /api/v1/work': { request: () => ({}), expect: 200 },
  'GET /api/v1/notifications': { request: () => ({}), expect: 200 },
  'GET /api/v1/notifications/unread-count': { request: () => ({}), expect: 200 },
  'POST /api/v1/notifications/read': { request: () => ({ payload: { all: true } }), expect: 200 },
  // --- protection cases (issue #10): record scopes and each action's authority in protection.int.test.ts ---
  'GET /api/v1/protection-cases': { request: () => ({}), expect: 200 },
  'POST /api/v1/protection-cases': { request: (ctx) => ({ payload: { clientId: randomUUID(), referralId: ctx.missingId } }), expect: 404 },
  'GET /api/v1/protection-cases/:id': { request: () => ({}), expect: 404 },
  'GET /api/v1/persons/:id/protection': { request: () => ({}), expect: 404 },
  'POST /api/v1/protection-cases/:id/needs': {
    request: () => ({ payload: { clientId: randomUUID(), needs: [{ area: 'safety', level: 'low' }] } }),
    expect: 404,
  },
  'POST /api/v1/protection-cases/:id/plan': {
    request: () => ({ payload: { clientId: randomUUID(), type: 'SocialCare', objectives: 'Safety', actionPlan: 'Shelter', plannedEndDate: '2026-12-31' } }),
    expect: 404,
  },
  'POST /api/v1/protection-cases/:id/services': {
    request: (ctx) => ({
      payload: {
        clientId: randomUUID(),
        date: '2026-01-10',
        providerId: ctx.missingId,
        service: 'medical',
        quantity: 1,
        unit: 'session',
        costTenge: 1000,
        paidBy: 'state_budget',
      },
    }),
    expect: 404,
  },
  'POST /api/v1/protection-cases/:id/stays': {
    request: (ctx) => ({ payload: { clientId: randomUUID(), providerId: ctx.missingId, admittedOn: '2026-01-10' } }),
    expect: 404,
  },
  'POST /api/v1/protection-cases/:id/discharge': {
    request: (ctx) => ({ payload: { clientId: randomUUID(), stayId: ctx.missingId, dischargedOn: '2026-01-10' } }),
    expect: 404,
  },
  'POST /api/v1/protection-cases/:id/close': { request: () => ({ payload: { clientId: randomUUID(), reason: 'other' } }), expect: 404 },
  'POST /api/v1/protection-cases/:id/follow-ups': {
    request: (ctx) => ({ payload: { clientId: randomUUID(), followUpId: ctx.missingId, contacted: true, riskLevel: 'low' } }),
    expect: 404,
  },
  // --- criminal cases (issue #11): record scopes and each action's authority in criminal-cases.int.test.ts ---
  'GET /api/v1/criminal-cases': { request: () => ({}), expect: 200 },
  'POST /api/v1/criminal-cases': {
    request: () => ({
      payload: {
        clientId: randomUUID(),
        erdrNumber: String(Math.floor(Math.random() * 1e15)).padStart(15, '0'),
        articles: ['128'],
        regionCode: 'KZ-75',
        registeredOn: '2026-01-10',
      },
    }),
    expect: 200,
  },
  'GET /api/v1/criminal-cases/:id': { request: () => ({}), expect: 404 },
  'GET /api/v1/reference/criminal-articles': { request: () => ({}), expect: 200 },
  'POST /api/v1/criminal-cases/:id/stage': {
    request: () => ({ payload: { clientId: randomUUID(), to: 'investigation', on: '2026-01-10' } }),
    expect: (role) => (roleMayTakeCriminalCaseAction(role, 'change_stage') ? 404 : 403),
  },
  'POST /api/v1/criminal-cases/:id/assign': {
    request: (ctx) => ({ payload: { clientId: randomUUID(), investigatorId: ctx.missingId } }),
    expect: (role) => (roleMayTakeCriminalCaseAction(role, 'assign') ? 404 : 403),
  },
  'POST /api/v1/criminal-cases/:id/deadline': {
    request: () => ({ payload: { clientId: randomUUID(), until: '2026-06-10', note: 'Complex case' } }),
    expect: (role) => (roleMayTakeCriminalCaseAction(role, 'extend_deadline') ? 404 : 403),
  },
  'GET /api/v1/criminal-cases/:id/assignees': {
    request: () => ({}),
    expect: (role) => (roleMayTakeCriminalCaseAction(role, 'assign') ? 404 : 403),
  },
  // --- defendants (issue #11): names' scope and each action's authority in defendants.int.test.ts ---
  'GET /api/v1/criminal-cases/:id/defendants': { request: () => ({}), expect: 404 },
  'POST /api/v1/criminal-cases/:id/defendants': {
    request: () => ({ payload: { clientId: randomUUID(), kind: 'individual', name: 'Defendant Name', articles: ['128'] } }),
    expect: (role) => (roleMayTakeCriminalCaseAction(role, 'add_defendant') ? 404 : 403),
  },
  'POST /api/v1/criminal-cases/:id/defendants/:defendantId/update': {
    request: (ctx) => ({
      url: `/api/v1/criminal-cases/${ctx.missingId}/defendants/${ctx.missingId}/update`,
      payload: { clientId: randomUUID(), status: 'accused' },
    }),
    expect: (role) => (roleMayTakeCriminalCaseAction(role, 'update_defendant') ? 404 : 403),
  },
  'POST /api/v1/criminal-cases/:id/defendants/:defendantId/charge': {
    request: (ctx) => ({
      url: `/api/v1/criminal-cases/${ctx.missingId}/defendants/${ctx.missingId}/charge`,
      payload: { clientId: randomUUID(), articles: ['135'], reason: 'reclassified_by_prosecutor', on: '2026-01-10' },
    }),
    expect: (role) => (roleMayTakeCriminalCaseAction(role, 'charge') ? 404 : 403),
  },
  'POST /api/v1/criminal-cases/:id/defendants/:defendantId/outcome': {
    request: (ctx) => ({
      url: `/api/v1/criminal-cases/${ctx.missingId}/defendants/${ctx.missingId}/outcome`,
      payload: { clientId: randomUUID(), outcome: 'acquitted', on: '2026-01-10' },
    }),
    expect: (role) => (roleMayTakeCriminalCaseAction(role, 'record_outcome') ? 404 : 403),
  },
  // --- compensation (issue #11): person scopes and each action's authority in redress.int.test.ts ---
  'GET /api/v1/persons/:id/redress': { request: () => ({}), expect: 404 },
  'POST /api/v1/persons/:id/redress/informed': {
    request: () => ({ payload: { clientId: randomUUID(), informedOn: '2026-01-10', language: 'kk' } }),
    expect: (role) => (roleMayTakeRedressAction(role, 'record_informed') ? 404 : 403),
  },
  'POST /api/v1/persons/:id/redress/claims': {
    request: () => ({ payload: { clientId: randomUUID(), mode: 'separate_civil', filedOn: '2026-01-10', claimedTenge: 100000 } }),
    expect: (role) => (roleMayTakeRedressAction(role, 'file_claim') ? 404 : 403),
  },
  'POST /api/v1/persons/:id/redress/claims/:claimId/award': {
    request: (ctx) => ({
      url: `/api/v1/persons/${ctx.missingId}/redress/claims/${ctx.missingId}/award`,
      payload: { clientId: randomUUID(), awardedTenge: 100000, awardedOn: '2026-01-10' },
    }),
    expect: (role) => (roleMayTakeRedressAction(role, 'record_award') ? 404 : 403),
  },
  'POST /api/v1/persons/:id/redress/claims/:claimId/payments': {
    request: (ctx) => ({
      url: `/api/v1/persons/${ctx.missingId}/redress/claims/${ctx.missingId}/payments`,
      payload: { clientId: randomUUID(), paidOn: '2026-01-10', amountTenge: 1000, source: 'state_fund' },
    }),
    expect: (role) => (roleMayTakeRedressAction(role, 'record_payment') ? 404 : 403),
  },
  // --- legal aid (issue #11): the lawyer's scope and each action's authority in legal-aid.int.test.ts ---
  'GET /api/v1/persons/:id/legal-aid': { request: () => ({}), expect: 404 },
  'POST /api/v1/persons/:id/legal-aid': {
    request: (ctx) => ({ payload: { clientId: randomUUID(), lawyerId: ctx.missingId, funding: 'pro_bono', assignedOn: '2026-01-10' } }),
    expect: (role) => (roleMayTakeRedressAction(role, 'assign_lawyer') ? 404 : 403),
  },
  'POST /api/v1/legal-aid/:assignmentId/end': {
    request: (ctx) => ({ url: `/api/v1/legal-aid/${ctx.missingId}/end`, payload: { clientId: randomUUID(), endedOn: '2026-01-10' } }),
    expect: (role) => (roleMayTakeRedressAction(role, 'end_assignment') ? 404 : 403),
  },
  'POST /api/v1/legal-aid/:assignmentId/services': {
    request: (ctx) => ({
      url: `/api/v1/legal-aid/${ctx.missingId}/services`,
      payload: { clientId: randomUUID(), deliveredOn: '2026-01-10', service: 'consultation' },
    }),
    expect: (role) => (roleMayTakeRedressAction(role, 'record_legal_service') ? 404 : 403),
  },
  'GET /api/v1/lawyers': { request: () => ({}), expect: 200 },
  // A lawyer's own clients: no other role has any.
  'GET /api/v1/clients': { request: () => ({}), expect: (role) => (role === 'lawyer' ? 200 : 403) },
  // --- victims in proceedings (issue #11): scopes, refusals and the entitlement link in proceedings.int.test.ts ---
  'GET /api/v1/criminal-cases/:id/victims': { request: () => ({}), expect: 404 },
  'POST /api/v1/criminal-cases/:id/victims': {
    request: (ctx) => ({ payload: { clientId: randomUUID(), personId: ctx.missingId, proceduralRole: 'victim', linkedOn: '2026-01-10' } }),
    expect: (role) => (roleMayTakeCriminalCaseAction(role, 'link_victim') ? 404 : 403),
  },
  'POST /api/v1/criminal-cases/:id/victims/:victimId/update': {
    request: (ctx) => ({
      url: `/api/v1/criminal-cases/${ctx.missingId}/victims/${ctx.missingId}/update`,
      payload: { clientId: randomUUID(), participated: true },
    }),
    expect: (role) => (roleMayTakeCriminalCaseAction(role, 'update_victim') ? 404 : 403),
  },
  'POST /api/v1/criminal-cases/:id/victims/:victimId/interviews': {
    request: (ctx) => ({
      url: `/api/v1/criminal-cases/${ctx.missingId}/victims/${ctx.missingId}/interviews`,
      payload: { clientId: randomUUID(), heldOn: '2026-01-10', place: 'shelter', videoRecorded: true, socialWorkerPresent: true, interpreterPresent: false },
    }),
    expect: (role) => (roleMayTakeCriminalCaseAction(role, 'record_interview') ? 404 : 403),
  },
  'POST /api/v1/criminal-cases/:id/victims/:victimId/measures': {
    request: (ctx) => ({
      url: `/api/v1/criminal-cases/${ctx.missingId}/victims/${ctx.missingId}/measures`,
      payload: { clientId: randomUUID(), measure: 'ppcp_programme', requestedOn: '2026-01-10' },
    }),
    expect: (role) => (roleMayTakeCriminalCaseAction(role, 'request_measure') ? 404 : 403),
  },
  'POST /api/v1/criminal-cases/:id/victims/:victimId/measures/:measureId/decision': {
    request: (ctx) => ({
      url: `/api/v1/criminal-cases/${ctx.missingId}/victims/${ctx.missingId}/measures/${ctx.missingId}/decision`,
      payload: { clientId: randomUUID(), decision: 'granted', on: '2026-01-10', costTenge: 240000 },
    }),
    expect: (role) => (roleMayTakeCriminalCaseAction(role, 'decide_measure') ? 404 : 403),
  },
  'GET /api/v1/persons/:id/proceedings': { request: () => ({}), expect: 404 },
  // --- entitlements (issue #10): record scopes and the actions' authority in entitlements.int.test.ts ---
  'GET /api/v1/persons/:id/entitlements': { request: () => ({}), expect: 404 },
  'POST /api/v1/persons/:id/entitlements/:kind/actions': {
    request: ({ missingId }) => ({
      url: `/api/v1/persons/${missingId}/entitlements/medical/actions`,
      payload: { clientId: randomUUID(), type: 'record_medical_payer', payer: 'ngo' },
    }),
    expect: 404,
  },
  'GET /api/v1/reference/entitlement-rules': { request: () => ({}), expect: 200 },
  'POST /api/v1/reference/entitlement-rules': {
    // A version in force only from 2099: it changes nobody's entitlements today.
    request: () => ({ payload: { ...loadShippedEntitlementRules()[0], version: `2099.${unique()}`, effectiveFrom: '2099-01-01' } }),
    expect: 200,
  },
  // --- documents (issue #10): attachments and generated PDFs; record scopes in documents.int.test.ts ---
  'POST /api/v1/persons/:id/attachments': {
    request: () => ({ headers: uploadHeaders('scan.png'), payload: PNG }),
    expect: 404,
  },
  'GET /api/v1/persons/:id/attachments': { request: () => ({}), expect: 404 },
  'GET /api/v1/attachments/:id': { request: () => ({}), expect: 404 },
  'GET /api/v1/persons/:id/documents/rights-sheet': { request: () => ({ url: `/api/v1/persons/${randomUUID()}/documents/rights-sheet?lang=uz` }), expect: 404 },
  'GET /api/v1/referrals/:id/letter': { request: () => ({}), expect: 404 },
  // --- referrals and consents (issue #10): scopes, sides and consent in referrals.int.test.ts ---
  'GET /api/v1/referrals': { request: () => ({}), expect: 200 },
  'GET /api/v1/referrals/eligible-providers': { request: (ctx) => ({ url: `/api/v1/referrals/eligible-providers?caseId=${ctx.missingId}` }), expect: 404 },
  'POST /api/v1/referrals': {
    request: (ctx) => ({
      payload: { clientId: randomUUID(), caseId: ctx.missingId, providerId: ctx.missingId, services: ['shelter'], consentId: ctx.missingId },
    }),
    expect: 404,
  },
  'GET /api/v1/referrals/:id': { request: () => ({}), expect: 404 },
  // A role that never takes the action is refused before the lookup (core REFERRAL_ACTION_RULES).
  'POST /api/v1/referrals/:id/actions': {
    request: () => ({ payload: { clientId: randomUUID(), action: { type: 'declined', text: 'No places' } } }),
    expect: (role) => (roleMayTakeReferralAction(role, 'declined') ? 404 : 403),
  },
  'GET /api/v1/persons/:id/consents': { request: () => ({}), expect: 404 },
  'POST /api/v1/persons/:id/consents': {
    request: (ctx) => ({ payload: { clientId: randomUUID(), providerId: ctx.missingId, shares: ['identity'], validUntil: '2099-12-31', givenBy: 'person' } }),
    expect: 404,
  },
  'POST /api/v1/consents/:id/withdraw': { request: () => ({}), expect: 404 },
  'GET /api/v1/reference/referral-rules': { request: () => ({}), expect: 200 },
  'POST /api/v1/reference/referral-rules': { request: () => ({ payload: loadReferralRules() }), expect: 200 },
  'POST /api/v1/reference/criminal-articles': { request: () => ({ payload: loadShippedCriminalArticles()[0] }), expect: 200 },
  // --- justice figures (issue #11): counts within the reader's scope, justice-figures.int.test.ts ---
  'GET /api/v1/justice/figures': { request: () => ({ url: '/api/v1/justice/figures?year=2026' }), expect: 200 },
  // Statistics, funding, official figures and data exchange (issues #13, #14): access-matrix-reporting.routes.ts.
  ...REPORTING_ROUTES,
  // --- the API itself --------------------------------------------------------------------------
  'GET /api/openapi.json': { request: () => ({}), expect: 200, anonymous: 200 },
};
