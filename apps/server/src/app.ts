import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from './app-deps.ts';
import { registerAccessDeniedAudit } from './audit/access-denied.ts';
import { registerAuth } from './auth/auth.plugin.ts';
import { registerErrorHandling } from './http/error-handler.ts';
import { loggerOptions, RequestLogController } from './http/logging.ts';
import { registerSecurity } from './http/security.ts';
import { keyFileInsideDataDir } from './runtime/data-dir-permissions.ts';
import { agenciesRoutes } from './modules/agencies/agencies.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { casesRoutes } from './modules/cases/cases.routes.ts';
import { entitlementsRoutes } from './modules/entitlements/entitlements.routes.ts';
import { documentsRoutes } from './modules/documents/documents.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { linkageRoutes } from './modules/linkage/linkage.routes.ts';
import { protectionRoutes } from './modules/protection/protection.routes.ts';
import { defendantsRoutes } from './modules/justice/defendants.routes.ts';
import { proceedingVictimsRoutes } from './modules/justice/proceeding-victims.routes.ts';
import { redressRoutes } from './modules/redress/redress.routes.ts';
import { criminalCasesRoutes } from './modules/justice/criminal-cases.routes.ts';
import { legalAidRoutes } from './modules/legal-aid/legal-aid.routes.ts';
import { personsRoutes } from './modules/persons/persons.routes.ts';
import { providersRoutes } from './modules/providers/providers.routes.ts';
import { referenceRoutes } from './modules/reference/reference.routes.ts';
import { referenceAdminRoutes } from './modules/screenings/reference-admin.routes.ts';
import { screeningsRoutes } from './modules/screenings/screenings.routes.ts';
import { selfReportsRoutes } from './modules/self-reports/self-reports.routes.ts';
import { usersRoutes } from './modules/users/users.routes.ts';
import { notificationsRoutes } from './modules/notifications/notifications.routes.ts';
import { workRoutes } from './modules/work/work.routes.ts';
import { consentsRoutes } from './modules/consents/consents.routes.ts';
import { referralsRoutes } from './modules/referrals/referrals.routes.ts';
import { referralRulesRoutes } from './modules/referrals/referral-rules.routes.ts';
import { justiceFiguresRoutes } from './modules/justice/justice-figures.routes.ts';
import { fundingRoutes } from './modules/funding/funding.routes.ts';
import { recommendationsRoutes } from './modules/recommendations/recommendations.routes.ts';
import { officialFiguresRoutes } from './modules/official-figures/official-figures.routes.ts';
import { exchangeRoutes } from './modules/exchange/exchange.routes.ts';
import { deviceKeysRoutes } from './modules/openrosa/device-keys.routes.ts';
import { openRosaRoutes } from './modules/openrosa/openrosa.routes.ts';
import { statisticsRoutes } from './modules/statistics/statistics.routes.ts';
import { internationalTablesRoutes } from './modules/statistics/international.routes.ts';
import { openDatasetRoutes } from './modules/exchange/open-dataset.routes.ts';

export const API_PREFIX = '/api/v1';

/** Every feature module; the access-matrix test walks the routes they register. */
const MODULES = [
  entitlementsRoutes,
  authRoutes,
  personsRoutes,
  casesRoutes,
  screeningsRoutes,
  referenceAdminRoutes,
  usersRoutes,
  agenciesRoutes,
  auditRoutes,
  referenceRoutes,
  selfReportsRoutes,
  linkageRoutes,
  protectionRoutes,
  defendantsRoutes,
  proceedingVictimsRoutes,
  redressRoutes,
  criminalCasesRoutes,
  legalAidRoutes,
  documentsRoutes,
  workRoutes,
  notificationsRoutes,
  providersRoutes,
  consentsRoutes,
  referralsRoutes,
  referralRulesRoutes,
  justiceFiguresRoutes,
  fundingRoutes,
  recommendationsRoutes,
  officialFiguresRoutes,
  statisticsRoutes,
  internationalTablesRoutes,
  exchangeRoutes,
  deviceKeysRoutes,
  openRosaRoutes,
  openDatasetRoutes,
];

export interface BuildOptions {
  logStream?: NodeJS.WritableStream;
}

/** A hop count trusts the nearest `n` addresses of the chain (proxy-addr's hop semantics). */
function trustProxyOption(t: AppDeps['config']['trustedProxies']) {
  return typeof t === 'number' ? (_addr: string, hop: number) => hop < t : t;
}

export async function buildApp(deps: AppDeps, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(deps.config, opts.logStream),
    // One short line per request instead of Fastify's two.
    logController: new RequestLogController(),
    // Only configured proxies may name the client (QORGAU_TRUSTED_PROXIES); by default the peer is the client.
    trustProxy: trustProxyOption(deps.config.trustedProxies),
    bodyLimit: 1_048_576,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  if (keyFileInsideDataDir(deps.config)) {
    app.log.warn(
      { event: 'key_file_in_data_dir' },
      'the key file is inside the data directory: keep it apart from the database and its backups (docs/keys-and-encryption.md)',
    );
  }

  await registerSecurity(app, deps.config);
  const webDist = deps.config.webDist && existsSync(deps.config.webDist) ? deps.config.webDist : null;
  registerErrorHandling(app, deps.translator, { spa: webDist !== null });
  registerAuth(app, deps);
  registerAccessDeniedAudit(app, deps);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Qorgau API', version: '1' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'qorgau_session' } } },
    },
    transform: jsonSchemaTransform,
  });

  await app.register(healthRoutes(deps));
  await app.register(
    async (api) => {
      for (const mod of MODULES) await api.register(mod(deps));
    },
    { prefix: API_PREFIX },
  );
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  // preCompressed: the build writes .br and .gz next to each script and stylesheet (apps/web/vite.config.ts).
  if (webDist) await app.register(fastifyStatic, { root: webDist, wildcard: false, preCompressed: true });
  await app.ready();
  return app;
}
