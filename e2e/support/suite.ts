import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { browserAvailable, launchChromium } from './browser.ts';
import { type RunningQorgau, startQorgau } from './qorgau-server.ts';

/**
 * A browser suite: skipped when Chromium is not installed, except in strict mode
 * (QORGAU_TEST_STRICT=1, as in CI), where its absence fails the run (browser.ts).
 */
export function describeInChromium(name: string, suite: () => void): void {
  describe.skipIf(!browserAvailable())(name, suite);
}

export interface QorgauBrowser {
  /** The running Qorgau; read it inside a test (it starts in `beforeAll`). */
  readonly q: RunningQorgau;
  /** Chromium, launched alongside. */
  readonly browser: Browser;
}

/**
 * Inside a `describeInChromium` block: starts Qorgau (`startQorgau(opts)`) and launches Chromium
 * before the suite's tests, and closes both after them.
 */
export function useQorgauBrowser(opts: Parameters<typeof startQorgau>[0] = {}): QorgauBrowser {
  let q: RunningQorgau | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [q, browser] = await Promise.all([startQorgau(opts), launchChromium()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await q?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('Qorgau and Chromium start in beforeAll: read them inside a test');
    return value;
  };
  return {
    get q() {
      return started(q);
    },
    get browser() {
      return started(browser);
    },
  };
}
