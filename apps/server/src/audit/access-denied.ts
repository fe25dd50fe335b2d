import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from 'drizzle-orm';
import type { AppDeps } from '../app-deps.ts';
import { auditContextOf } from '../auth/auth.plugin.ts';
import { rowsOf, type DbOrTx } from '../db/client.ts';
import { errorClassOf } from '../http/error-handler.ts';
import { appendAudit } from './audit.repository.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the error handler when a signed-in caller was refused (403) or got a 404. */
    denial: 'forbidden' | 'not_found' | null;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Tables of victims' records whose ids a probe could name; users and agencies are not secret. */
const RECORD_TABLES = {
  persons: 'person',
  cases: 'case',
  screenings: 'screening',
  self_reports: 'self_report',
  person_link_proposals: 'link_proposal',
} as const;

/** The ids a request named: route parameters, and a body's `personId` (opening a case). */
export function idsNamedBy(request: FastifyRequest): string[] {
  const found = new Set<string>();
  const params = (request.params ?? {}) as Record<string, unknown>;
  for (const v of Object.values(params)) if (typeof v === 'string' && UUID.test(v)) found.add(v.toLowerCase());
  const body = request.body as Record<string, unknown> | null | undefined;
  if (body && typeof body === 'object' && typeof body.personId === 'string' && UUID.test(body.personId)) found.add(body.personId.toLowerCase());
  return [...found];
}

/** The first victim record table holding `id`, ignoring every scope (the probe's target). */
export async function recordTypeOf(db: DbOrTx, id: string): Promise<string | null> {
  const union = sql.join(
    Object.entries(RECORD_TABLES).map(([table, type]) => sql`SELECT ${type}::text AS record_type FROM ${sql.identifier(table)} WHERE id = ${id}::uuid`),
    sql` UNION ALL `,
  );
  const [row] = rowsOf<{ record_type: string }>(await db.execute(sql`${union} LIMIT 1`));
  return row?.record_type ?? null;
}

/**
 * Refused attempts are audited (issue #8), so probing shows in the log: every 403 of a signed-in
 * caller, and every 404 on a victim record id that exists but lies outside the caller's scope.
 * Ids and codes only. Why after the response: the check and the insert happen only when the
 * record exists; doing them before answering would make "exists elsewhere" measurably slower
 * than "does not exist", the very fact a 404 must hide.
 */
export function registerAccessDeniedAudit(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest('denial', null);
  app.addHook('onResponse', async (request, reply) => {
    if (!request.denial || !request.auth) return;
    const details = { method: request.method, route: request.routeOptions.url ?? null, status: reply.statusCode };
    const deny = (recordType: string | undefined, recordId: string | undefined) =>
      appendAudit(deps.db, auditContextOf(request), { operation: 'access.denied', outcome: 'denied', recordType, recordId, details });
    try {
      if (request.denial === 'forbidden') {
        // Every 403 is audited, with the record it named if any.
        const [id] = idsNamedBy(request);
        await deny(id ? ((await recordTypeOf(deps.db, id)) ?? undefined) : undefined, id);
        return;
      }
      // A 404 only when the id names a victim record that exists (out of the caller's scope).
      for (const id of idsNamedBy(request)) {
        const recordType = await recordTypeOf(deps.db, id);
        if (recordType) await deny(recordType, id);
      }
    } catch (e) {
      request.log.error(errorClassOf(e), 'access-denied audit failed');
    }
  });
}
