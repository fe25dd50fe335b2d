import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { KeyFileError } from '../crypto/keyring.ts';
import { DataDirLockedError } from '../runtime/data-dir-lock.ts';
import { ReferenceDataError } from '../reference/screening-reference.ts';
import { auditVerifyCommand, keysRotateCommand, migrateCommand, seedCommand } from './commands.ts';
import { startServer } from '../main.ts';
import { DedupInputError, dedupCsv } from './dedup.ts';

const USAGE = `usage: qorgau <command>
  start                      start the server (same as npm start)
  migrate                    apply database migrations and exit
  seed --persons N [--seed S] [--start I]
                             add N synthetic persons with cases (organisations first if empty)
  audit verify               check the audit log's hash chain; non-zero exit names the first broken entry
  keys rotate                re-encrypt personal data under a new key (stop servers first)
  dedup --input F.csv --output G.csv
                             link the rows of a CSV file; writes id,cluster_id for every row`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { persons: { type: 'string' }, seed: { type: 'string' }, start: { type: 'string' }, input: { type: 'string' }, output: { type: 'string' }, help: { type: 'boolean' } },
  });
  const [cmd, sub] = positionals;
  if (values.help || !cmd) {
    console.log(USAGE);
    return cmd ? 0 : 2;
  }
  if (cmd === 'dedup') {
    // No database, no key file: a file-to-file job an analyst can run anywhere.
    if (!values.input || !values.output) {
      console.error(USAGE);
      return 2;
    }
    const s = dedupCsv(values.input, values.output);
    console.error(`qorgau dedup: ${s.rows} rows, ${s.clusters} clusters, ${s.malformedValues} malformed values ignored, ${s.seconds.toFixed(2)} s`);
    return 0;
  }
  const config = loadConfig();
  switch (`${cmd}${sub ? ` ${sub}` : ''}`) {
    case 'start':
      await startServer(config);
      return -1;
    case 'migrate':
      return migrateCommand(config);
    case 'seed':
      return seedCommand(config, { persons: Number(values.persons ?? 1000), seed: Number(values.seed ?? 2026), start: values.start ? Number(values.start) : undefined });
    case 'audit verify':
      return auditVerifyCommand(config);
    case 'keys rotate':
      return keysRotateCommand(config);
    default:
      console.error(USAGE);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (e: unknown) => {
    // Known operator mistakes get their message; anything else only its class (no data in output).
    const known = e instanceof ConfigError || e instanceof KeyFileError || e instanceof DataDirLockedError || e instanceof ReferenceDataError || e instanceof DedupInputError;
    console.error(`qorgau: ${known ? (e as Error).message : `failed (${(e as Error)?.name ?? 'error'}: ${(e as Error)?.message ?? ''})`}`);
    process.exit(1);
  },
);
