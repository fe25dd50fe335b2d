import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.ts';
import { startAuditBackground } from './audit/audit-background.ts';
import { proxyWarning, type Config } from './config.ts';
import { openRuntime } from './runtime/runtime.ts';
import { restrictProcessUmask } from './runtime/data-dir-permissions.ts';
import { isSeeded, readDemoCredentials, seedDemo } from './seed/seed-demo.ts';
import { linkageJobFor } from './modules/linkage/linkage-job.ts';
import { modelStoreFor } from './modules/linkage/linkage-model.ts';
import { startEntitlementReminders } from './modules/entitlements/entitlement-reminders.ts';
import { startReferralEscalation } from './modules/referrals/referral-escalation.ts';

const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Composition root: config → database (migrated, key checked) → seed on first start → app → listen. */
export async function startServer(config: Config): Promise<void> {
  restrictProcessUmask();
  const t0 = Date.now();
  const rt = await openRuntime({ ...config, webDist: config.webDist ?? WEB_DIST }, { allowCreateKey: true });
  let seededNow = false;
  if (config.seed === 'demo' && !(await isSeeded(rt.deps))) {
    // Organisations, the caseload, the linkage run and every workflow in motion (docs/demo.md).
    await seedDemo(rt.deps, { persons: config.seedPersons, seed: 2026 });
    seededNow = true;
  }
  const app = await buildApp(rt.deps);
  const proxy = proxyWarning(config);
  if (proxy) app.log.warn(proxy);
  // Audit entries are linked into the keyed chain and checkpointed in the background (ADR 0007).
  const audit = startAuditBackground(rt.deps.db, rt.auditKeys, rt.deps.config, app.log);
  // Referrals not answered by their deadline escalate (issue #10); `qorgau referrals escalate` runs one sweep.
  const stopEscalation = startReferralEscalation(rt.deps, config.referral.escalationMinutes, app.log);
  // A bulk linkage run left behind by a stopped server resumes where it stopped.
  void linkageJobFor(rt.deps).current();
  // Entitlement clocks move with the days: the reminder sweep runs soon after start, then every six hours.
  const reminders = startEntitlementReminders(rt.deps, app.log);
  const shutdown = async () => {
    stopEscalation();
    reminders.stop();
    await app.close();
    await audit.stop();
    await rt.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  const address = await app.listen({ port: config.port, host: config.host });
  printBanner(config, address, seededNow, Date.now() - t0);
  // Load the linkage model now (before any run: estimated from synthetic data, about half a
  // second), not in the first officer's request.
  setImmediate(() => void modelStoreFor(rt.deps.db).current(rt.deps.db));
}

/** A path under the working directory as ./relative, any other as it is. */
function shortPath(p: string): string {
  const r = relative(process.cwd(), p);
  return r.startsWith('..') || isAbsolute(r) ? p : `./${r}`;
}

function printBanner(config: Config, address: string, seededNow: boolean, ms: number): void {
  const db = config.database.kind === 'pglite' ? `embedded PostgreSQL in ${config.dataDir}` : 'PostgreSQL server (DATABASE_URL)';
  const lines = [`Qorgau is running at ${address.replace('127.0.0.1', 'localhost')}  (${db}, ready in ${ms} ms${seededNow ? ', demo data seeded' : ''})`];
  const creds = config.seed === 'demo' ? readDemoCredentials(config.dataDir) : null;
  if (creds) {
    lines.push('', 'Demo sign-in (demo data only; every account uses two-factor sign-in):', `  password for every account: ${creds.password}`);
    lines.push('  add an account to an authenticator app with its secret (or open the otpauth:// link on a phone):');
    for (const a of creds.accounts) lines.push(`  ${a.username.padEnd(15)} ${a.role.padEnd(24)} secret ${a.totpSecret}`);
    lines.push(`  secrets and otpauth links: ${shortPath(join(config.dataDir, 'demo-credentials.json'))}`);
  }
  lines.push(
    '',
    'Read more: README.md (getting started, configuration), docs/ (deploying, keys, audit log); npx qorgau --help for the command line.',
    config.logLevel === 'info' || config.logLevel === 'debug'
      ? 'Requests are logged below, one line each (LOG_LEVEL=warn hides them; LOG_FORMAT=json for a log collector). Ctrl+C stops the server.'
      : `Logging at LOG_LEVEL=${config.logLevel}: no request lines. Ctrl+C stops the server.`,
    '',
  );
  console.log(lines.join('\n'));
}
