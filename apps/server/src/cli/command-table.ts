import { parseArgs } from 'node:util';

/**
 * The command line, declared once: every command's name, summary, options, arguments and the
 * environment variables it reads. Help text and argument validation are generated from this
 * table (no handler sees an argument the table does not declare). Kept free of heavy imports so
 * that `qorgau --help` answers at once.
 */

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** Placeholder shown in usage, e.g. FILE or N (string options). */
  value?: string;
  description: string;
  required?: boolean;
  /** A string option that must be a whole number in this range. */
  integer?: { min: number; max: number };
  default?: string;
}

export interface ArgSpec {
  name: string;
  description: string;
  required?: boolean;
}

export interface CommandSpec {
  /** One word, or two for a group: `audit verify`. */
  name: string;
  summary: string;
  /** Longer explanation printed by `<command> --help`. */
  description?: string;
  options: Record<string, OptionSpec>;
  args: ArgSpec[];
  /** Environment variables the command reads (names from ENV_DOCS). */
  env: readonly EnvName[];
}

/** What each environment variable means; docs/ and README.md give the full picture. */
export const ENV_DOCS = {
  PORT: 'port to listen on (default 3000)',
  HOST: 'address to listen on (default 127.0.0.1)',
  DATABASE_URL: 'PostgreSQL server (postgres://…); unset: embedded PostgreSQL in the data directory',
  DATABASE_POOL_SIZE: 'connections to the PostgreSQL server (default 20)',
  QORGAU_DATA_DIR: 'data directory: embedded database, key file, demo credentials (default ./data)',
  QORGAU_KEY_FILE: 'key file for personal data (default <data dir>/keys/keyring.json; keep it apart in production)',
  QORGAU_SEED: 'demo: seed demo data on first start (default); none: start empty',
  QORGAU_SEED_PERSONS: 'synthetic persons in the demo seed (default 300)',
  QORGAU_BEHIND_TLS: '1 behind a TLS-terminating proxy: Secure cookies and HSTS',
  QORGAU_TRUSTED_PROXIES: 'proxies whose X-Forwarded-For is believed: a hop count or addresses/CIDRs (default: none)',
  QORGAU_SESSION_IDLE_MINUTES: 'session idle timeout (default 30)',
  QORGAU_SESSION_ABSOLUTE_HOURS: 'session absolute lifetime (default 12)',
  QORGAU_SIGNIN_RATE_PER_MINUTE: 'sign-in attempts per address per minute (default 10)',
  QORGAU_SELF_REPORT_RATE_PER_10_MIN: 'public /report submissions per address per 10 minutes (default 5)',
  QORGAU_IDENTIFICATION_DAYS: 'working days to decide an identification (default 5)',
  QORGAU_REFERRAL_ANSWER_HOURS: 'hours a provider has to answer a referral before it escalates (default 24)',
  QORGAU_REFERRAL_ESCALATION_MINUTES: 'minutes between sweeps for unanswered referrals in the server (default 15; 0: none)',
  QORGAU_ATTACHMENT_MAX_BYTES: 'largest attachment accepted, in bytes (default 10485760: 10 MiB)',
  QORGAU_AUDIT_CHECKPOINT_MINUTES: 'minutes between signed audit checkpoints (default 60; 0: none)',
  QORGAU_AUDIT_CHECKPOINT_DIR: 'where checkpoints are written (default <data dir>/audit-checkpoints)',
  LOG_LEVEL: 'fatal, error, warn, info (default), debug or silent; warn hides the per-request lines',
  LOG_FORMAT: 'text (default): one short line per request; json: one JSON object per line',
} as const;
export type EnvName = keyof typeof ENV_DOCS;

