import type { WorkingCalendar } from '@qorgau/core';
import type { ReferenceStore } from './reference/reference-store.ts';
import type { Config } from './config.ts';
import type { FieldCipher } from './crypto/field-cipher.ts';
import type { Db } from './db/client.ts';
import type { Translator } from './http/i18n.ts';

/** Everything a module needs, built once by the composition root (main.ts) or a test. */
export interface AppDeps {
  db: Db;
  cipher: FieldCipher;
  config: Config;
  translator: Translator;
  /** Screening indicator lists and rules: shipped files, overridden by administrators' uploads. */
  reference: ReferenceStore;
  calendar: WorkingCalendar;
  /** The clock; injected so deadline rules are testable. */
  now: () => Date;
}
