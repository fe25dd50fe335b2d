import { defineConfig } from 'vitest/config';
import { i18nGroup } from './apps/web/vite-i18n-group.ts';

// One runner for every kind of test. Integration and browser suites decide for
// themselves whether their dependency (TEST_DATABASE_URL, /usr/bin/chromium) is present;
// with QORGAU_TEST_STRICT=1 (set by .ci/run) a missing one is a failure, not a skip.
export default defineConfig({
  // `…/i18n/<lng>.json?group=…` imports of the public report page (apps/web/src/report).
  plugins: [i18nGroup()],
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.{ts,tsx}', 'apps/*/test/**/*.test.ts', 'i18n/**/*.test.ts', 'e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    env: { TMPDIR: process.env.TMPDIR ?? '/tmp' },
  },
});