const DATABASE_ENV = ['DATABASE_URL', 'DATABASE_POOL_SIZE', 'QORGAU_DATA_DIR', 'LOG_LEVEL'] as const satisfies readonly EnvName[];
const KEYED_ENV = [...DATABASE_ENV, 'QORGAU_KEY_FILE'] as const satisfies readonly EnvName[];

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'start',
    summary: 'start the server (npm start does this after building the web app)',
    description:
      'Opens the database (applying migrations), seeds the demo data on the first start when QORGAU_SEED=demo, and serves the API and the web app. Stops on SIGINT or SIGTERM.',
    options: {},
    args: [],
    env: Object.keys(ENV_DOCS) as EnvName[],
  },
  {
    name: 'migrate',
    summary: 'apply database migrations and exit',
    options: {},
    args: [],
    env: DATABASE_ENV,
  },
  {
    name: 'seed',
    summary: 'add synthetic persons with cases (organisations first if the database is empty)',
    options: {
      persons: { type: 'string', value: 'N', description: 'number of persons to add', integer: { min: 0, max: 10_000_000 }, default: '1000' },
      seed: {
        type: 'string',
        value: 'S',
        description: 'random seed (the same seed gives the same persons)',
        integer: { min: 0, max: 2 ** 31 - 1 },
        default: '2026',
      },
      start: { type: 'string', value: 'I', description: 'index of the first person (to add more to an earlier run)', integer: { min: 0, max: 2 ** 31 - 1 } },
      years: {
        type: 'string',
        value: 'N',
        description: 'spread the cases and decisions over the last N years, more each year (default: the last two and a half years, evenly)',
        integer: { min: 1, max: 30 },
      },
    },
    args: [],
    env: [...KEYED_ENV, 'QORGAU_SEED_PERSONS'],
  },
  {
    name: 'report',
    summary: 'write the annual report for a year (figures from the register, as the TIP report writes them)',
    description:
      'Opens the database as `start` does (DATABASE_URL, else the data directory). The official edition has exact figures (the government submission); the public edition suppresses counts of 1 to 10.',
    options: {
      year: { type: 'string', value: 'YYYY', description: 'the reporting year', required: true, integer: { min: 2000, max: 2100 } },
      lang: { type: 'string', value: 'LANG', description: 'en, ru or kk', default: 'en' },
      format: { type: 'string', value: 'FORMAT', description: 'text, pdf or json', default: 'text' },
      edition: { type: 'string', value: 'EDITION', description: 'official or public', default: 'official' },
      output: { type: 'string', value: 'FILE', description: 'write to FILE instead of stdout (a PDF needs a file)' },
    },
    args: [],
    env: KEYED_ENV,
  },
  {
    name: 'import htcds',
    summary: 'take in an HTCDS 2.0 file (the official Excel templates, or CSV with HTCDS column names); bad rows reported, good rows kept',
    description:
      'Every row is checked against the HTCDS 2.0 picklists first; good rows become persons and cases of the agency (linked to persons already in the register), bad rows are printed with their row, column and reason. Importing the same rows again creates nothing (the key: the agency and a keyed hash of the row values). Exit 0: no bad row; 1: bad rows reported; 2: refused (not an HTCDS file, columns missing, too large).',
    options: {
      input: { type: 'string', value: 'FILE', description: 'the .xlsx or .csv file', required: true },
      'dry-run': { type: 'boolean', description: 'check every row and report, write nothing' },
      agency: { type: 'string', value: 'ID', description: 'the agency the records are taken in for (default: the user’s)' },
      user: { type: 'string', value: 'USERNAME', description: 'the user recorded as their author (default: the agency’s first user who may import)' },
    },
    args: [],
    env: KEYED_ENV,
  },
  {
    name: 'export htcds',
    summary: 'write a year’s records as an HTCDS 2.0 file (.xlsx in the official template’s shape, or .csv)',
    description:
      'The cases whose trafficking status was decided in the year (or, undecided, opened in it), with every HTCDS field Qorgau holds, nationally and pseudonymised as the national coordinator sees them: names, birth dates, documents, contacts and free texts are left out (the command line is no account that may see them). The file is written owner-only.',
    options: {
      year: { type: 'string', value: 'YYYY', description: 'the year', required: true, integer: { min: 2000, max: 2100 } },
      output: { type: 'string', value: 'FILE', description: 'FILE.xlsx or FILE.csv', required: true },
      lang: { type: 'string', value: 'LANG', description: 'language of the headings row: en, ru or kk', default: 'en' },
    },
    args: [],
    env: KEYED_ENV,
  },
  {
    name: 'export open-dataset',
    summary: 'write the CTDC-style open dataset of identified victims, k-anonymous with k = 11 (.csv or .xlsx); refused when k cannot be met',
    description:
      'One row per identified victim of the years (default: every year of the register up to last year), from the whole register, generalised (age band, period of years, world region, macro-region) and suppressed until every combination of the published columns is shared by at least 11 rows. Prints the k reached, the records left out and the levels used; audited like a publication from the web. Exit 0: written; 1: refused (too few victims, or k not met: the reason is printed).',
    options: {
      from: { type: 'string', value: 'YYYY', description: 'the first year (default: the register’s first)', integer: { min: 2000, max: 2100 } },
      to: { type: 'string', value: 'YYYY', description: 'the last year (default: last year)', integer: { min: 2000, max: 2100 } },
      output: { type: 'string', value: 'FILE', description: 'FILE.csv or FILE.xlsx', required: true },
      lang: { type: 'string', value: 'LANG', description: 'language of the headings row: en, ru or kk', default: 'en' },
    },
    args: [],
    env: KEYED_ENV,
  },
  {
    name: 'audit verify',
    summary: 'check the keyed audit chain and the latest signed checkpoint; exit 3 names the first broken entry',
    description: 'Links pending audit entries first (as the server would), then checks the whole chain with the key and against a signed checkpoint.',
    options: {
      checkpoint: { type: 'string', value: 'FILE', description: 'checkpoint to verify against (default: the latest in the checkpoint directory)' },
      'public-key': { type: 'string', value: 'FILE', description: 'public key (PEM) the checkpoint must be signed with (default: the server key)' },
    },
    args: [],
    env: [...KEYED_ENV, 'QORGAU_AUDIT_CHECKPOINT_DIR'],
  },
  {
    name: 'audit checkpoint',
    summary: "sign the audit chain's head (Ed25519) to stdout or a file",
    options: { output: { type: 'string', value: 'FILE', description: 'write the checkpoint to FILE (owner-only) instead of stdout' } },
    args: [],
    env: KEYED_ENV,
  },
  {
    name: 'audit public-key',
    summary: 'print the checkpoint public key (PEM) for auditors',
    options: {},
    args: [],
    env: KEYED_ENV,
  },
  {
    name: 'keys rotate',
    summary: 're-encrypt personal data under a new key (stop the servers first)',
    options: {},
    args: [],
    env: KEYED_ENV,
  },
  {
    name: 'referrals escalate',
    summary: 'escalate referrals not answered by their deadline (the server does this every QORGAU_REFERRAL_ESCALATION_MINUTES)',
    description: 'Marks each overdue referral escalated once, with notices to the provider’s managers and the referring user. Safe to run again.',
    options: {},
    args: [],
    env: [...KEYED_ENV, 'QORGAU_REFERRAL_ANSWER_HOURS'],
  },
  {
    name: 'entitlements remind',
    summary: 'recompute entitlements ending within 30 days and send the 30/7/1-day reminders (the server also does it every six hours)',
    options: {},
    args: [],
    env: KEYED_ENV,
  },
  {
    name: 'link',
    summary: 'link every person in the database (the bulk linkage job; resumes a stopped run)',
    options: {},
    args: [],
    env: KEYED_ENV,
  },
  {
    name: 'dedup',
    summary: "link the rows of a CSV file (or of 'encode' output); writes id,cluster_id",
    description: 'A file-to-file job: no database, no configuration. Input columns are recognised by header (id, given_name, family_name, …).',
    options: {
      input: { type: 'string', value: 'FILE', description: "CSV file to link (or JSONL from 'encode' with --encoded)", required: true },
      output: { type: 'string', value: 'FILE.csv', description: 'where to write id,cluster_id', required: true },
      encoded: { type: 'boolean', description: "the input is 'encode' output (keyed Bloom-filter encodings)" },
    },
    args: [],
    env: [],
  },
  {
    name: 'encode',
    summary: 'keyed Bloom-filter encodings of a CSV file, for privacy-preserving linkage',
    description: 'A file-to-file job: no database. Partners who share the key file can link encodings without exchanging names.',
    options: {
      input: { type: 'string', value: 'FILE.csv', description: 'CSV file to encode', required: true },
      output: { type: 'string', value: 'FILE.jsonl', description: 'where to write the encodings', required: true },
      'key-file': { type: 'string', value: 'FILE', description: 'the shared linkage key', required: true },
    },
    args: [],
    env: [],
  },
];

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

