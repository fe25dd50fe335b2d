import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
// request.cookies / reply.clearCookie come from this plugin's type augmentation.
import type {} from '@fastify/cookie';
import type { z } from 'zod';
import {
  DomainError,
  hasPermission,
  type Actor,
  type Jurisdiction,
  type JurisdictionSchema,
  type RegionCode,
  type Permission,
  type Role,
  type SessionStage,
} from '@qorgau/core';
import type { AppDeps } from '../app-deps.ts';
import type { AuditContext } from '../audit/audit.repository.ts';
import { pickLocale, type Locale } from '../http/i18n.ts';
import { deleteSession, findSession, tokenHashOf, touchSession, type SessionRow } from './session.repository.ts';

/** `public`: no session; `authenticated`: any signed-in user; otherwise a permission. */
export type RouteAccess = Permission | 'public' | 'authenticated';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Session stages besides `active` that may call this route (enrolment, password change). */
    stages?: SessionStage[];
  }
  interface FastifyRequest {
    locale: Locale;
    auth: AuthContext | null;
  }
  interface FastifyInstance {
    /** Every API route with its declared access, for the access-matrix test and docs. */
    declaredRoutes: DeclaredRoute[];
  }
}

export interface DeclaredRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

export interface AuthContext {
  tokenHash: string;
  csrfToken: string;
  stage: SessionStage;
  actor: Actor;
  user: SessionRow['user'];
  agency: SessionRow['agency'];
  /** Failed sign-ins the owner is told of for the length of the session (sign-in-lockout.ts). */
  notice: SessionRow['session']['notice'];
}

export const SESSION_COOKIE = 'qorgau_session';
const TOUCH_EVERY_MS = 60_000;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Regions are validated against ISO 3166-2:KZ on the way in; rows are trusted on the way out. */
export function jurisdictionOf(user: { national: boolean; regions: string[] }): Jurisdiction & z.infer<typeof JurisdictionSchema> {
  return user.national ? { national: true, regions: [] } : { national: false, regions: user.regions as RegionCode[] };
}

export function auditContextOf(request: FastifyRequest): AuditContext {
  const a = request.auth;
  return {
    actor: a ? { id: a.user.id, username: a.user.username, role: a.user.role, agencyId: a.user.agencyId } : null,
    ip: request.ip ?? null,
  };
}

/** The signed-in actor of a route that declared a permission (the hook guarantees one). */
export function actorOf(request: FastifyRequest): AuthContext {
  if (!request.auth) throw new DomainError('unauthenticated');
  return request.auth;
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Runs before body parsing and validation, so an unauthorised caller learns nothing about
 * a route's input contract. Order: session → idle/absolute timeout → stage → CSRF → permission.
 */
export function registerAuth(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest('locale', 'kk');
  app.decorateRequest('auth', null);

  const declared: DeclaredRoute[] = [];
  app.decorate('declaredRoutes', declared);
  // Why: a route without a declared permission would be open by accident; refuse to start.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`route ${String(route.method)} ${route.url} declares no access permission`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') declared.push({ method, url: route.url, access });
  });

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    request.locale = pickLocale(request.headers['accept-language']);
    const access = request.routeOptions.config?.access;
    if (!access || access === 'public') return;
    const token = request.cookies[SESSION_COOKIE];
    const row = token ? await findSession(deps.db, tokenHashOf(token)) : null;
    const now = new Date();
    if (!row) throw new DomainError('unauthenticated');
    const idleExpired = now.getTime() - row.session.lastSeenAt.getTime() > deps.config.session.idleMs;
    if (idleExpired || row.session.expiresAt < now || row.user.disabled) {
      await deleteSession(deps.db, row.session.tokenHash);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      throw new DomainError('unauthenticated');
    }
    const stage = row.session.stage as SessionStage;
    if (stage !== 'active' && !request.routeOptions.config?.stages?.includes(stage)) {
      throw new DomainError(stage === 'enroll_totp' ? 'two_factor_not_enrolled' : 'password_change_required');
    }
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameToken(header, row.session.csrfToken)) throw new DomainError('csrf_failed');
    }
    const role = row.user.role as Role;
    request.auth = {
      tokenHash: row.session.tokenHash,
      csrfToken: row.session.csrfToken,
      stage,
      user: row.user,
      agency: row.agency,
      notice: row.session.notice,
      actor: { userId: row.user.id, role, agencyId: row.user.agencyId, jurisdiction: jurisdictionOf(row.user) },
    };
    // Checked once the caller is known, so the refusal is audited with who tried (access-denied.ts).
    if (access !== 'authenticated' && !hasPermission(role, access)) throw new DomainError('forbidden');
    // Only a permitted request keeps the session alive: refused ones do not reset the idle timer.
    if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await touchSession(deps.db, row.session.tokenHash, now);
  });
}
