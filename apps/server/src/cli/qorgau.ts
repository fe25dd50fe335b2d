import { restrictProcessUmask } from '../runtime/data-dir-permissions.ts';
import { EXIT, parseCommandLine } from './command-table.ts';

/** Values as validated by the command table: integers are digits, required options are present. */
type Values = Record<string, string | boolean | undefined>;
const str = (v: Values, name: string) => v[name] as string | undefined;
const int = (v: Values, name: string) => (v[name] === undefined ? undefined : Number(v[name]));

/**
 * What each command of the table (command-table.ts) does. Handlers are imported when run, so
 * that help and usage errors answer without loading the database or the server.
 * Exit codes: 0 done, 1 failed, 3 audit chain or checkpoint broken; -1: keep running (start).
 */
const HANDLERS: Record<string, (values: Values) => Promise<number>> = {
  start: async () => {
    const { startServer } = await import('../main.ts');
    await startServer(await config());
    return -1;
  },
  migrate: async () => (await import('./commands.ts')).migrateCommand(await config()),
  seed: async (v) =>
    (await import('./commands.ts')).seedCommand(await config(), {
      persons: int(v, 'persons') ?? 1000,
      seed: int(v, 'seed') ?? 2026,
      start: int(v, 'start'),
      years: int(v, 'years'),
    }),
  'audit verify': async (v) =>
    (await import('./audit-commands.ts')).auditVerifyCommand(await config(), { checkpoint: str(v, 'checkpoint'), publicKey: str(v, 'public-key') }),
  'audit checkpoint': async (v) => (await import('./audit-commands.ts')).auditCheckpointCommand(await config(), { output: str(v, 'output') }),
  'audit public-key': async () => (await import('./audit-commands.ts')).auditPublicKeyCommand(await config()),
  'keys rotate': async () => (await import('./commands.ts')).keysRotateCommand(await config()),
  link: async () => (await import('./commands.ts')).linkCommand(await config()),
  report: async (v) =>
    (await import('./report-command.ts')).reportCommand(await config(), {
      year: str(v, 'year'),
      lang: str(v, 'lang'),
      format: str(v, 'format'),
      edition: str(v, 'edition'),
      output: str(v, 'output'),
    }),
  'import htcds': async (v) =>
    (await import('./exchange-commands.ts')).importHtcdsCommand(await config(), {
      input: str(v, 'input') as string,
      dryRun: Boolean(v['dry-run']),
      agency: str(v, 'agency'),
      user: str(v, 'user'),
    }),
  'export htcds': async (v) =>
    (await import('./exchange-commands.ts')).exportHtcdsCommand(await config(), { year: str(v, 'year'), output: str(v, 'output'), lang: str(v, 'lang') }),
  'export open-dataset': async (v) =>
    (await import('./exchange-commands.ts')).exportOpenDatasetCommand(await config(), {
      from: str(v, 'from'),
      to: str(v, 'to'),
      output: str(v, 'output'),
      lang: str(v, 'lang'),
    }),
  'entitlements remind': async () => (await import('../modules/entitlements/entitlements.command.ts')).entitlementsRemindCommand(await config()),
  'referrals escalate': async () => (await import('./referral-commands.ts')).referralsEscalateCommand(await config()),
  // No database: file-to-file jobs an analyst (or a partner country) can run anywhere.
  dedup: async (v) => {
    const { dedup, formatDedupSummary } = await import('./dedup.ts');
    const s = dedup(str(v, 'input') as string, str(v, 'output') as string, { encoded: Boolean(v.encoded) });
    for (const line of formatDedupSummary(s)) console.error(line);
    return 0;
  },
  encode: async (v) => {
    const { encodeCsv } = await import('./dedup.ts');
    const e = encodeCsv(str(v, 'input') as string, str(v, 'output') as string, str(v, 'key-file') as string);
    const notUnderstood = Object.entries(e.notUnderstood).filter(([, n]) => n > 0);
    console.error(
      `qorgau encode: ${e.rows} rows encoded${notUnderstood.length ? `; values not understood (treated as missing): ${notUnderstood.map(([f, n]) => `${f} ${n}`).join(', ')}` : ''}`,
    );
    return 0;
  },
};

async function config() {
  return (await import('../config.ts')).loadConfig();
}

async function main(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv);
  if (parsed.kind === 'help') {
    console.log(parsed.text);
    return EXIT.ok;
  }
  if (parsed.kind === 'usage-error') {
    console.error(`qorgau: ${parsed.message}\n\n${parsed.usage}`);
    return EXIT.usage;
  }
  const handler = HANDLERS[parsed.command.name];
  if (!handler) throw new Error(`no handler for ${parsed.command.name}`);
  // Before anything touches the disk: the database, key file and outputs are owner-only.
  restrictProcessUmask();
  return handler(parsed.values);
}

/** Known operator mistakes get their message; anything else only its class (no data in output). */
async function describeFailure(e: unknown): Promise<string> {
  const [{ ConfigError }, { KeyFileError }, { DataDirLockedError }, { ReferenceDataError }, { DedupInputError }, { CheckpointError }] = await Promise.all([
    import('../config.ts'),
    import('../crypto/keyring.ts'),
    import('../runtime/data-dir-lock.ts'),
    import('../reference/screening-reference.ts'),
    import('./dedup.ts'),
    import('../audit/audit-checkpoint.ts'),
  ]);
  const known = [ConfigError, KeyFileError, DataDirLockedError, ReferenceDataError, DedupInputError, CheckpointError].some((k) => e instanceof k);
  if (known) return (e as Error).message;
  // A database error's own message carries the query's parameters (ciphertext, blind indexes):
  // print its PostgreSQL code and reason only.
  const cause = (e as { cause?: { code?: string; message?: string } })?.cause;
  const reason = cause?.code ? `PostgreSQL ${cause.code}: ${cause.message ?? ''}` : ((e as Error)?.message ?? '');
  return `failed (${(e as Error)?.name ?? 'error'}: ${reason})`;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  async (e: unknown) => {
    const message = await describeFailure(e).catch(() => `failed (${(e as Error)?.name ?? 'error'})`);
    console.error(`qorgau: ${message}`);
    process.exit(EXIT.failed);
  },
);
