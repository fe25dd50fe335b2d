import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// semver comes with fastify (a server dependency); its types are not installed, so it is typed here.
const semver = createRequire(import.meta.url)('semver') as {
  validRange(range: string): string | null;
  subset(sub: string, sup: string): boolean;
  minVersion(range: string): { version: string } | null;
};

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

/** The Node versions the README promises: "Needs Node 20 (≥ 20.19)" is every 20.x from 20.19.0. */
function readmeNodeRange(): string {
  const m = /Needs Node (\d+) \(≥ (\d+\.\d+(?:\.\d+)?)\)/.exec(read('README.md'));
  if (!m) throw new Error('README.md no longer says which Node version it needs ("Needs Node N (≥ N.M)")');
  const [, major, min] = m as unknown as [string, string, string];
  return `>=${min.split('.').length === 2 ? `${min}.0` : min} <${Number(major) + 1}.0.0-0`;
}

describe('the Node version the README names', () => {
  it('is what package.json engines asks for', () => {
    const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;
    expect(semver.minVersion(engines)?.version).toBe(semver.minVersion(readmeNodeRange())?.version);
  });

  it("satisfies every locked package's engines.node, so npm install warns about none", () => {
    const promised = readmeNodeRange();
    const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, { engines?: { node?: string } | string[] }> };
    const checked: string[] = [];
    const unsupported: string[] = [];
    for (const [path, pkg] of Object.entries(lock.packages)) {
      const range = pkg.engines && !Array.isArray(pkg.engines) ? pkg.engines.node : undefined;
      if (!path || !range) continue;
      checked.push(path);
      const valid = semver.validRange(range);
      if (!valid || !semver.subset(promised, valid)) unsupported.push(`${path.replace(/^.*node_modules\//, '')} wants node ${range}`);
    }
    expect(checked.length).toBeGreaterThan(50);
    expect(unsupported).toEqual([]);
  });
});