const HELP_OPTION: OptionSpec = { type: 'boolean', description: 'show this help' };

function optionUsage(name: string, o: OptionSpec): string {
  const flag = o.type === 'string' ? `--${name} ${o.value ?? 'VALUE'}` : `--${name}`;
  return o.required ? flag : `[${flag}]`;
}

export function commandUsage(c: CommandSpec): string {
  const parts = ['qorgau', c.name, ...Object.entries(c.options).map(([n, o]) => optionUsage(n, o))];
  for (const a of c.args) parts.push(a.required ? a.name : `[${a.name}]`);
  return `usage: ${parts.join(' ')}`;
}

function table(rows: [string, string][]): string[] {
  const width = Math.max(...rows.map(([l]) => l.length)) + 2;
  return rows.map(([l, r]) => `  ${l.padEnd(width)}${r}`);
}

export function globalHelp(): string {
  return [
    'usage: qorgau <command> [options]',
    '',
    'Qorgau: national anti-trafficking referral and data system.',
    '',
    'Commands:',
    ...table([...COMMANDS.map((c): [string, string] => [c.name, c.summary]), ['help [command]', 'show this help, or a command’s']]),
    '',
    "Run 'qorgau <command> --help' for a command's options and environment variables.",
    'Exit status: 0 done, 1 failed, 2 wrong usage, 3 audit chain or checkpoint broken.',
    'More: README.md and docs/ (docs/deploying.md for production).',
  ].join('\n');
}

