import { defineConfig } from 'vitest/config';
import { i18nGroup } from './apps/web/vite-i18n-group.ts';

// One runner for every kind of test. Integration and browser suites decide for
// themselves whether their dependency (TEST_DATABASE_URL, /usr/bin/chromium) is present;
// with QORGAU_TEST_STRICT=1 (set by .ci/run) a missing one is a failure, not a skip.

/**
 * The audit chain's verifier reads the cluster's snapshot horizon: an open transaction of any
 * other test file, in any database (transaction ids are cluster-wide), rightly makes a removed
 * tail look "pending" rather than "stranded". These files therefore run first and alone; the
 * rest run two at a time (most of a file's time waits on PostgreSQL or Chromium, not the CPU).
 */
const ALONE = [
  'apps/server/test/audit.int.test.ts',
  'apps/server/test/audit-keys.int.test.ts',
  'apps/server/test/cli.int.test.ts',
  'apps/server/test/backup-restore.int.test.ts',
  'apps/server/test/crash-safety.int.test.ts',
];
const ALL = ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.{ts,tsx}', 'apps/*/test/**/*.test.ts', 'i18n/**/*.test.ts', 'e2e/**/*.test.ts'];

const shared = {
  testTimeout: 60_000,
  hookTimeout: 120_000,
  pool: 'forks' as const,
  env: { TMPDIR: process.env.TMPDIR ?? '/tmp' },
};

export default defineConfig({
  // `…/i18n/<lng>.json?group=…` imports of the public report page (apps/web/src/report).
  plugins: [i18nGroup()],
  test: {
    ...shared,
    projects: [
      {
        extends: true,
        test: { ...shared, name: 'alone', include: ALONE, fileParallelism: false, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: { ...shared, name: 'paired', include: ALL, exclude: [...ALONE, '**/node_modules/**'], maxWorkers: 2, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
