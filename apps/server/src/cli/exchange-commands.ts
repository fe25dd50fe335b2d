import { readFileSync, writeFileSync } from 'node:fs';
import { asc, eq } from 'drizzle-orm';
import { type Actor, DomainError, HtcdsExportQuery, hasPermission, OpenDatasetQuery, type Role } from '@qorgau/core';
import type { Config } from '../config.ts';
import { users } from '../db/schema.ts';
import { createHtcdsExportService } from '../modules/exchange/htcds-export.service.ts';
import { createHtcdsImportService } from '../modules/exchange/htcds-import.service.ts';
import { createOpenDatasetService } from '../modules/exchange/open-dataset.service.ts';
import { openRuntime } from '../runtime/runtime.ts';
import type { AppDeps } from '../app-deps.ts';

/** The command line acts for the installation (whoever runs it holds the database and its key): nationally, audited with no actor. */
const installation = (agencyId: string): Actor => ({
  userId: '00000000-0000-4000-8000-000000000000',
  role: 'national_coordinator',
  agencyId,
  jurisdiction: { national: true, regions: [] },
});
const AUDIT = { actor: null, ip: null };

/**
 * Whose records the imported ones become: the user named, else the agency's first active user
 * whose role may import (records need an author; the audit entry says the command line made them).
 */
async function importingUser(deps: AppDeps, agencyId: string | undefined, username: string | undefined) {
  const all = await deps.db
    .select({ id: users.id, username: users.username, role: users.role, agencyId: users.agencyId, disabled: users.disabled })
    .from(users)
    .where(username ? eq(users.username, username) : agencyId ? eq(users.agencyId, agencyId) : undefined)
    .orderBy(asc(users.createdAt));
  return all.find((u) => !u.disabled && hasPermission(u.role as Role, 'htcds.import') && (!agencyId || !username || u.agencyId === agencyId)) ?? null;
}

const fieldMessages = (deps: AppDeps, e: DomainError) =>
  e.fields.map((f) => `${f.path}: ${deps.translator.t('en', `validation.${f.code}`, f.params)}`).join('; ') || e.code;

/** `qorgau import htcds`: 0 taken in (or checked) with no bad row, 1 bad rows reported (good rows kept), 2 refused. */
export async function importHtcdsCommand(config: Config, v: { input: string; dryRun: boolean; agency?: string; user?: string }): Promise<number> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(v.input);
  } catch {
    console.error(`qorgau import htcds: cannot read ${v.input}`);
    return 2;
  }
  const rt = await openRuntime(config, { allowCreateKey: false });
  try {
    const user = await importingUser(rt.deps, v.agency, v.user);
    if (!user) {
      console.error(
        `qorgau import htcds: no active user ${v.user ? `"${v.user}" ` : ''}who may import${v.agency ? ` in agency ${v.agency}` : ''}: name one with --user`,
      );
      return 2;
    }
    const agencyId = v.agency ?? user.agencyId;
    const result = await createHtcdsImportService(rt.deps).import({ actor: installation(agencyId), userId: user.id }, AUDIT, bytes, {
      dryRun: v.dryRun,
      agencyId,
      locale: 'en',
    });
    for (const i of result.issues) console.log(`row ${i.row}, ${i.column}: ${i.message}`);
    if (result.issuesTotal > result.issues.length) console.log(`… ${result.issuesTotal - result.issues.length} more issues (the web report lists them all)`);
    console.error(
      `qorgau import htcds: ${result.dryRun ? 'checked (nothing written)' : 'imported'}: ${result.rowsRead} rows, ${result.created} new records, ` +
        `${result.alreadyImported} already imported, ${result.linked} linked to persons already in the register, ${result.rejected} rows refused; ` +
        `SHA-256 ${result.sha256}${result.unknownColumns.length ? `; columns ignored: ${result.unknownColumns.join(', ')}` : ''}`,
    );
    return result.rejected ? 1 : 0;
  } catch (e) {
    if (e instanceof DomainError) {
      console.error(`qorgau import htcds: refused: ${fieldMessages(rt.deps, e)}`);
      return 2;
    }
    throw e;
  } finally {
    await rt.close();
  }
}

/** `qorgau export htcds`: a year's records, nationally and pseudonymised, as the national coordinator sees them (no account here may see a name). */
export async function exportHtcdsCommand(config: Config, v: { year?: string; output?: string; lang?: string }): Promise<number> {
  const format = v.output?.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';
  const parsed = HtcdsExportQuery.safeParse({ year: v.year, format, lang: v.lang ?? 'en' });
  if (!parsed.success || !v.output) {
    console.error('qorgau export htcds: give --year YYYY and --output FILE.xlsx or FILE.csv (--lang en, ru or kk)');
    return 2;
  }
  const rt = await openRuntime(config, { allowCreateKey: false });
  try {
    const file = await createHtcdsExportService(rt.deps).export(installation('00000000-0000-4000-8000-000000000000'), AUDIT, parsed.data);
    writeFileSync(v.output, file.body, { mode: 0o600 });
    console.error(`qorgau export htcds: ${file.rows} records of ${parsed.data.year} written to ${v.output}`);
    return 0;
  } finally {
    await rt.close();
  }
}

/** `qorgau export open-dataset`: the k-anonymous dataset of the years (the whole register, as from the web), or the reason it cannot be published. */
export async function exportOpenDatasetCommand(config: Config, v: { from?: string; to?: string; output?: string; lang?: string }): Promise<number> {
  const format = v.output?.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv';
  const parsed = OpenDatasetQuery.safeParse({ from: v.from, to: v.to, format, lang: v.lang ?? 'en' });
  if (!parsed.success || !v.output) {
    console.error('qorgau export open-dataset: give --output FILE.csv or FILE.xlsx (and --from YYYY, --to YYYY, --lang en, ru or kk)');
    return 2;
  }
  const rt = await openRuntime(config, { allowCreateKey: false });
  try {
    const { dataset, file } = await createOpenDatasetService(rt.deps).publish(AUDIT, parsed.data);
    writeFileSync(v.output, file as Buffer);
    const r = dataset.report;
    const levels = Object.entries(r.levels)
      .map(([attribute, level]) => `${attribute} ${level}`)
      .join(', ');
    console.error(
      `qorgau export open-dataset: ${r.published} of ${r.records} identified victims of ${r.from}–${r.to} written to ${v.output}; ` +
        `k = ${r.k}, reached ${r.kReached}; ${r.suppressed} left out; levels: ${levels}`,
    );
    return 0;
  } catch (e) {
    if (e instanceof DomainError) {
      console.error(`qorgau export open-dataset: refused: ${fieldMessages(rt.deps, e)}`);
      return 1;
    }
    throw e;
  } finally {
    await rt.close();
  }
}