export function commandHelp(c: CommandSpec): string {
  const lines = [commandUsage(c), '', `${c.summary[0]?.toUpperCase()}${c.summary.slice(1)}.`];
  if (c.description) lines.push(c.description);
  if (c.args.length) lines.push('', 'Arguments:', ...table(c.args.map((a) => [a.name, `${a.description}${a.required ? ' (required)' : ''}`])));
  const options: [string, string][] = Object.entries(c.options).map(([n, o]) => {
    const notes = [o.required ? 'required' : null, o.default !== undefined ? `default ${o.default}` : null].filter(Boolean);
    return [o.type === 'string' ? `--${n} ${o.value ?? 'VALUE'}` : `--${n}`, `${o.description}${notes.length ? ` (${notes.join(', ')})` : ''}`];
  });
  options.push(['-h, --help', HELP_OPTION.description]);
  lines.push('', 'Options:', ...table(options));
  if (c.env.length) lines.push('', 'Environment:', ...table(c.env.map((e) => [e, ENV_DOCS[e]])));
  else lines.push('', 'Environment: none (runs without configuration or database).');
  return lines.join('\n');
}

export function groupHelp(group: string): string {
  const members = COMMANDS.filter((c) => c.name.startsWith(`${group} `));
  return [
    `usage: qorgau ${group} <${members.map((c) => c.name.slice(group.length + 1)).join('|')}> [options]`,
    '',
    'Commands:',
    ...table(members.map((c) => [c.name, c.summary])),
    '',
    `Run 'qorgau ${group} <command> --help' for its options.`,
  ].join('\n');
}

export type Parsed =
  | { kind: 'help'; text: string }
  | { kind: 'usage-error'; message: string; usage: string }
  | { kind: 'run'; command: CommandSpec; values: Record<string, string | boolean | undefined>; args: string[] };

