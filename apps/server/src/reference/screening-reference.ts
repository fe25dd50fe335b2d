import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  checkReferenceSet,
  parseIndicatorList,
  parseRuleConfig,
  parseWorkingCalendar,
  type FieldIssue,
  type ScreeningReference,
  type WorkingCalendar,
} from '@qorgau/core';

export const DEFAULT_REFERENCE_DIR = fileURLToPath(new URL('../../../../reference', import.meta.url));

export class ReferenceDataError extends Error {}

const describe = (file: string, issues: FieldIssue[]) =>
  `${file}: ${issues
    .slice(0, 5)
    .map((i) => `${i.path || '(root)'} ${i.code}`)
    .join('; ')}${issues.length > 5 ? ' …' : ''}`;

/**
 * Loads the screening indicator lists and rules (reference/indicators/): every `*.json` but
 * `rules.*.json` is a list; `rules.v<N>.json` with the highest N is the rule set. No indicator
 * text or grade lives in code (DOMAIN.md §3); invalid or inconsistent files stop the start-up.
 */
export function loadScreeningReference(dir: string = DEFAULT_REFERENCE_DIR): ScreeningReference {
  const folder = join(dir, 'indicators');
  const files = readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const read = (f: string): unknown => JSON.parse(readFileSync(join(folder, f), 'utf8'));
  const ruleFiles = files.filter((f) => /^rules\.v\d+\.json$/.test(f));
  const latestRules = ruleFiles.sort((a, b) => Number(a.match(/\d+/)?.[0]) - Number(b.match(/\d+/)?.[0])).at(-1);
  if (!latestRules) throw new ReferenceDataError(`no rules.v<N>.json in ${folder}`);
  const rules = parseRuleConfig(read(latestRules));
  if (!rules.ok) throw new ReferenceDataError(describe(latestRules, rules.issues));
  const lists = files
    .filter((f) => !f.startsWith('rules.'))
    .map((f) => {
      const parsed = parseIndicatorList(read(f));
      if (!parsed.ok) throw new ReferenceDataError(describe(f, parsed.issues));
      return parsed.value;
    });
  const issues = checkReferenceSet(lists, rules.value);
  if (issues.length) throw new ReferenceDataError(describe('reference set', issues));
  return { lists, rules: rules.value };
}

/** Kazakhstan's working calendar (public holidays and decreed transfers) for deadlines. */
export function loadWorkingCalendar(dir: string = DEFAULT_REFERENCE_DIR): WorkingCalendar {
  const file = join(dir, 'calendar', 'kz-holidays.json');
  const parsed = parseWorkingCalendar(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.ok) throw new ReferenceDataError(describe(file, parsed.issues));
  return parsed.value;
}
