import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { KeyFileError } from '../crypto/keyring.ts';
import { CheckpointError } from '../audit/audit-checkpoint.ts';
import { DataDirLockedError } from '../runtime/data-dir-lock.ts';
import { restrictProcessUmask } from '../runtime/data-dir-permissions.ts';
import { ReferenceDataError } from '../reference/screening-reference.ts';
import { auditCheckpointCommand, auditPublicKeyCommand, auditVerifyCommand } from './audit-commands.ts';
import { keysRotateCommand, linkCommand, migrateCommand, seedCommand } from './commands.ts';
import { startServer } from '../main.ts';
import { DedupInputError, dedup, encodeCsv } from './dedup.ts';

const USAGE = `usage: qorgau <command>
  start                      start the server (same as npm start)
  migrate                    apply database migrations and exit
  seed --persons N [--seed S] [--start I]
                             add N synthetic persons with cases (organisations first if empty)
  audit verify [--checkpoint F] [--public-key P]
                             link pending audit entries, check the keyed chain and the latest signed
                             checkpoint (or F); exit 3 names the first broken entry
  audit checkpoint [--output F]
                             sign the audit chain's head (Ed25519); to stdout or file F
  audit public-key           print the checkpoint public key (PEM) for auditors
  keys rotate                re-encrypt personal data under a new key (stop servers first)
  link                       link every person in the database (the bulk linkage job; resumes a stopped run)
  dedup --input F --output G.csv [--encoded]
                             link the rows of a CSV file (or of 'encode' output); writes id,cluster_id
  encode --input F.csv --output G.jsonl --key-file K
                             keyed Bloom-filter encodings for privacy-preserving linkage`;

async function main(argv: string[]): Promise<number> {
  // Before anything touches the disk: the database, key file and outputs are owner-only.
  restrictProcessUmask();
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      persons: { type: 'string' },
      seed: { type: 'string' },
      start: { type: 'string' },
      input: { type: 'string' },
      output: { type: 'string' },
      encoded: { type: 'boolean' },
      'key-file': { type: 'string' },
      checkpoint: { type: 'string' },
      'public-key': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const [cmd, sub] = positionals;
  if (values.help || !cmd) {
    console.log(USAGE);
    return cmd ? 0 : 2;
  }
  if (cmd === 'dedup' || cmd === 'encode') {
    // No database: file-to-file jobs an analyst (or a partner country) can run anywhere.
    if (!values.input || !values.output || (cmd === 'encode' && !values['key-file'])) {
      console.error(USAGE);
      return 2;
    }
    if (cmd === 'encode') {
      const e = encodeCsv(values.input, values.output, values['key-file'] as string);
      console.error(`qorgau encode: ${e.rows} rows encoded, ${e.malformedValues} malformed values ignored`);
      return 0;
    }
    const s = dedup(values.input, values.output, { encoded: Boolean(values.encoded) });
    if (s.ignoredColumns.length) console.error(`qorgau dedup: ignored columns: ${s.ignoredColumns.join(', ')}`);
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
      return seedCommand(config, {
        persons: Number(values.persons ?? 1000),
        seed: Number(values.seed ?? 2026),
        start: values.start ? Number(values.start) : undefined,
      });
    case 'audit verify':
      return auditVerifyCommand(config, { checkpoint: values.checkpoint, publicKey: values['public-key'] });
    case 'audit checkpoint':
      return auditCheckpointCommand(config, { output: values.output });
    case 'audit public-key':
      return auditPublicKeyCommand(config);
    case 'keys rotate':
      return keysRotateCommand(config);
    case 'link':
      return linkCommand(config);
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
    const known =
      e instanceof ConfigError ||
      e instanceof KeyFileError ||
      e instanceof DataDirLockedError ||
      e instanceof ReferenceDataError ||
      e instanceof DedupInputError ||
      e instanceof CheckpointError;
    // A database error's own message carries the query's parameters (ciphertext, blind indexes):
    // print its PostgreSQL code and reason only.
    const cause = (e as { cause?: { code?: string; message?: string } })?.cause;
    const reason = cause?.code ? `PostgreSQL ${cause.code}: ${cause.message ?? ''}` : ((e as Error)?.message ?? '');
    console.error(`qorgau: ${known ? (e as Error).message : `failed (${(e as Error)?.name ?? 'error'}: ${reason})`}`);
    process.exit(1);
  },
);
