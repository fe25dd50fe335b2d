import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/cli/command-table.ts';

const bin = fileURLToPath(new URL('../bin/qorgau.mjs', import.meta.url));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A few at a time: each is a Node process compiling TypeScript, on a machine that runs other tests too. */
let running = 0;
const waiting: (() => void)[] = [];
async function qorgau(...args: string[]): Promise<Run> {
  if (running >= 3) await new Promise<void>((go) => waiting.push(go));
  running++;
  try {
    return await spawnQorgau(args);
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** The command line as an operator runs it (a separate process, through bin/qorgau.mjs). */
function spawnQorgau(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, LOG_LEVEL: 'silent' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString('utf8');
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('qorgau help and usage errors', () => {
  it('--help and help exit 0 and list every command', async () => {
    for (const r of await Promise.all([qorgau('--help'), qorgau('help'), qorgau('-h')])) {
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
      for (const c of COMMANDS) expect(r.stdout).toContain(`  ${c.name} `);
      expect(r.stdout).toContain('qorgau <command> --help');
      expect(r.stdout).toContain('README.md');
    }
  }, 120_000);

  it("<command> --help and help <command> print that command's options, arguments and environment variables", async () => {
    const runs = await Promise.all(COMMANDS.map((c) => qorgau(...c.name.split(' '), '--help')));
    COMMANDS.forEach((c, i) => {
      const r = runs[i] as Run;
      expect(r.status, `${c.name}: ${r.stderr}`).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^usage: qorgau ${c.name}\\b`));
      for (const option of Object.keys(c.options)) expect(r.stdout, c.name).toContain(`--${option}`);
      for (const arg of c.args) expect(r.stdout, c.name).toContain(arg.name);
      for (const env of c.env) expect(r.stdout, c.name).toContain(env);
      expect(r.stdout).toContain('--help');
    });
    // The table is not empty of what matters: seed's options and the data directory are there.
    const seed = runs[COMMANDS.findIndex((c) => c.name === 'seed')] as Run;
    expect(seed.stdout).toMatch(/--persons N[\s\S]*QORGAU_DATA_DIR/);
    // `help <command>` is the same text.
    const [helpSeed, helpVerify, verify] = await Promise.all([qorgau('help', 'seed'), qorgau('help', 'audit', 'verify'), qorgau('audit', 'verify', '-h')]);
    expect(helpSeed.stdout).toBe(seed.stdout);
    expect(helpVerify.stdout).toBe(verify.stdout);
    expect(helpVerify.stdout).toContain('--checkpoint FILE');
  }, 180_000);

  it('a group without its command lists the group', async () => {
    const listed = await qorgau('audit', '--help');
    expect(listed.status).toBe(0);
    expect(listed.stdout).toMatch(/audit verify[\s\S]*audit checkpoint[\s\S]*audit public-key/);
    const missing = await qorgau('audit');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("'audit' needs a command");
  }, 120_000);

  it('an unknown command, an unknown option, a missing or invalid argument: stderr says what, exit 2, nothing run', async () => {
    const [unknown, unknownSub, unknownOption, missing, invalid, none] = await Promise.all([
      qorgau('frobnicate'),
      qorgau('audit', 'frobnicate'),
      qorgau('dedup', '--input', 'a.csv', '--output', 'b.csv', '--fast'),
      qorgau('encode', '--input', 'a.csv', '--output', 'b.jsonl'),
      qorgau('seed', '--persons', 'many'),
      qorgau(),
    ]);
    for (const r of [unknown, unknownSub, unknownOption, missing, invalid, none]) {
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('usage: qorgau');
    }
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    expect(unknownSub.stderr).toContain("unknown command 'audit frobnicate'");
    expect(unknownOption.stderr).toContain("'--fast'");
    expect(missing.stderr).toContain('missing --key-file');
    expect(missing.stderr).toMatch(/^usage: qorgau encode/m);
    expect(invalid.stderr).toContain("--persons must be a whole number from 0 to 10000000, not 'many'");
    expect(none.stderr).toContain('no command given');
  }, 120_000);
});
