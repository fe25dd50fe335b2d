import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';

/**
 * The application role's privileges, as the migrations grant them, replayed on a database
 * that has lost them. A backup restored into a new server is restored without owners and
 * privileges (`pg_restore --no-owner --no-privileges`, docs/deploying.md §3): that works
 * whether or not the server already has a `qorgau_app` role, but leaves the role with no
 * grant at all, and the migrations themselves are recorded as applied and will not run again.
 * So `migrate` (and start-up) re-creates the role if it is missing and re-applies every GRANT,
 * REVOKE and default privilege of every migration in order, which ends in exactly the state
 * the migrations left (a later REVOKE still wins over an earlier GRANT ON ALL TABLES).
 */
export function privilegeStatements(migrationsFolder: string): string[] {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { idx: number; tag: string }[] };
  const out: string[] = [];
  for (const { tag } of [...journal.entries].sort((a, b) => a.idx - b.idx)) {
    const sql = readFileSync(join(migrationsFolder, `${tag}.sql`), 'utf8');
    for (const chunk of sql.split('--> statement-breakpoint')) {
      const statement = chunk
        .split('\n')
        .filter((line) => !line.trim().startsWith('--'))
        .join('\n')
        .trim();
      if (/^(GRANT|REVOKE|ALTER\s+DEFAULT\s+PRIVILEGES)\b/i.test(statement)) out.push(statement);
      else if (/^DO\b/i.test(statement) && /\bCREATE\s+ROLE\b/i.test(statement)) out.push(statement);
    }
  }
  return out;
}

/** PostgreSQL's errors for a grant on an object that no longer exists: undefined_table, undefined_function. */
const DROPPED_SINCE = new Set(['42P01', '42883']);

/** True when the privileges were missing and have been re-applied. */
export async function ensureAppPrivileges(client: pg.Client, migrationsFolder: string, appRole: string): Promise<boolean> {
  // CASE, not AND: has_table_privilege raises on a role that does not exist.
  const { rows } = await client.query<{ intact: boolean }>(
    `SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)
       THEN has_table_privilege($1, 'public.audit_log', 'INSERT') AND has_table_privilege($1, 'public.persons', 'SELECT')
       ELSE false END AS intact`,
    [appRole],
  );
  if (rows[0]?.intact) return false;
  await client.query('BEGIN');
  try {
    for (const statement of privilegeStatements(migrationsFolder)) {
      await client.query('SAVEPOINT privileges');
      try {
        await client.query(statement);
        await client.query('RELEASE SAVEPOINT privileges');
      } catch (e) {
        // A grant on a table or function a later migration dropped: nothing to grant any more.
        if (!DROPPED_SINCE.has((e as { code?: string }).code ?? '')) throw e;
        await client.query('ROLLBACK TO SAVEPOINT privileges');
      }
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  }
  return true;
}
