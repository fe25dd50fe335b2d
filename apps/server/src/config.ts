import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';

/** Validated once at start-up; every problem is listed at once, then the process stops. */
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(20),
  QORGAU_DATA_DIR: z.string().default('./data'),
  QORGAU_KEY_FILE: z.string().optional(),
  QORGAU_SEED: z.enum(['demo', 'none']).default('demo'),
  QORGAU_SEED_PERSONS: z.coerce.number().int().min(0).max(1_000_000).default(300),
  /** Set when a TLS-terminating proxy is in front: cookies become Secure, HSTS is sent. Says nothing about client addresses. */
  QORGAU_BEHIND_TLS: z
    .enum(['0', '1', 'true', 'false'])
    .default('0')
    .transform((v) => v === '1' || v === 'true'),
  /**
   * Proxies whose X-Forwarded-For is believed: empty (default, none), a hop count (`1`: the one
   * proxy in front), or a comma list of proxy addresses or CIDRs. Why: a header anyone can send
   * must not choose the address the sign-in and /report rate limits and the audit log use.
   */
  QORGAU_TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((v, ctx) => {
      const parsed = parseTrustedProxies(v);
      if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: parsed });
      return typeof parsed === 'string' ? false : parsed;
    }),
  QORGAU_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  QORGAU_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  QORGAU_SIGNIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  /** Public self-reports accepted per address per 10 minutes (issue #3 item 6). */
  QORGAU_SELF_REPORT_RATE_PER_10_MIN: z.coerce.number().int().min(1).default(5),
  /** Working days an identification unit has to decide after a referral (issue #3). */
  QORGAU_IDENTIFICATION_DAYS: z.coerce.number().int().min(1).max(60).default(5),
  /** Hours a provider has to answer a referral before it escalates (issue #10), unless the provider's entry says otherwise. */
  QORGAU_REFERRAL_ANSWER_HOURS: z.coerce.number().int().min(1).max(720).default(24),
  /** Minutes between sweeps for unanswered referrals in the server (0: none; `qorgau referrals escalate` runs one). */
  QORGAU_REFERRAL_ESCALATION_MINUTES: z.coerce.number().int().min(0).max(1440).default(15),
  /** Largest attachment accepted, in bytes (default 10 MiB; at most 100 MiB: files are held in memory while checked and encrypted). */
  QORGAU_ATTACHMENT_MAX_BYTES: z.coerce.number().int().min(1024).max(104_857_600).default(10_485_760),
  /** E-mail and SMS copies of urgent notices (issue #10): `record` only writes them to outbound_messages; `log` also writes each to the server log. */
  QORGAU_MESSAGES: z.enum(['record', 'log']).default('record'),
  /** Minutes between signed audit checkpoints written by the server (0: none; ADR 0007). */
  QORGAU_AUDIT_CHECKPOINT_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(60),
  /** Where they are written; copy them off the machine (a WORM bucket). Default <data dir>/audit-checkpoints. */
  QORGAU_AUDIT_CHECKPOINT_DIR: z.string().min(1).optional(),
  /** `info` logs one line per request; `warn` keeps only warnings and errors; `silent` nothing. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
  /** `text`: short lines for a terminal (`17:20:01 GET /api/v1/persons 200 12 ms`); `json`: one JSON object per line, for a log collector. */
  LOG_FORMAT: z.enum(['text', 'json']).default('text'),
});

export interface Config {
  port: number;
  host: string;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string; poolSize: number };
  dataDir: string;
  keyFile: string;
  seed: 'demo' | 'none';
  seedPersons: number;
  behindTls: boolean;
  /** Fastify's trustProxy: false (the peer is the client), a hop count, or proxy addresses/CIDRs. */
  trustedProxies: false | number | string[];
  session: { idleMs: number; absoluteMs: number };
  signInRatePerMinute: number;
  selfReportRatePer10Min: number;
  identificationDays: number;
  referral: { answerHours: number; escalationMinutes: number };
  attachmentMaxBytes: number;
  /** The messages adapter (modules/notifications/messages.ts). */
  messages: 'record' | 'log';
  auditCheckpoint: { minutes: number; dir: string };
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  logFormat: z.infer<typeof Env>['LOG_FORMAT'];
  webDist: string | null;
}

export class ConfigError extends Error {}

/**
 * Behind a TLS proxy with no trusted proxy, every client arrives from the proxy's address: one
 * shared sign-in and /report rate limit, one address in the audit log. Worth a start-up warning.
 */
export function proxyWarning(config: Pick<Config, 'behindTls' | 'trustedProxies'>): string | null {
  return config.behindTls && config.trustedProxies === false
    ? 'QORGAU_BEHIND_TLS is set but QORGAU_TRUSTED_PROXIES is not: clients are seen as the proxy (set it to the proxy address, docs/deploying.md)'
    : null;
}

/** Parses QORGAU_TRUSTED_PROXIES; a string result is the reason it is invalid. */
export function parseTrustedProxies(raw: string): false | number | string[] | string {
  const v = raw.trim();
  if (v === '' || v === '0') return false;
  if (/^\d+$/.test(v)) return Number(v) <= 10 ? Number(v) : 'a hop count must be 0 to 10';
  const items = v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const item of items) {
    const [addr, prefix, extra] = item.split('/');
    const family = isIP(addr ?? '');
    const bits = family === 4 ? 32 : 128;
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits);
    if (!family || !prefixOk || extra !== undefined) return `not an IP address or CIDR: ${item}`;
  }
  return items;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.QORGAU_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE }
      : { kind: 'pglite', dataDir: resolve(dataDir, 'pglite') },
    dataDir,
    keyFile: resolve(e.QORGAU_KEY_FILE ?? resolve(dataDir, 'keys', 'keyring.json')),
    seed: e.QORGAU_SEED,
    seedPersons: e.QORGAU_SEED_PERSONS,
    behindTls: e.QORGAU_BEHIND_TLS,
    trustedProxies: e.QORGAU_TRUSTED_PROXIES,
    session: { idleMs: e.QORGAU_SESSION_IDLE_MINUTES * 60_000, absoluteMs: e.QORGAU_SESSION_ABSOLUTE_HOURS * 3_600_000 },
    signInRatePerMinute: e.QORGAU_SIGNIN_RATE_PER_MINUTE,
    selfReportRatePer10Min: e.QORGAU_SELF_REPORT_RATE_PER_10_MIN,
    identificationDays: e.QORGAU_IDENTIFICATION_DAYS,
    referral: { answerHours: e.QORGAU_REFERRAL_ANSWER_HOURS, escalationMinutes: e.QORGAU_REFERRAL_ESCALATION_MINUTES },
    attachmentMaxBytes: e.QORGAU_ATTACHMENT_MAX_BYTES,
    messages: e.QORGAU_MESSAGES,
    auditCheckpoint: { minutes: e.QORGAU_AUDIT_CHECKPOINT_MINUTES, dir: resolve(e.QORGAU_AUDIT_CHECKPOINT_DIR ?? resolve(dataDir, 'audit-checkpoints')) },
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    webDist: null,
  };
}
