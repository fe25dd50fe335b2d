import { chmodSync, existsSync, lstatSync, readdirSync } from 'node:fs';
import { join, relative, isAbsolute } from 'node:path';
import type { Config } from '../config.ts';

/**
 * Owner-only files for everything this process creates: the database holds ciphertext, blind
 * indexes and the audit log, the key file decrypts them, and a shared server's other accounts
 * must read none of it. Set first thing in every entry point (server and command line).
 */
export function restrictProcessUmask(): void {
  process.umask(0o077);
}

/**
 * PGlite writes some of its files with mode 0666 whatever the umask (PG_VERSION, pg_hba.conf,
 * pg_internal.init…), and a directory from an older release may already be world-writable, so
 * the tree is tightened at start-up and after close: no group or other bits anywhere.
 * Symbolic links are left alone (chmod would follow them out of the directory).
 */
export function restrictDataDir(dir: string): void {
  if (!existsSync(dir)) return;
  const walk = (path: string) => {
    const st = lstatSync(path);
    if (st.isSymbolicLink()) return;
    if ((st.mode & 0o077) !== 0) chmodSync(path, st.mode & 0o700);
    if (st.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
  };
  walk(dir);
}

/**
 * A real deployment keeps the key file apart from the database (docs/keys-and-encryption.md):
 * a copy of the data directory, or a backup of it, must not carry the key that decrypts it.
 * The demo keeps both in ./data for convenience, so only a non-demo start warns.
 */
export function keyFileInsideDataDir(config: Pick<Config, 'keyFile' | 'dataDir' | 'seed'>): boolean {
  if (config.seed === 'demo') return false;
  const rel = relative(config.dataDir, config.keyFile);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}
