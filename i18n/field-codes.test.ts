import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import en from './en.json';
import kk from './kk.json';
import ru from './ru.json';

const root = fileURLToPath(new URL('..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sources(p);
    return /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [p] : [];
  });
}

/**
 * Field-level errors carry a code the server translates as `validation.<code>`: every code the
 * server or the core can raise (`{ path, code: '…' }`) must have a message in every language.
 */
it('every field error code raised in the code has a translated message', () => {
  const codes = new Set<string>();
  for (const file of [...sources(join(root, 'apps/server/src')), ...sources(join(root, 'packages/core/src'))]) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\bcode: '([a-z_]+)'/g)) codes.add(m[1] as string);
  }
  expect(codes.size).toBeGreaterThan(10);
  for (const [lng, catalog] of Object.entries({ kk, ru, en })) {
    const validation = (catalog as { validation: Record<string, string> }).validation;
    const missing = [...codes].filter((c) => !validation[c]);
    expect(missing, lng).toEqual([]);
  }
});
