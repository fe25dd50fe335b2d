import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';

/**
 * Security headers: scripts only from our own origin (no inline, no third party), styles may
 * be inline (Mantine's runtime styles need it), images from us or data: URIs (the TOTP QR),
 * no framing. HSTS and upgrade-insecure-requests only when TLS is in front of us.
 */
export async function registerSecurity(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.behindTls ? [] : null,
      },
    },
    hsts: config.behindTls ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
  });
  // Per-route limits only (sign-in); the global limiter is off so the API is not throttled.
  await app.register(rateLimit, { global: false });
}
