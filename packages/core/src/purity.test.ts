import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

/**
 * The core runs in the browser too (offline rules): it may import zod and itself, nothing from
 * Node, databases, servers or UI frameworks, and never read the environment.
 */
const FORBIDDEN = /from ['"](node:|fs|path|crypto|pg|drizzle-orm|fastify|react|@electric-sql)|process\.env|require\(/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

it('packages/core stays pure', () => {
  const root = fileURLToPath(new URL('.', import.meta.url));
  const files = sources(root);
  expect(files.length).toBeGreaterThan(10);
  const impure = files.filter((f) => FORBIDDEN.test(readFileSync(f, 'utf8')));
  expect(impure).toEqual([]);
});
