import { defineConfig } from 'vitest/config';

// One runner for every kind of test. Integration and browser suites decide for
// themselves whether their dependency (TEST_DATABASE_URL, /usr/bin/chromium) is present;
// with QORGAU_TEST_STRICT=1 (set by .ci/run) a missing one is a failure, not a skip.
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.{ts,tsx}', 'apps/*/test/**/*.test.ts', 'i18n/**/*.test.ts', 'e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    env: { TMPDIR: process.env.TMPDIR ?? '/tmp' },
  },
});
