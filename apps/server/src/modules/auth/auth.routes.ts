import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ChangePasswordBody, Me, Ok, SignInBody, TotpConfirmBody, TotpEnrolment } from '@qorgau/core';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { actorOf, auditContextOf, SESSION_COOKIE } from '../../auth/auth.plugin.ts';
import { createAuthService } from './auth.service.ts';

export const authRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const auth = createAuthService(deps);
    // Why: httpOnly keeps the token from scripts; SameSite=Strict keeps it off cross-site
    // requests; Secure whenever TLS is in front. No Max-Age: it dies with the browser.
    const setCookie = (reply: FastifyReply, token: string) =>
      reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: deps.config.behindTls, path: '/' });
    const Empty = z.object({}).optional();

    app.post(
      '/auth/sign-in',
      {
        config: {
          access: 'public',
          rateLimit: { max: deps.config.signInRatePerMinute, timeWindow: 60_000 },
        },
        schema: { tags: ['auth'], body: SignInBody, response: { 200: Me } },
      },
      async (req, reply) => {
        const { me, token } = await auth.signIn(auditContextOf(req), req.body);
        setCookie(reply, token);
        return me;
      },
    );

    app.post(
      '/auth/sign-out',
      {
        config: { access: 'authenticated', stages: ['enroll_totp', 'change_password'] },
        schema: { tags: ['auth'], body: Empty, response: { 200: Ok } },
      },
      async (req, reply) => {
        await auth.signOut(actorOf(req), auditContextOf(req));
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    );

    app.get(
      '/auth/me',
      {
        config: { access: 'authenticated', stages: ['enroll_totp', 'change_password'] },
        schema: { tags: ['auth'], response: { 200: Me } },
      },
      async (req) => auth.me(actorOf(req)),
    );

    app.post(
      '/auth/totp/enroll',
      {
        config: { access: 'authenticated', stages: ['enroll_totp'] },
        schema: { tags: ['auth'], body: Empty, response: { 200: TotpEnrolment } },
      },
      async (req) => auth.enrollTotp(actorOf(req)),
    );

    app.post(
      '/auth/totp/confirm',
      {
        config: { access: 'authenticated', stages: ['enroll_totp'] },
        schema: { tags: ['auth'], body: TotpConfirmBody, response: { 200: Me } },
      },
      async (req) => auth.confirmTotp(actorOf(req), auditContextOf(req), req.body.code),
    );

    app.post(
      '/auth/password',
      {
        config: { access: 'authenticated', stages: ['change_password'] },
        schema: { tags: ['auth'], body: ChangePasswordBody, response: { 200: Me } },
      },
      async (req, reply) => {
        const { me, token } = await auth.changePassword(actorOf(req), auditContextOf(req), req.body.currentPassword, req.body.newPassword);
        setCookie(reply, token);
        return me;
      },
    );
  };