const isHelpFlag = (a: string | undefined) => a === '--help' || a === '-h';

/** Turns argv (without node and the script) into a command with validated values, a help text, or a usage error. */
export function parseCommandLine(argv: readonly string[]): Parsed {
  const [first, second] = argv;
  if (first === undefined) return { kind: 'usage-error', message: 'no command given', usage: globalHelp() };
  if (isHelpFlag(first)) return { kind: 'help', text: globalHelp() };
  if (first === 'help') {
    const rest = argv.slice(1).filter((a) => !isHelpFlag(a));
    if (rest.length === 0) return { kind: 'help', text: globalHelp() };
    const found = findCommand(rest);
    if (found.kind !== 'run') return found;
    return { kind: 'help', text: commandHelp(found.command) };
  }
  if (first.startsWith('-')) return { kind: 'usage-error', message: `expected a command before the option ${first}`, usage: globalHelp() };
  const found = findCommand(argv);
  if (found.kind !== 'run') {
    // `qorgau audit --help`: the group's commands.
    if (isHelpFlag(second) && COMMANDS.some((c) => c.name.startsWith(`${first} `))) return { kind: 'help', text: groupHelp(first) };
    return found;
  }
  const c = found.command;
  const rest = argv.slice(c.name.split(' ').length);
  if (rest.some(isHelpFlag)) return { kind: 'help', text: commandHelp(c) };
  return validate(c, rest);
}

function findCommand(argv: readonly string[]): Parsed {
  const [first, second] = argv;
  const two = COMMANDS.find((c) => c.name === `${first} ${second}`);
  const one = COMMANDS.find((c) => c.name === first);
  const command = two ?? one;
  if (command) return { kind: 'run', command, values: {}, args: [] };
  if (COMMANDS.some((c) => c.name.startsWith(`${first} `))) {
    const message = second === undefined || second.startsWith('-') ? `'${first}' needs a command` : `unknown command '${first} ${second}'`;
    return { kind: 'usage-error', message, usage: groupHelp(first as string) };
  }
  return { kind: 'usage-error', message: `unknown command '${first}'`, usage: globalHelp() };
}

function validate(c: CommandSpec, rest: readonly string[]): Parsed {
  const usage = commandHelp(c);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    const options = Object.fromEntries(Object.entries(c.options).map(([n, o]) => [n, { type: o.type }]));
    parsed = parseArgs({ args: [...rest], options, allowPositionals: true, strict: true });
  } catch (e) {
    // parseArgs names the unknown option or the missing value; its advice about '--' does not apply here.
    const message = ((e as Error).message ?? 'invalid arguments').split('. ')[0] ?? 'invalid arguments';
    return { kind: 'usage-error', message, usage };
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  for (const [name, o] of Object.entries(c.options)) {
    const v = values[name];
    if (v === undefined && o.required) return { kind: 'usage-error', message: `missing --${name} ${o.value ?? 'VALUE'}`, usage };
    if (typeof v === 'string' && o.type === 'string' && v.trim() === '') return { kind: 'usage-error', message: `--${name} is empty`, usage };
    if (typeof v === 'string' && o.integer) {
      const n = Number(v);
      if (!/^\d+$/.test(v) || n < o.integer.min || n > o.integer.max) {
        return { kind: 'usage-error', message: `--${name} must be a whole number from ${o.integer.min} to ${o.integer.max}, not '${v}'`, usage };
      }
    }
    if (v === undefined && o.default !== undefined) values[name] = o.default;
  }
  const args = parsed.positionals;
  const required = c.args.filter((a) => a.required).length;
  if (args.length < required) return { kind: 'usage-error', message: `missing argument ${c.args[args.length]?.name}`, usage };
  if (args.length > c.args.length) return { kind: 'usage-error', message: `unexpected argument '${args[c.args.length]}'`, usage };
  return { kind: 'run', command: c, values, args };
}
